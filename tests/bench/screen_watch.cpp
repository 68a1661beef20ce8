// Watches the X server's screen from outside the kiosk, the way a person sees it, for
// packaging/bench.sh. Every picture the server shows is noticed through the DAMAGE extension (no
// polling to take CPU from the renderer), read with MIT-SHM and hashed, with the time it arrived.
//
//   screen_watch launch COMMAND [ARGS...]
//       Starts COMMAND (its output to /dev/null) and waits until the screen has been still for a
//       second. Prints "pid P first F final L": milliseconds from the start to the first changed
//       picture and to the first picture that is the one left on screen. COMMAND keeps running.
//   screen_watch tap X Y
//       Presses the pointer at X,Y (XTest, as xdotool does), waits until the pressed picture is
//       still, then releases it. Prints "first F final L frames N": milliseconds from the release
//       to the first changed picture and to the first picture that is the one left on screen once
//       it has been still for 300 ms, and how many pictures came in between. "-" if none changed.
//
// It asserts nothing; exit status 2 if the display or an extension is missing.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/XTest.h>
#include <X11/extensions/Xdamage.h>

#include <poll.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

double nowMs() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Picture {
    double at = 0;
    std::uint64_t hash = 0;
};

class Watcher {
public:
    bool open() {
        m_display = XOpenDisplay(nullptr);
        if (m_display == nullptr)
            return fail("cannot open the display (is DISPLAY set?)");
        int errorBase = 0;
        int major = 0;
        int minor = 0;
        if (!XDamageQueryExtension(m_display, &m_damageEvent, &errorBase))
            return fail("the X server has no DAMAGE extension");
        if (!XShmQueryExtension(m_display))
            return fail("the X server has no MIT-SHM extension");
        if (!XTestQueryExtension(m_display, &errorBase, &errorBase, &major, &minor))
            return fail("the X server has no XTEST extension");
        m_root = DefaultRootWindow(m_display);
        const int screen = DefaultScreen(m_display);
        const int width = DisplayWidth(m_display, screen);
        const int height = DisplayHeight(m_display, screen);
        m_image = XShmCreateImage(m_display, DefaultVisual(m_display, screen), DefaultDepth(m_display, screen),
                                  ZPixmap, nullptr, &m_shm, width, height);
        if (m_image == nullptr)
            return fail("cannot make a shared-memory image");
        m_shm.shmid = shmget(IPC_PRIVATE, static_cast<std::size_t>(m_image->bytes_per_line) * height, IPC_CREAT | 0600);
        m_shm.shmaddr = m_image->data = static_cast<char*>(shmat(m_shm.shmid, nullptr, 0));
        m_shm.readOnly = False;
        XShmAttach(m_display, &m_shm);
        shmctl(m_shm.shmid, IPC_RMID, nullptr); // gone once both sides detach
        m_damage = XDamageCreate(m_display, m_root, XDamageReportNonEmpty);
        XSync(m_display, False);
        return true;
    }

    // The picture on screen now.
    std::uint64_t grab() {
        XShmGetImage(m_display, m_root, m_image, 0, 0, AllPlanes);
        const auto* words = reinterpret_cast<const std::uint64_t*>(m_image->data);
        const std::size_t count = static_cast<std::size_t>(m_image->bytes_per_line) * m_image->height / 8;
        std::uint64_t h = 0x9E3779B97F4A7C15ull;
        for (std::size_t i = 0; i < count; ++i)
            h = (h ^ words[i]) * 0x100000001B3ull + (h >> 29);
        return h;
    }

    // Waits up to timeoutMs for the server to say the screen changed; then the time it said so.
    bool waitForChange(double timeoutMs, double& at) {
        const double until = nowMs() + timeoutMs;
        for (;;) {
            while (XPending(m_display) > 0) {
                XEvent event;
                XNextEvent(m_display, &event);
                if (event.type == m_damageEvent + XDamageNotify) {
                    at = nowMs();
                    XDamageSubtract(m_display, m_damage, None, None);
                    return true;
                }
            }
            const double left = until - nowMs();
            if (left <= 0)
                return false;
            pollfd fd{ConnectionNumber(m_display), POLLIN, 0};
            poll(&fd, 1, static_cast<int>(left) + 1);
        }
    }

    // Every picture shown until the screen has been still for stillMs (or maxMs passed).
    std::vector<Picture> pictures(double stillMs, double maxMs) {
        std::vector<Picture> seen;
        const double until = nowMs() + maxMs;
        double at = 0;
        while (nowMs() < until && waitForChange(stillMs, at))
            seen.push_back({at, grab()});
        return seen;
    }

    void move(int x, int y) {
        XTestFakeMotionEvent(m_display, -1, x, y, CurrentTime);
        XSync(m_display, False);
    }
    void button(bool down) {
        XTestFakeButtonEvent(m_display, 1, down ? True : False, CurrentTime);
        XFlush(m_display);
    }

private:
    static bool fail(const char* why) {
        std::fprintf(stderr, "screen_watch: %s\n", why);
        return false;
    }

    Display* m_display = nullptr;
    Window m_root = 0;
    int m_damageEvent = 0;
    Damage m_damage = 0;
    XImage* m_image = nullptr;
    XShmSegmentInfo m_shm{};
};

// "first F final L": from start to the first picture unlike before, and to the first picture like
// the last one shown.
std::string report(const std::vector<Picture>& seen, std::uint64_t before, double start) {
    double first = -1;
    double final = -1;
    for (const auto& p : seen)
        if (first < 0 && p.hash != before)
            first = p.at - start;
    if (!seen.empty() && seen.back().hash != before)
        for (const auto& p : seen)
            if (p.hash == seen.back().hash) {
                final = p.at - start;
                break;
            }
    const auto ms = [](double v) { return v < 0 ? std::string("-") : std::to_string(static_cast<int>(v + 0.5)); };
    return "first " + ms(first) + " final " + ms(final);
}

int launch(Watcher& screen, char** command) {
    const std::uint64_t before = screen.grab();
    const double start = nowMs();
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execvp(command[0], command);
        _exit(127);
    }
    const auto seen = screen.pictures(1000, 60000);
    std::printf("pid %d %s\n", static_cast<int>(pid), report(seen, before, start).c_str());
    return 0;
}

int tap(Watcher& screen, int x, int y) {
    screen.move(x, y);
    screen.pictures(200, 3000);
    screen.button(true);
    screen.pictures(200, 3000);
    const std::uint64_t before = screen.grab();
    const double start = nowMs();
    screen.button(false);
    const auto seen = screen.pictures(300, 5000);
    std::printf("%s frames %zu\n", report(seen, before, start).c_str(), seen.size());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    Watcher screen;
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "launch" && argc > 2)
        return screen.open() ? launch(screen, argv + 2) : 2;
    if (mode == "tap" && argc == 4)
        return screen.open() ? tap(screen, std::atoi(argv[2]), std::atoi(argv[3])) : 2;
    std::fprintf(stderr, "usage: screen_watch launch COMMAND [ARGS...] | screen_watch tap X Y\n");
    return 2;
}
