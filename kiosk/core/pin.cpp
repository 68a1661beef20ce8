#include <core/pin.hpp>

#include <flow/staff.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>

namespace kiosk::core {
namespace {

using storage::Error;
using Clock = std::chrono::system_clock;
using namespace std::chrono_literals;

// The hash alone is a few hundred bytes; anything far larger was not written by setPin.
constexpr std::uintmax_t kLargestPinFile = 4096;

std::string readHash(const std::filesystem::path& dataDir) {
    auto hash = storage::readFile(dataDir / kPinFile, kLargestPinFile);
    while (!hash.empty() && (hash.back() == '\n' || hash.back() == '\r'))
        hash.pop_back();
    return hash;
}

// A tries file that cannot be read was not left by an atomic write: someone or something changed
// it. Reading it as no wrong tries at all would let a guesser start afresh by spoiling it, so it
// counts as every free try used (the next wrong one waits), without locking staff out.
void readTries(const std::filesystem::path& file, PinState& state) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return;
    try {
        const auto j = nlohmann::json::parse(storage::readFile(file, kLargestPinFile), nullptr, false);
        if (!j.is_object() || !j.contains("wrong_tries") || !j["wrong_tries"].is_number_integer() ||
            j["wrong_tries"].get<std::int64_t>() < 0 || !j.contains("wait_until"))
            throw Error(Error::Kind::Format, "not {\"wrong_tries\": n, \"wait_until\": ...}");
        state.wrongTries =
            static_cast<int>(std::min<std::int64_t>(j["wrong_tries"].get<std::int64_t>(), 1000000));
        if (!j["wait_until"].is_null()) {
            const auto until = j["wait_until"].is_string()
                                   ? storage::parseIsoUtc(j["wait_until"].get<std::string>())
                                   : std::nullopt;
            if (!until)
                throw Error(Error::Kind::Format,
                            "\"wait_until\" is not a time written like 2026-11-22T10:31:02Z");
            state.waitUntil = *until;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s cannot be read (%s); it counts as %d wrong PIN tries\n", file.c_str(),
                     e.what(), kPinFreeTries);
        state.wrongTries = kPinFreeTries;
        state.waitUntil = {};
    }
}

void writeTries(const std::filesystem::path& dataDir, const PinState& state) {
    nlohmann::json j = {{"wrong_tries", state.wrongTries}, {"wait_until", nullptr}};
    if (state.waitUntil != Clock::time_point{})
        j["wait_until"] = storage::isoUtc(state.waitUntil);
    storage::writeFileAtomically(dataDir / kPinTriesFile, j.dump() + "\n", 0600);
}

// Recording must never stop a check: staff locked out of a kiosk whose disk is full could never
// learn why it is full.
void recordOrSay(const std::filesystem::path& dataDir, const PinState& state, const char* what) {
    try {
        writeTries(dataDir, state);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s could not be recorded, so it was checked anyway: %s\n", what,
                     e.what());
    }
}

} // namespace

std::chrono::seconds pinWaitAfter(int wrongTries) {
    constexpr std::array<std::chrono::seconds, 6> kWaits = {30s, 1min, 5min, 15min, 30min, 1h};
    if (wrongTries <= kPinFreeTries)
        return 0s;
    const auto step =
        std::min<std::size_t>(static_cast<std::size_t>(wrongTries - kPinFreeTries - 1), kWaits.size() - 1);
    return kWaits[step];
}

int PinState::triesBeforeWait() const {
    // The try after the free ones is the first to bring a wait, so it is counted too.
    return std::max(0, kPinFreeTries + 1 - wrongTries);
}

std::chrono::seconds PinState::waitLeft(Clock::time_point now) const {
    if (waitUntil <= now)
        return 0s;
    // Never more than the wait this many wrong tries bring: a clock set back must not lock staff
    // out for as long as it went back.
    return std::min(std::chrono::ceil<std::chrono::seconds>(waitUntil - now), pinWaitAfter(wrongTries));
}

PinState readPinState(const std::filesystem::path& dataDir) {
    PinState state;
    std::error_code ec;
    // A hash that cannot be read is no PIN: staff are told to have IT set one, rather than finding
    // every right PIN counted wrong and the waits growing.
    if (std::filesystem::exists(dataDir / kPinFile, ec)) {
        try {
            state.set = readHash(dataDir).starts_with("$argon2id$");
        } catch (const std::exception&) {
            state.set = false;
        }
    }
    readTries(dataDir / kPinTriesFile, state);
    return state;
}

bool isGoodPin(std::string_view pin) {
    return pin.size() >= flow::kPinShortest && pin.size() <= flow::kPinLongest &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void setPin(const std::filesystem::path& dataDir, std::string_view pin) {
    if (!isGoodPin(pin))
        throw Error(Error::Kind::Format, "a staff PIN is " + std::to_string(flow::kPinShortest) + " to " +
                                             std::to_string(flow::kPinLongest) + " digits, and nothing else");
    storage::initSodium();
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str(hash.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw Error(Error::Kind::Crypto, "the PIN could not be hashed (not enough memory)");
    storage::writeFileAtomically(dataDir / kPinFile, std::string(hash.data()) + "\n", 0600);
    writeTries(dataDir, PinState{true, 0, {}});
}

PinCheck checkPin(const std::filesystem::path& dataDir, std::string_view pin, Clock::time_point now) {
    PinCheck result;
    result.state = readPinState(dataDir);
    PinState& state = result.state;
    if (!state.set)
        return result;
    if (state.waitLeft(now) > 0s) {
        result.outcome = PinCheck::Outcome::Waiting;
        if (state.waitUntil - now > pinWaitAfter(state.wrongTries)) {
            state.waitUntil = now + pinWaitAfter(state.wrongTries); // the clock went back: see waitLeft
            recordOrSay(dataDir, state, "a shortened PIN wait");
        }
        return result;
    }
    // Recorded as wrong before it is checked, so that stopping the kiosk during the check (the
    // slow part, on purpose) leaves the try counted.
    ++state.wrongTries;
    const auto wait = pinWaitAfter(state.wrongTries);
    // In whole seconds, as the file holds it, so that the wait told now is the wait a restart reads.
    state.waitUntil = wait > 0s ? std::chrono::floor<std::chrono::seconds>(now + wait) : Clock::time_point{};
    recordOrSay(dataDir, state, "a PIN try");

    bool right = false;
    try {
        storage::initSodium();
        const auto hash = readHash(dataDir);
        right = crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: the staff PIN could not be checked: %s\n", e.what());
    }
    if (!right) {
        result.outcome = PinCheck::Outcome::Wrong;
        return result;
    }
    result.outcome = PinCheck::Outcome::Right;
    state = PinState{true, 0, {}};
    try {
        writeTries(dataDir, state);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: the right PIN's clearing of the wrong tries could not be recorded: %s\n",
                     e.what());
    }
    return result;
}

} // namespace kiosk::core
