#pragma once

#include <intake/session.hpp>

#include <storage/bundle.hpp>
#include <storage/keys.hpp>
#include <storage/receipt.hpp>
#include <storage/submission.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::intake {

/// One entry of a bundle, opened and checked: the submission if it passed every check, otherwise
/// why not, in words that name no content.
struct EntryCheck {
    std::optional<storage::Submission> submission;
    std::string problem;
};

/// Opens one entry with the team's sealing key and checks it (storage/FORMAT.md, "Bundle" and
/// "Rules between fields"): it opens, it is a submission, its id, created_at and priority are the
/// entry's, its kiosk and demo are the bundle's, and it breaks no rule.
[[nodiscard]] EntryCheck openEntry(const storage::Bundle& bundle, const storage::BundleEntry& entry,
                                   const storage::KeyPair& sealing);


/// How a run is told apart from the others: when it is, and its number in the ledger.
struct Run {
    std::string now; // ISO 8601 UTC
    std::int64_t number = 1;
    bool acceptDemo = false;
};

/// What opening one bundle file did.
struct BundleOutcome {
    enum class Result { Accepted, AlreadyOpened, Refused };
    std::filesystem::path file;
    Result result = Result::Refused;
    std::string why; // when refused: what is wrong, in plain words
    std::string batch;
    std::string kiosk;
    int added = 0;                            // submissions new to the ledger
    int alreadyHeld = 0;                      // in the ledger already, with the same bytes
    Ledger::AuditAdded audit;                 // the kiosk's audit lines new to the ledger
    std::vector<std::string> refusedEntries;  // a line for each entry refused, naming its id
    std::vector<std::string> conflicts;       // the same kiosk, the same id, other content: id and both bundles
    std::vector<std::string> sharedIds;       // an id another kiosk sent too: both kept, both kiosks named
    std::optional<storage::Receipt> receipt;  // for the entries now held; none if none is
    std::string receiptBytes;                 // the signed receipt file
    std::filesystem::path receiptFile;        // where it was written in the home folder
    std::string receiptProblem;               // why it could not be written there, if it could not

    [[nodiscard]] bool needsAttention() const {
        return result == Result::Refused || !refusedEntries.empty() || !conflicts.empty() || !sharedIds.empty() ||
               !receiptProblem.empty();
    }
};

/// Opens a bundle file into the ledger (storage/FORMAT.md, "Intake ledger and home folder"): the
/// signature first, then the kiosk (enrolled, under that name; demo only if accepted), the key it
/// was sealed to, then each entry. A submission is held under its kiosk's key and its id: new ones
/// are recorded, ones already held are counted, the same kiosk's id with other content is refused
/// and named; the same id from another kiosk is recorded under its own kiosk and named loudly, both
/// kiosks and bundles. The kiosk's audit lines the ledger does not hold are recorded too. The file is copied into the archive, under a name that keeps the order of opening,
/// synced, before the ledger commits; then a receipt signed with the team's key, naming every
/// entry now held, is written into the home's receipts folder. A refused bundle changes nothing.
[[nodiscard]] BundleOutcome openBundleFile(Session& session, const std::filesystem::path& file, const Run& run);

/// What syncing a folder did: each bundle opened, and what went wrong with the folder itself.
struct SyncOutcome {
    std::vector<BundleOutcome> bundles;
    std::vector<std::string> problems; // the folder missing, a receipt or removal that failed
};

/// Opens every *.bundle file in a kiosk's sync folder; writes each receipt there too, and removes
/// from the folder each bundle that is now in the archive. Refused bundles are left where they are.
[[nodiscard]] SyncOutcome syncBundles(Session& session, const std::filesystem::path& folder, const Run& run);

/// What restoring the ledger from the archive did.
struct RestoreOutcome {
    int bundles = 0;     // archived bundles not in the ledger, now recorded
    int submissions = 0; // submissions recorded from them
    int auditLines = 0;  // kiosks' audit lines recorded from them
    std::vector<std::string> problems;
    std::vector<std::pair<storage::SigningPublicKey, std::string>> unenrolled; // kiosks (key, name) in the
                                                                              // archive that are not enrolled
};

/// Records in the ledger every archived bundle, and every submission and audit line in it, that the
/// ledger does not hold (after the ledger was lost, or a run stopped between archiving and
/// committing), in the order intake opened them and by the same rules as opening. Submissions
/// restored this way belong to run 0: none is "new". Demo kiosks are not named as ones to enrol again.
[[nodiscard]] RestoreOutcome restoreFromArchive(Session& session, const std::string& now);

} // namespace kiosk::intake
