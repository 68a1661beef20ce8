#include <core/status.hpp>

#include <core/local_time.hpp>
#include <core/on_database.hpp>
#include <storage/ids.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace kiosk::core {

Status readStatus(const Identity& identity, std::chrono::system_clock::time_point now) {
    Status status;
    status.keyProblem = identity.keyProblem;
    status.quarantined = detail::readQuarantine(identity);
    if (identity.sync)
        status.sync = readSyncState(identity.syncStateFile());
    std::error_code ec;
    status.freeBytes = std::filesystem::space(identity.dataDir, ec).available;
    status.nearlyFull = !ec && status.freeBytes < kNearlyFullBytes;
    std::set<std::string> confirmedFromQuarantine;
    std::vector<std::string> waitingMade; // when each waiting one was made
    if (!std::filesystem::exists(identity.databaseFile())) {
        status.quarantineNotSeen = detail::quarantineNotSeen(identity, nullptr);
    } else {
        detail::onDatabase(identity, [&] {
            storage::SubmissionStore store(identity.databaseFile(), storage::Access::ReadOnly);
            status.waiting = store.count("waiting");
            status.exported = store.count("exported");
            status.received = store.count("received");
            status.priority = store.priorityUnconfirmed();
            status.oldestUnconfirmed = store.oldestUnconfirmed();
            status.lastExport = store.lastExport();
            status.lastReceipt = store.lastReceipt();
            for (const auto& row : store.unconfirmed()) {
                if (!row.intact)
                    status.damaged.push_back(row.id);
                if (row.state == "waiting")
                    waitingMade.push_back(row.createdAt);
            }
            for (auto& id : store.confirmedFromQuarantine())
                confirmedFromQuarantine.insert(std::move(id));
            status.quarantineNotSeen = detail::quarantineNotSeen(identity, &store);
            return 0;
        });
    }
    std::vector<std::string> quarantinedMade;
    for (const auto& q : status.quarantined)
        for (const auto& row : q.rows)
            if (confirmedFromQuarantine.count(row.id) == 0) {
                ++status.quarantinedUnconfirmed;
                quarantinedMade.push_back(row.createdAt);
                status.priority += row.priority ? 1 : 0;
                if (!status.oldestUnconfirmed || row.createdAt < *status.oldestUnconfirmed)
                    status.oldestUnconfirmed = row.createdAt;
            }

    const storage::WorkingDays days(identity.closures);
    const auto today = storage::localDate(now);
    if (const auto made = status.oldestUnconfirmed ? parseIsoUtc(*status.oldestUnconfirmed) : std::nullopt) {
        status.acknowledgeBy = days.acknowledgeBy(storage::localDate(*made));
        status.overdue = today > *status.acknowledgeBy;
    }
    // What a child sends after the centre has closed is the next working day's to take to the team.
    const auto closing = localTimeOn(now, identity.closesAtMinutes);
    status.pastClosing = now >= closing;
    const auto anyBeforeClosing = [&](const std::vector<std::string>& made) {
        return std::any_of(made.begin(), made.end(), [&](const std::string& at) {
            const auto t = parseIsoUtc(at);
            return !t || *t < closing; // a time that cannot be read is not left for tomorrow
        });
    };
    // Every export carries everything unconfirmed: once one has left today, only what was made since
    // (waiting) has not.
    const auto lastExport = status.lastExport ? parseIsoUtc(*status.lastExport) : std::nullopt;
    const bool exportedToday = lastExport && storage::localDate(*lastExport) == today;
    status.exportDueToday = days.isWorkingDay(today) &&
                            (anyBeforeClosing(waitingMade) ||
                             (!exportedToday && (status.exported > 0 || anyBeforeClosing(quarantinedMade))));
    return status;
}

std::string statusJson(const Identity& identity, const Status& status) {
    const auto orNull = [](const auto& value) -> nlohmann::json {
        if (!value)
            return nullptr;
        return *value;
    };
    const auto text = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
    // A team key that could not be read was left zero: its fingerprint would name no key at all.
    const auto teamKey = [&](const std::string& fingerprint) {
        return identity.keyProblem.empty() ? nlohmann::json(fingerprint) : nlohmann::json();
    };
    nlohmann::json quarantined = nlohmann::json::array();
    for (const auto& q : status.quarantined) {
        const auto& notSeen = status.quarantineNotSeen;
        const bool seen =
            std::find(notSeen.begin(), notSeen.end(), q.file.filename().string()) == notSeen.end();
        quarantined.push_back({{"file", q.file.string()},
                               {"waiting", q.rows.size()},
                               {"problem", text(q.problem)},
                               {"seen", seen}});
    }
    nlohmann::json sync = nullptr;
    if (identity.sync)
        sync = {{"folder", identity.sync->folder.string()},
                {"last_attempt", text(status.sync.lastAttempt)},
                {"last_success", text(status.sync.lastSuccess)},
                {"problem", text(status.sync.problem)}};
    const nlohmann::json j = {
        {"format", "cafcass-cymru-kiosk.status"},
        {"version", 1},
        {"kiosk", identity.name},
        {"data_dir", identity.dataDir.string()},
        {"demo", identity.demo},
        {"waiting", status.waiting},
        {"exported", status.exported},
        {"unconfirmed", status.waiting + status.exported + status.quarantinedUnconfirmed},
        {"received", status.received},
        {"priority", status.priority},
        {"oldest_unconfirmed", orNull(status.oldestUnconfirmed)},
        {"acknowledge_by",
         status.acknowledgeBy ? nlohmann::json(storage::toIso(*status.acknowledgeBy)) : nullptr},
        {"overdue", status.overdue},
        {"export_due_today", status.exportDueToday},
        {"past_closing", status.pastClosing},
        {"last_export", orNull(status.lastExport)},
        {"last_receipt", orNull(status.lastReceipt)},
        {"damaged", status.damaged},
        {"quarantined", quarantined},
        {"free_bytes", status.freeBytes},
        {"nearly_full", status.nearlyFull},
        {"keys",
         {{"team_sealing", teamKey(storage::fingerprint(identity.key))},
          {"team_signing", teamKey(storage::fingerprint(identity.teamSigning))},
          {"kiosk_signing", storage::fingerprint(identity.kioskKey)}}},
        {"sync", sync},
        {"key_problem", text(status.keyProblem)},
        {"needs_attention", status.needsAttention()},
    };
    return j.dump(2) + "\n";
}

} // namespace kiosk::core
