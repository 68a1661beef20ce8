#include <flow/effect.hpp>
#include <flow/step.hpp>

#include "run_events.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::flow;
using namespace std::chrono_literals;

namespace {

using kiosk::test::run;

const Script kWords{{Language::English, "What would you like to do?"}, {Language::English, "Something went wrong"}};

State onKind() {
    State s;
    (void)step(s, Tick{Clock::time_point{} + 1000h});
    run(s, {ChooseLanguage{Language::English}});
    REQUIRE(s.screen == Screen::Kind);
    return s;
}

bool stops(const Effects& effects) {
    return effects.size() == 1 && std::holds_alternative<StopSpeaking>(effects.front());
}

} // namespace

TEST_CASE("read it to me speaks the words it is given, and tapped again stops", "[read_aloud]") {
    State s = onKind();
    const Effects first = step(s, ReadAloud{kWords});
    REQUIRE(first.size() == 1);
    CHECK(std::get<Speak>(first.front()).script == kWords);
    CHECK(s.reading);
    CHECK(stops(step(s, ReadAloud{kWords})));
    CHECK_FALSE(s.reading);
}

TEST_CASE("a screen with nothing to read asks for no speech", "[read_aloud]") {
    State s = onKind();
    CHECK(step(s, ReadAloud{}).empty());
    CHECK_FALSE(s.reading);
}

TEST_CASE("reading stops when the child moves on, changes language or hides", "[read_aloud]") {
    State s = onKind();
    SECTION("a new screen") {
        run(s, {ReadAloud{kWords}});
        CHECK(stops(step(s, ChooseKind{Kind::Complaint})));
        CHECK(s.screen == Screen::Who);
    }
    SECTION("the other language") {
        run(s, {ReadAloud{kWords}});
        CHECK(stops(step(s, ChooseLanguage{Language::Welsh})));
    }
    SECTION("quick hide") {
        run(s, {ReadAloud{kWords}});
        CHECK(stops(step(s, QuickHide{})));
        CHECK(s.screen == Screen::Welcome);
    }
    SECTION("a panel opening over the screen") {
        run(s, {ReadAloud{kWords}});
        CHECK(stops(step(s, AskStartAgain{})));
    }
    CHECK_FALSE(s.reading);
}

TEST_CASE("what does not change the screen leaves the reading alone", "[read_aloud]") {
    State s = onKind();
    run(s, {ReadAloud{kWords}});
    CHECK(step(s, Touched{}).empty());
    CHECK(step(s, ToggleLargeText{}).empty());
    CHECK(s.reading);
}

TEST_CASE("when the reading ends by itself the button can read again", "[read_aloud]") {
    State s = onKind();
    run(s, {ReadAloud{kWords}, SpeechEnded{}});
    CHECK_FALSE(s.reading);
    const Effects again = step(s, ReadAloud{kWords});
    REQUIRE(again.size() == 1);
    CHECK(std::holds_alternative<Speak>(again.front()));
}

TEST_CASE("a panel is read while it shows, and closing it stops the reading", "[read_aloud]") {
    State s = onKind();
    run(s, {NotSafe{}});
    REQUIRE(s.overlay == Overlay::NotSafe);
    const Script panel{{Language::English, "If you don't feel safe"}};
    const Effects read = step(s, ReadAloud{panel});
    REQUIRE(read.size() == 1);
    CHECK(std::get<Speak>(read.front()).script == panel);
    CHECK(stops(step(s, Dismiss{})));
    CHECK(s.overlay == Overlay::None);
    CHECK_FALSE(s.reading);
}
