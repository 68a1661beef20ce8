#pragma once

#include <core/identity.hpp>
#include <storage/bundle.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <storage/receipt.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// What the core tests share: the complaints team's side of a round trip, made with the storage API
// as intake makes it (never the intake program).

namespace kiosk::test {

/// The team's keys as "intake keygen" makes them, and their public file as IT receives it.
inline storage::TeamKeys makeTeamKeys(const std::filesystem::path& publicFile) {
    auto keys = storage::TeamKeys::generate();
    storage::saveTeamPublicKeys(publicFile, keys.publicKeys());
    return keys;
}

/// A demo kiosk's own "team" keys, kept on the tablet so that a demo round trip works.
inline storage::TeamKeys demoTeamKeys(const core::Identity& kiosk) {
    return storage::loadTeamKeys(kiosk.dataDir / "demo-secret.key", std::nullopt);
}

/// A bundle file, its signature checked.
inline storage::Bundle readBundleFile(const std::filesystem::path& file) {
    return storage::readBundle(storage::readFile(file));
}

/// The team's receipt naming these entries, for the kiosk with this signing key, as a signed file
/// written into a folder. Returns its path.
inline std::filesystem::path writeReceipt(const std::filesystem::path& folder, const std::string& kiosk,
                                          const storage::SigningPublicKey& kioskKey,
                                          const std::vector<storage::BundleEntry>& entries,
                                          const storage::SigningKeyPair& signer) {
    storage::Receipt receipt;
    receipt.id = storage::newUuid();
    receipt.kiosk = kiosk;
    receipt.kioskKey = kioskKey;
    receipt.createdAt = storage::isoUtc(std::chrono::system_clock::now());
    for (const auto& e : entries)
        receipt.received.push_back({e.id, storage::sealedHash(e.sealed)});
    const auto file = folder / storage::receiptFileName(receipt);
    storage::writeFileAtomically(file, storage::toSignedFile(receipt, signer));
    return file;
}

/// The same, for this kiosk.
inline std::filesystem::path writeReceipt(const std::filesystem::path& folder, const core::Identity& kiosk,
                                          const std::vector<storage::BundleEntry>& entries,
                                          const storage::SigningKeyPair& signer) {
    return writeReceipt(folder, kiosk.name, kiosk.kioskKey, entries, signer);
}

} // namespace kiosk::test
