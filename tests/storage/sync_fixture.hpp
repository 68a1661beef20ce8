#pragma once

#include <storage/bundle.hpp>
#include <storage/export.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <storage/receipt.hpp>
#include <storage/signed_file.hpp>
#include <storage/store.hpp>
#include <test_support/temp_dir.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::test {

/// One kiosk and its complaints team, as the sync tests need them: the team's keys, the kiosk's
/// own signing key, its database, and a USB stick to export to.
struct SyncFixture {
    TempDir dir;
    TempDir usb;
    storage::TeamKeys team = storage::TeamKeys::generate();
    storage::SigningKeyPair kioskKey = storage::SigningKeyPair::generate();
    storage::SubmissionStore store{dir / "kiosk.db"};

    [[nodiscard]] storage::ExportInfo info(const std::string& now = "2026-11-22T16:00:00Z") const {
        return {"canolfan-1", team.sealing.publicKey, &kioskKey, false, now};
    }
    /// Stores a complaint with these words, as the kiosk would; returns its id.
    std::string add(const std::string& story, bool priority = false) {
        return addComplaint(store, story, team.sealing.publicKey, priority);
    }
    storage::ExportResult exportNow(const std::vector<storage::SealedRow>& alsoSend = {}) {
        return storage::exportUnconfirmed(store, usb.path(), info(), alsoSend);
    }
    /// The row of an id, in any state.
    [[nodiscard]] storage::SealedRow row(const std::string& id) {
        storage::Statement st(store.db(),
                              "SELECT id, created_at, state, batch, priority, sealed FROM submission "
                              "WHERE id = ?");
        st.bind(1, id);
        if (!st.step())
            return {};
        return {st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0, st.blob(5), true};
    }
    /// The team's receipt for these rows, as intake writes it, signed with the team's key.
    [[nodiscard]] storage::Receipt receiptFor(const std::vector<storage::SealedRow>& rows) const {
        storage::Receipt r{storage::newUuid(), "canolfan-1", kioskKey.publicKey, "2026-11-23T09:00:00Z", {}};
        for (const auto& row : rows)
            r.received.push_back({row.id, storage::sealedHash(row.sealed)});
        return r;
    }
};

/// The ids of a bundle's entries, in order.
[[nodiscard]] inline std::vector<std::string> idsOf(const storage::Bundle& bundle) {
    std::vector<std::string> ids;
    for (const auto& e : bundle.entries)
        ids.push_back(e.id);
    return ids;
}

/// The bytes of a signed file up to and including its blank line, and the payload after it.
[[nodiscard]] inline std::pair<std::string, std::string> splitSigned(const std::string& file) {
    const auto blank = file.find("\n\n");
    return {file.substr(0, blank + 2), file.substr(blank + 2)};
}

} // namespace kiosk::test
