#include "error_kind.hpp"
#include "sync_fixture.hpp"

#include <storage/audit.hpp>
#include <storage/db.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/store.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <tuple>

using namespace kiosk::storage;
using kiosk::test::kindOf;
using kiosk::test::splitSigned;
using kiosk::test::SyncFixture;
using kiosk::test::TempDir;

namespace {

AuditEntry line(const std::string& at, const std::string& action, const std::string& outcome = "done",
                int count = 0, const std::string& detail = {}) {
    return {0, at, "screen", action, outcome, count, detail};
}

// Every action and outcome of FORMAT.md, "Audit log", as it lists them.
const std::vector<std::string> kActions = {"pin_right", "pin_wrong",      "pin_waiting", "set_pin",
                                           "change_pin", "left",          "left_idle",   "export",
                                           "import_receipt", "sync_now",  "quarantine_seen", "provision",
                                           "verify"};
const std::vector<std::string> kOutcomes = {"done", "nothing", "refused", "failed"};

std::int64_t auditRows(SubmissionStore& store) { return store.db().queryInt("SELECT count(*) FROM audit"); }

// A bundle from a real export with two audit lines, and its payload's text.
struct AuditedBundle {
    SyncFixture kiosk;
    Bundle bundle;
    std::string header; // the signed file's lines up to its payload
    std::string payload;
    AuditedBundle() {
        kiosk.add("un");
        (void)kiosk.store.recordAudit(line("2026-11-22T09:00:00Z", "pin_wrong", "refused"));
        (void)kiosk.store.recordAudit(line("2026-11-22T09:01:00Z", "pin_right"));
        const auto text = readFile(kiosk.exportNow().file);
        bundle = readBundle(text);
        std::tie(header, payload) = splitSigned(text);
    }
    // The payload with one piece of text replaced, which must be there.
    [[nodiscard]] std::string replaced(const std::string& from, const std::string& to) const {
        auto changed = payload;
        const auto at = changed.find(from);
        REQUIRE(at != std::string::npos);
        changed.replace(at, from.size(), to);
        return changed;
    }
};

} // namespace

TEST_CASE("audit lines are kept in the order recorded and read newest first, as many as asked", "[audit]") {
    TempDir dir;
    SubmissionStore store(dir / "kiosk.db");
    const auto first = store.recordAudit({0, "2026-11-22T09:00:00Z", "screen", "pin_wrong", "refused", 0, ""});
    const auto second = store.recordAudit({0, "2026-11-22T09:00:30Z", "screen", "pin_right", "done", 0, ""});
    const auto third =
        store.recordAudit({0, "2026-11-22T09:02:00Z", "command", "export", "done", 3, "KINGSTON"});
    CHECK(first >= 1);
    CHECK(second > first);
    CHECK(third > second);

    const auto newest = store.audit(2);
    REQUIRE(newest.size() == 2);
    CHECK(newest[0] == AuditEntry{third, "2026-11-22T09:02:00Z", "command", "export", "done", 3, "KINGSTON"});
    CHECK(newest[1] == AuditEntry{second, "2026-11-22T09:00:30Z", "screen", "pin_right", "done", 0, ""});
    CHECK(store.audit(10).size() == 3);
    CHECK(store.audit(0).empty());

    const auto since = store.auditSince("2026-11-22T09:00:30Z");
    REQUIRE(since.size() == 2);
    CHECK(since[0].seq == second);
    CHECK(since[1].seq == third);
    CHECK(store.auditSince("2026-11-22T09:02:01Z").empty());
}

TEST_CASE("an audit line with an unknown action or outcome, or a field of the wrong form, is refused", "[audit]") {
    TempDir dir;
    SubmissionStore store(dir / "kiosk.db");
    const AuditEntry good{0, "2026-11-22T09:00:00Z", "screen", "export", "done", 1, "USB"};
    REQUIRE_NOTHROW(store.recordAudit(good));
    REQUIRE(auditRows(store) == 1);

    std::vector<std::pair<const char*, AuditEntry>> bad;
    const auto with = [&](const char* what, auto change) {
        auto entry = good;
        change(entry);
        bad.emplace_back(what, entry);
    };
    with("an unknown action", [](AuditEntry& e) { e.action = "read_answers"; });
    with("an action in capitals", [](AuditEntry& e) { e.action = "EXPORT"; });
    with("no action", [](AuditEntry& e) { e.action.clear(); });
    with("an unknown outcome", [](AuditEntry& e) { e.outcome = "maybe"; });
    with("an unknown source", [](AuditEntry& e) { e.source = "network"; });
    with("a local time", [](AuditEntry& e) { e.at = "2026-11-22T09:00:00+01:00"; });
    with("a day that is not", [](AuditEntry& e) { e.at = "2026-02-30T09:00:00Z"; });
    with("no time", [](AuditEntry& e) { e.at.clear(); });
    with("a negative count", [](AuditEntry& e) { e.count = -1; });
    with("a detail of 201 bytes", [](AuditEntry& e) { e.detail = std::string(201, 'x'); });
    with("a detail with a line break", [](AuditEntry& e) { e.detail = "USB\n2026-11-22 pin_right"; });
    with("a detail that is not UTF-8", [](AuditEntry& e) { e.detail = "USB \xff"; });
    with("a detail with a UTF-16 surrogate", [](AuditEntry& e) { e.detail = "\xed\xa0\x80"; });
    for (const auto& [what, entry] : bad) {
        INFO(what);
        CHECK(kindOf([&] { (void)store.recordAudit(entry); }) == Error::Kind::Format);
    }
    CHECK(auditRows(store) == 1);

    // The longest detail, and Welsh letters in it, are taken.
    auto longest = good;
    longest.detail = std::string(198, 'x') + "ŵ";
    REQUIRE(longest.detail.size() == 200);
    CHECK_NOTHROW(store.recordAudit(longest));
    CHECK(store.audit(1).front().detail == longest.detail);
}

TEST_CASE("every action and outcome FORMAT.md names can be recorded, and the database refuses others",
          "[audit]") {
    TempDir dir;
    SubmissionStore store(dir / "kiosk.db");
    for (const auto& action : kActions) {
        INFO(action);
        CHECK(isAuditAction(action));
        CHECK_NOTHROW(store.recordAudit(line("2026-11-22T09:00:00Z", action)));
    }
    for (const auto& outcome : kOutcomes) {
        INFO(outcome);
        CHECK(isAuditOutcome(outcome));
        CHECK_NOTHROW(store.recordAudit(line("2026-11-22T09:00:00Z", "export", outcome)));
    }
    CHECK_FALSE(isAuditAction("done"));
    CHECK_FALSE(isAuditOutcome("export"));
    CHECK(auditRows(store) == static_cast<std::int64_t>(kActions.size() + kOutcomes.size()));
    // Written past the store's own checks, the table's CHECKs still hold.
    for (const char* sql : {
             "INSERT INTO audit (at, source, action, outcome, count, detail) "
             "VALUES ('2026-11-22T09:00:00Z', 'screen', 'read_answers', 'done', 0, '')",
             "INSERT INTO audit (at, source, action, outcome, count, detail) "
             "VALUES ('2026-11-22T09:00:00Z', 'screen', 'export', 'maybe', 0, '')",
             "INSERT INTO audit (at, source, action, outcome, count, detail) "
             "VALUES ('2026-11-22T09:00:00Z', 'network', 'export', 'done', 0, '')",
             "INSERT INTO audit (at, source, action, outcome, count, detail) "
             "VALUES ('2026-11-22T09:00:00Z', 'screen', 'export', 'done', -1, '')",
             "INSERT INTO audit (at, source, action, outcome, count, detail) "
             "VALUES ('2026-11-22T09:00:00Z', 'screen', 'export', 'done', 0, printf('%.201c', 'x'))",
         }) {
        INFO(sql);
        CHECK(kindOf([&] { store.db().exec(sql); }) == Error::Kind::Sqlite);
    }
}

TEST_CASE("lines older than 400 days before a new line go with it, but not a quarantine staff have seen",
          "[audit]") {
    TempDir dir;
    SubmissionStore store(dir / "kiosk.db");
    (void)store.recordAudit(line("2025-10-01T09:00:00Z", "export"));
    (void)store.recordAudit(line("2025-10-01T09:00:01Z", "quarantine_seen", "done", 0, "kiosk.db-20251001T085900Z"));
    (void)store.recordAudit(line("2025-10-18T12:00:00Z", "pin_wrong", "refused"));
    (void)store.recordAudit(line("2025-10-18T12:00:01Z", "pin_right"));
    REQUIRE(auditRows(store) == 4);

    // 400 days before 2026-11-22T12:00:00Z is 2025-10-18T12:00:00Z: a line of that very second stays.
    (void)store.recordAudit(line("2026-11-22T12:00:00Z", "left"));
    const auto kept = store.auditSince("2000-01-01T00:00:00Z");
    std::vector<std::string> actions;
    for (const auto& l : kept)
        actions.push_back(l.action);
    CHECK(actions == std::vector<std::string>{"quarantine_seen", "pin_wrong", "pin_right", "left"});
    CHECK(store.auditHas("quarantine_seen", "kiosk.db-20251001T085900Z"));

    (void)store.recordAudit(line("2026-11-22T12:00:01Z", "left_idle"));
    CHECK(store.auditSince("2000-01-01T00:00:00Z").size() == 4); // pin_wrong went, left_idle came
}

TEST_CASE("a seq is never given twice, even after the lines before it were deleted", "[audit]") {
    TempDir dir;
    const auto file = dir / "kiosk.db";
    std::int64_t last = 0;
    {
        SubmissionStore store(file);
        (void)store.recordAudit(line("2025-01-01T09:00:00Z", "export"));
        last = store.recordAudit(line("2025-01-01T09:00:01Z", "export"));
    }
    SubmissionStore store(file);
    // Every line is past keeping: this one deletes them all, the newest included.
    const auto next = store.recordAudit(line("2026-11-22T12:00:00Z", "pin_right"));
    REQUIRE(store.audit(10).size() == 1);
    const auto after = store.recordAudit(line("2026-11-22T12:00:01Z", "left"));
    CHECK(next > last);
    CHECK(after > next);
    store.db().exec("DELETE FROM audit");
    CHECK(store.recordAudit(line("2026-11-22T12:00:02Z", "left")) > after);
}

TEST_CASE("auditHas finds a line by its action and detail", "[audit]") {
    TempDir dir;
    SubmissionStore store(dir / "kiosk.db");
    CHECK_FALSE(store.auditHas("quarantine_seen", "kiosk.db-20261122T090000Z"));
    (void)store.recordAudit(line("2026-11-22T09:00:00Z", "quarantine_seen", "done", 0, "kiosk.db-20261122T090000Z"));
    (void)store.recordAudit(line("2026-11-22T09:00:00Z", "export", "done", 0, "kiosk.db-20261123T090000Z"));
    CHECK(store.auditHas("quarantine_seen", "kiosk.db-20261122T090000Z"));
    CHECK_FALSE(store.auditHas("quarantine_seen", "kiosk.db-20261123T090000Z"));
    CHECK_FALSE(store.auditHas("export", "kiosk.db-20261122T090000Z"));
}

TEST_CASE("deleting every submission at provisioning leaves the audit log", "[audit]") {
    TempDir dir;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    (void)kiosk::test::addComplaint(store, "demo", team.publicKey);
    (void)store.recordAudit(line("2026-11-22T09:00:00Z", "export", "done", 1));
    CHECK(store.deleteAllSubmissions() == 1);
    CHECK(store.count("waiting") == 0);
    CHECK(store.audit(10).size() == 1);
}

TEST_CASE("an audit line holds its seven fields and nothing else", "[audit]") {
    TempDir dir;
    SubmissionStore store(dir / "kiosk.db");
    Statement cols(store.db(), "SELECT group_concat(name, ',') FROM pragma_table_info('audit')");
    REQUIRE(cols.step());
    CHECK(cols.text(0) == "seq,at,source,action,outcome,count,detail");
    Statement sql(store.db(), "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'audit'");
    REQUIRE(sql.step());
    CHECK(sql.text(0).find("STRICT") != std::string::npos);
}

TEST_CASE("a version 5 database migrates to version 6, keeping every row, and starts an empty audit log",
          "[audit][migration]") {
    TempDir dir;
    {
        Db old(dir / "kiosk.db");
        old.exec(readFile(TEST_DATA_DIR "/schema-v5.sql").c_str());
        REQUIRE(old.queryInt("PRAGMA user_version") == 5);
    }
    SubmissionStore store(dir / "kiosk.db");
    CHECK(store.db().queryInt("PRAGMA user_version") == 6);
    const auto rows = store.unconfirmed();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == "6f1c2d4e-0000-4000-8000-000000000005");
    CHECK(rows[0].state == "exported");
    CHECK(rows[0].intact);
    CHECK(rows[1].id == "6f1c2d4e-0000-4000-8000-000000000004");
    CHECK(rows[1].intact);
    CHECK(store.count("received") == 1);
    CHECK(store.db().queryText("SELECT received_at FROM submission WHERE state = 'received'") ==
          "2026-11-21T10:00:00Z");
    CHECK(store.db().queryInt("SELECT count(*) FROM reference_used") == 3);
    CHECK(store.lastExport() == "2026-11-20T16:00:00Z");
    CHECK(store.lastReceipt() == "2026-11-21T10:00:00Z");
    CHECK(store.confirmedFromQuarantine() == std::vector<std::string>{"6f1c2d4e-0000-4000-8000-000000000003"});
    CHECK(store.audit(10).empty());
    CHECK(store.recordAudit(line("2026-11-22T09:00:00Z", "verify")) == 1);
    CHECK(store.audit(10).size() == 1);
}

TEST_CASE("a version 5 database opened to read has no audit log, and is not migrated", "[audit][migration]") {
    TempDir dir;
    {
        Db old(dir / "kiosk.db");
        old.exec(readFile(TEST_DATA_DIR "/schema-v5.sql").c_str());
    }
    {
        SubmissionStore store(dir / "kiosk.db", Access::ReadOnly);
        CHECK(store.unconfirmed().size() == 2);
        CHECK(store.audit(20).empty());
        CHECK(store.auditSince("2000-01-01T00:00:00Z").empty());
        CHECK_FALSE(store.auditHas("quarantine_seen", ""));
        CHECK_THROWS_AS(store.recordAudit(line("2026-11-22T09:00:00Z", "verify")), Error);
    }
    Db check(dir / "kiosk.db", Access::ReadOnly);
    CHECK(check.queryInt("PRAGMA user_version") == 5);
    CHECK(check.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'audit'") == 0);
}

TEST_CASE("an empty database file opened to read has no audit log", "[audit]") {
    TempDir dir;
    { Db empty(dir / "kiosk.db"); }
    SubmissionStore store(dir / "kiosk.db", Access::ReadOnly);
    CHECK(store.audit(20).empty());
    CHECK(store.auditSince("2000-01-01T00:00:00Z").empty());
    CHECK_FALSE(store.auditHas("quarantine_seen", ""));
}

TEST_CASE("a version 3 bundle carries the audit log and reads back the same", "[audit][bundle]") {
    SyncFixture kiosk;
    Bundle bundle{newUuid(),
                  "canolfan-1",
                  "2026-11-22T16:00:00Z",
                  false,
                  kiosk.team.sealing.publicKey,
                  kiosk.kioskKey.publicKey,
                  {},
                  {{4, "2026-11-22T09:00:00Z", "screen", "pin_wrong", "refused", 0, ""},
                   {7, "2026-11-22T09:01:00Z", "command", "export", "done", 12, "Ffon USB \"Siân\""}}};
    const auto payload = toJson(bundle);
    CHECK(payload.find("\"version\": 3") != std::string::npos);
    CHECK(payload.find("\"audit\": [") != std::string::npos);
    const auto read = readBundle(toSignedFile(bundle, kiosk.kioskKey));
    CHECK(read.audit == bundle.audit);
    CHECK(toJson(read) == payload);

    bundle.audit.clear();
    CHECK(readBundle(toSignedFile(bundle, kiosk.kioskKey)).audit.empty());
}

TEST_CASE("a version 2 bundle, from a kiosk not yet upgraded, still reads, with no audit lines",
          "[audit][bundle]") {
    // A bundle exported and signed by the version 2 code, kept as it was.
    const auto text = readFile(TEST_DATA_DIR "/bundle-v2.bundle");
    REQUIRE(text.find("\"version\": 2") != std::string::npos);
    const auto bundle = readBundle(text);
    CHECK(bundle.entries.size() == 2);
    CHECK(bundle.audit.empty());
    CHECK(bundle.kiosk == "Canolfan Abertawe");
    // Read again, it is written as version 3.
    CHECK(toJson(bundle).find("\"version\": 3") != std::string::npos);
    CHECK(bundleFromJson(toJson(bundle)).entries.size() == 2);
}

TEST_CASE("audit lines changed to anything a kiosk does not write are refused, even when signed",
          "[audit][bundle]") {
    const AuditedBundle b;
    REQUIRE(b.bundle.audit.size() == 2);
    const auto& first = b.bundle.audit[0];
    const auto& second = b.bundle.audit[1];
    const auto seqOf = [](const AuditEntry& l) { return "\"seq\": " + std::to_string(l.seq); };
    const std::vector<std::pair<const char*, std::string>> payloads = {
        {"an unknown action", b.replaced("\"action\": \"pin_wrong\"", "\"action\": \"read_answers\"")},
        {"an unknown outcome", b.replaced("\"outcome\": \"refused\"", "\"outcome\": \"maybe\"")},
        {"an unknown source", b.replaced("\"source\": \"screen\"", "\"source\": \"network\"")},
        {"a seq twice", b.replaced(seqOf(second), seqOf(first))},
        {"seqs falling", b.replaced(seqOf(first), "\"seq\": " + std::to_string(second.seq + 1))},
        {"seq 0", b.replaced(seqOf(first), "\"seq\": 0")},
        {"seq -1", b.replaced(seqOf(first), "\"seq\": -1")},
        {"seq as text", b.replaced(seqOf(first), "\"seq\": \"1\"")},
        {"seq 1.0", b.replaced(seqOf(first), "\"seq\": 1.0")},
        {"seq past 64 bits", b.replaced(seqOf(first), "\"seq\": 9223372036854775808")},
        {"count -1", b.replaced("\"count\": 0,\n   \"detail\"", "\"count\": -1,\n   \"detail\"")},
        {"count as text", b.replaced("\"count\": 0,\n   \"detail\"", "\"count\": \"0\",\n   \"detail\"")},
        {"count true", b.replaced("\"count\": 0,\n   \"detail\"", "\"count\": true,\n   \"detail\"")},
        {"a detail as a number", b.replaced("\"detail\": \"\"", "\"detail\": 0")},
        {"a detail of 201 bytes", b.replaced("\"detail\": \"\"", "\"detail\": \"" + std::string(201, 'x') + "\"")},
        {"a detail with a line break", b.replaced("\"detail\": \"\"", "\"detail\": \"a\\nb\"")},
        {"a local time", b.replaced("\"at\": \"2026-11-22T09:00:00Z\"", "\"at\": \"2026-11-22T09:00:00+01:00\"")},
        {"a field missing", b.replaced("\"source\": \"screen\",", "")},
        {"an unknown field", b.replaced("\"source\": \"screen\",", "\"source\": \"screen\", \"pin\": \"1234\",")},
        {"a field twice", b.replaced("\"source\": \"screen\",", "\"source\": \"screen\", \"source\": \"screen\",")},
        {"a line that is not an object", b.replaced("\"audit\": [", "\"audit\": [1, ")},
        {"the log not a list", b.replaced("\"audit\": [", "\"audit\": {\"x\": [") + "}"},
        {"version 2 with an audit log", b.replaced("\"version\": 3", "\"version\": 2")},
    };
    // The control: the payload as it is, signed again, reads.
    REQUIRE(readBundle(signFile(b.payload, b.kiosk.kioskKey)).audit == b.bundle.audit);
    for (const auto& [what, changed] : payloads) {
        INFO(what);
        CHECK(kindOf([&] { (void)readBundle(signFile(changed, b.kiosk.kioskKey)); }) == Error::Kind::Format);
        CHECK(kindOf([&] { (void)bundleFromJson(changed); }) == Error::Kind::Format);
    }
    // Without it, version 3 is incomplete.
    auto noAudit = nlohmann::json::parse(b.payload);
    noAudit.erase("audit");
    CHECK(kindOf([&] { (void)bundleFromJson(noAudit.dump(1) + "\n"); }) == Error::Kind::Format);
    // And a line changed but left well formed breaks the kiosk's signature.
    REQUIRE(readBundle(b.header + b.payload).audit == b.bundle.audit);
    CHECK(kindOf([&] {
              (void)readBundle(b.header + b.replaced("\"outcome\": \"refused\"", "\"outcome\": \"done\""));
          }) == Error::Kind::Crypto);
}

TEST_CASE("an export carries the audit lines of the last 31 days, and no older ones", "[audit][bundle]") {
    SyncFixture kiosk;
    kiosk.add("un");
    // The export is at 2026-11-22T16:00:00Z: 31 days before is 2026-10-22T16:00:00Z.
    (void)kiosk.store.recordAudit(line("2026-10-01T09:00:00Z", "export", "done", 1, "old stick"));
    (void)kiosk.store.recordAudit(line("2026-10-22T15:59:59Z", "pin_wrong", "refused"));
    const auto boundary = kiosk.store.recordAudit(line("2026-10-22T16:00:00Z", "pin_right"));
    const auto recent = kiosk.store.recordAudit(line("2026-11-22T15:00:00Z", "sync_now", "nothing"));
    const auto bundle = readBundle(readFile(kiosk.exportNow().file));
    REQUIRE(bundle.audit.size() == 2);
    CHECK(bundle.audit[0] == AuditEntry{boundary, "2026-10-22T16:00:00Z", "screen", "pin_right", "done", 0, ""});
    CHECK(bundle.audit[1] == AuditEntry{recent, "2026-11-22T15:00:00Z", "screen", "sync_now", "nothing", 0, ""});
    // The older lines are still in the log on the kiosk.
    CHECK(kiosk.store.audit(10).size() == 4);
}
