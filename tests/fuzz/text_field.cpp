#include <fuzz/fuzz_target.hpp>

#include <flow/text_field.hpp>

#include <algorithm>
#include <string>

// What reaches a text box comes from the keyboard, an on-screen key or a paste: any bytes at all.
// A box keeps only valid UTF-8, whole characters, up to its limit, with the cursor between
// characters. The input is used twice: inserted whole into a roomy box, and as a script of edits
// on a small one (control bytes 1 to 5 edit, anything between them is inserted as one piece).
namespace {

using kiosk::flow::TextField;
using kiosk::fuzz::check;

bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::size_t characters(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return !isContinuation(c); }));
}

void checkField(const TextField& field) {
    const std::string& text = field.text();
    check(kiosk::flow::isValidUtf8(text), "a box holds valid UTF-8");
    check(field.cursor() <= text.size(), "the cursor is within the text");
    check(field.cursor() == text.size() || !isContinuation(text[field.cursor()]),
          "the cursor is between characters");
    check(field.length() == characters(text), "the length counts characters");
    check(field.length() <= field.maxChars(), "a box keeps to its limit");
}

void insertPiece(TextField& field, std::string_view piece) {
    const std::string before = field.text();
    const std::size_t at = field.cursor();
    const bool inserted = field.insert(piece);
    const std::string& after = field.text();
    if (!inserted) {
        check(after == before && field.cursor() == at, "a refused insert changes nothing");
        return;
    }
    check(kiosk::flow::isValidUtf8(piece), "only valid UTF-8 is inserted");
    const std::size_t added = after.size() - before.size();
    check(added > 0 && field.cursor() == at + added, "the cursor moves past what was inserted");
    check(after.compare(0, at, before, 0, at) == 0 && after.compare(at, added, piece.substr(0, added)) == 0 &&
              after.compare(at + added, std::string::npos, before, at, std::string::npos) == 0,
          "an insert puts the start of the piece at the cursor");
    if (characters(before) + characters(std::string(piece)) <= field.maxChars())
        check(added == piece.size(), "a piece that fits goes in whole");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = kiosk::fuzz::text(data, size);
    const bool valid = kiosk::flow::isValidUtf8(input);
    kiosk::fuzz::accepted = valid;
    {
        TextField roomy(size + 1);
        check(roomy.insert(input) == (valid && !input.empty()), "exactly valid, non-empty text is inserted");
        check(roomy.text() == (valid ? input : std::string_view()), "valid text is kept as it is");
        checkField(roomy);
    }
    TextField small(12);
    for (std::size_t i = 0; i < input.size();) {
        const auto op = static_cast<unsigned char>(input[i]);
        if (op == 0 || op > 5) {
            const auto end = std::min(input.size(), input.find_first_of("\x01\x02\x03\x04\x05", i));
            insertPiece(small, input.substr(i, end - i));
            i = end;
        } else {
            ++i;
            if (op == 1)
                small.erase();
            else if (op == 2)
                small.moveCursor(-1);
            else if (op == 3)
                small.moveCursor(2);
            else if (op == 4) // the next byte is where, in bytes
                small.setCursor(i < input.size() ? static_cast<unsigned char>(input[i++]) % 64 : 0);
            else
                small.wipe();
        }
        checkField(small);
    }
    (void)small.hasWords();
    return 0;
}
