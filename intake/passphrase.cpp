#include <intake/passphrase.hpp>

#include <storage/error.hpp>

#include <sodium.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace kiosk::intake {
namespace {

using storage::Error;

// Reads one line into the passphrase, one byte at a time, so that nothing is buffered elsewhere.
// The end of the input ends the line too.
void readLine(int fd, Passphrase& out, const std::string& from) {
    bool tooLong = false;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error(Error::Kind::File, "cannot read the passphrase from " + from + ": " + std::strerror(errno), errno);
        if (n == 0 || c == '\n')
            break;
        if (!out.push(c))
            tooLong = true;
        c = 0;
    }
    if (tooLong)
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

// Ctrl-C while the passphrase is asked for must not leave the terminal without echo.
int g_tty = -1;
termios g_before{};

extern "C" void restoreTerminalAndStop(int signal) {
    ::tcsetattr(g_tty, TCSAFLUSH, &g_before);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
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
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (tty < 0)
        throw Error(Error::Kind::File, "there is no terminal to ask for the passphrase on: give it with "
                                       "--passphrase-file FILE or --passphrase-stdin");
    termios before{};
    const bool isTerminal = ::tcgetattr(tty, &before) == 0;
    using Handler = void (*)(int);
    Handler oldInt = SIG_DFL;
    Handler oldTerm = SIG_DFL;
    if (isTerminal) {
        g_tty = tty;
        g_before = before;
        oldInt = std::signal(SIGINT, restoreTerminalAndStop);
        oldTerm = std::signal(SIGTERM, restoreTerminalAndStop);
        termios quiet = before;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    const auto restore = [&] {
        if (isTerminal) {
            ::tcsetattr(tty, TCSAFLUSH, &before);
            std::signal(SIGINT, oldInt);
            std::signal(SIGTERM, oldTerm);
        }
        ::close(tty);
    };
    (void)!::write(tty, prompt.data(), prompt.size());
    Passphrase p;
    try {
        readLine(tty, p, "the terminal");
    } catch (...) {
        restore();
        throw;
    }
    restore();
    return nonEmpty(withoutCarriageReturn(std::move(p)), "the terminal");
}

} // namespace kiosk::intake
