#include <core/staff_actions.hpp>

#include <storage/error.hpp>
#include <storage/ids.hpp>
#include <storage/store.hpp>

// The staff actions, the same whether they come from the command line or (later) the staff screen.

namespace kiosk::core {

Status readStatus(const Identity& identity) {
    if (!std::filesystem::exists(identity.databaseFile()))
        return {};
    try {
        storage::SubmissionStore store(identity.databaseFile(), storage::Access::ReadOnly);
        return {store.count("waiting"), store.count("exported")};
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

storage::ExportResult exportWaiting(const Identity& identity, const std::filesystem::path& folder) {
    if (!std::filesystem::is_directory(folder))
        throw storage::Error(storage::Error::Kind::File, "the folder " + folder.string() +
                                                             " does not exist. Is the USB stick or network folder "
                                                             "connected?");
    if (!std::filesystem::exists(identity.databaseFile()))
        return {};
    storage::SubmissionStore store(identity.databaseFile());
    return storage::exportWaiting(store, folder,
                                  {identity.name, identity.key, identity.demo,
                                   storage::isoUtc(std::chrono::system_clock::now())});
}

} // namespace kiosk::core
