#pragma once

#include <intake/ledger.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

// intake audit: the kiosks' audit logs (storage/FORMAT.md, "Audit log") in words the team reads.

namespace kiosk::intake {

/// What an audit action means, in plain English ("wrong PIN", "exported submissions").
[[nodiscard]] std::string_view actionWords(std::string_view action);
/// What an outcome means ("done", "nothing to do", "refused", "failed").
[[nodiscard]] std::string_view outcomeWords(std::string_view outcome);
/// Where it was done: "screen" or "command line".
[[nodiscard]] std::string_view sourceWords(std::string_view source);

/// The lines as a table with a heading, newest first as given: the time on this computer's clock,
/// the kiosk, where it was done, what, how it went, the count and the detail.
[[nodiscard]] std::string auditTable(const std::vector<Ledger::AuditRow>& rows);

} // namespace kiosk::intake
