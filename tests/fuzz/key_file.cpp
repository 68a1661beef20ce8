#include <fuzz/fuzz_target.hpp>
#include <fuzz/scratch_dir.hpp>

#include <storage/error.hpp>
#include <storage/keys.hpp>

// Key files are handed around by people: the team's public keys to IT, then to each kiosk; a
// kiosk's identity to the team; the secret keys stay where they were made. Every reader takes a
// path, so the input is written to a file and read as each kind. Anything but a well-formed key
// file of the right lengths, whose secret keys give its public keys, must be refused with
// storage::Error: provisioning relies on catching exactly that to let IT replace a damaged key.
//
// A team secret key file that needs a passphrase is opened with the one its seed was made with
// (fuzz::kSeedPassphrase); an input that reaches the passphrase's hash costs what its limits say,
// up to libsodium's "sensitive" ones, which the reader refuses to go beyond.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    static const fuzz::ScratchDir scratch;
    const auto file = scratch.write("input.key", fuzz::text(data, size));
    try {
        const auto keys = storage::loadTeamPublicKeys(file);
        fuzz::accepted = true;
        (void)storage::fingerprint(keys.sealing);
        (void)storage::fingerprint(keys.signing);
    } catch (const storage::Error&) {
    }
    try {
        const bool protectedFile = storage::needsPassphrase(file);
        const auto keys = storage::loadTeamKeys(
            file, protectedFile ? std::optional<std::string_view>(fuzz::kSeedPassphrase) : std::nullopt);
        fuzz::accepted = true;
        (void)storage::fingerprint(keys.signing.publicKey);
    } catch (const storage::Error&) {
    }
    try {
        const auto keys = storage::loadKioskSigningKey(file);
        fuzz::accepted = true;
        (void)storage::fingerprint(keys.publicKey);
    } catch (const storage::Error&) {
    }
    try {
        const auto identity = storage::loadKioskIdentity(file);
        fuzz::accepted = true;
        (void)storage::fingerprint(identity.signing);
    } catch (const storage::Error&) {
    }
    return 0;
}
