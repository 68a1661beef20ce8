#pragma once

#include <filesystem>
#include <string>

namespace kiosk::core {

/// What the sync worker last recorded about its folder, for `admin status` (sync-state.json in the
/// data folder). Times are ISO 8601 UTC; an empty string means never.
struct SyncState {
    std::string lastAttempt; // the last time it exported or imported, or failed to
    std::string lastSuccess; // the last time that went through
    std::string problem;     // what went wrong the last time, for staff; empty if it went through
    bool operator==(const SyncState&) const = default;
};

/// Reads the state; a missing file is an empty state, and one that cannot be read says so in
/// `problem` (it is only a record, never a reason to stop).
[[nodiscard]] SyncState readSyncState(const std::filesystem::path& file);

/// Writes the state atomically. Throws storage::Error if it cannot.
void writeSyncState(const std::filesystem::path& file, const SyncState& state);

} // namespace kiosk::core
