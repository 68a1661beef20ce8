#include <intake/session.hpp>

#include <storage/error.hpp>

namespace kiosk::intake {

std::unique_ptr<Session> openSession(const Home& home, storage::TeamKeys&& keys, const std::string& now,
                                     MissingLedger missing) {
    using storage::Error;
    const bool hadLedger = std::filesystem::exists(home.ledger());
    if (!hadLedger && missing == MissingLedger::Refuse && !home.archivedBundles().empty())
        throw Error(Error::Kind::File, "the ledger " + home.ledger().string() +
                                           " is missing, but the archive holds bundles: run \"intake rebuild\" to "
                                           "restore it from the archive before opening anything more");
    auto settings = home.settings(); // a bad intake.json is reported before anything is made
    home.create();
    // Not make_unique: the ledger cannot move, so it is built in place by aggregate initialisation.
    auto session = std::unique_ptr<Session>(
        new Session{home, std::move(keys), Ledger(home.ledger()), std::move(settings)});
    const auto mine = session->keys.publicKeys();
    if (const auto bound = session->ledger.team()) {
        if (bound->sealing.bytes != mine.sealing.bytes || bound->signing != mine.signing)
            throw Error(Error::Kind::NoKey,
                        "this home folder (" + home.root().string() + ") belongs to the team key with fingerprint " +
                            storage::fingerprint(bound->sealing) + ", but the key given has fingerprint " +
                            storage::fingerprint(mine.sealing) +
                            ". A demo kiosk's key needs a home folder of its own (--home DIR).");
    } else {
        session->ledger.bindTeam(mine, now);
    }
    return session;
}

} // namespace kiosk::intake
