#include <intake/ledger.hpp>

#include <storage/error.hpp>

#include <algorithm>
#include <cstdint>

namespace kiosk::intake {
namespace {

using storage::Error;
using storage::Statement;

// Version 1. Never content: a submission is its id, where it came from, and the hash of its
// sealed bytes; the reference code the child keeps is not here, so that holding a code does not
// tell anyone when that child wrote.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE team (
    id          INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    sealing_key BLOB NOT NULL CHECK (length(sealing_key) = 32),
    signing_key BLOB NOT NULL CHECK (length(signing_key) = 32),
    bound_at    TEXT NOT NULL
) STRICT;
CREATE TABLE kiosk (
    signing_key BLOB PRIMARY KEY NOT NULL CHECK (length(signing_key) = 32),
    name        TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    demo        INTEGER NOT NULL CHECK (demo IN (0, 1))
) STRICT;
CREATE TABLE bundle (
    batch       TEXT PRIMARY KEY NOT NULL,
    kiosk_key   BLOB NOT NULL CHECK (length(kiosk_key) = 32),
    kiosk       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    file_hash   BLOB NOT NULL CHECK (length(file_hash) = 32),
    archived_as TEXT NOT NULL UNIQUE,
    opened_at   TEXT NOT NULL,
    entries     INTEGER NOT NULL,
    new_entries INTEGER NOT NULL
) STRICT;
CREATE TABLE submission (
    id              TEXT PRIMARY KEY NOT NULL,
    kiosk_key       BLOB NOT NULL CHECK (length(kiosk_key) = 32),
    sealed_hash     BLOB NOT NULL CHECK (length(sealed_hash) = 32),
    created_at      TEXT NOT NULL,
    priority        INTEGER NOT NULL CHECK (priority IN (0, 1)),
    first_batch     TEXT NOT NULL REFERENCES bundle (batch) DEFERRABLE INITIALLY DEFERRED,
    arrived_at      TEXT NOT NULL,
    arrived_run     INTEGER NOT NULL,
    acknowledged_at TEXT
) STRICT;
)sql";

// Version 2: a submission is known by the kiosk that signed it and its id, never by its id alone.
// Ids travel in clear in every bundle, so another signer could send a child's id first; keyed so,
// its entry is held under its own kiosk and cannot block or replace the child's.
constexpr const char* kMigrateV1ToV2 = R"sql(
CREATE TABLE submission_v2 (
    kiosk_key       BLOB NOT NULL CHECK (length(kiosk_key) = 32),
    id              TEXT NOT NULL,
    sealed_hash     BLOB NOT NULL CHECK (length(sealed_hash) = 32),
    created_at      TEXT NOT NULL,
    priority        INTEGER NOT NULL CHECK (priority IN (0, 1)),
    first_batch     TEXT NOT NULL REFERENCES bundle (batch) DEFERRABLE INITIALLY DEFERRED,
    arrived_at      TEXT NOT NULL,
    arrived_run     INTEGER NOT NULL,
    acknowledged_at TEXT,
    PRIMARY KEY (kiosk_key, id)
) STRICT;
INSERT INTO submission_v2 (kiosk_key, id, sealed_hash, created_at, priority, first_batch, arrived_at, arrived_run,
                           acknowledged_at)
    SELECT kiosk_key, id, sealed_hash, created_at, priority, first_batch, arrived_at, arrived_run, acknowledged_at
    FROM submission;
DROP TABLE submission;
ALTER TABLE submission_v2 RENAME TO submission;
CREATE INDEX submission_by_id ON submission (id);
)sql";

// Version 3: the kiosks' audit logs, as their bundles carry them (storage/FORMAT.md, "Audit log").
// A line is known by its kiosk, its seq and its time: a kiosk whose database was quarantined
// starts its log again at seq 1, and those lines are new ones, not the old ones again.
constexpr const char* kMigrateV2ToV3 = R"sql(
CREATE TABLE audit (
    kiosk_key BLOB NOT NULL CHECK (length(kiosk_key) = 32),
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    at        TEXT NOT NULL,
    source    TEXT NOT NULL,
    action    TEXT NOT NULL,
    outcome   TEXT NOT NULL,
    count     INTEGER NOT NULL CHECK (count >= 0),
    detail    TEXT NOT NULL,
    PRIMARY KEY (kiosk_key, seq, at)
) STRICT;
CREATE INDEX audit_by_time ON audit (at);
)sql";

template <std::size_t N> std::array<unsigned char, N> fixedBlob(const Statement& st, int column) {
    const auto bytes = st.blob(column);
    std::array<unsigned char, N> out{};
    if (bytes.size() != N)
        throw Error(Error::Kind::Damaged, "the ledger holds a key or hash of the wrong length");
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

storage::SigningPublicKey signingKey(const Statement& st, int column) {
    return {fixedBlob<crypto_sign_PUBLICKEYBYTES>(st, column)};
}

void checkIntegrity(storage::Db& db) {
    const auto verdict = db.queryText("PRAGMA quick_check");
    if (verdict != "ok")
        throw Error(Error::Kind::Damaged, "the ledger fails its integrity check: " + verdict);
}

constexpr const char* kBundleColumns =
    "batch, kiosk_key, kiosk, created_at, file_hash, archived_as, opened_at, entries, new_entries";
constexpr const char* kSubmissionColumns =
    "id, kiosk_key, sealed_hash, created_at, priority, first_batch, arrived_at, arrived_run, acknowledged_at";

Ledger::BundleRow bundleRow(const Statement& st) {
    return {st.text(0),
            signingKey(st, 1),
            st.text(2),
            st.text(3),
            fixedBlob<32>(st, 4),
            st.text(5),
            st.text(6),
            static_cast<int>(st.integer(7)),
            static_cast<int>(st.integer(8))};
}

Ledger::SubmissionRow submissionRow(const Statement& st) {
    Ledger::SubmissionRow row{st.text(0),     signingKey(st, 1), fixedBlob<32>(st, 2), st.text(3),
                              st.integer(4) != 0, st.text(5),    st.text(6),          st.integer(7),
                              std::nullopt};
    if (!st.isNull(8))
        row.acknowledgedAt = st.text(8);
    return row;
}

} // namespace

Hash hashOf(std::string_view bytes) {
    return storage::sealedHash({reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()});
}

Ledger::Ledger(const std::filesystem::path& file, storage::Access access) : m_db(file, access) {
    const auto applicationId = m_db.queryInt("PRAGMA application_id");
    const auto version = m_db.queryInt("PRAGMA user_version");
    const auto tables = m_db.queryInt("SELECT count(*) FROM sqlite_schema");
    if (applicationId != kApplicationId && !(applicationId == 0 && version == 0 && tables == 0))
        throw Error(Error::Kind::Format, file.string() + " is not an intake ledger");
    if (version > kSchemaVersion)
        throw Error(Error::Kind::Format, file.string() + " was written by a newer intake (schema version " +
                                             std::to_string(version) + "); use that version");
    if (access == storage::Access::ReadOnly) {
        // Read-only is read as it is: a version 2 ledger simply has no audit lines yet.
        if (version < 2)
            throw Error(Error::Kind::Format, file.string() + " is not a complete intake ledger");
        checkIntegrity(m_db);
        return;
    }
    m_db.exec("PRAGMA journal_mode = WAL");
    m_db.exec("PRAGMA synchronous = FULL");
    m_db.exec("PRAGMA foreign_keys = ON");
    if (version < 1) {
        storage::Transaction tx(m_db);
        m_db.exec(kSchemaV1);
        m_db.exec("PRAGMA application_id = 1128487241"); // 0x43435949, "CCYI"
        m_db.exec("PRAGMA user_version = 1");
        tx.commit();
    }
    if (version < 2) {
        storage::Transaction tx(m_db);
        m_db.exec(kMigrateV1ToV2);
        m_db.exec("PRAGMA user_version = 2");
        tx.commit();
    }
    if (version < 3) {
        storage::Transaction tx(m_db);
        m_db.exec(kMigrateV2ToV3);
        m_db.exec("PRAGMA user_version = 3");
        tx.commit();
    }
    checkIntegrity(m_db);
}

std::optional<storage::TeamPublicKeys> Ledger::team() {
    Statement st(m_db, "SELECT sealing_key, signing_key FROM team WHERE id = 1");
    if (!st.step())
        return std::nullopt;
    return storage::TeamPublicKeys{{fixedBlob<crypto_box_PUBLICKEYBYTES>(st, 0)}, signingKey(st, 1)};
}

void Ledger::bindTeam(const storage::TeamPublicKeys& keys, const std::string& now) {
    Statement st(m_db, "INSERT INTO team (id, sealing_key, signing_key, bound_at) VALUES (1, ?, ?, ?)");
    st.bind(1, keys.sealing.bytes);
    st.bind(2, keys.signing.bytes);
    st.bind(3, now);
    st.run();
}

std::optional<Ledger::Kiosk> Ledger::kiosk(const storage::SigningPublicKey& key) {
    Statement st(m_db, "SELECT signing_key, name, enrolled_at, demo FROM kiosk WHERE signing_key = ?");
    st.bind(1, key.bytes);
    if (!st.step())
        return std::nullopt;
    return Kiosk{signingKey(st, 0), st.text(1), st.text(2), st.integer(3) != 0};
}

std::vector<Ledger::Kiosk> Ledger::kiosks() {
    Statement st(m_db, "SELECT signing_key, name, enrolled_at, demo FROM kiosk ORDER BY name, enrolled_at");
    std::vector<Kiosk> out;
    while (st.step())
        out.push_back({signingKey(st, 0), st.text(1), st.text(2), st.integer(3) != 0});
    return out;
}

void Ledger::enrol(const Kiosk& kiosk) {
    Statement st(m_db, "INSERT INTO kiosk (signing_key, name, enrolled_at, demo) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (signing_key) DO UPDATE SET name = excluded.name, demo = excluded.demo");
    st.bind(1, kiosk.key.bytes);
    st.bind(2, kiosk.name);
    st.bind(3, kiosk.enrolledAt);
    st.bind(4, std::int64_t{kiosk.demo ? 1 : 0});
    st.run();
}

bool Ledger::unenrol(const storage::SigningPublicKey& key) {
    Statement st(m_db, "DELETE FROM kiosk WHERE signing_key = ?");
    st.bind(1, key.bytes);
    st.run();
    return m_db.queryInt("SELECT changes()") > 0;
}

std::optional<Ledger::BundleRow> Ledger::bundle(const std::string& batch) {
    Statement st(m_db, (std::string("SELECT ") + kBundleColumns + " FROM bundle WHERE batch = ?").c_str());
    st.bind(1, batch);
    if (!st.step())
        return std::nullopt;
    return bundleRow(st);
}

std::vector<Ledger::BundleRow> Ledger::bundles() {
    Statement st(m_db, (std::string("SELECT ") + kBundleColumns + " FROM bundle ORDER BY opened_at, rowid").c_str());
    std::vector<BundleRow> out;
    while (st.step())
        out.push_back(bundleRow(st));
    return out;
}

void Ledger::addBundle(const BundleRow& row) {
    Statement st(m_db, (std::string("INSERT INTO bundle (") + kBundleColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                           .c_str());
    st.bind(1, row.batch);
    st.bind(2, row.kioskKey.bytes);
    st.bind(3, row.kiosk);
    st.bind(4, row.createdAt);
    st.bind(5, row.fileHash);
    st.bind(6, row.archivedAs);
    st.bind(7, row.openedAt);
    st.bind(8, std::int64_t{row.entries});
    st.bind(9, std::int64_t{row.newEntries});
    st.run();
}

void Ledger::renameArchived(const std::string& batch, const std::string& archivedAs) {
    Statement st(m_db, "UPDATE bundle SET archived_as = ? WHERE batch = ?");
    st.bind(1, archivedAs);
    st.bind(2, batch);
    st.run();
}

std::optional<Ledger::SubmissionRow> Ledger::submission(const storage::SigningPublicKey& kioskKey,
                                                        const std::string& id) {
    Statement st(m_db, (std::string("SELECT ") + kSubmissionColumns +
                        " FROM submission WHERE kiosk_key = ? AND id = ?")
                           .c_str());
    st.bind(1, kioskKey.bytes);
    st.bind(2, id);
    if (!st.step())
        return std::nullopt;
    return submissionRow(st);
}

std::vector<Ledger::SubmissionRow> Ledger::submissionsWithId(const std::string& id) {
    Statement st(m_db, (std::string("SELECT ") + kSubmissionColumns +
                        " FROM submission WHERE id = ? ORDER BY arrived_run, rowid")
                           .c_str());
    st.bind(1, id);
    std::vector<SubmissionRow> out;
    while (st.step())
        out.push_back(submissionRow(st));
    return out;
}

std::vector<Ledger::SubmissionRow> Ledger::submissions() {
    Statement st(m_db, (std::string("SELECT ") + kSubmissionColumns + " FROM submission ORDER BY created_at, id").c_str());
    std::vector<SubmissionRow> out;
    while (st.step())
        out.push_back(submissionRow(st));
    return out;
}

void Ledger::addSubmission(const SubmissionRow& row) {
    Statement st(m_db, (std::string("INSERT INTO submission (") + kSubmissionColumns +
                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                           .c_str());
    st.bind(1, row.id);
    st.bind(2, row.kioskKey.bytes);
    st.bind(3, row.sealedHash);
    st.bind(4, row.createdAt);
    st.bind(5, std::int64_t{row.priority ? 1 : 0});
    st.bind(6, row.firstBatch);
    st.bind(7, row.arrivedAt);
    st.bind(8, row.arrivedRun);
    if (row.acknowledgedAt)
        st.bind(9, *row.acknowledgedAt);
    st.run();
}

bool Ledger::acknowledge(const storage::SigningPublicKey& kioskKey, const std::string& id, const std::string& at) {
    Statement st(m_db, "UPDATE submission SET acknowledged_at = ? "
                       "WHERE kiosk_key = ? AND id = ? AND acknowledged_at IS NULL");
    st.bind(1, at);
    st.bind(2, kioskKey.bytes);
    st.bind(3, id);
    st.run();
    return m_db.queryInt("SELECT changes()") > 0 || submission(kioskKey, id).has_value();
}

std::int64_t Ledger::lastRun() { return m_db.queryInt("SELECT coalesce(max(arrived_run), 0) FROM submission"); }

Ledger::AuditAdded Ledger::addAudit(const storage::SigningPublicKey& kioskKey,
                                    const std::vector<storage::AuditEntry>& lines) {
    Statement st(m_db, "INSERT OR IGNORE INTO audit (kiosk_key, seq, at, source, action, outcome, count, detail) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    AuditAdded added;
    for (const auto& line : lines) {
        st.bind(1, kioskKey.bytes);
        st.bind(2, line.seq);
        st.bind(3, line.at);
        st.bind(4, line.source);
        st.bind(5, line.action);
        st.bind(6, line.outcome);
        st.bind(7, std::int64_t{line.count});
        st.bind(8, line.detail);
        st.run();
        if (m_db.queryInt("SELECT changes()") == 0)
            continue; // held already: an earlier bundle carried it
        ++added.lines;
        if (line.action == "pin_wrong")
            ++added.wrongPins;
    }
    return added;
}

std::vector<Ledger::AuditRow> Ledger::audit(std::size_t newest, const std::optional<std::string>& kioskName) {
    // Read-only, a ledger is read at the version it is: before version 3 it has no audit lines.
    if (newest == 0 || m_db.queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit'") == 0)
        return {};
    // A kiosk is called by the name it is enrolled under, or, once removed, by the name its last
    // bundle gave.
    Statement st(m_db, R"sql(
        SELECT kiosk_key, name, seq, at, source, action, outcome, count, detail FROM (
            SELECT a.kiosk_key, coalesce(k.name, (SELECT b.kiosk FROM bundle b WHERE b.kiosk_key = a.kiosk_key
                                                  ORDER BY b.opened_at DESC, b.rowid DESC LIMIT 1), '') AS name,
                   a.seq, a.at, a.source, a.action, a.outcome, a.count, a.detail
            FROM audit a LEFT JOIN kiosk k ON k.signing_key = a.kiosk_key)
        WHERE ?1 IS NULL OR name = ?1
        ORDER BY at DESC, seq DESC, kiosk_key
        LIMIT ?2)sql");
    if (kioskName)
        st.bind(1, *kioskName);
    st.bind(2, static_cast<std::int64_t>(std::min<std::size_t>(newest, INT64_MAX)));
    std::vector<AuditRow> out;
    while (st.step())
        out.push_back({signingKey(st, 0), st.text(1),
                       storage::AuditEntry{st.integer(2), st.text(3), st.text(4), st.text(5), st.text(6),
                                           static_cast<int>(st.integer(7)), st.text(8)}});
    return out;
}

} // namespace kiosk::intake
