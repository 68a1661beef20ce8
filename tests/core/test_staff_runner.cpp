#include "core_support.hpp"

#include <core/effect_runner.hpp>
#include <core/identity.hpp>
#include <core/pin.hpp>
#include <core/status.hpp>
#include <storage/files.hpp>
#include <storage/store.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace kiosk;
using Kind = flow::StaffMessage::Kind;

// The effect runner answers each staff effect with the events flow/effect.hpp names, as the kiosk
// and its headless driver use it.
namespace {

// A started runner, its start check taken.
struct Runner {
    explicit Runner(const core::Identity& kiosk) : runner(kiosk, [] {}) {
        runner.drain();
        const auto results = runner.takeResults();
        REQUIRE(results.size() == 1);
        started = std::get<flow::StorageChecked>(results.front()).why;
    }
    // Runs one effect and returns everything it answered.
    std::vector<flow::Event> run(flow::Effect effect) {
        flow::Effects effects;
        effects.push_back(std::move(effect));
        runner.run(std::move(effects));
        runner.drain();
        return runner.takeResults();
    }
    // Runs one effect that answers with exactly one event of type E.
    template <class E> E one(flow::Effect effect) {
        auto results = run(std::move(effect));
        REQUIRE(results.size() == 1);
        REQUIRE(std::holds_alternative<E>(results.front()));
        return std::get<E>(std::move(results.front()));
    }
    core::EffectRunner runner;
    flow::CannotStore started = flow::CannotStore::None;
};

std::vector<storage::AuditEntry> auditOf(const core::Identity& kiosk) {
    return storage::SubmissionStore(kiosk.databaseFile(), storage::Access::ReadOnly).audit(100);
}

flow::SaveSubmission aComplaint(std::uint64_t job) {
    flow::SaveSubmission save;
    save.job = job;
    save.choices.kind = vocabulary::Kind::Complaint;
    save.choices.who = vocabulary::Who::Me;
    save.choices.topics.set(static_cast<std::size_t>(vocabulary::Topic::TooLong));
    save.choices.contact = vocabulary::Contact::None;
    save.choices.sharing = vocabulary::Sharing::TalkFirst;
    save.texts[static_cast<std::size_t>(vocabulary::Field::Story)] = flow::SecretText("stori");
    return save;
}

} // namespace

TEST_CASE("the effect runner answers the PIN pad, and every try is in the audit log") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    Runner r(kiosk);
    CHECK_FALSE(r.one<flow::PinRead>(flow::ReadPinState{}).status.set);
    const auto none = r.one<flow::PinChecked>(flow::CheckPin{flow::SecretText("246810")});
    CHECK_FALSE(none.right);
    CHECK_FALSE(none.status.set);

    core::setPin(kiosk.dataDir, "246810");
    CHECK(r.one<flow::PinRead>(flow::ReadPinState{}).status == flow::PinStatus{true, 5, 0});
    for (int i = 1; i <= 5; ++i) {
        const auto wrong = r.one<flow::PinChecked>(flow::CheckPin{flow::SecretText("135799")});
        CHECK_FALSE(wrong.right);
        CHECK(wrong.status.triesBeforeWait == 5 - i);
        CHECK(wrong.status.waitSeconds == (i == 5 ? 30 : 0));
    }
    // During the wait, even the right PIN is not checked.
    const auto waiting = r.one<flow::PinChecked>(flow::CheckPin{flow::SecretText("246810")});
    CHECK_FALSE(waiting.right);
    CHECK(waiting.status.waitSeconds > 0);
    CHECK(waiting.status.waitSeconds <= 30);
    CHECK(r.one<flow::PinRead>(flow::ReadPinState{}).status.waitSeconds > 0);

    const auto audit = auditOf(kiosk);
    REQUIRE(audit.size() == 6);
    CHECK(audit[0].action == "pin_waiting");
    for (std::size_t i = 1; i < audit.size(); ++i) {
        CHECK(audit[i].action == "pin_wrong");
        CHECK(audit[i].outcome == "refused");
        CHECK(audit[i].source == "screen");
    }
    CHECK(test::allBytesUnder(dir / "data").find("135799") == std::string::npos);

    // The wait over (set as if it had passed), the right PIN opens and clears the count.
    storage::writeFileAtomically(kiosk.dataDir / "staff-pin-tries.json",
                                 R"({"wrong_tries": 5, "wait_until": null})");
    const auto right = r.one<flow::PinChecked>(flow::CheckPin{flow::SecretText("246810")});
    CHECK(right.right);
    CHECK(right.status == flow::PinStatus{true, 5, 0});
    CHECK(auditOf(kiosk)[0].action == "pin_right");
    CHECK(auditOf(kiosk)[0].outcome == "done");
}

TEST_CASE("the effect runner changes the PIN, and reads the dashboard with what the start check found") {
    test::TempDir dir;
    auto kiosk = core::startKiosk(dir / "data");
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "un", kiosk.key, true);
    }
    {
        Runner r(kiosk);
        CHECK(r.started == flow::CannotStore::None);
        CHECK(r.one<flow::StaffDone>(flow::ChangePin{flow::SecretText("1234")}).message.kind ==
              Kind::PinTooShort);
        CHECK(r.one<flow::StaffDone>(flow::ChangePin{flow::SecretText("86420864")}).message.kind ==
              Kind::PinChanged);
        CHECK(core::checkPin(kiosk.dataDir, "86420864").outcome == core::PinCheck::Outcome::Right);
        const auto d = r.one<flow::DashboardRead>(flow::ReadDashboard{}).dashboard;
        CHECK(d.waiting == 1);
        CHECK(d.priority == 1);
        CHECK(d.cannotStore == flow::CannotStore::None);
        REQUIRE_FALSE(d.audit.empty());
        CHECK(d.audit.front().action == "change_pin");
        CHECK(d.audit.front().outcome == "done");
        (void)r.one<flow::DrivesListed>(flow::ListDrives{});
    }
    kiosk.key = storage::PublicKey{}; // a key that cannot seal
    Runner r(kiosk);
    CHECK(r.started == flow::CannotStore::NoKey);
    const auto d = r.one<flow::DashboardRead>(flow::ReadDashboard{}).dashboard;
    CHECK(d.cannotStore == flow::CannotStore::NoKey);
    CHECK_THAT(d.cannotStoreDetail, Catch::Contains("cannot seal"));
}

TEST_CASE("the effect runner exports to a folder and imports the receipt found there") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    std::filesystem::create_directories(dir / "stick");
    Runner r(kiosk);
    REQUIRE(r.one<flow::Saved>(aComplaint(1)).job == 1);
    const auto exported = r.one<flow::StaffDone>(flow::ExportTo{(dir / "stick").string(), "SANDISK"}).message;
    CHECK(exported.kind == Kind::Exported);
    CHECK(exported.count == 1);
    std::vector<storage::BundleEntry> entries;
    for (const auto& e : std::filesystem::directory_iterator(dir / "stick"))
        entries = test::readBundleFile(e.path()).entries;
    REQUIRE(entries.size() == 1);
    (void)test::writeReceipt(dir / "stick", kiosk, entries, test::demoTeamKeys(kiosk).signing);
    const auto imported =
        r.one<flow::StaffDone>(flow::ImportReceiptFrom{(dir / "stick").string(), "SANDISK"}).message;
    CHECK(imported.kind == Kind::ReceiptImported);
    CHECK(imported.count == 1);
    CHECK(core::readStatus(kiosk).exported == 0);
    const auto missing = r.one<flow::StaffDone>(flow::ExportTo{(dir / "gone").string(), ""}).message;
    CHECK(missing.kind == Kind::FolderMissing);
}

TEST_CASE("sync now without a sync folder says so; with one it runs a round and says what it did") {
    test::TempDir dir;
    (void)core::startKiosk(dir / "data");
    {
        Runner r(core::openKiosk(dir / "data"));
        const auto m = r.one<flow::StaffDone>(flow::SyncNow{}).message;
        CHECK(m.kind == Kind::SyncFailed);
        CHECK(m.detail == "no sync folder is set");
    }
    std::filesystem::create_directories(dir / "share");
    const nlohmann::json config = {
        {"sync", {{"folder", (dir / "share").string()}, {"check_every_seconds", 3600}}}};
    storage::writeFileAtomically(dir / "data/kiosk.json", config.dump());
    const auto kiosk = core::openKiosk(dir / "data");
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "cysoni", kiosk.key);
    }
    // Exported just now: the worker's own rounds would not export again within the hour.
    const auto bundle = test::readBundleFile(core::exportUnconfirmed(kiosk, dir / "share").file);
    Runner r(kiosk);
    // The first round "sync now" waits for begins after it is asked: the worker's own first round,
    // at start, is over by the time it answers, so the receipt below is this test's to find.
    const auto first = r.one<flow::StaffDone>(flow::SyncNow{}).message;
    CHECK(first.kind == Kind::Synced);
    CHECK(first.count == 1); // staff asked: what is unconfirmed goes now, whatever the interval
    CHECK(first.deleted == 0);
    const auto receipt =
        test::writeReceipt(dir / "share", kiosk, bundle.entries, test::demoTeamKeys(kiosk).signing);
    const auto m = r.one<flow::StaffDone>(flow::SyncNow{}).message;
    CHECK(m.kind == Kind::Synced);
    CHECK(m.deleted == 1); // the receipt imported
    CHECK(m.where == (dir / "share").string());
    CHECK(core::readStatus(kiosk).exported == 0);
    CHECK_FALSE(std::filesystem::exists(receipt)); // in a sync folder, an applied receipt is removed
    const auto audit = auditOf(kiosk);
    REQUIRE(audit.size() == 3);
    CHECK(audit[0].action == "sync_now");
    CHECK(audit[0].outcome == "done");
    CHECK(audit[0].source == "screen");
    CHECK(audit[2].outcome == "failed"); // asked with no sync folder set
}

TEST_CASE("a quarantine stops children at start, and once staff have seen it the runner lets them in") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "cyn", kiosk.key);
    }
    (void)storage::quarantine(kiosk.databaseFile(), "2026-11-22T10:31:02Z");
    Runner r(kiosk);
    CHECK(r.started == flow::CannotStore::Quarantined);
    CHECK(r.one<flow::DashboardRead>(flow::ReadDashboard{}).dashboard.cannotStore ==
          flow::CannotStore::Quarantined);
    const auto results = r.run(flow::SeeQuarantine{});
    REQUIRE(results.size() == 2);
    CHECK(std::get<flow::StaffDone>(results[0]).message.kind == Kind::QuarantineSeen);
    CHECK(std::get<flow::StorageChecked>(results[1]).why == flow::CannotStore::None);
    CHECK(r.one<flow::DashboardRead>(flow::ReadDashboard{}).dashboard.cannotStore == flow::CannotStore::None);
}

TEST_CASE("a save that finds the database damaged moves it aside, keeps the child's words, and stops the "
          "next child") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    Runner r(kiosk);
    REQUIRE(r.started == flow::CannotStore::None);
    // Damaged underneath the running kiosk, before its first save opens it.
    for (const char* companion : {"kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / "data" / companion);
    storage::writeFileAtomically(kiosk.databaseFile(), std::string(8192, 'x'));
    const auto results = r.run(aComplaint(7));
    REQUIRE(results.size() == 2);
    // This child's submission is kept, in a new database; the next child is asked to find staff.
    CHECK(std::get<flow::Saved>(results[0]).job == 7);
    CHECK(std::get<flow::StorageChecked>(results[1]).why == flow::CannotStore::Quarantined);
    CHECK(core::readStatus(kiosk).waiting == 1);
    CHECK(storage::quarantinedDatabases(kiosk.databaseFile()).size() == 1);
    const auto d = r.one<flow::DashboardRead>(flow::ReadDashboard{}).dashboard;
    CHECK(d.cannotStore == flow::CannotStore::Quarantined);
    CHECK_THAT(d.cannotStoreDetail, Catch::Contains("quarantine"));
}

TEST_CASE("leaving staff mode is in the audit log, and nothing answers it") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    Runner r(kiosk);
    CHECK(r.run(flow::RecordStaffLeft{true}).empty());
    CHECK(r.run(flow::RecordStaffLeft{false}).empty());
    const auto audit = auditOf(kiosk);
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].action == "left");
    CHECK(audit[1].action == "left_idle");
}
