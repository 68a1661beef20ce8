#include <fuzz/fuzz_target.hpp>
#include <fuzz/scratch_dir.hpp>

#include <core/identity.hpp>
#include <storage/error.hpp>

// kiosk.json is edited by hand by IT (closure dates, the sync folder, how long confirmed
// submissions are kept) and read by core::openKiosk each time the kiosk or an admin command
// starts. It is read from a kiosk folder that also holds a real demo key file and a kiosk signing
// key, so that an accepted configuration goes all the way through. Anything openKiosk cannot use
// must be refused with storage::Error, which carries a message for staff naming the file.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    static const fuzz::ScratchDir kiosk;
    static const storage::PublicKey demoKey = [] {
        const auto team = storage::TeamKeys::generate();
        storage::saveTeamPublicKeys(kiosk.path() / "demo-public.key", team.publicKeys());
        storage::saveKioskSigningKey(kiosk.path() / "kiosk-secret.key", storage::SigningKeyPair::generate());
        return team.sealing.publicKey;
    }();
    kiosk.write("kiosk.json", fuzz::text(data, size));
    try {
        const auto identity = core::openKiosk(kiosk.path());
        fuzz::accepted = true;
        fuzz::check(identity.demo && identity.key.bytes == demoKey.bytes,
                    "an unprovisioned kiosk seals to its demo key");
        fuzz::check(!identity.name.empty(), "a kiosk has a name");
        fuzz::check(identity.keepReceivedDays >= 0, "confirmed submissions are never kept a negative time");
        if (identity.sync) {
            const auto& sync = *identity.sync;
            fuzz::check(sync.folder.is_absolute(), "the sync folder is a full path");
            fuzz::check(sync.exportEveryMinutes > 0 && sync.checkEverySeconds > 0,
                        "the sync intervals are positive");
            fuzz::check(sync.dailyAtMinutes >= 0 && sync.dailyAtMinutes < 24 * 60,
                        "daily_at is a time of day");
        }
    } catch (const storage::Error& e) {
        // Read, and found to belong to a provisioned kiosk, whose team key this folder lacks.
        fuzz::accepted = e.kind() == storage::Error::Kind::NoKey;
    }
    return 0;
}
