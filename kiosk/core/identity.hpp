#pragma once

#include <storage/calendar.hpp>
#include <storage/keys.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

/// Where and how often the running kiosk syncs by itself ("sync" in kiosk.json; FORMAT.md).
struct SyncSettings {
    std::filesystem::path folder;      // a network share mounted by the operating system
    int exportEveryMinutes = 60;       // at most this often while something is unconfirmed
    int dailyAtMinutes = 15 * 60 + 30; // local time, minutes after midnight: the working-day export
    int checkEverySeconds = 60;        // how often the folder is looked at for receipts
};

/// Who this kiosk is: its name, the team's keys, its own signing key, and whether it is only a demo.
struct Identity {
    std::filesystem::path dataDir;
    std::string name;
    storage::PublicKey key;                // the team's sealing key every submission is sealed to
    storage::SigningPublicKey teamSigning; // the team's signing key, which signs receipts
    storage::SigningPublicKey kioskKey;    // this kiosk's own signing key, which signs its bundles
    bool demo = true;
    std::vector<storage::Date> closures; // days the complaints team is closed, besides bank holidays
    int keepReceivedDays = 0;            // how long a row the team has confirmed is kept
    std::optional<SyncSettings> sync;
    int closesAtMinutes = 17 * 60;       // the centre's closing time ("closes_at" in kiosk.json), local
    std::string keyProblem;              // why a team key cannot be read (key left zero); openKiosk throws

    [[nodiscard]] std::filesystem::path databaseFile() const { return dataDir / "kiosk.db"; }
    [[nodiscard]] std::filesystem::path syncStateFile() const { return dataDir / "sync-state.json"; }
    /// The secret half of the kiosk's signing key, read from the tablet only when it is needed.
    [[nodiscard]] storage::SigningKeyPair signingKeys() const;
};

/// Reads the identity of an existing kiosk without changing anything on disk. Throws
/// storage::Error with a message for staff if the folder is not a kiosk's data folder, if a
/// provisioned kiosk's team key has gone, or if kiosk.json holds something it cannot use.
[[nodiscard]] Identity openKiosk(const std::filesystem::path& dataDir);

/// As openKiosk, except that a team key that is missing or cannot be read is no reason to stop: the
/// key is left zero and keyProblem says why. For the commands that must still work on such a kiosk
/// (`admin status` says why it cannot store; `admin set-pin` lets staff in to read it there).
[[nodiscard]] Identity openKioskEvenWithoutKey(const std::filesystem::path& dataDir);

/// For starting the kiosk itself, the one thing that may make a kiosk: creates the folder (owner
/// only) and, on a kiosk never provisioned, a demo key pair; makes the kiosk's signing key if it has
/// none and writes its public identity; then reads the identity as openKioskEvenWithoutKey, so that
/// a kiosk whose team key has gone still starts, to ask children to find a member of staff. Refuses
/// a folder that is neither new, empty, nor a kiosk's.
[[nodiscard]] Identity startKiosk(const std::filesystem::path& dataDir);

/// Whether the folder holds the complaints team's key or settings from provisioning. Changes
/// nothing; throws what the file system throws on a folder it cannot read.
[[nodiscard]] bool isProvisioned(const std::filesystem::path& dataDir);

/// What provisioning did.
struct ProvisionResult {
    int waitingUnderUnreadableKey = 0;  // unconfirmed submissions sealed to a key that could not be read
    bool wasDemo = false;               // the kiosk ran in demo mode until now (not a new, empty folder)
    int demoSubmissionsRemoved = 0;     // demo submissions deleted, with the demo keys
    bool newKioskKey = false;           // a new kiosk signing key was made: the team must enrol it
    std::string kioskFingerprint;       // of the kiosk's signing key, to read aloud to the team
    std::filesystem::path identityFile; // kiosk-identity.json, for the team to enrol
};

/// Installs the complaints team's public keys and a name, creating the folder if needed. A kiosk
/// that ran in demo mode loses its demo keys and demo submissions (sealed to a key on the tablet)
/// and gets a new signing key; a provisioned kiosk loses nothing and keeps its signing key. Refuses
/// while submissions sealed to another team key are unconfirmed, so that none is sent under the
/// wrong one; a key that cannot be read any more can always be replaced, so nothing is stranded.
ProvisionResult provision(const std::filesystem::path& dataDir, const std::filesystem::path& publicKeyFile,
                          const std::string& name);

} // namespace kiosk::core
