#include <flow/text_field.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <new>

using kiosk::flow::TextField;

// This test program owns the global allocator, so that a test can still read a buffer after a
// TextField gives it up, whether the string keeps it, hands it on or frees it: while parking is
// on, freed memory is set aside instead of returned, and its bytes stay readable.
namespace {

bool g_parking = false;
std::array<void*, 64> g_parked{};
std::size_t g_parkedCount = 0;

struct Parking {
    Parking() { g_parking = true; }
    Parking(const Parking&) = delete;
    Parking& operator=(const Parking&) = delete;
    ~Parking() {
        g_parking = false;
        for (std::size_t i = 0; i < g_parkedCount; ++i)
            std::free(g_parked[i]);
        g_parkedCount = 0;
    }
};

} // namespace

void* operator new(std::size_t size) {
    if (void* p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}

void operator delete(void* p) noexcept {
    if (p != nullptr && g_parking && g_parkedCount < g_parked.size()) {
        g_parked[g_parkedCount++] = p;
        return;
    }
    std::free(p);
}

void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

// The forms that do not throw too, or memory from the library's own nothrow new would reach this
// delete (AddressSanitizer reports the mismatch).
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return std::malloc(size == 0 ? 1 : size); }

void operator delete(void* p, const std::nothrow_t&) noexcept { operator delete(p); }

TEST_CASE("typing inserts at the cursor and erasing removes whole Welsh letters") {
    TextField f(100);
    REQUIRE(f.insert("ŵyr"));
    CHECK(f.text() == "ŵyr");
    CHECK(f.length() == 3);
    f.moveCursor(-2);
    CHECK(f.cursor() == 2); // after the two bytes of ŵ
    f.erase();
    CHECK(f.text() == "yr");
    CHECK(f.cursor() == 0);
    f.erase(); // nothing before the cursor
    CHECK(f.text() == "yr");
    REQUIRE(f.insert("ŷ"));
    CHECK(f.text() == "ŷyr");
}

TEST_CASE("the cursor moves by characters and never leaves the text") {
    TextField f(100);
    REQUIRE(f.insert("aẅb"));
    f.moveCursor(-10);
    CHECK(f.cursor() == 0);
    f.moveCursor(2);
    CHECK(f.cursor() == 4); // a (1 byte) + ẅ (3 bytes)
    f.moveCursor(10);
    CHECK(f.cursor() == f.text().size());
    f.setCursor(2); // inside ẅ: snaps back to its start
    CHECK(f.cursor() == 1);
}

TEST_CASE("the character limit is kept in characters, not bytes") {
    TextField f(3);
    CHECK(f.insert("âêîôû"));
    CHECK(f.text() == "âêî");
    CHECK(f.length() == 3);
    CHECK_FALSE(f.insert("a"));
}

TEST_CASE("invalid UTF-8 is refused whole") {
    TextField f(100);
    CHECK_FALSE(f.insert("a\xC3"));          // cut short
    CHECK_FALSE(f.insert("\xC0\xAF"));       // overlong
    CHECK_FALSE(f.insert("\xED\xA0\x80"));   // a surrogate
    CHECK_FALSE(f.insert("\xF4\x90\x80\x80")); // past U+10FFFF
    CHECK(f.empty());
    CHECK(kiosk::flow::isValidUtf8("Ŵ ẁ ỳ 😀"));
}

TEST_CASE("wipe zeroes the buffer and empties the field") {
    TextField f(50);
    REQUIRE(f.insert("cyfrinach"));
    const char* data = f.text().data();
    f.wipe();
    CHECK(f.empty());
    CHECK(f.cursor() == 0);
    // The same buffer is kept (reserved once), and its old bytes are gone.
    CHECK(f.text().data() == data);
    for (std::size_t i = 0; i < 9; ++i)
        CHECK(data[i] == '\0');
}

TEST_CASE("typing to the limit never moves the buffer, so no copy of the words is left behind") {
    TextField f(40);
    const char* data = f.text().data();
    for (int i = 0; i < 40; ++i)
        f.insert("ŵ");
    CHECK(f.length() == 40);
    CHECK(f.text().data() == data);
}

TEST_CASE("moving a field over another wipes the words it replaces") {
    const Parking parking;
    TextField field(80);
    REQUIRE(field.insert("cyfrinach"));
    const char* old = field.text().data();
    const std::size_t oldSize = field.text().capacity();
    TextField next(80);
    REQUIRE(next.insert("newydd"));
    field = std::move(next); // the old buffer may now be next's (libstdc++) or freed (parked here)
    CHECK(field.text() == "newydd");
    CHECK(next.empty());
    CHECK(std::all_of(old, old + oldSize, [](char c) { return c == '\0'; }));
}

TEST_CASE("hasWords ignores spaces and line breaks") {
    TextField f(50);
    f.insert("  \n ");
    CHECK_FALSE(f.hasWords());
    f.insert("x");
    CHECK(f.hasWords());
}
