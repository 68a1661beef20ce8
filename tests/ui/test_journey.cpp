#include "../storage/temp_dir.hpp"
#include "driver.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;
using flow::Language;
using flow::Screen;

namespace {

const char* welcomeKey(Language l) { return l == Language::Welsh ? "welcome.cymraeg" : "welcome.english"; }
const char* code(Language l) { return l == Language::Welsh ? "cy" : "en"; }

} // namespace

TEST_CASE("a child makes a complaint on the on-screen keyboard and exactly their words are sealed and stored") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const std::string words = language == Language::Welsh ? "Dw i'n drist. Ŵyr neb beth ddigwyddodd â'r llythyr, Ŷ ẁ ỳ ẅ ẃ ÿ!"
                                                           : "Nobody called me back. Not OK (2 times) @ Café!";
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    CHECK(ui.state.screen == Screen::Welcome);
    ui.tap(welcomeKey(language));
    CHECK(ui.state.language == language);
    ui.tap("kind.complaint");
    CHECK(ui.state.screen == Screen::Story);
    CHECK(ui.visible("story.skip"));
    ui.typeOnScreen(words);
    CHECK(ui.state.answers.story.text() == words);
    ui.tap("story.next");
    CHECK(ui.state.screen == Screen::Check);
    ui.tap("check.send");
    ui.settle();
    REQUIRE(ui.state.screen == Screen::ThankYou);
    CHECK(ui.state.reference.size() == 7);

    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].story == words);
    CHECK(stored[0].kind == "complaint");
    CHECK(stored[0].language == code(language));
    CHECK(stored[0].reference == ui.state.reference);
    CHECK(stored[0].demo);
    CHECK_FALSE(stored[0].priority);
    CHECK(test::allBytesUnder(dir.path()).find("llythyr") == std::string::npos);
    CHECK(test::allBytesUnder(dir.path()).find("Nobody") == std::string::npos);

    ui.tap("thanks.finish");
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.reference.empty());
}

TEST_CASE("a compliment with nothing written is stored as skipped") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1920, 1080, dir.path());
    ui.tap(welcomeKey(language));
    ui.tap("kind.compliment");
    ui.tap("story.skip");
    CHECK(ui.state.screen == Screen::Check);
    ui.tap("check.send");
    ui.settle();
    REQUIRE(ui.state.screen == Screen::ThankYou);
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].kind == "compliment");
    CHECK(stored[0].story.empty());
    CHECK(stored[0].storySkipped);
}

TEST_CASE("switching language in the middle keeps what was typed, and the last language is stored") {
    test::TempDir dir;
    test::UiDriver ui(800, 1280, dir.path());
    ui.tap("welcome.cymraeg");
    ui.tap("kind.feedback");
    ui.typeOnScreen("Mae'r ystafell yn braf");
    ui.tap("chrome.language");
    CHECK(ui.state.language == Language::English);
    CHECK(ui.state.answers.story.text() == "Mae'r ystafell yn braf");
    ui.typeOnScreen(" and warm");
    ui.tap("story.next");
    ui.tap("chrome.language");
    CHECK(ui.state.language == Language::Welsh);
    CHECK(ui.state.screen == Screen::Check);
    ui.tap("chrome.language");
    ui.tap("check.send");
    ui.settle();
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].story == "Mae'r ystafell yn braf and warm");
    CHECK(stored[0].language == "en");
    CHECK(stored[0].kind == "feedback");
}

TEST_CASE("changing an answer from check your answers comes back to check") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.english");
    ui.tap("kind.complaint");
    ui.typeOnScreen("late");
    ui.tap("story.next");
    ui.tap("check.change.kind");
    CHECK(ui.state.screen == Screen::Kind);
    ui.tap("kind.feedback");
    CHECK(ui.state.screen == Screen::Check);
    ui.tap("check.change.story");
    ui.tap("key.left");
    ui.tap("key.left");
    ui.tap("key.left");
    ui.tap("key.left");
    ui.typeOnScreen("too ");
    ui.tap("story.next");
    CHECK(ui.state.screen == Screen::Check);
    ui.tap("check.send");
    ui.settle();
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].story == "too late");
    CHECK(stored[0].kind == "feedback");
}

TEST_CASE("back goes back a screen at a time without losing anything") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.cymraeg");
    ui.tap("kind.complaint");
    ui.typeOnScreen("helo");
    ui.tap("story.next");
    ui.tap("chrome.back");
    CHECK(ui.state.screen == Screen::Story);
    ui.tap("chrome.back");
    CHECK(ui.state.screen == Screen::Kind);
    ui.tap("kind.complaint");
    CHECK(ui.state.answers.story.text() == "helo");
}

TEST_CASE("a physical keyboard types too, and backspace deletes") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.english");
    ui.tap("kind.complaint");
    ui.typePhysical("Hiya ŵ");
    CHECK(ui.state.answers.story.text() == "Hiya ŵ");
    ui.tap("key.erase");
    CHECK(ui.state.answers.story.text() == "Hiya ");
}

TEST_CASE("tapping in the text moves the cursor there") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.english");
    ui.tap("kind.complaint");
    ui.typeOnScreen("abc");
    ui.tap("key.left");
    ui.tap("key.left");
    REQUIRE(ui.state.answers.story.cursor() == 1);
    ui.tap("story.text"); // the middle of the box: to the right of the only line's end
    CHECK(ui.state.answers.story.cursor() == 3);
}

TEST_CASE("left alone, the kiosk asks in both languages, then forgets everything and shows welcome") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap(welcomeKey(language));
    ui.tap("kind.complaint");
    ui.typeOnScreen("secret");
    ui.advance(ui.state.timing.quietBeforeAsking);
    CHECK(ui.state.overlay == flow::Overlay::StillThere);
    CHECK(ui.visible("still_there.yes"));
    CHECK_FALSE(ui.visible("story.next")); // nothing under the question can be tapped
    ui.advance(ui.state.timing.answerWindow - 1s);
    CHECK(ui.state.screen == Screen::Story);
    ui.advance(1s);
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.answers.story.empty());
    CHECK(ui.visible("welcome.cymraeg"));
    CHECK(ui.stored().empty());
}

TEST_CASE("'Yes, I'm here' carries on with every answer") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.cymraeg");
    ui.tap("kind.complaint");
    ui.typeOnScreen("aros");
    ui.advance(ui.state.timing.quietBeforeAsking + 5s);
    ui.tap("still_there.yes");
    CHECK(ui.state.overlay == flow::Overlay::None);
    CHECK(ui.state.answers.story.text() == "aros");
}

TEST_CASE("start again asks before clearing what was written") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.english");
    ui.tap("kind.complaint");
    ui.typeOnScreen("words");
    ui.tap("chrome.start_again");
    CHECK(ui.state.overlay == flow::Overlay::ConfirmStartAgain);
    ui.tap("start_again.no");
    CHECK(ui.state.answers.story.text() == "words");
    ui.tap("chrome.start_again");
    ui.tap("start_again.yes");
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.answers.story.empty());
}

TEST_CASE("when storing fails the child is told gently, keeps every answer, and can send again") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    // A folder where the database should be: the store cannot open.
    std::filesystem::create_directory(dir / "kiosk.db");
    ui.tap("welcome.cymraeg");
    ui.tap("kind.complaint");
    ui.typeOnScreen("pwysig");
    ui.tap("story.next");
    ui.tap("check.send");
    ui.settle();
    CHECK(ui.state.screen == Screen::Check);
    CHECK(ui.state.saveFailed);
    CHECK(ui.state.answers.story.text() == "pwysig");
    std::filesystem::remove(dir / "kiosk.db");
    ui.tap("check.send");
    ui.settle();
    CHECK(ui.state.screen == Screen::ThankYou);
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].story == "pwysig");
}
