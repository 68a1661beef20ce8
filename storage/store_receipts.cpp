#include <storage/store.hpp>

#include <storage/store_detail.hpp>

#include <algorithm>
#include <sqlite3.h>

// The store's side of a receipt: marking what the complaints team confirms, and deleting it.

namespace kiosk::storage {

using detail::hasTable;

SubmissionStore::ReceiptOutcome SubmissionStore::applyReceipt(const Receipt& receipt, const std::string& now,
                                                              const std::vector<SealedRow>& quarantinedRows) {
    ReceiptOutcome out;
    Transaction tx(m_db);
    {
        Statement seen(m_db, "SELECT 1 FROM receipt WHERE id = ?");
        seen.bind(1, receipt.id);
        if (seen.step()) {
            out.alreadyImported = true;
            return out; // the transaction rolls back: it changed nothing
        }
    }
    Statement find(m_db, "SELECT state, sealed FROM submission WHERE id = ?");
    Statement mark(m_db, "UPDATE submission SET state = 'received', received_at = ? WHERE id = ?");
    Statement confirm(m_db, "INSERT OR IGNORE INTO quarantine_confirmed (id, hash) VALUES (?, ?)");
    for (const auto& entry : receipt.received) {
        find.bind(1, entry.id);
        if (find.step()) {
            const auto state = find.text(0);
            // The hash names exactly the bytes that arrived: other bytes under the same id are kept.
            const bool same = sealedHash(find.blob(1)) == entry.hash;
            find.reset();
            if (!same) {
                out.mismatch.push_back(entry.id);
            } else if (state == "waiting" || state == "exported") {
                mark.bind(1, now);
                mark.bind(2, entry.id);
                mark.run();
                ++out.marked;
            }
            continue;
        }
        find.reset();
        const auto quarantined = std::find_if(quarantinedRows.begin(), quarantinedRows.end(),
                                              [&](const SealedRow& row) { return row.id == entry.id; });
        if (quarantined == quarantinedRows.end()) {
            ++out.notHere;
        } else if (sealedHash(quarantined->sealed) != entry.hash) {
            out.mismatch.push_back(entry.id);
        } else {
            confirm.bind(1, entry.id);
            confirm.bind(2, std::span<const unsigned char>(entry.hash));
            confirm.run();
            ++out.quarantinedConfirmed;
        }
    }
    Statement record(m_db, "INSERT INTO receipt (id, imported_at, named, marked) VALUES (?, ?, ?, ?)");
    record.bind(1, receipt.id);
    record.bind(2, now);
    record.bind(3, static_cast<std::int64_t>(receipt.received.size()));
    record.bind(4, static_cast<std::int64_t>(out.marked));
    record.run();
    tx.commit();
    checkpoint();
    return out;
}

std::vector<std::string> SubmissionStore::confirmedFromQuarantine() {
    if (m_empty || !hasTable(m_db, "quarantine_confirmed"))
        return {};
    Statement st(m_db, "SELECT id FROM quarantine_confirmed ORDER BY id");
    std::vector<std::string> ids;
    while (st.step())
        ids.push_back(st.text(0));
    return ids;
}

int SubmissionStore::deleteReceived(const std::string& receivedUpTo) {
    Transaction tx(m_db);
    Statement remove(m_db, "DELETE FROM submission WHERE state = 'received' AND received_at <= ?");
    remove.bind(1, receivedUpTo);
    remove.run();
    const int deleted = sqlite3_changes(m_db.handle());
    tx.commit();
    // secure_delete zeroed the rows' bytes in the pages written to the WAL; the checkpoint puts
    // those pages over the database's own and empties the WAL.
    checkpoint();
    return deleted;
}

int SubmissionStore::deleteAllSubmissions() {
    Transaction tx(m_db);
    m_db.exec("DELETE FROM submission");
    const int deleted = sqlite3_changes(m_db.handle());
    m_db.exec("DELETE FROM reference_used");
    tx.commit();
    checkpoint();
    return deleted;
}

} // namespace kiosk::storage
