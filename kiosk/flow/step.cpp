#include <flow/step.hpp>

#include <flow/handlers.hpp>

#include <algorithm>
#include <tuple>
#include <type_traits>

namespace kiosk::flow {
namespace {

// Events that come from the shell rather than from a child.
template <class E, class... Of>
constexpr bool kOneOf = (std::is_same_v<E, Of> || ...);

template <class E>
constexpr bool kFromShell = kOneOf<E, Tick, Saved, SaveFailed, StorageChecked, PinRead, PinChecked, DashboardRead,
                                   DrivesListed, StaffDone, SpeechEnded>;

// What staff mode takes while it is open; everything else (the journey's events) waits until it closes.
template <class E>
constexpr bool kStaffInput = kOneOf<E, PinDigit, PinErase, PinEnter, StaffLanguage, StaffOpen, StaffChooseFolder,
                                    StaffTypeFolder, StaffUseFolder, StaffSyncNow, StaffQuarantineSeen, StaffBack,
                                    StaffLeave, TypeText, Erase, MoveCursor, PlaceCursor, SetKeyboard, ToggleShift>;

// The answers an overlay takes, and the ways out that work at every moment; every other input
// waits until it is closed.
template <class E>
constexpr bool kAnswersOverlay = kOneOf<E, Dismiss, ConfirmStartAgain, QuickHide, NotSafe, ReadAloud>;

// Thank you keeps its own, shorter clock: the words are stored, only the code is left to read.
bool thankYouClockRuns(const State& s) { return s.screen == Screen::ThankYou && s.overlay == Overlay::None; }

// The inactivity clock runs whenever there is something of a child's on screen or in memory,
// except while a submission is being stored.
bool inactivityClockRuns(const State& s) {
    return s.screen != Screen::Sending && !thankYouClockRuns(s) &&
           (s.screen != Screen::Welcome || detail::sessionHasAnswers(s));
}

// What a child sees: reading aloud stops when it changes.
auto seen(const State& s) { return std::tuple{s.screen, s.overlay, s.language, staffOpen(s)}; }

} // namespace

namespace detail {

bool sessionHasAnswers(const State& s) {
    const Choices& c = s.answers;
    return c.kind || c.who || s.priority ||
           std::any_of(s.answers.fields.begin(), s.answers.fields.end(), [](const TextField& f) { return !f.empty(); });
}

Effects on(State& s, const Tick& e) {
    s.now = e.now;
    if (staffOpen(s))
        return staffTick(s);
    if (s.overlay == Overlay::StillThere) {
        if (s.now - s.askedAt >= s.timing.answerWindow)
            resetSession(s);
        return {};
    }
    if (thankYouClockRuns(s) && s.now - s.lastInput >= s.timing.thankYouStays) {
        resetSession(s);
        return {};
    }
    if (inactivityClockRuns(s) && s.now - s.lastInput >= s.timing.quietBeforeAsking) {
        s.overlay = Overlay::StillThere;
        s.askedAt = s.now;
    }
    return {};
}

} // namespace detail

// Each event goes to its own handler: a new event without one does not compile.
Effects step(State& s, const Event& event) {
    const auto before = seen(s);
    Effects effects = std::visit(
        [&s]<class E>(const E& e) -> Effects {
            if constexpr (kFromShell<E>) {
                return detail::on(s, e);
            } else if (staffOpen(s)) {
                // Staff mode is over the journey: nothing typed or tapped here reaches a child's answers.
                s.staff.lastInput = s.now;
                if constexpr (kStaffInput<E>)
                    return detail::onStaff(s, e);
                else
                    return {};
            } else {
                // While storing, only quick hide works: the submission is still stored, but nobody sees its code.
                if (s.screen == Screen::Sending && !std::is_same_v<E, QuickHide>)
                    return {};
                s.lastInput = s.now;
                if (s.overlay == Overlay::None)
                    return detail::on(s, e);
                if constexpr (kAnswersOverlay<E>)
                    return detail::onOverlay(s, e);
                else
                    return {};
            }
        },
        event);
    if (s.reading && seen(s) != before) {
        s.reading = false;
        effects.emplace_back(StopSpeaking{});
    }
    return effects;
}

bool canGoForward(const State& s) {
    // On Story, "Next" needs words; with none the button is "Skip" instead.
    if (s.screen == Screen::Story)
        return s.answers.field(Field::Story).hasWords();
    return isAnswered(s.screen, s.answers);
}

bool canGoBack(const State& s) {
    return s.screen != Screen::Welcome && s.screen != Screen::Sending && s.screen != Screen::ThankYou;
}

std::optional<Field> typingInto(const State& s) {
    if (s.overlay != Overlay::None || !s.focus || !isShown(*s.focus, s.screen, s.answers))
        return std::nullopt;
    return s.focus;
}

bool hidesPage(const State& s) { return s.overlay == Overlay::StillThere || s.overlay == Overlay::NotSafe; }

bool asksBothLanguages(const State& s) {
    return s.overlay == Overlay::StillThere || (s.overlay == Overlay::NotSafe && s.notSafeOverQuestion);
}

std::optional<Clock::time_point> nextWake(const State& s) {
    if (staffOpen(s))
        return detail::staffWake(s);
    if (s.overlay == Overlay::StillThere) {
        // Wake each second so that the countdown on screen stays true.
        const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(s.now - s.askedAt);
        return std::min(s.askedAt + s.timing.answerWindow, s.askedAt + elapsed + std::chrono::seconds(1));
    }
    if (thankYouClockRuns(s))
        return s.lastInput + s.timing.thankYouStays;
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
    s.notSafeOverQuestion = false;
    s.lastInput = s.now;
}

} // namespace kiosk::flow
