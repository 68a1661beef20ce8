#pragma once

#include <storage/audit.hpp>
#include <storage/keys.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// One sealed submission inside a bundle.
struct BundleEntry {
    std::string id;
    std::string createdAt;
    bool priority = false;
    std::vector<unsigned char> sealed;
};

/// One export from one kiosk (see FORMAT.md, "Bundle").
struct Bundle {
    std::string batch;         // UUID of this export
    std::string kiosk;         // the kiosk's name
    std::string createdAt;     // ISO 8601 UTC
    bool demo = false;         // exported by a kiosk in demo mode
    PublicKey recipient;       // the key every entry is sealed to
    SigningPublicKey kioskKey; // the kiosk's own signing key, which signs the whole file
    std::vector<BundleEntry> entries;
    std::vector<AuditEntry> audit; // the kiosk's audit log of the last kAuditBundledDays (version 3)
};

/// The bundle's payload: the JSON the signature covers (FORMAT.md, "Bundle").
[[nodiscard]] std::string toJson(const Bundle& bundle);
/// Reads a payload strictly; throws Error(Format) with what is wrong if it is not a complete,
/// known bundle (a count that does not match, an id twice, a field of the wrong type or form).
[[nodiscard]] Bundle bundleFromJson(std::string_view json);

/// The bundle as a signed file, signed with the kiosk's key (whose public half is bundle.kioskKey).
[[nodiscard]] std::string toSignedFile(const Bundle& bundle, const SigningKeyPair& kioskKey);
/// Reads a bundle file: checks the signature before anything else, then the payload, and that the
/// payload names the key that signed it. Whether that kiosk is one the team knows is for the reader.
[[nodiscard]] Bundle readBundle(std::string_view fileBytes);

/// "cafcass-kiosk_<kiosk>_<time>_<first 8 of batch>.bundle"
[[nodiscard]] std::string bundleFileName(const Bundle& bundle);
/// What every bundle file name of a kiosk begins with: "cafcass-kiosk_<kiosk>_".
[[nodiscard]] std::string bundleFilePrefix(std::string_view kiosk);

} // namespace kiosk::storage
