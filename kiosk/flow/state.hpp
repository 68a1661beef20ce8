#pragma once

#include <flow/staff.hpp>
#include <flow/text_field.hpp>
#include <vocabulary/choices.hpp>

#include <array>
#include <bitset>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::flow {

// The choices are named once, in the vocabulary; the flow speaks it.
using vocabulary::Choices;
using vocabulary::Contact;
using vocabulary::Field;
using vocabulary::Kind;
using vocabulary::Language;
using vocabulary::Meeting;
using vocabulary::PutRight;
using vocabulary::Sharing;
using vocabulary::Topic;
using vocabulary::Who;

inline constexpr std::size_t kFieldCount = vocabulary::count<Field>();

enum class Screen {
    Welcome,
    Kind,     // what would you like to do?
    Who,      // who is telling us?
    Help,     // help from an advocate
    Topics,   // what is it about?
    Court,    // "I don't agree with what the court decided": what the complaints team can and cannot do
    Feelings, // how do you feel about it?
    Story,    // tell us in your own words
    PutRight, // what would help put it right?
    Contact,  // how can we get back to you?
    Meeting,  // how would you like to meet the Investigating Officer?
    Sharing,  // sharing our answer with your parent or carer
    Check,    // check your answers
    Sending,
    ThankYou,
};

/// Which set of keys the on-screen keyboard shows.
enum class KeyboardLayer { Letters, Accents, Numbers, Phone, Email };

/// What the child has said: their choices and what they typed. Lives only in memory until sealed.
struct Answers : Choices {
    Answers();
    std::array<TextField, kFieldCount> fields;

    [[nodiscard]] TextField& field(Field f) { return fields[static_cast<std::size_t>(f)]; }
    [[nodiscard]] const TextField& field(Field f) const { return fields[static_cast<std::size_t>(f)]; }
};

/// A calendar day, as the thank-you screen names it.
struct Day {
    int year = 0;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
    int weekday = 1; // 1 Monday .. 7 Sunday
    bool operator==(const Day&) const = default;
};

/// Words to read aloud, in the language they are written in: Welcome and the panels asked in both
/// languages are read Welsh first, then English.
struct Spoken {
    Language language = Language::Welsh;
    std::string text;
    bool operator==(const Spoken&) const = default;
};
using Script = std::vector<Spoken>;

/// Modal panels drawn over the current screen.
enum class Overlay { None, StillThere, ConfirmStartAgain, NotSafe };

/// How long the kiosk waits before asking "Are you still there?", and how long it then waits.
struct Timing {
    std::chrono::seconds quietBeforeAsking{90};
    std::chrono::seconds answerWindow{30}; // WCAG 2.2.1 asks for at least 20 seconds
    std::chrono::seconds thankYouStays{60}; // Thank you goes back to Welcome by itself after this, untouched
};

/// Everything the kiosk knows about the session on screen.
struct State {
    Screen screen = Screen::Welcome;
    Language language = Language::Welsh;
    Answers answers;
    std::optional<Field> focus; // the box the keyboard types into
    Overlay overlay = Overlay::None;
    KeyboardLayer keyboard = KeyboardLayer::Letters;
    bool shift = false;
    bool largeText = false;
    bool priority = false;      // "I don't feel safe" was pressed in this session
    bool returnToCheck = false; // set by a "Change" button on Check your answers
    bool saveFailed = false;
    bool reading = false;       // "Read it to me" is reading what is on screen aloud
    bool notSafeOverQuestion = false; // the safety panel replaced "Are you still there?": it asks in both languages
    CannotStore cannotStore = CannotStore::None; // found at start: anything but None and no journey begins
    std::uint64_t job = 0;          // the save this session waits for; each Send takes the next number
    std::string reference;          // shown on Thank you once the submission is stored
    std::optional<Day> contactBy;   // when we will get in touch, if the child allowed contact
    Timing timing;
    Clock::time_point now{};
    Clock::time_point lastInput{};
    Clock::time_point askedAt{};
    Staff staff; // staff mode, behind the hidden gesture and the PIN
};

} // namespace kiosk::flow
