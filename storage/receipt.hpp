#pragma once

#include <storage/keys.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// One submission the complaints team has: its id and the hash of its sealed bytes.
struct ReceiptEntry {
    std::string id;
    std::array<unsigned char, 32> hash{}; // sealedHash() of the sealed submission
};

/// The complaints team's signed word that submissions from one kiosk arrived (FORMAT.md, "Receipt").
struct Receipt {
    std::string id;        // UUID of this receipt
    std::string kiosk;     // the kiosk's name
    SigningPublicKey kioskKey; // the kiosk it is for
    std::string createdAt; // ISO 8601 UTC
    std::vector<ReceiptEntry> received;
};

/// The receipt as a signed file, signed with the team's signing key.
[[nodiscard]] std::string toSignedFile(const Receipt& receipt, const SigningKeyPair& teamSigning);

/// Reads a receipt file: verifies that it is signed by this key before anything else, then reads
/// it strictly. Throws Error(Crypto) if it is signed by any other key or altered, Error(Format) if
/// it is not a complete, known receipt.
[[nodiscard]] Receipt readReceipt(std::string_view fileBytes, const SigningPublicKey& teamSigning);

/// "cafcass-receipt_<kiosk>_<time>_<first 8 of id>.receipt"
[[nodiscard]] std::string receiptFileName(const Receipt& receipt);

} // namespace kiosk::storage
