#include "core_support.hpp"

#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <core/status.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/store.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace kiosk;

namespace {

unsigned modeOf(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777u;
}

int allRows(const std::filesystem::path& database) {
    storage::SubmissionStore store(database, storage::Access::ReadOnly);
    return store.count("waiting") + store.count("exported") + store.count("received");
}

} // namespace

TEST_CASE(
    "a kiosk never provisioned runs in demo mode with demo keys and a signing key made on first start") {
    test::TempDir dir;
    const auto first = core::startKiosk(dir / "data");
    CHECK(first.demo);
    CHECK(std::filesystem::exists(dir / "data/demo-secret.key"));
    CHECK(modeOf(dir / "data/kiosk-secret.key") == 0600);
    // The demo "team" can open what the kiosk seals and sign its receipts: a demo round trip works.
    const auto demo = test::demoTeamKeys(first);
    CHECK(demo.sealing.publicKey.bytes == first.key.bytes);
    CHECK(demo.signing.publicKey == first.teamSigning);
    const auto identity = storage::loadKioskIdentity(dir / "data/kiosk-identity.json");
    CHECK(identity.demo);
    CHECK(identity.name == first.name);
    CHECK(identity.signing == first.kioskKey);
    CHECK(first.signingKeys().publicKey == first.kioskKey);

    const auto identityBytes = storage::readFile(dir / "data/kiosk-identity.json");
    const auto again = core::startKiosk(dir / "data");
    CHECK(again.key.bytes == first.key.bytes); // the same keys, not new ones each start
    CHECK(again.teamSigning == first.teamSigning);
    CHECK(again.kioskKey == first.kioskKey);
    CHECK(storage::readFile(dir / "data/kiosk-identity.json") == identityBytes);
}

TEST_CASE("provisioning installs the team's keys and a name, and keeps closure dates") {
    test::TempDir dir;
    const auto team = test::makeTeamKeys(dir / "team-public.key");
    std::filesystem::create_directories(dir / "data");
    storage::writeFileAtomically(dir / "data/kiosk.json", R"({"closures": ["2026-12-24"]})");
    const auto result = core::provision(dir / "data", dir / "team-public.key", "Canolfan Abertawe");
    const auto id = core::startKiosk(dir / "data");
    CHECK_FALSE(id.demo);
    CHECK(id.name == "Canolfan Abertawe");
    CHECK(id.key.bytes == team.sealing.publicKey.bytes);
    CHECK(id.teamSigning == team.signing.publicKey);
    REQUIRE(id.closures.size() == 1);
    CHECK(id.closures[0] == storage::Date{2026, 12, 24});
    CHECK(result.kioskFingerprint == storage::fingerprint(id.kioskKey));
    CHECK_FALSE(result.wasDemo); // a new folder: nothing of a demo to remove, nothing said about one
    CHECK(result.newKioskKey);
    const auto enrolled = storage::loadKioskIdentity(result.identityFile);
    CHECK_FALSE(enrolled.demo);
    CHECK(enrolled.name == "Canolfan Abertawe");
    CHECK(enrolled.signing == id.kioskKey);
    // Provisioning again with new keys, nothing being unconfirmed, replaces them.
    const auto next = test::makeTeamKeys(dir / "next-public.key");
    core::provision(dir / "data", dir / "next-public.key", "Canolfan Abertawe");
    CHECK(core::startKiosk(dir / "data").key.bytes == next.sealing.publicKey.bytes);
}

TEST_CASE("provisioning a demo kiosk removes the demo keys and the demo submissions, and says how many") {
    test::TempDir dir;
    const auto demo = core::startKiosk(dir / "data");
    {
        storage::SubmissionStore store(demo.databaseFile());
        for (int i = 0; i < 3; ++i)
            (void)test::addComplaint(store, "demo " + std::to_string(i), demo.key);
    }
    {
        // A demo database moved aside as damaged holds demo submissions too.
        std::filesystem::create_directories(dir / "data/quarantine");
        storage::SubmissionStore quarantined(dir / "data/quarantine/kiosk-20261122T103102Z.db");
        for (int i = 0; i < 2; ++i)
            (void)test::addComplaint(quarantined, "demo, quarantined", demo.key);
    }
    (void)test::makeTeamKeys(dir / "team-public.key");
    const auto result = core::provision(dir / "data", dir / "team-public.key", "Canolfan");
    CHECK(result.wasDemo);
    CHECK(result.demoSubmissionsRemoved == 5);
    CHECK(result.newKioskKey);
    CHECK_FALSE(std::filesystem::exists(dir / "data/demo-secret.key"));
    CHECK_FALSE(std::filesystem::exists(dir / "data/demo-public.key"));
    CHECK_FALSE(std::filesystem::exists(dir / "data/quarantine"));
    CHECK(allRows(demo.databaseFile()) == 0);
    const auto real = core::startKiosk(dir / "data");
    CHECK_FALSE(real.demo);
    CHECK(real.kioskKey != demo.kioskKey); // the demo kiosk's key is not the real kiosk's
    CHECK_FALSE(storage::loadKioskIdentity(dir / "data/kiosk-identity.json").demo);
    CHECK_FALSE(std::filesystem::exists(dir / "data/demo-public.key")); // starting again makes no demo key
}

TEST_CASE("provisioning a provisioned kiosk again removes nothing and keeps its signing key") {
    test::TempDir dir;
    const auto team = test::makeTeamKeys(dir / "team-public.key");
    (void)core::provision(dir / "data", dir / "team-public.key", "Canolfan");
    const auto kiosk = core::startKiosk(dir / "data");
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "un", kiosk.key);
        (void)test::addComplaint(store, "dau", kiosk.key);
    }
    const auto result = core::provision(dir / "data", dir / "team-public.key", "Canolfan Abertawe");
    CHECK_FALSE(result.wasDemo);
    CHECK(result.demoSubmissionsRemoved == 0);
    CHECK_FALSE(result.newKioskKey);
    CHECK(allRows(kiosk.databaseFile()) == 2);
    const auto again = core::openKiosk(dir / "data");
    CHECK(again.kioskKey == kiosk.kioskKey);
    CHECK(again.name == "Canolfan Abertawe");
    CHECK(storage::loadKioskIdentity(dir / "data/kiosk-identity.json").name == "Canolfan Abertawe");

    // Another team's key is refused while submissions sealed to this one are unconfirmed.
    (void)test::makeTeamKeys(dir / "other-public.key");
    const auto keyBefore = storage::readFile(dir / "data/team-public.key");
    CHECK_THROWS_WITH(core::provision(dir / "data", dir / "other-public.key", "Canolfan"),
                      Catch::Contains("have not been confirmed") && Catch::Contains("Nothing was changed"));
    CHECK(storage::readFile(dir / "data/team-public.key") == keyBefore);
    CHECK(allRows(kiosk.databaseFile()) == 2);
    (void)team;
}

TEST_CASE("a provisioned kiosk whose team key has gone refuses to fall back to the demo key") {
    test::TempDir dir;
    (void)test::makeTeamKeys(dir / "team-public.key");
    core::provision(dir / "data", dir / "team-public.key", "Canolfan");
    std::filesystem::remove(dir / "data/team-public.key");
    CHECK_THROWS_WITH(core::openKiosk(dir / "data"), Catch::Contains("team-public.key") && Catch::Contains("missing"));
    // It starts, to ask children to find a member of staff, but with no key to seal to.
    const auto started = core::startKiosk(dir / "data");
    CHECK_THAT(started.keyProblem, Catch::Contains("team-public.key") && Catch::Contains("missing"));
    CHECK(started.key.bytes == storage::PublicKey{}.bytes);
    CHECK_FALSE(started.demo);
    CHECK(started.name == "Canolfan");
    CHECK(core::whyCannotStore(started).reason == flow::CannotStore::NoKey);
    CHECK_FALSE(std::filesystem::exists(dir / "data/demo-public.key"));
    CHECK_FALSE(std::filesystem::exists(dir / "data/demo-secret.key"));
}

TEST_CASE("a kiosk whose team key is damaged starts and says why, while the commands that need it refuse") {
    test::TempDir dir;
    const auto team = test::makeTeamKeys(dir / "team-public.key");
    core::provision(dir / "data", dir / "team-public.key", "Canolfan");
    auto damaged = storage::readFile(dir / "data/team-public.key");
    damaged[damaged.find("sealing_key") + 15] = '!';
    storage::writeFileAtomically(dir / "data/team-public.key", damaged);

    CHECK_THROWS_AS(core::openKiosk(dir / "data"), storage::Error);
    for (const auto& kiosk : {core::startKiosk(dir / "data"), core::openKioskEvenWithoutKey(dir / "data")}) {
        CHECK_THAT(kiosk.keyProblem, Catch::Contains("team-public.key") && Catch::Contains("provision"));
        CHECK(kiosk.key.bytes == storage::PublicKey{}.bytes);
        CHECK(kiosk.teamSigning == storage::SigningPublicKey{});
        CHECK(kiosk.kioskKey != storage::SigningPublicKey{}); // its own key is fine
        const auto why = core::whyCannotStore(kiosk);
        CHECK(why.reason == flow::CannotStore::NoKey);
        CHECK(why.detail == kiosk.keyProblem);
        const auto status = core::readStatus(kiosk);
        CHECK(status.keyProblem == kiosk.keyProblem);
        CHECK(status.needsAttention());
    }
    // Provisioning again mends it.
    (void)core::provision(dir / "data", dir / "team-public.key", "Canolfan");
    CHECK(core::startKiosk(dir / "data").keyProblem.empty());
    CHECK(core::openKiosk(dir / "data").key.bytes == team.sealing.publicKey.bytes);
}

TEST_CASE("the centre's closing time is read from kiosk.json, 17:00 unless it says otherwise") {
    test::TempDir dir;
    (void)core::startKiosk(dir / "data");
    CHECK(core::openKiosk(dir / "data").closesAtMinutes == 17 * 60);
    storage::writeFileAtomically(dir / "data/kiosk.json", R"({"closes_at": "16:30"})");
    CHECK(core::openKiosk(dir / "data").closesAtMinutes == 16 * 60 + 30);
    for (const char* wrong : {R"({"closes_at": "4.30pm"})", R"({"closes_at": 1630})", R"({"closes_at": "25:00"})"}) {
        INFO(wrong);
        storage::writeFileAtomically(dir / "data/kiosk.json", wrong);
        CHECK_THROWS_WITH(core::openKiosk(dir / "data"), Catch::Contains("kiosk.json") && Catch::Contains("closes_at"));
        CHECK_THROWS_AS(core::startKiosk(dir / "data"), storage::Error);
    }
}

TEST_CASE("a kiosk without its signing key is told to start or provision, and starting makes one") {
    test::TempDir dir;
    const auto first = core::startKiosk(dir / "data");
    std::filesystem::remove(dir / "data/kiosk-secret.key");
    CHECK_THROWS_WITH(core::openKiosk(dir / "data"), Catch::Contains("kiosk-secret.key"));
    const auto started = core::startKiosk(dir / "data");
    CHECK(started.kioskKey != first.kioskKey);
    CHECK(storage::loadKioskIdentity(dir / "data/kiosk-identity.json").signing == started.kioskKey);
}

TEST_CASE("a closure date that is not a date is reported, naming the file") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "data");
    storage::writeFileAtomically(dir / "data/kiosk.json", R"({"closures": ["24/12/2026"]})");
    CHECK_THROWS_WITH(core::startKiosk(dir / "data"),
                      Catch::Contains("kiosk.json") && Catch::Contains("2026-12-24"));
}

TEST_CASE("the sync settings and keep_received_days are read from kiosk.json, with their defaults") {
    test::TempDir dir;
    (void)core::startKiosk(dir / "data");
    CHECK_FALSE(core::openKiosk(dir / "data").sync.has_value());
    CHECK(core::openKiosk(dir / "data").keepReceivedDays == 0);

    storage::writeFileAtomically(dir / "data/kiosk.json",
                                 R"({"keep_received_days": 7, "sync": {"folder": "/srv/cafcass-sync/abertawe",
                                     "export_every_minutes": 30, "daily_at": "14:05", "check_every_seconds": 10}})");
    auto id = core::openKiosk(dir / "data");
    CHECK(id.keepReceivedDays == 7);
    REQUIRE(id.sync.has_value());
    CHECK(id.sync->folder == "/srv/cafcass-sync/abertawe");
    CHECK(id.sync->exportEveryMinutes == 30);
    CHECK(id.sync->dailyAtMinutes == 14 * 60 + 5);
    CHECK(id.sync->checkEverySeconds == 10);

    storage::writeFileAtomically(dir / "data/kiosk.json", R"({"sync": {"folder": "/mnt/sync"}})");
    id = core::openKiosk(dir / "data");
    REQUIRE(id.sync.has_value());
    CHECK(id.sync->exportEveryMinutes == 60);
    CHECK(id.sync->dailyAtMinutes == 15 * 60 + 30);
    CHECK(id.sync->checkEverySeconds == 60);
}

TEST_CASE(
    "a sync setting or keeping time of the wrong type or form stops the kiosk, naming the file and field") {
    test::TempDir dir;
    (void)core::startKiosk(dir / "data");
    const std::pair<const char*, const char*> wrong[] = {
        {R"({"sync": ["/mnt/sync"]})", "\"sync\""},
        {R"({"sync": {}})", "\"sync.folder\""},
        {R"({"sync": {"folder": "sync"}})", "\"sync.folder\""},
        {R"({"sync": {"folder": 7}})", "\"sync.folder\""},
        {R"({"sync": {"folder": "/mnt/sync", "daily_at": "3pm"}})", "\"sync.daily_at\""},
        {R"({"sync": {"folder": "/mnt/sync", "daily_at": "24:00"}})", "\"sync.daily_at\""},
        {R"({"sync": {"folder": "/mnt/sync", "daily_at": 1530}})", "\"sync.daily_at\""},
        {R"({"sync": {"folder": "/mnt/sync", "export_every_minutes": 0}})", "\"sync.export_every_minutes\""},
        {R"({"sync": {"folder": "/mnt/sync", "export_every_minutes": 1.5}})",
         "\"sync.export_every_minutes\""},
        {R"({"sync": {"folder": "/mnt/sync", "check_every_seconds": -60}})", "\"sync.check_every_seconds\""},
        {R"({"sync": {"folder": "/mnt/sync", "check_every_seconds": "60"}})", "\"sync.check_every_seconds\""},
        {R"({"keep_received_days": -1})", "\"keep_received_days\""},
        {R"({"keep_received_days": 99999999999999999999})", "\"keep_received_days\""},
        {R"({"name": 42})", "\"name\""},
        {R"({"closures": "2026-12-24"})", "\"closures\""},
    };
    for (const auto& [json, field] : wrong) {
        INFO(json);
        storage::writeFileAtomically(dir / "data/kiosk.json", json);
        CHECK_THROWS_WITH(core::openKiosk(dir / "data"),
                          Catch::Contains("kiosk.json") && Catch::Contains(field));
        CHECK_THROWS_AS(core::startKiosk(dir / "data"), storage::Error);
    }
}

// Found by killing the kiosk during its very first start: between writing the demo secret key and
// its public key, it left a kiosk that never started again (18 of 200 runs), and *.tmp-PID copies
// of the secret key.
TEST_CASE("a first start cut short between the two halves of the demo key pair finishes it next time") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "data");
    const auto pair = storage::TeamKeys::generate();
    storage::saveTeamKeys(dir / "data/demo-secret.key", pair, std::nullopt);
    storage::writeFileAtomically(dir / "data/demo-secret.key.tmp-4242", "half a secret");
    storage::writeFileAtomically(dir / "data/kiosk-secret.key.tmp-4242", "half a secret");
    const auto kiosk = core::startKiosk(dir / "data");
    CHECK(kiosk.demo);
    CHECK(kiosk.key.bytes == pair.sealing.publicKey.bytes); // the pair's own public half, not a new pair
    CHECK(kiosk.teamSigning == pair.signing.publicKey);
    CHECK_FALSE(std::filesystem::exists(dir / "data/demo-secret.key.tmp-4242"));
    CHECK_FALSE(std::filesystem::exists(dir / "data/kiosk-secret.key.tmp-4242"));
    CHECK(core::startKiosk(dir / "data").key.bytes == pair.sealing.publicKey.bytes);
}

// Found by the fuzzing helper, by hand: a "provisioned" that is not true or false threw the JSON
// library's own error, which does not name the file and which provisioning does not expect.
TEST_CASE("a kiosk.json whose provisioned is not true or false is reported, naming the file") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "data");
    storage::writeFileAtomically(dir / "data/kiosk.json", R"({"provisioned": 1})");
    CHECK_THROWS_MATCHES(core::startKiosk(dir / "data"), storage::Error,
                         Catch::Matchers::Predicate<storage::Error>([](const storage::Error& e) {
                             return std::string(e.what()).find("kiosk.json") != std::string::npos;
                         }));
}
