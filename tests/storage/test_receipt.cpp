#include "error_kind.hpp"
#include "sync_fixture.hpp"

#include <storage/error.hpp>

#include <catch2/catch.hpp>

#include <regex>

using namespace kiosk::storage;
using kiosk::test::kindOf;
using kiosk::test::splitSigned;
using kiosk::test::SyncFixture;

namespace {

// What staff and the team could see of a kiosk's database: every row's id, state and batch, the
// receipts recorded, and the quarantined rows confirmed.
std::string stateOf(SubmissionStore& store) {
    std::string out;
    Statement rows(
        store.db(),
        "SELECT id, state, ifnull(batch, ''), ifnull(received_at, '') FROM submission ORDER BY id");
    while (rows.step())
        out += rows.text(0) + " " + rows.text(1) + " " + rows.text(2) + " " + rows.text(3) + "\n";
    Statement receipts(store.db(), "SELECT id, imported_at, named, marked FROM receipt ORDER BY id");
    while (receipts.step())
        out += "receipt " + receipts.text(0) + " " + receipts.text(1) + " " +
               std::to_string(receipts.integer(2)) + " " + std::to_string(receipts.integer(3)) + "\n";
    for (const auto& id : store.confirmedFromQuarantine())
        out += "quarantine " + id + "\n";
    return out;
}

// Where a run of bytes is found in a file, or npos.
std::size_t findIn(const std::filesystem::path& file, std::span<const unsigned char> bytes) {
    if (!std::filesystem::exists(file))
        return std::string::npos;
    return readFile(file).find(std::string(bytes.begin(), bytes.end()));
}

} // namespace

TEST_CASE("a receipt reads back as the team wrote it, and is named for its kiosk") {
    SyncFixture kiosk;
    kiosk.add("un");
    kiosk.add("dau");
    const auto receipt = kiosk.receiptFor(kiosk.store.unconfirmed());
    const auto text = toSignedFile(receipt, kiosk.team.signing);
    const auto read = readReceipt(text, kiosk.team.signing.publicKey);
    CHECK(read.id == receipt.id);
    CHECK(read.kiosk == "canolfan-1");
    CHECK(read.kioskKey == kiosk.kioskKey.publicKey);
    CHECK(read.createdAt == "2026-11-23T09:00:00Z");
    REQUIRE(read.received.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(read.received[i].id == receipt.received[i].id);
        CHECK(read.received[i].hash == receipt.received[i].hash);
    }
    CHECK(std::regex_match(receiptFileName(read),
                           std::regex("cafcass-receipt_canolfan-1_20261123T090000Z_[0-9a-f]{8}\\.receipt")));
    CHECK(receiptFileName(read).find(read.id.substr(0, 8)) != std::string::npos);
}

TEST_CASE("a receipt signed by any key but the team's is refused, saying so") {
    SyncFixture kiosk;
    kiosk.add("un");
    const auto receipt = kiosk.receiptFor(kiosk.store.unconfirmed());
    const auto other = SigningKeyPair::generate();
    try {
        (void)readReceipt(toSignedFile(receipt, other), kiosk.team.signing.publicKey);
        FAIL("a receipt signed by another key was read");
    } catch (const Error& e) {
        CHECK(e.kind() == Error::Kind::Crypto);
        CHECK_THAT(e.what(), Catch::Contains("not signed by this kiosk's complaints team key"));
    }
    // Nor by the kiosk's own key, which also signs files.
    CHECK(kindOf([&] {
              (void)readReceipt(toSignedFile(receipt, kiosk.kioskKey), kiosk.team.signing.publicKey);
          }) == Error::Kind::Crypto);
    CHECK(kiosk.store.count("waiting") == 1);
}

TEST_CASE("a single byte changed anywhere in a receipt file is refused") {
    SyncFixture kiosk;
    kiosk.add("un");
    const auto text = toSignedFile(kiosk.receiptFor(kiosk.store.unconfirmed()), kiosk.team.signing);
    REQUIRE_NOTHROW(readReceipt(text, kiosk.team.signing.publicKey));
    for (const unsigned char flip : {0x01, 0x80}) {
        std::size_t accepted = 0;
        for (std::size_t at = 0; at < text.size(); ++at) {
            auto changed = text;
            changed[at] = static_cast<char>(changed[at] ^ flip);
            try {
                (void)readReceipt(changed, kiosk.team.signing.publicKey);
                ++accepted;
                WARN("accepted with byte " << at << " changed");
            } catch (const Error&) {
            }
        }
        CHECK(accepted == 0);
    }
    for (std::size_t size = 0; size < text.size(); ++size)
        CHECK_THROWS_AS(readReceipt(text.substr(0, size), kiosk.team.signing.publicKey), Error);
    CHECK_THROWS_AS(readReceipt(text + "\n", kiosk.team.signing.publicKey), Error);
}

TEST_CASE("a receipt payload of any other shape is refused, even signed by the team") {
    SyncFixture kiosk;
    kiosk.add("un");
    const auto receipt = kiosk.receiptFor(kiosk.store.unconfirmed());
    const auto payload = splitSigned(toSignedFile(receipt, kiosk.team.signing)).second;
    const auto& entry = receipt.received[0];
    const auto replaceOnce = [&](const std::string& from, const std::string& to) {
        auto changed = payload;
        REQUIRE(changed.find(from) != std::string::npos);
        changed.replace(changed.find(from), from.size(), to);
        return changed;
    };
    const auto entryText =
        "{\n   \"id\": \"" + entry.id + "\",\n   \"hash\": \"" + toBase64(entry.hash) + "\"\n  }";
    REQUIRE(payload.find(entryText) != std::string::npos);
    auto shortHash = entry.hash;
    const std::vector<std::pair<const char*, std::string>> payloads = {
        {"cut short", payload.substr(0, payload.size() - 3)},
        {"a bundle's format", replaceOnce("cafcass-cymru-kiosk.receipt", "cafcass-cymru-kiosk.bundle")},
        {"version 2", replaceOnce("\"version\": 1", "\"version\": 2")},
        {"count too high", replaceOnce("\"count\": 1", "\"count\": 2")},
        {"count as text", replaceOnce("\"count\": 1", "\"count\": \"1\"")},
        {"an id twice", replaceOnce(entryText, entryText + ", " + entryText)},
        {"an id twice, count fixed", replaceOnce(entryText, entryText + ", " + entryText)
                                         .replace(payload.find("\"count\": 1"), 10, "\"count\": 2")},
        {"a field twice", replaceOnce("\"count\": 1", "\"count\": 1, \"count\": 1")},
        {"an unknown field", replaceOnce("\"count\": 1", "\"count\": 1, \"note\": 1")},
        {"a hash of 31 bytes", replaceOnce(toBase64(entry.hash), toBase64(std::span(shortHash).first(31)))},
        {"an upper-case id",
         replaceOnce("\"id\": \"" + entry.id.substr(0, 8), "\"id\": \"" + std::string(8, 'A'))},
        {"a receipt id that is not a uuid", replaceOnce(receipt.id, "receipt-1")},
        {"a time that is not", replaceOnce("2026-11-23T09:00:00Z", "2026-11-23 09:00:00")},
    };
    REQUIRE(readReceipt(signFile(payload, kiosk.team.signing), kiosk.team.signing.publicKey).id ==
            receipt.id);
    for (const auto& [what, changed] : payloads) {
        INFO(what);
        CHECK(kindOf([&] {
                  (void)readReceipt(signFile(changed, kiosk.team.signing), kiosk.team.signing.publicKey);
              }) == Error::Kind::Format);
    }
}

TEST_CASE("a receipt marks received exactly the rows it names with their bytes' hash") {
    SyncFixture kiosk;
    const auto named = kiosk.add("un");
    const auto otherBytes = kiosk.add("dau");
    const auto notNamed = kiosk.add("tri");
    (void)kiosk.exportNow();
    auto receipt = kiosk.receiptFor({kiosk.row(named), kiosk.row(otherBytes)});
    receipt.received[1].hash[0] ^= 1; // the team holds other bytes under this id
    const auto gone = newUuid();
    receipt.received.push_back({gone, {}});

    const auto outcome = kiosk.store.applyReceipt(receipt, "2026-11-23T10:00:00Z");
    CHECK_FALSE(outcome.alreadyImported);
    CHECK(outcome.marked == 1);
    CHECK(outcome.mismatch == std::vector<std::string>{otherBytes});
    CHECK(outcome.notHere == 1);
    CHECK(kiosk.row(named).state == "received");
    CHECK(kiosk.row(otherBytes).state == "exported");
    CHECK(kiosk.row(notNamed).state == "exported");
    CHECK(kiosk.store.count("received") == 1);
    CHECK(kiosk.store.lastReceipt() == "2026-11-23T10:00:00Z");
    // What is still unconfirmed goes in the next export; the received row does not.
    const auto next = readBundle(readFile(kiosk.exportNow().file));
    auto ids = kiosk::test::idsOf(next);
    std::sort(ids.begin(), ids.end());
    auto expected = std::vector<std::string>{otherBytes, notNamed};
    std::sort(expected.begin(), expected.end());
    CHECK(ids == expected);
}

TEST_CASE("importing the same receipt again changes nothing") {
    SyncFixture kiosk;
    kiosk.add("un");
    const auto receipt = kiosk.receiptFor(kiosk.store.unconfirmed());
    CHECK(kiosk.store.applyReceipt(receipt, "2026-11-23T10:00:00Z").marked == 1);
    kiosk.add("dau");
    const auto before = stateOf(kiosk.store);
    // The same receipt (by its id) again, even a day later and naming what is waiting now.
    auto replay = receipt;
    replay.received = kiosk.receiptFor(kiosk.store.unconfirmed()).received;
    const auto outcome = kiosk.store.applyReceipt(replay, "2026-11-24T10:00:00Z");
    CHECK(outcome.alreadyImported);
    CHECK(outcome.marked == 0);
    CHECK(stateOf(kiosk.store) == before);
    CHECK(kiosk.store.lastReceipt() == "2026-11-23T10:00:00Z");
    CHECK(kiosk.store.count("waiting") == 1);
}

TEST_CASE("a receipt for another kiosk's submissions changes nothing here") {
    SyncFixture kiosk;
    SyncFixture elsewhere;
    kiosk.add("un");
    elsewhere.add("dau");
    const auto before = stateOf(kiosk.store);
    // Their ids with their hashes, and our ids with other bytes' hashes: nothing of ours matches.
    auto receipt = elsewhere.receiptFor(elsewhere.store.unconfirmed());
    for (const auto& row : kiosk.store.unconfirmed())
        receipt.received.push_back({row.id, sealedHash(elsewhere.store.unconfirmed().front().sealed)});
    const auto outcome = kiosk.store.applyReceipt(receipt, "2026-11-23T10:00:00Z");
    CHECK(outcome.marked == 0);
    CHECK(outcome.notHere == 1);
    CHECK(outcome.mismatch.size() == 1);
    CHECK(kiosk.store.count("waiting") == 1);
    CHECK(kiosk.store.count("received") == 0);
    // Only the receipt itself is recorded, so that it is not weighed again.
    const auto after = stateOf(kiosk.store);
    CHECK(after.substr(0, before.size()) == before);
    CHECK(after.find("receipt " + receipt.id) != std::string::npos);
}

TEST_CASE("after a receipt, a deleted row's sealed bytes are in neither the database nor its WAL") {
    SyncFixture kiosk;
    // One small enough to lie whole in a page, one long enough to spill over several.
    const auto small = kiosk.add(std::string(300, 'a'));
    const auto large = kiosk.add(std::string(20000, 'b'));
    const auto control = kiosk.add(std::string(300, 'c'));
    const auto controlLarge = kiosk.add(std::string(20000, 'd'));
    (void)kiosk.exportNow();
    const auto sealedSmall = kiosk.row(small).sealed;
    const auto sealedLarge = kiosk.row(large).sealed;
    const auto sealedControl = kiosk.row(control).sealed;
    const auto sealedControlLarge = kiosk.row(controlLarge).sealed;
    const auto db = kiosk.dir / "kiosk.db";
    const auto wal = kiosk.dir / "kiosk.db-wal";

    // Slices of 64 bytes, every 64 bytes: how many are found anywhere under the kiosk's folder.
    const auto slicesFound = [&](const std::vector<unsigned char>& sealed) {
        const auto all = kiosk::test::allBytesUnder(kiosk.dir.path());
        std::size_t found = 0;
        std::size_t slices = 0;
        for (std::size_t at = 0; at + 64 <= sealed.size(); at += 64, ++slices)
            if (all.find(std::string(sealed.begin() + static_cast<std::ptrdiff_t>(at),
                                     sealed.begin() + static_cast<std::ptrdiff_t>(at + 64))) !=
                std::string::npos)
                ++found;
        return std::pair(found, slices);
    };
    // Before: every one is there, so the search can find what it looks for.
    CHECK(findIn(db, sealedSmall) != std::string::npos);
    CHECK(slicesFound(sealedLarge).first > slicesFound(sealedLarge).second * 9 / 10);

    const auto outcome = kiosk.store.applyReceipt(kiosk.receiptFor({kiosk.row(small), kiosk.row(large)}),
                                                  "2026-11-23T10:00:00Z");
    REQUIRE(outcome.marked == 2);
    // Kept for keep_received_days: a time before the receipt deletes nothing.
    CHECK(kiosk.store.deleteReceived("2026-11-23T09:59:59Z") == 0);
    CHECK(findIn(db, sealedSmall) != std::string::npos);
    CHECK(kiosk.store.deleteReceived("2026-11-23T10:00:00Z") == 2);

    CHECK(kiosk.row(small).id.empty());
    CHECK(kiosk.store.count("received") == 0);
    CHECK(findIn(db, sealedSmall) == std::string::npos);
    CHECK(findIn(wal, sealedSmall) == std::string::npos);
    CHECK(findIn(db, std::span(sealedSmall).subspan(100, 64)) == std::string::npos);
    CHECK(findIn(wal, std::span(sealedSmall).subspan(100, 64)) == std::string::npos);
    CHECK(slicesFound(sealedSmall).first == 0);
    CHECK(slicesFound(sealedLarge).first == 0);
    // The control rows, not received, are still there, found by the same search.
    CHECK(findIn(db, sealedControl) != std::string::npos);
    CHECK(findIn(db, std::span(sealedControl).subspan(100, 64)) != std::string::npos);
    const auto [controlFound, controlSlices] = slicesFound(sealedControlLarge);
    CHECK(controlFound > controlSlices * 9 / 10);
    CHECK(kiosk.store.count("exported") == 2);
}

TEST_CASE("rows without a receipt are never deleted") {
    SyncFixture kiosk;
    kiosk.add("un");
    (void)kiosk.exportNow();
    kiosk.add("dau");
    CHECK(kiosk.store.deleteReceived("9999-12-31T23:59:59Z") == 0);
    CHECK(kiosk.store.count("exported") == 1);
    CHECK(kiosk.store.count("waiting") == 1);
}

TEST_CASE("deleting every submission of a demo kiosk leaves none of their bytes and no reference code") {
    SyncFixture kiosk;
    const auto id = kiosk.add("demo");
    const auto sealed = kiosk.row(id).sealed;
    const auto code = kiosk.store.db().queryText("SELECT code FROM reference_used");
    REQUIRE(code.size() == 7);
    CHECK(kiosk::test::allBytesUnder(kiosk.dir.path()).find(code) != std::string::npos);
    CHECK(kiosk.store.deleteAllSubmissions() == 1);
    CHECK(kiosk.store.count("waiting") == 0);
    CHECK(kiosk.store.db().queryInt("SELECT count(*) FROM reference_used") == 0);
    const auto all = kiosk::test::allBytesUnder(kiosk.dir.path());
    CHECK(all.find(std::string(sealed.begin(), sealed.end())) == std::string::npos);
    CHECK(all.find(std::string(sealed.begin() + 50, sealed.begin() + 114)) == std::string::npos);
    CHECK(all.find(code) == std::string::npos);
}

TEST_CASE("staff see what is unconfirmed: how many are priority, the oldest, the last export and receipt") {
    SyncFixture kiosk;
    CHECK(kiosk.store.priorityUnconfirmed() == 0);
    CHECK_FALSE(kiosk.store.oldestUnconfirmed());
    CHECK_FALSE(kiosk.store.lastExport());
    CHECK_FALSE(kiosk.store.lastReceipt());
    auto early = kiosk::test::sealedComplaint("early", kiosk.team.sealing.publicKey, true);
    early.createdAt = "2026-11-20T09:00:00Z";
    kiosk.store.add(early, kiosk.store.unusedReference());
    auto late = kiosk::test::sealedComplaint("late", kiosk.team.sealing.publicKey, true);
    late.createdAt = "2026-11-21T09:00:00Z";
    kiosk.store.add(late, kiosk.store.unusedReference());
    kiosk.add("not priority");
    CHECK(kiosk.store.priorityUnconfirmed() == 2);
    CHECK(kiosk.store.oldestUnconfirmed() == "2026-11-20T09:00:00Z");

    (void)kiosk.exportNow(); // exported rows are still unconfirmed
    CHECK(kiosk.store.priorityUnconfirmed() == 2);
    CHECK(kiosk.store.oldestUnconfirmed() == "2026-11-20T09:00:00Z");
    CHECK(kiosk.store.lastExport() == "2026-11-22T16:00:00Z");

    (void)kiosk.store.applyReceipt(kiosk.receiptFor({kiosk.row(early.id)}), "2026-11-23T10:00:00Z");
    CHECK(kiosk.store.priorityUnconfirmed() == 1);
    CHECK(kiosk.store.oldestUnconfirmed() == "2026-11-21T09:00:00Z");
    CHECK(kiosk.store.lastReceipt() == "2026-11-23T10:00:00Z");
}
