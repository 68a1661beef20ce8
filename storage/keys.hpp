#pragma once

#include <sodium.h>

#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// The complaints team's public sealing key (X25519): what every submission is sealed to.
struct PublicKey {
    std::array<unsigned char, crypto_box_PUBLICKEYBYTES> bytes{};
};

/// A public signing key (Ed25519): a kiosk's, which signs its bundles, or the team's, which signs receipts.
struct SigningPublicKey {
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> bytes{};
    auto operator<=>(const SigningPublicKey&) const = default;
};

/// A sealing key pair; the secret half never leaves the team's computer (except a demo kiosk's own).
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

/// A signing key pair (Ed25519). The secret half is wiped when the pair goes.
class SigningKeyPair {
public:
    SigningKeyPair() = default;
    SigningKeyPair(const SigningKeyPair&) = delete;
    SigningKeyPair& operator=(const SigningKeyPair&) = delete;
    SigningKeyPair(SigningKeyPair&& other) noexcept;
    SigningKeyPair& operator=(SigningKeyPair&& other) noexcept;
    ~SigningKeyPair();

    /// Makes a fresh random pair.
    [[nodiscard]] static SigningKeyPair generate();

    SigningPublicKey publicKey;
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secretKey{};
};

/// The public halves of the complaints team's keys: the file IT gives every kiosk.
struct TeamPublicKeys {
    PublicKey sealing;
    SigningPublicKey signing;
};

/// The complaints team's two key pairs: sealing (opens submissions) and signing (signs receipts).
struct TeamKeys {
    KeyPair sealing;
    SigningKeyPair signing;

    [[nodiscard]] static TeamKeys generate();
    [[nodiscard]] TeamPublicKeys publicKeys() const { return {sealing.publicKey, signing.publicKey}; }
};

/// How hard a passphrase is made to guess (crypto_pwhash, Argon2id): the costs are stored in the file.
struct KdfLimits {
    unsigned long long opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
    std::size_t memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
    /// The team's keys: about half a second and 256 MiB to try one passphrase.
    [[nodiscard]] static KdfLimits moderate() { return {}; }
    /// For tests only: about 75 ms and 64 MiB.
    [[nodiscard]] static KdfLimits interactive() {
        return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
    }
};

/// Initialises libsodium once; throws Error(Crypto) if it cannot.
void initSodium();

/// Seals bytes to a public key (crypto_box_seal): only the holder of the secret key can open them.
[[nodiscard]] std::vector<unsigned char> seal(std::string_view plaintext, const PublicKey& key);
/// Opens sealed bytes; throws Error(Crypto) if they were not sealed to this key or were altered.
[[nodiscard]] std::string openSealed(std::span<const unsigned char> sealed, const KeyPair& keys);

/// BLAKE2b-256 of sealed bytes: how a receipt and the intake ledger name exactly what arrived.
[[nodiscard]] std::array<unsigned char, 32> sealedHash(std::span<const unsigned char> sealed);

/// Standard base64 with padding (RFC 4648 section 4).
[[nodiscard]] std::string toBase64(std::span<const unsigned char> bytes);
/// Decodes standard base64; throws Error(Format) on anything else, including a non-canonical
/// spelling of the same bytes (so that no byte of a signed file can change and still mean the same).
[[nodiscard]] std::vector<unsigned char> fromBase64(std::string_view text);

/// A fingerprint people can compare by reading it aloud: 20 digits in five groups of four
/// ("0482 1937 5512 8830 1276"); see FORMAT.md.
[[nodiscard]] std::string fingerprint(std::span<const unsigned char> publicKey);
[[nodiscard]] inline std::string fingerprint(const PublicKey& key) { return fingerprint(key.bytes); }
[[nodiscard]] inline std::string fingerprint(const SigningPublicKey& key) { return fingerprint(key.bytes); }

/// Writes the team's public key file (FORMAT.md, "Key files"); unless told to replace, refuses an existing file.
void saveTeamPublicKeys(const std::filesystem::path& file, const TeamPublicKeys& keys, bool replace = false);
/// Reads a team public key file; throws Error(Format) naming the file and what is wrong.
[[nodiscard]] TeamPublicKeys loadTeamPublicKeys(const std::filesystem::path& file);

/// Writes the team's secret key file, mode 0600, refusing an existing file. With a passphrase the
/// secret keys are encrypted (crypto_pwhash Argon2id, then crypto_secretbox); without one (a demo
/// kiosk's own keys only) they are stored as they are.
void saveTeamKeys(const std::filesystem::path& file, const TeamKeys& keys, std::optional<std::string_view> passphrase,
                  KdfLimits limits = KdfLimits::moderate());
/// Whether a team secret key file needs a passphrase to open.
[[nodiscard]] bool needsPassphrase(const std::filesystem::path& file);
/// Reads the team's secret key file; throws Error(Crypto) "the passphrase is not right" if it does
/// not open, Error(Format) if the file is not a team secret key file.
[[nodiscard]] TeamKeys loadTeamKeys(const std::filesystem::path& file, std::optional<std::string_view> passphrase);

/// Writes a kiosk's own signing key file, mode 0600, refusing an existing file.
void saveKioskSigningKey(const std::filesystem::path& file, const SigningKeyPair& keys);
/// Reads it, checking that the secret key gives the signing key; throws Error(Format).
[[nodiscard]] SigningKeyPair loadKioskSigningKey(const std::filesystem::path& file);

/// A kiosk's public identity: what the complaints team enrols (FORMAT.md, "Kiosk identity").
struct KioskIdentity {
    std::string name;
    SigningPublicKey signing;
    bool demo = false;
};
/// Writes it with the key's fingerprint, replacing an older one: it holds only public facts.
void saveKioskIdentity(const std::filesystem::path& file, const KioskIdentity& identity);
/// Reads it, checking the fingerprint written in it against the key; throws Error(Format).
[[nodiscard]] KioskIdentity loadKioskIdentity(const std::filesystem::path& file);

} // namespace kiosk::storage
