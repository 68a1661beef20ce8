#include "step.hpp"

#include <algorithm>
#include <type_traits>

namespace kiosk::flow {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

bool isInput(const Event& event) {
    return !std::holds_alternative<Tick>(event) && !std::holds_alternative<Saved>(event) &&
           !std::holds_alternative<SaveFailed>(event);
}

bool sessionHasAnswers(const State& s) { return s.answers.kind.has_value() || !s.answers.story.empty(); }

// The inactivity clock runs whenever there is something of a child's on screen or in memory,
// except while a submission is being stored.
bool inactivityClockRuns(const State& s) {
    return s.screen != Screen::Sending && (s.screen != Screen::Welcome || sessionHasAnswers(s));
}

void goForward(State& s) {
    if (s.returnToCheck) {
        s.returnToCheck = false;
        s.screen = Screen::Check;
        return;
    }
    const auto path = journey(s.answers);
    const auto here = std::find(path.begin(), path.end(), s.screen);
    if (here != path.end() && std::next(here) != path.end())
        s.screen = *std::next(here);
}

void goBack(State& s) {
    if (!canGoBack(s))
        return;
    if (s.returnToCheck) {
        s.returnToCheck = false;
        s.screen = Screen::Check;
        return;
    }
    const auto path = journey(s.answers);
    const auto here = std::find(path.begin(), path.end(), s.screen);
    if (here != path.end() && here != path.begin())
        s.screen = *std::prev(here);
}

void onTick(State& s, Clock::time_point now) {
    s.now = now;
    if (s.overlay == Overlay::StillThere) {
        if (now - s.askedAt >= s.timing.answerWindow)
            resetSession(s);
        return;
    }
    if (inactivityClockRuns(s) && now - s.lastInput >= s.timing.quietBeforeAsking) {
        s.overlay = Overlay::StillThere;
        s.askedAt = now;
    }
}

// While an overlay asks a question, only its own answers count.
Effects stepOverlay(State& s, const Event& event) {
    if (std::holds_alternative<Dismiss>(event))
        s.overlay = Overlay::None;
    else if (std::holds_alternative<ConfirmStartAgain>(event))
        resetSession(s);
    return {};
}

Effects stepInput(State& s, const Event& event) {
    Effects effects;
    TextField& story = s.answers.story;
    std::visit(Overloaded{
                   [&](const ChooseLanguage& e) {
                       s.language = e.language;
                       if (s.screen == Screen::Welcome)
                           s.screen = Screen::Kind;
                   },
                   [&](const ChooseKind& e) {
                       s.answers.kind = e.kind;
                       goForward(s);
                   },
                   [&](const Next&) {
                       if (canGoForward(s))
                           goForward(s);
                   },
                   [&](const Back&) { goBack(s); },
                   [&](const GoTo& e) {
                       if (s.screen == Screen::Check) {
                           s.screen = e.screen;
                           s.returnToCheck = true;
                       }
                   },
                   [&](const SkipStory&) {
                       story.wipe();
                       s.answers.storySkipped = true;
                       goForward(s);
                   },
                   [&](const TypeText& e) {
                       if (s.screen == Screen::Story && story.insert(e.utf8)) {
                           s.answers.storySkipped = false;
                           s.shift = false;
                           // Accented letters are an extra: after one, the letters come back.
                           if (s.keyboard == KeyboardLayer::Accents)
                               s.keyboard = KeyboardLayer::Letters;
                       }
                   },
                   [&](const Erase&) { story.erase(); },
                   [&](const MoveCursor& e) { story.moveCursor(e.characters); },
                   [&](const PlaceCursor& e) { story.setCursor(e.byteOffset); },
                   [&](const SetKeyboard& e) {
                       s.keyboard = e.layer;
                       s.shift = false;
                   },
                   [&](const ToggleShift&) { s.shift = !s.shift; },
                   [&](const Send&) {
                       if (s.screen != Screen::Check || !s.answers.kind)
                           return;
                       s.screen = Screen::Sending;
                       s.saveFailed = false;
                       effects.push_back(SaveSubmission{*s.answers.kind, s.language, story.text(), false});
                   },
                   [&](const Finish&) {
                       if (s.screen == Screen::ThankYou)
                           resetSession(s);
                   },
                   [&](const AskStartAgain&) {
                       if (story.empty() || s.screen == Screen::ThankYou)
                           resetSession(s);
                       else
                           s.overlay = Overlay::ConfirmStartAgain;
                   },
                   [&](const auto&) {},
               },
               event);
    return effects;
}

} // namespace

bool canGoForward(const State& s) {
    switch (s.screen) {
    case Screen::Kind:
        return s.answers.kind.has_value();
    case Screen::Story:
        return s.answers.story.hasWords();
    default:
        return false;
    }
}

bool canGoBack(const State& s) {
    return s.screen == Screen::Kind || s.screen == Screen::Story || s.screen == Screen::Check;
}

std::vector<Screen> journey(const Answers&) {
    return {Screen::Welcome, Screen::Kind, Screen::Story, Screen::Check, Screen::Sending, Screen::ThankYou};
}

Effects step(State& s, const Event& event) {
    if (const auto* tick = std::get_if<Tick>(&event)) {
        onTick(s, tick->now);
        return {};
    }
    if (const auto* saved = std::get_if<Saved>(&event)) {
        if (s.screen == Screen::Sending) {
            // The words are sealed and stored: forget them now. Thank you still needs the kind.
            s.answers.story.wipe();
            s.reference = saved->reference;
            s.screen = Screen::ThankYou;
        }
        return {};
    }
    if (std::holds_alternative<SaveFailed>(event)) {
        if (s.screen == Screen::Sending) {
            s.screen = Screen::Check;
            s.saveFailed = true;
        }
        return {};
    }
    if (!isInput(event) || s.screen == Screen::Sending)
        return {};
    s.lastInput = s.now;
    if (s.overlay != Overlay::None)
        return stepOverlay(s, event);
    return stepInput(s, event);
}

std::optional<Clock::time_point> nextWake(const State& s) {
    if (s.overlay == Overlay::StillThere) {
        // Wake each second so that the countdown on screen stays true.
        const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(s.now - s.askedAt);
        return std::min(s.askedAt + s.timing.answerWindow, s.askedAt + elapsed + std::chrono::seconds(1));
    }
    if (inactivityClockRuns(s))
        return s.lastInput + s.timing.quietBeforeAsking;
    return std::nullopt;
}

int secondsLeftToAnswer(const State& s) {
    const auto left = s.askedAt + s.timing.answerWindow - s.now;
    const auto whole = std::chrono::ceil<std::chrono::seconds>(left).count();
    return static_cast<int>(std::max<decltype(whole)>(whole, 0));
}

void resetSession(State& s) {
    s.answers.story.wipe();
    s.answers.kind.reset();
    s.answers.storySkipped = false;
    secureWipe(s.reference);
    s.screen = Screen::Welcome;
    s.language = Language::Welsh;
    s.overlay = Overlay::None;
    s.keyboard = KeyboardLayer::Letters;
    s.shift = false;
    s.returnToCheck = false;
    s.saveFailed = false;
    s.lastInput = s.now;
}

} // namespace kiosk::flow
