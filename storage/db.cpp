#include <storage/db.hpp>

#include <storage/error.hpp>

#include <sqlite3.h>

namespace kiosk::storage {
namespace {

// Messages name the operation and SQLite's own words, never bound values.
[[noreturn]] void fail(sqlite3* db, int rc, const char* doing) {
    std::string message = std::string(doing) + ": " + sqlite3_errstr(rc);
    if (db != nullptr)
        message += " (" + std::string(sqlite3_errmsg(db)) + ")";
    throw Error(Error::Kind::Sqlite, message, rc);
}

} // namespace

Db::Db(const std::filesystem::path& file, Access access) {
    const int flags = access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(file.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const int code = m_db != nullptr ? sqlite3_extended_errcode(m_db) : rc;
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(Error::Kind::Sqlite, "cannot open database: " + std::string(sqlite3_errstr(code)), code);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Keep the -wal file when the connection closes. Otherwise closing a connection to a damaged
    // database deletes it, and the quarantine would lose the last transactions it holds.
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
