#include <intake/worklist.hpp>
#include <storage/bundle.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace kiosk::storage;
using kiosk::test::TempDir;

namespace {

std::string addSubmission(SubmissionStore& store, const PublicKey& key, const std::string& story, bool priority = false) {
    return kiosk::test::addComplaint(store, story, key, priority);
}

ExportInfo info(const PublicKey& key) { return {"canolfan-1", key, false, "2026-11-22T16:00:00Z"}; }

// The text of a bundle holding one submission sealed to the team's key, exported as the kiosk does.
std::string bundleOfOne(const KeyPair& team) {
    TempDir dir;
    TempDir usb;
    SubmissionStore store(dir / "kiosk.db");
    addSubmission(store, team.publicKey, "one");
    return readFile(exportWaiting(store, usb.path(), info(team.publicKey)).file);
}

} // namespace

TEST_CASE("export writes one bundle of every waiting submission and marks them exported") {
    TempDir dir;
    TempDir usb;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    addSubmission(store, team.publicKey, "Doedd neb yn gwrando");
    addSubmission(store, team.publicKey, "Roedd hi'n garedig", true);

    const auto result = exportWaiting(store, usb.path(), info(team.publicKey));
    CHECK(result.count == 2);
    REQUIRE(std::filesystem::exists(result.file));
    CHECK(result.file.parent_path() == usb.path());
    CHECK(store.count("waiting") == 0);
    CHECK(store.count("exported") == 2);

    const auto bundle = bundleFromJson(readFile(result.file));
    CHECK(bundle.kiosk == "canolfan-1");
    CHECK(bundle.entries.size() == 2);
    CHECK(bundle.recipient.bytes == team.publicKey.bytes);
    // Nothing readable in the bundle itself.
    CHECK(readFile(result.file).find("gwrando") == std::string::npos);
    // No temporary file is left behind.
    CHECK(std::distance(std::filesystem::directory_iterator(usb.path()), std::filesystem::directory_iterator()) == 1);

    // The team opens it.
    const auto opened = kiosk::intake::openBundle(bundle, team);
    CHECK(opened.problems.empty());
    REQUIRE(opened.submissions.size() == 2);
    const auto csv = kiosk::intake::toCsv(opened.submissions);
    CHECK(csv.find("Doedd neb yn gwrando") != std::string::npos);
    CHECK(csv.find("Roedd hi'n garedig") != std::string::npos);
    // Priority first.
    CHECK(csv.find("Roedd hi'n garedig") < csv.find("Doedd neb yn gwrando"));
}

TEST_CASE("a second export has nothing to do and writes nothing") {
    TempDir dir;
    TempDir usb;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    addSubmission(store, team.publicKey, "one");
    (void)exportWaiting(store, usb.path(), info(team.publicKey));
    const auto again = exportWaiting(store, usb.path(), info(team.publicKey));
    CHECK(again.count == 0);
    CHECK(again.file.empty());
    CHECK(std::distance(std::filesystem::directory_iterator(usb.path()), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("an export to a folder that is not there fails and leaves every submission waiting") {
    TempDir dir;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    addSubmission(store, team.publicKey, "one");
    CHECK_THROWS_AS(exportWaiting(store, dir / "no-such-usb", info(team.publicKey)), Error);
    CHECK(store.count("waiting") == 1);
}

TEST_CASE("a bundle cut short, or from something else, is refused with a reason") {
    TempDir dir;
    TempDir usb;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    addSubmission(store, team.publicKey, "one");
    const auto result = exportWaiting(store, usb.path(), info(team.publicKey));
    const auto text = readFile(result.file);
    CHECK_THROWS_AS(bundleFromJson(text.substr(0, text.size() / 2)), Error);
    CHECK_THROWS_AS(bundleFromJson("{\"format\":\"something else\"}"), Error);
    auto tampered = text;
    tampered.replace(tampered.find("\"count\": 1"), 10, "\"count\": 2");
    CHECK_THROWS_AS(bundleFromJson(tampered), Error);
}

TEST_CASE("a bundle whose version or count is too large for an integer is refused, not converted") {
    // Found by the bundle fuzz target (tests/fuzz/regressions/bundle): 1e300 converted to an int is
    // undefined, which the sanitizer build stops on.
    const auto team = KeyPair::generate();
    const auto text = bundleOfOne(team);
    for (const std::string field : {"\"version\": 1", "\"count\": 1"}) {
        INFO(field);
        auto huge = text;
        REQUIRE(huge.find(field) != std::string::npos);
        huge.replace(huge.find(field), field.size(), field.substr(0, field.size() - 1) + "1e300");
        CHECK_THROWS_AS(bundleFromJson(huge), Error);
    }
}

TEST_CASE("opening with the wrong key says so and opens nothing") {
    TempDir dir;
    TempDir usb;
    const auto team = KeyPair::generate();
    const auto wrong = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    addSubmission(store, team.publicKey, "one");
    const auto bundle = bundleFromJson(readFile(exportWaiting(store, usb.path(), info(team.publicKey)).file));
    const auto opened = kiosk::intake::openBundle(bundle, wrong);
    CHECK(opened.submissions.empty());
    REQUIRE(opened.problems.size() == 1);
    CHECK(opened.problems[0].find(fingerprint(team.publicKey)) != std::string::npos);
}

TEST_CASE("an entry whose sealed id does not match its bundle entry is reported, the rest still open") {
    TempDir dir;
    TempDir usb;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    addSubmission(store, team.publicKey, "one");
    addSubmission(store, team.publicKey, "two");
    auto bundle = bundleFromJson(readFile(exportWaiting(store, usb.path(), info(team.publicKey)).file));
    bundle.entries[0].id = newUuid();
    const auto opened = kiosk::intake::openBundle(bundle, team);
    CHECK(opened.submissions.size() == 1);
    CHECK(opened.problems.size() == 1);
}

TEST_CASE("the worklist CSV quotes fields and defuses formulas") {
    Submission s;
    s.reference = "AAA-AAA";
    s.choices.kind = kiosk::vocabulary::Kind::Feedback;
    s.language = kiosk::vocabulary::Language::English;
    s.createdAt = "2026-11-22T10:00:00Z";
    s.text(kiosk::vocabulary::Field::Story) = "=HYPERLINK(\"x\") said \"hi\"";
    const auto csv = kiosk::intake::toCsv({s});
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\") said \"\"hi\"\"\"") != std::string::npos);
    // A phone number starting with + is kept readable, not run as a formula.
    s.text(kiosk::vocabulary::Field::Story).clear();
    s.text(kiosk::vocabulary::Field::Phone) = "+44 7700 900123";
    CHECK(kiosk::intake::toCsv({s}).find("\"'+44 7700 900123\"") != std::string::npos);
}

TEST_CASE("the worklist's heading row is quoted like every other cell, as FORMAT.md says") {
    const auto csv = kiosk::intake::toCsv({});
    CHECK(csv == "\"reference\",\"priority\",\"kind\",\"language\",\"created_at\",\"acknowledge_by\",\"who\","
                 "\"adult_name\",\"adult_role\",\"young_person_agreed\",\"helper_name\",\"wants_advocate\",\"topics\","
                 "\"feeling\",\"story\",\"story_skipped\",\"put_right\",\"name\",\"contact\",\"phone\",\"email\","
                 "\"meeting\",\"sharing\",\"kiosk\",\"demo\",\"id\"\r\n");
}

TEST_CASE("the same submission in two bundles is listed once") {
    const auto team = KeyPair::generate();
    const auto text = bundleOfOne(team);
    std::vector<Submission> list;
    CHECK(kiosk::intake::addNew(list, kiosk::intake::openBundle(bundleFromJson(text), team).submissions) == 1);
    CHECK(kiosk::intake::addNew(list, kiosk::intake::openBundle(bundleFromJson(text), team).submissions) == 0);
    CHECK(list.size() == 1);
}

// Found when attacked with damaged storage: bytes damaged inside a sealed row were found only by
// intake, after export had marked the row exported.
TEST_CASE("a row whose sealed bytes were damaged is reported and kept, not exported as good") {
    TempDir dir;
    TempDir usb;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    const auto first = addSubmission(store, team.publicKey, "un");
    const auto hurt = addSubmission(store, team.publicKey, "dau");
    const auto third = addSubmission(store, team.publicKey, "tri");
    {
        // Damage that SQLite's own checks cannot see: the bytes inside a well-formed page.
        Statement damage(store.db(), "UPDATE submission SET sealed = ? WHERE id = ?");
        const auto rows = store.waiting();
        auto bytes = std::find_if(rows.begin(), rows.end(), [&](const SealedRow& r) { return r.id == hurt; })->sealed;
        bytes[bytes.size() / 2] ^= 0x10;
        damage.bind(1, std::span<const unsigned char>(bytes));
        damage.bind(2, hurt);
        damage.run();
    }
    const auto result = exportWaiting(store, usb.path(), info(team.publicKey));
    CHECK(result.count == 2);
    CHECK(result.damaged == std::vector<std::string>{hurt});
    const auto bundle = bundleFromJson(readFile(result.file));
    REQUIRE(bundle.entries.size() == 2);
    std::set<std::string> sent;
    for (const auto& entry : bundle.entries)
        sent.insert(entry.id);
    CHECK(sent == std::set<std::string>{first, third});
    CHECK(store.count("waiting") == 1);
    CHECK_FALSE(store.waiting().front().intact);
}
