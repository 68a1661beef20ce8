#include <fuzz/fuzz_target.hpp>

#include <storage/bundle.hpp>
#include <storage/error.hpp>

// A bundle comes to the complaints team's computer on a USB stick. The reader must refuse anything
// but a complete, known bundle with storage::Error (intake reports that and goes on with the next
// file), and what it accepts must write back as the same bundle.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    storage::Bundle bundle;
    try {
        bundle = storage::bundleFromJson(fuzz::text(data, size));
    } catch (const storage::Error&) {
        return 0;
    }
    fuzz::accepted = true;
    const std::string written = storage::toJson(bundle);
    fuzz::check(storage::toJson(storage::bundleFromJson(written)) == written,
                "a bundle reads back as written");
    return 0;
}
