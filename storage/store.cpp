#include <storage/store.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/store_detail.hpp>
#include <storage/keys.hpp>

#include <array>
#include <chrono>
#include <thread>
#include <memory>
#include <sodium.h>
#include <sqlite3.h>

namespace kiosk::storage {

namespace detail {

// BLAKE2b-256 of what goes into a bundle: the id, the time, the priority flag and the sealed
// bytes (FORMAT.md), so that damage to any of them is found before they are sent.
std::vector<unsigned char> checksumOf(std::string_view id, std::string_view createdAt, bool priority,
                                      std::span<const unsigned char> sealed) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    const auto part = [&state](std::string_view text) {
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>("\0"), 1);
    };
    part(id);
    part(createdAt);
    part(priority ? "1" : "0");
    crypto_generichash_update(&state, sealed.data(), sealed.size());
    std::vector<unsigned char> out(crypto_generichash_BYTES);
    crypto_generichash_final(&state, out.data(), out.size());
    return out;
}

// A row read by "SELECT id, created_at, state, batch, priority, sealed, checksum".
SealedRow rowAt(const Statement& st) {
    SealedRow row{st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0, st.blob(5), true};
    // A row from before checksums, read without migrating, has none to check against.
    row.intact = st.isNull(6) || checksumOf(row.id, row.createdAt, row.priority, row.sealed) == st.blob(6);
    return row;
}

// Whether a table exists: a database opened read-only is read at the version it is.
bool hasTable(Db& db, const char* name) {
    Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    st.bind(1, std::string_view(name));
    return st.step();
}

} // namespace detail

using detail::checksumOf;
using detail::hasTable;
using detail::rowAt;

namespace {

// Each step takes the schema from version (index) to version (index + 1). Never edit a step that
// has shipped: add a new one.
constexpr std::array<const char*, SubmissionStore::kSchemaVersion> kMigrations = {
    // 0 -> 1: the sealed submissions and their plain metadata.
    R"sql(
    CREATE TABLE submission (
        id         TEXT PRIMARY KEY NOT NULL,
        created_at TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'exported', 'received')),
        batch      TEXT,
        priority   INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
        sealed     BLOB NOT NULL
    ) STRICT;
    CREATE INDEX submission_by_state ON submission (state, created_at);
    )sql",
    // 1 -> 2: a record of each export, for staff to see what left the kiosk and when.
    R"sql(
    CREATE TABLE export_batch (
        id          TEXT PRIMARY KEY NOT NULL,
        exported_at TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        count       INTEGER NOT NULL
    ) STRICT;
    )sql",
    // 2 -> 3: every reference code given to a child, so that no two children share one. Kept apart
    // from the submissions and ordered by code, not by when it was given, so that a code cannot be
    // matched to its submission's time or priority flag.
    R"sql(
    CREATE TABLE reference_used (
        code TEXT PRIMARY KEY NOT NULL
    ) STRICT, WITHOUT ROWID;
    )sql",
    // 3 -> 4: a checksum of each row's sealed bytes, checked before they are exported, so that
    // bytes damaged on the tablet are found there rather than by the complaints team after the
    // row was marked exported. Rows stored before have theirs made from their bytes as they are.
    R"sql(
    ALTER TABLE submission ADD COLUMN checksum BLOB;
    )sql",
    // 4 -> 5: receipts. When a row was confirmed received (it is deleted once the kiosk has kept
    // it long enough); each receipt imported, so that importing one again changes nothing; and the
    // rows of quarantined databases (never written to) that a receipt confirmed, so that exports
    // stop carrying them.
    R"sql(
    ALTER TABLE submission ADD COLUMN received_at TEXT;
    CREATE TABLE receipt (
        id          TEXT PRIMARY KEY NOT NULL,
        imported_at TEXT NOT NULL,
        named       INTEGER NOT NULL,
        marked      INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE quarantine_confirmed (
        id   TEXT PRIMARY KEY NOT NULL,
        hash BLOB NOT NULL
    ) STRICT;
    )sql",
    // 5 -> 6: the audit log of staff actions and wrong PINs (FORMAT.md, "Audit log"), never content.
    // AUTOINCREMENT: a seq is never given twice, even once the lines before it were deleted, so that
    // intake can take each line once. The actions and outcomes are audit.cpp's: a new one needs a
    // step that makes this table again.
    R"sql(
    CREATE TABLE audit (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        at      TEXT NOT NULL CHECK (length(at) = 20),
        source  TEXT NOT NULL CHECK (source IN ('screen', 'command')),
        action  TEXT NOT NULL CHECK (action IN ('pin_right', 'pin_wrong', 'pin_waiting', 'set_pin', 'change_pin',
                                                'left', 'left_idle', 'export', 'import_receipt', 'sync_now',
                                                'quarantine_seen', 'provision', 'verify')),
        outcome TEXT NOT NULL CHECK (outcome IN ('done', 'nothing', 'refused', 'failed')),
        count   INTEGER NOT NULL CHECK (count >= 0),
        detail  TEXT NOT NULL CHECK (length(CAST(detail AS BLOB)) <= 200)
    ) STRICT;
    CREATE INDEX audit_by_time ON audit (at);
    )sql",
};

bool isDamageCode(int code) {
    const int primary = code & 0xFF;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// WAL mode is kept in the file, so only a new database changes it. Changing it needs the database
// to itself, and SQLite answers "busy" at once, without waiting, when two connections open a new
// database together (the kiosk's start check and an admin command): try again for a moment.
void useWal(Db& db) {
    for (int attempt = 0;; ++attempt) {
        try {
            if (db.queryText("PRAGMA journal_mode = WAL") != "wal")
                throw Error(Error::Kind::Sqlite, "the database could not be put in WAL mode");
            return;
        } catch (const Error& e) {
            if ((e.code() & 0xFF) != SQLITE_BUSY || attempt == 100)
                throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

// Returns false for a new, empty file.
bool checkIdentity(Db& db) {
    // One statement, so one snapshot: read one at a time, another connection's first migration
    // could land in between and make a new database look like another program's.
    Statement st(db, "SELECT (SELECT application_id FROM pragma_application_id), "
                     "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)");
    if (!st.step())
        throw Error(Error::Kind::Sqlite, "the database's identity could not be read");
    const auto appId = st.integer(0);
    const auto version = st.integer(1);
    const auto objects = st.integer(2);
    if (appId == 0 && version == 0 && objects == 0)
        return false;
    if (appId != SubmissionStore::kApplicationId)
        throw Error(Error::Kind::Format, "this database belongs to another program");
    if (version > SubmissionStore::kSchemaVersion)
        throw Error(Error::Kind::Format, "this database was made by a newer version of the kiosk (schema " +
                                             std::to_string(version) + ")");
    return true;
}

// The waiting rows, or every unconfirmed one (waiting or exported), oldest first.
std::vector<SealedRow> readRows(Db& db, bool alsoExported) {
    // Read-only, a database is read at the version it is: before version 4 it has no checksums.
    const bool hasChecksum = db.queryInt("SELECT user_version FROM pragma_user_version") >= 4;
    std::string sql = hasChecksum ? "SELECT id, created_at, state, batch, priority, sealed, checksum FROM submission "
                                  : "SELECT id, created_at, state, batch, priority, sealed, NULL FROM submission ";
    sql += alsoExported ? "WHERE state IN ('waiting', 'exported') ORDER BY created_at, id"
                        : "WHERE state = 'waiting' ORDER BY created_at, id";
    Statement st(db, sql.c_str());
    std::vector<SealedRow> out;
    while (st.step())
        out.push_back(rowAt(st));
    return out;
}

// VACUUM writes a whole new copy, so it needs as much free space again: on a nearly full disk it
// fails, and the kiosk must still start (the copies left are sealed bytes, as they were before).
// A damaged file is another matter, and goes on to be quarantined.
void vacuumOnce(Db& db) {
    try {
        db.exec("VACUUM");
    } catch (const Error& e) {
        if (isDamageCode(e.code()))
            throw;
    }
    Statement st(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    (void)st.step();
}

void addMissingChecksums(Db& db) {
    Transaction tx(db);
    Statement rows(db, "SELECT id, created_at, priority, sealed FROM submission WHERE checksum IS NULL");
    Statement set(db, "UPDATE submission SET checksum = ? WHERE id = ?");
    while (rows.step()) {
        const auto sum = checksumOf(rows.text(0), rows.text(1), rows.integer(2) != 0, rows.blob(3));
        set.bind(1, std::span<const unsigned char>(sum));
        set.bind(2, rows.text(0));
        set.run();
    }
    tx.commit();
}

// Returns the version the file had before this connection migrated it.
std::int64_t migrate(Db& db) {
    std::int64_t from = -1;
    for (;;) {
        // The version is read inside the write transaction: two connections opening at once (the
        // kiosk starting and an admin command) must not both take the same step.
        Transaction tx(db);
        const auto version = db.queryInt("PRAGMA user_version");
        if (from < 0)
            from = version;
        if (version >= SubmissionStore::kSchemaVersion)
            return from;
        db.exec(kMigrations[static_cast<std::size_t>(version)]);
        db.exec(("PRAGMA application_id = " + std::to_string(SubmissionStore::kApplicationId)).c_str());
        db.exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
        tx.commit();
    }
}

} // namespace

SubmissionStore::SubmissionStore(const std::filesystem::path& file, Access access, Check check)
    : m_db(file, access) {
    try {
        m_empty = !checkIdentity(m_db);
        // Reading is not migrating: a read-only store takes the file as it is.
        if (access == Access::ReadWrite) {
            m_empty = false;
            useWal(m_db);
            m_db.exec("PRAGMA synchronous = FULL");
            // Whatever this connection deletes or moves is overwritten with zeros, in the database
            // and in the WAL pages that carry it: a row deleted after its receipt leaves no copy.
            m_db.exec("PRAGMA secure_delete = ON");
            const auto from = migrate(m_db);
            addMissingChecksums(m_db);
            checkpoint(); // what a killed kiosk committed goes into the database before anything else
            // Before version 5 nothing was deleted securely: copies of rows from before (left in
            // free pages when a row was rewritten) go once, when the file is upgraded.
            if (from > 0 && from < 5)
                vacuumOnce(m_db);
        }
        const bool full = check == Check::Full;
        if (const auto found = m_db.queryText(full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check");
            found != "ok")
            throw Error(Error::Kind::Damaged, std::string("the database failed its ") +
                                                  (full ? "full integrity check (" + found + ")" : "integrity check"));
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::Sqlite && isDamageCode(e.code()))
            throw Error(Error::Kind::Damaged, e.what(), e.code());
        throw;
    }
}

void SubmissionStore::add(const SealedRow& row, std::string_view reference) {
    Transaction tx(m_db);
    Statement code(m_db, "INSERT INTO reference_used (code) VALUES (?)");
    code.bind(1, reference);
    code.run();
    Statement st(m_db, "INSERT INTO submission (id, created_at, state, priority, sealed, checksum) "
                       "VALUES (?, ?, 'waiting', ?, ?, ?)");
    st.bind(1, row.id);
    st.bind(2, row.createdAt);
    st.bind(3, std::int64_t{row.priority ? 1 : 0});
    st.bind(4, std::span<const unsigned char>(row.sealed));
    const auto sum = checksumOf(row.id, row.createdAt, row.priority, row.sealed);
    st.bind(5, std::span<const unsigned char>(sum));
    st.run();
    tx.commit();
    checkpoint();
}

void SubmissionStore::checkpoint() {
    // TRUNCATE: the frames go into the database, which is synced, and the WAL is emptied, so that
    // no copy of a page is left in it to be served in place of the database's own (PLATFORM.md).
    // A reader holding the WAL (an admin command) makes this a partial checkpoint; the next one,
    // or the last connection's close, finishes it.
    Statement st(m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
    (void)st.step();
}

std::string SubmissionStore::unusedReference(const std::function<std::string()>& draw) {
    Statement used(m_db, "SELECT 1 FROM reference_used WHERE code = ?");
    // 20^6 codes: with tens of thousands given, a fresh draw is almost always free at once.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        auto code = draw();
        used.bind(1, code);
        const bool taken = used.step();
        used.reset();
        if (!taken)
            return code;
    }
    throw Error(Error::Kind::Format, "no unused reference code could be found");
}

std::vector<SealedRow> SubmissionStore::waiting() { return m_empty ? std::vector<SealedRow>{} : readRows(m_db, false); }

std::vector<SealedRow> SubmissionStore::unconfirmed() {
    return m_empty ? std::vector<SealedRow>{} : readRows(m_db, true);
}

void SubmissionStore::markExported(const std::vector<std::string>& ids, const std::string& batch,
                                   const std::string& fileName, const std::string& exportedAt) {
    Transaction tx(m_db);
    // An exported row goes again until a receipt confirms it: it then names its latest batch.
    Statement mark(m_db, "UPDATE submission SET state = 'exported', batch = ? "
                         "WHERE id = ? AND state IN ('waiting', 'exported')");
    for (const auto& id : ids) {
        mark.bind(1, batch);
        mark.bind(2, id);
        mark.run();
        if (sqlite3_changes(m_db.handle()) != 1)
            throw Error(Error::Kind::Format, "submission " + id + " is not one the complaints team has still to confirm");
    }
    Statement record(m_db, "INSERT INTO export_batch (id, exported_at, file_name, count) VALUES (?, ?, ?, ?)");
    record.bind(1, batch);
    record.bind(2, exportedAt);
    record.bind(3, fileName);
    record.bind(4, static_cast<std::int64_t>(ids.size()));
    record.run();
    tx.commit();
    checkpoint();
}

int SubmissionStore::count(const std::string& state) {
    if (m_empty)
        return 0;
    Statement st(m_db, "SELECT count(*) FROM submission WHERE state = ?");
    st.bind(1, state);
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

int SubmissionStore::priorityUnconfirmed() {
    if (m_empty)
        return 0;
    return static_cast<int>(
        m_db.queryInt("SELECT count(*) FROM submission WHERE priority = 1 AND state IN ('waiting', 'exported')"));
}

std::optional<std::string> SubmissionStore::oldestUnconfirmed() {
    if (m_empty)
        return std::nullopt;
    Statement st(m_db, "SELECT min(created_at) FROM submission WHERE state IN ('waiting', 'exported')");
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return st.text(0);
}

std::optional<std::string> SubmissionStore::lastExport() {
    if (m_empty || !hasTable(m_db, "export_batch"))
        return std::nullopt;
    Statement st(m_db, "SELECT max(exported_at) FROM export_batch");
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return st.text(0);
}

std::optional<std::string> SubmissionStore::lastReceipt() {
    if (m_empty || !hasTable(m_db, "receipt"))
        return std::nullopt;
    Statement st(m_db, "SELECT max(imported_at) FROM receipt");
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return st.text(0);
}

bool isDamage(const Error& e) {
    return e.kind() == Error::Kind::Damaged || (e.kind() == Error::Kind::Sqlite && isDamageCode(e.code()));
}

} // namespace kiosk::storage
