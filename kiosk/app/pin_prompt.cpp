#include <app/pin_prompt.hpp>

#include <flow/staff.hpp>
#include <storage/error.hpp>
#include <storage/terminal.hpp>

#include <sodium.h>

#include <array>

namespace kiosk::app {
namespace {

using storage::Error;

// Room for the longest PIN, a "\r" from a Windows line end, and a few stray bytes to refuse.
constexpr std::size_t kLongestLine = flow::kPinLongest + 8;

// Into a fixed buffer, wiped, so that no copy of the PIN is left in memory that a reallocation
// freed; only the SecretText it becomes outlives it.
flow::SecretText readLine(int fd, const char* from) {
    std::array<char, kLongestLine> line{};
    std::size_t size = 0;
    bool fitted = false;
    try {
        fitted = storage::readSecretLine(fd, from, [&](char c) {
            if (size == line.size())
                return false;
            line[size++] = c;
            return true;
        });
    } catch (...) {
        sodium_memzero(line.data(), line.size());
        throw;
    }
    if (size > 0 && line[size - 1] == '\r')
        --size;
    flow::SecretText pin(std::string_view(line.data(), size));
    sodium_memzero(line.data(), line.size());
    if (!fitted)
        throw Error(Error::Kind::Format, std::string("what was read from ") + from + " is far longer than a PIN");
    return pin;
}

} // namespace

flow::SecretText readPinLine(int fd) {
    return readLine(fd, "standard input");
}

flow::SecretText askPin(std::string_view prompt) {
    flow::SecretText pin;
    storage::askOnTerminal(prompt,
                           "there is no terminal to ask for the PIN on: give it on standard input with --pin-stdin",
                           [&](int tty) { pin = readLine(tty, "the terminal"); });
    return pin;
}

} // namespace kiosk::app
