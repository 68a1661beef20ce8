#pragma once

#include <flow/effect.hpp>
#include <flow/event.hpp>
#include <flow/journey.hpp>
#include <flow/state.hpp>

#include <optional>

namespace kiosk::flow {

/// Applies one event to the session and returns the work the shell must do.
///
/// The state is changed in place rather than copied so that a child's words are never
/// duplicated around memory.
[[nodiscard]] Effects step(State& state, const Event& event);

/// True where "Next" may be pressed: the screen's question has an answer.
[[nodiscard]] bool canGoForward(const State& state);

/// True where the screen offers "Back".
[[nodiscard]] bool canGoBack(const State& state);

/// The box that what is typed goes into, if any: the one with the keyboard, shown on the screen
/// showing, with no panel over it.
[[nodiscard]] std::optional<Field> typingInto(const State& state);

/// True while the panel on screen shows nothing of the page under it: "Are you still there?" (whoever
/// stands at the kiosk may not be the child who answered) and the safety panel (someone may be
/// looking over the child's shoulder).
[[nodiscard]] bool hidesPage(const State& state);
/// True while the panel on screen is asked of whoever stands at the kiosk, in both languages, and so
/// are the ways out over it: "Are you still there?", or the safety panel tapped over it.
[[nodiscard]] bool asksBothLanguages(const State& state);

/// When the shell must wake to send the next Tick, if nothing else happens before then.
[[nodiscard]] std::optional<Clock::time_point> nextWake(const State& state);

/// Whole seconds left before an unanswered "Are you still there?" clears the session.
[[nodiscard]] int secondsLeftToAnswer(const State& state);

/// True when what a child sends can be stored, so that a journey may begin.
[[nodiscard]] inline bool canSave(const State& state) { return state.cannotStore == CannotStore::None; }

/// True while staff mode (the PIN pad or a page behind it) is on screen instead of the journey.
[[nodiscard]] inline bool staffOpen(const State& state) { return state.staff.page != StaffPage::Closed; }

/// Whole seconds before the PIN pad takes another try (0: it takes one now).
[[nodiscard]] int secondsBeforePinTry(const State& state);

/// Forgets the session: zeroes the typed text and shows Welcome again.
void resetSession(State& state);

} // namespace kiosk::flow
