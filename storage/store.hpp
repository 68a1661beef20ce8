#pragma once

#include <storage/audit.hpp>
#include <storage/db.hpp>
#include <storage/error.hpp>
#include <storage/ids.hpp>
#include <storage/receipt.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// One stored submission as the kiosk sees it: plain metadata and sealed bytes, nothing else.
struct SealedRow {
    std::string id;
    std::string createdAt;
    std::string state; // "waiting", "exported" or "received"
    std::string batch; // empty until exported
    bool priority = false;
    std::vector<unsigned char> sealed;
    bool intact = true; // the sealed bytes still match the checksum stored with them
};

/// The kiosk's database of sealed submissions (see FORMAT.md, "Database").
class SubmissionStore {
public:
    /// The schema version this program writes.
    static constexpr int kSchemaVersion = 6;
    /// PRAGMA application_id of a kiosk database: "CCYK".
    static constexpr std::int32_t kApplicationId = 0x4343594B;

    /// How a database is checked when opened: quick_check, which every opening can afford, or the
    /// full integrity_check, which also compares each index with its table (a damaged index hides
    /// rows from every query that goes through it).
    enum class Check { Quick, Full };

    /// Opens or creates the database, migrating it step by step; read-only, opens an existing file
    /// and changes nothing. Throws Error(Damaged) for a file that fails its integrity check and
    /// Error(Format) for one that is foreign or newer than this program.
    explicit SubmissionStore(const std::filesystem::path& file, Access access = Access::ReadWrite,
                             Check check = Check::Quick);

    /// Stores a sealed submission as waiting, and the reference code its child was shown as used;
    /// both are in the database file itself, synced, when this returns (not only in its WAL).
    /// Throws if the code was used before.
    void add(const SealedRow& row, std::string_view reference);
    /// A reference code never given on this kiosk: drawn (by default at random) until one is free.
    [[nodiscard]] std::string unusedReference(const std::function<std::string()>& draw = newReference);
    /// Every waiting submission, oldest first, each with whether its bytes match their checksum.
    [[nodiscard]] std::vector<SealedRow> waiting();
    /// Every submission the complaints team has not confirmed (waiting or exported), oldest first.
    [[nodiscard]] std::vector<SealedRow> unconfirmed();
    /// Records an export: these unconfirmed submissions left in a batch (waiting ones become
    /// exported; exported ones now name this batch), all or none.
    void markExported(const std::vector<std::string>& ids, const std::string& batch, const std::string& fileName,
                      const std::string& exportedAt);
    /// How many submissions are in a state.
    [[nodiscard]] int count(const std::string& state);
    /// How many unconfirmed submissions carry the priority flag.
    [[nodiscard]] int priorityUnconfirmed();
    /// When the oldest unconfirmed submission was made, if there is one.
    [[nodiscard]] std::optional<std::string> oldestUnconfirmed();
    /// When the last export and the last receipt import happened, if ever.
    [[nodiscard]] std::optional<std::string> lastExport();
    [[nodiscard]] std::optional<std::string> lastReceipt();

    /// What importing a receipt did.
    struct ReceiptOutcome {
        bool alreadyImported = false;      // this receipt was imported before: nothing changed
        int marked = 0;                    // rows marked received now
        int notHere = 0;                   // named rows this kiosk no longer (or never) held
        std::vector<std::string> mismatch; // named by id, but with other bytes than the kiosk holds: kept
        int quarantinedConfirmed = 0;      // rows of quarantined databases now confirmed (sent no more)
    };
    /// Marks received each row the receipt names whose sealed bytes have the named hash, and
    /// records the receipt; quarantinedRows (read from quarantined databases) that it names are
    /// recorded as confirmed, so that exports stop carrying them. The caller has checked that the
    /// receipt is signed by the team and is for this kiosk.
    ReceiptOutcome applyReceipt(const Receipt& receipt, const std::string& now,
                                const std::vector<SealedRow>& quarantinedRows = {});
    /// Ids of quarantined rows a receipt has confirmed.
    [[nodiscard]] std::vector<std::string> confirmedFromQuarantine();
    /// Deletes received rows received at or before this time (secure_delete on, then the WAL
    /// checkpointed and truncated, so that their sealed bytes are in neither file). Returns how many.
    int deleteReceived(const std::string& receivedUpTo);
    /// Deletes every submission and reference code (secure_delete, checkpointed): for provisioning a
    /// kiosk that ran in demo mode, whose submissions were sealed to a key on the tablet. Returns how many.
    int deleteAllSubmissions();

    /// Adds a line to the audit log and returns its seq; lines older than kAuditKeptDays before
    /// entry.at are deleted in the same transaction. Throws Error(Format) for an unknown action or
    /// outcome.
    std::int64_t recordAudit(const AuditEntry& entry);
    /// The newest lines of the audit log, newest first (none on a database older than version 6).
    [[nodiscard]] std::vector<AuditEntry> audit(std::size_t newest);
    /// Every line recorded at or after a time, oldest first: what a bundle carries.
    [[nodiscard]] std::vector<AuditEntry> auditSince(const std::string& at);
    /// True if a line with this action and detail was recorded (a quarantine staff have seen).
    [[nodiscard]] bool auditHas(const std::string& action, const std::string& detail);

    /// Moves everything committed from the WAL into the database file and empties the WAL.
    void checkpoint();

    [[nodiscard]] Db& db() { return m_db; }

private:
    Db m_db;
    bool m_empty = false; // opened read-only on a file with no schema yet: nothing is stored in it
};

/// True for an error that means the database file is damaged (corrupt, or not a database).
[[nodiscard]] bool isDamage(const Error& e);

/// Moves a damaged database with its -wal and -shm files into a "quarantine" folder beside it,
/// under a time-stamped name, and returns the folder they went into. Nothing is deleted. Throws
/// Error(File) if the move cannot be made durable (both folders synced).
std::filesystem::path quarantine(const std::filesystem::path& file, const std::string& stamp);

/// The databases moved into quarantine beside a database file, oldest name first.
[[nodiscard]] std::vector<std::filesystem::path> quarantinedDatabases(const std::filesystem::path& file);

/// What could be read of a quarantined database, without changing it: its unconfirmed rows (waiting
/// or exported, each with whether its bytes match their checksum), and what stopped the reading.
struct QuarantineRead {
    std::filesystem::path file;
    std::vector<SealedRow> rows;
    std::string problem; // empty if it read whole
};
[[nodiscard]] QuarantineRead readQuarantined(const std::filesystem::path& file);

/// Opens the store; if the file is damaged, quarantines it whole and starts a fresh one.
/// Returns the store and, if that happened, where the damaged files went.
struct OpenedStore {
    std::unique_ptr<SubmissionStore> store;
    std::optional<std::filesystem::path> quarantinedTo;
};
[[nodiscard]] OpenedStore openOrQuarantine(const std::filesystem::path& file, const std::string& stamp,
                                           SubmissionStore::Check check = SubmissionStore::Check::Quick);

} // namespace kiosk::storage
