#include "fixture.hpp"

#include <intake/open_bundles.hpp>
#include <intake/worklist.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/receipt.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

using namespace kiosk;
using namespace kiosk::intake;
using kiosk::test::FakeKiosk;
using kiosk::test::IntakeHome;
using Result = BundleOutcome::Result;

namespace {

Run runAt(const std::string& now, std::int64_t number = 1, bool acceptDemo = false) { return {now, number, acceptDemo}; }

std::size_t archivedCount(const Home& home) { return home.archivedBundles().size(); }

} // namespace

TEST_CASE("a bundle from an enrolled kiosk is recorded, archived and answered with a receipt", "[open]") {
    IntakeHome t;
    FakeKiosk abertawe{"Canolfan Abertawe"};
    t.enrol(abertawe);
    const auto one = test::complaint("Doedd neb yn gwrando", abertawe);
    const auto two = test::compliment("She was kind", abertawe);
    const auto file = test::writeBundle(
        t.folder("usb"), test::bundleOf(abertawe, t.team.sealing, {test::entryOf(one, t.team.sealing), test::entryOf(two, t.team.sealing)}),
        abertawe);

    const auto out = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z"));
    INFO(out.why);
    REQUIRE(out.result == Result::Accepted);
    CHECK(out.added == 2);
    CHECK(out.alreadyHeld == 0);
    CHECK_FALSE(out.needsAttention());
    CHECK(t.session->ledger.submissions().size() == 2);
    REQUIRE(archivedCount(t.home) == 1);
    CHECK(storage::readFile(t.home.archivedBundles().front()) == storage::readFile(file));
    REQUIRE(std::filesystem::exists(out.receiptFile));
    // The ledger holds ids and hashes, never a child's words.
    CHECK(test::allBytesUnder(t.home.root()).find("gwrando") == std::string::npos);
}

TEST_CASE("opening the same bundle twice adds nothing and says it was opened before", "[open]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Wrecsam"};
    t.enrol(kiosk);
    const auto s = test::complaint("un", kiosk);
    const auto file = test::writeBundle(t.folder("usb"), test::bundleOf(kiosk, t.team.sealing, {test::entryOf(s, t.team.sealing)}), kiosk);

    REQUIRE(openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z", 1)).result == Result::Accepted);
    const auto receipts = std::distance(std::filesystem::directory_iterator(t.home.receipts()), {});
    const auto again = openBundleFile(*t.session, file, runAt("2026-11-24T09:00:00Z", 2));
    CHECK(again.result == Result::AlreadyOpened);
    CHECK(again.added == 0);
    CHECK_FALSE(again.needsAttention());
    CHECK(t.session->ledger.submissions().size() == 1);
    CHECK(t.session->ledger.bundles().size() == 1);
    CHECK(archivedCount(t.home) == 1);
    CHECK(std::distance(std::filesystem::directory_iterator(t.home.receipts()), {}) == receipts);
    CHECK(t.session->ledger.lastRun() == 1);
}

TEST_CASE("two overlapping bundles give each submission once, and each receipt names all it holds", "[open]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Caerdydd"};
    t.enrol(kiosk);
    const auto a = test::complaint("a", kiosk);
    const auto b = test::complaint("b", kiosk);
    const auto c = test::compliment("c", kiosk);
    const auto usb = t.folder("usb");
    // The kiosk sends everything unconfirmed again: the second export carries a and b again, and c.
    const auto first = test::writeBundle(usb, test::bundleOf(kiosk, t.team.sealing, {test::entryOf(a, t.team.sealing), test::entryOf(b, t.team.sealing)}, "2026-11-23T16:00:00Z"), kiosk);
    auto bundle2 = test::bundleOf(kiosk, t.team.sealing, {}, "2026-11-24T16:00:00Z");
    const auto firstBundle = storage::readBundle(storage::readFile(first));
    bundle2.entries = firstBundle.entries; // the very same sealed bytes, as the kiosk keeps them
    bundle2.entries.push_back(test::entryOf(c, t.team.sealing));
    const auto second = test::writeBundle(usb, bundle2, kiosk);

    const auto one = openBundleFile(*t.session, first, runAt("2026-11-23T17:00:00Z", 1));
    const auto two = openBundleFile(*t.session, second, runAt("2026-11-24T17:00:00Z", 2));
    REQUIRE(one.result == Result::Accepted);
    REQUIRE(two.result == Result::Accepted);
    CHECK(one.added == 2);
    CHECK(two.added == 1);
    CHECK(two.alreadyHeld == 2);
    REQUIRE(two.receipt);
    CHECK(two.receipt->received.size() == 3);

    const auto list = buildWorklist(*t.session, std::chrono::system_clock::now());
    CHECK(list.problems.empty());
    REQUIRE(list.items.size() == 3);
    std::set<std::string> ids;
    for (const auto& item : list.items)
        ids.insert(item.submission.id);
    CHECK(ids == std::set<std::string>{a.id, b.id, c.id});
    // "New" is what the last run brought.
    for (const auto& item : list.items)
        CHECK(item.isNew == (item.submission.id == c.id));
}

TEST_CASE("the same id with different content is refused loudly, naming the id and both bundles", "[open]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Bangor"};
    t.enrol(kiosk);
    const auto real = test::complaint("the child's own words", kiosk);
    auto forged = test::complaint("other words put in their place", kiosk);
    forged.id = real.id;
    forged.reference = real.reference;
    const auto usb = t.folder("usb");
    const auto first = test::writeBundle(usb, test::bundleOf(kiosk, t.team.sealing, {test::entryOf(real, t.team.sealing)}), kiosk);
    const auto second = test::writeBundle(usb, test::bundleOf(kiosk, t.team.sealing, {test::entryOf(forged, t.team.sealing)}, "2026-11-24T16:00:00Z"), kiosk);

    REQUIRE(openBundleFile(*t.session, first, runAt("2026-11-23T17:00:00Z", 1)).result == Result::Accepted);
    const auto firstArchived = t.session->ledger.bundles().front().archivedAs;
    const auto out = openBundleFile(*t.session, second, runAt("2026-11-24T17:00:00Z", 2));
    CHECK(out.added == 0);
    CHECK(out.needsAttention());
    REQUIRE(out.conflicts.size() == 1);
    const auto& line = out.conflicts.front();
    CHECK(line.rfind("REFUSED", 0) == 0);
    CHECK(line.find(real.id) != std::string::npos);
    CHECK(line.find(second.string()) != std::string::npos);
    CHECK(line.find(firstArchived) != std::string::npos);
    // The first is kept, and the receipt does not name the other.
    const auto row = t.session->ledger.submission(kiosk.key.publicKey, real.id);
    REQUIRE(row);
    CHECK(row->sealedHash == storage::sealedHash(storage::readBundle(storage::readFile(t.home.archive() / firstArchived)).entries[0].sealed));
    CHECK_FALSE(out.receipt.has_value());
    const auto list = buildWorklist(*t.session, std::chrono::system_clock::now());
    REQUIRE(list.items.size() == 1);
    CHECK(list.items[0].submission.text(vocabulary::Field::Story) == "the child's own words");
}

TEST_CASE("a bundle from a kiosk that is not enrolled is refused and changes nothing", "[open]") {
    IntakeHome t;
    FakeKiosk stranger{"Canolfan Abertawe"};
    const auto s = test::complaint("un", stranger);
    const auto file = test::writeBundle(t.folder("usb"), test::bundleOf(stranger, t.team.sealing, {test::entryOf(s, t.team.sealing)}), stranger);
    const auto out = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z"));
    CHECK(out.result == Result::Refused);
    CHECK(out.why.find("not enrolled") != std::string::npos);
    CHECK(out.why.find(storage::fingerprint(stranger.key.publicKey)) != std::string::npos);
    CHECK(t.session->ledger.submissions().empty());
    CHECK(t.session->ledger.bundles().empty());
    CHECK(archivedCount(t.home) == 0);
    CHECK(std::filesystem::is_empty(t.home.receipts()));
}

TEST_CASE("a bundle whose name is not the one its kiosk was enrolled under is refused", "[open]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    kiosk.name = "Canolfan Caerdydd";
    const auto s = test::complaint("un", kiosk);
    const auto file = test::writeBundle(t.folder("usb"), test::bundleOf(kiosk, t.team.sealing, {test::entryOf(s, t.team.sealing)}), kiosk);
    const auto out = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z"));
    CHECK(out.result == Result::Refused);
    CHECK(out.why.find("\"Canolfan Abertawe\"") != std::string::npos);
    CHECK(t.session->ledger.submissions().empty());
}

TEST_CASE("a bundle sealed to another team's key is refused", "[open]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    const auto other = storage::TeamKeys::generate();
    const auto s = test::complaint("un", kiosk);
    const auto file = test::writeBundle(t.folder("usb"), test::bundleOf(kiosk, other.sealing.publicKey, {test::entryOf(s, other.sealing.publicKey)}), kiosk);
    const auto out = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z"));
    CHECK(out.result == Result::Refused);
    CHECK(out.why.find(storage::fingerprint(other.sealing.publicKey)) != std::string::npos);
    CHECK(t.session->ledger.submissions().empty());
}

TEST_CASE("a demo kiosk's bundle is refused unless demo bundles are accepted", "[open]") {
    IntakeHome t;
    FakeKiosk demo{"Demo", storage::SigningKeyPair::generate(), true};
    const auto s = test::complaint("dim ond prawf", demo);
    const auto file = test::writeBundle(t.folder("usb"), test::bundleOf(demo, t.team.sealing, {test::entryOf(s, t.team.sealing)}), demo);

    const auto refused = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z", 1, false));
    CHECK(refused.result == Result::Refused);
    CHECK(refused.why.find("DEMO MODE") != std::string::npos);
    CHECK(t.session->ledger.submissions().empty());

    // Enrolment does not make a demo bundle acceptable without being asked.
    t.enrol(demo);
    CHECK(openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z", 1, false)).result == Result::Refused);

    const auto accepted = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z", 1, true));
    CHECK(accepted.result == Result::Accepted);
    CHECK(accepted.added == 1);
}

TEST_CASE("a bundle with any one byte changed is refused before anything in it is used", "[open][signature]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    const auto s = test::complaint("un", kiosk);
    const auto good = storage::readFile(
        test::writeBundle(t.folder("good"), test::bundleOf(kiosk, t.team.sealing, {test::entryOf(s, t.team.sealing)}), kiosk));
    const auto file = t.folder("usb") / "changed.bundle";
    int refused = 0;
    // Every byte, header, signature and payload alike: flip one bit.
    for (std::size_t i = 0; i < good.size(); ++i) {
        auto bad = good;
        bad[i] = static_cast<char>(bad[i] ^ 0x01);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bad;
        const auto out = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z"));
        if (out.result == Result::Refused)
            ++refused;
        else
            FAIL_CHECK("byte " << i << " changed and the bundle was still accepted");
    }
    CHECK(refused == static_cast<int>(good.size()));
    CHECK(t.session->ledger.submissions().empty());
    CHECK(archivedCount(t.home) == 0);
}

TEST_CASE("a submission breaking a rule is refused by id while the others in its bundle are taken", "[open][rules]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    const auto fine = test::complaint("fine", kiosk);
    auto unagreed = test::complaint("told for a young person who did not agree", kiosk);
    unagreed.choices.who = vocabulary::Who::OnBehalf;
    unagreed.text(vocabulary::Field::AdultName) = "Sam";
    unagreed.text(vocabulary::Field::AdultRole) = "eiriolwr";
    unagreed.choices.youngPersonAgreed = false;
    const auto alsoFine = test::compliment("also fine", kiosk);
    const auto file = test::writeBundle(
        t.folder("usb"),
        test::bundleOf(kiosk, t.team.sealing,
                       {test::entryOf(fine, t.team.sealing), test::entryOf(unagreed, t.team.sealing), test::entryOf(alsoFine, t.team.sealing)}),
        kiosk);

    const auto out = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z"));
    REQUIRE(out.result == Result::Accepted);
    CHECK(out.added == 2);
    CHECK(out.needsAttention());
    REQUIRE(out.refusedEntries.size() == 1);
    CHECK(out.refusedEntries[0].find(unagreed.id) != std::string::npos);
    CHECK(out.refusedEntries[0].find("young_person_agreed") != std::string::npos);
    CHECK(out.refusedEntries[0].find("told for a young person") == std::string::npos); // no content in messages
    CHECK_FALSE(t.session->ledger.submission(kiosk.key.publicKey, unagreed.id).has_value());
    REQUIRE(out.receipt);
    CHECK(out.receipt->received.size() == 2);
}

TEST_CASE("an entry whose clear fields disagree with what is sealed is refused, naming the field", "[open][rules]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    const auto s = test::complaint("un", kiosk);
    auto entry = test::entryOf(s, t.team.sealing);
    entry.priority = true; // someone made it look urgent, or hid that it was
    const auto file = test::writeBundle(t.folder("usb"), test::bundleOf(kiosk, t.team.sealing, {entry}), kiosk);
    const auto out = openBundleFile(*t.session, file, runAt("2026-11-23T17:00:00Z"));
    REQUIRE(out.refusedEntries.size() == 1);
    CHECK(out.refusedEntries[0].find("priority") != std::string::npos);
    CHECK(out.added == 0);
}

TEST_CASE("the receipt names exactly the entries held, with their hashes, signed with the team's key", "[open][receipt]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    const auto held = test::complaint("held before", kiosk);
    const auto fresh = test::compliment("new now", kiosk);
    auto broken = test::complaint("no topic", kiosk);
    broken.choices.topics.reset();
    const auto usb = t.folder("usb");
    const auto heldEntry = test::entryOf(held, t.team.sealing);
    REQUIRE(openBundleFile(*t.session, test::writeBundle(usb, test::bundleOf(kiosk, t.team.sealing, {heldEntry}), kiosk),
                           runAt("2026-11-23T17:00:00Z", 1))
                .result == Result::Accepted);
    const auto freshEntry = test::entryOf(fresh, t.team.sealing);
    const auto file = test::writeBundle(
        usb, test::bundleOf(kiosk, t.team.sealing, {heldEntry, freshEntry, test::entryOf(broken, t.team.sealing)}, "2026-11-24T16:00:00Z"),
        kiosk);
    const auto out = openBundleFile(*t.session, file, runAt("2026-11-24T17:00:00Z", 2));
    REQUIRE(out.receipt);
    REQUIRE(std::filesystem::exists(out.receiptFile));

    const auto receipt = storage::readReceipt(storage::readFile(out.receiptFile), t.team.signing);
    CHECK(receipt.kiosk == kiosk.name);
    CHECK(receipt.kioskKey == kiosk.key.publicKey);
    std::map<std::string, Hash> named;
    for (const auto& e : receipt.received)
        named[e.id] = e.hash;
    CHECK(named == std::map<std::string, Hash>{{held.id, storage::sealedHash(heldEntry.sealed)},
                                               {fresh.id, storage::sealedHash(freshEntry.sealed)}});
    // Signed by the team: another key does not verify it.
    const auto other = storage::SigningKeyPair::generate();
    CHECK_THROWS_AS(storage::readReceipt(storage::readFile(out.receiptFile), other.publicKey), storage::Error);
}

TEST_CASE("a home belongs to one team's keys: other keys are refused", "[open]") {
    IntakeHome t;
    CHECK_THROWS_WITH(openSession(t.home, storage::TeamKeys::generate(), "2026-11-23T17:00:00Z"),
                      Catch::Contains(storage::fingerprint(t.team.sealing)));
}

TEST_CASE("a lost ledger is never replaced by an empty one while the archive holds bundles", "[open][rebuild]") {
    test::TempDir dir;
    const Home home(dir / "home");
    auto keys = storage::TeamKeys::generate();
    const auto pub = keys.publicKeys();
    FakeKiosk kiosk{"Canolfan Abertawe"};
    {
        auto session = openSession(home, std::move(keys), "2026-11-23T17:00:00Z");
        session->ledger.enrol({kiosk.key.publicKey, kiosk.name, "2026-11-20T09:00:00Z", false});
        const auto s = test::complaint("un", kiosk);
        REQUIRE(openBundleFile(*session, test::writeBundle(dir / "usb", test::bundleOf(kiosk, pub.sealing, {test::entryOf(s, pub.sealing)}), kiosk),
                               runAt("2026-11-23T17:00:00Z"))
                    .result == Result::Accepted);
    }
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(home.root() / (std::string("ledger.db") + suffix));
    CHECK_THROWS_WITH(openSession(home, storage::TeamKeys::generate(), "2026-11-24T17:00:00Z"),
                      Catch::Contains("intake rebuild"));
    CHECK_FALSE(std::filesystem::exists(home.ledger()));
}

TEST_CASE("sync opens the folder's bundles, writes receipts there and removes what it archived", "[open][sync]") {
    IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    FakeKiosk stranger{"Canolfan Arall"};
    t.enrol(kiosk);
    const auto share = t.folder("share");
    const auto s = test::complaint("un", kiosk);
    const auto mine = test::writeBundle(share, test::bundleOf(kiosk, t.team.sealing, {test::entryOf(s, t.team.sealing)}), kiosk);
    const auto theirs = test::writeBundle(share, test::bundleOf(stranger, t.team.sealing, {test::entryOf(test::complaint("dau", stranger), t.team.sealing)}), stranger);
    // A bundle the kiosk is still writing has a temporary name.
    std::ofstream(share / "cafcass-kiosk_x.bundle.tmp-123") << "half";

    const auto sync = syncBundles(*t.session, share, runAt("2026-11-23T17:00:00Z"));
    REQUIRE(sync.bundles.size() == 2);
    CHECK(sync.problems.empty());
    CHECK_FALSE(std::filesystem::exists(mine));
    CHECK(std::filesystem::exists(theirs)); // refused: left where it is
    CHECK(std::filesystem::exists(share / "cafcass-kiosk_x.bundle.tmp-123"));
    int receipts = 0;
    for (const auto& entry : std::filesystem::directory_iterator(share)) {
        if (entry.path().extension() != ".receipt")
            continue;
        ++receipts;
        const auto receipt = storage::readReceipt(storage::readFile(entry.path()), t.team.signing);
        REQUIRE(receipt.received.size() == 1);
        CHECK(receipt.received[0].id == s.id);
    }
    CHECK(receipts == 1);

    // A second sync finds nothing new to open.
    const auto again = syncBundles(*t.session, share, runAt("2026-11-23T18:00:00Z", 2));
    REQUIRE(again.bundles.size() == 1);
    CHECK(again.bundles[0].result == Result::Refused);
    CHECK(t.session->ledger.submissions().size() == 1);
}

TEST_CASE("a sync folder that is not there is reported, not fatal", "[open][sync]") {
    IntakeHome t;
    const auto sync = syncBundles(*t.session, t.dir / "not-mounted", runAt("2026-11-23T17:00:00Z"));
    CHECK(sync.bundles.empty());
    REQUIRE(sync.problems.size() == 1);
    CHECK(sync.problems[0].find("not-mounted") != std::string::npos);
}
