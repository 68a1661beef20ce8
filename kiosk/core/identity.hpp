#pragma once

#include <storage/calendar.hpp>
#include <storage/keys.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::core {

/// Who this kiosk is: its name, the key it seals to, and whether it is only a demo.
struct Identity {
    std::filesystem::path dataDir;
    std::string name;
    storage::PublicKey key;
    bool demo = true;
    std::vector<storage::Date> closures; // days the complaints team is closed, besides bank holidays

    [[nodiscard]] std::filesystem::path databaseFile() const { return dataDir / "kiosk.db"; }
};

/// Reads the identity of an existing kiosk without changing anything on disk. Throws
/// storage::Error with a message for staff if the folder is not a kiosk's data folder, or if a
/// provisioned kiosk's team key has gone.
[[nodiscard]] Identity openKiosk(const std::filesystem::path& dataDir);

/// For starting the kiosk itself, the one thing that may make a kiosk: creates the folder (owner
/// only) and, on a kiosk never provisioned, a demo key pair; then reads the identity as openKiosk.
/// Refuses a folder that is neither new, empty, nor a kiosk's.
[[nodiscard]] Identity startKiosk(const std::filesystem::path& dataDir);

/// What provisioning found.
struct ProvisionResult {
    int waitingUnderUnreadableKey = 0; // waiting submissions sealed to a key that could not be read
};

/// Installs the complaints team's public key and a name, creating the folder if needed. Refuses
/// while submissions sealed to another key are waiting, so that none is exported under the wrong
/// one; a key that cannot be read any more can always be replaced, so nothing is stranded.
ProvisionResult provision(const std::filesystem::path& dataDir, const std::filesystem::path& publicKeyFile,
                          const std::string& name);

} // namespace kiosk::core
