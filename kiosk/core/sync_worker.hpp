#pragma once

#include <core/identity.hpp>
#include <storage/calendar.hpp>
#include <storage/export.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::core {

/// Whether the sync worker exports now, and why.
enum class SyncAction {
    Wait,           // nothing unconfirmed, or it left recently enough
    ExportFirst,    // something is unconfirmed and this kiosk has never exported
    ExportDaily,    // a working day past daily_at, and nothing has left since daily_at today
    ExportInterval, // export_every_minutes have passed since the last export
    ExportAsked,    // staff asked for a sync now (the screen's "Sync now", `kiosk admin sync`)
};

/// The sync worker's decision, a pure function of the settings and the time (local time for
/// daily_at and the working day), so that it is tested without waiting.
[[nodiscard]] SyncAction nextSyncAction(const SyncSettings& settings, const storage::WorkingDays& days,
                                        std::chrono::system_clock::time_point now,
                                        std::optional<std::chrono::system_clock::time_point> lastExport,
                                        bool hasUnconfirmed);

/// What one round of syncing did.
struct SyncRound {
    int receiptsImported = 0;  // applied and removed from the folder
    int receiptsForOthers = 0; // for other kiosks: left where they are
    SyncAction action = SyncAction::Wait;
    std::optional<storage::ExportResult> exported;
    std::vector<std::string> problems; // for staff; recorded in sync-state.json
};

/// One round with the kiosk's sync folder: imports every receipt for this kiosk found there
/// (removing each once applied), deletes received rows past their keeping time, and exports there
/// if nextSyncAction says so. Records what happened in sync-state.json when that changes. Never
/// throws: a folder that is missing, full or read-only is a problem reported, and tried again.
/// Asked by staff (`asked`), it exports whatever is sendable, whatever the interval.
[[nodiscard]] SyncRound syncOnce(const Identity& identity, std::chrono::system_clock::time_point now,
                                 bool asked = false);

/// Runs syncOnce on a thread of its own (never the effect runner's, so that a network share that
/// hangs never delays a child's save) every check_every_seconds, or at once when poked.
class SyncWorker {
public:
    /// Starts at once with a first round. The identity must have sync settings.
    explicit SyncWorker(Identity identity);
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;
    ~SyncWorker();

    /// Wakes the worker for a round now (after a save, so that a new submission leaves promptly
    /// when the export interval allows).
    void poke();
    /// Pokes the worker for a round that exports whatever is sendable (staff asked), and waits for it, at most `patience`; nothing if the
    /// folder did not answer in time (the round goes on by itself).
    [[nodiscard]] std::optional<SyncRound> roundNow(std::chrono::milliseconds patience);
    /// Stops the worker, waiting at most `patience` for a round under way; a round stuck in a hung
    /// network share is left to finish on its own, so that the kiosk can still close.
    void stop(std::chrono::milliseconds patience = std::chrono::seconds(5));
    /// How many rounds have finished.
    [[nodiscard]] std::uint64_t rounds() const;
    /// Waits until at least n rounds have finished; false if that took longer than timeout.
    [[nodiscard]] bool waitForRounds(std::uint64_t n, std::chrono::milliseconds timeout) const;

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared; // also held by the thread, which may outlive this after stop()
    std::thread m_thread;
};

} // namespace kiosk::core
