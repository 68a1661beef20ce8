#include <screens/screens.hpp>
#include <ui/keyboard_layout.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

using namespace kiosk;

namespace {

const std::vector<std::string> kLayers = {"letters", "accents"};

// A small keyboard that is right, to break one line at a time.
const std::string kGood = "# a comment\n"
                          "letters 1 key.a 1 a A\n"
                          "letters 1 key.erase 1.5 [erase]\n"
                          "\n"
                          "letters 2 key.accents 1.75 [accents] âŵŷ\n"
                          "letters 2 key.space 5 [space]\n"
                          "accents 1 key.ŵ 1 ŵ Ŵ\n"
                          "accents 1 key.- 1 -\n"
                          "accents 2 key.letters 1.5 [letters] abc\n";

std::string refusal(const std::string& text) {
    try {
        (void)ui::KeyboardLayout::parse(text, "keyboard.txt", kLayers);
    } catch (const ui::KeyboardLayoutError& e) {
        return e.what();
    }
    return "accepted";
}

// kGood with one line replaced (line numbers from 1).
std::string withLine(int lineNo, const std::string& replacement) {
    std::string out;
    int n = 0;
    std::size_t pos = 0;
    while (pos < kGood.size()) {
        const auto end = kGood.find('\n', pos);
        out += (++n == lineNo ? replacement : kGood.substr(pos, end - pos)) + "\n";
        pos = end + 1;
    }
    return out;
}

} // namespace

TEST_CASE("a keyboard file is read into layers, rows and keys") {
    const auto keyboard = ui::KeyboardLayout::parse(kGood, "keyboard.txt", kLayers);
    const ui::KeyLayer* letters = keyboard.layer("letters");
    REQUIRE(letters != nullptr);
    REQUIRE(letters->rows.size() == 2);
    REQUIRE(letters->rows[0].size() == 2);
    CHECK(letters->rows[0][0].id == "key.a");
    CHECK(letters->rows[0][0].upper == "A");
    CHECK(letters->rows[0][1].action == ui::KeyAction::Erase);
    CHECK(letters->rows[0][1].width == 1.5f);
    CHECK(letters->rows[1][0].action == ui::KeyAction::SwitchLayer);
    CHECK(letters->rows[1][0].layer == "accents");
    CHECK(letters->rows[1][0].label == "âŵŷ");
    const ui::KeyLayer* accents = keyboard.layer("accents");
    REQUIRE(accents != nullptr);
    CHECK(accents->rows[0][1].upper == "-"); // no sixth column: the same with shift
    CHECK(keyboard.switchKeyTo("letters") == "key.letters");
    CHECK_FALSE(keyboard.switchKeyTo("email").has_value());
    const auto space = keyboard.find(" ");
    REQUIRE(space.has_value());
    CHECK(space->key == "key.space");
}

TEST_CASE("a malformed keyboard file is refused with its name and the line") {
    CHECK(refusal(kGood) == "accepted");
    const std::pair<int, std::string> broken[] = {
        {2, "letters 1 key.a 1"},                       // too few columns
        {2, "letters 1 key.a 1 a A x"},                 // too many
        {2, "letter 1 key.a 1 a A"},                    // an unknown layer
        {2, "letters 2 key.a 1 a A"},                   // the first row is not 1
        {2, "letters x key.a 1 a A"},                   // a row that is no number
        {2, "letters 1 a 1 a A"},                       // an id without "key."
        {2, "letters 1 key.a wide a A"},                // a width that is no number
        {2, "letters 1 key.a 0 a A"},                   // nor zero
        {2, "letters 1 key.a 1 ab AB"},                 // two characters on one key
        {2, "letters 1 key.a 1 a AB"},                  // two with shift
        {2, "letters 1 key.a 1 [backspace]"},           // an unknown special key
        {3, "letters 1 key.erase 1.5 [erase] Erase"},   // a label on an icon
        {5, "letters 2 key.accents 1.75 [accents]"},    // a layer switch without a label
        {6, "letters 2 key.a 5 a"},                     // the same id twice in a layer
        {6, "letters 4 key.space 5 [space]"},           // a row skipped
        {9, "letters 3 key.letters 1.5 [letters] abc"}, // a layer's keys not together
    };
    for (const auto& [lineNo, line] : broken) {
        INFO(line);
        CHECK_THAT(refusal(withLine(lineNo, line)),
                   Catch::StartsWith("keyboard.txt:" + std::to_string(lineNo) + ": "));
    }
    // A layer the kiosk needs but the file lacks is refused too, naming the file.
    CHECK(refusal("letters 1 key.a 1 a A\n") == "keyboard.txt: there are no keys for the accents layer");
    CHECK_THROWS_AS(ui::KeyboardLayout::load("/nonexistent/keyboard.txt", kLayers), ui::KeyboardLayoutError);
}

TEST_CASE("every letter of the Welsh alphabet, accented or capital, is on the kiosk's keyboard") {
    const auto keyboard =
        screens::loadKeyboard(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/keyboard.txt");
    const std::pair<std::string, std::string> letters[] = {
        {"a", "A"}, {"b", "B"}, {"c", "C"}, {"d", "D"}, {"e", "E"}, {"f", "F"}, {"g", "G"}, {"h", "H"},
        {"i", "I"}, {"j", "J"}, {"l", "L"}, {"m", "M"}, {"n", "N"}, {"o", "O"}, {"p", "P"}, {"r", "R"},
        {"s", "S"}, {"t", "T"}, {"u", "U"}, {"w", "W"}, {"y", "Y"}, {"â", "Â"}, {"ê", "Ê"}, {"î", "Î"},
        {"ô", "Ô"}, {"û", "Û"}, {"ŵ", "Ŵ"}, {"ŷ", "Ŷ"}, {"á", "Á"}, {"é", "É"}, {"í", "Í"}, {"ó", "Ó"},
        {"ú", "Ú"}, {"ẃ", "Ẃ"}, {"ý", "Ý"}, {"à", "À"}, {"è", "È"}, {"ì", "Ì"}, {"ò", "Ò"}, {"ù", "Ù"},
        {"ẁ", "Ẁ"}, {"ỳ", "Ỳ"}, {"ä", "Ä"}, {"ë", "Ë"}, {"ï", "Ï"}, {"ö", "Ö"}, {"ü", "Ü"}, {"ẅ", "Ẅ"},
        {"ÿ", "Ÿ"}, {"'", "'"}, {"-", "-"}};
    for (const auto& [lower, upper] : letters) {
        INFO(lower << " " << upper);
        const auto small = keyboard.find(lower);
        const auto capital = keyboard.find(upper);
        REQUIRE(small.has_value());
        REQUIRE(capital.has_value());
        CHECK(small->key == "key." + lower);
        CHECK_FALSE(small->shift);
        CHECK(capital->key == small->key);
        CHECK(capital->shift == (upper != lower));
        // The tests reach it by the layer's switch key, or it is on the letters every box opens with.
        CHECK((small->layer == "letters" || keyboard.switchKeyTo(small->layer).has_value()));
    }
}

TEST_CASE("a keyboard file saved with a byte order mark reads as without one") {
    const auto keyboard = ui::KeyboardLayout::parse("\xEF\xBB\xBF" + kGood, "keyboard.txt", kLayers);
    REQUIRE(keyboard.layer("letters") != nullptr);
    CHECK(keyboard.layer("letters")->rows[0][0].id == "key.a");
}
