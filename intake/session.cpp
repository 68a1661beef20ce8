#include <intake/session.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>

namespace kiosk::intake {
namespace {

// An older intake named archived bundles <batch>.bundle, which keeps no order of opening. Its
// ledger still knows the order: it is written into the names now (Home::nextArchiveName), so that
// a rebuild, even after the ledger is lost, replays the archive in it. Each file is linked under
// its new name before the ledger says so, and the old name goes only after the commit, so that
// whatever stops this leaves every name the ledger holds in the archive.
void nameArchiveInOpeningOrder(Session& session) {
    std::vector<std::filesystem::path> older;
    storage::Transaction tx(session.ledger.db());
    for (const auto& b : session.ledger.bundles()) {
        const auto file = session.home.archive() / b.archivedAs;
        if (archiveSequence(file) || !std::filesystem::exists(file))
            continue;
        const auto name = session.home.nextArchiveName(b.batch, b.openedAt);
        std::error_code ec;
        std::filesystem::create_hard_link(file, session.home.archive() / name, ec);
        if (ec)
            throw storage::Error(storage::Error::Kind::File, "cannot name " + file.string() +
                                                                 " in the order it was opened: " + ec.message());
        session.ledger.renameArchived(b.batch, name);
        older.push_back(file);
    }
    if (older.empty())
        return;
    storage::syncFolder(session.home.archive());
    tx.commit();
    for (const auto& file : older)
        std::filesystem::remove(file);
    storage::syncFolder(session.home.archive());
}

} // namespace

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
    nameArchiveInOpeningOrder(*session);
    return session;
}

} // namespace kiosk::intake
