#include "identity.hpp"

#include "../../storage/error.hpp"
#include "../../storage/files.hpp"
#include "../../storage/store.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

namespace kiosk::app {
namespace {

constexpr const char* kTeamKey = "team-public.key";
constexpr const char* kDemoPublic = "demo-public.key";
constexpr const char* kDemoSecret = "demo-secret.key";
constexpr const char* kConfig = "kiosk.json";

std::string hostName() {
    char buf[256] = {};
    return ::gethostname(buf, sizeof buf - 1) == 0 && buf[0] != '\0' ? buf : "kiosk";
}

} // namespace

Identity loadIdentity(const std::filesystem::path& dataDir) {
    std::filesystem::create_directories(dataDir);
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
    Identity id;
    id.dataDir = dataDir;
    if (std::filesystem::exists(dataDir / kTeamKey)) {
        id.demo = false;
        id.key = storage::loadPublicKey(dataDir / kTeamKey);
        id.name = hostName();
        if (std::filesystem::exists(dataDir / kConfig)) {
            const auto j = nlohmann::json::parse(storage::readFile(dataDir / kConfig), nullptr, false);
            if (j.is_object() && j.contains("name") && j["name"].is_string())
                id.name = j["name"].get<std::string>();
        }
        return id;
    }
    if (!std::filesystem::exists(dataDir / kDemoPublic)) {
        const auto pair = storage::KeyPair::generate();
        storage::saveKeyPair(dataDir / kDemoSecret, pair);
        storage::savePublicKey(dataDir / kDemoPublic, pair.publicKey);
    }
    id.key = storage::loadPublicKey(dataDir / kDemoPublic);
    id.name = "demo-" + hostName();
    return id;
}

void provision(const std::filesystem::path& dataDir, const std::filesystem::path& publicKeyFile,
               const std::string& name) {
    const auto key = storage::loadPublicKey(publicKeyFile);
    std::filesystem::create_directories(dataDir);
    if (std::filesystem::exists(dataDir / "kiosk.db")) {
        storage::SubmissionStore store(dataDir / "kiosk.db");
        if (const int waiting = store.count("waiting"); waiting > 0)
            throw storage::Error(storage::Error::Kind::Format,
                                 std::to_string(waiting) + " waiting submission(s) were sealed to this kiosk's current "
                                                           "key. Export them first (kiosk admin export --to DIR).");
    }
    if (std::filesystem::exists(dataDir / kTeamKey))
        std::filesystem::remove(dataDir / kTeamKey);
    storage::savePublicKey(dataDir / kTeamKey, key);
    const nlohmann::json config = {{"name", name.empty() ? hostName() : name}};
    storage::writeFileAtomically(dataDir / kConfig, config.dump(2) + "\n");
}

} // namespace kiosk::app
