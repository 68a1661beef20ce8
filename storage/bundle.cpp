#include <storage/bundle.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/signed_file.hpp>
#include <storage/strict_json.hpp>

#include <cstdint>
#include <limits>
#include <set>

namespace kiosk::storage {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "cafcass-cymru-kiosk.bundle";
constexpr int kVersion = 3;
// Version 2 is version 3 without the audit log: a kiosk not yet upgraded still sends it.
constexpr int kOldestVersion = 2;

Json auditJson(const std::vector<AuditEntry>& lines) {
    Json out = Json::array();
    for (const auto& a : lines)
        out.push_back({{"seq", a.seq},
                       {"at", a.at},
                       {"source", a.source},
                       {"action", a.action},
                       {"outcome", a.outcome},
                       {"count", a.count},
                       {"detail", a.detail}});
    return out;
}

// The audit log a bundle carries: each line whole and known, in the order the kiosk recorded them,
// each seq once. A line twice, or out of order, is not what a kiosk writes.
std::vector<AuditEntry> auditFrom(const nlohmann::json& lines) {
    std::vector<AuditEntry> out;
    for (const auto& item : lines) {
        const JsonReader a(item, "a bundle's audit line");
        a.onlyFields({"seq", "at", "source", "action", "outcome", "count", "detail"});
        const auto seq = a.unsignedInteger("seq");
        if (seq < 1 || seq > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            a.outOfRange("seq");
        AuditEntry line{static_cast<std::int64_t>(seq), a.time("at"),   a.string("source"),
                        a.string("action"),             a.string("outcome"), a.integer("count"),
                        a.string("detail")};
        if (!isAuditAction(line.action))
            a.unknownValue("action");
        if (!isAuditOutcome(line.outcome))
            a.unknownValue("outcome");
        if (const auto problem = auditLineProblem(line); !problem.empty())
            throw Error(Error::Kind::Format, "a bundle's audit line " + problem);
        if (!out.empty() && line.seq <= out.back().seq)
            throw Error(Error::Kind::Format, "the bundle's audit lines are not in rising order of seq, each once");
        out.push_back(std::move(line));
    }
    return out;
}

} // namespace

std::string toJson(const Bundle& b) {
    Json entries = Json::array();
    for (const auto& e : b.entries)
        entries.push_back({{"id", e.id},
                           {"created_at", e.createdAt},
                           {"priority", e.priority},
                           {"sealed", toBase64(e.sealed)}});
    const Json j = {{"format", kFormat},
                    {"version", kVersion},
                    {"batch", b.batch},
                    {"kiosk", b.kiosk},
                    {"kiosk_key", toBase64(b.kioskKey.bytes)},
                    {"created_at", b.createdAt},
                    {"demo", b.demo},
                    {"recipient_public_key", toBase64(b.recipient.bytes)},
                    {"count", b.entries.size()},
                    {"submissions", entries},
                    {"audit", auditJson(b.audit)}};
    return j.dump(1) + "\n";
}

Bundle bundleFromJson(std::string_view json) {
    const nlohmann::json j = parseStrict(json, "the bundle");
    const JsonReader r(j, "the bundle");
    if (r.string("format") != kFormat)
        throw Error(Error::Kind::Format, "the file is not a kiosk bundle");
    const int version = r.integer("version");
    if (version < kOldestVersion || version > kVersion)
        throw Error(Error::Kind::Format, "bundle version " + std::to_string(version) +
                                             (version > kVersion ? " is newer than this program understands"
                                                                 : " is not one this program reads"));
    if (version == kOldestVersion)
        r.onlyFields({"format", "version", "batch", "kiosk", "kiosk_key", "created_at", "demo",
                      "recipient_public_key", "count", "submissions"});
    else
        r.onlyFields({"format", "version", "batch", "kiosk", "kiosk_key", "created_at", "demo",
                      "recipient_public_key", "count", "submissions", "audit"});
    Bundle b;
    b.batch = r.uuid("batch");
    b.kiosk = r.string("kiosk");
    r.bytes("kiosk_key", b.kioskKey.bytes);
    b.createdAt = r.time("created_at");
    b.demo = r.boolean("demo");
    r.bytes("recipient_public_key", b.recipient.bytes);
    const int count = r.integer("count");
    std::set<std::string> ids;
    for (const auto& item : r.array("submissions")) {
        const JsonReader e(item, "a bundle entry");
        e.onlyFields({"id", "created_at", "priority", "sealed"});
        BundleEntry entry{e.uuid("id"), e.time("created_at"), e.boolean("priority"), e.bytes("sealed")};
        // A second entry with an id would stand in for the first: the whole bundle is refused.
        if (!ids.insert(entry.id).second)
            throw Error(Error::Kind::Format, "the bundle holds submission " + entry.id + " twice");
        b.entries.push_back(std::move(entry));
    }
    if (count < 0 || static_cast<std::size_t>(count) != b.entries.size())
        throw Error(Error::Kind::Format, "the bundle does not hold as many submissions as it says");
    if (version >= 3)
        b.audit = auditFrom(r.array("audit"));
    return b;
}

std::string toSignedFile(const Bundle& bundle, const SigningKeyPair& kioskKey) {
    if (bundle.kioskKey != kioskKey.publicKey)
        throw Error(Error::Kind::Crypto, "a bundle must be signed by the kiosk key it names");
    return signFile(toJson(bundle), kioskKey);
}

Bundle readBundle(std::string_view fileBytes) {
    const auto file = verifySignedFile(fileBytes);
    auto bundle = bundleFromJson(file.payload);
    // Otherwise a bundle re-signed by anyone would still claim to come from the kiosk it names.
    if (bundle.kioskKey != file.signer)
        throw Error(Error::Kind::Crypto, "the bundle names a kiosk key other than the one that signed it");
    return bundle;
}

std::string bundleFilePrefix(std::string_view kiosk) { return "cafcass-kiosk_" + safeForFileName(kiosk) + "_"; }

std::string bundleFileName(const Bundle& bundle) {
    return bundleFilePrefix(bundle.kiosk) + compactStamp(bundle.createdAt) + "_" + bundle.batch.substr(0, 8) + ".bundle";
}

} // namespace kiosk::storage
