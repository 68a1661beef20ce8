#include <fuzz/fuzz_target.hpp>

#include <storage/bundle.hpp>
#include <storage/error.hpp>
#include <storage/signed_file.hpp>

// A bundle comes to the complaints team's computer on a USB stick or through a shared folder. The
// reader must refuse anything but a complete, known bundle, signed by the kiosk key it names, with
// storage::Error (intake reports that and goes on with the next file), and what it accepts must
// write back as the same bundle.
//
// A fuzzer cannot sign: past the first changed byte of a seed's payload, readBundle stops at the
// signature. So the payload (what follows the blank line, or the whole input if there is none) is
// also read on its own, as readBundle reads it once the signature holds.

namespace {

void checkRoundTrip(const kiosk::storage::Bundle& bundle) {
    using namespace kiosk;
    const std::string written = storage::toJson(bundle);
    fuzz::check(storage::toJson(storage::bundleFromJson(written)) == written,
                "a bundle reads back as written");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    const std::string_view input = fuzz::text(data, size);
    try {
        const auto bundle = storage::readBundle(input);
        fuzz::accepted = true;
        fuzz::check(bundle.kioskKey == storage::verifySignedFile(input).signer, "a bundle names its signer");
        checkRoundTrip(bundle);
    } catch (const storage::Error&) {
    }
    const auto blank = input.find("\n\n");
    try {
        checkRoundTrip(
            storage::bundleFromJson(blank == std::string_view::npos ? input : input.substr(blank + 2)));
    } catch (const storage::Error&) {
    }
    return 0;
}
