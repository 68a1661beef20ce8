// The key files of FORMAT.md, "Key files" and "Kiosk identity": the team's public keys, the team's
// secret keys (behind a passphrase), a kiosk's own signing key, and a kiosk's public identity.

#include <storage/keys.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/strict_json.hpp>

#include <algorithm>

namespace kiosk::storage {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kPublicFormat = "cafcass-cymru-kiosk.public-key";
constexpr const char* kSecretFormat = "cafcass-cymru-kiosk.secret-key";
constexpr const char* kKioskSecretFormat = "cafcass-cymru-kiosk.kiosk-secret-key";
constexpr const char* kIdentityFormat = "cafcass-cymru-kiosk.kiosk-identity";
constexpr const char* kKdfAlgorithm = "argon2id13";

constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kSecretBytes = crypto_box_SECRETKEYBYTES + crypto_sign_SECRETKEYBYTES; // 96
static_assert(kSecretBytes == 96 && kSaltBytes == 16 && crypto_secretbox_NONCEBYTES == 24);

// Bytes that must not outlive their use: zeroed when they go, whatever way out is taken.
template <std::size_t N> struct Secret {
    std::array<unsigned char, N> bytes{};
    Secret() = default;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    ~Secret() { sodium_memzero(bytes.data(), bytes.size()); }
};

// A file's text that holds secret bytes: wiped when it goes.
struct SecretText {
    std::string text;
    SecretText() = default;
    explicit SecretText(std::string t) : text(std::move(t)) {}
    SecretText(const SecretText&) = delete;
    SecretText& operator=(const SecretText&) = delete;
    ~SecretText() { wipeString(text); }
};

// A parsed key file whose string values may hold secret bytes: each is wiped before it goes.
struct SecretJson {
    nlohmann::json j;
    SecretJson() = default;
    SecretJson(const SecretJson&) = delete;
    SecretJson& operator=(const SecretJson&) = delete;
    ~SecretJson() { wipeStrings(j); }
    static void wipeStrings(nlohmann::json& j) {
        if (j.is_string())
            wipeString(j.get_ref<std::string&>());
        else if (j.is_structured())
            for (auto& item : j)
                wipeStrings(item);
    }
};

// Reads a key file strictly and checks its format; the version is for each reader to check.
void readKeyJson(const std::filesystem::path& file, const char* format, nlohmann::json& out) {
    const SecretText text(readFile(file));
    out = parseStrict(text.text, file.string());
    const JsonReader r(out, file.string());
    const auto& f = r.at("format");
    if (!f.is_string() || f.get_ref<const std::string&>() != format)
        throw Error(Error::Kind::Format, file.string() + " is not a " + format + " file");
}

// The version, which must be this one; a version 1 team key file is from before receipts.
void checkVersion(const JsonReader& r, const std::filesystem::path& file, int version, bool teamKeys) {
    const int found = r.integer("version");
    if (found == version)
        return;
    if (teamKeys && found == 1)
        throw Error(Error::Kind::Format,
                    file.string() +
                        " is a version 1 key file, made before receipts, and holds no signing key. "
                        "The complaints team must make new keys with `intake keygen`, and IT must "
                        "provision every kiosk again with the new team-public.key.");
    throw Error(Error::Kind::Format, file.string() + " has key file version " + std::to_string(found) +
                                         (found > version ? ", newer than this program understands"
                                                          : ", which this program does not know"));
}

void writeText(const std::filesystem::path& file, SecretText& text, unsigned mode, bool replace) {
    if (replace)
        writeFileAtomically(file, text.text, mode);
    else
        writeNewFileAtomically(file, text.text, mode);
}

// The Ed25519 public key a secret key's seed (its first 32 bytes) makes, and whether the secret
// key is exactly the one that seed makes (its last 32 bytes are the public key).
bool signingPairMatches(const std::array<unsigned char, crypto_sign_SECRETKEYBYTES>& secret,
                        const SigningPublicKey& expected) {
    SigningPublicKey derived;
    Secret<crypto_sign_SECRETKEYBYTES> again;
    crypto_sign_seed_keypair(derived.bytes.data(), again.bytes.data(), secret.data());
    return derived == expected && sodium_memcmp(again.bytes.data(), secret.data(), secret.size()) == 0;
}

bool sealingPairMatches(const KeyPair& pair) {
    PublicKey derived;
    crypto_scalarmult_base(derived.bytes.data(), pair.secretKey.data());
    return derived.bytes == pair.publicKey.bytes;
}

// The passphrase's key for the secretbox (crypto_pwhash, Argon2id).
void deriveKey(Secret<crypto_secretbox_KEYBYTES>& key, std::string_view passphrase,
               const std::array<unsigned char, kSaltBytes>& salt, unsigned long long opsLimit,
               std::size_t memLimit) {
    if (crypto_pwhash(key.bytes.data(), key.bytes.size(), passphrase.data(), passphrase.size(), salt.data(),
                      opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error(Error::Kind::Crypto,
                    "the passphrase could not be turned into a key (not enough memory?)");
}

struct KdfParams {
    unsigned long long opsLimit = 0;
    std::size_t memLimit = 0;
    std::array<unsigned char, kSaltBytes> salt{};
};

KdfParams readKdf(const nlohmann::json& kdf, const std::filesystem::path& file) {
    const JsonReader r(kdf, file.string() + " (kdf)");
    r.onlyFields({"algorithm", "opslimit", "memlimit", "salt"});
    if (r.string("algorithm") != kKdfAlgorithm)
        r.unknownValue("algorithm");
    // Up to libsodium's "sensitive" costs: a damaged file must not make the computer try for hours.
    KdfParams p;
    const auto ops = r.unsignedInteger("opslimit");
    const auto mem = r.unsignedInteger("memlimit");
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > crypto_pwhash_OPSLIMIT_SENSITIVE)
        r.outOfRange("opslimit");
    if (mem < crypto_pwhash_MEMLIMIT_MIN || mem > crypto_pwhash_MEMLIMIT_SENSITIVE)
        r.outOfRange("memlimit");
    p.opsLimit = ops;
    p.memLimit = static_cast<std::size_t>(mem);
    r.bytes("salt", p.salt);
    return p;
}

// The two secret keys, from the 96 bytes a team secret file holds, checked against its public keys.
TeamKeys teamKeysFrom(const Secret<kSecretBytes>& secret, const TeamPublicKeys& publicKeys,
                      const std::filesystem::path& file) {
    TeamKeys keys;
    keys.sealing.publicKey = publicKeys.sealing;
    keys.signing.publicKey = publicKeys.signing;
    std::copy_n(secret.bytes.begin(), keys.sealing.secretKey.size(), keys.sealing.secretKey.begin());
    std::copy_n(secret.bytes.begin() + static_cast<std::ptrdiff_t>(keys.sealing.secretKey.size()),
                keys.signing.secretKey.size(), keys.signing.secretKey.begin());
    if (!sealingPairMatches(keys.sealing) ||
        !signingPairMatches(keys.signing.secretKey, keys.signing.publicKey))
        throw Error(Error::Kind::Format,
                    file.string() +
                        ": the secret keys in it do not belong to the public keys written beside them");
    return keys;
}

} // namespace

void saveTeamPublicKeys(const std::filesystem::path& file, const TeamPublicKeys& keys, bool replace) {
    const Json j = {{"format", kPublicFormat},
                    {"version", 2},
                    {"sealing_key", toBase64(keys.sealing.bytes)},
                    {"signing_key", toBase64(keys.signing.bytes)}};
    SecretText text(j.dump(2) + "\n");
    writeText(file, text, 0644, replace);
}

TeamPublicKeys loadTeamPublicKeys(const std::filesystem::path& file) {
    SecretJson j;
    readKeyJson(file, kPublicFormat, j.j);
    const JsonReader r(j.j, file.string());
    checkVersion(r, file, 2, true);
    r.onlyFields({"format", "version", "sealing_key", "signing_key"});
    TeamPublicKeys keys;
    r.bytes("sealing_key", keys.sealing.bytes);
    r.bytes("signing_key", keys.signing.bytes);
    return keys;
}

void saveTeamKeys(const std::filesystem::path& file, const TeamKeys& keys,
                  std::optional<std::string_view> passphrase, KdfLimits limits) {
    initSodium();
    // A file with other costs would be refused when read back (readKdf).
    if (limits.opsLimit < crypto_pwhash_OPSLIMIT_MIN || limits.opsLimit > crypto_pwhash_OPSLIMIT_SENSITIVE ||
        limits.memLimit < crypto_pwhash_MEMLIMIT_MIN || limits.memLimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
        throw Error(Error::Kind::Crypto, "the passphrase's costs are outside what a key file may ask");
    if (passphrase && passphrase->empty())
        throw Error(Error::Kind::Crypto,
                    "an empty passphrase would protect nothing: give one, or none for a demo key");
    Secret<kSecretBytes> secret;
    std::copy(keys.sealing.secretKey.begin(), keys.sealing.secretKey.end(), secret.bytes.begin());
    std::copy(keys.signing.secretKey.begin(), keys.signing.secretKey.end(),
              secret.bytes.begin() + static_cast<std::ptrdiff_t>(keys.sealing.secretKey.size()));

    Json j = {{"format", kSecretFormat},
              {"version", 2},
              {"sealing_key", toBase64(keys.sealing.publicKey.bytes)},
              {"signing_key", toBase64(keys.signing.publicKey.bytes)}};
    if (passphrase) {
        std::array<unsigned char, kSaltBytes> salt{};
        std::array<unsigned char, crypto_secretbox_NONCEBYTES> nonce{};
        randombytes_buf(salt.data(), salt.size());
        randombytes_buf(nonce.data(), nonce.size());
        Secret<crypto_secretbox_KEYBYTES> key;
        deriveKey(key, *passphrase, salt, limits.opsLimit, limits.memLimit);
        std::array<unsigned char, kSecretBytes + crypto_secretbox_MACBYTES> boxed{};
        crypto_secretbox_easy(boxed.data(), secret.bytes.data(), secret.bytes.size(), nonce.data(),
                              key.bytes.data());
        j["kdf"] = {{"algorithm", kKdfAlgorithm},
                    {"opslimit", limits.opsLimit},
                    {"memlimit", limits.memLimit},
                    {"salt", toBase64(salt)}};
        j["nonce"] = toBase64(nonce);
        j["secret"] = toBase64(boxed);
    } else {
        j["kdf"] = nullptr;
        j["secret"] = toBase64(secret.bytes);
    }
    SecretText text(j.dump(2) + "\n");
    wipeString(j["secret"].get_ref<std::string&>());
    writeText(file, text, 0600, false);
}

bool needsPassphrase(const std::filesystem::path& file) {
    SecretJson j;
    readKeyJson(file, kSecretFormat, j.j);
    const JsonReader r(j.j, file.string());
    checkVersion(r, file, 2, true);
    const auto& kdf = r.at("kdf");
    if (!kdf.is_null() && !kdf.is_object())
        r.wrongType("kdf");
    return !kdf.is_null();
}

TeamKeys loadTeamKeys(const std::filesystem::path& file, std::optional<std::string_view> passphrase) {
    initSodium();
    SecretJson j;
    readKeyJson(file, kSecretFormat, j.j);
    const JsonReader r(j.j, file.string());
    checkVersion(r, file, 2, true);
    TeamPublicKeys publicKeys;
    r.bytes("sealing_key", publicKeys.sealing.bytes);
    r.bytes("signing_key", publicKeys.signing.bytes);
    const auto& kdf = r.at("kdf");
    Secret<kSecretBytes> secret;
    if (kdf.is_null()) {
        r.onlyFields({"format", "version", "sealing_key", "signing_key", "kdf", "secret"});
        r.bytes("secret", secret.bytes);
        if (passphrase)
            throw Error(Error::Kind::Crypto, file.string() +
                                                 " is not protected by a passphrase (a demo key file): "
                                                 "it is opened without one");
        return teamKeysFrom(secret, publicKeys, file);
    }
    if (!kdf.is_object())
        r.wrongType("kdf");
    r.onlyFields({"format", "version", "sealing_key", "signing_key", "kdf", "nonce", "secret"});
    const auto params = readKdf(kdf, file);
    std::array<unsigned char, crypto_secretbox_NONCEBYTES> nonce{};
    r.bytes("nonce", nonce);
    std::array<unsigned char, kSecretBytes + crypto_secretbox_MACBYTES> boxed{};
    r.bytes("secret", boxed);
    if (!passphrase)
        throw Error(Error::Kind::Crypto,
                    file.string() + " is protected by a passphrase: it cannot be opened without it");
    Secret<crypto_secretbox_KEYBYTES> key;
    deriveKey(key, *passphrase, params.salt, params.opsLimit, params.memLimit);
    if (crypto_secretbox_open_easy(secret.bytes.data(), boxed.data(), boxed.size(), nonce.data(),
                                   key.bytes.data()) != 0)
        throw Error(Error::Kind::Crypto, "the passphrase is not right");
    return teamKeysFrom(secret, publicKeys, file);
}

void saveKioskSigningKey(const std::filesystem::path& file, const SigningKeyPair& keys) {
    Json j = {{"format", kKioskSecretFormat},
              {"version", 1},
              {"signing_key", toBase64(keys.publicKey.bytes)},
              {"secret_key", toBase64(keys.secretKey)}};
    SecretText text(j.dump(2) + "\n");
    wipeString(j["secret_key"].get_ref<std::string&>());
    writeText(file, text, 0600, false);
}

SigningKeyPair loadKioskSigningKey(const std::filesystem::path& file) {
    SecretJson j;
    readKeyJson(file, kKioskSecretFormat, j.j);
    const JsonReader r(j.j, file.string());
    checkVersion(r, file, 1, false);
    r.onlyFields({"format", "version", "signing_key", "secret_key"});
    SigningKeyPair keys;
    r.bytes("signing_key", keys.publicKey.bytes);
    r.bytes("secret_key", keys.secretKey);
    if (!signingPairMatches(keys.secretKey, keys.publicKey))
        throw Error(Error::Kind::Format,
                    file.string() + ": the secret key in it does not belong to its signing key");
    return keys;
}

void saveKioskIdentity(const std::filesystem::path& file, const KioskIdentity& identity) {
    const Json j = {{"format", kIdentityFormat},
                    {"version", 1},
                    {"kiosk", identity.name},
                    {"signing_key", toBase64(identity.signing.bytes)},
                    {"fingerprint", fingerprint(identity.signing)},
                    {"demo", identity.demo}};
    writeFileAtomically(file, j.dump(2) + "\n", 0644);
}

KioskIdentity loadKioskIdentity(const std::filesystem::path& file) {
    SecretJson j;
    readKeyJson(file, kIdentityFormat, j.j);
    const JsonReader r(j.j, file.string());
    checkVersion(r, file, 1, false);
    r.onlyFields({"format", "version", "kiosk", "signing_key", "fingerprint", "demo"});
    KioskIdentity identity;
    identity.name = r.string("kiosk");
    r.bytes("signing_key", identity.signing.bytes);
    identity.demo = r.boolean("demo");
    if (r.string("fingerprint") != fingerprint(identity.signing))
        throw Error(Error::Kind::Format,
                    file.string() +
                        ": the fingerprint written in it is not the fingerprint of its signing key");
    return identity;
}

} // namespace kiosk::storage
