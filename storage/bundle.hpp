#pragma once

#include <storage/keys.hpp>
#include <storage/store.hpp>

#include <filesystem>
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

/// A day's export from one kiosk (see FORMAT.md, "Bundle").
struct Bundle {
    std::string batch;     // UUID of this export
    std::string kiosk;     // the kiosk's name
    std::string createdAt; // ISO 8601 UTC
    bool demo = false;     // exported by a kiosk in demo mode
    PublicKey recipient;   // the key every entry is sealed to
    std::vector<BundleEntry> entries;
};

[[nodiscard]] std::string toJson(const Bundle& bundle);
/// Reads a bundle; throws Error(Format) with what is wrong if it is not a complete, known bundle.
[[nodiscard]] Bundle bundleFromJson(std::string_view json);

/// What an export did.
struct ExportResult {
    std::filesystem::path file; // empty if there was nothing to export
    std::size_t count = 0;
    std::vector<std::string> damaged; // waiting submissions left out: their bytes fail their checksum
};

/// Who is exporting: the kiosk's name, its key, whether it is in demo mode, and the time.
struct ExportInfo {
    std::string kiosk;
    PublicKey recipient;
    bool demo = false;
    std::string now; // ISO 8601 UTC
};

/// Writes every waiting submission whose bytes match their checksum into one bundle file in a
/// folder, atomically; reads the file back and checks it holds exactly those submissions; only then
/// marks them exported. Damaged ones are left waiting and named in the result. alsoSend rows (from
/// quarantined databases, which are never written to) go into the bundle too, unmarked, so every
/// export carries them until the complaints team has them.
[[nodiscard]] ExportResult exportWaiting(SubmissionStore& store, const std::filesystem::path& folder,
                                         const ExportInfo& info, const std::vector<SealedRow>& alsoSend = {});

} // namespace kiosk::storage
