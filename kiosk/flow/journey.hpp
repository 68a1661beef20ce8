#pragma once

#include <flow/state.hpp>

#include <bitset>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

// The journey, described once: which screens a child passes through, when each counts as
// answered, which answers each keeps, and its part on Check your answers. What is sealed, what
// Check shows and what Thank you promises are all derived from this description.

namespace kiosk::flow {

/// What a path keeps of the answers: the choices that belong to it, and the boxes whose words
/// are sent. A helper's name typed before choosing to tell us alone, complaint questions answered
/// before changing to a compliment, a phone number typed before choosing email: all left out.
struct Kept {
    Choices choices;
    std::bitset<kFieldCount> fields;

    [[nodiscard]] bool has(Field f) const { return fields.test(static_cast<std::size_t>(f)); }
    void keep(Field f) { fields.set(static_cast<std::size_t>(f)); }
};

/// A line on Check your answers: a text by its translation key, or what was typed in a box.
using Shown = std::variant<vocabulary::Key, Field>;

/// One screen of the journey.
struct ScreenSpec {
    Screen screen;
    std::string_view name;                       // as the tap map and the tour call it
    bool (*onPath)(const Choices&);              // whether this child passes through it
    bool (*answered)(const Answers&);            // whether its question has the answer it needs
    void (*keep)(const Answers&, Kept&);         // the choices it adds to what is sent (and its boxes' words)
    unsigned (*fields)(const Answers&);          // the boxes it shows, given the answers (bits by Field)
    vocabulary::Key checkLabel;                  // its part on Check, or none
    void (*show)(const Kept&, std::vector<Shown>&); // what that part shows
};

/// The description of every screen, in the order a child meets them.
[[nodiscard]] std::span<const ScreenSpec> screens();

/// The description of one screen.
[[nodiscard]] const ScreenSpec& specOf(Screen screen);

/// A screen's name, as the tap map and the tour call it.
[[nodiscard]] std::string_view screenName(Screen screen);

/// The screens this child will pass through, in order, given what they have chosen so far.
[[nodiscard]] std::vector<Screen> journey(const Answers& answers);

/// True when a screen's required question has an answer (optional screens always have).
[[nodiscard]] bool isAnswered(Screen screen, const Answers& answers);

/// True when a screen shows a box, given the answers (a phone number's only once phone is chosen).
[[nodiscard]] bool isShown(Field field, Screen screen, const Answers& answers);

/// What the path taken keeps of the answers: what is sealed and what Check shows.
[[nodiscard]] Kept kept(const Answers& answers);

/// A screen's part on Check your answers, from what the path keeps.
[[nodiscard]] std::vector<Shown> shownOnCheck(Screen screen, const Kept& kept);

/// True when the child has allowed us to get back to them.
[[nodiscard]] bool contactAllowed(const Choices& choices);

/// True when a sharing choice can be offered and kept: "talk to me about it first" needs a way to
/// get back to them.
[[nodiscard]] bool sharingOffered(Sharing sharing, const Choices& choices);

/// True when the child is told the day we will get in touch by: the guides promise a complaint
/// acknowledgement within one working day; they make no such promise for compliments or feedback,
/// and with no contact allowed there is nobody to get in touch with.
[[nodiscard]] bool promisesDate(const Choices& choices);

/// True when the screen on show speaks to an adult telling us for a young person: they have said
/// so on Who, and the screen is Who or any after it (what to do was asked before anyone said who).
[[nodiscard]] bool speaksToAdult(const State& state);

} // namespace kiosk::flow
