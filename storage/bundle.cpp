#include <storage/bundle.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace kiosk::storage {
namespace {

constexpr const char* kFormat = "cafcass-cymru-kiosk.bundle";
constexpr int kVersion = 1;

std::string safeForFileName(std::string_view name) {
    std::string out;
    for (const char c : name)
        out += (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-') ? c : '-';
    return out.empty() ? "kiosk" : out;
}

std::string compactStamp(std::string_view iso) {
    std::string out;
    std::copy_if(iso.begin(), iso.end(), std::back_inserter(out), [](char c) { return c != ':' && c != '-'; });
    return out; // 20261122T103102Z
}

} // namespace

std::string toJson(const Bundle& b) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : b.entries)
        entries.push_back({{"id", e.id}, {"created_at", e.createdAt}, {"priority", e.priority}, {"sealed", toBase64(e.sealed)}});
    const nlohmann::json j = {{"format", kFormat},
                              {"version", kVersion},
                              {"batch", b.batch},
                              {"kiosk", b.kiosk},
                              {"created_at", b.createdAt},
                              {"demo", b.demo},
                              {"recipient_public_key", toBase64(b.recipient.bytes)},
                              {"count", b.entries.size()},
                              {"submissions", entries}};
    return j.dump(1) + "\n";
}

Bundle bundleFromJson(std::string_view json) {
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw Error(Error::Kind::Format, "the file is not a complete JSON document (it may have been cut short)");
    try {
        if (j.at("format").get<std::string>() != kFormat)
            throw Error(Error::Kind::Format, "the file is not a kiosk bundle");
        // The version and the count are compared as JSON numbers, not converted: 1e300 does not
        // fit an integer, and converting it would be undefined.
        if (j.at("version") != kVersion)
            throw Error(Error::Kind::Format, "the bundle's version is newer than this program understands");
        Bundle b;
        b.batch = j.at("batch").get<std::string>();
        b.kiosk = j.at("kiosk").get<std::string>();
        b.createdAt = j.at("created_at").get<std::string>();
        b.demo = j.at("demo").get<bool>();
        const auto key = fromBase64(j.at("recipient_public_key").get<std::string>());
        if (key.size() != b.recipient.bytes.size())
            throw Error(Error::Kind::Format, "the bundle's recipient key has the wrong length");
        std::copy(key.begin(), key.end(), b.recipient.bytes.begin());
        for (const auto& e : j.at("submissions"))
            b.entries.push_back({e.at("id").get<std::string>(), e.at("created_at").get<std::string>(),
                                 e.at("priority").get<bool>(), fromBase64(e.at("sealed").get<std::string>())});
        if (j.at("count") != b.entries.size())
            throw Error(Error::Kind::Format, "the bundle does not hold as many submissions as it says");
        return b;
    } catch (const nlohmann::json::exception&) {
        throw Error(Error::Kind::Format, "the bundle is missing a field or has one of the wrong type");
    }
}

ExportResult exportWaiting(SubmissionStore& store, const std::filesystem::path& folder, const ExportInfo& info,
                           const std::vector<SealedRow>& alsoSend) {
    ExportResult result;
    std::vector<SealedRow> rows;
    std::vector<SealedRow> extra;
    // A row whose bytes no longer match their checksum is reported and kept, never sent as good.
    const auto sort = [&](const SealedRow& row, std::vector<SealedRow>& into) {
        if (row.intact)
            into.push_back(row);
        else
            result.damaged.push_back(row.id);
    };
    for (const auto& row : store.waiting())
        sort(row, rows);
    for (const auto& row : alsoSend)
        sort(row, extra);
    if (rows.empty() && extra.empty())
        return result;
    Bundle bundle{newUuid(), info.kiosk, info.now, info.demo, info.recipient, {}};
    for (const auto* list : {&rows, &extra})
        for (const auto& row : *list)
            bundle.entries.push_back({row.id, row.createdAt, row.priority, row.sealed});

    const auto file = folder / ("cafcass-kiosk_" + safeForFileName(info.kiosk) + "_" + compactStamp(info.now) + "_" +
                                bundle.batch.substr(0, 8) + ".bundle.json");
    writeNewFileAtomically(file, toJson(bundle));

    // Read back what reached the disk before trusting it: same batch, same entries, same bytes.
    const Bundle check = bundleFromJson(readFile(file));
    const bool same = check.batch == bundle.batch && check.entries.size() == bundle.entries.size() &&
                      std::equal(check.entries.begin(), check.entries.end(), bundle.entries.begin(),
                                 [](const BundleEntry& a, const BundleEntry& b) { return a.id == b.id && a.sealed == b.sealed; });
    if (!same)
        throw Error(Error::Kind::File, "the bundle written to " + file.string() + " did not read back the same");

    std::vector<std::string> ids;
    for (const auto& row : rows)
        ids.push_back(row.id);
    store.markExported(ids, bundle.batch, file.filename().string(), info.now);
    result.file = file;
    result.count = bundle.entries.size();
    return result;
}

} // namespace kiosk::storage
