#pragma once

#include "text_field.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace kiosk::flow {

using Clock = std::chrono::steady_clock;

enum class Language { Welsh, English };

enum class Screen { Welcome, Kind, Story, Check, Sending, ThankYou };

/// The three doors: something went wrong, something went well, tell us what you think.
enum class Kind { Complaint, Compliment, Feedback };

/// Which set of keys the on-screen keyboard shows.
enum class KeyboardLayer { Letters, Accents, Numbers };

/// What the child has said so far. Lives only in memory until it is sealed.
struct Answers {
    std::optional<Kind> kind;
    TextField story;
    bool storySkipped = false;
};

/// Modal questions drawn over the current screen.
enum class Overlay { None, StillThere, ConfirmStartAgain };

/// How long the kiosk waits before asking "Are you still there?", and how long it then waits.
struct Timing {
    std::chrono::seconds quietBeforeAsking{90};
    std::chrono::seconds answerWindow{30}; // WCAG 2.2.1 asks for at least 20 seconds
};

/// Everything the kiosk knows about the session on screen.
struct State {
    Screen screen = Screen::Welcome;
    Language language = Language::Welsh;
    Answers answers;
    Overlay overlay = Overlay::None;
    KeyboardLayer keyboard = KeyboardLayer::Letters;
    bool shift = false;
    bool returnToCheck = false; // set by a "Change" button on Check your answers
    bool saveFailed = false;
    std::string reference; // shown on Thank you once the submission is stored
    Timing timing;
    Clock::time_point now{};
    Clock::time_point lastInput{};
    Clock::time_point askedAt{};
};

} // namespace kiosk::flow
