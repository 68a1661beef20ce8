#include <core/sync_worker.hpp>

#include <core/local_time.hpp>
#include <core/staff_actions.hpp>
#include <core/status.hpp>
#include <core/sync_state.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <utility>

namespace kiosk::core {
namespace {

using Clock = std::chrono::system_clock;

void importReceipts(const Identity& identity, Clock::time_point now, SyncRound& round) {
    const auto& folder = identity.sync->folder;
    for (const auto& file : receiptFilesIn(folder)) {
        try {
            const auto imported = importReceipt(identity, file, now);
            if (imported.outcome == ReceiptImport::Outcome::ForAnotherKiosk) {
                ++round.receiptsForOthers; // another kiosk sharing the folder takes it
                continue;
            }
            if (imported.outcome == ReceiptImport::Outcome::Refused) {
                round.problems.push_back(imported.why);
                continue;
            }
            // Applied (or applied before): the receipt has done its work here.
            std::filesystem::remove(file);
            ++round.receiptsImported;
            std::fprintf(stderr, "kiosk: sync: imported %s: %d submission(s) confirmed, %d deleted\n",
                         file.filename().c_str(), imported.applied.marked, imported.deleted);
        } catch (const std::exception& e) {
            round.problems.push_back(file.string() + " could not be imported: " + e.what());
        }
    }
    if (round.receiptsImported > 0)
        storage::syncFolder(folder);
}

void exportIfDue(const Identity& identity, Clock::time_point now, bool asked, SyncRound& round) {
    const auto status = readStatus(identity, now);
    const int sendable = status.waiting + status.exported - static_cast<int>(status.damaged.size()) +
                         status.quarantinedUnconfirmed;
    const auto lastExport = status.lastExport ? parseIsoUtc(*status.lastExport) : std::nullopt;
    round.action = asked && sendable > 0
                       ? SyncAction::ExportAsked
                       : nextSyncAction(*identity.sync, storage::WorkingDays(identity.closures), now, lastExport,
                                        sendable > 0);
    if (round.action == SyncAction::Wait)
        return;
    round.exported = exportUnconfirmed(identity, identity.sync->folder);
    if (round.exported->count > 0)
        std::fprintf(stderr, "kiosk: sync: exported %zu submission(s) to %s\n", round.exported->count,
                     round.exported->file.c_str());
    if (!round.exported->damaged.empty())
        round.problems.push_back(
            std::to_string(round.exported->damaged.size()) +
            " submission(s) are damaged and cannot be sent; \"kiosk admin status\" names them.");
}

// sync-state.json changes only when something was done or the problem changed, so that a folder
// that stays missing costs no write (and no line in the journal) every check.
void record(const Identity& identity, const SyncRound& round, bool didSomething, Clock::time_point now) {
    const auto file = identity.syncStateFile();
    const SyncState before = readSyncState(file);
    SyncState after = before;
    std::string problem;
    for (const auto& p : round.problems)
        problem += (problem.empty() ? "" : " ") + p;
    after.problem = problem;
    if (problem != before.problem || (didSomething && problem.empty()))
        after.lastAttempt = storage::isoUtc(now);
    if (didSomething && problem.empty())
        after.lastSuccess = storage::isoUtc(now);
    if (problem != before.problem) {
        if (problem.empty())
            std::fprintf(stderr, "kiosk: sync: the folder %s works again\n", identity.sync->folder.c_str());
        else
            std::fprintf(stderr, "kiosk: sync: %s%s It will be tried again.\n", problem.c_str(),
                         problem.back() == '.' ? "" : ".");
    }
    if (after == before)
        return;
    try {
        writeSyncState(file, after);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: sync: %s could not be written: %s\n", file.c_str(), e.what());
    }
}

} // namespace

SyncAction nextSyncAction(const SyncSettings& settings, const storage::WorkingDays& days,
                          Clock::time_point now, std::optional<Clock::time_point> lastExport,
                          bool hasUnconfirmed) {
    if (!hasUnconfirmed)
        return SyncAction::Wait;
    if (!lastExport)
        return SyncAction::ExportFirst;
    if (*lastExport > now)
        return SyncAction::ExportInterval; // the clock was set back: waiting for it could take days
    if (days.isWorkingDay(storage::localDate(now))) {
        const auto dailyAt = localTimeOn(now, settings.dailyAtMinutes);
        if (now >= dailyAt && *lastExport < dailyAt)
            return SyncAction::ExportDaily;
    }
    if (now - *lastExport >= std::chrono::minutes(settings.exportEveryMinutes))
        return SyncAction::ExportInterval;
    return SyncAction::Wait;
}

SyncRound syncOnce(const Identity& identity, Clock::time_point now, bool asked) {
    SyncRound round;
    try {
        const auto& folder = identity.sync->folder;
        if (!std::filesystem::is_directory(folder))
            throw storage::Error(storage::Error::Kind::File,
                                 "the sync folder " + folder.string() +
                                     " is not there. Is the network share mounted? Ask IT; meanwhile "
                                     "\"kiosk admin export --to DIR\" exports to a USB stick.");
        importReceipts(identity, now, round);
        (void)forgetReceived(identity, now);
        exportIfDue(identity, now, asked, round);
    } catch (const std::exception& e) {
        round.problems.push_back(e.what());
    }
    const bool didSomething = round.receiptsImported > 0 || round.action != SyncAction::Wait;
    record(identity, round, didSomething, now);
    return round;
}

struct SyncWorker::Shared {
    explicit Shared(Identity id) : identity(std::move(id)) {}
    const Identity identity;
    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    bool stopping = false;
    bool poked = false;
    bool asked = false; // staff asked for a round: the next exports whatever is sendable
    std::uint64_t answered = 0;           // rounds staff asked for, finished
    std::optional<SyncRound> lastAnswer;  // the last of them
    bool finished = false;
    std::uint64_t started = 0; // rounds begun
    std::uint64_t rounds = 0;  // rounds finished
    std::optional<SyncRound> last;
};

SyncWorker::SyncWorker(Identity identity) : m_shared(std::make_shared<Shared>(std::move(identity))) {
    // The thread holds the shared state itself: if stop() gives up on a round stuck in a hung share,
    // the thread finishes later on state that is still there.
    m_thread = std::thread([shared = m_shared] {
        const auto every = std::chrono::seconds(shared->identity.sync->checkEverySeconds);
        for (;;) {
            bool asked = false;
            {
                std::lock_guard lock(shared->mutex);
                ++shared->started;
                asked = std::exchange(shared->asked, false);
                shared->poked = false; // this round answers every poke made before it began
            }
            auto round = syncOnce(shared->identity, Clock::now(), asked);
            std::unique_lock lock(shared->mutex);
            ++shared->rounds;
            if (asked) {
                // Kept apart from `last`: a round poked by a save may finish before staff read theirs.
                shared->lastAnswer = round;
                ++shared->answered;
            }
            shared->last = std::move(round);
            shared->changed.notify_all();
            shared->changed.wait_for(lock, every, [&] { return shared->stopping || shared->poked; });
            shared->poked = false;
            if (shared->stopping)
                break;
        }
        std::lock_guard lock(shared->mutex);
        shared->finished = true;
        shared->changed.notify_all();
    });
}

SyncWorker::~SyncWorker() {
    stop();
}

void SyncWorker::poke() {
    std::lock_guard lock(m_shared->mutex);
    m_shared->poked = true;
    m_shared->changed.notify_all();
}

std::optional<SyncRound> SyncWorker::roundNow(std::chrono::milliseconds patience) {
    std::unique_lock lock(m_shared->mutex);
    // A round already under way may have looked at the folder before staff asked: only the next
    // asked-for round to begin answers them (one asked for already and not yet begun will do).
    const std::uint64_t answering = m_shared->answered + 1;
    m_shared->poked = true;
    m_shared->asked = true;
    m_shared->changed.notify_all();
    if (!m_shared->changed.wait_for(lock, patience, [&] { return m_shared->answered >= answering; }))
        return std::nullopt;
    return m_shared->lastAnswer;
}

void SyncWorker::stop(std::chrono::milliseconds patience) {
    if (!m_thread.joinable())
        return;
    std::unique_lock lock(m_shared->mutex);
    m_shared->stopping = true;
    m_shared->changed.notify_all();
    const bool finished = m_shared->changed.wait_for(lock, patience, [&] { return m_shared->finished; });
    lock.unlock();
    if (finished) {
        m_thread.join();
        return;
    }
    std::fprintf(stderr, "kiosk: sync: the folder %s is not answering; closing without waiting for it\n",
                 m_shared->identity.sync->folder.c_str());
    m_thread.detach();
}

std::uint64_t SyncWorker::rounds() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->rounds;
}

bool SyncWorker::waitForRounds(std::uint64_t n, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_shared->mutex);
    return m_shared->changed.wait_for(lock, timeout, [&] { return m_shared->rounds >= n; });
}

} // namespace kiosk::core
