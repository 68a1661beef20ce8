// What a child typed leaves no trace in the kiosk's memory once the session is over: typed on the
// on-screen keyboard through the real screens, then hidden, timed out, erased or sent, and the
// whole of this process's writable memory searched for it.
#include "driver.hpp"

#include <flow/state.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

constexpr unsigned char kMask = 0x5A;

// Random letters, kept only masked: the test itself holds no plain copy to find.
std::vector<unsigned char> maskedMarker() {
    std::random_device seed;
    std::mt19937 random(seed());
    std::vector<unsigned char> masked(14);
    for (auto& c : masked)
        c = static_cast<unsigned char>('a' + random() % 26) ^ kMask;
    return masked;
}

// Types the marker on the on-screen keyboard, unmasking one letter at a time.
void typeMarker(test::UiDriver& ui, const std::vector<unsigned char>& masked) {
    for (const unsigned char c : masked) {
        const char letter[2] = {static_cast<char>(c ^ kMask), 0};
        ui.typeOnScreen(letter);
    }
}

// Whether the marker is anywhere in this process's writable memory.
bool inMemory(const std::vector<unsigned char>& masked) {
    std::ifstream maps("/proc/self/maps");
    const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    REQUIRE(mem >= 0);
    std::vector<unsigned char> buffer(1 << 20);
    std::string line;
    bool found = false;
    while (!found && std::getline(maps, line)) {
        std::istringstream fields(line);
        std::string range;
        std::string perms;
        fields >> range >> perms;
        if (perms.size() < 2 || perms[0] != 'r' || perms[1] != 'w')
            continue;
        const auto dash = range.find('-');
        auto at = std::stoull(range.substr(0, dash), nullptr, 16);
        const auto end = std::stoull(range.substr(dash + 1), nullptr, 16);
        // A sanitizer's shadow memory reserves terabytes; the kiosk's own memory is far smaller.
        if (end - at > (std::uint64_t{1} << 30))
            continue;
        while (!found && at < end) {
            const auto want = std::min<std::uint64_t>(buffer.size(), end - at);
            const auto got = ::pread(mem, buffer.data(), want, static_cast<off_t>(at));
            if (got <= 0)
                break;
            const auto n = static_cast<std::size_t>(got);
            for (std::size_t i = 0; !found && i + masked.size() <= n; ++i) {
                std::size_t k = 0;
                while (k < masked.size() && (buffer[i + k] ^ kMask) == masked[k])
                    ++k;
                found = k == masked.size();
            }
            at += n > masked.size() ? n - masked.size() : n; // overlap, so nothing is missed at a seam
        }
    }
    ::close(mem);
    // What was read is wiped before the buffer is freed, or the next search would find this copy
    // (freed memory keeps its bytes; under AddressSanitizer it is not even reused for a while).
    volatile unsigned char* bytes = buffer.data();
    for (std::size_t i = 0; i < buffer.size(); ++i)
        bytes[i] = 0;
    return found;
}

// Whether the marker is in any file under a folder.
bool onDisk(const std::vector<unsigned char>& masked, const std::filesystem::path& folder) {
    const std::string all = test::allBytesUnder(folder);
    for (std::size_t i = 0; i + masked.size() <= all.size(); ++i) {
        std::size_t k = 0;
        while (k < masked.size() && (static_cast<unsigned char>(all[i + k]) ^ kMask) == masked[k])
            ++k;
        if (k == masked.size())
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("what a child typed is nowhere in the kiosk's memory after hide, the idle wipe, erasing or sending") {
    const auto marker = maskedMarker();
    const auto how = GENERATE(as<std::string>{}, "hide", "idle", "erase", "send");
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.english");
    ui.tap("kind.feedback");
    ui.tap("who.me");
    ui.tap("nav.next");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == flow::Screen::Story);
    typeMarker(ui, marker);
    REQUIRE(inMemory(marker)); // the search can see it while it is there
    INFO("after " << how);
    if (how == "hide") {
        ui.tap("chrome.hide");
    } else if (how == "idle") {
        ui.advance(ui.state.timing.quietBeforeAsking);
        ui.advance(ui.state.timing.answerWindow);
    } else if (how == "erase") {
        for (std::size_t i = 0; i < marker.size(); ++i)
            ui.tap("key.erase");
        CHECK(ui.state.answers.field(flow::Field::Story).empty());
    } else {
        ui.tap("nav.next");
        ui.tap("contact.none");
        ui.tap("nav.next");
        ui.tap("check.send");
        ui.settle();
        REQUIRE(ui.state.screen == flow::Screen::ThankYou);
        ui.tap("thanks.finish");
    }
    CHECK(ui.state.screen == (how == "erase" ? flow::Screen::Story : flow::Screen::Welcome));
    CHECK_FALSE(inMemory(marker));
    // Nor on disk: what was sent is there only sealed, and nothing else was written.
    CHECK_FALSE(onDisk(marker, dir.path()));
    CHECK(ui.stored().size() == (how == "send" ? 1u : 0u));
}
