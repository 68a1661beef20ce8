#include <core/identity.hpp>

#include <core/pin.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/store.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <unistd.h>

namespace kiosk::core {
namespace {

constexpr const char* kTeamKey = "team-public.key";
constexpr const char* kDemoPublic = "demo-public.key";
constexpr const char* kDemoSecret = "demo-secret.key";
constexpr const char* kKioskSecret = "kiosk-secret.key";
constexpr const char* kKioskIdentity = "kiosk-identity.json";
constexpr const char* kConfig = "kiosk.json";
constexpr const char* kDatabase = "kiosk.db";
constexpr const char* kSyncState = "sync-state.json";

using storage::Error;

std::string hostName() {
    char buf[256] = {};
    return ::gethostname(buf, sizeof buf - 1) == 0 && buf[0] != '\0' ? buf : "kiosk";
}

// kiosk.json is typed by hand: a value that is not what it should be stops the kiosk with the file,
// the field and what was found, rather than being guessed at.
[[noreturn]] void badField(const std::filesystem::path& file, const std::string& field,
                           const std::string& should, const nlohmann::json& found) {
    throw Error(Error::Kind::Format,
                file.string() + ": \"" + field + "\" " + should + ", not " + found.dump());
}

int wholeNumber(const std::filesystem::path& file, const nlohmann::json& object, const char* field,
                const std::string& path, int fallback, std::int64_t least, std::int64_t most) {
    if (!object.contains(field))
        return fallback;
    const auto& v = object[field];
    const bool inRange =
        v.is_number_unsigned() ? v.get<std::uint64_t>() >= static_cast<std::uint64_t>(least) &&
                                     v.get<std::uint64_t>() <= static_cast<std::uint64_t>(most)
        : v.is_number_integer() ? v.get<std::int64_t>() >= least && v.get<std::int64_t>() <= most
                                : false;
    if (!inRange)
        badField(file, path,
                 "must be a whole number from " + std::to_string(least) + " to " + std::to_string(most), v);
    return static_cast<int>(v.get<std::int64_t>());
}

// "15:30" -> minutes after midnight.
std::optional<int> clockTime(const std::string& text) {
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    for (const std::size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    return hours * 60 + minutes;
}

// A time of day in kiosk.json, such as "15:30".
int clockField(const std::filesystem::path& file, const nlohmann::json& at, const std::string& path) {
    const auto minutes = at.is_string() ? clockTime(at.get<std::string>()) : std::nullopt;
    if (!minutes)
        badField(file, path, "must be a time of day written like 15:30", at);
    return *minutes;
}

SyncSettings readSync(const std::filesystem::path& file, const nlohmann::json& sync) {
    if (!sync.is_object())
        badField(file, "sync", "must be an object such as {\"folder\": \"/srv/cafcass-sync/abertawe\"}",
                 sync);
    SyncSettings s;
    if (!sync.contains("folder") || !sync["folder"].is_string() ||
        sync["folder"].get<std::string>().empty() ||
        !std::filesystem::path(sync["folder"].get<std::string>()).is_absolute())
        badField(file, "sync.folder",
                 "must be the full path of a folder, such as \"/srv/cafcass-sync/abertawe\"",
                 sync.value("folder", nlohmann::json()));
    s.folder = sync["folder"].get<std::string>();
    s.exportEveryMinutes = wholeNumber(file, sync, "export_every_minutes", "sync.export_every_minutes",
                                       s.exportEveryMinutes, 1, 7 * 24 * 60);
    s.checkEverySeconds = wholeNumber(file, sync, "check_every_seconds", "sync.check_every_seconds",
                                      s.checkEverySeconds, 1, 24 * 60 * 60);
    if (sync.contains("daily_at"))
        s.dailyAtMinutes = clockField(file, sync["daily_at"], "sync.daily_at");
    return s;
}

// kiosk.json (FORMAT.md, "Kiosk configuration"). Returns whether the kiosk was provisioned.
bool readConfig(const std::filesystem::path& file, Identity& id) {
    if (!std::filesystem::exists(file))
        return false;
    const auto j = nlohmann::json::parse(storage::readFile(file), nullptr, false);
    if (!j.is_object())
        throw Error(Error::Kind::Format, file.string() + " is not a JSON object");
    if (j.contains("name") && !j["name"].is_string())
        badField(file, "name", "must be the kiosk's name in quotes", j["name"]);
    if (j.contains("name") && !j["name"].get<std::string>().empty())
        id.name = j["name"].get<std::string>();
    if (j.contains("provisioned") && !j["provisioned"].is_boolean())
        badField(file, "provisioned", "must be true or false", j["provisioned"]);
    id.keepReceivedDays = wholeNumber(file, j, "keep_received_days", "keep_received_days", 0, 0, 3650);
    if (j.contains("sync"))
        id.sync = readSync(file, j["sync"]);
    if (j.contains("closes_at"))
        id.closesAtMinutes = clockField(file, j["closes_at"], "closes_at");
    if (j.contains("closures")) {
        if (!j["closures"].is_array())
            badField(file, "closures", "must be a list of dates such as [\"2026-12-24\"]", j["closures"]);
        for (const auto& day : j["closures"]) {
            const auto date = day.is_string() ? storage::parseIsoDate(day.get<std::string>()) : std::nullopt;
            if (!date)
                throw Error(Error::Kind::Format, file.string() +
                                                     ": closure dates must be written like 2026-12-24, not " +
                                                     day.dump());
            id.closures.push_back(*date);
        }
    }
    return j.value("provisioned", false);
}

bool hasAny(const std::filesystem::path& dataDir, std::initializer_list<const char*> files) {
    for (const char* file : files)
        if (std::filesystem::exists(dataDir / file))
            return true;
    return false;
}

// A folder a kiosk can be read from: it has a key or a configuration.
bool isKioskFolder(const std::filesystem::path& dataDir) {
    return hasAny(dataDir, {kTeamKey, kDemoPublic, kConfig});
}

// Files a write cut short left behind ("demo-secret.key.tmp-1234"): never complete, and one may hold
// a copy of a secret key, so they go before anything else is done. Left, one would also stop the
// file being written again by a process given the same id (a kiosk after a reboot): the PIN's wrong
// tries could then never be recorded.
void removeHalfWritten(const std::filesystem::path& dataDir) {
    for (const auto& entry : std::filesystem::directory_iterator(dataDir)) {
        const auto name = entry.path().filename().string();
        for (const char* file :
             {kTeamKey, kDemoPublic, kDemoSecret, kKioskSecret, kKioskIdentity, kConfig, kSyncState, kPinFile,
              kPinTriesFile})
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
            hasAny(dataDir, {kTeamKey, kDemoPublic, kDemoSecret, kKioskSecret, kConfig, kDatabase}));
}

void refuseForeignFolder(const std::filesystem::path& dataDir) {
    // A mistyped --data-dir must not turn someone's folder (a USB stick, a home folder) into a kiosk.
    if (!mayHoldKiosk(dataDir))
        throw Error(Error::Kind::File, dataDir.string() +
                                           " is not a kiosk's data folder and is not empty, so no kiosk "
                                           "is made there. Check --data-dir, or give an empty or new "
                                           "folder.");
}

void makeFolder(const std::filesystem::path& dataDir) {
    std::filesystem::create_directories(dataDir);
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace);
}

// The public identity the team enrols, written only when it differs from what is there, so that a
// start changes nothing on a kiosk that has not changed.
void writeIdentity(const std::filesystem::path& dataDir, const storage::KioskIdentity& identity) {
    const auto file = dataDir / kKioskIdentity;
    try {
        const auto written = storage::loadKioskIdentity(file);
        if (written.name == identity.name && written.signing == identity.signing &&
            written.demo == identity.demo)
            return;
    } catch (const Error&) {
        // Missing or unreadable: written afresh below.
    }
    storage::saveKioskIdentity(file, identity);
}

// Demo submissions were sealed to a key whose secret half is on this tablet; they are not a
// child's words to the team, so they go with the demo keys. Returns how many there were.
int removeDemoSubmissions(const std::filesystem::path& dataDir) {
    int removed = 0;
    if (std::filesystem::exists(dataDir / kDatabase))
        removed += storage::SubmissionStore(dataDir / kDatabase).deleteAllSubmissions();
    // A demo kiosk's quarantined databases hold demo submissions too; kept, they would go in every
    // export of the real kiosk, where the team could never open them.
    for (const auto& file : storage::quarantinedDatabases(dataDir / kDatabase))
        removed += static_cast<int>(storage::readQuarantined(file).rows.size());
    std::filesystem::remove_all(dataDir / "quarantine");
    return removed;
}

} // namespace

storage::SigningKeyPair Identity::signingKeys() const {
    return storage::loadKioskSigningKey(dataDir / kKioskSecret);
}

namespace {

// A kiosk's identity; with tolerateKeyProblem, a team key that is missing or cannot be read leaves
// the key zero and says why in keyProblem, instead of stopping.
Identity readIdentity(const std::filesystem::path& dataDir, bool tolerateKeyProblem) {
    if (!std::filesystem::is_directory(dataDir) || !isKioskFolder(dataDir))
        throw Error(Error::Kind::File, dataDir.string() + " is not a kiosk's data folder (it has no " +
                                           kTeamKey + ", " + kDemoPublic + " or " + kConfig +
                                           "). Check --data-dir: it should name the folder the kiosk uses.");
    Identity id;
    id.dataDir = dataDir;
    const bool provisioned = readConfig(dataDir / kConfig, id) || std::filesystem::exists(dataDir / kTeamKey);
    id.demo = !provisioned;
    if (id.name.empty())
        id.name = (id.demo ? "demo-" : "") + hostName();
    const auto keyFile = dataDir / (id.demo ? kDemoPublic : kTeamKey);
    try {
        // Fail closed: a provisioned kiosk whose team key has gone must not seal to the demo key,
        // whose secret half is on this very tablet.
        if (!id.demo && !std::filesystem::exists(keyFile))
            throw Error(Error::Kind::NoKey,
                        "this kiosk was provisioned, but " + keyFile.string() +
                            " is missing. It will not take submissions with the demo key. Ask IT to "
                            "run \"kiosk admin provision --public-key team-public.key\" again.");
        const auto team = storage::loadTeamPublicKeys(keyFile);
        id.key = team.sealing;
        id.teamSigning = team.signing;
    } catch (const Error& e) {
        if (!tolerateKeyProblem)
            throw;
        id.keyProblem =
            e.kind() == Error::Kind::NoKey
                ? e.what()
                : std::string("the team's key cannot be read: ") + e.what() +
                      ". Ask IT to run \"kiosk admin provision --public-key team-public.key\" again "
                      "with the complaints team's key.";
        id.key = {};
        id.teamSigning = {};
    }
    if (!std::filesystem::exists(dataDir / kKioskSecret))
        throw Error(Error::Kind::NoKey,
                    "this kiosk has no signing key (" + (dataDir / kKioskSecret).string() +
                        ") to sign its exports. Start the kiosk once, or ask IT to run \"kiosk "
                        "admin provision\" again; the complaints team must then enrol its new "
                        "kiosk-identity.json.");
    id.kioskKey = id.signingKeys().publicKey;
    return id;
}

} // namespace

Identity openKiosk(const std::filesystem::path& dataDir) {
    return readIdentity(dataDir, false);
}

Identity openKioskEvenWithoutKey(const std::filesystem::path& dataDir) {
    return readIdentity(dataDir, true);
}

bool isProvisioned(const std::filesystem::path& dataDir) {
    Identity probe;
    return std::filesystem::exists(dataDir / kTeamKey) || readConfig(dataDir / kConfig, probe);
}

Identity startKiosk(const std::filesystem::path& dataDir) {
    refuseForeignFolder(dataDir);
    makeFolder(dataDir);
    removeHalfWritten(dataDir);
    Identity probe;
    const bool provisioned =
        std::filesystem::exists(dataDir / kTeamKey) || readConfig(dataDir / kConfig, probe);
    if (!provisioned && !std::filesystem::exists(dataDir / kDemoPublic)) {
        // The secret half is written first, and the public half can always be made from it: a start
        // cut short between the two finishes the pair next time, rather than leaving a kiosk that
        // can never start again.
        if (!std::filesystem::exists(dataDir / kDemoSecret))
            storage::saveTeamKeys(dataDir / kDemoSecret, storage::TeamKeys::generate(), std::nullopt);
        storage::saveTeamPublicKeys(dataDir / kDemoPublic,
                                    storage::loadTeamKeys(dataDir / kDemoSecret, std::nullopt).publicKeys());
    }
    if (!std::filesystem::exists(dataDir / kKioskSecret)) {
        storage::saveKioskSigningKey(dataDir / kKioskSecret, storage::SigningKeyPair::generate());
        if (provisioned)
            std::fprintf(stderr,
                         "kiosk: this kiosk had no signing key, so a new one was made. The complaints team "
                         "must enrol %s before they can open its exports.\n",
                         (dataDir / kKioskIdentity).c_str());
    }
    auto id = readIdentity(dataDir, true);
    writeIdentity(dataDir, {id.name, id.kioskKey, id.demo});
    if (!id.keyProblem.empty())
        std::fprintf(stderr, "kiosk: no submission can be stored: %s\n", id.keyProblem.c_str());
    return id;
}

ProvisionResult provision(const std::filesystem::path& dataDir, const std::filesystem::path& publicKeyFile,
                          const std::string& name) {
    const auto keys = storage::loadTeamPublicKeys(publicKeyFile);
    refuseForeignFolder(dataDir);
    makeFolder(dataDir);
    removeHalfWritten(dataDir);
    ProvisionResult result;
    Identity current;
    const bool provisioned =
        std::filesystem::exists(dataDir / kTeamKey) || readConfig(dataDir / kConfig, current);
    // A kiosk that ran in demo mode (a new, empty folder did not: there is nothing of a demo to remove).
    result.wasDemo = !provisioned && hasAny(dataDir, {kDemoPublic, kDemoSecret, kDatabase});
    if (result.wasDemo) {
        // Everything of the demo goes before the team's key is written: cut short, provisioning
        // again still finds a demo kiosk and finishes the job, and no demo submission is ever
        // taken for a real one.
        result.demoSubmissionsRemoved = removeDemoSubmissions(dataDir);
        std::filesystem::remove(dataDir / kKioskSecret);
        std::filesystem::remove(dataDir / kDemoSecret);
        std::filesystem::remove(dataDir / kDemoPublic);
        storage::syncFolder(dataDir);
    } else if (provisioned && std::filesystem::exists(dataDir / kDatabase)) {
        storage::SubmissionStore store(dataDir / kDatabase, storage::Access::ReadOnly);
        const int unconfirmed = store.count("waiting") + store.count("exported");
        std::optional<storage::TeamPublicKeys> sealedTo;
        try {
            sealedTo = storage::loadTeamPublicKeys(dataDir / kTeamKey);
        } catch (const Error&) {
            // A damaged or missing key must not strand what waits: installing the team's key again
            // is how IT repairs it, and the unconfirmed submissions then leave under it.
            result.waitingUnderUnreadableKey = unconfirmed;
        }
        if (unconfirmed > 0 && sealedTo && sealedTo->sealing.bytes != keys.sealing.bytes)
            throw Error(
                Error::Kind::Format,
                std::to_string(unconfirmed) +
                    " submission(s) sealed to this kiosk's current team key have not been confirmed by the "
                    "complaints team. Nothing was changed. Export them (kiosk admin export --to DIR), "
                    "import the team's receipt (kiosk admin import-receipt FILE), then provision again.");
    }
    if (!std::filesystem::exists(dataDir / kKioskSecret)) {
        storage::saveKioskSigningKey(dataDir / kKioskSecret, storage::SigningKeyPair::generate());
        result.newKioskKey = true;
    }
    storage::saveTeamPublicKeys(dataDir / kTeamKey, keys, true);
    nlohmann::json config = nlohmann::json::object();
    if (std::filesystem::exists(dataDir / kConfig)) {
        config = nlohmann::json::parse(storage::readFile(dataDir / kConfig), nullptr, false);
        if (!config.is_object())
            throw Error(Error::Kind::Format,
                        (dataDir / kConfig).string() + " is not a JSON object: mend or remove it first");
    }
    config["name"] = name.empty() ? hostName() : name;
    config["provisioned"] = true;
    storage::writeFileAtomically(dataDir / kConfig, config.dump(2) + "\n");
    const auto id = openKiosk(dataDir);
    writeIdentity(dataDir, {id.name, id.kioskKey, false});
    result.kioskFingerprint = storage::fingerprint(id.kioskKey);
    result.identityFile = dataDir / kKioskIdentity;
    return result;
}

} // namespace kiosk::core
