#include <flow/handlers.hpp>
#include <flow/step.hpp>

#include <algorithm>

// Moving through the journey: next, back, "Change" on Check, skipping the story, and sending.

namespace kiosk::flow::detail {
namespace {

// A screen still waiting for a required answer, before Check; coming back from a "Change" stops
// there rather than at Check (say, topics after changing a compliment into a complaint).
std::optional<Screen> firstUnanswered(const Answers& a) {
    for (const Screen screen : journey(a)) {
        if (screen == Screen::Check)
            break;
        if (screen != Screen::Welcome && !isAnswered(screen, a))
            return screen;
    }
    return std::nullopt;
}

void goBack(State& s) {
    if (!canGoBack(s))
        return;
    if (s.returnToCheck) {
        s.returnToCheck = false;
        enter(s, Screen::Check);
        return;
    }
    const auto path = journey(s.answers);
    const auto here = std::find(path.begin(), path.end(), s.screen);
    if (here != path.end() && here != path.begin())
        enter(s, *std::prev(here));
}

// What is sealed: exactly what the path keeps (the journey's description decides), with the
// typed words of the boxes it keeps.
SaveSubmission snapshot(const State& s) {
    const Kept k = kept(s.answers);
    SaveSubmission save;
    save.job = s.job;
    save.language = s.language;
    save.priority = s.priority;
    save.choices = k.choices;
    save.promiseDate = promisesDate(k.choices);
    for (const auto& row : vocabulary::all<Field>())
        if (k.has(row.value))
            save.texts[static_cast<std::size_t>(row.value)] = SecretText(s.answers.field(row.value).text());
    return save;
}

} // namespace

void enter(State& s, Screen screen) {
    s.screen = screen;
    s.shift = false;
    // The story is the one screen that opens with the keyboard.
    if (screen == Screen::Story) {
        focus(s, Field::Story);
    } else {
        s.focus.reset();
        s.keyboard = KeyboardLayer::Letters;
    }
}

void goForward(State& s) {
    const auto path = journey(s.answers);
    const auto here = std::find(path.begin(), path.end(), s.screen);
    if (s.returnToCheck) {
        const auto missing = firstUnanswered(s.answers);
        if (missing && std::find(here, path.end(), *missing) != path.end() && *missing != s.screen) {
            enter(s, *missing);
            return;
        }
        // A change that brings in the court's decision still explains what we can and cannot do.
        if (s.screen == Screen::Topics && here != path.end() && std::next(here) != path.end() &&
            *std::next(here) == Screen::Court) {
            enter(s, Screen::Court);
            return;
        }
        s.returnToCheck = false;
        enter(s, Screen::Check);
        return;
    }
    if (here != path.end() && std::next(here) != path.end())
        enter(s, *std::next(here));
}

Effects on(State& s, const Next&) {
    if (canGoForward(s))
        goForward(s);
    return {};
}

Effects on(State& s, const Back&) {
    goBack(s);
    return {};
}

Effects on(State& s, const GoTo& e) {
    const auto path = journey(s.answers);
    const auto target = std::find(path.begin(), path.end(), e.screen);
    const auto check = std::find(path.begin(), path.end(), Screen::Check);
    if (s.screen == Screen::Check && e.screen != Screen::Welcome && target < check) {
        enter(s, e.screen);
        s.returnToCheck = true;
    }
    return {};
}

Effects on(State& s, const SkipStory&) {
    if (s.screen != Screen::Story)
        return {};
    s.answers.field(Field::Story).wipe();
    s.answers.storySkipped = true;
    goForward(s);
    return {};
}

Effects on(State& s, const Send&) {
    if (s.screen != Screen::Check)
        return {};
    // A question left unanswered after a "Change" is asked before anything is sent.
    if (const auto missing = firstUnanswered(s.answers)) {
        enter(s, *missing);
        s.returnToCheck = true;
        return {};
    }
    s.screen = Screen::Sending;
    s.focus.reset();
    s.saveFailed = false;
    ++s.job;
    Effects effects;
    effects.push_back(snapshot(s));
    return effects;
}

Effects on(State& s, const Finish&) {
    if (s.screen == Screen::ThankYou)
        resetSession(s);
    return {};
}

} // namespace kiosk::flow::detail
