#pragma once

#include "state.hpp"

#include <string>
#include <variant>

namespace kiosk::flow {

struct ChooseLanguage { Language language; };
struct ChooseKind { Kind kind; };
struct Next {};
struct Back {};
struct GoTo { Screen screen; };     // "Change" on Check your answers
struct SkipStory {};
struct TypeText { std::string utf8; };
struct Erase {};
struct MoveCursor { int characters; };
struct PlaceCursor { std::size_t byteOffset; };
struct SetKeyboard { KeyboardLayer layer; };
struct ToggleShift {};
struct Send {};
struct Finish {};                   // "Finish" on Thank you
struct AskStartAgain {};
struct ConfirmStartAgain {};
struct Dismiss {};                  // closes an overlay: "No, go back", "Yes, I'm still here"
struct Tick { Clock::time_point now; };
struct Saved { std::string reference; };
struct SaveFailed {};

using Event = std::variant<ChooseLanguage, ChooseKind, Next, Back, GoTo, SkipStory, TypeText, Erase, MoveCursor,
                           PlaceCursor, SetKeyboard, ToggleShift, Send, Finish, AskStartAgain, ConfirmStartAgain,
                           Dismiss, Tick, Saved, SaveFailed>;

} // namespace kiosk::flow
