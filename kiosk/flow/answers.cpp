#include <flow/answers.hpp>

#include <flow/effect.hpp>

#include <algorithm>
#include <cctype>

namespace kiosk::flow {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::size_t fieldLimit(Field field) {
    switch (field) {
    case Field::Story:
        return 2000;
    case Field::Phone:
        return 20;
    case Field::Email:
        return 120;
    case Field::HelperName:
    case Field::AdultName:
    case Field::AdultRole:
    case Field::Name:
        return 80;
    }
    return 80;
}

KeyboardLayer layerFor(Field field) {
    switch (field) {
    case Field::Phone:
        return KeyboardLayer::Phone;
    case Field::Email:
        return KeyboardLayer::Email;
    default:
        return KeyboardLayer::Letters;
    }
}

Answers::Answers()
    : fields{TextField(fieldLimit(Field::Story)),      TextField(fieldLimit(Field::HelperName)),
             TextField(fieldLimit(Field::AdultName)),  TextField(fieldLimit(Field::AdultRole)),
             TextField(fieldLimit(Field::Name)),       TextField(fieldLimit(Field::Phone)),
             TextField(fieldLimit(Field::Email))} {}

bool isPlausiblePhone(std::string_view text) {
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isDigit(c))
            ++digits;
        else if (c == '+' && digits == 0 && text.find_first_not_of(' ') == i)
            continue;
        else if (c != ' ' && c != '(' && c != ')' && c != '-')
            return false;
    }
    return digits >= 10 && digits <= 15;
}

bool isPlausibleEmail(std::string_view text) {
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
        return false;
    const auto domain = text.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' || domain.find("..") != std::string_view::npos)
        return false;
    return std::none_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == ','; });
}

SecretText::SecretText(std::string_view text) {
    m_text.reserve(std::max<std::size_t>(text.size(), 32)); // past the small-string buffer: always on the heap
    m_text.assign(text);
}

SecretText& SecretText::operator=(SecretText&& other) noexcept {
    secureWipe(m_text);
    m_text = std::move(other.m_text);
    return *this;
}

SecretText::~SecretText() { secureWipe(m_text); }

} // namespace kiosk::flow
