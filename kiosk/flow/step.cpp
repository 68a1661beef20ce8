#include <flow/step.hpp>

#include <flow/answers.hpp>

#include <algorithm>

namespace kiosk::flow {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

bool isInput(const Event& event) {
    return !std::holds_alternative<Tick>(event) && !std::holds_alternative<Saved>(event) &&
           !std::holds_alternative<SaveFailed>(event);
}

bool sessionHasAnswers(const State& s) {
    const Choices& c = s.answers;
    return c.kind || c.who || s.priority ||
           std::any_of(s.answers.fields.begin(), s.answers.fields.end(), [](const TextField& f) { return !f.empty(); });
}

// The inactivity clock runs whenever there is something of a child's on screen or in memory,
// except while a submission is being stored.
bool inactivityClockRuns(const State& s) {
    return s.screen != Screen::Sending && (s.screen != Screen::Welcome || sessionHasAnswers(s));
}

// The box a screen types into when it opens, if any.
std::optional<Field> defaultFocus(const State& s) {
    if (s.screen == Screen::Story)
        return Field::Story;
    return std::nullopt;
}

void enter(State& s, Screen screen) {
    s.screen = screen;
    s.focus = defaultFocus(s);
    s.keyboard = s.focus ? layerFor(*s.focus) : KeyboardLayer::Letters;
    s.shift = false;
}

void focus(State& s, Field field) {
    s.focus = field;
    s.keyboard = layerFor(field);
    s.shift = false;
}

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

// While an overlay shows, only its own answers count.
Effects stepOverlay(State& s, const Event& event) {
    if (std::holds_alternative<Dismiss>(event))
        s.overlay = Overlay::None;
    else if (std::holds_alternative<ConfirmStartAgain>(event) || std::holds_alternative<QuickHide>(event))
        resetSession(s);
    return {};
}

template <std::size_t N, class E> void toggle(std::bitset<N>& bits, E value) { bits.flip(static_cast<std::size_t>(value)); }

// Only what belongs to the path the child took is sealed: a helper's name typed before choosing
// "me", complaint questions answered before changing to a compliment, a phone number typed
// before choosing email, are all left behind (and wiped with the session).
SaveSubmission snapshot(const State& s) {
    const Answers& a = s.answers;
    const bool complaint = a.kind == Kind::Complaint;
    SaveSubmission save;
    save.job = s.job;
    save.language = s.language;
    save.priority = s.priority;
    Choices& c = save.choices;
    c.kind = a.kind;
    c.who = a.who;
    c.feeling = a.feeling;
    c.storySkipped = !a.field(Field::Story).hasWords();
    c.contact = a.contact;
    if (a.who == Who::OnBehalf)
        c.youngPersonAgreed = a.youngPersonAgreed;
    if (complaint) {
        c.wantsAdvocate = a.wantsAdvocate;
        c.topics = a.topics;
        c.putRight = a.putRight;
        c.sharing = a.sharing;
        if (contactAllowed(a))
            c.meeting = a.meeting;
    }
    const auto keep = [&](Field f, bool relevant) {
        if (relevant)
            save.texts[static_cast<std::size_t>(f)] = SecretText(a.field(f).text());
    };
    keep(Field::Story, !c.storySkipped);
    keep(Field::HelperName, a.who == Who::MeWithHelp);
    keep(Field::AdultName, a.who == Who::OnBehalf);
    keep(Field::AdultRole, a.who == Who::OnBehalf);
    keep(Field::Name, true);
    keep(Field::Phone, a.contact == Contact::Phone);
    keep(Field::Email, a.contact == Contact::Email);
    return save;
}

Effects stepInput(State& s, const Event& event) {
    Effects effects;
    Answers& a = s.answers;
    TextField* typing = s.focus ? &a.field(*s.focus) : nullptr;
    std::visit(Overloaded{
                   [&](const ChooseLanguage& e) {
                       s.language = e.language;
                       if (s.screen == Screen::Welcome)
                           enter(s, Screen::Kind);
                   },
                   [&](const ChooseKind& e) {
                       a.kind = e.kind;
                       goForward(s);
                   },
                   [&](const ChooseWho& e) {
                       a.who = e.who;
                       if (e.who == Who::OnBehalf && !a.field(Field::AdultName).hasWords())
                           focus(s, Field::AdultName);
                       else if (e.who == Who::MeWithHelp && !a.field(Field::HelperName).hasWords())
                           focus(s, Field::HelperName);
                       else
                           s.focus.reset();
                   },
                   [&](const ToggleAgreed&) {
                       a.youngPersonAgreed = !a.youngPersonAgreed;
                       s.focus.reset(); // the details are typed: the keyboard can go
                   },
                   [&](const ToggleAdvocate&) { a.wantsAdvocate = !a.wantsAdvocate; },
                   [&](const ToggleTopic& e) { toggle(a.topics, e.topic); },
                   [&](const ChooseFeeling& e) {
                       if (e.feeling >= 1 && e.feeling <= 5)
                           a.feeling = a.feeling == e.feeling ? std::nullopt : std::optional<int>(e.feeling);
                   },
                   [&](const TogglePutRight& e) { toggle(a.putRight, e.way); },
                   [&](const ChooseContact& e) {
                       a.contact = e.contact;
                       if (e.contact == Contact::Phone)
                           focus(s, Field::Phone);
                       else if (e.contact == Contact::Email)
                           focus(s, Field::Email);
                       else
                           s.focus.reset();
                   },
                   [&](const ChooseMeeting& e) { a.meeting = a.meeting == e.meeting ? std::nullopt : std::optional(e.meeting); },
                   [&](const ChooseSharing& e) { a.sharing = e.sharing; },
                   [&](const Next&) {
                       if (canGoForward(s))
                           goForward(s);
                   },
                   [&](const Back&) { goBack(s); },
                   [&](const GoTo& e) {
                       const auto path = journey(a);
                       const auto target = std::find(path.begin(), path.end(), e.screen);
                       const auto check = std::find(path.begin(), path.end(), Screen::Check);
                       if (s.screen == Screen::Check && e.screen != Screen::Welcome && target < check) {
                           enter(s, e.screen);
                           s.returnToCheck = true;
                       }
                   },
                   [&](const SkipStory&) {
                       if (s.screen != Screen::Story)
                           return;
                       a.field(Field::Story).wipe();
                       a.storySkipped = true;
                       goForward(s);
                   },
                   [&](const Focus& e) { focus(s, e.field); },
                   [&](const TypeText& e) {
                       if (typing == nullptr || !typing->insert(e.utf8))
                           return;
                       if (s.focus == Field::Story)
                           a.storySkipped = false;
                       s.shift = false;
                       // Accented letters are an extra: after one, the letters come back.
                       if (s.keyboard == KeyboardLayer::Accents)
                           s.keyboard = KeyboardLayer::Letters;
                   },
                   [&](const Erase&) {
                       if (typing != nullptr)
                           typing->erase();
                   },
                   [&](const MoveCursor& e) {
                       if (typing != nullptr)
                           typing->moveCursor(e.characters);
                   },
                   [&](const PlaceCursor& e) {
                       if (typing != nullptr)
                           typing->setCursor(e.byteOffset);
                   },
                   [&](const SetKeyboard& e) {
                       s.keyboard = e.layer;
                       s.shift = false;
                   },
                   [&](const ToggleShift&) { s.shift = !s.shift; },
                   [&](const ToggleLargeText&) { s.largeText = !s.largeText; },
                   [&](const Send&) {
                       if (s.screen != Screen::Check)
                           return;
                       // A question left unanswered after a "Change" is asked before anything is sent.
                       if (const auto missing = firstUnanswered(a)) {
                           enter(s, *missing);
                           s.returnToCheck = true;
                           return;
                       }
                       s.screen = Screen::Sending;
                       s.focus.reset();
                       s.saveFailed = false;
                       ++s.job;
                       effects.push_back(snapshot(s));
                   },
                   [&](const Finish&) {
                       if (s.screen == Screen::ThankYou)
                           resetSession(s);
                   },
                   [&](const AskStartAgain&) {
                       if (!sessionHasAnswers(s) || s.screen == Screen::ThankYou)
                           resetSession(s);
                       else
                           s.overlay = Overlay::ConfirmStartAgain;
                   },
                   [&](const QuickHide&) { resetSession(s); },
                   [&](const NotSafe&) {
                       s.priority = true;
                       s.overlay = Overlay::NotSafe;
                   },
                   [&](const auto&) {},
               },
               event);
    return effects;
}

} // namespace

Effects step(State& s, const Event& event) {
    if (const auto* tick = std::get_if<Tick>(&event)) {
        onTick(s, tick->now);
        return {};
    }
    if (const auto* saved = std::get_if<Saved>(&event)) {
        // Only the answer to this session's own save: an earlier child's slow save is not theirs.
        if (s.screen == Screen::Sending && saved->job == s.job) {
            // The words are sealed and stored: forget them now. Thank you still needs the choices.
            for (auto& f : s.answers.fields)
                f.wipe();
            s.reference = saved->reference;
            s.contactBy = saved->contactBy;
            s.screen = Screen::ThankYou;
        }
        return {};
    }
    if (const auto* failed = std::get_if<SaveFailed>(&event)) {
        if (s.screen == Screen::Sending && failed->job == s.job) {
            s.screen = Screen::Check;
            s.saveFailed = true;
        }
        return {};
    }
    // While storing, only quick hide works: the submission is still stored, but nobody sees its code.
    if (!isInput(event) || (s.screen == Screen::Sending && !std::holds_alternative<QuickHide>(event)))
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
    return static_cast<int>(std::clamp<decltype(whole)>(whole, 0, s.timing.answerWindow.count()));
}

void resetSession(State& s) {
    for (auto& f : s.answers.fields)
        f.wipe();
    static_cast<Choices&>(s.answers) = Choices{};
    secureWipe(s.reference);
    s.contactBy.reset();
    s.screen = Screen::Welcome;
    s.language = Language::Welsh;
    s.focus.reset();
    s.overlay = Overlay::None;
    s.keyboard = KeyboardLayer::Letters;
    s.shift = false;
    s.largeText = false;
    s.priority = false;
    s.returnToCheck = false;
    s.saveFailed = false;
    s.lastInput = s.now;
}

} // namespace kiosk::flow
