#include <storage/export.hpp>

#include <storage/bundle.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>

#include <algorithm>
#include <chrono>
#include <set>

namespace kiosk::storage {
namespace {

bool sameEntries(const Bundle& a, const Bundle& b) {
    return a.batch == b.batch && a.kioskKey == b.kioskKey &&
           std::equal(a.entries.begin(), a.entries.end(), b.entries.begin(), b.entries.end(),
                      [](const BundleEntry& x, const BundleEntry& y) {
                          return x.id == y.id && x.sealed == y.sealed;
                      }) &&
           a.audit == b.audit;
}

// The audit log's last kAuditBundledDays before the export: what the complaints team sees of what
// staff did on the kiosk.
std::vector<AuditEntry> auditToSend(SubmissionStore& store, const std::string& now) {
    const auto at = parseIsoUtc(now);
    if (!at)
        throw Error(Error::Kind::Format, "an export's time is not written YYYY-MM-DDTHH:MM:SSZ");
    return store.auditSince(isoUtc(*at - std::chrono::days(kAuditBundledDays)));
}

// An export killed half-way leaves "<bundle>.tmp-<pid>" behind: never complete, and nothing reads
// it, but on a stick or a share it piles up and holds sealed copies. This kiosk's own go at its
// next export, once older than any export takes, so that one still being written is left alone.
void removeLeftovers(const std::filesystem::path& folder, std::string_view kiosk) {
    const auto prefix = bundleFilePrefix(kiosk);
    const auto now = std::filesystem::file_time_type::clock::now();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        if (!name.starts_with(prefix) || name.find(".bundle.tmp-") == std::string::npos)
            continue;
        std::error_code fileEc;
        const auto written = entry.last_write_time(fileEc);
        if (!fileEc && now - written > std::chrono::minutes(10))
            std::filesystem::remove(entry.path(), fileEc);
    }
}

} // namespace

ExportResult exportUnconfirmed(SubmissionStore& store, const std::filesystem::path& folder,
                               const ExportInfo& info, const std::vector<SealedRow>& alsoSend) {
    if (info.signer == nullptr)
        throw Error(Error::Kind::NoKey, "an export needs the kiosk's signing key");
    ExportResult result;
    Bundle bundle{newUuid(), info.kiosk,  info.now, info.demo, info.recipient, info.signer->publicKey, {},
                  auditToSend(store, info.now)};
    std::vector<std::string> ids; // the store's rows that go, to be marked exported
    std::set<std::string> sending;
    const auto confirmedElsewhere = store.confirmedFromQuarantine();
    // A row whose bytes no longer match their checksum is reported and kept, never sent as good.
    // An id goes once: a reader refuses a bundle that names one twice.
    const auto add = [&](const SealedRow& row, bool fromStore) {
        if (!row.intact) {
            result.damaged.push_back(row.id);
            return;
        }
        if (!sending.insert(row.id).second)
            return;
        bundle.entries.push_back({row.id, row.createdAt, row.priority, row.sealed});
        if (fromStore)
            ids.push_back(row.id);
    };
    for (const auto& row : store.unconfirmed())
        add(row, true);
    for (const auto& row : alsoSend)
        if (std::find(confirmedElsewhere.begin(), confirmedElsewhere.end(), row.id) ==
            confirmedElsewhere.end())
            add(row, false);
    if (bundle.entries.empty())
        return result;
    removeLeftovers(folder, info.kiosk);

    const auto file = folder / bundleFileName(bundle);
    writeNewFileAtomically(file, toSignedFile(bundle, *info.signer));

    // Read back what reached the disk before trusting it: signed by this kiosk, the same batch,
    // the same entries, the same bytes.
    if (!sameEntries(readBundle(readFile(file)), bundle))
        throw Error(Error::Kind::File,
                    "the bundle written to " + file.string() + " did not read back the same");

    store.markExported(ids, bundle.batch, file.filename().string(), info.now);
    result.file = file;
    result.count = bundle.entries.size();
    return result;
}

} // namespace kiosk::storage
