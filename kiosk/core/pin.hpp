#pragma once

#include <chrono>
#include <filesystem>
#include <string_view>

// The staff PIN (FORMAT.md, "Staff PIN"): its Argon2id hash (crypto_pwhash_str) in `staff-pin`
// (mode 0600), and the wrong tries in `staff-pin-tries.json`, both in the data folder, outside the
// database so that staff can still get in when the database is damaged or the disk is full.

namespace kiosk::core {

/// The PIN's files in the data folder.
inline constexpr const char* kPinFile = "staff-pin";
inline constexpr const char* kPinTriesFile = "staff-pin-tries.json";

/// The wait after this many wrong tries in a row: none for the first four, then 30 s, 1 min,
/// 5 min, 15 min, 30 min, and 1 hour from then on.
[[nodiscard]] std::chrono::seconds pinWaitAfter(int wrongTries);
/// Wrong tries allowed before the first wait.
inline constexpr int kPinFreeTries = 4;

/// How the PIN stands, read without changing anything.
struct PinState {
    bool set = false;
    int wrongTries = 0;                                   // wrong in a row since the last right one
    std::chrono::system_clock::time_point waitUntil{};    // no try is checked before this
    [[nodiscard]] int triesBeforeWait() const;
    [[nodiscard]] std::chrono::seconds waitLeft(std::chrono::system_clock::time_point now) const;
};

[[nodiscard]] PinState readPinState(const std::filesystem::path& dataDir);

/// True for kPinShortest..kPinLongest digits and nothing else.
[[nodiscard]] bool isGoodPin(std::string_view pin);

/// Sets (or replaces) the PIN: hashed with crypto_pwhash_str at the INTERACTIVE limits, written
/// atomically, and the wrong tries cleared. Throws storage::Error for a PIN that is not
/// isGoodPin, or a file that cannot be written.
void setPin(const std::filesystem::path& dataDir, std::string_view pin);

/// What one try at the PIN found.
struct PinCheck {
    enum class Outcome { Right, Wrong, Waiting, NoPin };
    Outcome outcome = Outcome::NoPin;
    PinState state; // after the try
};

/// Tries a PIN. During a wait nothing is checked (Waiting). Otherwise the try is first recorded as
/// wrong, durably, and only then checked, so that killing the kiosk mid-check gains nothing; a
/// right PIN then clears the count. If the try cannot be recorded (a full or read-only disk) it is
/// still checked, and the journal says so: staff must be able to get in to learn why.
[[nodiscard]] PinCheck checkPin(const std::filesystem::path& dataDir, std::string_view pin,
                                std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

} // namespace kiosk::core
