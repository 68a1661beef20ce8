#include <storage/bundle.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/signed_file.hpp>
#include <storage/strict_json.hpp>

#include <set>

namespace kiosk::storage {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "cafcass-cymru-kiosk.bundle";
constexpr int kVersion = 2;

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
                    {"submissions", entries}};
    return j.dump(1) + "\n";
}

Bundle bundleFromJson(std::string_view json) {
    const nlohmann::json j = parseStrict(json, "the bundle");
    const JsonReader r(j, "the bundle");
    if (r.string("format") != kFormat)
        throw Error(Error::Kind::Format, "the file is not a kiosk bundle");
    if (const int version = r.integer("version"); version != kVersion)
        throw Error(Error::Kind::Format, "bundle version " + std::to_string(version) +
                                             (version > kVersion ? " is newer than this program understands"
                                                                 : " is not one this program reads"));
    r.onlyFields({"format", "version", "batch", "kiosk", "kiosk_key", "created_at", "demo",
                  "recipient_public_key", "count", "submissions"});
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
