#include <flow/handlers.hpp>
#include <flow/step.hpp>

// The session as a whole: what the shell reports, the language and text size, and the ways out
// (start again, hide, "I don't feel safe") with the panels they open.

namespace kiosk::flow::detail {

Effects on(State& s, const Saved& e) {
    // Only the answer to this session's own save: an earlier child's slow save is not theirs.
    if (s.screen != Screen::Sending || e.job != s.job)
        return {};
    // The words are sealed and stored: forget them now. Thank you still needs the choices.
    for (auto& f : s.answers.fields)
        f.wipe();
    s.reference = e.reference;
    s.contactBy = e.contactBy;
    s.screen = Screen::ThankYou;
    return {};
}

Effects on(State& s, const SaveFailed& e) {
    if (s.screen == Screen::Sending && e.job == s.job) {
        s.screen = Screen::Check;
        s.saveFailed = true;
    }
    return {};
}

Effects on(State& s, const StorageChecked& e) {
    s.cannotStore = e.why;
    return {};
}

Effects on(State& s, const SpeechEnded&) {
    s.reading = false;
    return {};
}

Effects on(State& s, const ChooseLanguage& e) {
    // A kiosk that cannot store what a child says lets nobody start telling it (Welcome asks them
    // to find a member of staff instead), rather than failing after they have said everything.
    if (s.screen == Screen::Welcome && !canSave(s))
        return {};
    s.language = e.language;
    if (s.screen == Screen::Welcome)
        enter(s, Screen::Kind);
    return {};
}

Effects on(State& s, const ToggleLargeText&) {
    s.largeText = !s.largeText;
    return {};
}

Effects on(State& s, const AskStartAgain&) {
    if (!sessionHasAnswers(s) || s.screen == Screen::ThankYou)
        resetSession(s);
    else
        s.overlay = Overlay::ConfirmStartAgain;
    return {};
}

Effects on(State&, const ConfirmStartAgain&) {
    return {}; // answers the "Start again?" panel; with none showing there is nothing to confirm
}

Effects on(State& s, const QuickHide&) {
    resetSession(s);
    return {};
}

Effects on(State& s, const NotSafe&) {
    s.priority = true;
    s.overlay = Overlay::NotSafe;
    s.notSafeOverQuestion = false;
    return {};
}

Effects on(State&, const Dismiss&) {
    return {}; // closes a panel; with none showing there is nothing to close
}

Effects on(State&, const Touched&) {
    return {}; // step() has already counted it as activity: that is all a touch between buttons does
}

Effects on(State& s, const ReadAloud& e) {
    Effects effects;
    // The same button stops the reading.
    if (s.reading) {
        s.reading = false;
        effects.emplace_back(StopSpeaking{});
    } else if (!e.script.empty()) {
        s.reading = true;
        effects.emplace_back(Speak{e.script});
    }
    return effects;
}

Effects onOverlay(State& s, const Dismiss&) {
    s.overlay = Overlay::None;
    s.notSafeOverQuestion = false;
    return {};
}

Effects onOverlay(State& s, const ConfirmStartAgain&) {
    resetSession(s);
    return {};
}

Effects onOverlay(State& s, const QuickHide&) {
    resetSession(s);
    return {};
}

Effects onOverlay(State& s, const NotSafe& e) {
    // Over "Start again?" or "Are you still there?" too: what to do now replaces the question, and is
    // asked in both languages as the question was: whoever tapped may not be the child who answered.
    const bool overQuestion = asksBothLanguages(s); // the question, or this panel already over it
    Effects effects = on(s, e);
    s.notSafeOverQuestion = overQuestion;
    return effects;
}

Effects onOverlay(State& s, const ReadAloud& e) {
    return on(s, e);
}

} // namespace kiosk::flow::detail
