#pragma once

#include <flow/state.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

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
struct Touched {};                  // a finger on the screen anywhere (a drag, a touch between buttons): activity
struct ReadAloud { Script script; };  // "Read it to me": the words on screen, never what was typed; again stops
struct Tick { Clock::time_point now; };
struct Saved { std::uint64_t job; std::string reference; std::optional<Day> contactBy; };
struct SaveFailed { std::uint64_t job; };
struct StorageChecked { CannotStore why; }; // at start: whether what a child sends can be stored
struct SpeechEnded {};              // the shell has finished (or could not start) reading aloud

// Staff mode (flow/staff.hpp). From the screen:
struct CornerDown { Corner corner; };   // a finger went down in a corner of Welcome
struct CornerUp { Corner corner; };     // ...and came up there
struct PinDigit { char digit; };        // '0'..'9' on the PIN pad (or a keyboard's digits)
struct PinErase {};
struct PinEnter {};
struct StaffLanguage { Language language; };
struct StaffOpen { StaffPage page; };   // Dashboard, NewPin, or WhyNot from the dashboard
struct StaffChooseFolder { FolderTask task; }; // the folder page, for an export or a receipt
struct StaffTypeFolder {};              // open the keyboard for a typed folder
struct StaffUseFolder { std::string path; std::string name; }; // a drive, or the folder typed (name empty)
struct StaffSyncNow {};
struct StaffQuarantineSeen {};          // "I have read this": take submissions again
struct StaffBack {};                    // from a page to the dashboard (from the PIN pad: close)
struct StaffLeave {};
// From the shell, answering staff effects:
struct PinRead { PinStatus status; };
struct PinChecked { bool right = false; PinStatus status; };
struct DashboardRead { Dashboard dashboard; };
struct DrivesListed { std::vector<Drive> drives; };
struct StaffDone { StaffMessage message; };

using Event = std::variant<ChooseLanguage, ChooseKind, ChooseWho, ToggleAgreed, ToggleAdvocate, ToggleTopic,
                           ChooseFeeling, TogglePutRight, ChooseContact, ChooseMeeting, ChooseSharing, Next, Back, GoTo,
                           SkipStory, Focus, TypeText, Erase, MoveCursor, PlaceCursor, SetKeyboard, ToggleShift,
                           ToggleLargeText, Send, Finish, AskStartAgain, ConfirmStartAgain, QuickHide, NotSafe, Dismiss,
                           Touched, ReadAloud, Tick, Saved, SaveFailed, StorageChecked, SpeechEnded, CornerDown,
                           CornerUp, PinDigit, PinErase,                           PinEnter, StaffLanguage, StaffOpen, StaffChooseFolder, StaffTypeFolder, StaffUseFolder,
                           StaffSyncNow, StaffQuarantineSeen, StaffBack, StaffLeave, PinRead, PinChecked,
                           DashboardRead, DrivesListed, StaffDone>;

} // namespace kiosk::flow
