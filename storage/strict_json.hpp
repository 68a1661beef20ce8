#pragma once

// Internal to storage: the one strict way every file from outside (a sealed submission, a bundle,
// a receipt, a key file) is read. Nothing is coerced, nothing is named twice, nothing is guessed.

#include <storage/error.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// Parses JSON, refusing a document in which an object names a key twice (a reader would
/// otherwise take the last copy: a second "story" would silently replace the child's words).
/// `what` names the document in the error ("submission", "bundle", ...).
[[nodiscard]] nlohmann::json parseStrict(std::string_view json, const std::string& what);

/// Whether text is a time written as FORMAT.md writes them, "2026-11-22T10:31:02Z", and a real one.
[[nodiscard]] bool isIsoTime(std::string_view text);

/// Whether text is a real date written "2026-11-24".
[[nodiscard]] bool isIsoDateText(std::string_view text);

/// Reads the fields of one JSON object strictly: each present, of its own type, nothing coerced.
/// Errors name the document (`what`) and the field, never a value.
class JsonReader {
public:
    JsonReader(const nlohmann::json& j, std::string what) : m_j(j), m_what(std::move(what)) {
        if (!m_j.is_object())
            throw Error(Error::Kind::Format, m_what + " is not a JSON object");
    }

    [[nodiscard]] const nlohmann::json& at(std::string_view name) const {
        const auto it = m_j.find(name);
        if (it == m_j.end())
            throw Error(Error::Kind::Format, m_what + " has no \"" + std::string(name) + "\"");
        return *it;
    }
    [[nodiscard]] std::string string(std::string_view name) const {
        const auto& v = at(name);
        if (!v.is_string())
            wrongType(name);
        return v.get<std::string>();
    }
    [[nodiscard]] bool boolean(std::string_view name) const {
        const auto& v = at(name);
        if (!v.is_boolean())
            wrongType(name);
        return v.get<bool>();
    }
    // A whole number that fits an int: 2.5, true and 4294967297 are refused, not converted.
    [[nodiscard]] int integer(std::string_view name) const {
        const auto& v = at(name);
        if (!v.is_number_integer())
            wrongType(name);
        constexpr auto kMin = std::numeric_limits<int>::min();
        constexpr auto kMax = std::numeric_limits<int>::max();
        const bool fits = v.is_number_unsigned()
                              ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMax)
                              : v.get<std::int64_t>() >= kMin && v.get<std::int64_t>() <= kMax;
        if (!fits)
            outOfRange(name);
        return v.get<int>();
    }
    // A whole number, 0 or more, that fits a 64-bit integer (a key file's memory limit in bytes).
    [[nodiscard]] std::uint64_t unsignedInteger(std::string_view name) const {
        const auto& v = at(name);
        if (!v.is_number_integer())
            wrongType(name);
        if (!v.is_number_unsigned() && v.get<std::int64_t>() < 0)
            outOfRange(name);
        return v.get<std::uint64_t>();
    }
    [[nodiscard]] std::vector<std::string> strings(std::string_view name) const {
        const auto& v = array(name);
        std::vector<std::string> out;
        for (const auto& item : v) {
            if (!item.is_string())
                wrongType(name);
            out.push_back(item.get<std::string>());
        }
        return out;
    }
    [[nodiscard]] const nlohmann::json& array(std::string_view name) const {
        const auto& v = at(name);
        if (!v.is_array())
            wrongType(name);
        return v;
    }
    /// A lower-case version 4 UUID.
    [[nodiscard]] std::string uuid(std::string_view name) const;
    /// A time written "2026-11-22T10:31:02Z".
    [[nodiscard]] std::string time(std::string_view name) const;
    /// Canonical base64 of exactly N bytes. The decoded copy is wiped: secret keys come this way.
    template <std::size_t N> void bytes(std::string_view name, std::array<unsigned char, N>& out) const {
        decodeExactly(name, out.data(), N);
    }
    /// Canonical base64 of any length.
    [[nodiscard]] std::vector<unsigned char> bytes(std::string_view name) const;

    /// Refuses a field other than these: a known format has exactly its own fields.
    void onlyFields(std::initializer_list<std::string_view> names) const;

    [[noreturn]] void unknownValue(std::string_view name) const {
        throw Error(Error::Kind::Format,
                    m_what + " field \"" + std::string(name) + "\" has an unknown value");
    }
    [[noreturn]] void outOfRange(std::string_view name) const {
        throw Error(Error::Kind::Format, m_what + " field \"" + std::string(name) + "\" is out of range");
    }
    [[noreturn]] void wrongType(std::string_view name) const {
        throw Error(Error::Kind::Format, m_what + " field \"" + std::string(name) + "\" has the wrong type");
    }
    [[noreturn]] void wrongForm(std::string_view name, const std::string& form) const {
        throw Error(Error::Kind::Format, m_what + " field \"" + std::string(name) + "\" is not " + form);
    }

private:
    void decodeExactly(std::string_view name, unsigned char* out, std::size_t size) const;

    const nlohmann::json& m_j;
    std::string m_what;
};

/// Zeroes the whole allocation of a string that held secret bytes, then empties it.
void wipeString(std::string& text);

} // namespace kiosk::storage
