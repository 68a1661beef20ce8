#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <regex>

using namespace kiosk::storage;

TEST_CASE("sealed bytes open only with the team's secret key") {
    const auto team = KeyPair::generate();
    const auto other = KeyPair::generate();
    const std::string words = "Doedd fy ngweithiwr ddim yn gwrando. Ŵyr neb.";
    const auto sealed = seal(words, team.publicKey);
    CHECK(sealed.size() == words.size() + crypto_box_SEALBYTES);
    CHECK(std::string(sealed.begin(), sealed.end()).find("gwrando") == std::string::npos);
    CHECK(openSealed(sealed, team) == words);
    CHECK_THROWS_AS(openSealed(sealed, other), Error);
}

TEST_CASE("a sealed submission changed by one bit does not open") {
    const auto team = KeyPair::generate();
    auto sealed = seal("hello", team.publicKey);
    sealed[sealed.size() / 2] ^= 0x01;
    CHECK_THROWS_AS(openSealed(sealed, team), Error);
    CHECK_THROWS_AS(openSealed(std::vector<unsigned char>(10), team), Error);
}

TEST_CASE("base64 round-trips and refuses what is not base64") {
    const std::vector<unsigned char> bytes = {0, 1, 2, 250, 251, 252, 253};
    CHECK(fromBase64(toBase64(bytes)) == bytes);
    CHECK(toBase64(std::vector<unsigned char>{'h', 'i'}) == "aGk=");
    CHECK(fromBase64("aGk=") == std::vector<unsigned char>{'h', 'i'});
    CHECK(fromBase64("").empty());
    CHECK_THROWS_AS(fromBase64("not base64!"), Error);
}

TEST_CASE("base64 that spells the same bytes another way is refused") {
    // "aGk=" is "hi"; "aGl=" and "aGm=" differ only in bits the decoder would throw away.
    for (const char* other : {"aGl=", "aGm=", "aGn=", "aGk", "aGk==", " aGk=", "aGk=\n", "aG k=", "aGk=aGk="}) {
        INFO(other);
        CHECK_THROWS_AS(fromBase64(other), Error);
    }
    // Of the 64 spellings of a 32-byte key's last data character, only the one written reads as
    // that key: the others are refused or are other keys.
    std::array<unsigned char, 32> key{};
    randombytes_buf(key.data(), key.size());
    const auto text = toBase64(key);
    REQUIRE(text.size() == 44);
    int sameKey = 0;
    for (const char c : std::string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")) {
        auto spelt = text;
        spelt[42] = c;
        try {
            const auto bytes = fromBase64(spelt);
            if (std::equal(bytes.begin(), bytes.end(), key.begin(), key.end())) {
                ++sameKey;
                CHECK(spelt == text);
            }
        } catch (const Error&) {
        }
    }
    CHECK(sameKey == 1);
}

TEST_CASE("the hash of sealed bytes is BLAKE2b-256 of exactly those bytes") {
    const auto team = KeyPair::generate();
    auto sealed = seal("hello", team.publicKey);
    std::array<unsigned char, 32> expected{};
    crypto_generichash(expected.data(), expected.size(), sealed.data(), sealed.size(), nullptr, 0);
    CHECK(sealedHash(sealed) == expected);
    sealed.back() ^= 1;
    CHECK(sealedHash(sealed) != expected);
}

namespace {

// The fingerprint as FORMAT.md describes it, worked out another way than storage does: each group
// by long division, a byte at a time, never holding the 40-bit number.
std::string fingerprintByHand(std::span<const unsigned char> key) {
    std::array<unsigned char, 32> hash{};
    crypto_generichash(hash.data(), hash.size(), key.data(), key.size(), nullptr, 0);
    std::string out;
    for (int group = 0; group < 5; ++group) {
        unsigned rest = 0;
        for (int i = 0; i < 5; ++i)
            rest = (rest * 256 + hash[static_cast<std::size_t>(group * 5 + i)]) % 10000;
        char digits[5];
        std::snprintf(digits, sizeof digits, "%04u", rest);
        out += (group == 0 ? "" : " ") + std::string(digits);
    }
    return out;
}

} // namespace

TEST_CASE("a fingerprint is five groups of four digits, as FORMAT.md computes it") {
    // Known answers, worked out with Python's hashlib.blake2b(key, digest_size=32):
    // bytes 0, 1, ..., 31 and 32 bytes of 0xff.
    std::array<unsigned char, 32> counting{};
    for (std::size_t i = 0; i < counting.size(); ++i)
        counting[i] = static_cast<unsigned char>(i);
    std::array<unsigned char, 32> ones{};
    ones.fill(0xff);
    CHECK(fingerprint(counting) == "3484 5406 3896 1433 3089");
    CHECK(fingerprint(ones) == "2096 8011 1649 7646 9261");
    CHECK(fingerprintByHand(counting) == "3484 5406 3896 1433 3089");

    const std::regex shape("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$");
    for (int i = 0; i < 50; ++i) {
        const auto sealing = KeyPair::generate();
        const auto signing = SigningKeyPair::generate();
        CHECK(std::regex_match(fingerprint(sealing.publicKey), shape));
        CHECK(fingerprint(sealing.publicKey) == fingerprintByHand(sealing.publicKey.bytes));
        CHECK(fingerprint(signing.publicKey) == fingerprintByHand(signing.publicKey.bytes));
    }
}

TEST_CASE("a signing key pair's secret half is wiped when it is moved from") {
    auto pair = SigningKeyPair::generate();
    const auto publicKey = pair.publicKey;
    const SigningKeyPair moved = std::move(pair);
    CHECK(moved.publicKey == publicKey);
    CHECK(std::all_of(pair.secretKey.begin(), pair.secretKey.end(), [](unsigned char b) { return b == 0; }));
    CHECK_FALSE(std::all_of(moved.secretKey.begin(), moved.secretKey.end(), [](unsigned char b) { return b == 0; }));
}

TEST_CASE("reference codes are short, grouped and free of look-alike characters") {
    const std::regex shape("^[A-Z0-9]{3}-[A-Z0-9]{3}$");
    for (const char c : std::string("0O1IL2Z5S8BG6UV"))
        CHECK(referenceAlphabet().find(c) == std::string::npos);
    for (int i = 0; i < 200; ++i) {
        const auto ref = newReference();
        REQUIRE(std::regex_match(ref, shape));
        for (const char c : ref)
            if (c != '-')
                CHECK(referenceAlphabet().find(c) != std::string::npos);
    }
}

TEST_CASE("ids are version 4 UUIDs and differ") {
    const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    const auto a = newUuid();
    CHECK(std::regex_match(a, uuid));
    CHECK(a != newUuid());
}

TEST_CASE("times are written as ISO 8601 UTC") {
    CHECK(isoUtc(std::chrono::system_clock::from_time_t(1795340000)) == "2026-11-22T09:33:20Z");
}
