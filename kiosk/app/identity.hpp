#pragma once

#include <storage/calendar.hpp>
#include <storage/keys.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::app {

/// Who this kiosk is: its name, the key it seals to, and whether it is only a demo.
struct Identity {
    std::filesystem::path dataDir;
    std::string name;
    storage::PublicKey key;
    bool demo = true;
    std::vector<storage::Date> closures; // days the complaints team is closed, besides bank holidays

    [[nodiscard]] std::filesystem::path databaseFile() const { return dataDir / "kiosk.db"; }
};

/// Reads the kiosk's identity from its data folder (kiosk.json holds its name and closure dates), creating the folder and, on a kiosk that was
/// never provisioned, a demo key pair (demo-public.key, demo-secret.key). Throws storage::Error.
[[nodiscard]] Identity loadIdentity(const std::filesystem::path& dataDir);

/// Installs the complaints team's public key and a name. Refuses while submissions sealed to
/// the current key are waiting, so that none is exported under the wrong one.
void provision(const std::filesystem::path& dataDir, const std::filesystem::path& publicKeyFile,
               const std::string& name);

} // namespace kiosk::app
