#include "../../kiosk/flow/step.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::flow;
using namespace std::chrono_literals;

namespace {

const Clock::time_point kStart = Clock::time_point{} + 1000h;

// Events in, effects collected.
Effects run(State& s, std::initializer_list<Event> events) {
    Effects all;
    for (const auto& e : events)
        for (auto& effect : step(s, e))
            all.push_back(std::move(effect));
    return all;
}

State started() {
    State s;
    (void)step(s, Tick{kStart});
    return s;
}

} // namespace

TEST_CASE("a complaint goes from welcome to thank you and the words reach the save effect") {
    State s = started();
    CHECK(s.screen == Screen::Welcome);
    run(s, {ChooseLanguage{Language::Welsh}});
    CHECK(s.screen == Screen::Kind);
    run(s, {ChooseKind{Kind::Complaint}});
    CHECK(s.screen == Screen::Story);
    run(s, {TypeText{"Doedd neb yn gwrando"}, Next{}});
    CHECK(s.screen == Screen::Check);
    const auto effects = run(s, {Send{}});
    CHECK(s.screen == Screen::Sending);
    REQUIRE(effects.size() == 1);
    const auto& save = std::get<SaveSubmission>(effects.front());
    CHECK(save.kind == Kind::Complaint);
    CHECK(save.language == Language::Welsh);
    CHECK(save.story == "Doedd neb yn gwrando");
    CHECK_FALSE(save.priority);

    run(s, {Saved{"K7M-4QX"}});
    CHECK(s.screen == Screen::ThankYou);
    CHECK(s.reference == "K7M-4QX");
    CHECK(s.answers.story.empty()); // stored, so forgotten
    run(s, {Finish{}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.reference.empty());
    CHECK_FALSE(s.answers.kind.has_value());
}

TEST_CASE("thank you shows only after the save is confirmed; a failure keeps every answer") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Feedback}, TypeText{"More games please"}, Next{}, Send{}});
    REQUIRE(s.screen == Screen::Sending);
    run(s, {Tick{kStart + 10min}}); // no timeout while storing
    CHECK(s.screen == Screen::Sending);
    CHECK(s.overlay == Overlay::None);
    run(s, {SaveFailed{}});
    CHECK(s.screen == Screen::Check);
    CHECK(s.saveFailed);
    CHECK(s.answers.story.text() == "More games please");
    CHECK(s.answers.kind == Kind::Feedback);
    // Trying again works.
    const auto effects = run(s, {Send{}});
    CHECK(effects.size() == 1);
    CHECK_FALSE(s.saveFailed);
}

TEST_CASE("a late Saved after the session moved on does not show someone else a thank you") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}});
    run(s, {Saved{"AAA-AAA"}});
    CHECK(s.screen == Screen::Story);
    CHECK(s.reference.empty());
}

TEST_CASE("switching language keeps every answer and the cursor") {
    State s = started();
    run(s, {ChooseLanguage{Language::Welsh}, ChooseKind{Kind::Compliment}, TypeText{"Roedd hi'n garedig"},
            MoveCursor{-3}});
    const auto cursor = s.answers.story.cursor();
    run(s, {ChooseLanguage{Language::English}});
    CHECK(s.language == Language::English);
    CHECK(s.screen == Screen::Story);
    CHECK(s.answers.story.text() == "Roedd hi'n garedig");
    CHECK(s.answers.story.cursor() == cursor);
    CHECK(s.answers.kind == Kind::Compliment);
    run(s, {ChooseLanguage{Language::Welsh}});
    CHECK(s.answers.story.text() == "Roedd hi'n garedig");
}

TEST_CASE("next needs words; skip goes on with nothing written") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, TypeText{"   "}, Next{}});
    CHECK(s.screen == Screen::Story);
    run(s, {SkipStory{}});
    CHECK(s.screen == Screen::Check);
    CHECK(s.answers.storySkipped);
    CHECK(s.answers.story.empty());
    const auto effects = run(s, {Send{}});
    REQUIRE(effects.size() == 1);
    CHECK(std::get<SaveSubmission>(effects.front()).story.empty());
}

TEST_CASE("back walks the journey in reverse, and nowhere from thank you") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, TypeText{"x"}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    run(s, {Back{}});
    CHECK(s.screen == Screen::Story);
    run(s, {Back{}});
    CHECK(s.screen == Screen::Kind);
    CHECK(s.answers.kind == Kind::Complaint); // still chosen
    run(s, {Back{}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.answers.story.text() == "x"); // nothing lost by going back

    State t = started();
    run(t, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, SkipStory{}, Send{}, Saved{"AAA-AAA"}, Back{}});
    CHECK(t.screen == Screen::ThankYou);
}

TEST_CASE("change on check your answers returns to check after the change") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, TypeText{"first"}, Next{}});
    run(s, {GoTo{Screen::Kind}});
    CHECK(s.screen == Screen::Kind);
    run(s, {ChooseKind{Kind::Compliment}});
    CHECK(s.screen == Screen::Check);
    CHECK(s.answers.kind == Kind::Compliment);
    run(s, {GoTo{Screen::Story}, TypeText{" and more"}, Next{}});
    CHECK(s.screen == Screen::Check);
    CHECK(s.answers.story.text() == "first and more");
    run(s, {GoTo{Screen::Story}, Back{}});
    CHECK(s.screen == Screen::Check);
}

TEST_CASE("the keyboard: shift is for one letter, accents return to letters after one") {
    State s = started();
    run(s, {ChooseLanguage{Language::Welsh}, ChooseKind{Kind::Complaint}, ToggleShift{}});
    CHECK(s.shift);
    run(s, {TypeText{"Ŵ"}});
    CHECK_FALSE(s.shift);
    run(s, {SetKeyboard{KeyboardLayer::Accents}});
    CHECK(s.keyboard == KeyboardLayer::Accents);
    run(s, {TypeText{"ŷ"}});
    CHECK(s.keyboard == KeyboardLayer::Letters);
    run(s, {SetKeyboard{KeyboardLayer::Numbers}, TypeText{"1"}});
    CHECK(s.keyboard == KeyboardLayer::Numbers);
    run(s, {Erase{}, Erase{}});
    CHECK(s.answers.story.text() == "Ŵ");
}

TEST_CASE("after a quiet spell the kiosk asks, gives at least 20 seconds, then forgets everything") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, TypeText{"private words"}});
    const auto quiet = s.timing.quietBeforeAsking;
    REQUIRE(s.timing.answerWindow >= 20s);

    run(s, {Tick{kStart + quiet - 1s}});
    CHECK(s.overlay == Overlay::None);
    run(s, {Tick{kStart + quiet}});
    CHECK(s.overlay == Overlay::StillThere);
    CHECK(secondsLeftToAnswer(s) == s.timing.answerWindow.count());

    // Other taps do nothing while the question is up.
    run(s, {Tick{kStart + quiet + 5s}, TypeText{"zzz"}, Next{}});
    CHECK(s.answers.story.text() == "private words");
    CHECK(secondsLeftToAnswer(s) == s.timing.answerWindow.count() - 5);

    run(s, {Tick{kStart + quiet + s.timing.answerWindow - 1s}});
    CHECK(s.screen == Screen::Story);
    run(s, {Tick{kStart + quiet + s.timing.answerWindow}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.overlay == Overlay::None);
    CHECK(s.answers.story.empty());
    CHECK_FALSE(s.answers.kind.has_value());
}

TEST_CASE("answering 'I'm still here' keeps the answers and restarts the quiet spell") {
    State s = started();
    run(s, {ChooseLanguage{Language::Welsh}, ChooseKind{Kind::Complaint}, TypeText{"geiriau"}});
    const auto asked = kStart + s.timing.quietBeforeAsking;
    run(s, {Tick{asked}});
    REQUIRE(s.overlay == Overlay::StillThere);
    run(s, {Tick{asked + 10s}, Dismiss{}});
    CHECK(s.overlay == Overlay::None);
    CHECK(s.answers.story.text() == "geiriau");
    run(s, {Tick{asked + 10s + s.timing.quietBeforeAsking - 1s}});
    CHECK(s.overlay == Overlay::None);
    run(s, {Tick{asked + 10s + s.timing.quietBeforeAsking}});
    CHECK(s.overlay == Overlay::StillThere);
}

TEST_CASE("an untouched welcome screen never times out, so the kiosk can sleep") {
    State s = started();
    CHECK_FALSE(nextWake(s).has_value());
    run(s, {Tick{kStart + 24h}});
    CHECK(s.overlay == Overlay::None);
    run(s, {ChooseLanguage{Language::English}});
    REQUIRE(nextWake(s).has_value());
    CHECK(*nextWake(s) == kStart + 24h + s.timing.quietBeforeAsking);
}

TEST_CASE("while asking, the kiosk wakes every second for the countdown") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, Tick{kStart + s.timing.quietBeforeAsking}});
    REQUIRE(s.overlay == Overlay::StillThere);
    CHECK(*nextWake(s) == s.askedAt + 1s);
    run(s, {Tick{s.askedAt + 1500ms}});
    CHECK(*nextWake(s) == s.askedAt + 2s);
}

TEST_CASE("start again asks first when something is written, and then wipes") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, AskStartAgain{}});
    CHECK(s.screen == Screen::Welcome); // nothing written: straight back
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, TypeText{"words"}, AskStartAgain{}});
    CHECK(s.overlay == Overlay::ConfirmStartAgain);
    run(s, {Dismiss{}});
    CHECK(s.overlay == Overlay::None);
    CHECK(s.answers.story.text() == "words");
    run(s, {AskStartAgain{}, ConfirmStartAgain{}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.answers.story.empty());
    CHECK(s.language == Language::Welsh);
}

TEST_CASE("input while storing is ignored") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, SkipStory{}, Send{}});
    REQUIRE(s.screen == Screen::Sending);
    const auto effects = run(s, {Send{}, AskStartAgain{}, Back{}});
    CHECK(effects.empty());
    CHECK(s.screen == Screen::Sending);
}
