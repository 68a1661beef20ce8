#pragma once

// The handlers step() dispatches to: one overload of on() for every event, so that a new event
// does not compile until someone decides what it does. Used only inside flow.

#include <flow/effect.hpp>
#include <flow/event.hpp>
#include <flow/state.hpp>

#include <optional>

namespace kiosk::flow::detail {

// The shell: time and the results of saving (step_session.cpp).
Effects on(State& s, const Tick& e);
Effects on(State& s, const Saved& e);
Effects on(State& s, const SaveFailed& e);
Effects on(State& s, const StorageChecked& e);
Effects on(State& s, const SpeechEnded& e);

// The session: language, text size, start again, hide, "I don't feel safe" (step_session.cpp).
Effects on(State& s, const ChooseLanguage& e);
Effects on(State& s, const ToggleLargeText& e);
Effects on(State& s, const AskStartAgain& e);
Effects on(State& s, const ConfirmStartAgain& e);
Effects on(State& s, const QuickHide& e);
Effects on(State& s, const NotSafe& e);
Effects on(State& s, const Dismiss& e);
Effects on(State& s, const Touched& e);
Effects on(State& s, const ReadAloud& e);

// While an overlay shows, only its own answers count, and the ways out that are there at every
// moment: hide, "I don't feel safe" and "Read it to me" (step_session.cpp).
Effects onOverlay(State& s, const Dismiss& e);
Effects onOverlay(State& s, const ConfirmStartAgain& e);
Effects onOverlay(State& s, const QuickHide& e);
Effects onOverlay(State& s, const NotSafe& e);
Effects onOverlay(State& s, const ReadAloud& e);

// The questions (step_choices.cpp).
Effects on(State& s, const ChooseKind& e);
Effects on(State& s, const ChooseWho& e);
Effects on(State& s, const ToggleAgreed& e);
Effects on(State& s, const ToggleAdvocate& e);
Effects on(State& s, const ToggleTopic& e);
Effects on(State& s, const ChooseFeeling& e);
Effects on(State& s, const TogglePutRight& e);
Effects on(State& s, const ChooseContact& e);
Effects on(State& s, const ChooseMeeting& e);
Effects on(State& s, const ChooseSharing& e);

// Typing into the box that has the keyboard (step_typing.cpp).
Effects on(State& s, const Focus& e);
Effects on(State& s, const TypeText& e);
Effects on(State& s, const Erase& e);
Effects on(State& s, const MoveCursor& e);
Effects on(State& s, const PlaceCursor& e);
Effects on(State& s, const SetKeyboard& e);
Effects on(State& s, const ToggleShift& e);

// Moving through the journey, and sending (step_moves.cpp).
Effects on(State& s, const Next& e);
Effects on(State& s, const Back& e);
Effects on(State& s, const GoTo& e);
Effects on(State& s, const SkipStory& e);
Effects on(State& s, const Send& e);
Effects on(State& s, const Finish& e);

// Staff mode (step_staff.cpp): the gesture on Welcome, and what core answers.
Effects on(State& s, const CornerDown& e);
Effects on(State& s, const CornerUp& e);
Effects on(State& s, const PinRead& e);
Effects on(State& s, const PinChecked& e);
Effects on(State& s, const DashboardRead& e);
Effects on(State& s, const DrivesListed& e);
Effects on(State& s, const StaffDone& e);
// Staff input with staff mode closed does nothing.
Effects on(State& s, const PinDigit& e);
Effects on(State& s, const PinErase& e);
Effects on(State& s, const PinEnter& e);
Effects on(State& s, const StaffLanguage& e);
Effects on(State& s, const StaffOpen& e);
Effects on(State& s, const StaffChooseFolder& e);
Effects on(State& s, const StaffTypeFolder& e);
Effects on(State& s, const StaffUseFolder& e);
Effects on(State& s, const StaffSyncNow& e);
Effects on(State& s, const StaffQuarantineSeen& e);
Effects on(State& s, const StaffBack& e);
Effects on(State& s, const StaffLeave& e);

// While staff mode is open, only these reach it (and nothing reaches the journey).
Effects onStaff(State& s, const PinDigit& e);
Effects onStaff(State& s, const PinErase& e);
Effects onStaff(State& s, const PinEnter& e);
Effects onStaff(State& s, const StaffLanguage& e);
Effects onStaff(State& s, const StaffOpen& e);
Effects onStaff(State& s, const StaffChooseFolder& e);
Effects onStaff(State& s, const StaffTypeFolder& e);
Effects onStaff(State& s, const StaffUseFolder& e);
Effects onStaff(State& s, const StaffSyncNow& e);
Effects onStaff(State& s, const StaffQuarantineSeen& e);
Effects onStaff(State& s, const StaffBack& e);
Effects onStaff(State& s, const StaffLeave& e);
Effects onStaff(State& s, const TypeText& e);
Effects onStaff(State& s, const Erase& e);
Effects onStaff(State& s, const MoveCursor& e);
Effects onStaff(State& s, const PlaceCursor& e);
Effects onStaff(State& s, const SetKeyboard& e);
Effects onStaff(State& s, const ToggleShift& e);

/// Closes staff mode when it has been left untouched for kStaffIdle.
Effects staffTick(State& s);
/// When staff mode needs the next Tick, if it is open.
[[nodiscard]] std::optional<Clock::time_point> staffWake(const State& s);

/// Shows a screen, giving the keyboard to its first box if it opens with one.
void enter(State& s, Screen screen);
/// Gives the keyboard to a box.
void focus(State& s, Field field);
/// Goes on to the next screen of the journey (or back to Check after a change).
void goForward(State& s);
/// True when something of the child's is on screen or in memory.
[[nodiscard]] bool sessionHasAnswers(const State& s);

} // namespace kiosk::flow::detail
