#include "core_support.hpp"

#include <core/identity.hpp>
#include <core/pin.hpp>
#include <core/staff.hpp>
#include <core/staff_actions.hpp>
#include <core/status.hpp>
#include <core/sync_worker.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/store.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <unistd.h>

using namespace kiosk;
using Kind = flow::StaffMessage::Kind;

// What staff do, from the screen or the command line: each action says what happened as a message
// and leaves a line in the audit log; a folder that is missing, full or read-only changes nothing.
namespace {

// A demo kiosk with one waiting submission; the demo keys stand in for the complaints team's.
struct Kiosk {
    explicit Kiosk(const test::TempDir& dir) : kiosk(core::startKiosk(dir / "data")) {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "aros", kiosk.key);
    }
    [[nodiscard]] int rows(const char* state) const {
        return storage::SubmissionStore(kiosk.databaseFile(), storage::Access::ReadOnly).count(state);
    }
    [[nodiscard]] std::vector<storage::AuditEntry> audit() const {
        return storage::SubmissionStore(kiosk.databaseFile(), storage::Access::ReadOnly).audit(100);
    }
    core::Identity kiosk;
};

std::vector<std::filesystem::path> filesIn(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        out.push_back(e.path());
    return out;
}

// Nothing changed: the submission still waits, nothing was recorded as exported.
void checkNothingExported(const Kiosk& k) {
    CHECK(k.rows("waiting") == 1);
    CHECK(k.rows("exported") == 0);
    CHECK_FALSE(core::readStatus(k.kiosk).lastExport.has_value());
}

// The database moved aside, as the kiosk does at start with a damaged one; returns the name it
// was given there.
std::string quarantineNow(const core::Identity& kiosk, const std::string& stamp) {
    const auto before = storage::quarantinedDatabases(kiosk.databaseFile());
    (void)storage::quarantine(kiosk.databaseFile(), stamp);
    for (const auto& file : storage::quarantinedDatabases(kiosk.databaseFile()))
        if (std::find(before.begin(), before.end(), file) == before.end())
            return file.filename().string();
    FAIL("nothing was moved into quarantine");
    return {};
}

} // namespace

TEST_CASE("an export by staff says how many went where, and is in the audit log without content") {
    test::TempDir dir;
    Kiosk k(dir);
    std::filesystem::create_directories(dir / "stick");
    const auto m = core::exportForStaff(k.kiosk, dir / "stick", "SANDISK", core::Source::Screen);
    CHECK(m.kind == Kind::Exported);
    CHECK(m.count == 1);
    CHECK(m.damaged == 0);
    CHECK(m.where == "SANDISK");
    CHECK(k.rows("exported") == 1);
    REQUIRE(filesIn(dir / "stick").size() == 1);
    CHECK(filesIn(dir / "stick")[0].extension() == ".bundle");
    const auto audit = k.audit();
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].source == "screen");
    CHECK(audit[0].action == "export");
    CHECK(audit[0].outcome == "done");
    CHECK(audit[0].count == 1);
    CHECK(audit[0].detail == "SANDISK");
    CHECK(test::allBytesUnder(dir / "data").find("aros") == std::string::npos);

    // A folder typed, with nothing left to send: its path is its name.
    const auto receipt =
        test::writeReceipt(dir.path(), k.kiosk, test::readBundleFile(filesIn(dir / "stick")[0]).entries,
                           test::demoTeamKeys(k.kiosk).signing);
    (void)core::importReceipt(k.kiosk, receipt);
    const auto nothing = core::exportForStaff(k.kiosk, dir / "stick", "", core::Source::Command);
    CHECK(nothing.kind == Kind::NothingToExport);
    CHECK(nothing.where == (dir / "stick").string());
    CHECK(k.audit()[0].source == "command");
    CHECK(k.audit()[0].outcome == "nothing");
}

TEST_CASE("an export to a folder that is not there changes nothing and says so") {
    test::TempDir dir;
    Kiosk k(dir);
    const auto m = core::exportForStaff(k.kiosk, dir / "no-stick", "SANDISK", core::Source::Screen);
    CHECK(m.kind == Kind::FolderMissing);
    CHECK(m.where == "SANDISK");
    checkNothingExported(k);
    CHECK_FALSE(std::filesystem::exists(dir / "no-stick"));
    REQUIRE_FALSE(k.audit().empty());
    CHECK(k.audit()[0].action == "export");
    CHECK(k.audit()[0].outcome == "refused");
}

TEST_CASE("a folder whose path the audit log cannot hold as it is goes in as much of it as it can") {
    test::TempDir dir;
    Kiosk k(dir);
    // Over 200 bytes, with a control character and a byte that is not UTF-8: a name a USB stick may have.
    const auto folder = dir / std::string(150, 'a') / (std::string(150, 'b') + "\x07\xff-ffolder");
    CHECK(core::exportForStaff(k.kiosk, folder, "", core::Source::Screen).kind == Kind::FolderMissing);
    REQUIRE_FALSE(k.audit().empty());
    const auto detail = k.audit()[0].detail;
    CHECK(detail.size() <= storage::kAuditDetailMaxBytes);
    CHECK(detail.starts_with("..."));
    CHECK(detail.ends_with("bbb?" "?-ffolder"));
    // A name it can hold goes in whole, Welsh letters and all.
    CHECK(core::exportForStaff(k.kiosk, dir / "ffôn", "ŵy", core::Source::Screen).kind == Kind::FolderMissing);
    CHECK(k.audit()[0].detail == "ŵy");
}

TEST_CASE("an export to a read-only folder changes nothing and says so") {
    test::TempDir dir;
    Kiosk k(dir);
    test::ReadOnlyFolder stick(dir / "stick");
    if (!stick.works()) {
        WARN("could not make a read-only folder here (no mount for root): skipped");
        return;
    }
    const auto m = core::exportForStaff(k.kiosk, dir / "stick", "SANDISK", core::Source::Screen);
    CHECK(m.kind == Kind::FolderReadOnly);
    checkNothingExported(k);
    CHECK(filesIn(dir / "stick").empty());
    CHECK(k.audit()[0].outcome == "refused");
}

// For root, a folder whose permissions forbid writing is no bar, and a read-only mount is seen
// before anything is tried. /sys refuses root's new files with EACCES on a mount that is not
// read-only: the export is tried, fails, and is told apart by what the system said.
TEST_CASE("a folder that refuses a new file only when it is tried is read-only too") {
    test::TempDir dir;
    Kiosk k(dir);
    if (::geteuid() != 0 || !std::filesystem::is_directory("/sys/class")) {
        WARN("needs root and a sys tree: skipped");
        return;
    }
    const auto m = core::exportForStaff(k.kiosk, "/sys", "", core::Source::Screen);
    CHECK(m.kind == Kind::FolderReadOnly);
    checkNothingExported(k);
}

TEST_CASE("an export to a full folder changes nothing, leaves no part of a file, and says so") {
    test::TempDir dir;
    Kiosk k(dir);
    test::SmallDisk stick(dir / "stick", "64k");
    if (!stick.works()) {
        WARN("could not mount a small disk here (needs root): skipped");
        return;
    }
    stick.fill(1);
    const auto before = filesIn(dir / "stick");
    const auto m = core::exportForStaff(k.kiosk, dir / "stick", "SANDISK", core::Source::Screen);
    CHECK(m.kind == Kind::FolderFull);
    CHECK_THAT(m.detail, Catch::Contains("No space left"));
    checkNothingExported(k);
    CHECK(filesIn(dir / "stick") == before);
    CHECK(k.audit()[0].outcome == "refused");
}

TEST_CASE("a kiosk whose team key cannot be read exports nothing and says why") {
    test::TempDir dir;
    Kiosk k(dir);
    std::filesystem::create_directories(dir / "stick");
    auto noKey = k.kiosk;
    noKey.keyProblem = "team-public.key cannot be read";
    const auto m = core::exportForStaff(noKey, dir / "stick", "SANDISK", core::Source::Screen);
    CHECK(m.kind == Kind::StorageFailed);
    CHECK(m.detail == noKey.keyProblem);
    checkNothingExported(k);
    CHECK(filesIn(dir / "stick").empty());
}

TEST_CASE("receipts on a stick are imported, counted, and left on the stick") {
    test::TempDir dir;
    Kiosk k(dir);
    std::filesystem::create_directories(dir / "stick");
    REQUIRE(core::exportForStaff(k.kiosk, dir / "stick", "SANDISK", core::Source::Screen).kind ==
            Kind::Exported);
    const auto bundle = test::readBundleFile(filesIn(dir / "stick")[0]);
    const auto receipt =
        test::writeReceipt(dir / "stick", k.kiosk, bundle.entries, test::demoTeamKeys(k.kiosk).signing);

    const auto m = core::importReceiptsFrom(k.kiosk, dir / "stick", "SANDISK", core::Source::Screen);
    CHECK(m.kind == Kind::ReceiptImported);
    CHECK(m.count == 1);
    CHECK(m.deleted == 1);
    CHECK(m.where == "SANDISK");
    CHECK(k.rows("exported") == 0);
    CHECK(std::filesystem::exists(receipt)); // the stick is the staff's
    CHECK(k.audit()[0].action == "import_receipt");
    CHECK(k.audit()[0].outcome == "done");
    CHECK(k.audit()[0].count == 1);

    const auto again = core::importReceiptsFrom(k.kiosk, dir / "stick", "SANDISK", core::Source::Screen);
    CHECK(again.kind == Kind::ReceiptAlreadyImported);
    CHECK(again.count == 0);
    CHECK(k.audit()[0].outcome == "nothing");
}

TEST_CASE("a stick with no receipt for this kiosk, or a receipt not signed by the team, changes nothing") {
    test::TempDir dir;
    Kiosk k(dir);
    std::filesystem::create_directories(dir / "stick");
    REQUIRE(core::exportForStaff(k.kiosk, dir / "stick", "", core::Source::Screen).kind == Kind::Exported);
    const auto entries = test::readBundleFile(filesIn(dir / "stick")[0]).entries;
    const auto team = test::demoTeamKeys(k.kiosk).signing;

    CHECK(core::importReceiptsFrom(k.kiosk, dir / "stick", "", core::Source::Screen).kind ==
          Kind::NoReceiptThere);
    // Another kiosk's receipt is left for that kiosk, and is no receipt for this one.
    (void)test::writeReceipt(dir / "stick", "Canolfan Arall", storage::SigningKeyPair::generate().publicKey,
                             entries, team);
    CHECK(core::importReceiptsFrom(k.kiosk, dir / "stick", "", core::Source::Screen).kind ==
          Kind::NoReceiptThere);
    CHECK(k.audit()[0].outcome == "nothing");
    // A receipt inside a folder on the stick is not looked for: only the top level.
    std::filesystem::create_directories(dir / "stick/old");
    (void)test::writeReceipt(dir / "stick/old", k.kiosk, entries, team);
    CHECK(core::importReceiptsFrom(k.kiosk, dir / "stick", "", core::Source::Screen).kind ==
          Kind::NoReceiptThere);

    (void)test::writeReceipt(dir / "stick", k.kiosk, entries, storage::SigningKeyPair::generate());
    const auto refused = core::importReceiptsFrom(k.kiosk, dir / "stick", "", core::Source::Screen);
    CHECK(refused.kind == Kind::ReceiptRefused);
    CHECK_THAT(refused.detail, Catch::Contains("Nothing was changed"));
    CHECK(k.audit()[0].outcome == "refused");
    CHECK(k.rows("exported") == 1);

    CHECK(core::importReceiptsFrom(k.kiosk, dir / "gone", "", core::Source::Screen).kind ==
          Kind::FolderMissing);
}

TEST_CASE("changing the PIN says so, refuses a short one, and leaves a line in the audit log") {
    test::TempDir dir;
    Kiosk k(dir);
    core::setPin(k.kiosk.dataDir, "246810");
    const auto now = std::chrono::system_clock::now();
    CHECK(core::changePin(k.kiosk, "12345", core::Source::Screen).kind == Kind::PinTooShort);
    CHECK(k.audit()[0].action == "change_pin");
    CHECK(k.audit()[0].outcome == "refused");
    CHECK(core::checkPin(k.kiosk.dataDir, "246810", now).outcome == core::PinCheck::Outcome::Right);

    CHECK(core::changePin(k.kiosk, "97531864", core::Source::Screen).kind == Kind::PinChanged);
    CHECK(k.audit()[0].outcome == "done");
    CHECK(core::checkPin(k.kiosk.dataDir, "97531864", now).outcome == core::PinCheck::Outcome::Right);
    CHECK(core::checkPin(k.kiosk.dataDir, "246810", now).outcome == core::PinCheck::Outcome::Wrong);
    for (const auto& line : k.audit())
        CHECK(line.detail.find("97531864") == std::string::npos);
}

TEST_CASE("a quarantined database stops children until staff have seen it, and a new one stops them again") {
    test::TempDir dir;
    Kiosk k(dir);
    const auto first = quarantineNow(k.kiosk, "2026-11-20T10:00:00Z");
    auto why = core::whyCannotStore(k.kiosk);
    CHECK(why.reason == flow::CannotStore::Quarantined);
    CHECK_THAT(why.detail, Catch::Contains(first));
    CHECK(core::readStatus(k.kiosk).quarantineNotSeen == std::vector<std::string>{first});

    const auto seen = core::seeQuarantine(k.kiosk, core::Source::Screen);
    CHECK(seen.kind == Kind::QuarantineSeen);
    CHECK(seen.count == 1);
    CHECK(seen.where == first);
    CHECK(core::whyCannotStore(k.kiosk).reason == flow::CannotStore::None);
    CHECK(core::readStatus(k.kiosk).quarantineNotSeen.empty());
    CHECK(core::readStatus(k.kiosk).quarantined.size() == 1); // kept for IT all the same
    REQUIRE_FALSE(k.audit().empty());
    CHECK(k.audit()[0].action == "quarantine_seen");
    CHECK(k.audit()[0].detail == first);

    // Seen again: nothing more to record.
    CHECK(core::seeQuarantine(k.kiosk, core::Source::Command).count == 0);

    // The database staff saw it in is itself moved aside: both names must be seen in the new one.
    const auto second = quarantineNow(k.kiosk, "2026-11-21T10:00:00Z");
    why = core::whyCannotStore(k.kiosk);
    CHECK(why.reason == flow::CannotStore::Quarantined);
    CHECK_THAT(why.detail, Catch::Contains(second));
    const auto both = core::seeQuarantine(k.kiosk, core::Source::Command);
    CHECK(both.count == 2);
    CHECK(both.where == second);
    CHECK(core::whyCannotStore(k.kiosk).reason == flow::CannotStore::None);
}

// Found by attacking "kiosk admin see-quarantine", which says "Nothing was changed" when nothing
// waits to be seen: it had made a database where there was none.
TEST_CASE("seeing the quarantine when no database waits to be seen makes and changes nothing") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    REQUIRE_FALSE(std::filesystem::exists(kiosk.databaseFile()));
    const auto seen = core::seeQuarantine(kiosk, core::Source::Command);
    CHECK(seen.kind == Kind::QuarantineSeen);
    CHECK(seen.count == 0);
    CHECK_FALSE(std::filesystem::exists(kiosk.databaseFile()));
    CHECK_FALSE(std::filesystem::exists(dir / "data/quarantine"));
}

// Found by attacking the quarantine acknowledgement: the audit log holds a name as fitted to it
// (200 bytes, control characters and bytes that are not UTF-8 as '?'), and the name was then looked
// for as it is, so staff tapped "I have read this" and children were still turned away, for ever.
TEST_CASE("a quarantined database with a name the audit log cannot hold as it is can still be seen") {
    test::TempDir dir;
    Kiosk k(dir);
    // Put there by hand (IT copying a database aside): any name ending .db is a quarantined one.
    const auto quarantine = k.kiosk.dataDir / "quarantine";
    std::filesystem::create_directories(quarantine);
    for (const auto& name : {"kiosk-copy-" + std::string(220, 'x') + ".db", std::string("kiosk\n\xff.db")}) {
        INFO(name);
        std::filesystem::copy_file(k.kiosk.databaseFile(), quarantine / name);
        REQUIRE(core::whyCannotStore(k.kiosk).reason == flow::CannotStore::Quarantined);
        CHECK(core::seeQuarantine(k.kiosk, core::Source::Screen).kind == Kind::QuarantineSeen);
        CHECK(core::whyCannotStore(k.kiosk).reason == flow::CannotStore::None);
        CHECK(core::readStatus(k.kiosk).quarantineNotSeen.empty());
        CHECK(core::seeQuarantine(k.kiosk, core::Source::Screen).count == 0);
    }
}

TEST_CASE("why a kiosk cannot store names the reason: no key, a full disk, unwritable, damaged") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    CHECK(core::whyCannotStore(kiosk).reason == flow::CannotStore::None);

    auto noKey = kiosk;
    noKey.keyProblem = "team-public.key is missing";
    CHECK(core::whyCannotStore(noKey).reason == flow::CannotStore::NoKey);
    CHECK(core::whyCannotStore(noKey).detail == noKey.keyProblem);

    // Not a database at all: the kiosk would move it aside at start; here nothing did.
    storage::writeFileAtomically(kiosk.databaseFile(), std::string(8192, 'x'));
    for (const char* companion : {"kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / "data" / companion);
    const auto damaged = core::whyCannotStore(kiosk);
    CHECK(damaged.reason == flow::CannotStore::Damaged);
    CHECK_THAT(damaged.detail, Catch::Contains("kiosk.db"));
    std::filesystem::remove(kiosk.databaseFile());

    std::filesystem::create_directories(kiosk.databaseFile());
    CHECK(core::whyCannotStore(kiosk).reason == flow::CannotStore::Unwritable);
    std::filesystem::remove(kiosk.databaseFile());

    test::SmallDisk disk(dir / "disk", "8m");
    if (!disk.works()) {
        WARN("could not mount a small disk here (needs root): the full disk is skipped");
        return;
    }
    const auto onSmallDisk = core::startKiosk(dir / "disk/data");
    CHECK(core::whyCannotStore(onSmallDisk).reason == flow::CannotStore::None);
    disk.fill(1024 * 1024);
    const auto full = core::whyCannotStore(onSmallDisk);
    CHECK(full.reason == flow::CannotStore::DiskFull);
    CHECK_THAT(full.detail, Catch::Contains("full"));
}

TEST_CASE("the dashboard reads what status reads, in local time, with the last 20 audit lines newest first") {
    test::TempDir dir;
    auto kiosk = core::startKiosk(dir / "data");
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        auto first = test::sealedComplaint("diogel?", kiosk.key, true);
        first.createdAt = storage::isoUtc(test::localAt(2026, 11, 23, 9, 12)); // a Monday
        store.add(first, store.unusedReference());
        auto second = test::sealedComplaint("arall", kiosk.key);
        second.createdAt = storage::isoUtc(test::localAt(2026, 11, 23, 10, 40));
        store.add(second, store.unusedReference());
    }
    for (int i = 0; i < 25; ++i)
        core::audit(kiosk, core::Source::Screen, "pin_wrong", "refused", 0, std::to_string(i));
    const auto now = test::localAt(2026, 11, 23, 12, 0);
    const auto d = core::readDashboard(kiosk, flow::CannotStore::None, "", now);
    CHECK(d.kioskName == kiosk.name);
    CHECK(d.demo);
    CHECK(d.waiting == 2);
    CHECK(d.exported == 0);
    CHECK(d.priority == 1);
    REQUIRE(d.oldestMade.has_value());
    CHECK(*d.oldestMade == flow::LocalTime{2026, 11, 23, 1, 9 * 60 + 12});
    REQUIRE(d.acknowledgeBy.has_value());
    CHECK(*d.acknowledgeBy == flow::LocalTime{2026, 11, 24, 2, 0}); // the next working day, a Tuesday
    CHECK(d.exportToday);
    CHECK_FALSE(d.pastClosing);
    CHECK(d.closesAtMinutes == 17 * 60);
    CHECK_FALSE(d.lastExport.has_value());
    CHECK_FALSE(d.hasSync);
    CHECK(d.cannotStore == flow::CannotStore::None);
    CHECK(d.teamSealing == storage::fingerprint(kiosk.key));
    CHECK(d.kioskSigning == storage::fingerprint(kiosk.kioskKey));
    REQUIRE(d.audit.size() == 20);
    CHECK(d.audit.front().detail == "24");
    CHECK(d.audit.back().detail == "5");
    CHECK(d.audit.front().source == "screen");
    CHECK(d.audit.front().action == "pin_wrong");
    CHECK(d.audit.front().at.year >= 2026);

    // What the start check found is passed through; a key that cannot be read has no fingerprint.
    kiosk.keyProblem = "team-public.key cannot be read";
    kiosk.key = {};
    const auto noKey = core::readDashboard(kiosk, flow::CannotStore::NoKey, kiosk.keyProblem, now);
    CHECK(noKey.cannotStore == flow::CannotStore::NoKey);
    CHECK(noKey.cannotStoreDetail == kiosk.keyProblem);
    CHECK(noKey.teamSealing.empty());
    CHECK(noKey.teamSigning.empty());
    CHECK_FALSE(noKey.kioskSigning.empty());
}

TEST_CASE("the dashboard of a kiosk whose database cannot be read says so instead of counting") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    storage::writeFileAtomically(kiosk.databaseFile(), std::string(8192, 'x'));
    const auto d = core::readDashboard(kiosk, flow::CannotStore::None, "");
    CHECK(d.unreadable);
    CHECK(d.cannotStore == flow::CannotStore::None); // what the start check found stays its own
    CHECK_THAT(d.cannotStoreDetail, Catch::Contains("kiosk.db"));
}

TEST_CASE("removable drives are found from the mounts and the sys tree, by name, spaces and all") {
    test::TempDir dir;
    const auto sys = dir / "sys";
    const auto device = [&](const std::string& bus, const std::string& disk, const char* removable,
                            const std::string& partition) {
        const auto diskDir = sys / "devices" / bus / "block" / disk;
        std::filesystem::create_directories(diskDir);
        storage::writeFileAtomically(diskDir / "removable", std::string(removable) + "\n");
        std::filesystem::create_directories(sys / "class/block");
        std::filesystem::create_directory_symlink("../../devices/" + bus + "/block/" + disk,
                                                  sys / "class/block" / disk);
        if (!partition.empty()) {
            std::filesystem::create_directories(diskDir /
                                                partition); // a partition has no removable of its own
            std::filesystem::create_directory_symlink(
                "../../devices/" + bus + "/block/" + disk + "/" + partition, sys / "class/block" / partition);
        }
    };
    device("ata1", "sda", "0", "sda1");
    device("usb1", "sdb", "1", "sdb1");
    device("usb2", "sdc", "1", "");
    device("usb3", "sdd", "1", "sdd1");
    storage::writeFileAtomically(dir / "mounts", "/dev/sda1 / ext4 rw,relatime 0 0\n"
                                                 "/dev/sda1 /media/kiosk/DATA ext4 rw 0 0\n"
                                                 "/dev/sdb1 /media/kiosk/SANDISK vfat rw,nosuid,nodev 0 0\n"
                                                 "proc /proc proc rw 0 0\n"
                                                 "tmpfs /media/kiosk/ram tmpfs rw 0 0\n"
                                                 "/dev/sdc /run/media/kiosk/MY\\040STICK exfat rw 0 0\n"
                                                 "/dev/sdd1 /mnt/usb vfat rw 0 0\n"
                                                 "/dev/sdb1 /media/kiosk/SANDISK vfat rw,nosuid,nodev 0 0\n");
    const auto drives = core::removableDrives(dir / "mounts", sys / "class/block");
    CHECK(drives == std::vector<flow::Drive>{{"SANDISK", "/media/kiosk/SANDISK"},
                                             {"MY STICK", "/run/media/kiosk/MY STICK"}});
    CHECK(core::removableDrives(dir / "no-mounts", sys / "class/block").empty());
}

// Found by attacking removableDrives with a hostile mounts file: a line cut short took the next
// line's fields (losing that drive), and a mount point with ".." or an escaped NUL named a folder
// other than the drive's.
TEST_CASE("a mounts file with a short line or a mount point that is not plain loses no drive and names no other folder") {
    test::TempDir dir;
    const auto sys = dir / "sys/class/block";
    for (const char* disk : {"sdb", "sdc", "sdd"}) {
        std::filesystem::create_directories(sys / disk);
        storage::writeFileAtomically(sys / disk / "removable", "1\n");
    }
    storage::writeFileAtomically(dir / "mounts", "/dev/sdb\n"
                                                 "/dev/sdc /media/kiosk/A\\011B\\134C vfat rw 0 0\n"
                                                 "/dev/sdd /media/kiosk/.. vfat rw 0 0\n"
                                                 "/dev/sdd /media/../etc vfat rw 0 0\n"
                                                 "/dev/sdd /media/kiosk/./OK vfat rw 0 0\n"
                                                 "/dev/sdd /media/kiosk/nul\\000x vfat rw 0 0\n"
                                                 "/dev/sdd /media/kiosk/OK vfat rw 0 0\n");
    CHECK(core::removableDrives(dir / "mounts", sys) ==
          std::vector<flow::Drive>{{"A\tB\\C", "/media/kiosk/A\tB\\C"}, {"OK", "/media/kiosk/OK"}});
}

TEST_CASE("a sync round is told as a message: what went, what came back, or what went wrong") {
    core::SyncRound round;
    round.receiptsImported = 2;
    round.action = core::SyncAction::ExportDaily;
    round.exported = storage::ExportResult{"/srv/sync/file.bundle", 3, {"damaged-id"}};
    auto m = core::syncMessage(round);
    CHECK(m.kind == Kind::Synced);
    CHECK(m.count == 3);
    CHECK(m.deleted == 2);
    CHECK(m.damaged == 1);
    round.problems = {"the sync folder /srv/sync is not there.", "It is read-only."};
    m = core::syncMessage(round);
    CHECK(m.kind == Kind::SyncFailed);
    CHECK(m.detail == "the sync folder /srv/sync is not there. It is read-only.");
}

// The "export today" warning (PRODUCT.md, "The acknowledgement clock"): on a working day, while
// something made before the centre's closing time has not left.
namespace {

struct MadeAt {
    explicit MadeAt(const test::TempDir& dir) : kiosk(core::startKiosk(dir / "data")) {}
    void add(std::chrono::system_clock::time_point made) {
        storage::SubmissionStore store(kiosk.databaseFile());
        auto row = test::sealedComplaint("pryd?", kiosk.key);
        row.createdAt = storage::isoUtc(made);
        store.add(row, store.unusedReference());
    }
    [[nodiscard]] bool due(std::chrono::system_clock::time_point now) const {
        return core::readStatus(kiosk, now).exportDueToday;
    }
    core::Identity kiosk;
};

} // namespace

TEST_CASE("the export-today warning follows the calendar across a weekend and bank holidays") {
    test::TempDir dir;
    MadeAt k(dir);
    using test::localAt;
    k.add(localAt(2026, 11, 20, 10)); // a Friday morning
    CHECK(k.due(localAt(2026, 11, 20, 12)));
    CHECK_FALSE(k.due(localAt(2026, 11, 21, 12))); // Saturday
    CHECK_FALSE(k.due(localAt(2026, 11, 22, 12))); // Sunday
    CHECK(k.due(localAt(2026, 11, 23, 9)));        // Monday: still waiting

    test::TempDir summer;
    MadeAt august(summer);
    august.add(localAt(2026, 8, 28, 11)); // Friday before the summer bank holiday
    CHECK_FALSE(august.due(localAt(2026, 8, 29, 12)));
    CHECK_FALSE(august.due(localAt(2026, 8, 31, 12))); // Monday 31 August: the summer bank holiday
    CHECK(august.due(localAt(2026, 9, 1, 9)));

    test::TempDir spring;
    MadeAt easter(spring);
    easter.add(localAt(2026, 4, 2, 15)); // Maundy Thursday
    CHECK(easter.due(localAt(2026, 4, 2, 16)));
    CHECK_FALSE(easter.due(localAt(2026, 4, 3, 12))); // Good Friday
    CHECK_FALSE(easter.due(localAt(2026, 4, 6, 12))); // Easter Monday
    CHECK(easter.due(localAt(2026, 4, 7, 9)));

    // A closure set in kiosk.json counts as a bank holiday does.
    storage::writeFileAtomically(spring / "data/kiosk.json", R"({"closures": ["2026-04-07"]})");
    easter.kiosk = core::openKiosk(spring / "data");
    CHECK_FALSE(easter.due(localAt(2026, 4, 7, 9)));
    CHECK(easter.due(localAt(2026, 4, 8, 9)));
}

TEST_CASE("a submission made after closing time is the next working day's to export") {
    test::TempDir dir;
    MadeAt k(dir);
    using test::localAt;
    k.add(localAt(2026, 11, 23, 17, 30)); // Monday, after 17:00
    auto evening = core::readStatus(k.kiosk, localAt(2026, 11, 23, 18));
    CHECK_FALSE(evening.exportDueToday);
    CHECK(evening.pastClosing);
    CHECK(evening.waiting == 1);
    auto morning = core::readStatus(k.kiosk, localAt(2026, 11, 24, 9));
    CHECK(morning.exportDueToday);
    CHECK_FALSE(morning.pastClosing);

    // A centre that closes at 18:00: the same submission was made before closing, and is due.
    storage::writeFileAtomically(dir / "data/kiosk.json", R"({"closes_at": "18:00"})");
    k.kiosk = core::openKiosk(dir / "data");
    evening = core::readStatus(k.kiosk, localAt(2026, 11, 23, 17, 45));
    CHECK(evening.exportDueToday);
    CHECK_FALSE(evening.pastClosing);
    // Past closing and still not exported: still due, and now late.
    evening = core::readStatus(k.kiosk, localAt(2026, 11, 23, 18, 30));
    CHECK(evening.exportDueToday);
    CHECK(evening.pastClosing);
}

TEST_CASE("once an export has left today, only what was made since is due; what the team has not confirmed "
          "is due again the next working day") {
    test::TempDir dir;
    Kiosk k(dir);
    std::filesystem::create_directories(dir / "usb");
    (void)core::exportUnconfirmed(k.kiosk, dir / "usb");
    const auto today = std::chrono::system_clock::now();
    const auto day = storage::localDate(today);
    const auto morning = test::localAt(day.year, day.month, day.day, 9);
    // The export was made today: the exported one has left, whatever the hour.
    CHECK_FALSE(core::readStatus(k.kiosk, today).exportDueToday);
    CHECK_FALSE(core::readStatus(k.kiosk, morning).exportDueToday);
    // A week later it is still unconfirmed, and nothing has left that day.
    const auto weekLater = morning + std::chrono::hours(24 * 7);
    CHECK(core::readStatus(k.kiosk, weekLater).exportDueToday ==
          storage::WorkingDays().isWorkingDay(storage::localDate(weekLater)));
}
