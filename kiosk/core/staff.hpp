#pragma once

#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <flow/staff.hpp>
#include <storage/error.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

// What staff do, the same from the staff screen and from `kiosk admin`: each action says what
// happened as a flow::StaffMessage (drawn in the staff's language on the screen, printed by the
// command line), and is written to the audit log without content.

namespace kiosk::core {

/// Where a staff action came from, for the audit log.
enum class Source { Screen, Command };

/// Adds a line to the audit log (storage::AuditEntry). Never throws: a database that cannot be
/// written is told to the journal instead, because the action itself has already happened.
void audit(const Identity& identity, Source source, const std::string& action, const std::string& outcome,
           int count = 0, const std::string& detail = {});

/// The audit log's outcome for what an action said: "done", "nothing", "refused" (nothing was
/// changed: a wrong PIN, a folder missing, full or read-only) or "failed".
[[nodiscard]] const char* auditOutcome(flow::StaffMessage::Kind kind);

/// Why writing into a folder failed, as staff can act on it: FolderMissing, FolderFull,
/// FolderReadOnly, or FolderFailed; StorageFailed for an error of the kiosk's own.
[[nodiscard]] flow::StaffMessage::Kind folderProblem(const std::filesystem::path& folder,
                                                     const storage::Error& e);

/// Exports everything unconfirmed into a folder (exportUnconfirmed) and says what happened; a
/// folder that is missing, full or read-only changes nothing and says which. `name` is how staff
/// know the folder (a drive's label), or empty to use the path.
[[nodiscard]] flow::StaffMessage exportForStaff(const Identity& identity, const std::filesystem::path& folder,
                                                const std::string& name, Source source);

/// Imports every receipt for this kiosk found in a folder (the top level of a USB stick).
[[nodiscard]] flow::StaffMessage importReceiptsFrom(const Identity& identity, const std::filesystem::path& folder,
                                                    const std::string& name, Source source);

/// Sets a new PIN (setPin) and says so, or why not.
[[nodiscard]] flow::StaffMessage changePin(const Identity& identity, std::string_view pin, Source source);

/// Records that staff have seen the newest quarantined database ("quarantine_seen", its folder's
/// name), so that the kiosk takes submissions again (whyCannotStore stops naming it).
[[nodiscard]] flow::StaffMessage seeQuarantine(const Identity& identity, Source source);

/// A sync round's result as a message (syncOnce, or SyncWorker::roundNow).
[[nodiscard]] flow::StaffMessage syncMessage(const struct SyncRound& round);

/// Everything the dashboard shows, read without changing anything (readStatus, the audit log's
/// last 20 lines, the keys' fingerprints), times in local time.
[[nodiscard]] flow::Dashboard readDashboard(const Identity& identity, flow::CannotStore cannotStore,
                                            const std::string& cannotStoreDetail,
                                            std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// The removable drives mounted by the system (from /proc/self/mounts: mounts under /media or
/// /run/media whose block device, or its parent, is removable in /sys/class/block), by label.
[[nodiscard]] std::vector<flow::Drive> removableDrives(const std::filesystem::path& mounts = "/proc/self/mounts",
                                                       const std::filesystem::path& sysBlock = "/sys/class/block");

} // namespace kiosk::core
