#include "fixture.hpp"

#include <intake/audit_log.hpp>
#include <intake/commands.hpp>
#include <intake/ledger.hpp>
#include <intake/open_bundles.hpp>

#include <storage/audit.hpp>
#include <storage/db.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <test_support/time_zone.hpp>

// The kiosks' audit logs as intake takes them from bundles and lists them (storage/FORMAT.md,
// "Audit log" and "Intake ledger").

using namespace kiosk;
using namespace kiosk::intake;
using kiosk::test::CommandHome;
using kiosk::test::FakeKiosk;
using kiosk::test::IntakeHome;
using Result = BundleOutcome::Result;

namespace {

using kiosk::test::TimeZone;

Run runAt(const std::string& now, std::int64_t number = 1) { return {now, number, false}; }

storage::AuditEntry line(std::int64_t seq, const std::string& at, const std::string& action,
                         const std::string& outcome = "done", int count = 0, const std::string& detail = {}) {
    return {seq, at, "screen", action, outcome, count, detail};
}

// A bundle of one submission from a kiosk, carrying these audit lines, written to a folder.
std::filesystem::path bundleWith(const IntakeHome& t, const FakeKiosk& kiosk, std::vector<storage::AuditEntry> audit,
                                 const std::string& folder = "usb") {
    auto bundle = test::bundleOf(kiosk, t.team.sealing, {test::entryOf(test::complaint("un", kiosk), t.team.sealing)});
    bundle.audit = std::move(audit);
    return test::writeBundle(t.folder(folder), bundle, kiosk);
}

std::filesystem::path bundleWith(const CommandHome& h, const FakeKiosk& kiosk, std::vector<storage::AuditEntry> audit,
                                 const std::string& folder = "usb") {
    const auto team = h.keys().publicKeys();
    auto bundle = test::bundleOf(kiosk, team.sealing, {test::entryOf(test::complaint("un", kiosk), team.sealing)});
    bundle.audit = std::move(audit);
    return test::writeBundle(h.dir / folder, bundle, kiosk);
}

std::filesystem::path identityFile(const CommandHome& h, const FakeKiosk& kiosk) {
    const auto file = h.dir / ("identity-" + storage::newUuid() + ".json");
    storage::saveKioskIdentity(file, kiosk.identity());
    return file;
}

std::int64_t auditRows(Ledger& ledger) { return ledger.db().queryInt("SELECT count(*) FROM audit"); }

const std::vector<storage::AuditEntry> kMorning = {
    line(1, "2026-11-23T09:00:00Z", "pin_wrong", "refused"),
    line(2, "2026-11-23T09:00:20Z", "pin_right"),
    line(3, "2026-11-23T09:01:00Z", "export", "done", 2, "KINGSTON"),
};

// The ledger as intake wrote it at schema version 2, before the audit log.
constexpr const char* kLedgerV2 = R"sql(
CREATE TABLE team (
    id          INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    sealing_key BLOB NOT NULL CHECK (length(sealing_key) = 32),
    signing_key BLOB NOT NULL CHECK (length(signing_key) = 32),
    bound_at    TEXT NOT NULL
) STRICT;
CREATE TABLE kiosk (
    signing_key BLOB PRIMARY KEY NOT NULL CHECK (length(signing_key) = 32),
    name        TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    demo        INTEGER NOT NULL CHECK (demo IN (0, 1))
) STRICT;
CREATE TABLE bundle (
    batch       TEXT PRIMARY KEY NOT NULL,
    kiosk_key   BLOB NOT NULL CHECK (length(kiosk_key) = 32),
    kiosk       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    file_hash   BLOB NOT NULL CHECK (length(file_hash) = 32),
    archived_as TEXT NOT NULL UNIQUE,
    opened_at   TEXT NOT NULL,
    entries     INTEGER NOT NULL,
    new_entries INTEGER NOT NULL
) STRICT;
CREATE TABLE "submission" (
    kiosk_key       BLOB NOT NULL CHECK (length(kiosk_key) = 32),
    id              TEXT NOT NULL,
    sealed_hash     BLOB NOT NULL CHECK (length(sealed_hash) = 32),
    created_at      TEXT NOT NULL,
    priority        INTEGER NOT NULL CHECK (priority IN (0, 1)),
    first_batch     TEXT NOT NULL REFERENCES bundle (batch) DEFERRABLE INITIALLY DEFERRED,
    arrived_at      TEXT NOT NULL,
    arrived_run     INTEGER NOT NULL,
    acknowledged_at TEXT,
    PRIMARY KEY (kiosk_key, id)
) STRICT;
CREATE INDEX submission_by_id ON submission (id);
PRAGMA application_id = 1128487241;
PRAGMA user_version = 2;
)sql";

} // namespace

TEST_CASE("a bundle's audit lines are recorded once, however many bundles carry them again", "[audit]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    const auto first = bundleWith(t, kiosk, kMorning);
    const auto out = openBundleFile(*t.session, first, runAt("2026-11-23T17:00:00Z", 1));
    REQUIRE(out.result == Result::Accepted);
    CHECK(out.audit.lines == 3);
    CHECK(out.audit.wrongPins == 1);
    CHECK(auditRows(t.session->ledger) == 3);

    // The same file again: opened before, nothing added.
    const auto again = openBundleFile(*t.session, first, runAt("2026-11-23T17:05:00Z", 2));
    CHECK(again.result == Result::AlreadyOpened);
    CHECK(again.audit.lines == 0);

    // The next export carries the same lines and one more.
    auto later = kMorning;
    later.push_back(line(4, "2026-11-24T08:30:00Z", "pin_wrong", "refused"));
    const auto next = openBundleFile(*t.session, bundleWith(t, kiosk, later, "usb2"), runAt("2026-11-24T17:00:00Z", 2));
    REQUIRE(next.result == Result::Accepted);
    CHECK(next.audit.lines == 1);
    CHECK(next.audit.wrongPins == 1);
    CHECK(auditRows(t.session->ledger) == 4);

    const auto rows = t.session->ledger.audit(10);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].line == later[3]);
    CHECK(rows[0].kiosk == "Canolfan Abertawe");
    CHECK(rows[0].kioskKey == kiosk.key.publicKey);
    CHECK(rows[1].line == kMorning[2]);
    CHECK(rows[3].line == kMorning[0]);
}

TEST_CASE("a kiosk whose log started again at 1 has its new lines kept beside the old ones", "[audit]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    REQUIRE(openBundleFile(*t.session, bundleWith(t, kiosk, kMorning), runAt("2026-11-23T17:00:00Z")).audit.lines ==
            3);
    // Its database was quarantined and a fresh one began: seq 1 again, at another time.
    const auto out = openBundleFile(
        *t.session, bundleWith(t, kiosk, {line(1, "2026-11-25T10:00:00Z", "quarantine_seen", "done", 0, "q1")}, "usb2"),
        runAt("2026-11-25T17:00:00Z", 2));
    CHECK(out.audit.lines == 1);
    CHECK(auditRows(t.session->ledger) == 4);
}

TEST_CASE("a refused bundle records none of its audit lines", "[audit]") {
    IntakeHome t;
    FakeKiosk stranger{"Canolfan Ddieithr"};
    const auto out = openBundleFile(*t.session, bundleWith(t, stranger, kMorning), runAt("2026-11-23T17:00:00Z"));
    CHECK(out.result == Result::Refused);
    CHECK(out.audit.lines == 0);
    CHECK(auditRows(t.session->ledger) == 0);
}

TEST_CASE("open and sync say, for each kiosk, how many staff actions and wrong PINs arrived", "[audit][commands]") {
    CommandHome h;
    FakeKiosk abertawe{"Canolfan Abertawe"};
    FakeKiosk bangor{"Canolfan Bangor"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, abertawe).string()}) == kFine);
    REQUIRE(h.run({"kiosks", "add", identityFile(h, bangor).string()}) == kFine);
    const auto first = bundleWith(h, abertawe, kMorning);
    REQUIRE(h.run({"open", first.string()}) == kFine);
    CHECK(h.out.find("Canolfan Abertawe: 2 new staff action(s) on the kiosk, 1 wrong PIN(s).\n") !=
          std::string::npos);

    // Lines already here are not news; a kiosk with nothing new gets no line.
    REQUIRE(h.run({"open", bundleWith(h, abertawe, kMorning, "usb2").string()}) == kFine);
    CHECK(h.out.find("staff action") == std::string::npos);
    REQUIRE(h.run({"open", bundleWith(h, bangor, {}, "usb3").string()}) == kFine);
    CHECK(h.out.find("staff action") == std::string::npos);

    // Through a sync folder, one line per kiosk.
    const auto share = h.dir / "share";
    (void)bundleWith(h, bangor, {line(1, "2026-11-24T08:00:00Z", "pin_wrong", "refused"),
                                 line(2, "2026-11-24T08:00:10Z", "pin_wrong", "refused")},
                     "share");
    auto more = kMorning;
    more.push_back(line(4, "2026-11-24T12:00:00Z", "sync_now", "done", 1));
    (void)bundleWith(h, abertawe, more, "share");
    REQUIRE(h.run({"sync", share.string()}) == kFine);
    CHECK(h.out.find("Canolfan Abertawe: 1 new staff action(s) on the kiosk, 0 wrong PIN(s).\n") !=
          std::string::npos);
    CHECK(h.out.find("Canolfan Bangor: 0 new staff action(s) on the kiosk, 2 wrong PIN(s).\n") != std::string::npos);
}

TEST_CASE("intake audit lists the lines newest first, in words, in local time", "[audit][commands]") {
    const TimeZone london("Europe/London");
    CommandHome h;
    FakeKiosk abertawe{"Canolfan Abertawe"};
    FakeKiosk bangor{"Canolfan Bangor"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, abertawe).string()}) == kFine);
    REQUIRE(h.run({"kiosks", "add", identityFile(h, bangor).string()}) == kFine);
    REQUIRE(h.run({"audit"}) == kFine);
    CHECK(h.out.find("No audit line has come from any kiosk yet") != std::string::npos);

    // Summer: London is an hour ahead of UTC.
    REQUIRE(h.run({"open", bundleWith(h, abertawe,
                                      {line(1, "2026-07-01T09:00:00Z", "pin_wrong", "refused"),
                                       line(2, "2026-07-01T09:00:20Z", "pin_right"),
                                       {3, "2026-07-01T09:01:00Z", "command", "export", "done", 2, "KINGSTON"}})
                                .string()}) == kFine);
    REQUIRE(h.run({"open", bundleWith(h, bangor, {line(7, "2026-07-01T09:00:40Z", "left_idle")}, "usb2").string()}) ==
            kFine);

    REQUIRE(h.run({"audit"}) == kFine);
    CHECK(h.err.empty());
    const std::string table =
        "time                 kiosk              from          what                                   outcome  count  "
        "detail\n"
        "2026-07-01 10:01:00  Canolfan Abertawe  command line  exported submissions                   done     2      "
        "KINGSTON\n"
        "2026-07-01 10:00:40  Canolfan Bangor    screen        staff mode left by itself (untouched)  done     0\n"
        "2026-07-01 10:00:20  Canolfan Abertawe  screen        right PIN: staff mode opened           done     0\n"
        "2026-07-01 10:00:00  Canolfan Abertawe  screen        wrong PIN                              refused  0\n";
    INFO(h.out);
    CHECK(h.out.find(table) != std::string::npos);
    CHECK(h.out.find("--last N shows more") == std::string::npos);

    REQUIRE(h.run({"audit", "--kiosk", "Canolfan Bangor"}) == kFine);
    CHECK(h.out.find("Canolfan Bangor") != std::string::npos);
    CHECK(h.out.find("Canolfan Abertawe") == std::string::npos);

    REQUIRE(h.run({"audit", "--last", "2"}) == kFine);
    CHECK(h.out.find("exported submissions") != std::string::npos);
    CHECK(h.out.find("staff mode left by itself") != std::string::npos);
    CHECK(h.out.find("right PIN") == std::string::npos);
    CHECK(h.out.find("These are the newest 2 line(s); --last N shows more.") != std::string::npos);

    CHECK(h.run({"audit", "--kiosk", "Canolfan Neb"}) == kAttention);
    CHECK(h.err.find("No kiosk called \"Canolfan Neb\"") != std::string::npos);
    CHECK(h.run({"audit", "--last", "0"}) == kUsage);
    CHECK(h.run({"audit", "--last", "ten"}) == kUsage);
    CHECK(h.run({"audit", "--last", "-1"}) == kUsage);
    CHECK(h.run({"audit", "Canolfan Bangor"}) == kUsage);
}

TEST_CASE("every action and outcome has words of its own for the team", "[audit]") {
    for (const char* action : {"pin_right", "pin_wrong", "pin_waiting", "set_pin", "change_pin", "left", "left_idle",
                               "export", "import_receipt", "sync_now", "quarantine_seen", "provision", "verify"}) {
        INFO(action);
        REQUIRE(storage::isAuditAction(action));
        CHECK(actionWords(action) != action);
        CHECK(actionWords(action).find('_') == std::string_view::npos);
    }
    CHECK(outcomeWords("nothing") == "nothing to do");
    CHECK(outcomeWords("refused") == "refused");
    CHECK(sourceWords("command") == "command line");
    CHECK(sourceWords("screen") == "screen");
}

TEST_CASE("rebuild restores the audit lines from the archive", "[audit][commands][rebuild]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    REQUIRE(h.run({"open", bundleWith(h, kiosk, kMorning).string()}) == kFine);
    REQUIRE(h.run({"audit"}) == kFine);
    const auto listed = h.out;
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(h.home().root() / (std::string("ledger.db") + suffix));

    REQUIRE(h.run({"rebuild"}) == kFine);
    CHECK(h.out.find("Restored 1 bundle(s), 1 submission(s) and 3 audit line(s)") != std::string::npos);
    // A rebuilt ledger knows no enrolment: the kiosk is named by its bundle.
    REQUIRE(h.run({"audit"}) == kFine);
    CHECK(h.out == listed);
    // A second rebuild finds nothing missing and adds no line twice.
    REQUIRE(h.run({"rebuild"}) == kFine);
    Ledger ledger(h.home().ledger(), storage::Access::ReadOnly);
    CHECK(auditRows(ledger) == 3);
}

TEST_CASE("a version 2 ledger is read as it is, and brought to version 3 with everything in it",
          "[audit][migration]") {
    test::TempDir dir;
    const Home home(dir / "home");
    home.create();
    auto keys = storage::TeamKeys::generate();
    const auto team = keys.publicKeys();
    FakeKiosk kiosk{"Canolfan Abertawe"};
    const auto bundle = test::bundleOf(kiosk, team.sealing, {test::entryOf(test::complaint("un", kiosk), team.sealing)});
    {
        storage::Db db(home.ledger());
        db.exec(kLedgerV2);
        storage::Statement k(db, "INSERT INTO kiosk VALUES (?, ?, '2026-11-20T09:00:00Z', 0)");
        k.bind(1, kiosk.key.publicKey.bytes);
        k.bind(2, kiosk.name);
        k.run();
        storage::Statement b(db, "INSERT INTO bundle VALUES (?, ?, ?, ?, ?, 'x.bundle', '2026-11-23T17:00:00Z', 1, 1)");
        b.bind(1, bundle.batch);
        b.bind(2, kiosk.key.publicKey.bytes);
        b.bind(3, kiosk.name);
        b.bind(4, bundle.createdAt);
        b.bind(5, hashOf("x"));
        b.run();
        storage::Statement s(db, "INSERT INTO submission VALUES (?, ?, ?, ?, 0, ?, '2026-11-23T17:00:00Z', 1, NULL)");
        s.bind(1, kiosk.key.publicKey.bytes);
        s.bind(2, bundle.entries[0].id);
        s.bind(3, storage::sealedHash(bundle.entries[0].sealed));
        s.bind(4, bundle.entries[0].createdAt);
        s.bind(5, bundle.batch);
        s.run();
    }
    {
        // Read-only, nothing is changed, and there is simply no audit line yet.
        Ledger ledger(home.ledger(), storage::Access::ReadOnly);
        CHECK(ledger.audit(50).empty());
        CHECK(ledger.kiosks().size() == 1);
        CHECK(ledger.db().queryInt("PRAGMA user_version") == 2);
    }
    Ledger ledger(home.ledger());
    CHECK(ledger.db().queryInt("PRAGMA user_version") == Ledger::kSchemaVersion);
    CHECK(Ledger::kSchemaVersion == 3);
    CHECK(ledger.kiosks().size() == 1);
    CHECK(ledger.bundles().size() == 1);
    REQUIRE(ledger.submissions().size() == 1);
    CHECK(ledger.submissions()[0].id == bundle.entries[0].id);
    CHECK(ledger.addAudit(kiosk.key.publicKey, kMorning).lines == 3);
    CHECK(ledger.audit(50).size() == 3);
}

TEST_CASE("the audit table lines up Welsh letters by character, not by byte", "[audit]") {
    const TimeZone utc("UTC");
    const storage::SigningPublicKey key{};
    const auto table = auditTable({{key, "Ŵyl", line(2, "2026-11-23T09:00:20Z", "pin_right")},
                                   {key, "Abc", line(1, "2026-11-23T09:00:00Z", "pin_wrong", "refused")}});
    CHECK(table == "time                 kiosk  from    what                          outcome  count  detail\n"
                   "2026-11-23 09:00:20  Ŵyl    screen  right PIN: staff mode opened  done     0\n"
                   "2026-11-23 09:00:00  Abc    screen  wrong PIN                     refused  0\n");
}
