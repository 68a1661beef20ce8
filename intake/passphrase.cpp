#include <intake/passphrase.hpp>

#include <storage/error.hpp>
#include <storage/terminal.hpp>

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kiosk::intake {
namespace {

using storage::Error;

// Reads one line into the passphrase, one byte at a time, so that nothing is buffered elsewhere.
void readLine(int fd, Passphrase& out, const std::string& from) {
    if (!storage::readSecretLine(fd, from, [&](char c) { return out.push(c); }))
        throw Error(Error::Kind::Format, "the passphrase from " + from + " is longer than " +
                                             std::to_string(Passphrase::kMaxBytes) + " bytes");
}

// A line written on Windows ends in "\r\n": the "\r" is not part of the passphrase.
Passphrase withoutCarriageReturn(Passphrase&& line) {
    const auto text = line.view();
    if (text.empty() || text.back() != '\r')
        return std::move(line);
    Passphrase trimmed;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        trimmed.push(text[i]);
    return trimmed;
}

Passphrase nonEmpty(Passphrase&& p, const std::string& from) {
    if (p.view().empty())
        throw Error(Error::Kind::Format, "the passphrase from " + from + " is empty");
    return std::move(p);
}

} // namespace

Passphrase::Passphrase() : m_bytes(kMaxBytes + 1, '\0') {}

Passphrase::Passphrase(Passphrase&& other) noexcept : m_bytes(std::move(other.m_bytes)), m_size(other.m_size) {
    other.m_size = 0;
}

Passphrase& Passphrase::operator=(Passphrase&& other) noexcept {
    if (this != &other) {
        if (!m_bytes.empty())
            sodium_memzero(m_bytes.data(), m_bytes.size());
        m_bytes = std::move(other.m_bytes);
        m_size = other.m_size;
        other.m_size = 0;
    }
    return *this;
}

Passphrase::~Passphrase() {
    if (!m_bytes.empty())
        sodium_memzero(m_bytes.data(), m_bytes.size());
}

bool Passphrase::operator==(const Passphrase& other) const {
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_bytes.data(), other.m_bytes.data(), m_size) == 0);
}

bool Passphrase::push(char c) {
    if (m_size >= kMaxBytes)
        return false;
    m_bytes[m_size++] = c;
    return true;
}

Passphrase passphraseFromFile(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error(Error::Kind::File, "cannot open the passphrase file " + file.string() + ": " + std::strerror(errno),
                    errno);
    Passphrase p;
    try {
        readLine(fd, p, file.string());
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    return nonEmpty(withoutCarriageReturn(std::move(p)), file.string());
}

Passphrase passphraseFromFd(int fd) {
    Passphrase p;
    readLine(fd, p, "standard input");
    return nonEmpty(withoutCarriageReturn(std::move(p)), "standard input");
}

Passphrase askPassphrase(std::string_view prompt) {
    Passphrase p;
    storage::askOnTerminal(prompt,
                           "there is no terminal to ask for the passphrase on: give it with "
                           "--passphrase-file FILE or --passphrase-stdin",
                           [&](int tty) { readLine(tty, p, "the terminal"); });
    return nonEmpty(withoutCarriageReturn(std::move(p)), "the terminal");
}

} // namespace kiosk::intake
