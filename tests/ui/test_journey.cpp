#include <test_support/temp_dir.hpp>
#include "journeys.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;
using flow::Language;
using flow::Screen;

namespace {

const char* code(Language l) { return l == Language::Welsh ? "cy" : "en"; }

} // namespace

TEST_CASE("an advocate makes a complaint for a young person, every part answered, and every answer is stored") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const bool cy = language == Language::Welsh;
    const std::string words = cy ? "Dw i'n drist. Ŵyr neb beth ddigwyddodd â'r llythyr, Ŷ ẁ ỳ ẅ ẃ ÿ!"
                                 : "Nobody called me back. Not OK (2 times) @ Café!";
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap(test::welcomeKey(language));
    CHECK(ui.state.language == language);
    ui.tap("kind.complaint");
    CHECK(ui.state.screen == Screen::Who);
    ui.tap("who.on_behalf");
    ui.typeOnScreen("Siân Ŵyn");
    ui.tap("field.adult_role");
    ui.typeOnScreen(cy ? "Eiriolwr" : "Advocate");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Who); // the young person's agreement first
    ui.tap("who.agreed");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Help);
    ui.tap("help.want_advocate");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Topics);
    ui.tap("topic.not_listened");
    ui.tap("topic.hard_to_reach");
    ui.tap("topic.court_decision");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Court);
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Feelings);
    ui.tap("feeling.2");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Story);
    ui.typeOnScreen(words);
    CHECK(ui.state.answers.field(flow::Field::Story).text() == words);
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::PutRight);
    ui.tap("put_right.explanation");
    ui.tap("put_right.change_how");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Contact);
    ui.tap("field.name");
    ui.typeOnScreen("Cerys");
    ui.tap("contact.phone");
    CHECK(ui.state.keyboard == flow::KeyboardLayer::Phone);
    ui.typeOnScreen("07700 900123");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Meeting);
    ui.tap("meeting.video");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Sharing);
    ui.tap("sharing.talk_first");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Check);
    for (const char* part : {"check.change.kind", "check.change.who", "check.change.help", "check.change.topics",
                             "check.change.feelings", "check.change.story", "check.change.put_right",
                             "check.change.contact", "check.change.meeting", "check.change.sharing"}) {
        INFO(part);
        ui.tap(part); // every part can be changed from here...
        ui.tap("chrome.back"); // ...and back leads straight back to check
        CHECK(ui.state.screen == Screen::Check);
    }
    test::sendFromCheck(ui);
    REQUIRE(ui.state.contactBy.has_value());

    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    const auto& s = stored[0];
    CHECK(s["kind"] == "complaint");
    CHECK(s["language"] == code(language));
    CHECK(s["who"] == "on_behalf");
    CHECK(s["adult_name"] == "Siân Ŵyn");
    CHECK(s["adult_role"] == (cy ? "Eiriolwr" : "Advocate"));
    CHECK(s["young_person_agreed"] == true);
    CHECK(s["wants_advocate"] == true);
    CHECK(s["topics"] == std::vector<std::string>{"not_listened", "hard_to_reach", "court_decision"});
    CHECK(s["feeling"] == 2);
    CHECK(s["story"] == words);
    CHECK(s["story_skipped"] == false);
    CHECK(s["put_right"] == std::vector<std::string>{"explanation", "change_how"});
    CHECK(s["name"] == "Cerys");
    CHECK(s["contact"] == "phone");
    CHECK(s["phone"] == "07700 900123");
    CHECK(s["meeting"] == "video");
    CHECK(s["sharing"] == "talk_first");
    CHECK(s["acknowledge_by"].get<std::string>().size() == 10);
    CHECK(s["reference"] == ui.state.reference);
    CHECK(s["demo"] == true);
    CHECK(s["priority"] == false);
    const auto disk = test::allBytesUnder(dir.path());
    for (const char* secret : {"llythyr", "Nobody", "Cerys", "900123", "Siân", "Eiriolwr"})
        CHECK(disk.find(secret) == std::string::npos);

    ui.tap("thanks.finish");
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.reference.empty());
}

TEST_CASE("a compliment with nothing written and no contact is stored as such") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1920, 1080, dir.path());
    test::toStory(ui, language, "kind.compliment");
    CHECK(ui.visible("nav.skip"));
    test::storyToCheck(ui);
    test::sendFromCheck(ui);
    CHECK_FALSE(ui.state.contactBy.has_value());
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0]["kind"] == "compliment");
    CHECK(stored[0]["who"] == "me");
    CHECK(stored[0]["story"] == "");
    CHECK(stored[0]["story_skipped"] == true);
    CHECK(stored[0]["contact"] == "none");
    CHECK(stored[0]["acknowledge_by"] == "");
    CHECK(stored[0]["topics"].empty());
    CHECK(stored[0]["sharing"] == "");
}

TEST_CASE("feedback from a child with a helper, by email typed on the email keyboard") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(800, 1280, dir.path());
    ui.tap(test::welcomeKey(language));
    ui.tap("kind.feedback");
    ui.tap("who.me_with_help");
    ui.typeOnScreen("Nain");
    ui.tap("nav.next");
    ui.tap("feeling.5");
    ui.tap("nav.next");
    ui.typeOnScreen("The room is nice");
    ui.tap("nav.next");
    ui.tap("contact.email");
    CHECK(ui.state.keyboard == flow::KeyboardLayer::Email);
    ui.typeOnScreen("cerys.w@example.com");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Check);
    test::sendFromCheck(ui);
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0]["who"] == "me_with_help");
    CHECK(stored[0]["helper_name"] == "Nain");
    CHECK(stored[0]["feeling"] == 5);
    CHECK(stored[0]["contact"] == "email");
    CHECK(stored[0]["email"] == "cerys.w@example.com");
    CHECK(stored[0]["phone"] == "");
}

TEST_CASE("switching language in the middle keeps every answer, and the last language is stored") {
    test::TempDir dir;
    test::UiDriver ui(800, 1280, dir.path());
    test::toStory(ui, Language::Welsh, "kind.feedback");
    ui.typeOnScreen("Mae'r ystafell yn braf");
    ui.tap("chrome.language");
    CHECK(ui.state.language == Language::English);
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "Mae'r ystafell yn braf");
    CHECK(ui.state.answers.who == flow::Who::Me);
    ui.typeOnScreen(" and warm");
    test::storyToCheck(ui);
    ui.tap("chrome.language");
    CHECK(ui.state.language == Language::Welsh);
    ui.tap("chrome.language");
    test::sendFromCheck(ui);
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0]["story"] == "Mae'r ystafell yn braf and warm");
    CHECK(stored[0]["language"] == "en");
}

TEST_CASE("changing an answer from check your answers comes back to check") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::English, "kind.feedback");
    ui.typeOnScreen("late");
    test::storyToCheck(ui);
    ui.tap("check.change.story");
    for (int i = 0; i < 4; ++i)
        ui.tap("key.left");
    ui.typeOnScreen("too ");
    ui.tap("nav.next");
    CHECK(ui.state.screen == Screen::Check);
    ui.tap("check.change.kind");
    ui.tap("kind.compliment");
    CHECK(ui.state.screen == Screen::Check);
    test::sendFromCheck(ui);
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0]["story"] == "too late");
    CHECK(stored[0]["kind"] == "compliment");
}

TEST_CASE("back goes back a screen at a time without losing anything") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::Welsh, "kind.complaint");
    ui.typeOnScreen("helo");
    ui.tap("chrome.back");
    CHECK(ui.state.screen == Screen::Feelings);
    ui.tap("chrome.back");
    CHECK(ui.state.screen == Screen::Topics);
    CHECK(ui.state.answers.has(flow::Topic::TooLong));
    ui.tap("nav.next");
    ui.tap("nav.next");
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "helo");
}

TEST_CASE("a physical keyboard types too, and backspace deletes") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::English, "kind.complaint");
    ui.typePhysical("Hiya ŵ");
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "Hiya ŵ");
    ui.tap("key.erase");
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "Hiya ");
}

// Found by attacking the kiosk with emoji: ImGui's 16-bit characters turned them into U+FFFD,
// which was stored in place of what the child typed.
TEST_CASE("an emoji the kiosk cannot hold is left out, never replaced by another character") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::English, "kind.compliment");
    ui.typePhysical("da iawn \xF0\x9F\x98\x80!");
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "da iawn !");
}

TEST_CASE("tapping in the text moves the cursor there") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::English, "kind.complaint");
    ui.typeOnScreen("abc");
    ui.tap("key.left");
    ui.tap("key.left");
    REQUIRE(ui.state.answers.field(flow::Field::Story).cursor() == 1);
    ui.tap("field.story"); // the middle of the box: to the right of the only line's end
    CHECK(ui.state.answers.field(flow::Field::Story).cursor() == 3);
}

TEST_CASE("a long screen scrolls when dragged, and a drag does not tap what it starts on") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.english");
    ui.tap("kind.complaint");
    ui.tap("who.me");
    ui.tap("nav.next");
    ui.tap("chrome.text_size");
    REQUIRE(ui.state.largeText);
    const auto area = ui.ctx.taps.scrollAreas().find("body");
    REQUIRE(area != ui.ctx.taps.scrollAreas().end());
    REQUIRE(area->second.canScroll);
    const ImVec2 from((area->second.min.x + area->second.max.x) / 2, area->second.max.y - 20);
    ui.drag(from, ImVec2(from.x, area->second.min.y + 20));
    CHECK_FALSE(ui.state.answers.wantsAdvocate); // nothing under the finger was tapped
    CHECK(ui.state.screen == Screen::Help);
    ui.tap("help.want_advocate"); // further down: found by scrolling
    CHECK(ui.state.answers.wantsAdvocate);
}

TEST_CASE("bigger text makes the words and buttons bigger, and the session forgets it") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::Welsh, "kind.compliment");
    const float regular = ui.ctx.unit;
    ui.tap("chrome.text_size");
    CHECK(ui.ctx.unit > regular * 1.2f);
    ui.tap("chrome.hide");
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK_FALSE(ui.state.largeText);
}

TEST_CASE("left alone, the kiosk asks in both languages, then forgets everything and shows welcome") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, language, "kind.complaint");
    ui.typeOnScreen("secret");
    ui.advance(ui.state.timing.quietBeforeAsking);
    CHECK(ui.state.overlay == flow::Overlay::StillThere);
    CHECK(ui.visible("still_there.yes"));
    CHECK_FALSE(ui.visible("nav.next")); // nothing under the question can be tapped
    ui.advance(ui.state.timing.answerWindow - 1s);
    CHECK(ui.state.screen == Screen::Story);
    ui.advance(1s);
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.answers.field(flow::Field::Story).empty());
    CHECK(ui.visible("welcome.cymraeg"));
    CHECK(ui.stored().empty());
}

TEST_CASE("'Yes, I'm here' carries on with every answer") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::Welsh, "kind.complaint");
    ui.typeOnScreen("aros");
    ui.advance(ui.state.timing.quietBeforeAsking + 5s);
    ui.tap("still_there.yes");
    CHECK(ui.state.overlay == flow::Overlay::None);
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "aros");
}

TEST_CASE("start again asks before clearing what was said") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::English, "kind.complaint");
    ui.typeOnScreen("words");
    ui.tap("chrome.start_again");
    CHECK(ui.state.overlay == flow::Overlay::ConfirmStartAgain);
    ui.tap("start_again.no");
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "words");
    ui.tap("chrome.start_again");
    ui.tap("start_again.yes");
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.answers.field(flow::Field::Story).empty());
}

TEST_CASE("quick hide, one tap from any screen, shows welcome with everything gone") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, language, "kind.complaint");
    ui.typeOnScreen("hide this");
    ui.tap("chrome.hide");
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.overlay == flow::Overlay::None);
    CHECK(ui.state.answers.field(flow::Field::Story).empty());
    CHECK_FALSE(ui.state.answers.kind.has_value());
    CHECK(ui.stored().empty());
}

TEST_CASE("'I don't feel safe' shows what to do at once, and what is then sent is marked priority") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, language, "kind.complaint");
    ui.tap("chrome.not_safe");
    CHECK(ui.state.overlay == flow::Overlay::NotSafe);
    CHECK(ui.visible("not_safe.back"));
    ui.tap("not_safe.back");
    CHECK(ui.state.screen == Screen::Story);
    ui.typeOnScreen("help");
    test::storyToCheck(ui);
    test::sendFromCheck(ui);
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0]["priority"] == true);
    CHECK(stored[0]["story"] == "help");
}

TEST_CASE("'I don't feel safe' is on welcome too, before any language is chosen") {
    test::TempDir dir;
    test::UiDriver ui(800, 1280, dir.path());
    ui.tap("chrome.not_safe");
    CHECK(ui.state.overlay == flow::Overlay::NotSafe);
    ui.tap("not_safe.back");
    CHECK(ui.state.screen == Screen::Welcome);
}

TEST_CASE("when storing fails the child is told gently, keeps every answer, and can send again") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.settle(); // the kiosk's start check has made its database; now it goes wrong after the start
    for (const char* file : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / file);
    // A folder where the database should be: the store cannot open.
    std::filesystem::create_directory(dir / "kiosk.db");
    test::toStory(ui, Language::Welsh, "kind.feedback");
    ui.typeOnScreen("pwysig");
    test::storyToCheck(ui);
    ui.tap("check.send");
    ui.settle();
    CHECK(ui.state.screen == Screen::Check);
    CHECK(ui.state.saveFailed);
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "pwysig");
    std::filesystem::remove(dir / "kiosk.db");
    test::sendFromCheck(ui);
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0]["story"] == "pwysig");
}

// Found by attacking bad set-ups: with a folder where the database should be, a child went through
// every screen and was told "Sorry" only at the end.
TEST_CASE("a kiosk that cannot store shows a calm note on welcome, in both languages, and no way in") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "kiosk.db"); // before the kiosk starts: it cannot store
    test::UiDriver ui(1280, 800, dir.path());
    ui.settle();
    CHECK(ui.state.cannotStore == flow::CannotStore::Unwritable);
    CHECK_FALSE(ui.visible("welcome.cymraeg"));
    CHECK_FALSE(ui.visible("welcome.english"));
    CHECK(ui.visible("chrome.not_safe"));
    ui.tap("chrome.not_safe");
    CHECK(ui.state.overlay == flow::Overlay::NotSafe);
}
