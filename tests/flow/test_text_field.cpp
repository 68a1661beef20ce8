#include <flow/text_field.hpp>

#include <catch2/catch.hpp>

using kiosk::flow::TextField;

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

TEST_CASE("hasWords ignores spaces and line breaks") {
    TextField f(50);
    f.insert("  \n ");
    CHECK_FALSE(f.hasWords());
    f.insert("x");
    CHECK(f.hasWords());
}
