#include <fuzz/fuzz_target.hpp>

#include <i18n/catalogue.hpp>

// The translation catalogues are edited by translators, in their own tools, and read when the kiosk
// starts. A broken one must be refused with LoadError (file, line, what is wrong); what is accepted
// is then used as the kiosk uses it: looked up, in every plural form, with its placeholders filled.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    std::vector<i18n::PoEntry> entries;
    try {
        entries = i18n::parsePo(fuzz::text(data, size), "fuzz.po");
    } catch (const i18n::LoadError&) {
        return 0;
    }
    fuzz::accepted = true;
    for (const char* code : {"cy", "en"}) {
        const auto catalogue = i18n::Catalogue::fromEntries(code, entries);
        for (const auto& [name, forms] : catalogue.all()) {
            const i18n::Key key{name};
            (void)i18n::format(catalogue.text(key), {{"date", "24 Tachwedd"}, {"count", "3"}});
            for (long n = 0; n <= 7; ++n)
                (void)i18n::placeholders(catalogue.plural(key, n));
        }
    }
    return 0;
}
