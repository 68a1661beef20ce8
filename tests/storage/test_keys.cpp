#include "error_kind.hpp"

#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/keys.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace kiosk::storage;
using kiosk::test::kindOf;
using kiosk::test::TempDir;

namespace {

unsigned modeOf(const std::filesystem::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

bool contains(const std::string& haystack, std::span<const unsigned char> needle) {
    return haystack.find(std::string(needle.begin(), needle.end())) != std::string::npos;
}

std::string messageOf(const std::function<void()>& run) {
    try {
        run();
    } catch (const Error& e) {
        return e.what();
    }
    FAIL("no storage::Error was thrown");
    return {};
}

} // namespace

TEST_CASE("the team's public keys round-trip, and the file is not overwritten unless asked") {
    TempDir dir;
    const auto team = TeamKeys::generate();
    saveTeamPublicKeys(dir / "team-public.key", team.publicKeys());
    const auto loaded = loadTeamPublicKeys(dir / "team-public.key");
    CHECK(loaded.sealing.bytes == team.sealing.publicKey.bytes);
    CHECK(loaded.signing == team.signing.publicKey);
    CHECK(modeOf(dir / "team-public.key") == 0644);

    const auto other = TeamKeys::generate();
    CHECK_THROWS_AS(saveTeamPublicKeys(dir / "team-public.key", other.publicKeys()), Error);
    CHECK(loadTeamPublicKeys(dir / "team-public.key").signing == team.signing.publicKey);
    saveTeamPublicKeys(dir / "team-public.key", other.publicKeys(), true);
    CHECK(loadTeamPublicKeys(dir / "team-public.key").signing == other.signing.publicKey);
}

TEST_CASE("a version 1 public key file is refused with what the team and IT must do") {
    TempDir dir;
    const auto team = KeyPair::generate();
    writeFileAtomically(dir / "team-public.key",
                        R"({"format": "cafcass-cymru-kiosk.public-key", "version": 1, )"
                        R"("public_key": ")" +
                            toBase64(team.publicKey.bytes) + "\"}\n");
    const auto message = messageOf([&] { (void)loadTeamPublicKeys(dir / "team-public.key"); });
    CHECK_THAT(message, Catch::Contains("intake keygen"));
    CHECK_THAT(message, Catch::Contains("provision"));
    CHECK_THAT(message, Catch::Contains("team-public.key"));
}

TEST_CASE("the team's secret keys open with the right passphrase only") {
    TempDir dir;
    const auto team = TeamKeys::generate();
    saveTeamKeys(dir / "team-secret.key", team, "correct horse battery staple", KdfLimits::interactive());
    CHECK(modeOf(dir / "team-secret.key") == 0600);
    CHECK(needsPassphrase(dir / "team-secret.key"));

    const auto opened = loadTeamKeys(dir / "team-secret.key", "correct horse battery staple");
    CHECK(opened.sealing.secretKey == team.sealing.secretKey);
    CHECK(opened.sealing.publicKey.bytes == team.sealing.publicKey.bytes);
    CHECK(opened.signing.secretKey == team.signing.secretKey);
    CHECK(opened.signing.publicKey == team.signing.publicKey);

    try {
        (void)loadTeamKeys(dir / "team-secret.key", "correct horse battery stapler");
        FAIL("a wrong passphrase opened the keys");
    } catch (const Error& e) {
        CHECK(e.kind() == Error::Kind::Crypto);
        CHECK(std::string(e.what()) == "the passphrase is not right");
    }
    // No passphrase for a protected file: said plainly, not taken as a wrong one.
    CHECK_THAT(messageOf([&] { (void)loadTeamKeys(dir / "team-secret.key", std::nullopt); }),
               Catch::Contains("protected by a passphrase"));
    // Never overwritten.
    CHECK_THROWS_AS(
        saveTeamKeys(dir / "team-secret.key", TeamKeys::generate(), "x", KdfLimits::interactive()), Error);
    CHECK(loadTeamKeys(dir / "team-secret.key", "correct horse battery staple").signing.publicKey ==
          team.signing.publicKey);
}

TEST_CASE("a protected team secret key file holds neither secret key, raw or in base64") {
    TempDir dir;
    const auto team = TeamKeys::generate();
    saveTeamKeys(dir / "team-secret.key", team, "passphrase", KdfLimits::interactive());
    const auto bytes = readFile(dir / "team-secret.key");
    CHECK_FALSE(contains(bytes, team.sealing.secretKey));
    CHECK_FALSE(contains(bytes, team.signing.secretKey));
    CHECK_FALSE(contains(bytes, std::span(team.signing.secretKey).first(32))); // the seed alone
    CHECK(bytes.find(toBase64(team.sealing.secretKey)) == std::string::npos);
    CHECK(bytes.find(toBase64(team.signing.secretKey)) == std::string::npos);
    // The public keys are there, as FORMAT.md says, with the costs of the passphrase's hash.
    CHECK(bytes.find(toBase64(team.sealing.publicKey.bytes)) != std::string::npos);
    CHECK(bytes.find("\"argon2id13\"") != std::string::npos);
    CHECK(bytes.find("\"opslimit\": " + std::to_string(KdfLimits::interactive().opsLimit)) !=
          std::string::npos);
    CHECK(bytes.find("\"memlimit\": " + std::to_string(KdfLimits::interactive().memLimit)) !=
          std::string::npos);

    // The control: an unprotected file does hold them, so the search above can find them.
    saveTeamKeys(dir / "demo-secret.key", team, std::nullopt);
    const auto demo = readFile(dir / "demo-secret.key");
    std::vector<unsigned char> both(team.sealing.secretKey.begin(), team.sealing.secretKey.end());
    both.insert(both.end(), team.signing.secretKey.begin(), team.signing.secretKey.end());
    CHECK(demo.find(toBase64(both)) != std::string::npos);
}

TEST_CASE("a demo secret key file opens without a passphrase, and refuses one") {
    TempDir dir;
    const auto team = TeamKeys::generate();
    saveTeamKeys(dir / "demo-secret.key", team, std::nullopt);
    CHECK(modeOf(dir / "demo-secret.key") == 0600);
    CHECK_FALSE(needsPassphrase(dir / "demo-secret.key"));
    const auto text = readFile(dir / "demo-secret.key");
    CHECK(text.find("\"kdf\": null") != std::string::npos);
    CHECK(text.find("nonce") == std::string::npos);
    const auto opened = loadTeamKeys(dir / "demo-secret.key", std::nullopt);
    CHECK(opened.sealing.secretKey == team.sealing.secretKey);
    CHECK(opened.signing.secretKey == team.signing.secretKey);
    const auto message = messageOf([&] { (void)loadTeamKeys(dir / "demo-secret.key", "a passphrase"); });
    CHECK_THAT(message, Catch::Contains("not protected by a passphrase"));
}

TEST_CASE("an empty passphrase is refused rather than protecting nothing") {
    TempDir dir;
    CHECK(kindOf([&] { saveTeamKeys(dir / "k", TeamKeys::generate(), "", KdfLimits::interactive()); }) ==
          Error::Kind::Crypto);
    CHECK_FALSE(std::filesystem::exists(dir / "k"));
}

TEST_CASE("secret keys that do not give the public keys beside them are refused") {
    TempDir dir;
    const auto team = TeamKeys::generate();
    const auto other = TeamKeys::generate();
    for (const bool sealing : {true, false}) {
        INFO((sealing ? "sealing" : "signing"));
        std::filesystem::remove(dir / "demo-secret.key");
        saveTeamKeys(dir / "demo-secret.key", team, std::nullopt);
        auto text = readFile(dir / "demo-secret.key");
        const auto mine = toBase64(sealing ? team.sealing.publicKey.bytes : team.signing.publicKey.bytes);
        const auto theirs = toBase64(sealing ? other.sealing.publicKey.bytes : other.signing.publicKey.bytes);
        REQUIRE(text.find(mine) != std::string::npos);
        text.replace(text.find(mine), mine.size(), theirs);
        std::filesystem::remove(dir / "demo-secret.key");
        writeFileAtomically(dir / "demo-secret.key", text);
        CHECK(kindOf([&] { (void)loadTeamKeys(dir / "demo-secret.key", std::nullopt); }) ==
              Error::Kind::Format);
    }
}

TEST_CASE("a passphrase-protected file whose cost or salt is out of range is refused before any hashing") {
    TempDir dir;
    const auto team = TeamKeys::generate();
    saveTeamKeys(dir / "team-secret.key", team, "passphrase", KdfLimits::interactive());
    const auto text = readFile(dir / "team-secret.key");
    const auto ops = "\"opslimit\": " + std::to_string(KdfLimits::interactive().opsLimit);
    const auto mem = "\"memlimit\": " + std::to_string(KdfLimits::interactive().memLimit);
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {ops, "\"opslimit\": 0"},
             {ops, "\"opslimit\": 1000000"},
             {ops, "\"opslimit\": -1"},
             {ops, "\"opslimit\": 2.5"},
             {mem, "\"memlimit\": 4398046510080"},
             {mem, "\"memlimit\": 1"},
             {"\"argon2id13\"", "\"argon2i13\""},
         }) {
        INFO(to);
        auto changed = text;
        REQUIRE(changed.find(from) != std::string::npos);
        changed.replace(changed.find(from), from.size(), to);
        writeFileAtomically(dir / "changed.key", changed);
        CHECK(kindOf([&] { (void)loadTeamKeys(dir / "changed.key", "passphrase"); }) == Error::Kind::Format);
    }
}

TEST_CASE("a public key file is not taken for a secret one, and nonsense is refused as a format error") {
    TempDir dir;
    const auto team = TeamKeys::generate();
    saveTeamPublicKeys(dir / "pub.key", team.publicKeys());
    CHECK(kindOf([&] { (void)loadTeamKeys(dir / "pub.key", std::nullopt); }) == Error::Kind::Format);
    CHECK(kindOf([&] { (void)needsPassphrase(dir / "pub.key"); }) == Error::Kind::Format);
    CHECK(kindOf([&] { (void)loadKioskSigningKey(dir / "pub.key"); }) == Error::Kind::Format);
    CHECK(kindOf([&] { (void)loadTeamPublicKeys(dir / "missing.key"); }) == Error::Kind::File);

    const std::string sealing = "\"" + toBase64(team.sealing.publicKey.bytes) + "\"";
    const std::string signing = "\"" + toBase64(team.signing.publicKey.bytes) + "\"";
    const std::string pub = R"("format": "cafcass-cymru-kiosk.public-key")";
    // The first was found by the key file fuzz target (tests/fuzz/regressions/key_file).
    for (const std::string& text : {
             std::string(R"({ "format":22 })"),
             std::string("[]"),
             "{" + pub + R"(, "version": "2", "sealing_key": )" + sealing + R"(, "signing_key": )" + signing +
                 "}",
             "{" + pub + R"(, "version": 2e0, "sealing_key": )" + sealing + R"(, "signing_key": )" + signing +
                 "}",
             "{" + pub + R"(, "version": 1e300, "sealing_key": )" + sealing + R"(, "signing_key": )" +
                 signing + "}",
             "{" + pub + R"(, "version": 3, "sealing_key": )" + sealing + R"(, "signing_key": )" + signing +
                 "}",
             "{" + pub + R"(, "version": 2, "sealing_key": 5, "signing_key": )" + signing + "}",
             "{" + pub + R"(, "version": 2, "sealing_key": )" + sealing + "}",
             "{" + pub + R"(, "version": 2, "sealing_key": "AAAA", "signing_key": )" + signing + "}",
             "{" + pub + R"(, "version": 2, "sealing_key": )" + sealing + R"(, "signing_key": )" + signing +
                 R"(, "signing_key": )" + signing + "}",
             "{" + pub + R"(, "version": 2, "sealing_key": )" + sealing + R"(, "signing_key": )" + signing +
                 R"(, "extra": 1})",
         }) {
        INFO(text);
        writeFileAtomically(dir / "key", text);
        CHECK(kindOf([&] { (void)loadTeamPublicKeys(dir / "key"); }) == Error::Kind::Format);
        CHECK(kindOf([&] { (void)loadTeamKeys(dir / "key", std::nullopt); }) == Error::Kind::Format);
    }
    // The control: the same text, well formed, is read.
    writeFileAtomically(dir / "key", "{" + pub + R"(, "version": 2, "sealing_key": )" + sealing +
                                         R"(, "signing_key": )" + signing + "}");
    CHECK(loadTeamPublicKeys(dir / "key").signing == team.signing.publicKey);
}

TEST_CASE("a kiosk's signing key file is private, round-trips, and is never overwritten") {
    TempDir dir;
    const auto kiosk = SigningKeyPair::generate();
    saveKioskSigningKey(dir / "kiosk-secret.key", kiosk);
    CHECK(modeOf(dir / "kiosk-secret.key") == 0600);
    const auto loaded = loadKioskSigningKey(dir / "kiosk-secret.key");
    CHECK(loaded.publicKey == kiosk.publicKey);
    CHECK(loaded.secretKey == kiosk.secretKey);
    CHECK_THROWS_AS(saveKioskSigningKey(dir / "kiosk-secret.key", SigningKeyPair::generate()), Error);
    CHECK(loadKioskSigningKey(dir / "kiosk-secret.key").publicKey == kiosk.publicKey);

    // A secret key that is not the signing key's is refused.
    auto text = readFile(dir / "kiosk-secret.key");
    const auto mine = toBase64(kiosk.publicKey.bytes);
    text.replace(text.find(mine), mine.size(), toBase64(SigningKeyPair::generate().publicKey.bytes));
    writeFileAtomically(dir / "other.key", text);
    CHECK(kindOf([&] { (void)loadKioskSigningKey(dir / "other.key"); }) == Error::Kind::Format);
}

TEST_CASE("a kiosk identity carries its fingerprint, and one that does not match its key is refused") {
    TempDir dir;
    const auto kiosk = SigningKeyPair::generate();
    saveKioskIdentity(dir / "kiosk-identity.json", {"Canolfan Abertawe", kiosk.publicKey, false});
    const auto text = readFile(dir / "kiosk-identity.json");
    CHECK(text.find(fingerprint(kiosk.publicKey)) != std::string::npos);
    const auto identity = loadKioskIdentity(dir / "kiosk-identity.json");
    CHECK(identity.name == "Canolfan Abertawe");
    CHECK(identity.signing == kiosk.publicKey);
    CHECK_FALSE(identity.demo);

    // Another key under the same fingerprint: someone swapped the key and left the digits.
    auto swapped = text;
    const auto mine = toBase64(kiosk.publicKey.bytes);
    swapped.replace(swapped.find(mine), mine.size(), toBase64(SigningKeyPair::generate().publicKey.bytes));
    writeFileAtomically(dir / "swapped.json", swapped);
    CHECK(kindOf([&] { (void)loadKioskIdentity(dir / "swapped.json"); }) == Error::Kind::Format);

    saveKioskIdentity(dir / "demo.json", {"demo kiosk", kiosk.publicKey, true});
    CHECK(loadKioskIdentity(dir / "demo.json").demo);
}
