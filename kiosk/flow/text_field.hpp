#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::flow {

/// A line of text being typed on the kiosk, with a cursor, kept as valid UTF-8.
///
/// The buffer is reserved once at its full size so that typing never reallocates and
/// leaves stray copies of a child's words behind in freed memory; wipe() zeroes it.
class TextField {
public:
    explicit TextField(std::size_t maxChars = 2000);
    TextField(const TextField&) = delete;
    TextField& operator=(const TextField&) = delete;
    TextField(TextField&&) noexcept = default;
    /// Wipes the text this field held before taking the other's; the other is left empty and wiped.
    TextField& operator=(TextField&& other) noexcept;
    ~TextField();

    /// Inserts valid UTF-8 at the cursor, up to the character limit; returns false if nothing fitted.
    bool insert(std::string_view utf8);
    /// Removes the character before the cursor.
    void erase();
    /// Moves the cursor by whole characters (negative is left), clamped to the text.
    void moveCursor(int characters);
    /// Puts the cursor at a byte offset, snapped back to the start of a character.
    void setCursor(std::size_t byteOffset);
    /// Zeroes every byte of the buffer and empties the field.
    void wipe();

    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] std::size_t cursor() const { return m_cursor; }
    [[nodiscard]] std::size_t length() const { return m_chars; }
    [[nodiscard]] std::size_t maxChars() const { return m_maxChars; }
    [[nodiscard]] bool empty() const { return m_text.empty(); }
    /// True if the text holds anything other than spaces and line breaks.
    [[nodiscard]] bool hasWords() const;

private:
    std::string m_text;
    std::size_t m_cursor = 0;
    std::size_t m_chars = 0;
    std::size_t m_maxChars;
};

/// True if the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
[[nodiscard]] bool isValidUtf8(std::string_view bytes);
/// Overwrites a string's bytes with zeros in a way the optimiser keeps, then clears it.
void secureWipe(std::string& s);

} // namespace kiosk::flow
