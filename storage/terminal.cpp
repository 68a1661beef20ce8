#include <storage/terminal.hpp>

#include <storage/error.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace kiosk::storage {
namespace {

// Ctrl-C while a secret is asked for must not leave the terminal without echo.
int g_tty = -1;
termios g_before{};

extern "C" void restoreTerminalAndStop(int signal) {
    ::tcsetattr(g_tty, TCSAFLUSH, &g_before);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

bool readSecretLine(int fd, const std::string& from, const std::function<bool(char)>& take) {
    bool fitted = true;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error(Error::Kind::File, "cannot read from " + from + ": " + std::strerror(errno), errno);
        if (n == 0 || c == '\n')
            return fitted;
        if (!take(c))
            fitted = false;
        c = 0;
    }
}

void askOnTerminal(std::string_view prompt, const std::string& noTerminal, const std::function<void(int tty)>& read) {
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (tty < 0)
        throw Error(Error::Kind::File, noTerminal);
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
        read(tty);
    } catch (...) {
        restore();
        throw;
    }
    restore();
}

} // namespace kiosk::storage
