#pragma once

#include <flow/effect.hpp>

#include <string_view>

// The staff PIN as IT types it for `kiosk admin set-pin`: never echoed, never in a buffer that is
// not wiped.

namespace kiosk::app {

/// The first line read from a file descriptor (standard input, for scripts), byte by byte so that
/// nothing after it is taken. Throws storage::Error(Format) if it is longer than any PIN can be.
[[nodiscard]] flow::SecretText readPinLine(int fd);

/// Asks on the terminal (/dev/tty) with echo off, restoring the terminal afterwards, even after
/// Ctrl-C. Throws storage::Error(File) if there is no terminal to ask on.
[[nodiscard]] flow::SecretText askPin(std::string_view prompt);

} // namespace kiosk::app
