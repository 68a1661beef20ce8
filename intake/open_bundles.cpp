#include <intake/open_bundles.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/rules.hpp>

#include <sodium.h>

#include <algorithm>
#include <set>

namespace kiosk::intake {
namespace {

using storage::Error;

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// Which of the sealed submission's plain twins in the bundle disagree with it. Only field names:
// the values are the child's business.
std::vector<std::string> disagreements(const storage::Bundle& bundle, const storage::BundleEntry& entry,
                                       const storage::Submission& s) {
    std::vector<std::string> fields;
    if (s.id != entry.id)
        fields.emplace_back("id");
    if (s.createdAt != entry.createdAt)
        fields.emplace_back("created_at");
    if (s.priority != entry.priority)
        fields.emplace_back("priority");
    if (s.kiosk != bundle.kiosk)
        fields.emplace_back("kiosk");
    if (s.demo != bundle.demo)
        fields.emplace_back("demo");
    return fields;
}

std::string joined(const std::vector<std::string>& parts, const std::string& between) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : between) + p;
    return out;
}

// The bundle is written into the archive before the ledger commits, under a name that says when it
// was opened and in what order (Home::nextArchiveName), so that a rebuild replays the archive in
// that order. A file already there for this batch is one an earlier run wrote and did not commit:
// it must be this very file, and it takes its place in the order now. Returns the name.
std::string archive(const Home& home, const std::string& batch, const std::string& openedAt, const std::string& bytes) {
    const auto name = home.nextArchiveName(batch, openedAt);
    const auto target = home.archive() / name;
    for (const auto& earlier : home.archivedFilesOf(batch)) {
        if (storage::readFile(earlier) != bytes)
            throw Error(Error::Kind::File, "the archive already holds a different file for the batch " + batch + " (" +
                                               earlier.string() + ") that the ledger does not know; look at it "
                                               "before going on");
        std::error_code ec;
        std::filesystem::rename(earlier, target, ec);
        if (ec)
            throw Error(Error::Kind::File, "cannot rename " + earlier.string() + " in the archive: " + ec.message());
        storage::syncFolder(home.archive());
        return name;
    }
    storage::writeNewFileAtomically(target, bytes, 0600);
    return name;
}

std::string kioskNamed(const std::string& name, const storage::SigningPublicKey& key) {
    return "kiosk " + quoted(name) + " (key fingerprint " + storage::fingerprint(key) + ")";
}

BundleOutcome refused(BundleOutcome out, std::string why) {
    out.result = BundleOutcome::Result::Refused;
    out.why = std::move(why);
    return out;
}

// Whether the bundle may be opened at all: who signed it, under what name, sealed to whom.
std::optional<std::string> refusalOfSender(Session& session, const storage::Bundle& bundle, const Run& run) {
    const auto enrolled = session.ledger.kiosk(bundle.kioskKey);
    const auto who = kioskNamed(bundle.kiosk, bundle.kioskKey);
    if (bundle.demo && !run.acceptDemo)
        return "it comes from a kiosk in DEMO MODE (" + who + "); demo bundles are opened only with --accept-demo";
    if (!enrolled && !bundle.demo)
        return "it is signed by a kiosk that is not enrolled: " + who +
               ". If this kiosk is yours, enrol its kiosk-identity.json with \"intake kiosks add\" and open it again";
    if (enrolled && enrolled->name != bundle.kiosk)
        return "it calls itself " + quoted(bundle.kiosk) + ", but the kiosk with its key (fingerprint " +
               storage::fingerprint(bundle.kioskKey) + ") was enrolled as " + quoted(enrolled->name);
    if (bundle.recipient.bytes != session.keys.sealing.publicKey.bytes)
        return "it was sealed to the key with fingerprint " + storage::fingerprint(bundle.recipient) +
               ", not to this team's key (" + storage::fingerprint(session.keys.sealing.publicKey) +
               "): it is not for this team, or the kiosk has an old key";
    return std::nullopt;
}

void writeReceipt(Session& session, BundleOutcome& out, const storage::Bundle& bundle, const Run& run,
                  std::vector<storage::ReceiptEntry> held) {
    if (held.empty())
        return;
    out.receipt = storage::Receipt{storage::newUuid(), bundle.kiosk, bundle.kioskKey, run.now, std::move(held)};
    out.receiptBytes = storage::toSignedFile(*out.receipt, session.keys.signing);
    const auto file = session.home.receipts() / storage::receiptFileName(*out.receipt);
    try {
        storage::writeNewFileAtomically(file, out.receiptBytes, 0644);
        out.receiptFile = file;
    } catch (const Error& e) {
        out.receiptProblem = std::string("the receipt could not be written: ") + e.what();
    }
}

// When and in which run a bundle's submissions arrived (run 0: restored from the archive).
struct Arrival {
    std::string at;
    std::int64_t run = 0;
};

// Where the ledger says a submission came from: the kiosk's name in the bundle that brought it,
// and that bundle's name in the archive.
std::string cameIn(Session& session, const Ledger::SubmissionRow& row) {
    const auto first = session.ledger.bundle(row.firstBatch);
    return kioskNamed(first ? first->kiosk : "?", row.kioskKey) + " in the bundle archived as archive/" +
           (first ? first->archivedAs : row.firstBatch);
}

// Records a bundle's entries in the ledger (inside the caller's transaction): the new ones added,
// those held already counted, the rest refused or named as conflicts. A submission is held under
// the key of the kiosk that signed its bundle and its id: the same id from another kiosk never
// blocks or replaces it (ids are in clear in every bundle), but is named loudly. Opening and
// rebuilding both come here, so an entry refused when opened is refused again on rebuild.
// Returns what the receipt names: this kiosk's entries only.
std::vector<storage::ReceiptEntry> recordEntries(Session& session, const storage::Bundle& bundle,
                                                 const std::string& where, const Arrival& arrival, BundleOutcome& out) {
    std::vector<storage::ReceiptEntry> held;
    for (const auto& entry : bundle.entries) {
        auto check = openEntry(bundle, entry, session.keys.sealing);
        if (!check.submission) {
            out.refusedEntries.push_back("submission " + entry.id + " refused: " + check.problem);
            continue;
        }
        storage::wipe(*check.submission);
        const auto sealedHash = storage::sealedHash(entry.sealed);
        if (const auto row = session.ledger.submission(bundle.kioskKey, entry.id)) {
            if (row->sealedHash == sealedHash) {
                ++out.alreadyHeld;
                held.push_back({entry.id, sealedHash});
            } else {
                out.conflicts.push_back(
                    "REFUSED: submission " + entry.id + " in " + where + " from " + kioskNamed(bundle.kiosk, bundle.kioskKey) +
                    " has different content from the submission with the same id that the same kiosk sent before (" +
                    cameIn(session, *row) +
                    "). The first one is kept; this one is not in the receipt. Tell the kiosk's staff and IT.");
            }
            continue;
        }
        for (const auto& other : session.ledger.submissionsWithId(entry.id))
            out.sharedIds.push_back(
                "NEEDS ATTENTION: two kiosks sent the same submission id " + entry.id + ": " +
                kioskNamed(bundle.kiosk, bundle.kioskKey) + " in " + where + ", and " + cameIn(session, other) +
                ". Both are kept, each under its own kiosk, and both are on the worklist, marked. A kiosk never "
                "makes another's id: find out which of the two is not what it says (tell IT).");
        session.ledger.addSubmission({entry.id, bundle.kioskKey, sealedHash, entry.createdAt, entry.priority,
                                      bundle.batch, arrival.at, arrival.run, std::nullopt});
        ++out.added;
        held.push_back({entry.id, sealedHash});
    }
    return held;
}

} // namespace

EntryCheck openEntry(const storage::Bundle& bundle, const storage::BundleEntry& entry, const storage::KeyPair& sealing) {
    EntryCheck check;
    storage::Submission s;
    try {
        auto json = storage::openSealed(entry.sealed, sealing);
        try {
            s = storage::submissionFromJson(json);
        } catch (const Error& e) {
            sodium_memzero(json.data(), json.size());
            check.problem = std::string("it opens, but is not a submission intake can read (") + e.what() + ")";
            return check;
        }
        sodium_memzero(json.data(), json.size());
    } catch (const Error&) {
        check.problem = "it does not open with the team's key (sealed to another key, or altered)";
        return check;
    }
    if (const auto fields = disagreements(bundle, entry, s); !fields.empty()) {
        storage::wipe(s);
        check.problem = "the bundle's " + joined(fields, ", ") + " for it differ from the sealed submission's";
        return check;
    }
    if (const auto breaches = storage::ruleBreaches(s); !breaches.empty()) {
        storage::wipe(s);
        check.problem = "it breaks the rules of storage/FORMAT.md: " + joined(breaches, "; ");
        return check;
    }
    check.submission = std::move(s);
    return check;
}

BundleOutcome openBundleFile(Session& session, const std::filesystem::path& file, const Run& run) {
    BundleOutcome out;
    out.file = file;
    std::string bytes;
    storage::Bundle bundle;
    try {
        bytes = storage::readFile(file, kLargestBundle);
        bundle = storage::readBundle(bytes);
    } catch (const Error& e) {
        return refused(std::move(out), e.kind() == Error::Kind::Crypto
                                           ? std::string("its signature does not match: it was changed after the "
                                                         "kiosk signed it, or was not signed by a kiosk (") +
                                                 e.what() + ")"
                                           : std::string("it is not a complete kiosk bundle (") + e.what() + ")");
    }
    out.batch = bundle.batch;
    out.kiosk = bundle.kiosk;
    if (auto why = refusalOfSender(session, bundle, run))
        return refused(std::move(out), std::move(*why));

    const auto hash = hashOf(bytes);
    if (const auto seen = session.ledger.bundle(bundle.batch)) {
        if (seen->fileHash == hash) {
            out.result = BundleOutcome::Result::AlreadyOpened;
            return out;
        }
        return refused(std::move(out), "REFUSED: it has the batch id " + bundle.batch +
                                           " of a bundle opened before (archive/" + seen->archivedAs +
                                           ") but different bytes; a kiosk never writes two bundles with one id");
    }

    std::vector<storage::ReceiptEntry> held;
    try {
        storage::Transaction tx(session.ledger.db());
        held = recordEntries(session, bundle, file.string(), {run.now, run.number}, out);
        out.audit = session.ledger.addAudit(bundle.kioskKey, bundle.audit);
        // Before the commit: what the ledger names is always in the archive.
        const auto name = archive(session.home, bundle.batch, run.now, bytes);
        session.ledger.addBundle({bundle.batch, bundle.kioskKey, bundle.kiosk, bundle.createdAt, hash, name, run.now,
                                  static_cast<int>(bundle.entries.size()), out.added});
        tx.commit();
    } catch (const Error& e) {
        out.added = 0;
        out.alreadyHeld = 0;
        out.audit = {};
        out.refusedEntries.clear();
        out.conflicts.clear();
        out.sharedIds.clear();
        return refused(std::move(out), std::string("it could not be recorded, so nothing of it was: ") + e.what());
    }
    out.result = BundleOutcome::Result::Accepted;
    writeReceipt(session, out, bundle, run, std::move(held));
    return out;
}

SyncOutcome syncBundles(Session& session, const std::filesystem::path& folder, const Run& run) {
    SyncOutcome sync;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        sync.problems.push_back("the sync folder " + folder.string() +
                                " is not there (is the network share mounted?); nothing was opened from it");
        return sync;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        // A kiosk writes a bundle under a temporary name and renames it: only whole ones end so.
        if (entry.is_regular_file() && entry.path().extension() == ".bundle" && name.front() != '.')
            files.push_back(entry.path());
    }
    if (ec)
        sync.problems.push_back("the sync folder " + folder.string() + " could not be read: " + ec.message());
    std::sort(files.begin(), files.end());

    bool removedAny = false;
    for (const auto& file : files) {
        auto out = openBundleFile(session, file, run);
        if (out.result == BundleOutcome::Result::Accepted && !out.receiptBytes.empty()) {
            try {
                storage::writeNewFileAtomically(folder / storage::receiptFileName(*out.receipt), out.receiptBytes, 0644);
            } catch (const Error& e) {
                sync.problems.push_back("the receipt for " + file.filename().string() +
                                        " could not be written into the sync folder (" + e.what() +
                                        "); it is in " + out.receiptFile.string() + " to take to the kiosk");
            }
        }
        if (out.result != BundleOutcome::Result::Refused) {
            // The archive holds these very bytes now: the folder's copy is not needed.
            if (std::filesystem::remove(file, ec))
                removedAny = true;
            else if (ec)
                sync.problems.push_back("the bundle " + file.string() + " is in the archive but could not be removed "
                                        "from the sync folder: " + ec.message());
        }
        sync.bundles.push_back(std::move(out));
    }
    if (removedAny) {
        try {
            storage::syncFolder(folder);
        } catch (const Error& e) {
            sync.problems.push_back(e.what());
        }
    }
    return sync;
}

RestoreOutcome restoreFromArchive(Session& session, const std::string& now) {
    RestoreOutcome restored;
    std::set<storage::SigningPublicKey> named;
    storage::Transaction tx(session.ledger.db());
    // In the order intake opened them (the archive's names keep it; never a time a sender wrote),
    // each by the same rules as when it was opened, so that the same entries are held, and refused.
    for (const auto& file : session.home.archivedBundles()) {
        std::string bytes;
        storage::Bundle bundle;
        try {
            bytes = storage::readFile(file, kLargestBundle);
            bundle = storage::readBundle(bytes);
        } catch (const Error& e) {
            restored.problems.push_back(file.string() + " could not be read back: " + e.what());
            continue;
        }
        const auto hash = hashOf(bytes);
        if (const auto seen = session.ledger.bundle(bundle.batch)) {
            if (seen->fileHash != hash)
                restored.problems.push_back(file.string() + " has the batch id " + bundle.batch +
                                            " of another archived bundle (archive/" + seen->archivedAs +
                                            ") but different bytes; it was left out");
            continue; // recorded already (a copy with the same bytes adds nothing, as when opened)
        }
        if (bundle.recipient.bytes != session.keys.sealing.publicKey.bytes) {
            restored.problems.push_back(file.string() + " was sealed to another key (fingerprint " +
                                        storage::fingerprint(bundle.recipient) + "); it was left out");
            continue;
        }
        BundleOutcome out;
        (void)recordEntries(session, bundle, file.string(), {now, 0}, out);
        restored.auditLines += session.ledger.addAudit(bundle.kioskKey, bundle.audit).lines;
        // Refused entries were refused, and said, when the bundle was opened: they stay out quietly.
        for (auto& line : out.conflicts)
            restored.problems.push_back(std::move(line));
        for (auto& line : out.sharedIds)
            restored.problems.push_back(std::move(line));
        session.ledger.addBundle({bundle.batch, bundle.kioskKey, bundle.kiosk, bundle.createdAt, hash,
                                  file.filename().string(), now, static_cast<int>(bundle.entries.size()), out.added});
        ++restored.bundles;
        restored.submissions += out.added;
        // A demo kiosk is never enrolled for its bundles to open: it is not one to enrol again.
        if (!bundle.demo && !session.ledger.kiosk(bundle.kioskKey) && named.insert(bundle.kioskKey).second)
            restored.unenrolled.emplace_back(bundle.kioskKey, bundle.kiosk);
    }
    tx.commit();
    return restored;
}

} // namespace kiosk::intake
