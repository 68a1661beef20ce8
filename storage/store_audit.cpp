#include <storage/store.hpp>

#include <storage/ids.hpp>
#include <storage/store_detail.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <sqlite3.h>

// The store's side of the audit log (FORMAT.md, "Audit log"): staff actions and wrong PINs, never
// content.

namespace kiosk::storage {

using detail::hasTable;

namespace {

// A line read by "SELECT seq, at, source, action, outcome, count, detail".
AuditEntry lineAt(const Statement& st) {
    return {st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), static_cast<int>(st.integer(5)),
            st.text(6)};
}

std::vector<AuditEntry> linesOf(Statement& st) {
    std::vector<AuditEntry> out;
    while (st.step())
        out.push_back(lineAt(st));
    return out;
}

} // namespace

std::int64_t SubmissionStore::recordAudit(const AuditEntry& entry) {
    if (const auto problem = auditLineProblem(entry); !problem.empty())
        throw Error(Error::Kind::Format, "the audit line " + problem);
    // Kept for kAuditKeptDays before the line being recorded. A quarantine_seen line is kept as
    // long as the database: it is what lets the kiosk take submissions again after a quarantine
    // (auditHas), and there is one per quarantine.
    const auto keptFrom = isoUtc(*parseIsoUtc(entry.at) - std::chrono::days(kAuditKeptDays));
    Transaction tx(m_db);
    Statement add(m_db, "INSERT INTO audit (at, source, action, outcome, count, detail) VALUES (?, ?, ?, ?, ?, ?)");
    add.bind(1, entry.at);
    add.bind(2, entry.source);
    add.bind(3, entry.action);
    add.bind(4, entry.outcome);
    add.bind(5, std::int64_t{entry.count});
    add.bind(6, entry.detail);
    add.run();
    const std::int64_t seq = sqlite3_last_insert_rowid(m_db.handle());
    Statement old(m_db, "DELETE FROM audit WHERE at < ? AND action <> 'quarantine_seen'");
    old.bind(1, keptFrom);
    old.run();
    tx.commit();
    checkpoint();
    return seq;
}

std::vector<AuditEntry> SubmissionStore::audit(std::size_t newest) {
    // Read-only, a database is read at the version it is: before version 6 it has no log.
    if (m_empty || newest == 0 || !hasTable(m_db, "audit"))
        return {};
    Statement st(m_db, "SELECT seq, at, source, action, outcome, count, detail FROM audit ORDER BY seq DESC LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(newest, INT64_MAX)));
    return linesOf(st);
}

std::vector<AuditEntry> SubmissionStore::auditSince(const std::string& at) {
    if (m_empty || !hasTable(m_db, "audit"))
        return {};
    Statement st(m_db, "SELECT seq, at, source, action, outcome, count, detail FROM audit WHERE at >= ? ORDER BY seq");
    st.bind(1, at);
    return linesOf(st);
}

bool SubmissionStore::auditHas(const std::string& action, const std::string& detail) {
    if (m_empty || !hasTable(m_db, "audit"))
        return false;
    Statement st(m_db, "SELECT 1 FROM audit WHERE action = ? AND detail = ? LIMIT 1");
    st.bind(1, action);
    st.bind(2, detail);
    return st.step();
}

} // namespace kiosk::storage
