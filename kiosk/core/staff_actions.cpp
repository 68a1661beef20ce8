#include <core/staff_actions.hpp>

#include <core/on_database.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/receipt.hpp>
#include <storage/store.hpp>

#include <cerrno>
#include <algorithm>
#include <set>

namespace kiosk::core {
namespace {

using storage::Error;

// Below this much free space a submission (a few kilobytes, and its WAL) may not fit.
constexpr std::uintmax_t kLeastFreeBytes = 4 * 1024 * 1024;

std::string receivedUpTo(const Identity& identity, std::chrono::system_clock::time_point now) {
    return storage::isoUtc(now - std::chrono::hours(24) * identity.keepReceivedDays);
}

// Rows read from quarantined databases that no receipt has confirmed: those files are never
// written, so their rows go in every export until a receipt names them.
std::vector<storage::SealedRow> quarantinedToSend(const Identity& identity,
                                                  const std::set<std::string>& confirmed) {
    std::vector<storage::SealedRow> out;
    for (auto& read : detail::readQuarantine(identity))
        for (auto& row : read.rows)
            if (confirmed.count(row.id) == 0)
                out.push_back(std::move(row));
    return out;
}

std::vector<storage::SealedRow> allQuarantined(const Identity& identity) {
    return quarantinedToSend(identity, {});
}

CannotStoreWhy unwritable(const Identity& identity, const std::exception& e) {
    return {flow::CannotStore::Unwritable, "the database " + identity.databaseFile().string() +
                                               " cannot be written (" + e.what() +
                                               "). Ask IT; do not delete anything in that folder."};
}

} // namespace

CannotStoreWhy whyCannotStore(const Identity& identity) {
    using flow::CannotStore;
    if (!identity.keyProblem.empty())
        return {CannotStore::NoKey, identity.keyProblem};
    try {
        // An all-zero or otherwise weak key is refused by the sealed box itself.
        (void)storage::seal("check", identity.key);
    } catch (const Error& e) {
        return {CannotStore::NoKey,
                "the team's key in " + identity.dataDir.string() + " cannot seal (" + e.what() +
                    "). Ask IT to provision the kiosk again with the complaints team's public key."};
    }
    std::error_code ec;
    const auto space = std::filesystem::space(identity.dataDir, ec);
    if (!ec && space.available < kLeastFreeBytes)
        return {CannotStore::DiskFull,
                "the disk holding " + identity.dataDir.string() + " is full (" +
                    std::to_string(space.available / 1024) +
                    " KiB free). Ask IT to make room; do not delete anything in that folder."};
    try {
        storage::SubmissionStore store(identity.databaseFile());
        {
            const storage::Transaction probe(store.db()); // takes the write lock, then rolls back
        }
        // The audit line that says staff have seen a quarantined database is in the new database,
        // so this is asked of the store just opened.
        if (const auto notSeen = detail::quarantineNotSeen(identity, &store); !notSeen.empty())
            return {CannotStore::Quarantined,
                    "the database was found damaged and moved whole into " +
                        (identity.dataDir / "quarantine" / notSeen.back()).string() +
                        "; staff have not yet seen this. Ask IT to copy the data folder; do not delete it."};
    } catch (const Error& e) {
        if (storage::isDamage(e))
            return {CannotStore::Damaged,
                    "the database " + identity.databaseFile().string() + " is damaged (" + e.what() +
                        ") and could not be moved aside. Ask IT; do not delete anything in "
                        "that folder."};
        if (e.kind() == Error::Kind::File && e.code() == ENOSPC)
            return {CannotStore::DiskFull,
                    "the disk holding " + identity.dataDir.string() + " is full (" + e.what() +
                        "). Ask IT to make room; do not delete anything in that folder."};
        return unwritable(identity, e);
    } catch (const std::exception& e) {
        return unwritable(identity, e); // a folder where the database should be, say
    }
    return {};
}

storage::ExportResult exportUnconfirmed(const Identity& identity, const std::filesystem::path& folder) {
    if (!std::filesystem::is_directory(folder))
        throw Error(Error::Kind::File, "the folder " + folder.string() +
                                           " does not exist. Is the USB stick or network folder connected?");
    const auto now = std::chrono::system_clock::now();
    return detail::onDatabase(identity, [&] {
        std::set<std::string> confirmed;
        int unconfirmed = 0;
        if (std::filesystem::exists(identity.databaseFile())) {
            storage::SubmissionStore reading(identity.databaseFile(), storage::Access::ReadOnly);
            unconfirmed = reading.count("waiting") + reading.count("exported");
            for (auto& id : reading.confirmedFromQuarantine())
                confirmed.insert(std::move(id));
        }
        auto alsoSend = quarantinedToSend(identity, confirmed);
        // Opened for writing only when there is something to export: with nothing unconfirmed,
        // export changes nothing, not even the database's schema.
        if (unconfirmed == 0 && alsoSend.empty())
            return storage::ExportResult{};
        const auto signer = identity.signingKeys();
        storage::SubmissionStore store(identity.databaseFile());
        if (store.count("received") > 0)
            (void)store.deleteReceived(receivedUpTo(identity, now));
        return storage::exportUnconfirmed(
            store, folder, {identity.name, identity.key, &signer, identity.demo, storage::isoUtc(now)},
            alsoSend);
    });
}

std::vector<std::filesystem::path> receiptFilesIn(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".receipt" && entry.is_regular_file())
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

int forgetReceived(const Identity& identity, std::chrono::system_clock::time_point now) {
    if (!std::filesystem::exists(identity.databaseFile()))
        return 0;
    return detail::onDatabase(identity, [&] {
        if (storage::SubmissionStore(identity.databaseFile(), storage::Access::ReadOnly).count("received") ==
            0)
            return 0;
        storage::SubmissionStore store(identity.databaseFile());
        return store.deleteReceived(receivedUpTo(identity, now));
    });
}

ReceiptImport importReceipt(const Identity& identity, const std::filesystem::path& file,
                            std::chrono::system_clock::time_point now) {
    ReceiptImport result;
    storage::Receipt receipt;
    try {
        // A receipt names each submission in about 120 bytes: 64 MiB is half a million of them.
        constexpr std::uintmax_t kLargestReceipt = 64u * 1024 * 1024;
        receipt = storage::readReceipt(storage::readFile(file, kLargestReceipt), identity.teamSigning);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Crypto && e.kind() != Error::Kind::Format)
            throw;
        result.why =
            file.string() + " was not imported: " + e.what() +
            ". This kiosk takes only receipts signed with the complaints team's key it was provisioned "
            "with (" +
            storage::fingerprint(identity.teamSigning) +
            ") and not changed since. Nothing was changed. Ask the complaints team to send the receipt "
            "again.";
        return result;
    }
    if (receipt.kioskKey != identity.kioskKey) {
        result.outcome = ReceiptImport::Outcome::ForAnotherKiosk;
        result.why = file.string() + " is a receipt for the kiosk \"" + receipt.kiosk + "\" (key " +
                     storage::fingerprint(receipt.kioskKey) + "), not for this one (\"" + identity.name +
                     "\", key " + storage::fingerprint(identity.kioskKey) +
                     "). Nothing was changed. Import it on that kiosk; this kiosk needs its own receipt.";
        return result;
    }
    return detail::onDatabase(identity, [&] {
        storage::SubmissionStore store(identity.databaseFile());
        result.applied = store.applyReceipt(receipt, storage::isoUtc(now), allQuarantined(identity));
        result.deleted = store.deleteReceived(receivedUpTo(identity, now));
        result.outcome = ReceiptImport::Outcome::Applied;
        return result;
    });
}

Verification verify(const Identity& identity) {
    Verification result;
    result.quarantined = detail::readQuarantine(identity);
    if (!std::filesystem::exists(identity.databaseFile()))
        return result;
    try {
        storage::SubmissionStore store(identity.databaseFile(), storage::Access::ReadOnly);
        storage::Statement check(store.db(), "PRAGMA integrity_check");
        while (check.step())
            if (const auto line = check.text(0); line != "ok")
                result.integrity.push_back(line);
        for (const auto& row : store.unconfirmed()) {
            ++result.rowsChecked;
            if (!row.intact)
                result.damaged.push_back(row.id);
        }
    } catch (const Error& e) {
        // Refused at opening (a failed quick_check, not a database at all): that is the finding.
        result.unreadable = e.what();
    }
    return result;
}

} // namespace kiosk::core
