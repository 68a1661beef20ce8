#include <core/identity.hpp>
#include <core/pin.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace kiosk;
using namespace std::chrono_literals;

// The staff PIN: Argon2id in staff-pin, the wrong tries in staff-pin-tries.json, both re-read from
// disk at every try, so that what a test does between two calls is what a restart would do.
namespace {

using Clock = std::chrono::system_clock;

constexpr const char* kPin = "246810";
constexpr const char* kWrong = "135799";

// A kiosk's data folder with a PIN set.
std::filesystem::path withPin(const test::TempDir& dir) {
    (void)core::startKiosk(dir / "data");
    core::setPin(dir / "data", kPin);
    return dir / "data";
}

nlohmann::json triesFile(const std::filesystem::path& data) {
    return nlohmann::json::parse(storage::readFile(data / "staff-pin-tries.json"));
}

} // namespace

TEST_CASE("a staff PIN is 6 to 12 digits, and setPin refuses anything else without writing") {
    test::TempDir dir;
    (void)core::startKiosk(dir / "data");
    for (const char* bad : {"", "12345", "1234567890123", "12345a", "123 456", "١٢٣٤٥٦", "123456\n"}) {
        INFO(bad);
        CHECK_FALSE(core::isGoodPin(bad));
        CHECK_THROWS_AS(core::setPin(dir / "data", bad), storage::Error);
    }
    CHECK_FALSE(std::filesystem::exists(dir / "data/staff-pin"));
    CHECK_FALSE(core::readPinState(dir / "data").set);
    for (const char* good : {"000000", "123456789012"})
        CHECK(core::isGoodPin(good));
}

TEST_CASE("the PIN is kept only as an Argon2id hash in a file only its owner reads") {
    test::TempDir dir;
    const auto data = withPin(dir);
    const auto hash = storage::readFile(data / "staff-pin");
    CHECK(hash.starts_with("$argon2id$"));
    CHECK(hash.find(kPin) == std::string::npos);
    const auto perms = std::filesystem::status(data / "staff-pin").permissions();
    CHECK((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) ==
          std::filesystem::perms::none);
    CHECK(core::readPinState(data).set);
}

TEST_CASE("the right PIN opens, a wrong one does not, and with no PIN set nothing does") {
    test::TempDir dir;
    (void)core::startKiosk(dir / "data");
    const auto now = Clock::now();
    CHECK(core::checkPin(dir / "data", kPin, now).outcome == core::PinCheck::Outcome::NoPin);
    CHECK_FALSE(std::filesystem::exists(dir / "data/staff-pin-tries.json")); // nothing was tried

    core::setPin(dir / "data", kPin);
    CHECK(core::checkPin(dir / "data", kWrong, now).outcome == core::PinCheck::Outcome::Wrong);
    CHECK(core::checkPin(dir / "data", "2468100", now).outcome == core::PinCheck::Outcome::Wrong);
    CHECK(core::checkPin(dir / "data", kPin, now).outcome == core::PinCheck::Outcome::Right);
}

TEST_CASE("wrong PINs grow the wait from 30 seconds to an hour, and no try is checked during one") {
    test::TempDir dir;
    const auto data = withPin(dir);
    auto now = Clock::now();
    const std::vector<std::chrono::seconds> waits = {0s,   0s,    0s,    0s, 30s, 1min,
                                                     5min, 15min, 30min, 1h, 1h,  1h};
    for (std::size_t i = 0; i < waits.size(); ++i) {
        INFO("wrong try " << i + 1);
        const auto wrong = core::checkPin(data, kWrong, now);
        REQUIRE(wrong.outcome == core::PinCheck::Outcome::Wrong);
        CHECK(wrong.state.wrongTries == static_cast<int>(i) + 1);
        CHECK(core::pinWaitAfter(wrong.state.wrongTries) == waits[i]);
        CHECK(wrong.state.waitLeft(now) == waits[i]);
        CHECK(wrong.state.triesBeforeWait() == std::max(0, 4 - static_cast<int>(i)));
        if (waits[i] > 0s) {
            // During the wait even the right PIN is not checked, and the count does not move.
            const auto during = core::checkPin(data, kPin, now + waits[i] - 1s);
            CHECK(during.outcome == core::PinCheck::Outcome::Waiting);
            CHECK(during.state.wrongTries == static_cast<int>(i) + 1);
            CHECK(core::readPinState(data).wrongTries == static_cast<int>(i) + 1);
        }
        now += waits[i];
    }
}

TEST_CASE("the lockout survives a restart: it is on disk, in wall-clock time") {
    test::TempDir dir;
    const auto data = withPin(dir);
    const auto now = Clock::now();
    for (int i = 0; i < 5; ++i)
        (void)core::checkPin(data, kWrong, now);
    // What a kiosk started afresh reads.
    const auto after = core::readPinState(data);
    CHECK(after.wrongTries == 5);
    CHECK(after.waitLeft(now) == 30s);
    CHECK(after.waitLeft(now + 20s) == 10s);
    CHECK(triesFile(data)["wrong_tries"] == 5);
    CHECK(storage::parseIsoUtc(triesFile(data)["wait_until"].get<std::string>()).has_value());
    CHECK(core::checkPin(data, kPin, now + 20s).outcome == core::PinCheck::Outcome::Waiting);
    CHECK(core::checkPin(data, kPin, now + 31s).outcome == core::PinCheck::Outcome::Right);
}

TEST_CASE("the right PIN clears the wrong tries, and setting a PIN clears them too") {
    test::TempDir dir;
    const auto data = withPin(dir);
    const auto now = Clock::now();
    for (int i = 0; i < 3; ++i)
        (void)core::checkPin(data, kWrong, now);
    CHECK(core::readPinState(data).wrongTries == 3);
    const auto right = core::checkPin(data, kPin, now);
    CHECK(right.outcome == core::PinCheck::Outcome::Right);
    CHECK(right.state.wrongTries == 0);
    CHECK(core::readPinState(data).wrongTries == 0);
    CHECK(core::readPinState(data).triesBeforeWait() == 5);

    for (int i = 0; i < 5; ++i)
        (void)core::checkPin(data, kWrong, now);
    CHECK(core::readPinState(data).waitLeft(now) == 30s);
    core::setPin(data, "1357913579"); // IT sets a new one
    CHECK(core::readPinState(data).wrongTries == 0);
    CHECK(core::checkPin(data, "1357913579", now).outcome == core::PinCheck::Outcome::Right);
    CHECK(core::checkPin(data, kPin, now).outcome == core::PinCheck::Outcome::Wrong);
}

// Killing the kiosk while it checks (the slow part, on purpose) must not undo a try: a guesser
// could otherwise try for ever without waiting. Only if the try is recorded before the check does
// a right PIN ever leave the count at 1 on disk, for the moment its check takes.
TEST_CASE("the try is recorded before it is checked, so a check killed midway stays counted") {
    test::TempDir dir;
    const auto data = withPin(dir);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        for (;;)
            (void)core::checkPin(data, kPin);
    }
    bool seenCounted = false;
    const auto giveUp = Clock::now() + 20s;
    while (!seenCounted && Clock::now() < giveUp) {
        seenCounted = core::readPinState(data).wrongTries == 1;
        if (!seenCounted)
            std::this_thread::sleep_for(200us);
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(seenCounted);
    CHECK(WIFSIGNALED(status));
    // Killed in the middle of a check (the window at 0 between two checks is a few microseconds
    // against the check's tens of milliseconds): what a restart finds counts the try.
    CHECK(core::readPinState(data).wrongTries == 1);
}

TEST_CASE("a try that cannot be recorded is still checked, so staff can get in to learn why") {
    test::TempDir dir;
    const auto data = withPin(dir);
    // A folder where the tries file should be: no write can replace it, not even root's.
    std::filesystem::remove(data / "staff-pin-tries.json");
    std::filesystem::create_directories(data / "staff-pin-tries.json/kept");
    const auto now = Clock::now();
    CHECK(core::checkPin(data, kWrong, now).outcome == core::PinCheck::Outcome::Wrong);
    CHECK(core::checkPin(data, kPin, now).outcome == core::PinCheck::Outcome::Right);
}

TEST_CASE("a tries file that was tampered with counts as every free try used, not as none") {
    test::TempDir dir;
    const auto data = withPin(dir);
    const auto now = Clock::now();
    for (const char* spoiled : {"", "{}", R"({"wrong_tries": -3, "wait_until": null})",
                                R"({"wrong_tries": 2, "wait_until": "soon"})", "not json"}) {
        INFO(spoiled);
        storage::writeFileAtomically(data / "staff-pin-tries.json", spoiled);
        CHECK(core::readPinState(data).wrongTries == core::kPinFreeTries);
        CHECK(core::readPinState(data).triesBeforeWait() == 1);
    }
    const auto wrong = core::checkPin(data, kWrong, now);
    CHECK(wrong.state.wrongTries == core::kPinFreeTries + 1);
    CHECK(wrong.state.waitLeft(now) == 30s);
}

TEST_CASE("a clock set back does not lock staff out for longer than the wait") {
    test::TempDir dir;
    const auto data = withPin(dir);
    const auto then = Clock::now();
    for (int i = 0; i < 5; ++i)
        (void)core::checkPin(data, kWrong, then);
    const auto setBack = then - 24h;
    CHECK(core::readPinState(data).waitLeft(setBack) == 30s);
    CHECK(core::checkPin(data, kPin, setBack).outcome == core::PinCheck::Outcome::Waiting);
    CHECK(core::checkPin(data, kPin, setBack + 31s).outcome == core::PinCheck::Outcome::Right);
}

// Found by killing the kiosk while it recorded a try: the temporary file of the atomic write
// ("staff-pin-tries.json.tmp-<pid>") was left behind, and a kiosk started again with the same
// process id (after a reboot, likely) could record no try at all, so it never made anyone wait.
TEST_CASE("a try half-recorded by a killed kiosk does not stop the next one recording tries") {
    test::TempDir dir;
    const auto data = withPin(dir);
    const auto pid = std::to_string(::getpid()); // the new kiosk is given the killed one's id
    storage::writeFileAtomically(data / ("staff-pin-tries.json.tmp-" + pid), R"({"wrong_tries": 3, "wa)");
    storage::writeFileAtomically(data / ("staff-pin.tmp-" + pid), "$argon2id$v=19$m=65536,t=2,p=1$");
    (void)core::startKiosk(data);
    const auto now = Clock::now();
    for (int i = 0; i < core::kPinFreeTries + 1; ++i)
        (void)core::checkPin(data, kWrong, now);
    CHECK(core::readPinState(data).wrongTries == core::kPinFreeTries + 1);
    CHECK(core::checkPin(data, kPin, now).outcome == core::PinCheck::Outcome::Waiting);
    core::setPin(data, "13579135"); // and a new PIN can be set
    CHECK(core::checkPin(data, "13579135", now).outcome == core::PinCheck::Outcome::Right);
}
