#include <storage/signed_file.hpp>

#include <storage/error.hpp>

#include <algorithm>

namespace kiosk::storage {
namespace {

constexpr std::string_view kFirstLine = "cafcass-cymru-kiosk.signed 1\n";
constexpr std::string_view kSigner = "signer ";
constexpr std::string_view kSignature = "signature ";
constexpr std::size_t kSignerChars = 44;    // base64 of 32 bytes
constexpr std::size_t kSignatureChars = 88; // base64 of 64 bytes

[[noreturn]] void notSigned(const std::string& what) {
    throw Error(Error::Kind::Format, "not a signed kiosk file: " + what);
}

// Takes `label`, then exactly `chars` characters of canonical base64 of N bytes, then a line end.
template <std::size_t N>
void takeLine(std::string_view& rest, std::string_view label, std::size_t chars,
              std::array<unsigned char, N>& out) {
    if (rest.substr(0, label.size()) != label)
        notSigned("no \"" + std::string(label.substr(0, label.size() - 1)) + "\" line where it belongs");
    rest.remove_prefix(label.size());
    if (rest.size() <= chars || rest[chars] != '\n')
        notSigned("the " + std::string(label.substr(0, label.size() - 1)) + " line is not " +
                  std::to_string(chars) + " characters long");
    std::vector<unsigned char> bytes;
    try {
        bytes = fromBase64(rest.substr(0, chars));
    } catch (const Error&) {
        notSigned("the " + std::string(label.substr(0, label.size() - 1)) + " line is not canonical base64");
    }
    if (bytes.size() != N)
        notSigned("the " + std::string(label.substr(0, label.size() - 1)) + " is not " + std::to_string(N) +
                  " bytes");
    std::copy(bytes.begin(), bytes.end(), out.begin());
    rest.remove_prefix(chars + 1);
}

} // namespace

std::string signFile(std::string_view payload, const SigningKeyPair& key) {
    initSodium();
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(payload.data()),
                         payload.size(), key.secretKey.data());
    std::string out;
    out.reserve(kFirstLine.size() + 160 + payload.size());
    out += kFirstLine;
    out += kSigner;
    out += toBase64(key.publicKey.bytes);
    out += '\n';
    out += kSignature;
    out += toBase64(signature);
    out += "\n\n";
    out += payload;
    return out;
}

SignedFile verifySignedFile(std::string_view bytes) {
    initSodium();
    std::string_view rest = bytes;
    if (rest.substr(0, kFirstLine.size()) != kFirstLine)
        notSigned("it does not begin with \"cafcass-cymru-kiosk.signed 1\"");
    rest.remove_prefix(kFirstLine.size());
    SignedFile out;
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    takeLine(rest, kSigner, kSignerChars, out.signer.bytes);
    takeLine(rest, kSignature, kSignatureChars, signature);
    if (rest.empty() || rest.front() != '\n')
        notSigned("no blank line after the signature");
    rest.remove_prefix(1);
    // Nothing of the payload is looked at before the signature over it holds.
    if (crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(rest.data()),
                                    rest.size(), out.signer.bytes.data()) != 0)
        throw Error(Error::Kind::Crypto,
                    "the signature does not match: the file was changed after it was signed, "
                    "or was not signed by the key it names");
    out.payload = std::string(rest);
    return out;
}

} // namespace kiosk::storage
