#include "fixture.hpp"

#include <intake/commands.hpp>
#include <intake/ledger.hpp>
#include <intake/open_bundles.hpp>
#include <intake/worklist.hpp>

#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/receipt.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <set>

// Submission ids travel in clear in every bundle: these tests play a signer who reuses a child's id.

using namespace kiosk;
using namespace kiosk::intake;
using kiosk::test::CommandHome;
using kiosk::test::FakeKiosk;
using kiosk::test::IntakeHome;
using Result = BundleOutcome::Result;

namespace {

Run runAt(const std::string& now, std::int64_t number = 1, bool acceptDemo = false) { return {now, number, acceptDemo}; }

// A submission from another kiosk that takes the id of `real`, with other words.
storage::Submission sameIdAs(const storage::Submission& real, const std::string& story, const FakeKiosk& kiosk) {
    auto forged = test::complaint(story, kiosk, real.createdAt);
    forged.id = real.id;
    return forged;
}

std::filesystem::path bundleFile(const IntakeHome& t, const FakeKiosk& kiosk, const storage::Submission& s,
                                 const std::string& createdAt = "2026-11-23T16:00:00Z") {
    return test::writeBundle(t.folder("usb"), test::bundleOf(kiosk, t.team.sealing, {test::entryOf(s, t.team.sealing)}, createdAt),
                             kiosk);
}

// Each story on the worklist, with the kiosk it shows.
std::multimap<std::string, std::string> storiesShown(Session& session) {
    const auto list = buildWorklist(session, std::chrono::system_clock::now());
    std::multimap<std::string, std::string> out;
    for (const auto& item : list.items)
        out.emplace(item.submission.text(vocabulary::Field::Story), item.submission.kiosk);
    return out;
}

void removeLedger(const Home& home) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(home.root() / (std::string("ledger.db") + suffix));
}

std::filesystem::path identityFile(const CommandHome& h, const FakeKiosk& kiosk) {
    const auto file = h.dir / ("identity-" + storage::newUuid() + ".json");
    storage::saveKioskIdentity(file, kiosk.identity());
    return file;
}

std::filesystem::path bundleFor(const CommandHome& h, const FakeKiosk& kiosk, const storage::Submission& s,
                                const std::string& createdAt = "2026-11-23T16:00:00Z") {
    const auto team = h.keys().publicKeys();
    return test::writeBundle(h.dir / ("usb-" + storage::newUuid()),
                             test::bundleOf(kiosk, team.sealing, {test::entryOf(s, team.sealing)}, createdAt), kiosk);
}

} // namespace

TEST_CASE("an id another enrolled kiosk sent first does not stop the child's submission arriving", "[open][ids]") {
    IntakeHome t;
    FakeKiosk abertawe{"Canolfan Abertawe"};
    FakeKiosk other{"Canolfan Arall"};
    t.enrol(abertawe);
    t.enrol(other);
    const auto real = test::complaint("the child's own words", abertawe);
    const auto forged = sameIdAs(real, "words put in their place", other);

    const auto first = openBundleFile(*t.session, bundleFile(t, other, forged), runAt("2026-11-23T17:00:00Z", 1));
    REQUIRE(first.result == Result::Accepted);
    const auto childFile = bundleFile(t, abertawe, real);
    const auto out = openBundleFile(*t.session, childFile, runAt("2026-11-24T17:00:00Z", 2));
    REQUIRE(out.result == Result::Accepted);
    CHECK(out.added == 1);
    CHECK(out.conflicts.empty());

    // The child's kiosk gets its receipt for its own entry, so it stops sending it.
    REQUIRE(out.receipt);
    CHECK(out.receipt->kioskKey == abertawe.key.publicKey);
    REQUIRE(out.receipt->received.size() == 1);
    const auto childEntry = storage::readBundle(storage::readFile(t.home.archivedBundles().back())).entries.at(0);
    CHECK(out.receipt->received[0].hash == storage::sealedHash(childEntry.sealed));
    // The other kiosk's receipt named only its own entry, with its own hash.
    REQUIRE(first.receipt);
    CHECK(first.receipt->kioskKey == other.key.publicKey);
    REQUIRE(first.receipt->received.size() == 1);
    CHECK(first.receipt->received[0].hash != out.receipt->received[0].hash);

    // Both are on the worklist, each with its own kiosk.
    CHECK(storiesShown(*t.session) == std::multimap<std::string, std::string>{
                                          {"the child's own words", "Canolfan Abertawe"},
                                          {"words put in their place", "Canolfan Arall"}});
}

TEST_CASE("two kiosks sending one id is said loudly, naming both kiosks and both bundles, and marked on the worklist",
          "[open][ids]") {
    IntakeHome t;
    FakeKiosk abertawe{"Canolfan Abertawe"};
    FakeKiosk other{"Canolfan Arall"};
    t.enrol(abertawe);
    t.enrol(other);
    const auto real = test::complaint("the child's own words", abertawe);
    REQUIRE(openBundleFile(*t.session, bundleFile(t, abertawe, real), runAt("2026-11-23T17:00:00Z", 1)).result ==
            Result::Accepted);
    const auto firstArchived = t.home.archivedBundles().back().filename().string();
    const auto forgedFile = bundleFile(t, other, sameIdAs(real, "words put in their place", other));
    const auto out = openBundleFile(*t.session, forgedFile, runAt("2026-11-24T17:00:00Z", 2));
    REQUIRE(out.result == Result::Accepted);
    CHECK(out.added == 1);
    CHECK(out.conflicts.empty());
    CHECK(out.needsAttention());
    REQUIRE(out.sharedIds.size() == 1);
    const auto& line = out.sharedIds[0];
    for (const auto& said : {real.id, std::string("\"Canolfan Abertawe\""), std::string("\"Canolfan Arall\""),
                             storage::fingerprint(abertawe.key.publicKey), storage::fingerprint(other.key.publicKey),
                             forgedFile.string(), firstArchived})
        CHECK(line.find(said) != std::string::npos);
    CHECK(line.find("words") == std::string::npos); // no content in messages

    const auto list = buildWorklist(*t.session, std::chrono::system_clock::now());
    REQUIRE(list.items.size() == 2);
    for (const auto& item : list.items) {
        REQUIRE(item.sameIdFrom.size() == 1);
        const auto& otherKiosk = item.kioskKey == abertawe.key.publicKey ? other : abertawe;
        CHECK(item.sameIdFrom[0].find(storage::fingerprint(otherKiosk.key.publicKey)) != std::string::npos);
    }
}

TEST_CASE("a demo bundle opened with --accept-demo cannot take a child's id from a real kiosk", "[open][ids][demo]") {
    IntakeHome t;
    FakeKiosk abertawe{"Canolfan Abertawe"};
    FakeKiosk demo{"Demo", storage::SigningKeyPair::generate(), true};
    t.enrol(abertawe);
    const auto real = test::complaint("the child's own words", abertawe);
    REQUIRE(openBundleFile(*t.session, bundleFile(t, demo, sameIdAs(real, "a demo's words", demo)),
                           runAt("2026-11-23T17:00:00Z", 1, true))
                .result == Result::Accepted);
    const auto out = openBundleFile(*t.session, bundleFile(t, abertawe, real), runAt("2026-11-24T17:00:00Z", 2));
    CHECK(out.added == 1);
    CHECK(out.conflicts.empty());
    REQUIRE(out.receipt);
    CHECK(out.receipt->received.size() == 1);
    CHECK(storiesShown(*t.session).count("the child's own words") == 1);
}

TEST_CASE("the same kiosk's id with other content stays refused after a rebuild, whatever time the bundle claims",
          "[commands][ids][rebuild]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Bangor"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    const auto real = test::complaint("geiriau'r plentyn", kiosk);
    const auto forged = sameIdAs(real, "geiriau rhywun arall", kiosk);
    REQUIRE(h.run({"open", bundleFor(h, kiosk, real, "2026-11-23T16:00:00Z").string()}) == kFine);
    // The second claims to have been made the day before the first.
    CHECK(h.run({"open", bundleFor(h, kiosk, forged, "2026-11-22T16:00:00Z").string()}) == kAttention);
    CHECK(h.err.find("REFUSED: submission " + real.id) != std::string::npos);

    removeLedger(h.home());
    CHECK(h.run({"rebuild"}) == kAttention); // the refusal is said again
    CHECK(h.err.find(real.id) != std::string::npos);
    const auto csv = storage::readFile(h.home().worklistCsv());
    CHECK(csv.find("geiriau'r plentyn") != std::string::npos);
    CHECK(csv.find("geiriau rhywun arall") == std::string::npos);
}

TEST_CASE("a rebuild keeps both kiosks' submissions with one id, and says so", "[commands][ids][rebuild]") {
    CommandHome h;
    FakeKiosk abertawe{"Canolfan Abertawe"};
    FakeKiosk other{"Canolfan Arall"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, abertawe).string()}) == kFine);
    REQUIRE(h.run({"kiosks", "add", identityFile(h, other).string()}) == kFine);
    const auto real = test::complaint("geiriau'r plentyn", abertawe);
    REQUIRE(h.run({"open", bundleFor(h, abertawe, real, "2026-11-23T16:00:00Z").string()}) == kFine);
    // Opened after, but claiming to be older: it must neither replace nor hide the child's.
    CHECK(h.run({"open", bundleFor(h, other, sameIdAs(real, "geiriau rhywun arall", other), "2026-11-20T16:00:00Z")
                             .string()}) == kAttention);
    CHECK(h.err.find("two kiosks sent the same submission id " + real.id) != std::string::npos);

    removeLedger(h.home());
    CHECK(h.run({"rebuild"}) == kAttention);
    CHECK(h.err.find("two kiosks sent the same submission id " + real.id) != std::string::npos);
    CHECK(h.err.find(storage::fingerprint(abertawe.key.publicKey)) != std::string::npos);
    CHECK(h.err.find(storage::fingerprint(other.key.publicKey)) != std::string::npos);
    const auto csv = storage::readFile(h.home().worklistCsv());
    CHECK(csv.find("geiriau'r plentyn") != std::string::npos);
    CHECK(csv.find("geiriau rhywun arall") != std::string::npos);
    const auto html = storage::readFile(h.home().worklistHtml());
    CHECK(html.find("class=\"same-id\"") != std::string::npos);
}

TEST_CASE("the archive's names keep the order bundles were opened in, not the times their kiosks wrote",
          "[open][ids][rebuild]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    const auto later = bundleFile(t, kiosk, test::complaint("un", kiosk), "2026-11-25T16:00:00Z");
    const auto earlier = bundleFile(t, kiosk, test::complaint("dau", kiosk), "2026-11-20T16:00:00Z");
    REQUIRE(openBundleFile(*t.session, later, runAt("2026-11-25T17:00:00Z", 1)).result == Result::Accepted);
    REQUIRE(openBundleFile(*t.session, earlier, runAt("2026-11-26T17:00:00Z", 2)).result == Result::Accepted);
    const auto files = t.home.archivedBundles();
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename().string().rfind("00000001_20261125T170000Z_", 0) == 0);
    CHECK(files[1].filename().string().rfind("00000002_20261126T170000Z_", 0) == 0);
    CHECK(storage::readFile(files[0]) == storage::readFile(later));
}

TEST_CASE("rebuild does not ask for a demo kiosk to be enrolled", "[commands][rebuild][demo]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    FakeKiosk demo{"Demo", storage::SigningKeyPair::generate(), true};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    REQUIRE(h.run({"open", bundleFor(h, kiosk, test::complaint("un", kiosk)).string()}) == kFine);
    REQUIRE(h.run({"open", bundleFor(h, demo, test::complaint("prawf", demo)).string(), "--accept-demo"}) == kFine);
    removeLedger(h.home());
    REQUIRE(h.run({"rebuild"}) == kFine);
    CHECK(h.out.find("Kiosk \"Canolfan Abertawe\"") != std::string::npos); // the real one is named
    CHECK(h.out.find("\"Demo\"") == std::string::npos);
}

TEST_CASE("acknowledging an id two kiosks sent asks which, and --kiosk says", "[commands][ids][acknowledge]") {
    CommandHome h;
    FakeKiosk abertawe{"Canolfan Abertawe"};
    FakeKiosk other{"Canolfan Arall"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, abertawe).string()}) == kFine);
    REQUIRE(h.run({"kiosks", "add", identityFile(h, other).string()}) == kFine);
    const auto real = test::complaint("geiriau'r plentyn", abertawe);
    REQUIRE(h.run({"open", bundleFor(h, abertawe, real).string()}) == kFine);
    (void)h.run({"open", bundleFor(h, other, sameIdAs(real, "geiriau rhywun arall", other)).string()});

    CHECK(h.run({"acknowledge", real.id}) == kAttention);
    CHECK(h.err.find("More than one") != std::string::npos);
    CHECK(h.err.find(storage::fingerprint(abertawe.key.publicKey)) != std::string::npos);
    CHECK(h.err.find(storage::fingerprint(other.key.publicKey)) != std::string::npos);
    CHECK(storage::readFile(h.home().worklistCsv()).find("\"acknowledged\"") == std::string::npos);

    REQUIRE(h.run({"acknowledge", real.id, "--kiosk", storage::fingerprint(abertawe.key.publicKey)}) == kFine);
    CHECK(h.out.find("Acknowledged " + real.reference) != std::string::npos);
    const auto csv = storage::readFile(h.home().worklistCsv());
    // Only the child's is acknowledged: the other kiosk's is still open.
    const auto row = [&](const std::string& story) {
        const auto at = csv.find(story);
        return csv.substr(at, csv.find("\r\n", at) - at);
    };
    CHECK(row("geiriau'r plentyn").find("\"acknowledged\"") != std::string::npos);
    CHECK(row("geiriau rhywun arall").find("\"acknowledged\"") == std::string::npos);

    // By reference, which only the child's submission holds, no kiosk need be named.
    CHECK(h.run({"acknowledge", real.reference}) == kFine);
    CHECK(h.out.find("acknowledged already") != std::string::npos);
}

TEST_CASE("a kiosk identity with no name is refused, and never renames an enrolled kiosk", "[commands][kiosks]") {
    CommandHome h;
    FakeKiosk unnamed{""};
    CHECK(h.run({"kiosks", "add", identityFile(h, unnamed).string()}) == kAttention);
    CHECK(h.err.find("no name") != std::string::npos);
    REQUIRE(h.run({"kiosks", "list"}) == kFine);
    CHECK(h.out.find("No kiosk is enrolled") != std::string::npos);

    FakeKiosk kiosk{"Canolfan Abertawe"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    for (const char* name : {"", "   ", "\t \n"}) {
        kiosk.name = name;
        CHECK(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kAttention);
        CHECK(h.err.find("no name") != std::string::npos);
    }
    REQUIRE(h.run({"kiosks", "list"}) == kFine);
    CHECK(h.out.find("\"Canolfan Abertawe\"") != std::string::npos);
}

namespace {

// The ledger as intake wrote it at schema version 1, when a submission was known by its id alone.
constexpr const char* kLedgerV1 = R"sql(
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
CREATE TABLE submission (
    id              TEXT PRIMARY KEY NOT NULL,
    kiosk_key       BLOB NOT NULL CHECK (length(kiosk_key) = 32),
    sealed_hash     BLOB NOT NULL CHECK (length(sealed_hash) = 32),
    created_at      TEXT NOT NULL,
    priority        INTEGER NOT NULL CHECK (priority IN (0, 1)),
    first_batch     TEXT NOT NULL REFERENCES bundle (batch) DEFERRABLE INITIALLY DEFERRED,
    arrived_at      TEXT NOT NULL,
    arrived_run     INTEGER NOT NULL,
    acknowledged_at TEXT
) STRICT;
PRAGMA application_id = 1128487241;
PRAGMA user_version = 1;
)sql";

} // namespace

TEST_CASE("a home from schema version 1 is brought to version 2 and on with everything in it, its archive named in order",
          "[open][ids][migration]") {
    test::TempDir dir;
    const Home home(dir / "home");
    home.create();
    auto keys = storage::TeamKeys::generate();
    const auto team = keys.publicKeys();
    FakeKiosk abertawe{"Canolfan Abertawe"};
    FakeKiosk other{"Canolfan Arall"};
    const auto real = test::complaint("geiriau'r plentyn", abertawe);
    const auto bundle = test::bundleOf(abertawe, team.sealing, {test::entryOf(real, team.sealing)});
    const auto bytes = storage::readFile(test::writeBundle(dir / "usb", bundle, abertawe));
    const auto older = home.archive() / (bundle.batch + ".bundle"); // as version 1 named it
    storage::writeNewFileAtomically(older, bytes, 0600);
    {
        storage::Db db(home.ledger());
        db.exec(kLedgerV1);
        storage::Statement t(db, "INSERT INTO team VALUES (1, ?, ?, '2026-11-20T09:00:00Z')");
        t.bind(1, team.sealing.bytes);
        t.bind(2, team.signing.bytes);
        t.run();
        storage::Statement k(db, "INSERT INTO kiosk VALUES (?, ?, '2026-11-20T09:00:00Z', 0)");
        k.bind(1, abertawe.key.publicKey.bytes);
        k.bind(2, abertawe.name);
        k.run();
        storage::Statement b(db, "INSERT INTO bundle VALUES (?, ?, ?, ?, ?, ?, '2026-11-23T17:00:00Z', 1, 1)");
        b.bind(1, bundle.batch);
        b.bind(2, abertawe.key.publicKey.bytes);
        b.bind(3, abertawe.name);
        b.bind(4, bundle.createdAt);
        b.bind(5, hashOf(bytes));
        b.bind(6, older.filename().string());
        b.run();
        storage::Statement s(db, "INSERT INTO submission VALUES (?, ?, ?, ?, 0, ?, '2026-11-23T17:00:00Z', 1, "
                                 "'2026-11-24T09:00:00Z')");
        s.bind(1, real.id);
        s.bind(2, abertawe.key.publicKey.bytes);
        s.bind(3, storage::sealedHash(bundle.entries[0].sealed));
        s.bind(4, real.createdAt);
        s.bind(5, bundle.batch);
        s.run();
    }

    auto session = openSession(home, std::move(keys), "2026-11-24T17:00:00Z");
    CHECK(session->ledger.db().queryInt("PRAGMA user_version") == Ledger::kSchemaVersion);
    CHECK(Ledger::kSchemaVersion == 3);
    // The archive now names the bundle in the order it was opened, and the ledger knows the name.
    const auto files = home.archivedBundles();
    REQUIRE(files.size() == 1);
    CHECK(files[0].filename().string() == "00000001_20261123T170000Z_" + bundle.batch + ".bundle");
    CHECK(session->ledger.bundles().at(0).archivedAs == files[0].filename().string());
    CHECK(storage::readFile(files[0]) == bytes);
    {
        const auto list = buildWorklist(*session, std::chrono::system_clock::now());
        CHECK(list.problems.empty());
        REQUIRE(list.items.size() == 1);
        CHECK(list.items[0].acknowledgedAt == std::optional<std::string>("2026-11-24T09:00:00Z"));
    }

    // Another kiosk's bundle with the same id is held beside it, not refused.
    session->ledger.enrol({other.key.publicKey, other.name, "2026-11-20T09:00:00Z", false});
    const auto out = openBundleFile(
        *session,
        test::writeBundle(dir / "usb",
                          test::bundleOf(other, team.sealing, {test::entryOf(sameIdAs(real, "arall", other), team.sealing)}),
                          other),
        runAt("2026-11-24T17:00:00Z", 2));
    CHECK(out.added == 1);
    CHECK(out.conflicts.empty());
    CHECK(buildWorklist(*session, std::chrono::system_clock::now()).items.size() == 2);
}
