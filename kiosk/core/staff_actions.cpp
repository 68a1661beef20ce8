#include <core/staff_actions.hpp>

#include <storage/error.hpp>
#include <storage/ids.hpp>
#include <storage/store.hpp>

// The staff actions, the same whether they come from the command line or (later) the staff screen.

namespace kiosk::core {
namespace {

// Runs a staff action on the database, telling staff plainly if the database is damaged.
template <class Action> auto onDatabase(const Identity& identity, Action action) {
    try {
        return action();
    } catch (const storage::Error& e) {
        if (!storage::isDamage(e))
            throw;
        throw storage::Error(storage::Error::Kind::Damaged,
                             "the database " + identity.databaseFile().string() + " is damaged (" + e.what() +
                                 "). Nothing was changed. Do not delete it: ask IT, who can take a copy of the whole "
                                 "folder.",
                             e.code());
    }
}

int waitingIn(const Identity& identity) {
    if (!std::filesystem::exists(identity.databaseFile()))
        return 0;
    storage::SubmissionStore store(identity.databaseFile(), storage::Access::ReadOnly);
    return store.count("waiting");
}

std::vector<storage::QuarantineRead> readQuarantine(const Identity& identity) {
    std::vector<storage::QuarantineRead> out;
    for (const auto& file : storage::quarantinedDatabases(identity.databaseFile()))
        out.push_back(storage::readQuarantined(file));
    return out;
}

} // namespace

Status readStatus(const Identity& identity) {
    Status status;
    status.quarantined = readQuarantine(identity);
    if (!std::filesystem::exists(identity.databaseFile()))
        return status;
    return onDatabase(identity, [&] {
        storage::SubmissionStore store(identity.databaseFile(), storage::Access::ReadOnly);
        status.waiting = store.count("waiting");
        status.exported = store.count("exported");
        for (const auto& row : store.waiting())
            if (!row.intact)
                status.damaged.push_back(row.id);
        return status;
    });
}

storage::ExportResult exportWaiting(const Identity& identity, const std::filesystem::path& folder) {
    if (!std::filesystem::is_directory(folder))
        throw storage::Error(storage::Error::Kind::File, "the folder " + folder.string() +
                                                             " does not exist. Is the USB stick or network folder "
                                                             "connected?");
    std::vector<storage::SealedRow> quarantined;
    for (auto& read : readQuarantine(identity))
        for (auto& row : read.rows)
            quarantined.push_back(std::move(row));
    return onDatabase(identity, [&] {
        // Opened for writing only when there is something to export: with nothing waiting, export
        // changes nothing, not even the database's schema.
        if (waitingIn(identity) == 0 && quarantined.empty())
            return storage::ExportResult{};
        storage::SubmissionStore store(identity.databaseFile());
        return storage::exportWaiting(store, folder,
                                      {identity.name, identity.key, identity.demo,
                                       storage::isoUtc(std::chrono::system_clock::now())},
                                      quarantined);
    });
}

} // namespace kiosk::core
