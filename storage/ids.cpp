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

std::optional<std::chrono::system_clock::time_point> parseIsoUtc(const std::string& text) {
    std::tm tm{};
    char end = 0;
    if (text.size() != 20 ||
        std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &end) != 7 ||
        end != 'Z')
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const auto t = std::chrono::system_clock::from_time_t(::timegm(&tm));
    // timegm carries 31 February into March: only a time that reads back the same is a real one.
    if (isoUtc(t) != text)
        return std::nullopt;
    return t;
}

} // namespace kiosk::storage
