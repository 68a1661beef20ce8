#include <core/identity.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/store.hpp>

#include <nlohmann/json.hpp>
#include <unistd.h>

namespace kiosk::core {
namespace {

constexpr const char* kTeamKey = "team-public.key";
constexpr const char* kDemoPublic = "demo-public.key";
constexpr const char* kDemoSecret = "demo-secret.key";
constexpr const char* kConfig = "kiosk.json";
constexpr const char* kDatabase = "kiosk.db";

std::string hostName() {
    char buf[256] = {};
    return ::gethostname(buf, sizeof buf - 1) == 0 && buf[0] != '\0' ? buf : "kiosk";
}

// kiosk.json: {"name": "...", "provisioned": true, "closures": ["2026-12-24", ...]}. A date that
// is not a date is reported, not guessed at. Returns whether the kiosk was provisioned.
bool readConfig(const std::filesystem::path& file, Identity& id) {
    if (!std::filesystem::exists(file))
        return false;
    const auto j = nlohmann::json::parse(storage::readFile(file), nullptr, false);
    if (!j.is_object())
        throw storage::Error(storage::Error::Kind::Format, file.string() + " is not a JSON object");
    if (j.contains("name") && j["name"].is_string() && !j["name"].get<std::string>().empty())
        id.name = j["name"].get<std::string>();
    if (j.contains("provisioned") && !j["provisioned"].is_boolean())
        throw storage::Error(storage::Error::Kind::Format,
                             file.string() + ": \"provisioned\" must be true or false, not " + j["provisioned"].dump());
    const bool provisioned = j.value("provisioned", false);
    if (!j.contains("closures"))
        return provisioned;
    for (const auto& day : j["closures"]) {
        const auto date = day.is_string() ? storage::parseIsoDate(day.get<std::string>()) : std::nullopt;
        if (!date)
            throw storage::Error(storage::Error::Kind::Format,
                                 file.string() + ": closure dates must be written like 2026-12-24, not " + day.dump());
        id.closures.push_back(*date);
    }
    return provisioned;
}

bool hasAny(const std::filesystem::path& dataDir, std::initializer_list<const char*> files) {
    for (const char* file : files)
        if (std::filesystem::exists(dataDir / file))
            return true;
    return false;
}

// A folder a kiosk can be read from: it has a key or a configuration.
bool isKioskFolder(const std::filesystem::path& dataDir) { return hasAny(dataDir, {kTeamKey, kDemoPublic, kConfig}); }

// Files a write cut short left behind ("demo-secret.key.tmp-1234"): never complete, and one may hold
// a copy of a secret key, so they go before anything else is done.
void removeHalfWritten(const std::filesystem::path& dataDir) {
    for (const auto& entry : std::filesystem::directory_iterator(dataDir)) {
        const auto name = entry.path().filename().string();
        for (const char* file : {kTeamKey, kDemoPublic, kDemoSecret, kConfig})
            if (name.starts_with(std::string(file) + ".tmp-"))
                std::filesystem::remove(entry.path());
    }
}

// A folder a kiosk may be started in: new, empty, or already holding something of a kiosk's.
bool mayHoldKiosk(const std::filesystem::path& dataDir) {
    if (!std::filesystem::exists(dataDir))
        return true;
    return std::filesystem::is_directory(dataDir) &&
           (std::filesystem::is_empty(dataDir) ||
            hasAny(dataDir, {kTeamKey, kDemoPublic, kDemoSecret, kConfig, kDatabase}));
}

} // namespace

Identity openKiosk(const std::filesystem::path& dataDir) {
    if (!std::filesystem::is_directory(dataDir) || !isKioskFolder(dataDir))
        throw storage::Error(storage::Error::Kind::File,
                             dataDir.string() + " is not a kiosk's data folder (it has no " + kTeamKey + ", " +
                                 kDemoPublic + " or " + kConfig +
                                 "). Check --data-dir: it should name the folder the kiosk uses.");
    Identity id;
    id.dataDir = dataDir;
    id.demo = !std::filesystem::exists(dataDir / kTeamKey);
    id.name = (id.demo ? "demo-" : "") + hostName();
    // Fail closed: a provisioned kiosk whose team key has gone must not seal to the demo key,
    // whose secret half is on this very tablet.
    if (readConfig(dataDir / kConfig, id) && id.demo)
        throw storage::Error(storage::Error::Kind::NoKey,
                             "this kiosk was provisioned, but " + (dataDir / kTeamKey).string() +
                                 " is missing. It will not take submissions with the demo key. Ask IT to run "
                                 "\"kiosk admin provision --public-key team-public.key\" again.");
    id.key = storage::loadPublicKey(dataDir / (id.demo ? kDemoPublic : kTeamKey));
    return id;
}

Identity startKiosk(const std::filesystem::path& dataDir) {
    // A mistyped --data-dir must not turn someone's folder (a USB stick, a home folder) into a kiosk.
    if (!mayHoldKiosk(dataDir))
        throw storage::Error(storage::Error::Kind::File,
                             dataDir.string() + " is not a kiosk's data folder and is not empty, so no kiosk is made "
                                                "there. Check --data-dir, or give an empty or new folder.");
    std::filesystem::create_directories(dataDir);
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
    removeHalfWritten(dataDir);
    Identity probe;
    const bool provisioned = std::filesystem::exists(dataDir / kTeamKey) || readConfig(dataDir / kConfig, probe);
    if (!provisioned && !std::filesystem::exists(dataDir / kDemoPublic)) {
        // The secret half is written first, and the public half can always be made from it: a start
        // cut short between the two finishes the pair next time, rather than leaving a kiosk that
        // can never start again.
        if (!std::filesystem::exists(dataDir / kDemoSecret))
            storage::saveKeyPair(dataDir / kDemoSecret, storage::KeyPair::generate());
        storage::savePublicKey(dataDir / kDemoPublic, storage::loadKeyPair(dataDir / kDemoSecret).publicKey);
    }
    return openKiosk(dataDir);
}

ProvisionResult provision(const std::filesystem::path& dataDir, const std::filesystem::path& publicKeyFile,
                          const std::string& name) {
    const auto key = storage::loadPublicKey(publicKeyFile);
    std::filesystem::create_directories(dataDir);
    ProvisionResult result;
    if (std::filesystem::exists(dataDir / kDatabase)) {
        const int waiting = storage::SubmissionStore(dataDir / kDatabase, storage::Access::ReadOnly).count("waiting");
        const auto current = dataDir / (std::filesystem::exists(dataDir / kTeamKey) ? kTeamKey : kDemoPublic);
        std::optional<storage::PublicKey> sealedTo;
        try {
            sealedTo = storage::loadPublicKey(current);
        } catch (const storage::Error&) {
            // A damaged or missing key must not strand what waits: installing the team's key again
            // is how IT repairs it, and the waiting submissions then leave under it.
            result.waitingUnderUnreadableKey = waiting;
        }
        if (waiting > 0 && sealedTo && sealedTo->bytes != key.bytes)
            throw storage::Error(storage::Error::Kind::Format,
                                 std::to_string(waiting) + " waiting submission(s) were sealed to this kiosk's current "
                                                           "key. Export them first (kiosk admin export --to DIR).");
    }
    storage::savePublicKey(dataDir / kTeamKey, key, true);
    nlohmann::json config = nlohmann::json::object();
    if (std::filesystem::exists(dataDir / kConfig)) {
        config = nlohmann::json::parse(storage::readFile(dataDir / kConfig), nullptr, false);
        if (!config.is_object())
            throw storage::Error(storage::Error::Kind::Format,
                                 (dataDir / kConfig).string() + " is not a JSON object: mend or remove it first");
    }
    config["name"] = name.empty() ? hostName() : name;
    config["provisioned"] = true;
    storage::writeFileAtomically(dataDir / kConfig, config.dump(2) + "\n");
    return result;
}

} // namespace kiosk::core
