#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <regex>
#include <sys/stat.h>

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

TEST_CASE("key files round-trip, the secret one is private, and neither is overwritten") {
    kiosk::test::TempDir dir;
    const auto pair = KeyPair::generate();
    saveKeyPair(dir / "team-secret.key", pair);
    savePublicKey(dir / "team-public.key", pair.publicKey);
    const auto loaded = loadKeyPair(dir / "team-secret.key");
    CHECK(loaded.publicKey.bytes == pair.publicKey.bytes);
    CHECK(loaded.secretKey == pair.secretKey);
    CHECK(loadPublicKey(dir / "team-public.key").bytes == pair.publicKey.bytes);

    struct stat st {};
    REQUIRE(::stat((dir / "team-secret.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    const auto again = KeyPair::generate();
    CHECK_THROWS_AS(saveKeyPair(dir / "team-secret.key", again), Error);
    CHECK(loadKeyPair(dir / "team-secret.key").publicKey.bytes == pair.publicKey.bytes);
}

TEST_CASE("a public key file is not accepted as a secret key, and nonsense is refused") {
    kiosk::test::TempDir dir;
    const auto pair = KeyPair::generate();
    savePublicKey(dir / "pub.key", pair.publicKey);
    CHECK_THROWS_AS(loadKeyPair(dir / "pub.key"), Error);
    CHECK_THROWS_AS(loadPublicKey(dir / "missing.key"), Error);
}

TEST_CASE("a key file with a field of the wrong type is refused as a format error, like any nonsense") {
    // The first was found by the key file fuzz target (tests/fuzz/regressions/key_file).
    kiosk::test::TempDir dir;
    const auto pair = KeyPair::generate();
    const std::string key = "\"" + toBase64(pair.publicKey.bytes) + "\"";
    const std::string secret = "\"" + toBase64(pair.secretKey) + "\"";
    const std::string pub = R"("format": "cafcass-cymru-kiosk.public-key")";
    const std::string sec = R"("format": "cafcass-cymru-kiosk.secret-key")";
    for (const std::string& text : {
             std::string(R"({ "format":22 })"),
             "{" + pub + R"(, "version": "1", "public_key": )" + key + "}",
             "{" + pub + R"(, "version": 1e300, "public_key": )" + key + "}",
             "{" + pub + R"(, "version": 1, "public_key": 5})",
             "{" + sec + R"(, "version": 1, "public_key": )" + key + R"(, "secret_key": [1]})",
             "{" + sec + R"(, "version": 1, "public_key": null, "secret_key": )" + secret + "}",
         }) {
        INFO(text);
        writeFileAtomically(dir / "key", text);
        CHECK_THROWS_AS(loadPublicKey(dir / "key"), Error);
        CHECK_THROWS_AS(loadKeyPair(dir / "key"), Error);
    }
}

TEST_CASE("base64 round-trips and refuses what is not base64") {
    const std::vector<unsigned char> bytes = {0, 1, 2, 250, 251, 252, 253};
    CHECK(fromBase64(toBase64(bytes)) == bytes);
    CHECK(toBase64(std::vector<unsigned char>{'h', 'i'}) == "aGk=");
    CHECK_THROWS_AS(fromBase64("not base64!"), Error);
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
