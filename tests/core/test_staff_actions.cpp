#include "core_support.hpp"

#include <core/identity.hpp>
#include <core/effect_runner.hpp>
#include <core/staff_actions.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/submission.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <span>

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
        CHECK_THROWS_AS(core::exportUnconfirmed(core::openKiosk(folder), dir.path()), storage::Error);
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
    CHECK_THROWS_WITH(core::exportUnconfirmed(kiosk, dir / "no-usb-stick"),
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
    CHECK(core::exportUnconfirmed(kiosk, dir / "usb").count == 0);
    CHECK(listing(dir / "data") == before);
    {
        storage::Db old(kiosk.databaseFile());
        old.exec(storage::readFile(TEST_DATA_DIR "/schema-v1.sql").c_str());
        old.exec("DELETE FROM submission");
    }
    for (const char* companion : {"kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / "data" / companion);
    before = listing(dir / "data");
    CHECK(core::exportUnconfirmed(kiosk, dir / "usb").count == 0);
    CHECK(listing(dir / "data") == before);
    CHECK(std::filesystem::is_empty(dir / "usb"));
}

TEST_CASE("a damaged team key with submissions waiting can be installed again, so none is stranded") {
    test::TempDir dir;
    const auto team = test::makeTeamKeys(dir / "team-public.key");
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
    CHECK(core::exportUnconfirmed(core::openKiosk(dir / "data"), dir / "usb").count == 1);
    // A readable key that differs is still refused while submissions sealed to it wait.
    (void)test::makeTeamKeys(dir / "other-public.key");
    {
        storage::SubmissionStore store(dir / "data/kiosk.db");
        (void)test::addComplaint(store, "dau", team.sealing.publicKey);
    }
    CHECK_THROWS_WITH(core::provision(dir / "data", dir / "other-public.key", "canolfan"),
                      Catch::Contains("have not been confirmed"));
}

TEST_CASE("a team key damaged into JSON of another shape can be installed again too") {
    // As the key file fuzz target found: a field of the wrong type was not a storage::Error, so
    // provisioning did not catch it and the waiting submission was stranded.
    test::TempDir dir;
    const auto team = test::makeTeamKeys(dir / "team-public.key");
    (void)core::provision(dir / "data", dir / "team-public.key", "canolfan");
    {
        storage::SubmissionStore store(dir / "data/kiosk.db");
        (void)test::addComplaint(store, "un", team.sealing.publicKey);
    }
    storage::writeFileAtomically(dir / "data/team-public.key", R"({ "format":22 })");
    CHECK_THROWS_AS(core::openKiosk(dir / "data"), storage::Error);
    CHECK(core::provision(dir / "data", dir / "team-public.key", "canolfan").waitingUnderUnreadableKey == 1);
    CHECK(core::openKiosk(dir / "data").key.bytes == team.sealing.publicKey.bytes);
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

    const auto first = core::exportUnconfirmed(kiosk, dir / "usb");
    CHECK(first.count == 4);
    const auto keys = test::demoTeamKeys(kiosk);
    for (const auto& entry : test::readBundleFile(first.file).entries)
        CHECK_NOTHROW(storage::submissionFromJson(storage::openSealed(entry.sealed, keys.sealing)));
    // Nothing is confirmed yet, so everything goes again: the quarantined file is never written,
    // and the kiosk's own exported submission stays unconfirmed until a receipt names it.
    const auto second = core::exportUnconfirmed(kiosk, dir / "usb");
    CHECK(second.count == 4);
    // A receipt for all four confirms them; the quarantined ones are sent no more.
    const auto receipt =
        test::writeReceipt(dir.path(), kiosk, test::readBundleFile(second.file).entries, keys.signing);
    const auto imported = core::importReceipt(kiosk, receipt);
    REQUIRE(imported.outcome == core::ReceiptImport::Outcome::Applied);
    CHECK(imported.applied.marked == 1);
    CHECK(imported.applied.quarantinedConfirmed == 3);
    CHECK(core::exportUnconfirmed(kiosk, dir / "usb").count == 0);
    CHECK(core::readStatus(kiosk).quarantinedUnconfirmed == 0);
    CHECK(core::readStatus(kiosk).quarantined.size() == 1); // the file is kept for IT all the same
}

// Found by attacking bad set-ups: a directory where kiosk.db should be, or an all-zero team key
// (which provision accepted), started normally, and every child went through the whole journey
// to be told "Sorry" at the end.
TEST_CASE("a kiosk that cannot store says why before any child starts") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    CHECK(core::whyCannotStore(kiosk).reason == flow::CannotStore::None);

    for (const char* file : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / "data" / file);
    std::filesystem::create_directories(kiosk.databaseFile()); // a folder where the database should be
    const auto folder = core::whyCannotStore(kiosk);
    CHECK(folder.reason == flow::CannotStore::Unwritable);
    CHECK_THAT(folder.detail, Catch::Contains("cannot be written"));
    std::filesystem::remove(kiosk.databaseFile());

    auto zeroKey = kiosk;
    zeroKey.key = storage::PublicKey{};
    const auto key = core::whyCannotStore(zeroKey);
    CHECK(key.reason == flow::CannotStore::NoKey);
    CHECK_THAT(key.detail, Catch::Contains("cannot seal"));
}

TEST_CASE("the effect runner reports at start whether it can store") {
    test::TempDir dir;
    auto kiosk = core::startKiosk(dir / "data");
    const auto first = [](core::EffectRunner& runner) {
        runner.drain();
        const auto results = runner.takeResults();
        REQUIRE_FALSE(results.empty());
        return std::get<flow::StorageChecked>(results.front()).why == flow::CannotStore::None;
    };
    {
        core::EffectRunner runner(kiosk, [] {});
        CHECK(first(runner));
    }
    kiosk.key = storage::PublicKey{};
    core::EffectRunner runner(kiosk, [] {});
    CHECK_FALSE(first(runner));
}

// Receipts, deletion and the lost USB stick (issue 8).
namespace {

// A provisioned kiosk with the team's keys, and two submissions: one the team will confirm and
// one it will not (the control).
struct ProvisionedKiosk {
    explicit ProvisionedKiosk(const test::TempDir& dir)
        : team(test::makeTeamKeys(dir / "team-public.key")), kiosk(provisioned(dir)) {
        std::filesystem::create_directories(dir / "usb");
        storage::SubmissionStore store(kiosk.databaseFile());
        confirmed = test::addComplaint(store, "i'w gadarnhau", kiosk.key);
        control = test::addComplaint(store, "heb ei gadarnhau", kiosk.key);
        for (const auto& row : store.unconfirmed())
            sealed[row.id] = std::string(row.sealed.begin(), row.sealed.end());
    }
    static core::Identity provisioned(const test::TempDir& dir) {
        (void)core::provision(dir / "data", dir / "team-public.key", "Canolfan Abertawe");
        return core::startKiosk(dir / "data");
    }
    // The entries of a bundle with these ids.
    static std::vector<storage::BundleEntry> only(const storage::Bundle& bundle,
                                                  const std::set<std::string>& ids) {
        std::vector<storage::BundleEntry> out;
        for (const auto& e : bundle.entries)
            if (ids.count(e.id) == 1)
                out.push_back(e);
        return out;
    }
    storage::TeamKeys team;
    core::Identity kiosk;
    std::string confirmed;
    std::string control;
    std::map<std::string, std::string> sealed; // id -> sealed bytes
};

// The bytes of the database and its WAL, where a deleted row's sealed bytes must not be.
std::string databaseBytes(const core::Identity& kiosk) {
    auto wal = kiosk.databaseFile();
    wal += "-wal";
    return storage::readFile(kiosk.databaseFile()) +
           (std::filesystem::exists(wal) ? storage::readFile(wal) : "");
}

int rows(const core::Identity& kiosk, const char* state) {
    return storage::SubmissionStore(kiosk.databaseFile(), storage::Access::ReadOnly).count(state);
}

} // namespace

TEST_CASE(
    "a receipt from the team marks what it names received and deletes it from the database and its WAL") {
    test::TempDir dir;
    ProvisionedKiosk k(dir);
    const auto bundle = test::readBundleFile(core::exportUnconfirmed(k.kiosk, dir / "usb").file);
    REQUIRE(bundle.entries.size() == 2);
    // The search can see the bytes: both rows are there before the receipt.
    REQUIRE(databaseBytes(k.kiosk).find(k.sealed[k.confirmed]) != std::string::npos);
    REQUIRE(databaseBytes(k.kiosk).find(k.sealed[k.control]) != std::string::npos);

    const auto file = test::writeReceipt(dir.path(), k.kiosk, ProvisionedKiosk::only(bundle, {k.confirmed}),
                                         k.team.signing);
    const auto result = core::importReceipt(k.kiosk, file);
    REQUIRE(result.outcome == core::ReceiptImport::Outcome::Applied);
    CHECK(result.applied.marked == 1);
    CHECK(result.deleted == 1); // keep_received_days defaults to 0: at once
    CHECK(rows(k.kiosk, "received") == 0);
    CHECK(rows(k.kiosk, "exported") == 1);
    CHECK(databaseBytes(k.kiosk).find(k.sealed[k.confirmed]) == std::string::npos);
    CHECK(databaseBytes(k.kiosk).find(k.sealed[k.control]) != std::string::npos);
    CHECK(core::readStatus(k.kiosk).lastReceipt.has_value());

    // The same receipt again changes nothing.
    const auto again = core::importReceipt(k.kiosk, file);
    REQUIRE(again.outcome == core::ReceiptImport::Outcome::Applied);
    CHECK(again.applied.alreadyImported);
    CHECK(again.applied.marked == 0);
    CHECK(rows(k.kiosk, "exported") == 1);
    // The next export carries only what is still unconfirmed.
    const auto next = test::readBundleFile(core::exportUnconfirmed(k.kiosk, dir / "usb").file);
    REQUIRE(next.entries.size() == 1);
    CHECK(next.entries[0].id == k.control);
}

TEST_CASE("a receipt for another kiosk, signed by another key, or altered changes nothing") {
    test::TempDir dir;
    ProvisionedKiosk k(dir);
    const auto bundle = test::readBundleFile(core::exportUnconfirmed(k.kiosk, dir / "usb").file);
    std::filesystem::create_directories(dir / "receipts");
    const auto otherKiosk = storage::SigningKeyPair::generate();
    const auto stranger = storage::SigningKeyPair::generate();
    const auto forAnother = test::writeReceipt(dir / "receipts", "Canolfan Abertawe", otherKiosk.publicKey,
                                               bundle.entries, k.team.signing);
    const auto notTheTeam = test::writeReceipt(dir / "receipts", k.kiosk, bundle.entries, stranger);
    auto altered =
        storage::readFile(test::writeReceipt(dir / "receipts", k.kiosk, bundle.entries, k.team.signing));
    altered[altered.size() - 5] ^= 1;
    storage::writeFileAtomically(dir / "receipts/altered.receipt", altered);

    const auto before = listing(dir / "data");
    const auto forAnotherResult = core::importReceipt(k.kiosk, forAnother);
    CHECK(forAnotherResult.outcome == core::ReceiptImport::Outcome::ForAnotherKiosk);
    CHECK_THAT(forAnotherResult.why,
               Catch::Contains("Nothing was changed") && Catch::Contains("not for this one"));
    const auto notTheTeamResult = core::importReceipt(k.kiosk, notTheTeam);
    CHECK(notTheTeamResult.outcome == core::ReceiptImport::Outcome::Refused);
    CHECK_THAT(notTheTeamResult.why, Catch::Contains("Nothing was changed") &&
                                         Catch::Contains(storage::fingerprint(k.team.signing.publicKey)));
    CHECK(core::importReceipt(k.kiosk, dir / "receipts/altered.receipt").outcome ==
          core::ReceiptImport::Outcome::Refused);
    CHECK(listing(dir / "data") == before); // every file, byte for byte
    CHECK(rows(k.kiosk, "exported") == 2);
    CHECK(rows(k.kiosk, "received") == 0);
}

// Found by attacking the sync folder: a 3 GB file named *.receipt there was read whole, into the
// kiosk's own memory, at every check.
TEST_CASE("a receipt file far larger than any receipt is refused without being read") {
    test::TempDir dir;
    ProvisionedKiosk k(dir);
    (void)core::exportUnconfirmed(k.kiosk, dir / "usb");
    std::filesystem::create_directories(dir / "receipts");
    const auto huge = dir / "receipts/huge.receipt";
    { std::ofstream(huge) << "cafcass-cymru-kiosk.signed 1\n"; }
    std::filesystem::resize_file(huge, 3ull * 1024 * 1024 * 1024); // sparse: no disk used
    const auto before = listing(dir / "data");
    const auto result = core::importReceipt(k.kiosk, huge);
    CHECK(result.outcome == core::ReceiptImport::Outcome::Refused);
    CHECK_THAT(result.why, Catch::Contains("larger than such a file can be") && Catch::Contains("Nothing was changed"));
    CHECK(listing(dir / "data") == before);
    CHECK(rows(k.kiosk, "exported") == 2);
}

TEST_CASE("received rows are kept for keep_received_days, then deleted") {
    test::TempDir dir;
    ProvisionedKiosk k(dir);
    auto config = nlohmann::json::parse(storage::readFile(dir / "data/kiosk.json"));
    config["keep_received_days"] = 2;
    storage::writeFileAtomically(dir / "data/kiosk.json", config.dump());
    const auto kiosk = core::openKiosk(dir / "data");
    const auto bundle = test::readBundleFile(core::exportUnconfirmed(kiosk, dir / "usb").file);
    const auto now = std::chrono::system_clock::now();
    const auto result = core::importReceipt(
        kiosk,
        test::writeReceipt(dir.path(), kiosk, ProvisionedKiosk::only(bundle, {k.confirmed}), k.team.signing),
        now);
    CHECK(result.applied.marked == 1);
    CHECK(result.deleted == 0);
    CHECK(rows(kiosk, "received") == 1);
    CHECK(core::forgetReceived(kiosk, now + std::chrono::hours(24)) == 0);
    CHECK(rows(kiosk, "received") == 1);
    CHECK(core::forgetReceived(kiosk, now + std::chrono::hours(48)) == 1);
    CHECK(rows(kiosk, "received") == 0);
    CHECK(databaseBytes(kiosk).find(k.sealed[k.confirmed]) == std::string::npos);
    CHECK(rows(kiosk, "exported") == 1); // the control, never confirmed, is never deleted
}

TEST_CASE("a lost USB stick costs nothing: the next export carries the same submissions") {
    test::TempDir dir;
    ProvisionedKiosk k(dir);
    const auto first = core::exportUnconfirmed(k.kiosk, dir / "usb");
    REQUIRE(first.count == 2);
    const auto lost = test::readBundleFile(first.file);
    std::filesystem::remove(first.file); // the stick is lost on the way
    CHECK(core::readStatus(k.kiosk).exported == 2);
    const auto second = core::exportUnconfirmed(k.kiosk, dir / "usb");
    REQUIRE(second.count == 2);
    const auto again = test::readBundleFile(second.file);
    CHECK(again.batch != lost.batch);
    std::map<std::string, std::vector<unsigned char>> before;
    for (const auto& e : lost.entries)
        before[e.id] = e.sealed;
    REQUIRE(again.entries.size() == before.size());
    for (const auto& e : again.entries) {
        REQUIRE(before.count(e.id) == 1);
        CHECK(before[e.id] == e.sealed); // the same submissions, byte for byte
    }
}

TEST_CASE("status as JSON names every field staff and IT read, before and after a receipt") {
    test::TempDir dir;
    ProvisionedKiosk k(dir);
    {
        storage::SubmissionStore store(k.kiosk.databaseFile());
        (void)test::addComplaint(store, "dw i ddim yn teimlo'n ddiogel", k.kiosk.key, true);
    }
    const auto now = std::chrono::system_clock::now();
    auto j = nlohmann::json::parse(core::statusJson(k.kiosk, core::readStatus(k.kiosk, now)));
    CHECK(j["format"] == "cafcass-cymru-kiosk.status");
    CHECK(j["version"] == 1);
    CHECK(j["kiosk"] == "Canolfan Abertawe");
    CHECK(j["demo"] == false);
    CHECK(j["waiting"] == 3);
    CHECK(j["exported"] == 0);
    CHECK(j["unconfirmed"] == 3);
    CHECK(j["received"] == 0);
    CHECK(j["priority"] == 1);
    REQUIRE(j["oldest_unconfirmed"].is_string());
    const auto made = core::parseIsoUtc(j["oldest_unconfirmed"].get<std::string>());
    REQUIRE(made.has_value());
    const storage::WorkingDays days;
    CHECK(j["acknowledge_by"] == storage::toIso(days.acknowledgeBy(storage::localDate(*made))));
    CHECK(j["overdue"] == false);
    const auto today = storage::localDate(now);
    CHECK(j["past_closing"] == (now >= test::localAt(today.year, today.month, today.day, 17)));
    // Made moments ago: due today on a working day, unless the centre has closed since.
    CHECK(j["export_due_today"] == (days.isWorkingDay(today) && !j["past_closing"].get<bool>()));
    CHECK(j["last_export"].is_null());
    CHECK(j["last_receipt"].is_null());
    CHECK(j["damaged"] == nlohmann::json::array());
    CHECK(j["quarantined"] == nlohmann::json::array());
    CHECK(j["free_bytes"].is_number_unsigned());
    CHECK(j["nearly_full"].is_boolean());
    CHECK(j["keys"]["team_sealing"] == storage::fingerprint(k.team.sealing.publicKey));
    CHECK(j["keys"]["team_signing"] == storage::fingerprint(k.team.signing.publicKey));
    CHECK(j["keys"]["kiosk_signing"] == storage::fingerprint(k.kiosk.kioskKey));
    CHECK(j["sync"].is_null());
    CHECK(j["key_problem"].is_null());
    CHECK(j["needs_attention"] == j["nearly_full"]);

    const auto bundle = test::readBundleFile(core::exportUnconfirmed(k.kiosk, dir / "usb").file);
    j = nlohmann::json::parse(core::statusJson(k.kiosk, core::readStatus(k.kiosk, now)));
    CHECK(j["waiting"] == 0);
    CHECK(j["exported"] == 3);
    CHECK(j["unconfirmed"] == 3);
    CHECK(j["last_export"].is_string());
    CHECK(j["export_due_today"] == false); // everything left today

    (void)core::importReceipt(k.kiosk,
                              test::writeReceipt(dir.path(), k.kiosk, bundle.entries, k.team.signing));
    j = nlohmann::json::parse(core::statusJson(k.kiosk, core::readStatus(k.kiosk, now)));
    CHECK(j["waiting"] == 0);
    CHECK(j["exported"] == 0);
    CHECK(j["unconfirmed"] == 0);
    CHECK(j["received"] == 0); // deleted at once
    CHECK(j["priority"] == 0);
    CHECK(j["oldest_unconfirmed"].is_null());
    CHECK(j["acknowledge_by"].is_null());
    CHECK(j["last_receipt"].is_string());
}

TEST_CASE("verify finds a row whose bytes no longer match their checksum, and changes nothing") {
    test::TempDir dir;
    ProvisionedKiosk k(dir);
    auto sound = core::verify(k.kiosk);
    CHECK(sound.sound());
    CHECK(sound.rowsChecked == 2);
    {
        storage::Db db(k.kiosk.databaseFile());
        const std::vector<unsigned char> other(300, 0x5a);
        storage::Statement damage(db, "UPDATE submission SET sealed = ?1 WHERE id = ?2");
        damage.bind(1, std::span<const unsigned char>(other));
        damage.bind(2, k.control);
        damage.run();
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto before = listing(dir / "data");
    const auto found = core::verify(k.kiosk);
    CHECK_FALSE(found.sound());
    CHECK(found.integrity.empty()); // the file is sound: only the row's bytes changed
    CHECK(found.damaged == std::vector<std::string>{k.control});
    CHECK(listing(dir / "data") == before);
}

TEST_CASE("verify on a database damaged underneath says so and changes nothing") {
    test::TempDir dir;
    ProvisionedKiosk k(dir);
    std::filesystem::resize_file(k.kiosk.databaseFile(), 5000);
    const auto before = listing(dir / "data");
    const auto found = core::verify(k.kiosk);
    CHECK_FALSE(found.sound());
    CHECK((!found.unreadable.empty() || !found.integrity.empty()));
    CHECK(listing(dir / "data") == before);
}
