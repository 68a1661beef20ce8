#include "fixture.hpp"

#include <intake/commands.hpp>
#include <intake/ledger.hpp>
#include <intake/passphrase.hpp>
#include <intake/worklist.hpp>

#include <storage/export.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/receipt.hpp>
#include <storage/store.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::intake;
using kiosk::test::CommandHome;
using kiosk::test::FakeKiosk;

namespace {

struct Said {
    std::ostringstream out;
    std::ostringstream err;
    Console console{out, err};
};

Options at(const CommandHome& h, const std::string& now) {
    auto o = h.options;
    o.now = *parseIsoUtc(now);
    return o;
}

std::filesystem::path identityFile(const CommandHome& h, const FakeKiosk& kiosk) {
    const auto file = h.dir / ("identity-" + storage::newUuid() + ".json");
    storage::saveKioskIdentity(file, kiosk.identity());
    return file;
}

std::filesystem::path bundleFor(const CommandHome& h, const FakeKiosk& kiosk, const std::vector<storage::Submission>& subs,
                                const std::string& folder = "usb") {
    const auto team = h.keys().publicKeys();
    std::vector<storage::BundleEntry> entries;
    for (const auto& s : subs)
        entries.push_back(test::entryOf(s, team.sealing));
    return test::writeBundle(h.dir / folder, test::bundleOf(kiosk, team.sealing, entries), kiosk);
}

void removeLedger(const Home& home) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(home.root() / (std::string("ledger.db") + suffix));
}

} // namespace

TEST_CASE("keygen makes keys behind the passphrase, and never replaces them", "[commands][keys]") {
    CommandHome h;
    const auto home = h.home();
    CHECK(std::filesystem::exists(home.secretKey()));
    CHECK(std::filesystem::exists(home.publicKey()));
    CHECK((std::filesystem::status(home.secretKey()).permissions() & std::filesystem::perms::group_read) ==
          std::filesystem::perms::none);
    CHECK(storage::needsPassphrase(home.secretKey()));
    CHECK(storage::loadTeamPublicKeys(home.publicKey()).sealing.bytes == h.keys().sealing.publicKey.bytes);
    CHECK_THROWS_WITH(storage::loadTeamKeys(home.secretKey(), std::string_view("not the passphrase at all")),
                      Catch::Contains("passphrase is not right"));

    const auto secret = storage::readFile(home.secretKey());
    Said said;
    CHECK(keygen(h.options, said.console) == kAttention);
    CHECK(said.err.str().find("never replaces") != std::string::npos);
    CHECK(storage::readFile(home.secretKey()) == secret);
}

TEST_CASE("keygen refuses a short passphrase and makes nothing", "[commands][keys]") {
    test::TempDir dir;
    Options o;
    o.home = dir / "home";
    o.passphraseFile = dir / "short.txt";
    o.kdf = storage::KdfLimits::interactive();
    std::ofstream(*o.passphraseFile) << "short\n";
    Said said;
    CHECK(keygen(o, said.console) == kAttention);
    CHECK_FALSE(std::filesystem::exists(o.home / "team-secret.key"));
}

TEST_CASE("a wrong passphrase is said plainly and opens nothing", "[commands][keys]") {
    CommandHome h;
    std::ofstream(h.passphraseFile, std::ios::trunc) << "a different passphrase\n";
    CHECK(h.run({"worklist"}) == kAttention);
    CHECK(h.err.find("passphrase is not right") != std::string::npos);
}

TEST_CASE("enrolling a kiosk shows its fingerprint; the same key with a new name renames it and says so",
          "[commands][kiosks]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    const auto fingerprint = storage::fingerprint(kiosk.key.publicKey);
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    CHECK(h.out.find(fingerprint) != std::string::npos);
    CHECK(h.out.find("Compare it") != std::string::npos);

    CHECK(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    CHECK(h.out.find("nothing changed") != std::string::npos);

    kiosk.name = "Canolfan Abertawe (y dderbynfa)";
    CHECK(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    CHECK(h.out.find("is now called \"Canolfan Abertawe (y dderbynfa)\"") != std::string::npos);

    REQUIRE(h.run({"kiosks", "list"}) == kFine);
    CHECK(h.out.find("\"Canolfan Abertawe (y dderbynfa)\"") != std::string::npos);
    CHECK(h.out.find(fingerprint) != std::string::npos);
    CHECK(h.out.find("\"Canolfan Abertawe\"\n") == std::string::npos);

    CHECK(h.run({"kiosks", "remove", fingerprint}) == kFine);
    CHECK(h.run({"kiosks", "remove", fingerprint}) == kAttention);
}

TEST_CASE("a refused bundle leaves an existing worklist byte for byte as it was", "[commands][worklist]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    FakeKiosk stranger{"Canolfan Ddieithr"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    REQUIRE(h.run({"open", bundleFor(h, kiosk, {test::complaint("un", kiosk)}).string()}) == kFine);
    REQUIRE(storage::readFile(h.home().worklistCsv()).find("\"un\"") != std::string::npos);
    // Marked, so that a rewrite with the same contents would still show.
    std::ofstream(h.home().worklistCsv(), std::ios::app) << "marked by the test\r\n";
    std::ofstream(h.home().worklistHtml(), std::ios::app) << "<!-- marked by the test -->\n";
    const auto csv = storage::readFile(h.home().worklistCsv());
    const auto html = storage::readFile(h.home().worklistHtml());

    // From a kiosk nobody enrolled; and one with a byte changed.
    CHECK(h.run({"open", bundleFor(h, stranger, {test::complaint("dau", stranger)}).string()}) == kAttention);
    CHECK(h.err.find("REFUSED") != std::string::npos);
    auto changedFile = bundleFor(h, kiosk, {test::complaint("tri", kiosk)});
    auto bytes = storage::readFile(changedFile);
    bytes[bytes.size() - 10] ^= 0x02;
    storage::writeFileAtomically(changedFile, bytes);
    CHECK(h.run({"open", changedFile.string()}) == kAttention);
    CHECK(h.err.find("signature") != std::string::npos);

    CHECK(storage::readFile(h.home().worklistCsv()) == csv);
    CHECK(storage::readFile(h.home().worklistHtml()) == html);
}

TEST_CASE("the same bundle opened twice through the command adds nothing and leaves the worklist alone",
          "[commands][worklist]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    const auto file = bundleFor(h, kiosk, {test::complaint("un", kiosk), test::compliment("dau", kiosk)});
    REQUIRE(h.run({"open", file.string()}) == kFine);
    CHECK(h.out.find("2 new") != std::string::npos);
    std::ofstream(h.home().worklistCsv(), std::ios::app) << "marked by the test\r\n";
    const auto csv = storage::readFile(h.home().worklistCsv());
    CHECK(h.run({"open", file.string()}) == kFine);
    CHECK(h.out.find("already opened") != std::string::npos);
    CHECK(h.out.find("worklists were not changed") != std::string::npos);
    CHECK(storage::readFile(h.home().worklistCsv()) == csv);
    Ledger ledger(h.home().ledger(), storage::Access::ReadOnly);
    CHECK(ledger.submissions().size() == 2);
}

TEST_CASE("a run that recorded a bundle but could not write the worklists has them written by the next run",
          "[commands][worklist]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    const auto file = bundleFor(h, kiosk, {test::complaint("geiriau-a-gollwyd", kiosk)});
    // The bundle is recorded, then writing worklist.html fails (as it would on a full disk, or if
    // intake were killed there): the ledger holds the submission, the page does not show it.
    std::filesystem::create_directories(h.home().worklistHtml());
    CHECK(h.run({"open", file.string()}) != kFine);
    std::filesystem::remove(h.home().worklistHtml());
    REQUIRE(Ledger(h.home().ledger(), storage::Access::ReadOnly).submissions().size() == 1);

    // The same bundle again adds nothing, but the worklists must not stay without it.
    CHECK(h.run({"open", file.string()}) == kFine);
    CHECK(h.out.find("already opened") != std::string::npos);
    REQUIRE(std::filesystem::exists(h.home().worklistHtml()));
    CHECK(storage::readFile(h.home().worklistHtml()).find("geiriau-a-gollwyd") != std::string::npos);
    CHECK(storage::readFile(h.home().worklistCsv()).find("geiriau-a-gollwyd") != std::string::npos);

    // Once written, a run that adds nothing leaves them alone again.
    std::ofstream(h.home().worklistCsv(), std::ios::app) << "marked by the test\r\n";
    const auto csv = storage::readFile(h.home().worklistCsv());
    CHECK(h.run({"open", file.string()}) == kFine);
    CHECK(h.out.find("worklists were not changed") != std::string::npos);
    CHECK(storage::readFile(h.home().worklistCsv()) == csv);
}

TEST_CASE("rebuild after the worklists, then the ledger too, are lost gives the same worklist", "[commands][rebuild]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    auto urgent = test::complaint("Dw i ddim yn teimlo'n ddiogel gartref", kiosk, "2026-11-20T15:00:00Z");
    urgent.priority = true;
    const auto first = bundleFor(h, kiosk, {test::complaint("un", kiosk, "2026-11-19T10:00:00Z"), urgent});
    const auto second = bundleFor(h, kiosk, {test::compliment("diolch", kiosk, "2026-11-23T10:00:00Z")}, "usb2");
    Said said;
    REQUIRE(openBundles(at(h, "2026-11-20T16:00:00Z"), {first}, said.console) == kFine);
    REQUIRE(openBundles(at(h, "2026-11-23T16:00:00Z"), {second}, said.console) == kFine);
    REQUIRE(worklist(at(h, "2026-11-24T09:00:00Z"), said.console) == kFine);
    const auto home = h.home();
    const auto csv = storage::readFile(home.worklistCsv());
    const auto html = storage::readFile(home.worklistHtml());
    REQUIRE(csv.find("\"yes\",\"\"\r\n") != std::string::npos); // the last run's one is new

    std::filesystem::remove(home.worklistCsv());
    std::filesystem::remove(home.worklistHtml());
    REQUIRE(rebuild(at(h, "2026-11-24T09:00:00Z"), said.console) == kFine);
    CHECK(storage::readFile(home.worklistCsv()) == csv);
    CHECK(storage::readFile(home.worklistHtml()) == html);

    std::filesystem::remove(home.worklistCsv());
    std::filesystem::remove(home.worklistHtml());
    removeLedger(home);
    Said rebuilt;
    REQUIRE(rebuild(at(h, "2026-11-24T09:00:00Z"), rebuilt.console) == kFine);
    CHECK(rebuilt.out.str().find("not enrolled") != std::string::npos);
    // The same rows in the same order; only what was new can no longer be told.
    CHECK(storage::readFile(home.worklistCsv()) == std::regex_replace(csv, std::regex(",\"yes\",\"\"\r\n"), ",\"no\",\"\"\r\n"));
    Ledger ledger(home.ledger(), storage::Access::ReadOnly);
    CHECK(ledger.submissions().size() == 3);
    CHECK(ledger.bundles().size() == 2);
}

TEST_CASE("acknowledging by reference records it and puts it last, marked", "[commands][worklist]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    const auto older = test::complaint("hynaf", kiosk, "2026-11-19T10:00:00Z");
    const auto newer = test::complaint("newydd", kiosk, "2026-11-23T10:00:00Z");
    Said said;
    REQUIRE(openBundles(at(h, "2026-11-23T16:00:00Z"), {bundleFor(h, kiosk, {older, newer})}, said.console) == kFine);
    std::string lower = older.reference;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    Said ack;
    REQUIRE(acknowledge(at(h, "2026-11-24T09:30:00Z"), {lower}, ack.console) == kFine);
    CHECK(ack.out.str().find("Acknowledged " + older.reference) != std::string::npos);
    const auto csv = storage::readFile(h.home().worklistCsv());
    CHECK(csv.find("hynaf") > csv.find("newydd"));
    CHECK(csv.find("\"acknowledged\",\"yes\",\"2026-11-24T09:30:00Z\"") != std::string::npos);
    Said unknown;
    CHECK(acknowledge(at(h, "2026-11-24T09:30:00Z"), {"AAA-AAA"}, unknown.console) == kAttention);
}

TEST_CASE("the first export lost: the next carries the same submissions, and intake shows each once",
          "[commands][round-trip]") {
    CommandHome h;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    REQUIRE(h.run({"kiosks", "add", identityFile(h, kiosk).string()}) == kFine);
    const auto team = h.keys().publicKeys();
    storage::SubmissionStore store(h.dir / "kiosk.db");
    const auto save = [&](const storage::Submission& s) {
        store.add({s.id, s.createdAt, "waiting", "", s.priority, storage::seal(storage::toJson(s), team.sealing)},
                  s.reference);
    };
    const auto info = [&](const std::string& now) { return storage::ExportInfo{kiosk.name, team.sealing, &kiosk.key, false, now}; };
    const auto one = test::complaint("un", kiosk, "2026-11-23T10:00:00Z");
    const auto two = test::complaint("dau", kiosk, "2026-11-23T11:00:00Z");
    save(one);
    save(two);
    std::filesystem::create_directories(h.dir / "lost-stick");
    std::filesystem::create_directories(h.dir / "stick");
    const auto lost = storage::exportUnconfirmed(store, h.dir / "lost-stick", info("2026-11-23T16:00:00Z"));
    REQUIRE(lost.count == 2);
    const auto three = test::compliment("tri", kiosk, "2026-11-24T10:00:00Z");
    save(three);
    const auto next = storage::exportUnconfirmed(store, h.dir / "stick", info("2026-11-24T16:00:00Z"));
    REQUIRE(next.count == 3);

    REQUIRE(h.run({"open", next.file.string()}) == kFine);
    CHECK(h.out.find("3 new, 0 already here") != std::string::npos);
    // The lost stick turns up after all: nothing in it is new.
    REQUIRE(h.run({"open", lost.file.string()}) == kFine);
    CHECK(h.out.find("0 new, 2 already here") != std::string::npos);
    const auto csv = storage::readFile(h.home().worklistCsv());
    for (const auto* s : {&one, &two, &three}) {
        const auto first = csv.find(s->id);
        CHECK(first != std::string::npos);
        CHECK(csv.find(s->id, first + 1) == std::string::npos);
    }

    // The kiosk takes the receipts; then nothing is unconfirmed and no export is due.
    for (const auto& entry : std::filesystem::directory_iterator(h.home().receipts()))
        (void)store.applyReceipt(storage::readReceipt(storage::readFile(entry.path()), team.signing), "2026-11-24T17:00:00Z");
    CHECK(store.unconfirmed().empty());
}

TEST_CASE("a demo kiosk's bundle opens with its own key, when asked, in a home of its own", "[commands][demo]") {
    test::TempDir dir;
    const auto demoKeys = storage::TeamKeys::generate();
    const auto keyFile = dir / "demo-secret.key";
    storage::saveTeamKeys(keyFile, demoKeys, std::nullopt);
    FakeKiosk demo{"Demo", storage::SigningKeyPair::generate(), true};
    const auto s = test::complaint("dim ond trio", demo);
    const auto file = test::writeBundle(
        dir / "usb", test::bundleOf(demo, demoKeys.sealing.publicKey, {test::entryOf(s, demoKeys.sealing.publicKey)}), demo);
    const auto home = dir / "try-it";
    const auto run = [&](std::vector<std::string> args, std::string& out) {
        std::ostringstream o;
        std::ostringstream e;
        Console c{o, e};
        const int code = runCommandLine(args, c);
        out = o.str() + e.str();
        return code;
    };
    std::string said;
    CHECK(run({"open", file.string(), "--key", keyFile.string(), "--home", home.string()}, said) == kAttention);
    CHECK(said.find("DEMO MODE") != std::string::npos);
    REQUIRE(run({"open", file.string(), "--key", keyFile.string(), "--accept-demo", "--home", home.string()}, said) ==
            kFine);
    const Home demoHome(home);
    CHECK(storage::readFile(demoHome.worklistHtml()).find("Modd arddangos") != std::string::npos);
    int receipts = 0;
    for (const auto& entry : std::filesystem::directory_iterator(demoHome.receipts())) {
        ++receipts;
        const auto receipt = storage::readReceipt(storage::readFile(entry.path()), demoKeys.signing.publicKey);
        CHECK(receipt.received.size() == 1);
    }
    CHECK(receipts == 1);

    // The team's own home never takes another key, a demo one least of all.
    CommandHome team;
    CHECK(team.run({"open", file.string(), "--key", keyFile.string(), "--accept-demo"}) == kAttention);
    CHECK(team.err.find("belongs to the team key") != std::string::npos);
}

TEST_CASE("a passphrase is the first line only, without its line end, from a file or standard input",
          "[commands][keys]") {
    test::TempDir dir;
    const auto file = dir / "passphrase.txt";
    std::ofstream(file) << "llwybr hir i'r mynydd\r\nsecond line\n";
    CHECK(passphraseFromFile(file).view() == "llwybr hir i'r mynydd");
    std::ofstream(file, std::ios::trunc) << "no line end";
    CHECK(passphraseFromFile(file).view() == "no line end");
    std::ofstream(file, std::ios::trunc) << "\nafter an empty first line\n";
    CHECK_THROWS_WITH(passphraseFromFile(file), Catch::Contains("empty"));
    std::ofstream(file, std::ios::trunc) << std::string(Passphrase::kMaxBytes + 1, 'x') << "\n";
    CHECK_THROWS_WITH(passphraseFromFile(file), Catch::Contains("longer"));

    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const std::string input = "o'r bibell\nwhat a script sends next";
    REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
    ::close(fds[1]);
    CHECK(passphraseFromFd(fds[0]).view() == "o'r bibell");
    char rest[64] = {};
    const auto n = ::read(fds[0], rest, sizeof rest - 1);
    ::close(fds[0]);
    CHECK(std::string(rest, n > 0 ? static_cast<std::size_t>(n) : 0) == "what a script sends next");
}
