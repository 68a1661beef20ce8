#include <storage/audit.hpp>

#include <storage/ids.hpp>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace kiosk::storage {
namespace {

// FORMAT.md, "Audit log". The database's CHECK (store.cpp, the step to version 6) names the same
// ones: a new action goes into both, and into FORMAT.md, together.
constexpr std::array<std::string_view, 13> kActions = {
    "pin_right", "pin_wrong", "pin_waiting",    "set_pin",  "change_pin",      "left",      "left_idle",
    "export",    "import_receipt", "sync_now", "quarantine_seen", "provision", "verify"};
constexpr std::array<std::string_view, 4> kOutcomes = {"done", "nothing", "refused", "failed"};

bool isOneOf(const auto& names, const std::string& value) {
    return std::find(names.begin(), names.end(), value) != names.end();
}

// How long the well-formed UTF-8 character at text[i] is (no overlong form, no surrogate, nothing
// past U+10FFFF), or 0 if none starts there.
std::size_t utf8At(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
        length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4)
        length = 4;
    if (length == 0 || i + length > text.size())
        return 0;
    char32_t point = lead & (length == 2 ? 0x1Fu : length == 3 ? 0x0Fu : 0x07u);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80)
            return 0;
        point = (point << 6) | (next & 0x3Fu);
    }
    if ((length == 3 && point < 0x800) || (length == 4 && point < 0x10000) || point > 0x10FFFF ||
        (point >= 0xD800 && point <= 0xDFFF))
        return 0;
    return length;
}

// A bundle is JSON, which cannot carry anything but UTF-8, so a line that could not be exported is
// refused when recorded.
bool isUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8At(text, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

bool isControl(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
}

// A line break or other control character in a detail would let it pass for more than one line
// where the log is printed (intake audit).
bool hasControl(std::string_view text) { return std::any_of(text.begin(), text.end(), isControl); }

} // namespace

bool isAuditAction(const std::string& action) { return isOneOf(kActions, action); }

bool isAuditOutcome(const std::string& outcome) { return isOneOf(kOutcomes, outcome); }

std::string auditLineProblem(const AuditEntry& entry) {
    if (!isAuditAction(entry.action))
        return "has an unknown action";
    if (!isAuditOutcome(entry.outcome))
        return "has an unknown outcome";
    if (entry.source != "screen" && entry.source != "command")
        return "has a source other than screen or command";
    if (!parseIsoUtc(entry.at))
        return "has a time not written YYYY-MM-DDTHH:MM:SSZ";
    if (entry.count < 0)
        return "has a negative count";
    if (entry.detail.size() > kAuditDetailMaxBytes)
        return "has a detail longer than " + std::to_string(kAuditDetailMaxBytes) + " bytes";
    if (!isUtf8(entry.detail))
        return "has a detail that is not UTF-8";
    if (hasControl(entry.detail))
        return "has a control character in its detail";
    return {};
}

std::string fitAuditDetail(std::string_view text) {
    std::vector<std::string_view> characters;
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = isControl(text[i]) ? 0 : utf8At(text, i);
        characters.push_back(length == 0 ? std::string_view("?") : text.substr(i, length));
        bytes += characters.back().size();
        i += length == 0 ? 1 : length;
    }
    const std::string_view mark = "...";
    auto first = characters.begin();
    if (bytes > kAuditDetailMaxBytes) {
        std::size_t kept = mark.size();
        first = characters.end();
        while (first != characters.begin() && kept + (first - 1)->size() <= kAuditDetailMaxBytes)
            kept += (--first)->size();
    }
    std::string out(first == characters.begin() ? std::string_view() : mark);
    for (auto c = first; c != characters.end(); ++c)
        out += *c;
    return out;
}

} // namespace kiosk::storage
