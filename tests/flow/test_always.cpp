#include <flow/effect.hpp>
#include <flow/step.hpp>

#include "run_events.hpp"

#include <catch2/catch.hpp>

// The ways out that are there at every moment, any touch as activity, and Thank you's own clock.

using namespace kiosk::flow;
using namespace std::chrono_literals;

namespace {

using kiosk::test::kStart;
using kiosk::test::run;
using kiosk::test::started;

// A child on their own, typing their story into a complaint.
State atStory() {
    State s = started();
    run(s, {ChooseLanguage{Language::Welsh}, ChooseKind{Kind::Complaint}, ChooseWho{Who::Me}, Next{}, Next{},
            ToggleTopic{Topic::TooLong}, Next{}, Next{}, TypeText{"geiriau"}});
    REQUIRE(s.screen == Screen::Story);
    return s;
}

// A complaint sent and stored: Thank you shows its code.
State atThankYou() {
    State s = atStory();
    run(s, {Next{}, Next{}, ChooseContact{Contact::None}, Next{}, ChooseSharing{Sharing::Yes}, Next{}, Send{}});
    run(s, {Saved{s.job, "K7M-4TX", std::nullopt}});
    REQUIRE(s.screen == Screen::ThankYou);
    return s;
}

// Each panel, opened over the story as a child would meet it.
State under(Overlay overlay) {
    State s = atStory();
    switch (overlay) {
    case Overlay::StillThere: run(s, {Tick{s.now + s.timing.quietBeforeAsking}}); break;
    case Overlay::ConfirmStartAgain: run(s, {AskStartAgain{}}); break;
    case Overlay::NotSafe: run(s, {NotSafe{}}); break;
    case Overlay::None: break;
    }
    REQUIRE(s.overlay == overlay);
    return s;
}

const char* nameOf(Overlay o) {
    switch (o) {
    case Overlay::StillThere: return "still there";
    case Overlay::ConfirmStartAgain: return "start again";
    case Overlay::NotSafe: return "not safe";
    case Overlay::None: break;
    }
    return "none";
}

const Script kWords{{Language::Welsh, "Beth ddigwyddodd?"}};

} // namespace

TEST_CASE("a touch between buttons, or a drag, restarts the quiet spell", "[always]") {
    State s = atStory();
    const auto quiet = s.timing.quietBeforeAsking;
    run(s, {Tick{kStart + quiet - 10s}, Touched{}});
    run(s, {Tick{kStart + quiet}});
    CHECK(s.overlay == Overlay::None);
    REQUIRE(nextWake(s).has_value());
    CHECK(*nextWake(s) == kStart + quiet - 10s + quiet);
    run(s, {Tick{kStart + quiet - 10s + quiet - 1s}});
    CHECK(s.overlay == Overlay::None);
    run(s, {Tick{kStart + quiet - 10s + quiet}});
    CHECK(s.overlay == Overlay::StillThere);
    CHECK(s.answers.field(Field::Story).text() == "geiriau"); // a touch changes nothing else
}

TEST_CASE("a touch on an untouched welcome starts no clock", "[always]") {
    State s = started();
    run(s, {Tick{kStart + 5s}, Touched{}});
    CHECK_FALSE(nextWake(s).has_value());
    CHECK(s.screen == Screen::Welcome);
}

TEST_CASE("a touch while 'Are you still there?' counts down is not an answer to it", "[always]") {
    State s = under(Overlay::StillThere);
    const auto asked = s.askedAt;
    run(s, {Tick{asked + 5s}, Touched{}});
    CHECK(s.overlay == Overlay::StillThere);
    run(s, {Tick{asked + s.timing.answerWindow}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.answers.field(Field::Story).empty());
}

TEST_CASE("Thank you goes back to welcome by itself after its own shorter time, untouched", "[always]") {
    State s = atThankYou();
    const auto shown = s.now;
    REQUIRE(s.timing.thankYouStays < s.timing.quietBeforeAsking);
    REQUIRE(nextWake(s).has_value());
    CHECK(*nextWake(s) == shown + s.timing.thankYouStays);
    run(s, {Tick{shown + s.timing.thankYouStays - 1s}});
    CHECK(s.screen == Screen::ThankYou);
    CHECK(s.overlay == Overlay::None); // never asked "Are you still there?" first
    run(s, {Tick{shown + s.timing.thankYouStays}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.reference.empty());
    CHECK_FALSE(s.answers.kind.has_value());
}

TEST_CASE("a touch on Thank you restarts its time", "[always]") {
    State s = atThankYou();
    const auto shown = s.now;
    const auto stays = s.timing.thankYouStays;
    run(s, {Tick{shown + stays - 5s}, Touched{}});
    run(s, {Tick{shown + stays}});
    CHECK(s.screen == Screen::ThankYou);
    CHECK(s.reference == "K7M-4TX");
    run(s, {Tick{shown + stays - 5s + stays - 1s}});
    CHECK(s.screen == Screen::ThankYou);
    run(s, {Tick{shown + stays - 5s + stays}});
    CHECK(s.screen == Screen::Welcome);
}

TEST_CASE("a panel over Thank you keeps the usual rule: asked after the quiet spell, then back to welcome",
          "[always]") {
    State s = atThankYou();
    const auto shown = s.now;
    run(s, {NotSafe{}});
    REQUIRE(s.overlay == Overlay::NotSafe);
    run(s, {Tick{shown + s.timing.thankYouStays}});
    CHECK(s.screen == Screen::ThankYou); // reading what to do now is not cut short
    CHECK(s.overlay == Overlay::NotSafe);
    run(s, {Tick{shown + s.timing.quietBeforeAsking - 1s}});
    CHECK(s.overlay == Overlay::NotSafe);
    run(s, {Tick{shown + s.timing.quietBeforeAsking}});
    CHECK(s.overlay == Overlay::StillThere);
    run(s, {Tick{s.askedAt + s.timing.answerWindow}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.reference.empty());
}

TEST_CASE("'I don't feel safe' works under every panel, keeping every answer", "[always]") {
    const auto overlay = GENERATE(Overlay::StillThere, Overlay::ConfirmStartAgain, Overlay::NotSafe);
    INFO(nameOf(overlay));
    State s = under(overlay);
    run(s, {NotSafe{}});
    CHECK(s.overlay == Overlay::NotSafe);
    CHECK(s.priority);
    CHECK(s.screen == Screen::Story);
    CHECK(s.answers.field(Field::Story).text() == "geiriau");
    run(s, {Dismiss{}});
    CHECK(s.overlay == Overlay::None);
    CHECK(s.screen == Screen::Story);
}

TEST_CASE("the safety panel tapped over 'Are you still there?' asks in both languages, until it is closed",
          "[always]") {
    State s = under(Overlay::StillThere);
    CHECK(hidesPage(s));
    CHECK(asksBothLanguages(s));
    run(s, {NotSafe{}});
    REQUIRE(s.overlay == Overlay::NotSafe);
    CHECK(hidesPage(s));
    CHECK(asksBothLanguages(s)); // whoever tapped may not be the child who typed
    run(s, {ReadAloud{kWords}, ReadAloud{kWords}, NotSafe{}});
    CHECK(asksBothLanguages(s));
    run(s, {Dismiss{}}); // "Back to where I was": they have shown they are there
    CHECK(s.overlay == Overlay::None);
    CHECK_FALSE(hidesPage(s));
    CHECK_FALSE(asksBothLanguages(s));
    CHECK(s.answers.field(Field::Story).text() == "geiriau");
    run(s, {NotSafe{}}); // from the page itself: in the child's own language
    CHECK(hidesPage(s));
    CHECK_FALSE(asksBothLanguages(s));
}

TEST_CASE("the safety panel never shows the page under it, and over the page or 'Start again?' speaks the "
          "child's language",
          "[always]") {
    const auto overlay = GENERATE(Overlay::None, Overlay::ConfirmStartAgain, Overlay::NotSafe);
    INFO(nameOf(overlay));
    State s = under(overlay);
    CHECK(hidesPage(s) == (overlay == Overlay::NotSafe));
    run(s, {NotSafe{}});
    CHECK(hidesPage(s)); // someone may be looking over the child's shoulder
    CHECK_FALSE(asksBothLanguages(s));
}

TEST_CASE("a page hidden under the safety panel is asked about again after the quiet spell, and still hidden",
          "[always]") {
    State s = under(Overlay::StillThere);
    run(s, {NotSafe{}});
    run(s, {Tick{s.now + s.timing.quietBeforeAsking}});
    REQUIRE(s.overlay == Overlay::StillThere);
    CHECK(hidesPage(s));
    run(s, {Tick{s.askedAt + s.timing.answerWindow}});
    CHECK(s.screen == Screen::Welcome);
    CHECK_FALSE(hidesPage(s));
    CHECK_FALSE(s.notSafeOverQuestion);
}

TEST_CASE("hide works under every panel: welcome at once, everything gone", "[always]") {
    const auto overlay = GENERATE(Overlay::StillThere, Overlay::ConfirmStartAgain, Overlay::NotSafe);
    INFO(nameOf(overlay));
    State s = under(overlay);
    run(s, {QuickHide{}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.overlay == Overlay::None);
    CHECK(s.answers.field(Field::Story).empty());
    CHECK_FALSE(s.answers.kind.has_value());
    CHECK_FALSE(s.priority);
}

TEST_CASE("'Read it to me' works under every panel, and stops when the panel closes", "[always]") {
    const auto overlay = GENERATE(Overlay::StillThere, Overlay::ConfirmStartAgain, Overlay::NotSafe);
    INFO(nameOf(overlay));
    State s = under(overlay);
    const Effects started = run(s, {ReadAloud{kWords}});
    REQUIRE(started.size() == 1);
    CHECK(std::get<Speak>(started.front()).script == kWords);
    CHECK(s.reading);
    CHECK(s.overlay == overlay);
    const Effects closed = run(s, {Dismiss{}});
    REQUIRE(closed.size() == 1);
    CHECK(std::holds_alternative<StopSpeaking>(closed.front()));
    CHECK_FALSE(s.reading);
}

TEST_CASE("under a panel, nothing but its answers and the ways out is taken", "[always]") {
    const auto overlay = GENERATE(Overlay::StillThere, Overlay::ConfirmStartAgain, Overlay::NotSafe);
    INFO(nameOf(overlay));
    State s = under(overlay);
    run(s, {TypeText{"zzz"}, Next{}, Back{}, ToggleLargeText{}});
    CHECK(s.overlay == overlay);
    CHECK(s.screen == Screen::Story);
    CHECK(s.answers.field(Field::Story).text() == "geiriau");
    CHECK_FALSE(s.largeText);
}

TEST_CASE("Thank you stays a minute, as its words say", "[always]") {
    CHECK(Timing{}.thankYouStays == 60s); // thanks.goes_back: "after a minute"
}
