#include "error_kind.hpp"
#include "sync_fixture.hpp"

#include <storage/error.hpp>
#include <storage/submission.hpp>

#include <catch2/catch.hpp>

#include <cctype>
#include <regex>
#include <set>

using namespace kiosk::storage;
using kiosk::test::kindOf;
using kiosk::test::idsOf;
using kiosk::test::splitSigned;
using kiosk::test::SyncFixture;

namespace {

std::size_t filesIn(const std::filesystem::path& folder) {
    return static_cast<std::size_t>(
        std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()));
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// The text of a small real bundle: one submission, exported as the kiosk does.
struct OneBundle {
    SyncFixture kiosk;
    std::string id = kiosk.add("one");
    std::string text = readFile(kiosk.exportNow().file);
};

} // namespace

TEST_CASE("export writes one signed bundle of every unconfirmed submission and marks them exported") {
    SyncFixture kiosk;
    kiosk.add("Doedd neb yn gwrando");
    kiosk.add("Roedd hi'n garedig", true);

    const auto result = kiosk.exportNow();
    CHECK(result.count == 2);
    CHECK(result.damaged.empty());
    REQUIRE(std::filesystem::exists(result.file));
    CHECK(result.file.parent_path() == kiosk.usb.path());
    CHECK(std::regex_match(result.file.filename().string(),
                           std::regex("cafcass-kiosk_canolfan-1_20261122T160000Z_[0-9a-f]{8}\\.bundle")));
    CHECK(kiosk.store.count("waiting") == 0);
    CHECK(kiosk.store.count("exported") == 2);
    CHECK(filesIn(kiosk.usb.path()) == 1); // no temporary file left behind

    const auto text = readFile(result.file);
    CHECK(
        text.rfind("cafcass-cymru-kiosk.signed 1\nsigner " + toBase64(kiosk.kioskKey.publicKey.bytes) + "\n",
                   0) == 0);
    CHECK(text.find("gwrando") == std::string::npos); // nothing readable in the bundle itself
    const auto bundle = readBundle(text);
    CHECK(bundle.kiosk == "canolfan-1");
    CHECK(bundle.kioskKey == kiosk.kioskKey.publicKey);
    CHECK(bundle.recipient.bytes == kiosk.team.sealing.publicKey.bytes);
    CHECK(bundle.createdAt == "2026-11-22T16:00:00Z");
    CHECK_FALSE(bundle.demo);
    REQUIRE(bundle.entries.size() == 2);
    CHECK(result.file.filename().string() == bundleFileName(bundle));

    // The team opens every entry, and each is the submission the entry says it is.
    std::set<std::string> stories;
    for (const auto& entry : bundle.entries) {
        const auto s = submissionFromJson(openSealed(entry.sealed, kiosk.team.sealing));
        CHECK(s.id == entry.id);
        CHECK(s.createdAt == entry.createdAt);
        CHECK(s.priority == entry.priority);
        stories.insert(s.text(kiosk::vocabulary::Field::Story));
    }
    CHECK(stories == std::set<std::string>{"Doedd neb yn gwrando", "Roedd hi'n garedig"});
}

TEST_CASE("every export carries what the team has not confirmed, so a lost stick costs nothing") {
    SyncFixture kiosk;
    const auto first = kiosk.add("un");
    const auto second = kiosk.add("dau");
    const auto lost = kiosk.exportNow();
    const auto lostBundle = readBundle(readFile(lost.file));
    std::filesystem::remove(lost.file); // the stick is lost

    const auto third = kiosk.add("tri");
    const auto again = kiosk.exportNow();
    REQUIRE_FALSE(again.file.empty());
    CHECK(again.count == 3);
    const auto bundle = readBundle(readFile(again.file));
    CHECK(bundle.batch != lostBundle.batch);
    const auto ids = idsOf(bundle);
    CHECK(std::set<std::string>(ids.begin(), ids.end()) == std::set<std::string>{first, second, third});
    // The same sealed bytes as the first time: the team's ledger takes each once.
    for (const auto& entry : lostBundle.entries)
        CHECK(std::find_if(bundle.entries.begin(), bundle.entries.end(), [&](const BundleEntry& e) {
                  return e.id == entry.id && e.sealed == entry.sealed;
              }) != bundle.entries.end());
    // Each row names the batch it last went in; each batch is recorded with its own count.
    CHECK(kiosk.row(first).batch == bundle.batch);
    CHECK(kiosk.store.count("exported") == 3);
    CHECK(kiosk.store.db().queryInt("SELECT count FROM export_batch ORDER BY rowid DESC LIMIT 1") == 3);
    CHECK(kiosk.store.db().queryInt("SELECT count FROM export_batch ORDER BY rowid LIMIT 1") == 2);

    // Once a receipt names them, they no longer go.
    const auto outcome =
        kiosk.store.applyReceipt(kiosk.receiptFor(kiosk.store.unconfirmed()), "2026-11-23T10:00:00Z");
    CHECK(outcome.marked == 3);
    const auto after = kiosk.exportNow();
    CHECK(after.file.empty());
    CHECK(after.count == 0);
    CHECK(filesIn(kiosk.usb.path()) == 1);
}

TEST_CASE("an export with nothing unconfirmed writes nothing") {
    SyncFixture kiosk;
    const auto result = kiosk.exportNow();
    CHECK(result.file.empty());
    CHECK(result.count == 0);
    CHECK(filesIn(kiosk.usb.path()) == 0);
    CHECK_FALSE(kiosk.store.lastExport());
}

TEST_CASE("an export removes this kiosk's half-written bundles an earlier killed export left, and nothing else") {
    SyncFixture kiosk;
    kiosk.add("one");
    const auto folder = kiosk.usb.path();
    const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
    const auto leftover = [&](const std::string& name, std::filesystem::file_time_type when) {
        writeFileAtomically(folder / name, "half a bundle");
        std::filesystem::last_write_time(folder / name, when);
        return folder / name;
    };
    const auto stale = leftover("cafcass-kiosk_canolfan-1_20261121T160000Z_0123abcd.bundle.tmp-4242", old);
    const auto fresh = leftover("cafcass-kiosk_canolfan-1_20261122T155959Z_4567abcd.bundle.tmp-4243",
                                std::filesystem::file_time_type::clock::now());
    const auto otherKiosk = leftover("cafcass-kiosk_canolfan-2_20261121T160000Z_89abcdef.bundle.tmp-4244", old);
    const auto notOurs = leftover("holiday-photos.tmp-1", old);

    REQUIRE(kiosk.exportNow().count == 1);
    CHECK_FALSE(std::filesystem::exists(stale));
    CHECK(std::filesystem::exists(fresh)); // perhaps another export still writing it
    CHECK(std::filesystem::exists(otherKiosk));
    CHECK(std::filesystem::exists(notOurs));
}

TEST_CASE("an export to a folder that is not there fails and leaves every submission waiting") {
    SyncFixture kiosk;
    kiosk.add("one");
    CHECK_THROWS_AS(exportUnconfirmed(kiosk.store, kiosk.dir / "no-such-usb", kiosk.info()), Error);
    CHECK(kiosk.store.count("waiting") == 1);
    CHECK_FALSE(kiosk.store.lastExport());
}

TEST_CASE("an export without the kiosk's signing key is refused and marks nothing") {
    SyncFixture kiosk;
    kiosk.add("one");
    auto info = kiosk.info();
    info.signer = nullptr;
    CHECK(kindOf([&] { (void)exportUnconfirmed(kiosk.store, kiosk.usb.path(), info); }) ==
          Error::Kind::NoKey);
    CHECK(kiosk.store.count("waiting") == 1);
    CHECK(filesIn(kiosk.usb.path()) == 0);
}

// Found when attacked with damaged storage: bytes damaged inside a sealed row were found only by
// intake, after export had marked the row exported.
TEST_CASE("a row whose sealed bytes were damaged is reported and kept, not exported as good") {
    SyncFixture kiosk;
    const auto first = kiosk.add("un");
    const auto hurt = kiosk.add("dau");
    const auto third = kiosk.add("tri");
    {
        // Damage that SQLite's own checks cannot see: the bytes inside a well-formed page.
        auto bytes = kiosk.row(hurt).sealed;
        bytes[bytes.size() / 2] ^= 0x10;
        Statement damage(kiosk.store.db(), "UPDATE submission SET sealed = ? WHERE id = ?");
        damage.bind(1, std::span<const unsigned char>(bytes));
        damage.bind(2, hurt);
        damage.run();
    }
    const auto result = kiosk.exportNow();
    CHECK(result.count == 2);
    CHECK(result.damaged == std::vector<std::string>{hurt});
    const auto ids = idsOf(readBundle(readFile(result.file)));
    CHECK(std::set<std::string>(ids.begin(), ids.end()) == std::set<std::string>{first, third});
    CHECK(kiosk.store.count("waiting") == 1);
    CHECK_FALSE(kiosk.store.waiting().front().intact);
}

TEST_CASE("rows from a quarantined database go too, once each, until a receipt confirms them") {
    SyncFixture kiosk;
    const auto mine = kiosk.add("here");
    const auto quarantined = kiosk::test::sealedComplaint("there", kiosk.team.sealing.publicKey);
    auto damagedCopy = kiosk::test::sealedComplaint("broken", kiosk.team.sealing.publicKey);
    damagedCopy.intact = false;

    const auto first = kiosk.exportNow({quarantined, quarantined, damagedCopy});
    CHECK(first.count == 2);
    CHECK(first.damaged == std::vector<std::string>{damagedCopy.id});
    CHECK(idsOf(readBundle(readFile(first.file))) == std::vector<std::string>{mine, quarantined.id});

    const auto outcome =
        kiosk.store.applyReceipt(kiosk.receiptFor({quarantined}), "2026-11-23T10:00:00Z", {quarantined});
    CHECK(outcome.quarantinedConfirmed == 1);
    CHECK(outcome.marked == 0);
    CHECK(kiosk.store.confirmedFromQuarantine() == std::vector<std::string>{quarantined.id});
    const auto second = kiosk.exportNow({quarantined});
    CHECK(idsOf(readBundle(readFile(second.file))) == std::vector<std::string>{mine});
}

TEST_CASE("a bundle is signed only by the kiosk key it names") {
    SyncFixture kiosk;
    Bundle bundle{newUuid(),
                  "canolfan-1",
                  "2026-11-22T16:00:00Z",
                  false,
                  kiosk.team.sealing.publicKey,
                  kiosk.kioskKey.publicKey,
                  {},
                  {}};
    const auto other = SigningKeyPair::generate();
    CHECK(kindOf([&] { (void)toSignedFile(bundle, other); }) == Error::Kind::Crypto);
    CHECK(readBundle(toSignedFile(bundle, kiosk.kioskKey)).batch == bundle.batch);
}

TEST_CASE("a bundle's file name is safe on a FAT stick") {
    Bundle bundle;
    bundle.kiosk = "Canolfan Abertawe / Ŵyl:1";
    bundle.createdAt = "2026-11-22T10:31:02Z";
    bundle.batch = "5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    CHECK(bundleFileName(bundle) ==
          "cafcass-kiosk_Canolfan-Abertawe-----yl-1_20261122T103102Z_5f1e2d3c.bundle");
}

TEST_CASE("a single byte changed anywhere in a bundle file is refused") {
    const OneBundle one;
    REQUIRE_NOTHROW(readBundle(one.text));
    REQUIRE(one.text.size() > 500);
    for (const unsigned char flip : {0x01, 0x80}) {
        std::size_t accepted = 0;
        for (std::size_t at = 0; at < one.text.size(); ++at) {
            auto changed = one.text;
            changed[at] = static_cast<char>(changed[at] ^ flip);
            try {
                (void)readBundle(changed);
                ++accepted;
                WARN("accepted with byte " << at << " changed");
            } catch (const Error&) {
            }
        }
        CHECK(accepted == 0);
    }
    // Nor a byte more or fewer.
    for (std::size_t size = 0; size < one.text.size(); ++size)
        CHECK_THROWS_AS(readBundle(one.text.substr(0, size)), Error);
    CHECK_THROWS_AS(readBundle(one.text + "\n"), Error);
    CHECK_THROWS_AS(readBundle(one.text + " "), Error);
}

TEST_CASE("a submission sealed by an outsider with the team's public key is refused") {
    OneBundle one;
    const auto split = splitSigned(one.text);
    const auto& header = split.first;
    auto bundle = readBundle(one.text);
    // Anyone holding the team's public key (every kiosk has it) can seal a submission.
    const auto forged = kiosk::test::sealedComplaint("forged", one.kiosk.team.sealing.publicKey);
    bundle.entries.push_back({forged.id, forged.createdAt, forged.priority, forged.sealed});
    const auto outsider = SigningKeyPair::generate();

    SECTION("added to the payload, the kiosk's signature no longer holds") {
        CHECK(kindOf([&] { (void)readBundle(header + toJson(bundle)); }) == Error::Kind::Crypto);
    }
    SECTION("re-signed with the outsider's own key, the bundle still names the kiosk's key") {
        CHECK(kindOf([&] { (void)readBundle(signFile(toJson(bundle), outsider)); }) == Error::Kind::Crypto);
    }
    SECTION("re-signed and renamed to the outsider's key, it is no longer the kiosk's bundle") {
        bundle.kioskKey = outsider.publicKey;
        const auto read = readBundle(toSignedFile(bundle, outsider));
        // What the reader trusts is the key: intake knows this one as no enrolled kiosk.
        CHECK(read.kioskKey == outsider.publicKey);
        CHECK(read.kioskKey != one.kiosk.kioskKey.publicKey);
    }
    SECTION("appended after the signed payload, the signature no longer holds") {
        CHECK(kindOf([&] { (void)readBundle(one.text + toJson(bundle)); }) == Error::Kind::Crypto);
    }
}

TEST_CASE("an entry removed, added, duplicated or replaced is refused") {
    OneBundle one;
    one.kiosk.add("two");
    const auto text = readFile(one.kiosk.exportNow().file);
    const auto split = splitSigned(text);
    const auto& header = split.first;
    const auto& payload = split.second;
    const auto original = readBundle(text);
    REQUIRE(original.entries.size() == 2);
    const auto other = kiosk::test::sealedComplaint("other", one.kiosk.team.sealing.publicKey);

    std::vector<std::pair<const char*, Bundle>> changes;
    auto removed = original;
    removed.entries.pop_back();
    changes.emplace_back("removed, count fixed", removed);
    auto added = original;
    added.entries.push_back({other.id, other.createdAt, other.priority, other.sealed});
    changes.emplace_back("added", added);
    auto duplicated = original;
    duplicated.entries.push_back(original.entries[0]);
    changes.emplace_back("duplicated", duplicated);
    auto replaced = original;
    replaced.entries[1].sealed = other.sealed; // a real submission's id, other words
    changes.emplace_back("replaced", replaced);
    auto reordered = original;
    std::swap(reordered.entries[0], reordered.entries[1]);
    changes.emplace_back("reordered", reordered);
    auto flagged = original;
    flagged.entries[0].priority = !flagged.entries[0].priority;
    changes.emplace_back("priority changed", flagged);
    auto renamed = original;
    renamed.kiosk = "Canolfan Arall";
    changes.emplace_back("kiosk renamed", renamed);

    for (const auto& [what, bundle] : changes) {
        INFO(what);
        const auto changed = toJson(bundle);
        REQUIRE(changed != payload);
        CHECK(kindOf([&] { (void)readBundle(header + changed); }) == Error::Kind::Crypto);
    }
    // Even signed by the kiosk's own key, an id twice is refused: the second would stand in for the first.
    CHECK(kindOf([&] { (void)readBundle(signFile(toJson(duplicated), one.kiosk.kioskKey)); }) ==
          Error::Kind::Format);
    auto sameIdOtherWords = added;
    sameIdOtherWords.entries.back().id = original.entries[0].id;
    CHECK(kindOf([&] { (void)readBundle(signFile(toJson(sameIdOtherWords), one.kiosk.kioskKey)); }) ==
          Error::Kind::Format);
}

TEST_CASE("the signed file's header is read exactly as FORMAT.md writes it") {
    const OneBundle one;
    const auto split = splitSigned(one.text);
    const auto& payload = split.second;
    const auto signer = toBase64(one.kiosk.kioskKey.publicKey.bytes);
    const auto replaceOnce = [&](std::string from, std::string to) {
        auto changed = one.text;
        REQUIRE(changed.find(from) != std::string::npos);
        changed.replace(changed.find(from), from.size(), to);
        return changed;
    };
    // The same 32 bytes spelt otherwise: the last character before '=' carries 2 spare bits, zero
    // when written; one set is another spelling of the same key.
    auto sibling = signer;
    sibling[42] = static_cast<char>(sibling[42] + 1);
    CHECK(kindOf([&] { (void)readBundle(replaceOnce(signer, sibling)); }) == Error::Kind::Format);
    CHECK_THROWS_AS(readBundle(payload), Error);
    CHECK_THROWS_AS(readBundle(""), Error);
}

TEST_CASE("a bundle payload of any other shape is refused, even when signed") {
    const OneBundle one;
    const auto split = splitSigned(one.text);
    const auto& payload = split.second;
    const auto bundle = readBundle(one.text);
    const auto& entry = bundle.entries[0];
    const auto replaceOnce = [&](const std::string& from, const std::string& to) {
        auto changed = payload;
        REQUIRE(changed.find(from) != std::string::npos);
        changed.replace(changed.find(from), from.size(), to);
        return changed;
    };
    const std::vector<std::pair<const char*, std::string>> payloads = {
        {"cut short", payload.substr(0, payload.size() / 2)},
        {"another format", replaceOnce("cafcass-cymru-kiosk.bundle", "cafcass-cymru-kiosk.receipt")},
        {"version 1", replaceOnce("\"version\": 3", "\"version\": 1")},
        {"version 4", replaceOnce("\"version\": 3", "\"version\": 4")},
        {"version as text", replaceOnce("\"version\": 3", "\"version\": \"3\"")},
        {"version 3.0", replaceOnce("\"version\": 3", "\"version\": 3.0")},
        {"version 1e300", replaceOnce("\"version\": 3", "\"version\": 1e300")},
        {"count too high", replaceOnce("\"count\": 1", "\"count\": 2")},
        {"count 0", replaceOnce("\"count\": 1", "\"count\": 0")},
        {"count -1", replaceOnce("\"count\": 1", "\"count\": -1")},
        {"count 1e300", replaceOnce("\"count\": 1", "\"count\": 1e300")},
        {"count 1.0", replaceOnce("\"count\": 1", "\"count\": 1.0")},
        {"a field twice", replaceOnce("\"count\": 1", "\"count\": 1,\n \"count\": 1")},
        {"an entry's field twice",
         replaceOnce("\"priority\": false", "\"priority\": false, \"priority\": false")},
        {"an unknown field", replaceOnce("\"count\": 1", "\"count\": 1, \"note\": \"x\"")},
        {"a field missing", replaceOnce("\"demo\": false,", "")},
        {"demo as text", replaceOnce("\"demo\": false", "\"demo\": \"false\"")},
        {"upper-case id", replaceOnce(entry.id, upper(entry.id))},
        {"a version 1 uuid", replaceOnce(entry.id, entry.id.substr(0, 14) + "1" + entry.id.substr(15))},
        {"not a uuid", replaceOnce(entry.id, "submission-1")},
        {"a batch that is not a uuid", replaceOnce(bundle.batch, "batch-1")},
        {"a time without seconds",
         replaceOnce("\"created_at\": \"2026-11-22T16:00:00Z\"", "\"created_at\": \"2026-11-22T16:00Z\"")},
        {"a local time", replaceOnce("\"created_at\": \"2026-11-22T16:00:00Z\"",
                                     "\"created_at\": \"2026-11-22T16:00:00+01:00\"")},
        {"a day that is not",
         replaceOnce("\"created_at\": \"2026-11-22T16:00:00Z\"", "\"created_at\": \"2026-02-30T16:00:00Z\"")},
        {"sealed not base64", replaceOnce(toBase64(entry.sealed), "not base64!")},
        {"kiosk key too short", replaceOnce(toBase64(one.kiosk.kioskKey.publicKey.bytes), "AAAA")},
        {"submissions not a list", replaceOnce("\"submissions\": [", "\"submissions\": {\"x\": [") + "}"},
    };
    // The control: the payload as it is, signed again, reads.
    REQUIRE(readBundle(signFile(payload, one.kiosk.kioskKey)).batch == bundle.batch);
    for (const auto& [what, changed] : payloads) {
        INFO(what);
        CHECK(kindOf([&] { (void)readBundle(signFile(changed, one.kiosk.kioskKey)); }) ==
              Error::Kind::Format);
        CHECK(kindOf([&] { (void)bundleFromJson(changed); }) == Error::Kind::Format);
    }
}
