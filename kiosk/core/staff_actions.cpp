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

// Below this much free space a submission (a few kilobytes, and its WAL) may not fit.
constexpr std::uintmax_t kLeastFreeBytes = 4 * 1024 * 1024;

} // namespace

std::optional<std::string> whyCannotStore(const Identity& identity) {
    try {
        // An all-zero or otherwise weak key is refused by the sealed box itself.
        (void)storage::seal("check", identity.key);
    } catch (const storage::Error& e) {
        return "the team's key in " + identity.dataDir.string() + " cannot seal (" + e.what() +
               "). Ask IT to provision the kiosk again with the complaints team's public key.";
    }
    std::error_code ec;
    const auto space = std::filesystem::space(identity.dataDir, ec);
    if (!ec && space.available < kLeastFreeBytes)
        return "the disk holding " + identity.dataDir.string() + " is full (" + std::to_string(space.available / 1024) +
               " KiB free). Ask IT to make room; do not delete anything in that folder.";
    try {
        storage::SubmissionStore store(identity.databaseFile());
        const storage::Transaction probe(store.db()); // takes the write lock, then rolls back
    } catch (const std::exception& e) {
        return "the database " + identity.databaseFile().string() + " cannot be written (" + e.what() +
               "). Ask IT; do not delete anything in that folder.";
    }
    return std::nullopt;
}

Status readStatus(const Identity& identity) {
    Status status;
    status.quarantined = readQuarantine(identity);
    std::error_code ec;
    status.freeBytes = std::filesystem::space(identity.dataDir, ec).available;
    status.nearlyFull = !ec && status.freeBytes < kNearlyFullBytes;
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
