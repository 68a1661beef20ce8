#pragma once

#include <flow/state.hpp>

#include <cstdint>
#include <string>
#include <variant>

namespace kiosk::flow {

struct ChooseLanguage { Language language; };
struct ChooseKind { Kind kind; };
struct ChooseWho { Who who; };
struct ToggleAgreed {};
struct ToggleAdvocate {};
struct ToggleTopic { Topic topic; };
struct ChooseFeeling { int feeling; };  // the same again clears it: the scale is optional
struct TogglePutRight { PutRight way; };
struct ChooseContact { Contact contact; };
struct ChooseMeeting { Meeting meeting; };
struct ChooseSharing { Sharing sharing; };
struct Next {};
struct Back {};
struct GoTo { Screen screen; };     // "Change" on Check your answers
struct SkipStory {};
struct Focus { Field field; };
struct TypeText { std::string utf8; };
struct Erase {};
struct MoveCursor { int characters; };
struct PlaceCursor { std::size_t byteOffset; };
struct SetKeyboard { KeyboardLayer layer; };
struct ToggleShift {};
struct ToggleLargeText {};
struct Send {};
struct Finish {};                   // "Finish" on Thank you
struct AskStartAgain {};
struct ConfirmStartAgain {};
struct QuickHide {};                // one tap: Welcome, everything gone
struct NotSafe {};                  // "I don't feel safe"
struct Dismiss {};                  // closes an overlay
struct Tick { Clock::time_point now; };
struct Saved { std::uint64_t job; std::string reference; std::optional<Day> contactBy; };
struct SaveFailed { std::uint64_t job; };
struct StorageChecked { bool canSave; }; // at start: whether what a child sends can be stored

using Event = std::variant<ChooseLanguage, ChooseKind, ChooseWho, ToggleAgreed, ToggleAdvocate, ToggleTopic,
                           ChooseFeeling, TogglePutRight, ChooseContact, ChooseMeeting, ChooseSharing, Next, Back, GoTo,
                           SkipStory, Focus, TypeText, Erase, MoveCursor, PlaceCursor, SetKeyboard, ToggleShift,
                           ToggleLargeText, Send, Finish, AskStartAgain, ConfirmStartAgain, QuickHide, NotSafe, Dismiss,
                           Tick, Saved, SaveFailed, StorageChecked>;

} // namespace kiosk::flow
