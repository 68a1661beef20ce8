#include <storage/ids.hpp>

#include <storage/keys.hpp>

#include <array>
#include <cstdio>
#include <ctime>

namespace kiosk::storage {

std::string newUuid() {
    initSodium();
    std::array<unsigned char, 16> b{};
    randombytes_buf(b.data(), b.size());
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

const std::string& referenceAlphabet() {
    static const std::string alphabet = "ACDEFHJKMNPRTWXY3479";
    return alphabet;
}

std::string newReference() {
    initSodium();
    const std::string& alphabet = referenceAlphabet();
    std::string code;
    for (int i = 0; i < 6; ++i) {
        if (i == 3)
            code += '-';
        code += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
    }
    return code;
}

std::string isoUtc(std::chrono::system_clock::time_point t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
}

} // namespace kiosk::storage
