#include <fuzz/fuzz_target.hpp>
#include <fuzz/scratch_dir.hpp>

#include <core/identity.hpp>
#include <storage/error.hpp>

// kiosk.json is edited by hand by IT (closure dates) and read by core::openKiosk each time the
// kiosk or an admin command starts. It is read from a kiosk folder that also holds a real demo
// public key, so that an accepted configuration goes all the way through. Anything openKiosk cannot
// use must be refused with storage::Error, which carries a message for staff.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    static const fuzz::ScratchDir kiosk;
    static const storage::PublicKey demoKey = [] {
        const auto pair = storage::KeyPair::generate();
        storage::savePublicKey(kiosk.path() / "demo-public.key", pair.publicKey);
        return pair.publicKey;
    }();
    kiosk.write("kiosk.json", fuzz::text(data, size));
    try {
        const auto identity = core::openKiosk(kiosk.path());
        fuzz::accepted = true;
        fuzz::check(identity.demo && identity.key.bytes == demoKey.bytes,
                    "an unprovisioned kiosk seals to its demo key");
        fuzz::check(!identity.name.empty(), "a kiosk has a name");
    } catch (const storage::Error& e) {
        // Read, and found to belong to a provisioned kiosk, whose team key this folder lacks.
        fuzz::accepted = e.kind() == storage::Error::Kind::NoKey;
    }
    return 0;
}
