#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::storage {

/// How a database is opened: to change it (created if missing), or only to read an existing one.
enum class Access { ReadWrite, ReadOnly };

/// Owns one SQLite connection.
class Db {
public:
    /// Opens with extended result codes on; throws Error.
    explicit Db(const std::filesystem::path& file, Access access = Access::ReadWrite);
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    /// Runs SQL that takes no parameters and returns no rows.
    void exec(const char* sql);
    /// Runs a PRAGMA or query whose first column of the first row is an integer.
    [[nodiscard]] std::int64_t queryInt(const char* sql);
    /// Runs a query whose first column of the first row is text.
    [[nodiscard]] std::string queryText(const char* sql);

    [[nodiscard]] sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

/// A prepared statement: bind by position (from 1), step, read columns, reset for reuse.
class Statement {
public:
    Statement(Db& db, const char* sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    void bind(int index, std::string_view text);
    void bind(int index, std::int64_t value);
    void bind(int index, std::span<const unsigned char> blob);
    /// Steps once; true if a row is ready to read.
    [[nodiscard]] bool step();
    /// Steps once, expecting no row (INSERT, UPDATE, DELETE).
    void run();
    void reset();

    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::vector<unsigned char> blob(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// BEGIN IMMEDIATE on construction; rolls back in the destructor unless commit() was called.
class Transaction {
public:
    explicit Transaction(Db& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();

private:
    Db& m_db;
    bool m_done = false;
};

} // namespace kiosk::storage
