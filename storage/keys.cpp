#include <storage/keys.hpp>

#include <storage/error.hpp>

#include <algorithm>

namespace kiosk::storage {

KeyPair::KeyPair(KeyPair&& other) noexcept : publicKey(other.publicKey), secretKey(other.secretKey) {
    sodium_memzero(other.secretKey.data(), other.secretKey.size());
}

KeyPair& KeyPair::operator=(KeyPair&& other) noexcept {
    publicKey = other.publicKey;
    secretKey = other.secretKey;
    sodium_memzero(other.secretKey.data(), other.secretKey.size());
    return *this;
}

KeyPair::~KeyPair() {
    sodium_memzero(secretKey.data(), secretKey.size());
}

KeyPair KeyPair::generate() {
    initSodium();
    KeyPair kp;
    crypto_box_keypair(kp.publicKey.bytes.data(), kp.secretKey.data());
    return kp;
}

SigningKeyPair::SigningKeyPair(SigningKeyPair&& other) noexcept
    : publicKey(other.publicKey), secretKey(other.secretKey) {
    sodium_memzero(other.secretKey.data(), other.secretKey.size());
}

SigningKeyPair& SigningKeyPair::operator=(SigningKeyPair&& other) noexcept {
    publicKey = other.publicKey;
    secretKey = other.secretKey;
    sodium_memzero(other.secretKey.data(), other.secretKey.size());
    return *this;
}

SigningKeyPair::~SigningKeyPair() {
    sodium_memzero(secretKey.data(), secretKey.size());
}

SigningKeyPair SigningKeyPair::generate() {
    initSodium();
    SigningKeyPair kp;
    crypto_sign_keypair(kp.publicKey.bytes.data(), kp.secretKey.data());
    return kp;
}

TeamKeys TeamKeys::generate() {
    return {KeyPair::generate(), SigningKeyPair::generate()};
}

void initSodium() {
    if (sodium_init() < 0)
        throw Error(Error::Kind::Crypto, "libsodium could not be initialised");
}

std::vector<unsigned char> seal(std::string_view plaintext, const PublicKey& key) {
    initSodium();
    std::vector<unsigned char> out(plaintext.size() + crypto_box_SEALBYTES);
    const int rc = crypto_box_seal(out.data(), reinterpret_cast<const unsigned char*>(plaintext.data()),
                                   plaintext.size(), key.bytes.data());
    if (rc != 0)
        throw Error(Error::Kind::Crypto, "sealing failed", rc);
    return out;
}

std::string openSealed(std::span<const unsigned char> sealed, const KeyPair& keys) {
    initSodium();
    if (sealed.size() < crypto_box_SEALBYTES)
        throw Error(Error::Kind::Crypto, "sealed data is too short");
    std::string plain(sealed.size() - crypto_box_SEALBYTES, '\0');
    const int rc = crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed.data(),
                                        sealed.size(), keys.publicKey.bytes.data(), keys.secretKey.data());
    if (rc != 0)
        throw Error(Error::Kind::Crypto, "sealed data could not be opened with this key", rc);
    return plain;
}

std::array<unsigned char, 32> sealedHash(std::span<const unsigned char> sealed) {
    initSodium();
    std::array<unsigned char, 32> hash{};
    crypto_generichash(hash.data(), hash.size(), sealed.data(), sealed.size(), nullptr, 0);
    return hash;
}

std::string toBase64(std::span<const unsigned char> bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

std::vector<unsigned char> fromBase64(std::string_view text) {
    std::vector<unsigned char> out(text.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    const int rc = sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                                     sodium_base64_VARIANT_ORIGINAL);
    out.resize(rc == 0 ? len : 0);
    // "aGk=" and "aGl=" decode alike (the last character's spare bits are ignored): only the
    // spelling the encoder writes is accepted, so that no character of a signed file can change
    // and still be read as the same bytes.
    bool canonical = rc == 0 && end == text.data() + text.size();
    if (canonical) {
        std::string again = toBase64(out);
        canonical = again == text;
        sodium_memzero(again.data(), again.size());
    }
    if (!canonical) {
        sodium_memzero(out.data(), out.size());
        throw Error(Error::Kind::Format, "not valid base64");
    }
    return out;
}

std::string fingerprint(std::span<const unsigned char> publicKey) {
    initSodium();
    std::array<unsigned char, 32> hash{};
    crypto_generichash(hash.data(), hash.size(), publicKey.data(), publicKey.size(), nullptr, 0);
    std::string out;
    for (std::size_t group = 0; group < 5; ++group) {
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < 5; ++i)
            value = (value << 8) | hash[group * 5 + i];
        const auto digits = std::to_string(value % 10000);
        if (group > 0)
            out += ' ';
        out += std::string(4 - digits.size(), '0') + digits;
    }
    return out;
}

} // namespace kiosk::storage
