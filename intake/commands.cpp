#include <intake/commands.hpp>

#include <intake/audit_log.hpp>
#include <intake/home.hpp>
#include <intake/locale.hpp>
#include <intake/open_bundles.hpp>
#include <intake/passphrase.hpp>
#include <intake/session.hpp>
#include <intake/worklist.hpp>
#include <intake/worklist_html.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unistd.h>

namespace kiosk::intake {
namespace {

using storage::Error;

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string iso(const Options& o) { return storage::isoUtc(o.now); }

Passphrase passphraseFor(const Options& o, std::string_view prompt) {
    if (o.passphraseFile)
        return passphraseFromFile(*o.passphraseFile);
    if (o.passphraseStdin)
        return passphraseFromFd(STDIN_FILENO);
    return askPassphrase(prompt);
}

// The keys this run works with: --key's file, or the home's own.
storage::TeamKeys loadKeys(const Options& o) {
    const Home home(o.home);
    const auto file = o.keyFile.value_or(home.secretKey());
    if (!std::filesystem::exists(file)) {
        if (o.keyFile)
            throw Error(Error::Kind::NoKey, "there is no key file at " + file.string());
        throw Error(Error::Kind::NoKey, "there are no team keys in " + home.root().string() +
                                            ": make them with \"intake keygen\", or give the home folder with --home DIR");
    }
    if (!storage::needsPassphrase(file))
        return storage::loadTeamKeys(file, std::nullopt);
    const auto passphrase = passphraseFor(o, "Passphrase for the team's keys: ");
    return storage::loadTeamKeys(file, passphrase.view());
}

// A home that commands other than keygen, open and sync may use: it has a ledger.
void requireLedger(const Home& home) {
    if (std::filesystem::exists(home.ledger()))
        return;
    if (!home.archivedBundles().empty())
        throw Error(Error::Kind::File, "the ledger " + home.ledger().string() +
                                           " is missing, but the archive holds bundles: run \"intake rebuild\" first");
    throw Error(Error::Kind::File, "there is no intake home folder at " + home.root().string() +
                                       ": make the team's keys there with \"intake keygen\", or give --home DIR");
}

std::string language(const Options& o, const Session& session) { return o.language.value_or(session.settings.language); }

// A run records each bundle (and the sync folder gets its receipt, and loses the bundle) before the
// worklists are written. A run stopped in between (killed, power cut, the disk full) would leave
// submissions in the ledger that the worklists do not show, and the next run, adding nothing, would
// leave them so while the kiosk deletes its copies. This empty file says that a run began and its
// worklists are not written yet: the next run writes them even if it adds nothing.
std::filesystem::path pendingMark(const Home& home) {
    return home.root() / "worklist.pending";
}

// Whether an earlier run left its worklists unwritten; then marks this run as begun.
bool markRunBegun(const Home& home) {
    const bool pending = std::filesystem::exists(pendingMark(home));
    storage::writeFileAtomically(pendingMark(home), "", 0600);
    return pending;
}

// Writes both worklists; false if some submission could not be shown (each is named).
bool writeWorklistsNow(const Options& o, Session& session, Console& c) {
    const auto list = buildWorklist(session, o.now);
    const auto lang = loadCatalogue(language(o, session));
    writeWorklists(session.home, list, lang);
    std::error_code ec;
    std::filesystem::remove(pendingMark(session.home), ec); // left, it costs one rewrite more
    std::size_t overdue = 0;
    std::size_t fresh = 0;
    for (const auto& item : list.items) {
        overdue += item.overdue ? 1 : 0;
        fresh += item.isNew ? 1 : 0;
    }
    c.out << "Worklist: " << list.items.size() << " submission(s), " << overdue << " overdue, " << fresh
          << " new since the last run.\n  " << session.home.worklistHtml().string() << "  (to read and print)\n  "
          << session.home.worklistCsv().string() << "  (for a spreadsheet)\n";
    for (const auto& problem : list.problems)
        c.err << "NEEDS ATTENTION: " << problem << "\n";
    for (const auto& item : list.items)
        if (!item.sameIdFrom.empty())
            c.err << "Warning: submission " << item.submission.id << " from kiosk " << quoted(item.submission.kiosk)
                  << " (" << storage::fingerprint(item.kioskKey) << ") has an id that another kiosk sent too; it is "
                  << "marked on the worklist.\n";
    return list.problems.empty();
}

void report(const BundleOutcome& b, Console& c) {
    const auto name = b.file.string();
    switch (b.result) {
    case BundleOutcome::Result::Refused:
        c.err << "REFUSED " << name << ": " << b.why << ".\n  Nothing from it was added, and the file was left as it is.\n";
        break;
    case BundleOutcome::Result::AlreadyOpened:
        c.out << name << ": already opened before (batch " << b.batch << "); nothing added.\n";
        break;
    case BundleOutcome::Result::Accepted:
        c.out << name << ": opened, from kiosk " << quoted(b.kiosk) << ": " << b.added << " new, " << b.alreadyHeld
              << " already here.\n";
        if (!b.receiptFile.empty())
            c.out << "  Receipt for the kiosk: " << b.receiptFile.string() << "\n";
        break;
    }
    for (const auto& line : b.refusedEntries)
        c.err << "NEEDS ATTENTION " << name << ": " << line
              << ". It is not in the receipt, so the kiosk keeps it and sends it again; tell IT.\n";
    for (const auto& line : b.conflicts)
        c.err << line << "\n";
    for (const auto& line : b.sharedIds)
        c.err << line << "\n";
    if (!b.receiptProblem.empty())
        c.err << "NEEDS ATTENTION " << name << ": " << b.receiptProblem << "\n";
}

// The end of a run that opened bundles: the worklists, if anything was added, and the exit code.
int finishRun(const Options& o, Session& session, int added, bool pending, bool attention, Console& c) {
    if (added > 0 || pending) {
        if (added == 0)
            c.out << "An earlier run stopped before it wrote the worklists; they are written now.\n";
        attention = !writeWorklistsNow(o, session, c) || attention;
    } else {
        std::error_code ec;
        std::filesystem::remove(pendingMark(session.home), ec);
        c.out << "Nothing new was added, so the worklists were not changed.\n";
    }
    return attention ? kAttention : kFine;
}

// What this run's bundles brought of what was done on each kiosk, by kiosk name.
using AuditNews = std::map<std::string, Ledger::AuditAdded>;

void noteAudit(AuditNews& news, const BundleOutcome& b) {
    if (b.audit.lines == 0)
        return;
    auto& kiosk = news[b.kiosk];
    kiosk.lines += b.audit.lines;
    kiosk.wrongPins += b.audit.wrongPins;
}

// One line per kiosk, so that the team sees at once that staff did something there, or that
// someone tried PINs; "intake audit" lists the lines.
void reportAudit(const AuditNews& news, Console& c) {
    for (const auto& [kiosk, added] : news)
        c.out << kiosk << ": " << added.lines - added.wrongPins << " new staff action(s) on the kiosk, "
              << added.wrongPins << " wrong PIN(s).\n";
}

std::string digitsOnly(const std::string& s) {
    std::string out;
    for (const char c : s)
        if (std::isdigit(static_cast<unsigned char>(c)) != 0)
            out += c;
    return out;
}

} // namespace

int keygen(const Options& o, Console& c) {
    const Home home(o.home);
    if (std::filesystem::exists(home.secretKey()) || std::filesystem::exists(home.publicKey())) {
        c.err << "There are team keys in " << home.root().string()
              << " already. keygen never replaces them: every kiosk and every submission depends on them.\n";
        return kAttention;
    }
    if (std::filesystem::exists(home.ledger())) {
        c.err << home.root().string() << " already has a ledger (from another key, such as a demo kiosk's); "
              << "make the team's keys in a new home folder with --home DIR.\n";
        return kAttention;
    }
    auto passphrase = passphraseFor(o, "Choose a passphrase for the team's keys: ");
    if (!o.passphraseFile && !o.passphraseStdin) {
        const auto again = askPassphrase("Type it again: ");
        if (!(again == passphrase)) {
            c.err << "The two passphrases are not the same; nothing was made.\n";
            return kAttention;
        }
    }
    if (passphrase.view().size() < kMinPassphraseBytes) {
        c.err << "The passphrase must be at least " << kMinPassphraseBytes
              << " characters long: it is all that protects every child's words if this computer is lost.\n";
        return kAttention;
    }
    const auto keys = storage::TeamKeys::generate();
    home.create();
    storage::saveTeamKeys(home.secretKey(), keys, passphrase.view(), o.kdf);
    storage::saveTeamPublicKeys(home.publicKey(), keys.publicKeys());
    Ledger ledger(home.ledger());
    ledger.bindTeam(keys.publicKeys(), iso(o));
    c.out << "Made the complaints team's keys in " << home.root().string() << ":\n"
          << "  team-secret.key  keep it on this computer only. It opens every submission; the passphrase\n"
          << "                   protects it. Without the passphrase nobody can open the submissions, so keep\n"
          << "                   it safe (it cannot be recovered).\n"
          << "  team-public.key  give this file to IT, for every kiosk (kiosk admin provision --public-key).\n"
          << "Fingerprints, for IT to compare with what each kiosk shows once provisioned:\n"
          << "  sealing key  " << storage::fingerprint(keys.sealing.publicKey) << "\n"
          << "  signing key  " << storage::fingerprint(keys.signing.publicKey) << "\n"
          << "Next: enrol each kiosk with \"intake kiosks add kiosk-identity.json\" (IT gives you the file).\n";
    return kFine;
}

int kiosksAdd(const Options& o, const std::filesystem::path& file, Console& c) {
    const Home home(o.home);
    requireLedger(home);
    const auto identity = storage::loadKioskIdentity(file);
    if (std::all_of(identity.name.begin(), identity.name.end(),
                    [](unsigned char ch) { return std::isspace(ch) != 0; })) {
        // A kiosk with no name could not be told apart on the worklist or in a bundle's message.
        c.err << "REFUSED: " << file.string() << " gives the kiosk no name (\"kiosk\" is empty or only spaces). "
              << "Nothing was enrolled or renamed; ask IT to give the kiosk its name and send the file again.\n";
        return kAttention;
    }
    Ledger ledger(home.ledger());
    const auto fingerprint = storage::fingerprint(identity.signing);
    const auto existing = ledger.kiosk(identity.signing);
    if (existing && existing->name == identity.name) {
        c.out << "Kiosk " << quoted(identity.name) << " is enrolled already with this key (fingerprint " << fingerprint
              << "); nothing changed.\n";
        return kFine;
    }
    for (const auto& other : ledger.kiosks())
        if (other.name == identity.name && other.key != identity.signing)
            c.out << "Note: another kiosk is enrolled under the same name, with key fingerprint "
                  << storage::fingerprint(other.key) << ". If it was replaced, remove the old one with "
                  << "\"intake kiosks remove\".\n";
    ledger.enrol({identity.signing, identity.name, iso(o), identity.demo});
    if (existing)
        c.out << "The kiosk enrolled as " << quoted(existing->name) << " is now called " << quoted(identity.name)
              << " (the same key).\n";
    else
        c.out << "Enrolled kiosk " << quoted(identity.name) << ".\n";
    c.out << "Its fingerprint:  " << fingerprint << "\n"
          << "Compare it, digit by digit, with the fingerprint the kiosk itself shows (kiosk admin status), for\n"
          << "example read aloud over the phone. If they differ, this file is not that kiosk's: remove it with\n"
          << "  intake kiosks remove \"" << fingerprint << "\"\n"
          << "and ask IT.\n";
    if (identity.demo)
        c.out << "Note: this kiosk says it is in DEMO MODE; its bundles are opened only with --accept-demo.\n";
    return kFine;
}

int kiosksList(const Options& o, Console& c) {
    const Home home(o.home);
    requireLedger(home);
    Ledger ledger(home.ledger(), storage::Access::ReadOnly);
    const auto kiosks = ledger.kiosks();
    if (kiosks.empty()) {
        c.out << "No kiosk is enrolled yet: \"intake kiosks add kiosk-identity.json\".\n";
        return kFine;
    }
    std::map<storage::SigningPublicKey, std::pair<int, std::string>> bundles; // count, last opened
    for (const auto& b : ledger.bundles()) {
        auto& [count, last] = bundles[b.kioskKey];
        ++count;
        last = std::max(last, b.openedAt);
    }
    for (const auto& k : kiosks) {
        const auto& [count, last] = bundles[k.key];
        c.out << quoted(k.name) << "\n  fingerprint " << storage::fingerprint(k.key) << "\n  enrolled " << k.enrolledAt
              << (k.demo ? " (demo mode)" : "") << "\n  bundles opened " << count
              << (last.empty() ? "" : ", the last at " + last) << "\n";
    }
    return kFine;
}

int kiosksRemove(const Options& o, const std::string& fingerprint, Console& c) {
    const Home home(o.home);
    requireLedger(home);
    Ledger ledger(home.ledger());
    for (const auto& k : ledger.kiosks()) {
        if (digitsOnly(storage::fingerprint(k.key)) == digitsOnly(fingerprint)) {
            (void)ledger.unenrol(k.key);
            c.out << "Removed kiosk " << quoted(k.name) << " (fingerprint " << storage::fingerprint(k.key)
                  << "): its bundles are refused from now on. What already arrived from it stays.\n";
            return kFine;
        }
    }
    c.err << "No enrolled kiosk has the fingerprint " << fingerprint << " (see \"intake kiosks list\").\n";
    return kAttention;
}

int openBundles(const Options& o, const std::vector<std::filesystem::path>& files, Console& c) {
    auto session = openSession(Home(o.home), loadKeys(o), iso(o));
    const Run run{iso(o), session->ledger.lastRun() + 1, o.acceptDemo};
    const bool pending = markRunBegun(session->home);
    int added = 0;
    bool attention = false;
    AuditNews news;
    for (const auto& file : files) {
        const auto outcome = openBundleFile(*session, file, run);
        report(outcome, c);
        noteAudit(news, outcome);
        added += outcome.added;
        attention = attention || outcome.needsAttention();
    }
    reportAudit(news, c);
    return finishRun(o, *session, added, pending, attention, c);
}

int sync(const Options& o, const std::vector<std::filesystem::path>& folders, Console& c) {
    auto session = openSession(Home(o.home), loadKeys(o), iso(o));
    const Run run{iso(o), session->ledger.lastRun() + 1, o.acceptDemo};
    const bool pending = markRunBegun(session->home);
    int added = 0;
    bool attention = false;
    AuditNews news;
    for (const auto& folder : folders) {
        const auto outcome = syncBundles(*session, folder, run);
        if (outcome.bundles.empty() && outcome.problems.empty())
            c.out << folder.string() << ": no bundle waiting.\n";
        for (const auto& b : outcome.bundles) {
            report(b, c);
            noteAudit(news, b);
            if (b.result == BundleOutcome::Result::Accepted && b.receipt)
                c.out << "  The receipt was written into " << folder.string() << " for the kiosk to collect.\n";
            added += b.added;
            attention = attention || b.needsAttention();
        }
        for (const auto& problem : outcome.problems)
            c.err << "NEEDS ATTENTION: " << problem << "\n";
        attention = attention || !outcome.problems.empty();
    }
    reportAudit(news, c);
    return finishRun(o, *session, added, pending, attention, c);
}

int worklist(const Options& o, Console& c) {
    requireLedger(Home(o.home));
    auto session = openSession(Home(o.home), loadKeys(o), iso(o));
    return writeWorklistsNow(o, *session, c) ? kFine : kAttention;
}

int acknowledge(const Options& o, const std::vector<std::string>& which, Console& c) {
    requireLedger(Home(o.home));
    auto session = openSession(Home(o.home), loadKeys(o), iso(o));
    bool attention = false;
    {
        const auto list = buildWorklist(*session, o.now);
        for (const auto& wanted : which) {
            std::string upper = wanted;
            std::transform(upper.begin(), upper.end(), upper.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            std::vector<const WorklistItem*> found;
            for (const auto& item : list.items)
                if ((item.submission.id == wanted || item.submission.reference == upper) &&
                    (!o.kiosk || digitsOnly(storage::fingerprint(item.kioskKey)) == digitsOnly(*o.kiosk)))
                    found.push_back(&item);
            if (found.empty()) {
                c.err << "Nothing on the worklist has the reference or id " << wanted
                      << (o.kiosk ? " from the kiosk with fingerprint " + *o.kiosk : std::string()) << ".\n";
                attention = true;
                continue;
            }
            if (found.size() > 1) {
                // Ids are in clear in every bundle: two kiosks may have sent one. Say which they are.
                c.err << "More than one submission has the reference or id " << wanted << ", from:\n";
                for (const auto* item : found)
                    c.err << "  kiosk " << quoted(item->submission.kiosk) << ", fingerprint "
                          << storage::fingerprint(item->kioskKey) << "\n";
                c.err << "Nothing was acknowledged for it: give the other one (the reference, or the id at the foot "
                         "of its block), or say which kiosk with --kiosk FINGERPRINT.\n";
                attention = true;
                continue;
            }
            const auto& item = *found.front();
            if (item.acknowledgedAt) {
                c.out << wanted << " was acknowledged already, at " << *item.acknowledgedAt << ".\n";
                continue;
            }
            (void)session->ledger.acknowledge(item.kioskKey, item.submission.id, iso(o));
            c.out << "Acknowledged " << item.submission.reference << " (" << item.submission.id << ").\n";
        }
    }
    return writeWorklistsNow(o, *session, c) && !attention ? kFine : kAttention;
}

int rebuild(const Options& o, Console& c) {
    const Home home(o.home);
    const bool lostLedger = !std::filesystem::exists(home.ledger());
    auto session = openSession(home, loadKeys(o), iso(o), MissingLedger::Create);
    const auto restored = restoreFromArchive(*session, iso(o));
    if (lostLedger)
        c.out << "The ledger was missing: a new one was made from the archive. Acknowledgements recorded in the "
                 "old one are lost, and nothing is marked new.\n";
    if (restored.bundles > 0)
        c.out << "Restored " << restored.bundles << " bundle(s), " << restored.submissions << " submission(s) and "
              << restored.auditLines << " audit line(s) from the archive into the ledger.\n";
    for (const auto& [key, name] : restored.unenrolled)
        c.out << "Kiosk " << quoted(name) << " (fingerprint " << storage::fingerprint(key)
              << ") sent bundles in the archive but is not enrolled: enrol it again with \"intake kiosks add\" before "
                 "its next bundle.\n";
    for (const auto& problem : restored.problems)
        c.err << "NEEDS ATTENTION: " << problem << "\n";
    const bool shown = writeWorklistsNow(o, *session, c);
    return shown && restored.problems.empty() ? kFine : kAttention;
}

int auditLog(const Options& o, Console& c) {
    const Home home(o.home);
    requireLedger(home);
    // Read-only: no key is needed, since an audit line never holds content.
    Ledger ledger(home.ledger(), storage::Access::ReadOnly);
    if (o.kiosk) {
        std::set<std::string> known;
        for (const auto& k : ledger.kiosks())
            known.insert(k.name);
        for (const auto& b : ledger.bundles())
            known.insert(b.kiosk);
        if (known.count(*o.kiosk) == 0) {
            c.err << "No kiosk called " << quoted(*o.kiosk)
                  << " is enrolled or has sent a bundle (see \"intake kiosks list\").\n";
            return kAttention;
        }
    }
    const auto rows = ledger.audit(o.last, o.kiosk);
    if (rows.empty()) {
        c.out << "No audit line has come from " << (o.kiosk ? "kiosk " + quoted(*o.kiosk) : std::string("any kiosk"))
              << " yet. Each bundle a kiosk exports carries the last " << storage::kAuditBundledDays
              << " days of what staff did on it.\n";
        return kFine;
    }
    c.out << "What staff did on " << (o.kiosk ? "kiosk " + quoted(*o.kiosk) : std::string("the kiosks"))
          << ", and every wrong PIN, newest first (times on this computer's clock):\n\n"
          << auditTable(rows);
    if (rows.size() == o.last)
        c.out << "\nThese are the newest " << o.last << " line(s); --last N shows more.\n";
    return kFine;
}

} // namespace kiosk::intake
