#include <app/pin_prompt.hpp>

#include <flow/staff.hpp>
#include <storage/error.hpp>

#include <sodium.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace kiosk::app {
namespace {

using storage::Error;

// Room for the longest PIN, a "\r" from a Windows line end, and a few stray bytes to refuse.
constexpr std::size_t kLongestLine = flow::kPinLongest + 8;

// A fixed buffer, read into one byte at a time and wiped, so that no copy of the PIN is left in
// memory that a reallocation freed; only the SecretText it becomes outlives it.
flow::SecretText readLine(int fd, const char* from) {
    std::array<char, kLongestLine> line{};
    std::size_t size = 0;
    bool tooLong = false;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            sodium_memzero(line.data(), line.size());
            throw Error(Error::Kind::File,
                        std::string("cannot read the PIN from ") + from + ": " + std::strerror(errno), errno);
        }
        if (n == 0 || c == '\n')
            break;
        if (size < line.size())
            line[size++] = c;
        else
            tooLong = true;
        c = 0;
    }
    if (size > 0 && line[size - 1] == '\r')
        --size;
    flow::SecretText pin(std::string_view(line.data(), size));
    sodium_memzero(line.data(), line.size());
    if (tooLong)
        throw Error(Error::Kind::Format,
                    std::string("what was read from ") + from + " is far longer than a PIN");
    return pin;
}

// Ctrl-C while the PIN is asked for must not leave the terminal without echo.
int g_tty = -1;
termios g_before{};

extern "C" void restoreTerminalAndStop(int signal) {
    ::tcsetattr(g_tty, TCSAFLUSH, &g_before);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

flow::SecretText readPinLine(int fd) {
    return readLine(fd, "standard input");
}

flow::SecretText askPin(std::string_view prompt) {
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (tty < 0)
        throw Error(Error::Kind::File,
                    "there is no terminal to ask for the PIN on: give it on standard input with --pin-stdin");
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
    try {
        auto pin = readLine(tty, "the terminal");
        restore();
        return pin;
    } catch (...) {
        restore();
        throw;
    }
}

} // namespace kiosk::app
