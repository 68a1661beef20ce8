#pragma once

#include <storage/keys.hpp>
#include <storage/store.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::storage {

/// What an export did.
struct ExportResult {
    std::filesystem::path file; // empty if there was nothing to export
    std::size_t count = 0;
    std::vector<std::string> damaged; // submissions left out: their bytes fail their checksum
};

/// Who is exporting: the kiosk's name, the team's key, the kiosk's signing key, demo mode, the time.
struct ExportInfo {
    std::string kiosk;
    PublicKey recipient;
    const SigningKeyPair* signer = nullptr;
    bool demo = false;
    std::string now; // ISO 8601 UTC
};

/// Writes every submission the complaints team has not confirmed (waiting or exported) whose bytes
/// match their checksum into one signed bundle file in a folder, atomically; reads the file back
/// and verifies it; only then marks them exported. Damaged ones are left as they are and named in
/// the result. alsoSend rows (from quarantined databases, which are never written to) go in too.
/// The bundle carries the audit log's lines of the kAuditBundledDays before info.now.
[[nodiscard]] ExportResult exportUnconfirmed(SubmissionStore& store, const std::filesystem::path& folder,
                                             const ExportInfo& info, const std::vector<SealedRow>& alsoSend = {});

} // namespace kiosk::storage
