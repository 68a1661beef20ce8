#pragma once

#include <storage/keys.hpp>

#include <string>
#include <string_view>

namespace kiosk::storage {

/// A file signed as a whole (FORMAT.md, "Signed files"): three header lines, a blank line, and
/// the payload. Bundles (signed by a kiosk) and receipts (signed by the team) are signed files.
struct SignedFile {
    SigningPublicKey signer;
    std::string payload;
};

/// Signs a payload with a key, giving the whole file's bytes.
[[nodiscard]] std::string signFile(std::string_view payload, const SigningKeyPair& key);

/// Reads a signed file and checks its signature against the key named in it, before anything in
/// the payload is looked at. Throws Error(Format) if it is not a signed file (or has any byte out
/// of place), Error(Crypto) if the signature does not match.
[[nodiscard]] SignedFile verifySignedFile(std::string_view bytes);

} // namespace kiosk::storage
