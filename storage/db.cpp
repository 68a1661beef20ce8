#include <storage/db.hpp>

#include <storage/error.hpp>

#include <sqlite3.h>

#include <cctype>

namespace kiosk::storage {
namespace {

// Messages name the operation and SQLite's own words, never bound values.
[[noreturn]] void fail(sqlite3* db, int rc, const char* doing) {
    std::string message = std::string(doing) + ": " + sqlite3_errstr(rc);
    if (db != nullptr)
        message += " (" + std::string(sqlite3_errmsg(db)) + ")";
    throw Error(Error::Kind::Sqlite, message, rc);
}

// A path as a file: URI, every byte but the unreserved ones percent-encoded.
std::string fileUri(const std::filesystem::path& file) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (const char c : std::filesystem::absolute(file).string()) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            uri += c;
        } else {
            uri += '%';
            uri += kHex[u >> 4];
            uri += kHex[u & 15];
        }
    }
    return uri;
}

// Reading changes nothing on disk. A read-only connection to a WAL database still makes the -wal
// and -shm files where they are missing. With no -shm (no connection open) and no WAL content to
// read, the file is opened as immutable and nothing is made. Otherwise (a kiosk running, or
// killed with transactions in its WAL) the connection reads through them as SQLite must, which
// updates the -shm index in place but makes nothing.
std::string readOnlyUri(const std::filesystem::path& file) {
    auto wal = file;
    wal += "-wal";
    auto shm = file;
    shm += "-shm";
    const bool walEmpty = !std::filesystem::exists(wal) || std::filesystem::file_size(wal) == 0;
    return fileUri(file) + (walEmpty && !std::filesystem::exists(shm) ? "?immutable=1" : "?mode=ro");
}

} // namespace

Db::Db(const std::filesystem::path& file, Access access) {
    int rc = SQLITE_OK;
    if (access == Access::ReadOnly) {
        if (!std::filesystem::exists(file))
            throw Error(Error::Kind::File, "there is no database at " + file.string(), SQLITE_CANTOPEN);
        rc = sqlite3_open_v2(readOnlyUri(file).c_str(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    } else {
        rc = sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    }
    if (rc != SQLITE_OK) {
        const int code = m_db != nullptr ? sqlite3_extended_errcode(m_db) : rc;
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(Error::Kind::Sqlite, "cannot open database: " + std::string(sqlite3_errstr(code)), code);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Keep the -wal file when the connection closes: closing a connection to a damaged database
    // would otherwise delete it, and a quarantine must take the database whole. It is kept empty:
    // SubmissionStore checkpoints with TRUNCATE after every commit, so no page copy lingers in it.
    int persist = 1;
    sqlite3_file_control(m_db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    sqlite3_busy_timeout(m_db, 5000);
}

Db::~Db() { sqlite3_close_v2(m_db); }

void Db::exec(const char* sql) {
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "exec");
}

std::int64_t Db::queryInt(const char* sql) {
    Statement st(*this, sql);
    return st.step() ? st.integer(0) : 0;
}

std::string Db::queryText(const char* sql) {
    Statement st(*this, sql);
    return st.step() ? st.text(0) : std::string();
}

Statement::Statement(Db& db, const char* sql) : m_db(db.handle()) {
    const int rc = sqlite3_prepare_v2(m_db, sql, -1, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "prepare");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::bind(int index, std::string_view text) {
    const int rc = sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
}

void Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
}

void Statement::bind(int index, std::span<const unsigned char> blob) {
    const int rc = sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, rc, "step");
}

void Statement::run() {
    if (step())
        throw Error(Error::Kind::Sqlite, "statement returned a row where none was expected");
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p != nullptr ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::vector<unsigned char> Statement::blob(int column) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p != nullptr ? std::vector<unsigned char>(p, p + n) : std::vector<unsigned char>();
}

Transaction::Transaction(Db& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!m_done)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace kiosk::storage
