#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::storage {

/// One line of the kiosk's audit log (FORMAT.md, "Audit log"): a staff action or a wrong PIN, when
/// and how it went. Never content: no answer, no reference code, no PIN.
struct AuditEntry {
    std::int64_t seq = 0; // given by the database when recorded: rising, never reused
    std::string at;       // ISO 8601 UTC
    std::string source;   // "screen" or "command"
    std::string action;   // "pin_right", "pin_wrong", "export", ... (FORMAT.md lists them)
    std::string outcome;  // "done", "nothing", "refused", "failed"
    int count = 0;        // submissions it concerned, where that means something
    std::string detail;   // a drive's, folder's or file's name; may be empty
    bool operator==(const AuditEntry&) const = default;
};

/// How long the kiosk keeps audit lines, and how far back each bundle carries them.
inline constexpr int kAuditKeptDays = 400;
inline constexpr int kAuditBundledDays = 31;

/// The longest detail a line may carry, in bytes.
inline constexpr std::size_t kAuditDetailMaxBytes = 200;

/// True for an action and outcome FORMAT.md names (a bundle or database with others is refused).
[[nodiscard]] bool isAuditAction(const std::string& action);
[[nodiscard]] bool isAuditOutcome(const std::string& outcome);

/// What is wrong with a line's fields other than seq, as the end of a sentence ("has an unknown
/// action"), or empty if nothing is: an unknown action, outcome or source, a time that is not ISO
/// 8601 UTC, a negative count, a detail longer than kAuditDetailMaxBytes, not UTF-8, or holding a
/// control character. The store and the bundle reader refuse such a line.
[[nodiscard]] std::string auditLineProblem(const AuditEntry& entry);

/// A detail as the audit log takes it: a folder's name may hold any bytes, so one that is not a
/// character there (a control character, a byte of no UTF-8 character) becomes '?', and a name too
/// long keeps its end, where a path's own folder name is, after "...".
[[nodiscard]] std::string fitAuditDetail(std::string_view text);

} // namespace kiosk::storage
