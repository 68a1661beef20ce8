#pragma once

#include <storage/audit.hpp>
#include <storage/db.hpp>
#include <storage/keys.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::intake {

/// A BLAKE2b-256 hash: of a sealed submission, or of a whole bundle file.
using Hash = std::array<unsigned char, 32>;

/// The largest bundle file intake reads. A bundle carries a kiosk's unconfirmed submissions, about
/// 10 KiB each: 1 GiB is some 100,000, far beyond any kiosk. A larger file is refused unread.
inline constexpr std::uintmax_t kLargestBundle = 1024ull * 1024 * 1024;

/// BLAKE2b-256 of a whole file's bytes: how the ledger knows a bundle file again.
[[nodiscard]] Hash hashOf(std::string_view bytes);

/// The intake ledger (storage/FORMAT.md, "Intake ledger and home folder"): which kiosks are
/// enrolled, which bundles were opened, which submissions arrived, by kiosk key, id and hash, and the
/// kiosks' audit logs. Never content: no reference code, no answer, no name.
class Ledger {
public:
    /// PRAGMA application_id of a ledger: "CCYI".
    static constexpr std::int32_t kApplicationId = 0x43435949;
    /// The schema version this program writes.
    static constexpr int kSchemaVersion = 3;

    /// Opens or creates the ledger (read-only: opens an existing one and changes nothing).
    /// Throws storage::Error(Format) for a file that is not a ledger or is newer than this
    /// program, (Damaged) for one that fails its integrity check.
    explicit Ledger(const std::filesystem::path& file, storage::Access access = storage::Access::ReadWrite);

    struct Kiosk {
        storage::SigningPublicKey key;
        std::string name;
        std::string enrolledAt;
        bool demo = false;
    };
    struct BundleRow {
        std::string batch;
        storage::SigningPublicKey kioskKey;
        std::string kiosk;
        std::string createdAt; // when the kiosk exported it
        Hash fileHash{};
        std::string archivedAs; // file name in archive/
        std::string openedAt;
        int entries = 0;
        int newEntries = 0;
    };
    struct SubmissionRow {
        std::string id;
        storage::SigningPublicKey kioskKey;
        Hash sealedHash{};
        std::string createdAt;
        bool priority = false;
        std::string firstBatch;
        std::string arrivedAt;
        std::int64_t arrivedRun = 0; // the run that brought it (0: restored from the archive)
        std::optional<std::string> acknowledgedAt;
    };

    /// The team keys this home belongs to, if it has been bound to one yet.
    [[nodiscard]] std::optional<storage::TeamPublicKeys> team();
    /// Binds the home to the team keys (once).
    void bindTeam(const storage::TeamPublicKeys& keys, const std::string& now);

    [[nodiscard]] std::optional<Kiosk> kiosk(const storage::SigningPublicKey& key);
    /// Every enrolled kiosk, by name.
    [[nodiscard]] std::vector<Kiosk> kiosks();
    /// Enrols a kiosk, or renames one enrolled under the same key.
    void enrol(const Kiosk& kiosk);
    /// Removes an enrolment; false if there was none.
    bool unenrol(const storage::SigningPublicKey& key);

    [[nodiscard]] std::optional<BundleRow> bundle(const std::string& batch);
    /// Every bundle opened, in the order opened.
    [[nodiscard]] std::vector<BundleRow> bundles();
    void addBundle(const BundleRow& row);
    /// Records a bundle's new name in archive/.
    void renameArchived(const std::string& batch, const std::string& archivedAs);

    /// The submission a kiosk (by its signing key) sent under this id, if it is held.
    [[nodiscard]] std::optional<SubmissionRow> submission(const storage::SigningPublicKey& kioskKey,
                                                          const std::string& id);
    /// Every submission held under this id, whichever kiosk sent it (more than one is a warning).
    [[nodiscard]] std::vector<SubmissionRow> submissionsWithId(const std::string& id);
    [[nodiscard]] std::vector<SubmissionRow> submissions();
    void addSubmission(const SubmissionRow& row);
    /// Records that a kiosk's submission was acknowledged; false if it is not in the ledger.
    bool acknowledge(const storage::SigningPublicKey& kioskKey, const std::string& id, const std::string& at);
    /// The number of the last run that brought a submission (0 if none did).
    [[nodiscard]] std::int64_t lastRun();

    /// One line of a kiosk's audit log, with the kiosk it came from.
    struct AuditRow {
        storage::SigningPublicKey kioskKey;
        std::string kiosk; // the name it is enrolled under, else the name in its last bundle
        storage::AuditEntry line;
    };
    /// How many of a bundle's audit lines were new to the ledger, and how many of those were wrong PINs.
    struct AuditAdded {
        int lines = 0;
        int wrongPins = 0;
    };
    /// Records the audit lines a kiosk's bundle carries that the ledger does not hold yet (known by
    /// kiosk, seq and time: each bundle carries the last month's lines again).
    AuditAdded addAudit(const storage::SigningPublicKey& kioskKey, const std::vector<storage::AuditEntry>& lines);
    /// The newest audit lines, newest first: every kiosk's, or only those of kiosks with this name.
    [[nodiscard]] std::vector<AuditRow> audit(std::size_t newest, const std::optional<std::string>& kioskName = {});

    [[nodiscard]] storage::Db& db() { return m_db; }

private:
    storage::Db m_db;
};

} // namespace kiosk::intake
