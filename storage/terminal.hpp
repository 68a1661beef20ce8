#pragma once

#include <functional>
#include <string>
#include <string_view>

// Secrets typed by a person (the team's passphrase, the staff PIN): read a byte at a time so that
// nothing is buffered where it would not be wiped, and asked on the terminal without echo.

namespace kiosk::storage {

/// Reads one line from a file descriptor a byte at a time, giving each byte to `take`, which
/// returns false when it has no room for it. The end of the input ends the line too; a "\r"
/// before the line's end is kept (the caller's to trim). Returns false if some byte found no room.
/// Throws Error(File) naming `from` if reading fails.
bool readSecretLine(int fd, const std::string& from, const std::function<bool(char)>& take);

/// Writes a prompt on the terminal (/dev/tty) and runs `read` with the terminal's descriptor and
/// echo off, restoring the terminal afterwards, even when `read` throws or Ctrl-C stops the
/// program. Throws Error(File) with `noTerminal` if there is no terminal to ask on.
void askOnTerminal(std::string_view prompt, const std::string& noTerminal, const std::function<void(int tty)>& read);

} // namespace kiosk::storage
