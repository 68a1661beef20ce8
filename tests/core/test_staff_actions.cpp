#include <core/identity.hpp>
#include <core/effect_runner.hpp>
#include <core/staff_actions.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/submission.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <set>

using namespace kiosk;

namespace {

// Every path under a folder with its mode and its exact bytes, to see that nothing changed. The
// -shm file is SQLite's shared index of the WAL, which any reader of a WAL updates in place: only
// that it is there, and its mode, count.
std::set<std::string> listing(const std::filesystem::path& folder) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(folder)) {
        const bool index = e.path().string().ends_with("-shm");
        out.insert(e.path().string() + " " + std::to_string(static_cast<int>(e.status().permissions())) + " " +
                   (e.is_regular_file() && !index ? storage::readFile(e.path()) : std::string()));
    }
    return out;
}

// A kiosk with one waiting submission, its database closed cleanly and nothing beside it (no
// -wal or -shm: copied without them, or tidied after a checkpoint).
core::Identity kioskWithBareDatabase(const test::TempDir& dir) {
    const auto kiosk = core::startKiosk(dir / "data");
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "un", kiosk.key);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    for (const char* companion : {"kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / "data" / companion);
    return kiosk;
}

} // namespace

TEST_CASE("status and export on a folder that is not a kiosk's say so and leave nothing on disk") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "empty");
    for (const auto& folder : {dir / "not-a-kiosk", dir / "empty"}) {
        CHECK_THROWS_WITH(core::openKiosk(folder), Catch::Contains("is not a kiosk's data folder"));
        CHECK_THROWS_AS(core::exportWaiting(core::openKiosk(folder), dir.path()), storage::Error);
    }
    CHECK_FALSE(std::filesystem::exists(dir / "not-a-kiosk"));
    CHECK(std::filesystem::is_empty(dir / "empty"));
}

TEST_CASE("reading a kiosk's status changes nothing on disk, and makes no database") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    const auto before = listing(dir / "data");
    const auto status = core::readStatus(core::openKiosk(dir / "data"));
    CHECK(status.waiting == 0);
    CHECK(listing(dir / "data") == before);
    CHECK_FALSE(std::filesystem::exists(kiosk.databaseFile()));
}

TEST_CASE("status counts what waits without migrating or writing the database") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "un", kiosk.key);
        (void)test::addComplaint(store, "dau", kiosk.key);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto before = listing(dir / "data");
    CHECK(core::readStatus(core::openKiosk(dir / "data")).waiting == 2);
    CHECK(listing(dir / "data") == before);
}

TEST_CASE("export says plainly when the folder to export into is not there") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    CHECK_THROWS_WITH(core::exportWaiting(kiosk, dir / "no-usb-stick"),
                      Catch::Contains("does not exist") && Catch::Contains("USB stick"));
}

TEST_CASE("status on a damaged database says so plainly and changes nothing") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    storage::writeFileAtomically(kiosk.databaseFile(), std::string(8192, 'x'));
    const auto before = listing(dir / "data");
    CHECK_THROWS_WITH(core::readStatus(kiosk), Catch::Contains("is damaged") && Catch::Contains("Nothing was changed"));
    CHECK(listing(dir / "data") == before);
}

// The tests below were found by attacking the staff commands as an outsider would.
TEST_CASE("status on a database with no -wal or -shm beside it makes neither") {
    test::TempDir dir;
    const auto kiosk = kioskWithBareDatabase(dir);
    const auto before = listing(dir / "data");
    CHECK(core::readStatus(core::openKiosk(dir / "data")).waiting == 1);
    CHECK(listing(dir / "data") == before);
}

TEST_CASE("status on a cut-short database says it is damaged and, as it says, changes nothing") {
    test::TempDir dir;
    const auto kiosk = kioskWithBareDatabase(dir);
    std::filesystem::resize_file(kiosk.databaseFile(), 5000);
    const auto before = listing(dir / "data");
    CHECK_THROWS_WITH(core::readStatus(kiosk), Catch::Contains("Nothing was changed"));
    CHECK(listing(dir / "data") == before);
}

TEST_CASE("export with nothing waiting changes nothing, not even an empty or old database") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "usb");
    const auto kiosk = core::startKiosk(dir / "data");
    storage::writeFileAtomically(kiosk.databaseFile(), "");
    auto before = listing(dir / "data");
    CHECK(core::readStatus(kiosk).waiting == 0);
    CHECK(core::exportWaiting(kiosk, dir / "usb").count == 0);
    CHECK(listing(dir / "data") == before);
    {
        storage::Db old(kiosk.databaseFile());
        old.exec(storage::readFile(TEST_DATA_DIR "/schema-v1.sql").c_str());
        old.exec("DELETE FROM submission");
    }
    for (const char* companion : {"kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / "data" / companion);
    before = listing(dir / "data");
    CHECK(core::exportWaiting(kiosk, dir / "usb").count == 0);
    CHECK(listing(dir / "data") == before);
    CHECK(std::filesystem::is_empty(dir / "usb"));
}

TEST_CASE("a damaged team key with submissions waiting can be installed again, so none is stranded") {
    test::TempDir dir;
    const auto team = storage::KeyPair::generate();
    storage::savePublicKey(dir / "team-public.key", team.publicKey);
    (void)core::provision(dir / "data", dir / "team-public.key", "canolfan");
    {
        const auto kiosk = core::openKiosk(dir / "data");
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "un", kiosk.key);
    }
    storage::writeFileAtomically(dir / "data/team-public.key", "");
    CHECK_THROWS_AS(core::openKiosk(dir / "data"), storage::Error);
    CHECK(core::provision(dir / "data", dir / "team-public.key", "canolfan").waitingUnderUnreadableKey == 1);
    std::filesystem::create_directories(dir / "usb");
    CHECK(core::exportWaiting(core::openKiosk(dir / "data"), dir / "usb").count == 1);
    // A readable key that differs is still refused while submissions sealed to it wait.
    const auto other = storage::KeyPair::generate();
    storage::savePublicKey(dir / "other-public.key", other.publicKey);
    {
        storage::SubmissionStore store(dir / "data/kiosk.db");
        (void)test::addComplaint(store, "dau", team.publicKey);
    }
    CHECK_THROWS_WITH(core::provision(dir / "data", dir / "other-public.key", "canolfan"),
                      Catch::Contains("Export them first"));
}

TEST_CASE("a team key damaged into JSON of another shape can be installed again too") {
    // As the key file fuzz target found: a field of the wrong type was not a storage::Error, so
    // provisioning did not catch it and the waiting submission was stranded.
    test::TempDir dir;
    const auto team = storage::KeyPair::generate();
    storage::savePublicKey(dir / "team-public.key", team.publicKey);
    (void)core::provision(dir / "data", dir / "team-public.key", "canolfan");
    {
        storage::SubmissionStore store(dir / "data/kiosk.db");
        (void)test::addComplaint(store, "un", team.publicKey);
    }
    storage::writeFileAtomically(dir / "data/team-public.key", R"({ "format":22 })");
    CHECK_THROWS_AS(core::openKiosk(dir / "data"), storage::Error);
    CHECK(core::provision(dir / "data", dir / "team-public.key", "canolfan").waitingUnderUnreadableKey == 1);
    CHECK(core::openKiosk(dir / "data").key.bytes == team.publicKey.bytes);
}

TEST_CASE("starting a kiosk in someone's folder is refused, and makes nothing there") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "usb-stick");
    storage::writeFileAtomically(dir / "usb-stick/notes.txt", "notes");
    const auto before = listing(dir / "usb-stick");
    CHECK_THROWS_WITH(core::startKiosk(dir / "usb-stick"), Catch::Contains("not a kiosk's data folder"));
    CHECK(listing(dir / "usb-stick") == before);
    CHECK_THROWS_AS(core::startKiosk(dir / "usb-stick/notes.txt"), storage::Error);
}

// Found by attacking the store with damage: a database moved into quarantine/ kept every waiting
// submission in it, and status and export never looked there.
TEST_CASE("what waits in a quarantined database is shown by status and goes in every export") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "usb");
    const auto kiosk = core::startKiosk(dir / "data");
    std::int64_t indexPage = 0;
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        for (int i = 0; i < 3; ++i)
            (void)test::addComplaint(store, "cyn y difrod", kiosk.key);
        indexPage = store.db().queryInt("SELECT rootpage FROM sqlite_schema WHERE name = 'submission_by_state'");
    }
    // Damage in an index, not in the rows: the file fails its check and is moved aside whole.
    {
        std::fstream f(kiosk.databaseFile(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp((indexPage - 1) * 4096 + 8);
        f << std::string(200, '\x7f');
    }
    auto reopened = storage::openOrQuarantine(kiosk.databaseFile(), "2026-11-22T10:31:02Z");
    REQUIRE(reopened.quarantinedTo);
    (void)test::addComplaint(*reopened.store, "ar ôl", kiosk.key);
    reopened.store.reset();
    for (const auto& entry : std::filesystem::directory_iterator(dir / "data/quarantine"))
        CHECK(entry.path().filename().string().find(':') == std::string::npos); // a FAT stick takes it

    const auto status = core::readStatus(kiosk);
    CHECK(status.waiting == 1);
    REQUIRE(status.quarantined.size() == 1);
    CHECK(status.quarantined[0].rows.size() == 3);

    const auto first = core::exportWaiting(kiosk, dir / "usb");
    CHECK(first.count == 4);
    const auto keys = storage::loadKeyPair(dir / "data/demo-secret.key");
    for (const auto& entry : storage::bundleFromJson(storage::readFile(first.file)).entries)
        CHECK_NOTHROW(storage::submissionFromJson(storage::openSealed(entry.sealed, keys)));
    // The quarantined file is never written, so its submissions go again until the team has them.
    CHECK(core::exportWaiting(kiosk, dir / "usb").count == 3);
}

// Found by attacking bad set-ups: a directory where kiosk.db should be, or an all-zero team key
// (which provision accepted), started normally, and every child went through the whole journey
// to be told "Sorry" at the end.
TEST_CASE("a kiosk that cannot store says why before any child starts") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    CHECK_FALSE(core::whyCannotStore(kiosk).has_value());

    for (const char* file : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / "data" / file);
    std::filesystem::create_directories(kiosk.databaseFile()); // a folder where the database should be
    const auto folder = core::whyCannotStore(kiosk);
    REQUIRE(folder.has_value());
    CHECK_THAT(*folder, Catch::Contains("cannot be written"));
    std::filesystem::remove(kiosk.databaseFile());

    auto zeroKey = kiosk;
    zeroKey.key = storage::PublicKey{};
    const auto key = core::whyCannotStore(zeroKey);
    REQUIRE(key.has_value());
    CHECK_THAT(*key, Catch::Contains("cannot seal"));
}

TEST_CASE("the effect runner reports at start whether it can store") {
    test::TempDir dir;
    auto kiosk = core::startKiosk(dir / "data");
    const auto first = [](core::EffectRunner& runner) {
        runner.drain();
        const auto results = runner.takeResults();
        REQUIRE_FALSE(results.empty());
        return std::get<flow::StorageChecked>(results.front()).canSave;
    };
    {
        core::EffectRunner runner(kiosk, [] {});
        CHECK(first(runner));
    }
    kiosk.key = storage::PublicKey{};
    core::EffectRunner runner(kiosk, [] {});
    CHECK_FALSE(first(runner));
}
