#include <flow/text_field.hpp>

#include <algorithm>
#include <utility>

namespace kiosk::flow {
namespace {

constexpr std::size_t kMaxBytesPerChar = 4;

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the UTF-8 sequence starting at s[i], or 0 if it is not well formed.
std::size_t sequenceLength(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) {
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if (!isContinuation(cc))
            return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

} // namespace

bool isValidUtf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t len = sequenceLength(bytes, i);
        if (len == 0)
            return false;
        i += len;
    }
    return true;
}

void secureWipe(std::string& s) {
    // Grow to the whole allocation (no reallocation) so that bytes left past the end by earlier
    // erasures are zeroed too; the volatile writes cannot be optimised away.
    s.resize(s.capacity());
    volatile char* p = s.data();
    for (std::size_t i = 0; i < s.size(); ++i)
        p[i] = 0;
    s.clear();
}

TextField::TextField(std::size_t maxChars) : m_maxChars(maxChars) { m_text.reserve(maxChars * kMaxBytesPerChar); }

TextField::~TextField() { wipe(); }

TextField& TextField::operator=(TextField&& other) noexcept {
    if (this == &other)
        return *this;
    // The string's own move assignment may free the old buffer or hand it to `other`, words and all.
    wipe();
    m_text = std::move(other.m_text);
    m_cursor = other.m_cursor;
    m_chars = other.m_chars;
    m_maxChars = other.m_maxChars;
    other.wipe();
    return *this;
}

bool TextField::insert(std::string_view utf8) {
    if (!isValidUtf8(utf8))
        return false;
    // Keep whole characters only, as many as the limit allows.
    std::size_t bytes = 0;
    std::size_t chars = 0;
    while (bytes < utf8.size() && m_chars + chars < m_maxChars) {
        bytes += sequenceLength(utf8, bytes);
        ++chars;
    }
    if (chars == 0)
        return false;
    m_text.insert(m_cursor, utf8.substr(0, bytes));
    m_cursor += bytes;
    m_chars += chars;
    return true;
}

void TextField::erase() {
    if (m_cursor == 0)
        return;
    std::size_t start = m_cursor - 1;
    while (start > 0 && isContinuation(static_cast<unsigned char>(m_text[start])))
        --start;
    m_text.erase(start, m_cursor - start);
    m_cursor = start;
    --m_chars;
}

void TextField::moveCursor(int characters) {
    for (; characters < 0 && m_cursor > 0; ++characters) {
        do {
            --m_cursor;
        } while (m_cursor > 0 && isContinuation(static_cast<unsigned char>(m_text[m_cursor])));
    }
    for (; characters > 0 && m_cursor < m_text.size(); --characters)
        m_cursor += sequenceLength(m_text, m_cursor);
}

void TextField::setCursor(std::size_t byteOffset) {
    m_cursor = std::min(byteOffset, m_text.size());
    while (m_cursor > 0 && m_cursor < m_text.size() && isContinuation(static_cast<unsigned char>(m_text[m_cursor])))
        --m_cursor;
}

void TextField::wipe() {
    secureWipe(m_text);
    m_cursor = 0;
    m_chars = 0;
}

bool TextField::hasWords() const {
    return std::any_of(m_text.begin(), m_text.end(), [](char c) { return c != ' ' && c != '\n'; });
}

} // namespace kiosk::flow

