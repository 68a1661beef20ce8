#pragma once

#include <intake/home.hpp>
#include <intake/ledger.hpp>

#include <storage/calendar.hpp>
#include <storage/keys.hpp>

#include <memory>
#include <string>

namespace kiosk::intake {

/// One run of intake on a home folder: the team's keys (secret halves wiped when it goes), the
/// ledger, and the settings.
struct Session {
    Home home;
    storage::TeamKeys keys;
    Ledger ledger;
    Settings settings;

    [[nodiscard]] storage::WorkingDays workingDays() const { return storage::WorkingDays(settings.closures); }
};

/// Whether a missing ledger may be started afresh.
enum class MissingLedger { Refuse, Create };

/// Opens a home for work with these keys. A home belongs to one set of team keys: other keys are
/// refused (a demo kiosk's key needs a home of its own). A home whose ledger is missing while its
/// archive holds bundles is refused unless told to create one (intake rebuild restores it from the
/// archive), so that a lost ledger is never silently replaced by an empty one. Throws
/// storage::Error with a message for the team.
[[nodiscard]] std::unique_ptr<Session> openSession(const Home& home, storage::TeamKeys&& keys, const std::string& now,
                                                   MissingLedger missing = MissingLedger::Refuse);

} // namespace kiosk::intake
