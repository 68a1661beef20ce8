#include <storage/keys.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>

#include <nlohmann/json.hpp>

namespace kiosk::storage {
namespace {

constexpr const char* kPublicFormat = "cafcass-cymru-kiosk.public-key";
constexpr const char* kSecretFormat = "cafcass-cymru-kiosk.secret-key";

template <std::size_t N>
void decodeInto(std::array<unsigned char, N>& out, const nlohmann::json& b64, const char* what) {
    if (!b64.is_string())
        throw Error(Error::Kind::Format, std::string(what) + " is not base64 text");
    const auto bytes = fromBase64(b64.get<std::string>());
    if (bytes.size() != N)
        throw Error(Error::Kind::Format, std::string(what) + " has the wrong length");
    std::copy(bytes.begin(), bytes.end(), out.begin());
}

// The field of this name, or null if there is none.
nlohmann::json field(const nlohmann::json& j, const char* name) { return j.value(name, nlohmann::json()); }

nlohmann::json readKeyFile(const std::filesystem::path& file, const char* format) {
    nlohmann::json j = nlohmann::json::parse(readFile(file), nullptr, false);
    // Fields are compared as JSON values, not converted: converting throws nlohmann's own error on
    // a number where a string belongs (which callers do not catch), and 1e300 as an int is undefined.
    if (j.is_discarded() || !j.is_object() || field(j, "format") != format)
        throw Error(Error::Kind::Format, file.string() + " is not a " + format + " file");
    if (field(j, "version") != 1)
        throw Error(Error::Kind::Format, file.string() + " has a version this program does not know");
    return j;
}

} // namespace

KeyPair::KeyPair(KeyPair&& other) noexcept : publicKey(other.publicKey), secretKey(other.secretKey) {
    sodium_memzero(other.secretKey.data(), other.secretKey.size());
}

KeyPair& KeyPair::operator=(KeyPair&& other) noexcept {
    publicKey = other.publicKey;
    secretKey = other.secretKey;
    sodium_memzero(other.secretKey.data(), other.secretKey.size());
    return *this;
}

KeyPair::~KeyPair() { sodium_memzero(secretKey.data(), secretKey.size()); }

KeyPair KeyPair::generate() {
    initSodium();
    KeyPair kp;
    crypto_box_keypair(kp.publicKey.bytes.data(), kp.secretKey.data());
    return kp;
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
    const int rc = crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed.data(), sealed.size(),
                                        keys.publicKey.bytes.data(), keys.secretKey.data());
    if (rc != 0)
        throw Error(Error::Kind::Crypto, "sealed data could not be opened with this key", rc);
    return plain;
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
    if (rc != 0 || end != text.data() + text.size())
        throw Error(Error::Kind::Format, "not valid base64");
    out.resize(len);
    return out;
}

std::string fingerprint(const PublicKey& key) {
    std::array<unsigned char, 8> hash{};
    crypto_generichash(hash.data(), hash.size(), key.bytes.data(), key.bytes.size(), nullptr, 0);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < hash.size(); ++i) {
        if (i > 0 && i % 2 == 0)
            out += '-';
        out += kHex[hash[i] >> 4];
        out += kHex[hash[i] & 15];
    }
    return out;
}

void savePublicKey(const std::filesystem::path& file, const PublicKey& key, bool replace) {
    const nlohmann::json j = {{"format", kPublicFormat}, {"version", 1}, {"public_key", toBase64(key.bytes)}};
    if (replace)
        writeFileAtomically(file, j.dump(2) + "\n", 0644);
    else
        writeNewFileAtomically(file, j.dump(2) + "\n", 0644);
}

void saveKeyPair(const std::filesystem::path& file, const KeyPair& keys) {
    nlohmann::json j = {{"format", kSecretFormat},
                        {"version", 1},
                        {"public_key", toBase64(keys.publicKey.bytes)},
                        {"secret_key", toBase64(keys.secretKey)}};
    std::string text = j.dump(2) + "\n";
    writeNewFileAtomically(file, text, 0600);
    sodium_memzero(text.data(), text.size());
}

PublicKey loadPublicKey(const std::filesystem::path& file) {
    const auto j = readKeyFile(file, kPublicFormat);
    PublicKey key;
    decodeInto(key.bytes, field(j, "public_key"), "public key");
    return key;
}

KeyPair loadKeyPair(const std::filesystem::path& file) {
    const auto j = readKeyFile(file, kSecretFormat);
    KeyPair kp;
    decodeInto(kp.publicKey.bytes, field(j, "public_key"), "public key");
    decodeInto(kp.secretKey, field(j, "secret_key"), "secret key");
    std::array<unsigned char, crypto_box_PUBLICKEYBYTES> derived{};
    crypto_scalarmult_base(derived.data(), kp.secretKey.data());
    if (derived != kp.publicKey.bytes)
        throw Error(Error::Kind::Format, file.string() + ": the secret key does not match its public key");
    return kp;
}

} // namespace kiosk::storage
