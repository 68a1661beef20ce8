#include <storage/receipt.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/signed_file.hpp>
#include <storage/strict_json.hpp>

#include <set>

namespace kiosk::storage {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "cafcass-cymru-kiosk.receipt";
constexpr int kVersion = 1;

std::string toJson(const Receipt& receipt) {
    Json received = Json::array();
    for (const auto& e : receipt.received)
        received.push_back({{"id", e.id}, {"hash", toBase64(e.hash)}});
    const Json j = {{"format", kFormat},
                    {"version", kVersion},
                    {"receipt", receipt.id},
                    {"kiosk", receipt.kiosk},
                    {"kiosk_key", toBase64(receipt.kioskKey.bytes)},
                    {"created_at", receipt.createdAt},
                    {"count", receipt.received.size()},
                    {"received", received}};
    return j.dump(1) + "\n";
}

Receipt receiptFromJson(std::string_view json) {
    const nlohmann::json j = parseStrict(json, "the receipt");
    const JsonReader r(j, "the receipt");
    if (r.string("format") != kFormat)
        throw Error(Error::Kind::Format, "the file is not a receipt from the complaints team");
    if (const int version = r.integer("version"); version != kVersion)
        throw Error(Error::Kind::Format, "receipt version " + std::to_string(version) +
                                             (version > kVersion ? " is newer than this program understands"
                                                                 : " is not one this program reads"));
    r.onlyFields({"format", "version", "receipt", "kiosk", "kiosk_key", "created_at", "count", "received"});
    Receipt receipt;
    receipt.id = r.uuid("receipt");
    receipt.kiosk = r.string("kiosk");
    r.bytes("kiosk_key", receipt.kioskKey.bytes);
    receipt.createdAt = r.time("created_at");
    const int count = r.integer("count");
    std::set<std::string> ids;
    for (const auto& item : r.array("received")) {
        const JsonReader e(item, "a receipt entry");
        e.onlyFields({"id", "hash"});
        ReceiptEntry entry{e.uuid("id"), {}};
        e.bytes("hash", entry.hash);
        if (!ids.insert(entry.id).second)
            throw Error(Error::Kind::Format, "the receipt names submission " + entry.id + " twice");
        receipt.received.push_back(std::move(entry));
    }
    if (count < 0 || static_cast<std::size_t>(count) != receipt.received.size())
        throw Error(Error::Kind::Format, "the receipt does not name as many submissions as it says");
    return receipt;
}

} // namespace

std::string toSignedFile(const Receipt& receipt, const SigningKeyPair& teamSigning) {
    return signFile(toJson(receipt), teamSigning);
}

Receipt readReceipt(std::string_view fileBytes, const SigningPublicKey& teamSigning) {
    const auto file = verifySignedFile(fileBytes);
    // Anyone can sign a file; only the team's key may say what arrived.
    if (file.signer != teamSigning)
        throw Error(Error::Kind::Crypto, "the receipt is not signed by this kiosk's complaints team key (" +
                                             fingerprint(teamSigning) + "), but by a key with fingerprint " +
                                             fingerprint(file.signer));
    return receiptFromJson(file.payload);
}

std::string receiptFileName(const Receipt& receipt) {
    return "cafcass-receipt_" + safeForFileName(receipt.kiosk) + "_" + compactStamp(receipt.createdAt) + "_" +
           receipt.id.substr(0, 8) + ".receipt";
}

} // namespace kiosk::storage
