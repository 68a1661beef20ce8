#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

namespace kiosk::intake {

/// A passphrase held in one buffer that never grows (so no copy is left behind by a
/// reallocation) and is wiped (sodium_memzero) when it goes.
class Passphrase {
public:
    /// The longest passphrase taken, in bytes.
    static constexpr std::size_t kMaxBytes = 1023;

    Passphrase();
    Passphrase(const Passphrase&) = delete;
    Passphrase& operator=(const Passphrase&) = delete;
    Passphrase(Passphrase&& other) noexcept;
    Passphrase& operator=(Passphrase&& other) noexcept;
    ~Passphrase();

    [[nodiscard]] std::string_view view() const { return {m_bytes.data(), m_size}; }
    [[nodiscard]] bool operator==(const Passphrase& other) const;
    /// Adds a byte; false (and nothing added) once kMaxBytes are held.
    bool push(char c);

private:
    std::vector<char> m_bytes;
    std::size_t m_size = 0;
};

/// The first line of a file (without its line end). Throws storage::Error(File) if it cannot be
/// read, (Format) if that line is empty or too long.
[[nodiscard]] Passphrase passphraseFromFile(const std::filesystem::path& file);
/// The first line read from a file descriptor (standard input for scripts), read byte by byte so
/// that nothing after it is taken. Throws storage::Error(Format) if it is empty or too long.
[[nodiscard]] Passphrase passphraseFromFd(int fd);
/// Asks on the terminal (/dev/tty) with echo off, restoring the terminal afterwards. Throws
/// storage::Error(File) if there is no terminal to ask on.
[[nodiscard]] Passphrase askPassphrase(std::string_view prompt);

} // namespace kiosk::intake
