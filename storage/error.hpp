#pragma once

#include <stdexcept>
#include <string>

namespace kiosk::storage {

/// The one error type storage throws: what failed, and the SQLite or libsodium code if there is one.
class Error : public std::runtime_error {
public:
    enum class Kind { Sqlite, Crypto, File, Format, Damaged, NoKey };

    Error(Kind kind, const std::string& what, int code = 0) : std::runtime_error(what), m_kind(kind), m_code(code) {}

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] int code() const { return m_code; }

private:
    Kind m_kind;
    int m_code;
};

} // namespace kiosk::storage
