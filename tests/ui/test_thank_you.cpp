// What Thank you promises and tells a child, read from the texts the real screen shows.
#include <test_support/temp_dir.hpp>
#include "journeys.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::i18n::literals;
using flow::Kind;
using flow::Language;
using flow::Screen;
using test::shows;

namespace {

// A child on their own says a few words and asks to be answered by email, or not at all, then sends.
void sendAs(test::UiDriver& ui, Language language, const char* kind, bool byEmail) {
    test::toStory(ui, language, kind);
    ui.typeOnScreen("words");
    test::storyToCheck(ui, byEmail ? "cerys.w@example.com" : "");
    test::sendFromCheck(ui);
}

// "We will usually get in touch by {date}." up to the date, as the screen shows it whatever the day.
std::string_view promiseOfADay(const test::UiDriver& ui) {
    const std::string_view promise = ui.ctx.tr("thanks.contact_by"_key);
    return promise.substr(0, promise.find("{date}"));
}

} // namespace

TEST_CASE("a complaint sent with \"don't contact me\" still says what happens next, and no timescale") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const auto size = GENERATE(ImVec2(1280, 800), ImVec2(800, 1280));
    INFO((language == Language::Welsh ? "cy " : "en ") << size.x << "x" << size.y);
    test::TempDir dir;
    test::UiDriver ui(size.x, size.y, dir.path());
    sendAs(ui, language, "kind.complaint", false);
    const std::string shown = ui.shownText();
    INFO("shown: " << shown);
    CHECK(shows(shown, ui.ctx.tr("thanks.no_contact"_key)));
    CHECK(shows(shown, ui.ctx.tr("thanks.next_title"_key)));
    CHECK(shows(shown, ui.ctx.tr("thanks.next.no_contact"_key)));
    // The timescales are about getting back to the child, which nobody can.
    CHECK_FALSE(shows(shown, ui.ctx.tr("thanks.next.officer"_key)));
    CHECK_FALSE(shows(shown, promiseOfADay(ui)));
}

TEST_CASE("only a complaint is promised a day, though a compliment or feedback may be answered too") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const auto kind = GENERATE(as<std::string>{}, "kind.complaint", "kind.compliment", "kind.feedback");
    INFO((language == Language::Welsh ? "cy " : "en ") << kind);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    sendAs(ui, language, kind.c_str(), true);
    const bool complaint = kind == "kind.complaint";
    CHECK(ui.state.contactBy.has_value() == complaint);
    const std::string shown = ui.shownText();
    CHECK(shows(shown, promiseOfADay(ui)) == complaint);
    // The guides acknowledge a child's complaint within one working day; nothing there says so of the rest.
    CHECK(shows(shown, ui.ctx.tr("thanks.next.acknowledge"_key)) == complaint);
}

TEST_CASE("where Thank you speaks of working days, it says what a working day is") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const bool cy = language == Language::Welsh;
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    sendAs(ui, language, "kind.complaint", true);
    const std::string shown = ui.shownText();
    REQUIRE(shows(shown, cy ? "diwrnod gwaith" : "working day"));
    CHECK(shows(shown, cy ? "dydd Llun i ddydd Gwener, ond nid gwyliau banc" : "Monday to Friday, not bank holidays"));
}

TEST_CASE("a child who chose not to meet is not told the answer counts from meeting them") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const bool meets = GENERATE(true, false);
    INFO((language == Language::Welsh ? "cy " : "en ") << (meets ? "meets" : "does not meet"));
    test::TempDir dir;
    test::UiDriver ui(1920, 1080, dir.path());
    test::toStory(ui, language);
    ui.typeOnScreen("words");
    ui.tap("nav.next");
    ui.tap("nav.next"); // put right: optional
    ui.tap("contact.email");
    ui.typeOnScreen("cerys.w@example.com");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Meeting);
    ui.tap(meets ? "meeting.video" : "meeting.not_to_meet");
    ui.tap("nav.next");
    ui.tap("sharing.yes");
    ui.tap("nav.next");
    test::sendFromCheck(ui);
    const std::string shown = ui.shownText();
    INFO("shown: " << shown);
    CHECK(shows(shown, ui.ctx.tr("thanks.next.answer"_key)) == meets);
    CHECK(shows(shown, ui.ctx.tr("thanks.next.answer.no_meeting"_key)) == !meets);
}
