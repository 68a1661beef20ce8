#pragma once

#include <core/identity.hpp>
#include <core/status.hpp>
#include <flow/staff.hpp>
#include <storage/export.hpp>
#include <storage/store.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// The staff actions, the same whether they come from the command line, the sync worker or (later)
// the staff screen.

namespace kiosk::core {

/// Why this kiosk cannot store what a child sends.
struct CannotStoreWhy {
    flow::CannotStore reason = flow::CannotStore::None;
    std::string detail; // for IT and the journal: the file and what the system said
};

/// Why this kiosk cannot store what a child sends, or reason None if it can: the key seals, the
/// folder has room, the database opens for writing (made, as the first save would make it) and
/// takes the write lock, and no quarantined database waits for staff to see it. Stores nothing.
[[nodiscard]] CannotStoreWhy whyCannotStore(const Identity& identity);

/// Writes every submission the complaints team has not confirmed (waiting or exported, and those in
/// quarantined databases that no receipt has named) into one signed bundle in a folder (a USB stick
/// or a network folder), then marks the kiosk's own exported. Received rows past their keeping time
/// are deleted first. Throws storage::Error with a message for staff if the folder is not there or
/// cannot be written.
[[nodiscard]] storage::ExportResult exportUnconfirmed(const Identity& identity,
                                                      const std::filesystem::path& folder);

/// What importing a receipt did.
struct ReceiptImport {
    enum class Outcome {
        Applied,         // read, for this kiosk, signed by the team: rows marked (or already were)
        ForAnotherKiosk, // signed by the team for another kiosk: nothing changed
        Refused          // not signed by the team's key, altered, or not a receipt: nothing changed
    };
    Outcome outcome = Outcome::Refused;
    std::string why;   // for staff, when it was not applied
    storage::SubmissionStore::ReceiptOutcome applied;
    int deleted = 0; // received rows deleted now (keep_received_days had passed)
};

/// Reads a receipt file, checks that the team signed it for this kiosk, marks the rows it names
/// received, and deletes received rows kept keep_received_days. A refused receipt changes nothing.
/// Throws storage::Error if the file cannot be read or the database is damaged.
[[nodiscard]] ReceiptImport
importReceipt(const Identity& identity, const std::filesystem::path& file,
              std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// The receipt files (*.receipt, regular files) at the top level of a folder, by name: a USB stick's
/// or the sync folder's.
[[nodiscard]] std::vector<std::filesystem::path> receiptFilesIn(const std::filesystem::path& folder);

/// Deletes the received rows kept keep_received_days (secure delete: their bytes leave both the
/// database and its WAL); opens the database for writing only if there are received rows. Returns
/// how many went.
int forgetReceived(const Identity& identity,
                   std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// What a check of the database found.
struct Verification {
    std::vector<std::string> integrity; // what PRAGMA integrity_check reported, if not "ok"
    std::string unreadable;             // why the database could not be opened at all, if so
    int rowsChecked = 0;                // unconfirmed rows whose checksums were compared
    std::vector<std::string> damaged;   // ids of rows whose bytes fail their checksum
    std::vector<storage::QuarantineRead> quarantined;

    [[nodiscard]] bool sound() const {
        return integrity.empty() && unreadable.empty() && damaged.empty() && quarantined.empty();
    }
};

/// Checks the whole database (PRAGMA integrity_check, every unconfirmed row's checksum) and reads
/// the quarantined ones, changing nothing on disk.
[[nodiscard]] Verification verify(const Identity& identity);

} // namespace kiosk::core
