#include "core_support.hpp"

#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <core/sync_worker.hpp>
#include <storage/files.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace kiosk;

// The sync folder: the same round trip with no USB stick. First when the worker exports (a pure
// decision, tested without waiting), then the worker itself against real folders.
namespace {

using Clock = std::chrono::system_clock;
using test::localAt;

// A demo kiosk whose kiosk.json names a sync folder.
core::Identity syncingKiosk(const test::TempDir& dir, int checkEverySeconds = 3600) {
    (void)core::startKiosk(dir / "data");
    const nlohmann::json config = {{"sync",
                                    {{"folder", (dir / "share").string()},
                                     {"export_every_minutes", 60},
                                     {"check_every_seconds", checkEverySeconds}}}};
    storage::writeFileAtomically(dir / "data/kiosk.json", config.dump());
    auto kiosk = core::openKiosk(dir / "data");
    REQUIRE(kiosk.sync.has_value());
    return kiosk;
}

std::vector<std::filesystem::path> filesIn(const std::filesystem::path& folder,
                                           const std::string& extension) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        if (e.path().extension() == extension)
            out.push_back(e.path());
    return out;
}

int unconfirmed(const core::Identity& kiosk) {
    const auto status = core::readStatus(kiosk);
    return status.waiting + status.exported;
}

} // namespace

TEST_CASE(
    "the sync worker exports when something is unconfirmed and the interval or the day's time has come") {
    core::SyncSettings every60{"/mnt/sync", 60, 15 * 60 + 30, 60};
    const storage::WorkingDays days;
    const auto monday = [](int hour, int minute) { return localAt(2026, 11, 23, hour, minute); };
    using core::SyncAction;
    CHECK(core::nextSyncAction(every60, days, monday(10, 0), std::nullopt, false) == SyncAction::Wait);
    CHECK(core::nextSyncAction(every60, days, monday(10, 0), std::nullopt, true) == SyncAction::ExportFirst);
    CHECK(core::nextSyncAction(every60, days, monday(10, 30), monday(10, 0), true) == SyncAction::Wait);
    CHECK(core::nextSyncAction(every60, days, monday(11, 0), monday(10, 0), true) ==
          SyncAction::ExportInterval);
    CHECK(core::nextSyncAction(every60, days, monday(11, 0), monday(10, 0), false) == SyncAction::Wait);
    // A last export "in the future" (the clock was set back) does not hold exports back.
    CHECK(core::nextSyncAction(every60, days, monday(10, 0), monday(12, 0), true) ==
          SyncAction::ExportInterval);
    // The day's export at daily_at, though the interval has not passed.
    CHECK(core::nextSyncAction(every60, days, monday(15, 29), monday(15, 0), true) == SyncAction::Wait);
    CHECK(core::nextSyncAction(every60, days, monday(15, 30), monday(15, 0), true) ==
          SyncAction::ExportDaily);
    CHECK(core::nextSyncAction(every60, days, monday(15, 45), monday(15, 31), true) == SyncAction::Wait);
    // Not on a Saturday, a bank holiday or a closure date; the interval still counts then.
    const auto saturday = [](int hour, int minute) { return localAt(2026, 11, 21, hour, minute); };
    CHECK(core::nextSyncAction(every60, days, saturday(15, 45), saturday(15, 0), true) == SyncAction::Wait);
    CHECK(core::nextSyncAction(every60, days, saturday(16, 0), saturday(15, 0), true) ==
          SyncAction::ExportInterval);
    const auto christmas = localAt(2026, 12, 25, 15, 45);
    CHECK(core::nextSyncAction(every60, days, christmas, localAt(2026, 12, 25, 15, 0), true) ==
          SyncAction::Wait);
    const storage::WorkingDays closedMonday({storage::Date{2026, 11, 23}});
    CHECK(core::nextSyncAction(every60, closedMonday, monday(15, 45), monday(15, 0), true) ==
          SyncAction::Wait);
    // Once a day: an export last evening, the interval a day long, waits for daily_at today.
    core::SyncSettings daily{"/mnt/sync", 24 * 60, 15 * 60 + 30, 60};
    const auto sundayEvening = localAt(2026, 11, 22, 18, 0);
    CHECK(core::nextSyncAction(daily, days, monday(9, 0), sundayEvening, true) == SyncAction::Wait);
    CHECK(core::nextSyncAction(daily, days, monday(15, 30), sundayEvening, true) == SyncAction::ExportDaily);
}

TEST_CASE("the sync worker exports into its folder by itself and imports the receipt it finds there") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "share");
    const auto kiosk = syncingKiosk(dir);
    std::string sealed;
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "drwy'r ffolder", kiosk.key);
        sealed = [&] {
            const auto row = store.unconfirmed().at(0);
            return std::string(row.sealed.begin(), row.sealed.end());
        }();
    }
    core::SyncWorker worker(kiosk);
    REQUIRE(worker.waitForRounds(1, std::chrono::seconds(20)));
    const auto bundles = filesIn(dir / "share", ".bundle");
    REQUIRE(bundles.size() == 1);
    CHECK(core::readStatus(kiosk).exported == 1);
    CHECK(core::readStatus(kiosk).sync.problem.empty());
    CHECK_FALSE(core::readStatus(kiosk).sync.lastSuccess.empty());

    // The team's side: a receipt written back into the folder, and one for another kiosk.
    const auto keys = test::demoTeamKeys(kiosk);
    const auto entries = test::readBundleFile(bundles[0]).entries;
    const auto ours = test::writeReceipt(dir / "share", kiosk, entries, keys.signing);
    const auto theirs =
        test::writeReceipt(dir / "share", "Canolfan arall", storage::SigningKeyPair::generate().publicKey,
                           entries, keys.signing);
    worker.poke();
    REQUIRE(worker.waitForRounds(2, std::chrono::seconds(20)));
    CHECK_FALSE(std::filesystem::exists(ours)); // imported, its work done
    CHECK(std::filesystem::exists(theirs));     // another kiosk's, left alone
    CHECK(unconfirmed(kiosk) == 0);
    CHECK(core::readStatus(kiosk).received == 0); // deleted at once
    CHECK(storage::readFile(kiosk.databaseFile()).find(sealed) == std::string::npos);
    CHECK(core::readStatus(kiosk).sync.problem.empty());
    CHECK(filesIn(dir / "share", ".bundle").size() == 1); // nothing unconfirmed: no new export
}

TEST_CASE("a missing sync folder is reported to staff and tried again, and the kiosk carries on") {
    test::TempDir dir;
    const auto kiosk = syncingKiosk(dir);
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "aros", kiosk.key);
    }
    core::SyncWorker worker(kiosk);
    REQUIRE(worker.waitForRounds(1, std::chrono::seconds(20)));
    auto status = core::readStatus(kiosk);
    CHECK_THAT(status.sync.problem, Catch::Contains("is not there"));
    CHECK(status.needsAttention());
    CHECK(nlohmann::json::parse(core::statusJson(kiosk, status))["sync"]["problem"].is_string());
    const auto recorded = storage::readFile(kiosk.syncStateFile());
    worker.poke();
    REQUIRE(worker.waitForRounds(2, std::chrono::seconds(20)));
    CHECK(storage::readFile(kiosk.syncStateFile()) == recorded); // the same problem is not written again

    std::filesystem::create_directories(dir / "share"); // the share is mounted again
    worker.poke();
    REQUIRE(worker.waitForRounds(3, std::chrono::seconds(20)));
    status = core::readStatus(kiosk);
    CHECK(status.sync.problem.empty());
    CHECK(status.exported == 1);
    CHECK(filesIn(dir / "share", ".bundle").size() == 1);
}

TEST_CASE("a read-only sync folder is reported and tried again; nothing is marked without its bundle") {
    test::TempDir dir;
    const auto kiosk = syncingKiosk(dir);
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "darllen yn unig", kiosk.key);
    }
    test::ReadOnlyFolder share(dir / "share");
    if (!share.works()) {
        WARN("could not make a read-only folder here (no mount for root): skipped");
        return;
    }
    const auto now = Clock::now();
    auto round = core::syncOnce(kiosk, now);
    CHECK(round.action == core::SyncAction::ExportFirst);
    CHECK_FALSE(round.problems.empty());
    CHECK_FALSE(core::readStatus(kiosk).sync.problem.empty());
    CHECK(core::readStatus(kiosk).waiting == 1); // not marked: the bundle was never written
    CHECK(filesIn(dir / "share", ".bundle").empty());

    REQUIRE(share.release());
    round = core::syncOnce(kiosk, now + std::chrono::minutes(1));
    CHECK(round.problems.empty());
    REQUIRE(round.exported.has_value());
    CHECK(round.exported->count == 1);
    CHECK(core::readStatus(kiosk).sync.problem.empty());
    CHECK(core::readStatus(kiosk).exported == 1);
}

TEST_CASE("the sync worker wakes at once when poked and stops promptly") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "share");
    const auto kiosk = syncingKiosk(dir, 24 * 60 * 60);
    core::SyncWorker worker(kiosk);
    REQUIRE(worker.waitForRounds(1, std::chrono::seconds(20)));
    worker.poke();
    CHECK(worker.waitForRounds(2, std::chrono::seconds(20))); // not a day later
    const auto before = std::chrono::steady_clock::now();
    worker.stop();
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(2));
    CHECK(worker.rounds() == 2);
}
