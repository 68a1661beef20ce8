#pragma once

#include <sodium.h>

#include <array>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// The complaints team's public key: all a kiosk ever holds.
struct PublicKey {
    std::array<unsigned char, crypto_box_PUBLICKEYBYTES> bytes{};
};

/// The complaints team's key pair; the secret half never leaves the team's computer.
class KeyPair {
public:
    KeyPair() = default;
    KeyPair(const KeyPair&) = delete;
    KeyPair& operator=(const KeyPair&) = delete;
    KeyPair(KeyPair&& other) noexcept;
    KeyPair& operator=(KeyPair&& other) noexcept;
    ~KeyPair();

    /// Makes a fresh random pair.
    [[nodiscard]] static KeyPair generate();

    PublicKey publicKey;
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secretKey{};
};

/// Initialises libsodium once; throws Error(Crypto) if it cannot.
void initSodium();

/// Seals bytes to a public key (crypto_box_seal): only the holder of the secret key can open them.
[[nodiscard]] std::vector<unsigned char> seal(std::string_view plaintext, const PublicKey& key);
/// Opens sealed bytes; throws Error(Crypto) if they were not sealed to this key or were altered.
[[nodiscard]] std::string openSealed(std::span<const unsigned char> sealed, const KeyPair& keys);

/// Standard base64 with padding (RFC 4648 section 4).
[[nodiscard]] std::string toBase64(std::span<const unsigned char> bytes);
/// Decodes standard base64; throws Error(Format) on anything else.
[[nodiscard]] std::vector<unsigned char> fromBase64(std::string_view text);

/// A short, readable fingerprint of a public key, for checking by eye which key a kiosk holds.
[[nodiscard]] std::string fingerprint(const PublicKey& key);

/// Writes the public key file (see FORMAT.md); unless told to replace, refuses an existing file.
void savePublicKey(const std::filesystem::path& file, const PublicKey& key, bool replace = false);
/// Writes the secret key file readable by its owner only; refuses to replace an existing file.
void saveKeyPair(const std::filesystem::path& file, const KeyPair& keys);
[[nodiscard]] PublicKey loadPublicKey(const std::filesystem::path& file);
[[nodiscard]] KeyPair loadKeyPair(const std::filesystem::path& file);

} // namespace kiosk::storage
