#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace kiosk::storage {

/// A random (version 4) UUID in its usual 36-character form.
[[nodiscard]] std::string newUuid();

/// A short reference code for a child to keep, such as "K7M-4QX". It avoids letters and digits
/// that look or sound alike (0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6, U/V) so that it is easy to read aloud.
[[nodiscard]] std::string newReference();

/// The characters a reference code is made of.
[[nodiscard]] const std::string& referenceAlphabet();

/// A UTC time as ISO 8601 with seconds, e.g. "2026-11-22T10:31:02Z".
[[nodiscard]] std::string isoUtc(std::chrono::system_clock::time_point t);
/// Reads what isoUtc() writes; nothing for anything else, 31 February included.
[[nodiscard]] std::optional<std::chrono::system_clock::time_point> parseIsoUtc(const std::string& text);

} // namespace kiosk::storage
