#include <fuzz/fuzz_target.hpp>

#include <storage/error.hpp>
#include <storage/receipt.hpp>
#include <storage/signed_file.hpp>

#include <array>

// A receipt comes back to a kiosk on a USB stick or from a shared folder, which anyone with access
// to either can write. The reader must refuse anything but a complete, known receipt signed by the
// team's key with storage::Error (the kiosk tells staff and marks nothing), and what it accepts
// must write back as the same receipt.
//
// A fuzzer cannot sign, so besides the input as it is (read against the key that signed it), its
// payload (what follows the blank line, or the whole input) is signed here with a fixed key and
// read against that key: the strict reader behind the signature is fuzzed too.

namespace {

const kiosk::storage::SigningKeyPair& fixedKey() {
    static const auto key = [] {
        kiosk::storage::initSodium();
        kiosk::storage::SigningKeyPair k;
        std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
        seed.fill(0x5e);
        crypto_sign_seed_keypair(k.publicKey.bytes.data(), k.secretKey.data(), seed.data());
        return k;
    }();
    return key;
}

void checkRoundTrip(const kiosk::storage::Receipt& receipt) {
    using namespace kiosk;
    const auto& key = fixedKey();
    const std::string written = storage::toSignedFile(receipt, key);
    fuzz::check(storage::toSignedFile(storage::readReceipt(written, key.publicKey), key) == written,
                "a receipt reads back as written");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    const std::string_view input = fuzz::text(data, size);
    try {
        const auto signer = storage::verifySignedFile(input).signer;
        const auto receipt = storage::readReceipt(input, signer);
        fuzz::accepted = true;
        checkRoundTrip(receipt);
    } catch (const storage::Error&) {
    }
    const auto blank = input.find("\n\n");
    const auto payload = blank == std::string_view::npos ? input : input.substr(blank + 2);
    try {
        checkRoundTrip(storage::readReceipt(storage::signFile(payload, fixedKey()), fixedKey().publicKey));
    } catch (const storage::Error&) {
    }
    return 0;
}
