#pragma once

#include <core/identity.hpp>
#include <core/sync_state.hpp>
#include <storage/calendar.hpp>
#include <storage/ids.hpp>
#include <storage/store.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

/// What staff are told about the kiosk.
struct Status {
    int waiting = 0;  // sealed submissions never exported
    int exported = 0; // exported, not yet confirmed by the complaints team with a receipt
    int received = 0; // confirmed by a receipt, kept until keep_received_days have passed
    int priority = 0; // unconfirmed ones made after "I don't feel safe" was pressed
    std::optional<std::string> oldestUnconfirmed; // when the oldest unconfirmed one was made
    std::optional<storage::Date> acknowledgeBy;   // the day the team should acknowledge that one by
    bool overdue = false;                         // that day has passed
    bool exportDueToday = false; // a working day, and something made before today's closing time has not left
    bool pastClosing = false;    // ...and the centre's closing time (closes_at) has passed
    std::optional<std::string> lastExport;
    std::optional<std::string> lastReceipt;
    std::vector<std::string> damaged; // unconfirmed ones whose bytes fail their checksum: cannot be sent
    std::vector<storage::QuarantineRead> quarantined; // databases moved aside as damaged, as far as they read
    std::vector<std::string> quarantineNotSeen; // their names where staff have not yet seen them: no child is taken
    int quarantinedUnconfirmed = 0; // their rows not yet confirmed by a receipt: they go in every export
    std::uintmax_t freeBytes = 0;   // room left on the disk that holds the data folder
    bool nearlyFull = false;        // under kNearlyFullBytes: staff should have IT make room before it stops
    SyncState sync;                 // what the sync worker last recorded (empty without sync)
    std::string keyProblem;         // the team's key cannot be read (Identity::keyProblem): nothing is stored

    /// Whether staff must act: damaged rows, a quarantined database, a nearly full disk, a sync
    /// problem, a team key that cannot be read.
    [[nodiscard]] bool needsAttention() const {
        return !damaged.empty() || !quarantined.empty() || nearlyFull || !sync.problem.empty() ||
               !keyProblem.empty();
    }
};

/// Free space under which staff are warned that the kiosk will soon refuse children.
inline constexpr std::uintmax_t kNearlyFullBytes = 100u * 1024 * 1024;

/// Reads everything staff are told, changing nothing on disk (a kiosk that has never stored one has
/// no database yet, and none is made). Throws storage::Error.
[[nodiscard]] Status readStatus(const Identity& identity,
                                std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// The status as one JSON object (README, "kiosk admin status --json"): stable field names.
[[nodiscard]] std::string statusJson(const Identity& identity, const Status& status);

using storage::parseIsoUtc;

} // namespace kiosk::core
