#pragma once

#include <flow/state.hpp>

#include <string_view>

namespace kiosk::flow {

/// The most characters a box takes.
[[nodiscard]] std::size_t fieldLimit(Field field);

/// The keyboard a box opens with: the phone keypad for a phone number, @ and . for an email.
[[nodiscard]] KeyboardLayer layerFor(Field field);

/// True for something that could be a UK or international phone number: 10 to 15 digits, with
/// spaces, brackets, dashes and a leading + allowed.
[[nodiscard]] bool isPlausiblePhone(std::string_view text);

/// True for something shaped like an email address: one @, a name before it, a dotted domain after.
[[nodiscard]] bool isPlausibleEmail(std::string_view text);

} // namespace kiosk::flow
