#include <storage/strict_json.hpp>

#include <storage/calendar.hpp>
#include <storage/keys.hpp>
#include <storage/rules.hpp>

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace kiosk::storage {

nlohmann::json parseStrict(std::string_view json, const std::string& what) {
    std::vector<std::set<std::string>> seen;
    bool repeated = false;
    const auto callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::object_start)
            seen.emplace_back();
        else if (event == nlohmann::json::parse_event_t::object_end && !seen.empty())
            seen.pop_back();
        else if (event == nlohmann::json::parse_event_t::key && !seen.empty())
            repeated = repeated || !seen.back().insert(parsed.get<std::string>()).second;
        return true;
    };
    auto j = nlohmann::json::parse(json, callback, false);
    if (j.is_discarded())
        throw Error(Error::Kind::Format, what + " is not complete, valid JSON in UTF-8");
    if (repeated)
        throw Error(Error::Kind::Format, what + " names a field twice");
    return j;
}

bool isIsoTime(std::string_view text) {
    // 2026-11-22T10:31:02Z
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        return false;
    if (!isIsoDateText(text.substr(0, 10)))
        return false;
    const auto number = [&](std::size_t at, int max) {
        const char a = text[at];
        const char b = text[at + 1];
        if (std::isdigit(static_cast<unsigned char>(a)) == 0 ||
            std::isdigit(static_cast<unsigned char>(b)) == 0)
            return false;
        return (a - '0') * 10 + (b - '0') <= max;
    };
    return number(11, 23) && number(14, 59) && number(17, 59);
}

bool isIsoDateText(std::string_view text) {
    return parseIsoDate(text).has_value();
}

std::string JsonReader::uuid(std::string_view name) const {
    auto text = string(name);
    if (!isUuidV4(text))
        wrongForm(name, "a lower-case version 4 UUID");
    return text;
}

std::string JsonReader::time(std::string_view name) const {
    auto text = string(name);
    if (!isIsoTime(text))
        wrongForm(name, "a time written YYYY-MM-DDTHH:MM:SSZ");
    return text;
}

std::vector<unsigned char> JsonReader::bytes(std::string_view name) const {
    const auto& v = at(name);
    if (!v.is_string())
        wrongType(name);
    // Decoded from the document's own string, not a copy: secret keys come this way, and every
    // copy of them would have to be wiped.
    try {
        return fromBase64(v.get_ref<const std::string&>());
    } catch (const Error&) {
        wrongForm(name, "base64 (standard alphabet, with padding, spelt canonically)");
    }
}

void JsonReader::decodeExactly(std::string_view name, unsigned char* out, std::size_t size) const {
    auto decoded = bytes(name);
    const bool fits = decoded.size() == size;
    if (fits)
        std::copy(decoded.begin(), decoded.end(), out);
    sodium_memzero(decoded.data(), decoded.size());
    if (!fits)
        wrongForm(name, std::to_string(size) + " bytes in base64");
}

void JsonReader::onlyFields(std::initializer_list<std::string_view> names) const {
    for (const auto& item : m_j.items())
        if (std::find(names.begin(), names.end(), item.key()) == names.end())
            throw Error(Error::Kind::Format, m_what + " has a field this program does not know");
}

void wipeString(std::string& text) {
    text.resize(text.capacity());
    sodium_memzero(text.data(), text.size());
    text.clear();
}

} // namespace kiosk::storage
