#include <storage/db.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <storage/receipt.hpp>
#include <storage/store.hpp>
#include <storage/submission.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <thread>
#include <optional>
#include <sys/resource.h>

using namespace kiosk::storage;
using kiosk::test::TempDir;

namespace {

void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

// While it lives, this process cannot open any file: a folder cannot be opened to be synced, even
// by root, while renames (which open nothing) still work.
class NoFilesOpen {
public:
    NoFilesOpen() {
        REQUIRE(::getrlimit(RLIMIT_NOFILE, &m_saved) == 0);
        rlimit none = m_saved;
        none.rlim_cur = 0;
        REQUIRE(::setrlimit(RLIMIT_NOFILE, &none) == 0);
    }
    NoFilesOpen(const NoFilesOpen&) = delete;
    NoFilesOpen& operator=(const NoFilesOpen&) = delete;
    ~NoFilesOpen() { ::setrlimit(RLIMIT_NOFILE, &m_saved); }

private:
    rlimit m_saved{};
};

} // namespace

TEST_CASE("a new database is made at the latest schema, in WAL mode with full sync") {
    TempDir dir;
    SubmissionStore store(dir / "kiosk.db");
    CHECK(store.db().queryInt("PRAGMA user_version") == SubmissionStore::kSchemaVersion);
    CHECK(store.db().queryInt("PRAGMA application_id") == SubmissionStore::kApplicationId);
    CHECK(store.db().queryText("PRAGMA journal_mode") == "wal");
    CHECK(store.db().queryInt("PRAGMA synchronous") == 2); // FULL
    CHECK(store.db().queryInt("PRAGMA secure_delete") == 1);
    for (const char* table :
         {"submission", "export_batch", "reference_used", "receipt", "quarantine_confirmed", "audit"}) {
        INFO(table);
        Statement st(store.db(), "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
        st.bind(1, std::string_view(table));
        REQUIRE(st.step());
        CHECK(st.text(0).find("STRICT") != std::string::npos);
    }
}

TEST_CASE("every connection that can write deletes securely, an existing database's too") {
    TempDir dir;
    { SubmissionStore store(dir / "kiosk.db"); }
    SubmissionStore again(dir / "kiosk.db");
    CHECK(again.db().queryInt("PRAGMA secure_delete") == 1);
}

TEST_CASE("stored submissions keep only plain metadata beside the sealed bytes") {
    TempDir dir;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    (void)kiosk::test::addComplaint(store, "one", team.publicKey, true);
    (void)kiosk::test::addComplaint(store, "two", team.publicKey);
    const auto rows = store.waiting();
    REQUIRE(rows.size() == 2);
    CHECK(store.count("waiting") == 2);
    const auto opened = submissionFromJson(openSealed(rows[0].sealed, team));
    CHECK(opened.id == rows[0].id);
    // The columns are exactly those PRODUCT.md allows (the checksum of the sealed bytes among them).
    Statement cols(store.db(), "SELECT group_concat(name, ',') FROM pragma_table_info('submission')");
    REQUIRE(cols.step());
    CHECK(cols.text(0) == "id,created_at,state,batch,priority,sealed,checksum,received_at");
}

TEST_CASE("words a child typed appear nowhere in the database folder") {
    TempDir dir;
    const auto team = KeyPair::generate();
    const std::string unique = "Zebra-ŵ-" + newUuid();
    {
        SubmissionStore store(dir / "kiosk.db");
        (void)kiosk::test::addComplaint(store, "Roedd y " + unique + " yn drist", team.publicKey);
        // Look while the WAL still holds the row, and again after a checkpoint.
        CHECK(kiosk::test::allBytesUnder(dir.path()).find(unique) == std::string::npos);
        CHECK(kiosk::test::allBytesUnder(dir.path()).find("Zebra") == std::string::npos);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto bytes = kiosk::test::allBytesUnder(dir.path());
    CHECK(bytes.size() > 4096);
    CHECK(bytes.find(unique) == std::string::npos);
    CHECK(bytes.find("drist") == std::string::npos);
}

TEST_CASE("a version 1 database migrates to version 2 and on, keeping its submissions") {
    TempDir dir;
    {
        Db old(dir / "kiosk.db");
        old.exec(readFile(TEST_DATA_DIR "/schema-v1.sql").c_str());
        REQUIRE(old.queryInt("PRAGMA user_version") == 1);
    }
    SubmissionStore store(dir / "kiosk.db");
    CHECK(store.db().queryInt("PRAGMA user_version") == SubmissionStore::kSchemaVersion);
    const auto rows = store.waiting();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == "6f1c2d4e-0000-4000-8000-000000000001");
    CHECK(rows[0].priority);
    CHECK(rows[0].sealed == std::vector<unsigned char>{0x00, 0x11, 0x22, 0x33});
    CHECK(store.db().queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'export_batch'") == 1);
}

TEST_CASE("a version 2 database migrates to version 3 and on, keeping its submissions and exports") {
    TempDir dir;
    {
        Db old(dir / "kiosk.db");
        old.exec(readFile(TEST_DATA_DIR "/schema-v2.sql").c_str());
        REQUIRE(old.queryInt("PRAGMA user_version") == 2);
    }
    SubmissionStore store(dir / "kiosk.db");
    CHECK(store.db().queryInt("PRAGMA user_version") == SubmissionStore::kSchemaVersion);
    CHECK(store.count("waiting") == 1);
    // Rows from before checksums get theirs from their bytes as they are.
    CHECK(store.db().queryInt("SELECT count(*) FROM submission WHERE checksum IS NULL") == 0);
    CHECK(store.waiting().front().intact);
    CHECK(store.count("exported") == 1);
    CHECK(store.db().queryInt("SELECT count(*) FROM export_batch") == 1);
    CHECK(store.db().queryInt("SELECT count(*) FROM reference_used") == 0);
    const auto team = KeyPair::generate();
    (void)kiosk::test::addComplaint(store, "after the upgrade", team.publicKey);
    CHECK(store.count("waiting") == 2);
}

TEST_CASE("a version 4 database migrates to version 5 and on, keeping its submissions, exports and codes") {
    TempDir dir;
    {
        Db old(dir / "kiosk.db");
        old.exec(readFile(TEST_DATA_DIR "/schema-v4.sql").c_str());
        REQUIRE(old.queryInt("PRAGMA user_version") == 4);
    }
    SubmissionStore store(dir / "kiosk.db");
    CHECK(store.db().queryInt("PRAGMA user_version") == SubmissionStore::kSchemaVersion);
    const auto rows = store.unconfirmed();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == "6f1c2d4e-0000-4000-8000-000000000005");
    CHECK(rows[0].state == "exported");
    CHECK(rows[0].priority);
    CHECK(rows[0].intact);
    CHECK(rows[1].id == "6f1c2d4e-0000-4000-8000-000000000004");
    CHECK(rows[1].state == "waiting");
    CHECK(rows[1].intact);
    CHECK(rows[1].sealed == std::vector<unsigned char>{0x44, 0x55, 0x66, 0x77});
    CHECK(store.db().queryInt("SELECT count(*) FROM submission WHERE received_at IS NOT NULL") == 0);
    CHECK(store.db().queryInt("SELECT count(*) FROM receipt") == 0);
    CHECK(store.db().queryInt("SELECT count(*) FROM quarantine_confirmed") == 0);
    CHECK(store.db().queryInt("SELECT count(*) FROM reference_used") == 2);
    CHECK(store.lastExport() == "2026-11-20T16:00:00Z");
    CHECK_FALSE(store.lastReceipt());
    CHECK(store.priorityUnconfirmed() == 1);
    CHECK(store.oldestUnconfirmed() == "2026-11-20T09:00:00Z");
    // A receipt for the exported row is taken at once.
    Receipt receipt{newUuid(), "k", {}, "2026-11-23T09:00:00Z", {{rows[0].id, sealedHash(rows[0].sealed)}}};
    CHECK(store.applyReceipt(receipt, "2026-11-23T09:00:00Z").marked == 1);
    CHECK(store.count("received") == 1);
}

TEST_CASE("a version 4 database opened to read is read as it is, and its new questions answered") {
    TempDir dir;
    {
        Db old(dir / "kiosk.db");
        old.exec(readFile(TEST_DATA_DIR "/schema-v4.sql").c_str());
    }
    SubmissionStore store(dir / "kiosk.db", Access::ReadOnly);
    CHECK(store.unconfirmed().size() == 2);
    CHECK(store.waiting().size() == 1);
    CHECK_FALSE(store.lastReceipt());
    CHECK(store.lastExport() == "2026-11-20T16:00:00Z");
    CHECK(store.confirmedFromQuarantine().empty());
    CHECK(store.priorityUnconfirmed() == 1);
    Db check(dir / "kiosk.db", Access::ReadOnly);
    CHECK(check.queryInt("PRAGMA user_version") == 4);
}

TEST_CASE("a version 1 database opened to read answers the questions of later versions") {
    TempDir dir;
    {
        Db old(dir / "kiosk.db");
        old.exec(readFile(TEST_DATA_DIR "/schema-v1.sql").c_str());
    }
    SubmissionStore store(dir / "kiosk.db", Access::ReadOnly);
    CHECK(store.unconfirmed().size() == 1);
    CHECK_FALSE(store.lastExport());
    CHECK_FALSE(store.lastReceipt());
    CHECK(store.confirmedFromQuarantine().empty());
}

TEST_CASE("upgrading to version 5 leaves no copy of rows deleted before secure deletion") {
    TempDir dir;
    std::vector<unsigned char> gone(3000);
    randombytes_buf(gone.data(), gone.size());
    {
        Db old(dir / "kiosk.db");
        old.exec(readFile(TEST_DATA_DIR "/schema-v4.sql").c_str());
        old.exec("PRAGMA secure_delete = OFF");
        Statement add(old, "INSERT INTO submission (id, created_at, sealed) VALUES ('x', 't', ?)");
        add.bind(1, std::span<const unsigned char>(gone));
        add.run();
        old.exec("DELETE FROM submission WHERE id = 'x'");
    }
    const std::string needle(gone.begin() + 1000, gone.begin() + 1064);
    // Without secure deletion, the bytes of the deleted row are still in the file.
    REQUIRE(kiosk::test::allBytesUnder(dir.path()).find(needle) != std::string::npos);
    {
        SubmissionStore store(dir / "kiosk.db");
        CHECK(store.unconfirmed().size() == 2);
    }
    CHECK(kiosk::test::allBytesUnder(dir.path()).find(needle) == std::string::npos);
}

TEST_CASE("no two children on a kiosk are given the same reference code") {
    TempDir dir;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    store.add(kiosk::test::sealedComplaint("one", team.publicKey), "K7M-4QX");
    // The same code again is refused, and nothing of that submission is kept.
    const auto second = kiosk::test::sealedComplaint("two", team.publicKey);
    CHECK_THROWS_AS(store.add(second, "K7M-4QX"), Error);
    CHECK(store.count("waiting") == 1);
    // A draw that keeps landing on a code already given is drawn again until one is free.
    const std::vector<std::string> draws = {"K7M-4QX", "K7M-4QX", "3HW-AT9"};
    std::size_t next = 0;
    CHECK(store.unusedReference([&] { return draws[next++]; }) == "3HW-AT9");
    CHECK(next == 3);
}

TEST_CASE("the codes given cannot be matched to their submissions' times or priority") {
    TempDir dir;
    SubmissionStore store(dir / "kiosk.db");
    Statement cols(store.db(), "SELECT group_concat(name, ',') FROM pragma_table_info('reference_used')");
    REQUIRE(cols.step());
    CHECK(cols.text(0) == "code");
    // WITHOUT ROWID: kept in the order of the codes, not of when they were given.
    CHECK(store.db().queryText("SELECT sql FROM sqlite_schema WHERE name = 'reference_used'").find("WITHOUT ROWID") !=
          std::string::npos);
}

TEST_CASE("a database from a newer kiosk is refused and left as it is") {
    TempDir dir;
    {
        SubmissionStore store(dir / "kiosk.db");
        store.db().exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_MATCHES(SubmissionStore(dir / "kiosk.db"), Error,
                         Catch::Matchers::Predicate<Error>([](const Error& e) { return e.kind() == Error::Kind::Format; }));
    Db check(dir / "kiosk.db");
    CHECK(check.queryInt("PRAGMA user_version") == 99);
}

TEST_CASE("another program's database is refused, not taken over") {
    TempDir dir;
    {
        Db other(dir / "kiosk.db");
        other.exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('theirs');");
    }
    CHECK_THROWS_AS(SubmissionStore(dir / "kiosk.db"), Error);
    Db check(dir / "kiosk.db");
    CHECK(check.queryText("SELECT x FROM notes") == "theirs");
}

TEST_CASE("a damaged database is quarantined whole and a fresh one takes submissions") {
    TempDir dir;
    const auto team = KeyPair::generate();
    writeBytes(dir / "kiosk.db", std::string(8192, 'x'));
    writeBytes(dir / "kiosk.db-wal", "wal bytes");
    writeBytes(dir / "kiosk.db-shm", "shm bytes");
    auto opened = openOrQuarantine(dir / "kiosk.db", "20261122T100000Z");
    REQUIRE(opened.quarantinedTo);
    CHECK(readFile(dir / "quarantine/kiosk-20261122T100000Z.db") == std::string(8192, 'x'));
    CHECK(readFile(dir / "quarantine/kiosk-20261122T100000Z.db-wal") == "wal bytes");
    // The -shm file is only SQLite's index of the WAL, rebuilt from it; it goes along, not its bytes.
    CHECK(std::filesystem::exists(dir / "quarantine/kiosk-20261122T100000Z.db-shm"));
    (void)kiosk::test::addComplaint(*opened.store, "after", team.publicKey);
    CHECK(opened.store->count("waiting") == 1);
}

TEST_CASE("a quarantine that cannot be made durable is reported as failed, not as done") {
#ifdef __SANITIZE_ADDRESS__
    // With no file descriptor left the sanitizers' runtime fails too (UBSan checks a vtable through a
    // pipe) and reports an error that is not there. The ordinary build runs this test.
    WARN("not run under the sanitizers");
    return;
#endif
    TempDir dir;
    writeBytes(dir / "kiosk.db", std::string(8192, 'x'));
    std::optional<Error> failure;
    {
        const NoFilesOpen noFiles;
        try {
            quarantine(dir / "kiosk.db", "20261122T100000Z");
        } catch (const Error& e) {
            failure = e;
        }
    }
    REQUIRE(failure);
    CHECK(failure->kind() == Error::Kind::File);
    CHECK_THAT(failure->what(), Catch::Contains("quarantine"));
}

TEST_CASE("syncing a folder that cannot be opened throws a file error") {
    TempDir dir;
    try {
        syncFolder(dir / "no-such-folder");
        FAIL("syncFolder did not throw");
    } catch (const Error& e) {
        CHECK(e.kind() == Error::Kind::File);
    }
}

// Found by attacking the staff import: a "receipt" on a USB stick that is a symbolic link to
// /proc/self/pagemap is a regular file whose size reads 0, and holds hundreds of gigabytes.
TEST_CASE("a file whose size says less than it holds is still read no further than the limit") {
    // /proc/self/maps says 0 bytes and holds a few kilobytes: the same lie, small enough to test.
    const std::filesystem::path lying = "/proc/self/maps";
    REQUIRE(std::filesystem::file_size(lying) == 0);
    REQUIRE(readFile(lying).size() > 64);
    try {
        (void)readFile(lying, 64);
        FAIL("readFile read past its limit");
    } catch (const Error& e) {
        CHECK(e.kind() == Error::Kind::Format);
        CHECK_THAT(e.what(), Catch::Contains("/proc/self/maps"));
    }
    CHECK(readFile(lying, 1024 * 1024).size() > 64);
}

TEST_CASE("a database whose pages are damaged is quarantined, and earlier copies are never overwritten") {
    TempDir dir;
    const auto team = KeyPair::generate();
    {
        SubmissionStore store(dir / "kiosk.db");
        for (int i = 0; i < 50; ++i)
            (void)kiosk::test::addComplaint(store, std::string(2000, 'a'), team.publicKey);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    // Scribble over the middle of the file, past the header.
    {
        std::fstream f(dir / "kiosk.db", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096 * 3 + 100);
        const std::string junk(3000, '\x7f');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    auto first = openOrQuarantine(dir / "kiosk.db", "same");
    CHECK(first.quarantinedTo);
    first.store.reset();
    writeBytes(dir / "kiosk.db", std::string(8192, 'y'));
    std::filesystem::remove(dir / "kiosk.db-wal");
    std::filesystem::remove(dir / "kiosk.db-shm");
    auto second = openOrQuarantine(dir / "kiosk.db", "same");
    CHECK(second.quarantinedTo);
    CHECK(std::filesystem::exists(dir / "quarantine/kiosk-same.db"));
    CHECK(readFile(dir / "quarantine/kiosk-same-2.db") == std::string(8192, 'y'));
}

TEST_CASE("an uncommitted transaction is rolled back when it goes out of scope") {
    TempDir dir;
    const auto team = KeyPair::generate();
    SubmissionStore store(dir / "kiosk.db");
    {
        Transaction tx(store.db());
        Statement st(store.db(), "INSERT INTO submission (id, created_at, sealed) VALUES ('x', 'now', x'00')");
        st.run();
    }
    CHECK(store.count("waiting") == 0);
}

namespace {

// Flips one bit of a file in place.
void flipBit(const std::filesystem::path& file, std::uintmax_t byte, int bit) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(byte));
    char c = 0;
    f.get(c);
    c = static_cast<char>(c ^ (1 << bit));
    f.seekp(static_cast<std::streamoff>(byte));
    f.put(c);
}

void copyDatabase(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::filesystem::create_directories(to);
    for (const char* name : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"})
        if (std::filesystem::exists(from / name))
            std::filesystem::copy_file(from / name, to / name, std::filesystem::copy_options::overwrite_existing);
}

} // namespace

// A WAL kept beside the database after its frames were copied into it is a loss waiting to happen:
// after one damaged frame SQLite serves the older pages before it, and the next checkpoint writes
// them back, with no error (PLATFORM.md). A confirmed submission must already be in the database.
TEST_CASE("a bit flipped in the WAL of a killed or closed kiosk loses nothing it had confirmed") {
    TempDir dir;
    const auto team = KeyPair::generate();
    constexpr int kConfirmed = 20;
    auto store = std::make_unique<SubmissionStore>(dir / "kiosk.db");
    for (int i = 0; i < kConfirmed; ++i)
        (void)kiosk::test::addComplaint(*store, "un", team.publicKey);
    // Killed: the files as they are on disk while the kiosk still has them open.
    copyDatabase(dir.path(), dir / "killed");
    store.reset();
    // Closed: the files as a clean close leaves them.
    copyDatabase(dir.path(), dir / "closed");
    for (const char* state : {"killed", "closed"}) {
        const auto wal = dir / state / "kiosk.db-wal";
        const auto walSize = std::filesystem::exists(wal) ? std::filesystem::file_size(wal) : 0;
        for (int trial = 0; trial < 8; ++trial) {
            const auto copy = dir / (std::string(state) + "-" + std::to_string(trial));
            copyDatabase(dir / state, copy);
            if (walSize > 32)
                flipBit(copy / "kiosk.db-wal", 32 + (walSize - 32) * static_cast<std::uintmax_t>(trial) / 8, trial % 8);
            INFO(state << ", WAL of " << walSize << " bytes, trial " << trial);
            auto opened = openOrQuarantine(copy / "kiosk.db", "x");
            CHECK_FALSE(opened.quarantinedTo);
            CHECK(opened.store->count("waiting") == kConfirmed);
        }
    }
}

// Found when the kiosk's start check met a test opening the same new database: both read version
// 1 and both ran the step to 2 ("table export_batch already exists").
TEST_CASE("two connections opening a new database at once migrate it once") {
    for (int round = 0; round < 20; ++round) {
        TempDir dir;
        std::vector<std::thread> openers;
        std::atomic<int> failures = 0;
        for (int i = 0; i < 4; ++i)
            openers.emplace_back([&] {
                try {
                    SubmissionStore store(dir / "kiosk.db");
                } catch (const Error& e) {
                    WARN(e.what());
                    ++failures;
                }
            });
        for (auto& t : openers)
            t.join();
        CHECK(failures == 0);
        CHECK(SubmissionStore(dir / "kiosk.db").count("waiting") == 0);
    }
}
