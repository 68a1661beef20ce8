#include <fuzz/fuzz_target.hpp>
#include <fuzz/scratch_dir.hpp>

#include <storage/error.hpp>
#include <storage/keys.hpp>

// Key files are handed around by people: the team's public key to IT, then to each kiosk; the
// secret key stays with the team. Both readers take a path, so the input is written to a file and
// read as a public key and as a key pair. Anything but a well-formed key of the right length must
// be refused with storage::Error: provisioning relies on catching exactly that to let IT replace
// a damaged key.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    static const fuzz::ScratchDir scratch;
    const auto file = scratch.write("input.key", fuzz::text(data, size));
    try {
        const auto key = storage::loadPublicKey(file);
        fuzz::accepted = true;
        (void)storage::fingerprint(key);
    } catch (const storage::Error&) {
    }
    try {
        const auto pair = storage::loadKeyPair(file);
        fuzz::accepted = true;
        (void)storage::fingerprint(pair.publicKey);
    } catch (const storage::Error&) {
    }
    return 0;
}
