#pragma once

#include <core/identity.hpp>
#include <storage/error.hpp>
#include <storage/store.hpp>

#include <string>
#include <string_view>
#include <vector>

// What the staff actions share (not for use outside kiosk/core).

namespace kiosk::core::detail {

/// Runs a staff action on the database, telling staff plainly if the database is damaged.
template <class Action> auto onDatabase(const Identity& identity, Action action) {
    try {
        return action();
    } catch (const storage::Error& e) {
        if (!storage::isDamage(e))
            throw;
        throw storage::Error(
            storage::Error::Kind::Damaged,
            "the database " + identity.databaseFile().string() + " is damaged (" + e.what() +
                "). Nothing was changed. Do not delete it: ask IT, who can take a copy of the whole "
                "folder.",
            e.code());
    }
}

/// The databases moved into quarantine beside the kiosk's, as far as each reads.
[[nodiscard]] inline std::vector<storage::QuarantineRead> readQuarantine(const Identity& identity) {
    std::vector<storage::QuarantineRead> out;
    for (const auto& file : storage::quarantinedDatabases(identity.databaseFile()))
        out.push_back(storage::readQuarantined(file));
    return out;
}

/// The names of the quarantined databases that no "quarantine_seen" line of the audit log names,
/// oldest first: while there is one, the kiosk takes no child's submission. Reads only (the store,
/// if given, is the kiosk's own, open).
[[nodiscard]] inline std::vector<std::string> quarantineNotSeen(const Identity& identity,
                                                                storage::SubmissionStore* store) {
    std::vector<std::string> out;
    for (const auto& file : storage::quarantinedDatabases(identity.databaseFile())) {
        const auto name = file.filename().string();
        // Looked for as it was recorded: a name over 200 bytes, or with a byte the log cannot hold,
        // is recorded fitted to it.
        if (store == nullptr || !store->auditHas("quarantine_seen", storage::fitAuditDetail(name)))
            out.push_back(name);
    }
    return out;
}

} // namespace kiosk::core::detail
