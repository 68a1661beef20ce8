#include <test_support/temp_dir.hpp>
#include "journeys.hpp"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <utility>

// Hide and "I don't feel safe" at every moment, any touch as activity, nothing of a child's under
// "Are you still there?", and Thank you saying that it goes back by itself.

using namespace kiosk;
using namespace std::chrono_literals;
using flow::Language;
using flow::Overlay;
using flow::Screen;

namespace {

// The visible letters of every text in the last frame's draw lists (or of those that start inside a
// widget), in the order drawn, read back from the font atlas: each glyph's quad starts at its own
// corner of the atlas. Spaces draw nothing, and letters beyond ASCII read as '?'.
std::string drawnLetters(std::optional<ui::TapTarget> within = std::nullopt) {
    std::map<std::pair<float, float>, unsigned> glyphAt;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible)
                glyphAt[{g.U0, g.V0}] = g.Codepoint;
    std::string out;
    const ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data != nullptr);
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer)
            if (const auto it = glyphAt.find({v.uv.x, v.uv.y}); it != glyphAt.end()) {
                const bool inside = !within || (v.pos.x >= within->min.x && v.pos.x < within->max.x &&
                                                v.pos.y >= within->min.y && v.pos.y < within->max.y);
                if (inside)
                    out += it->second < 128 ? static_cast<char>(it->second) : '?';
            }
    return out;
}

bool samePlace(const ui::TapTarget& a, const ui::TapTarget& b) {
    return a.min.x == b.min.x && a.min.y == b.min.y && a.max.x == b.max.x && a.max.y == b.max.y;
}

// Where a button was on the page is all still inside it: a finger that knows the place finds it.
bool covers(const ui::TapTarget& now, const ui::TapTarget& was) {
    return now.min.x <= was.min.x && now.min.y <= was.min.y && now.max.x >= was.max.x && now.max.y >= was.max.y;
}

struct Size {
    float w, h;
};

// Taps "I don't feel safe" over what a child typed ("zebracrossing"): no part of it may be drawn
// under the panel. Returns the letters the panel drew.
std::string safetyPanelHidesWords(test::UiDriver& ui) {
    ui.tap("chrome.not_safe");
    REQUIRE(ui.state.overlay == Overlay::NotSafe);
    ui.frame();
    const std::string drawn = drawnLetters();
    CHECK(drawn.find("zebra") == std::string::npos);
    CHECK(drawn.find("crossing") == std::string::npos);
    return drawn;
}

// A child on the story screen of a fresh kiosk of this size.
struct OnStory {
    test::TempDir dir;
    test::UiDriver ui;
    OnStory(Size size, Language language) : ui(size.w, size.h, dir.path()) { test::toStory(ui, language); }
};

} // namespace

TEST_CASE("hide and 'I don't feel safe' stay where they are over 'Start again?' and 'Are you still there?', and work",
          "[always]") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const auto size = GENERATE(Size{1280, 800}, Size{800, 1280});
    OnStory child(size, language);
    test::UiDriver& ui = child.ui;
    ui.typeOnScreen("secret");
    const auto hide = ui.ctx.taps.find("chrome.hide");
    const auto notSafe = ui.ctx.taps.find("chrome.not_safe");
    REQUIRE(hide);
    REQUIRE(notSafe);

    ui.tap("chrome.start_again");
    REQUIRE(ui.state.overlay == Overlay::ConfirmStartAgain);
    REQUIRE(ui.visible("chrome.hide"));
    REQUIRE(ui.visible("chrome.not_safe"));
    CHECK(samePlace(*ui.ctx.taps.find("chrome.hide"), *hide));
    CHECK(samePlace(*ui.ctx.taps.find("chrome.not_safe"), *notSafe));
    ui.tap("chrome.not_safe");
    CHECK(ui.state.overlay == Overlay::NotSafe);
    CHECK(ui.state.priority);
    ui.tap("not_safe.back");
    CHECK(ui.state.overlay == Overlay::None);
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "secret");

    ui.advance(ui.state.timing.quietBeforeAsking);
    REQUIRE(ui.state.overlay == Overlay::StillThere);
    REQUIRE(ui.visible("chrome.hide"));
    // In both languages there, so wider; still over where they were, and held to the same edges.
    CHECK(covers(*ui.ctx.taps.find("chrome.hide"), *hide));
    CHECK(covers(*ui.ctx.taps.find("chrome.not_safe"), *notSafe));
    CHECK(ui.ctx.taps.find("chrome.hide")->max.x == hide->max.x);
    CHECK(ui.ctx.taps.find("chrome.not_safe")->min.x == notSafe->min.x);
    CHECK(ui.ctx.taps.find("chrome.not_safe")->max.y == notSafe->max.y);
    ui.tap("chrome.hide");
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.overlay == Overlay::None);
    CHECK(ui.state.answers.field(flow::Field::Story).empty());
}

TEST_CASE("'I don't feel safe' works over 'Are you still there?' on welcome too", "[always]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("chrome.not_safe");
    ui.tap("not_safe.back"); // pressed once: the session has begun, so its clock runs
    const auto notSafe = ui.ctx.taps.find("chrome.not_safe");
    REQUIRE(notSafe);
    ui.advance(ui.state.timing.quietBeforeAsking);
    REQUIRE(ui.state.overlay == Overlay::StillThere);
    REQUIRE(ui.visible("chrome.not_safe"));
    CHECK(samePlace(*ui.ctx.taps.find("chrome.not_safe"), *notSafe));
    ui.tap("chrome.not_safe");
    CHECK(ui.state.overlay == Overlay::NotSafe);
}

TEST_CASE("a drag on a long page counts as activity and puts off 'Are you still there?'", "[always]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap("welcome.english");
    ui.tap("kind.complaint");
    ui.tap("who.me");
    ui.tap("nav.next");
    ui.tap("chrome.text_size");
    REQUIRE(ui.state.screen == Screen::Help);
    const auto quiet = ui.state.timing.quietBeforeAsking;
    ui.advance(quiet - 10s);
    const auto area = ui.ctx.taps.scrollAreas().find("body");
    REQUIRE(area != ui.ctx.taps.scrollAreas().end());
    REQUIRE(area->second.canScroll);
    const ImVec2 from((area->second.min.x + area->second.max.x) / 2, area->second.max.y - 20);
    ui.drag(from, ImVec2(from.x, area->second.min.y + 20)); // reading on, no button tapped
    ui.advance(10s);
    CHECK(ui.state.overlay == Overlay::None);
    ui.advance(quiet - 11s);
    CHECK(ui.state.overlay == Overlay::None);
    ui.advance(1s);
    CHECK(ui.state.overlay == Overlay::StillThere);
}

TEST_CASE("a touch between buttons counts as activity", "[always]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::Welsh);
    const auto quiet = ui.state.timing.quietBeforeAsking;
    ui.advance(quiet - 10s);
    const auto title = ui.ctx.taps.find("chrome.back");
    REQUIRE(title);
    ui.press(ImVec2(ui.ctx.em(12), title->max.y + ui.ctx.em(0.2f))); // beside the back button, on nothing
    ui.release();
    CHECK(ui.state.screen == Screen::Story); // nothing was tapped
    ui.advance(10s);
    CHECK(ui.state.overlay == Overlay::None);
}

TEST_CASE("nothing a child typed shows under 'Are you still there?'", "[always]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::English);
    ui.typeOnScreen("zebracrossing");
    ui.frame();
    REQUIRE(drawnLetters().find("zebracrossing") != std::string::npos); // the reading works
    ui.advance(ui.state.timing.quietBeforeAsking);
    REQUIRE(ui.state.overlay == Overlay::StillThere);
    const std::string drawn = drawnLetters();
    CHECK(drawn.find("zebra") == std::string::npos);
    CHECK(drawn.find("crossing") == std::string::npos);
    CHECK(drawn.find("Areyoustillthere?") != std::string::npos); // the question itself is drawn
}

TEST_CASE("nothing a child typed shows under the safety panel tapped over 'Are you still there?'", "[always]") {
    const auto size = GENERATE(Size{1280, 800}, Size{800, 1280});
    OnStory child(size, Language::English);
    test::UiDriver& ui = child.ui;
    ui.typeOnScreen("zebracrossing");
    ui.advance(ui.state.timing.quietBeforeAsking);
    REQUIRE(ui.state.overlay == Overlay::StillThere);
    const std::string drawn = safetyPanelHidesWords(ui);
    // What to do now, in both languages, as the question was asked: whoever tapped may read either.
    CHECK(drawn.find("Ifyoudon'tfeelsafe") != std::string::npos);
    CHECK(drawn.find("Osnadwytti'nteimlo'nddiogel") != std::string::npos);

    ui.tap("not_safe.back"); // back to where they were: the page and its words again
    REQUIRE(ui.state.overlay == Overlay::None);
    ui.frame();
    CHECK(drawnLetters().find("zebracrossing") != std::string::npos);
}

TEST_CASE("nothing a child typed shows under the safety panel tapped on any page", "[always]") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const auto size = GENERATE(Size{1280, 800}, Size{800, 1280});
    OnStory child(size, language);
    test::UiDriver& ui = child.ui;
    ui.typeOnScreen("zebracrossing");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::PutRight);
    ui.tap("chrome.back"); // the words on screen again, in their box
    REQUIRE(drawnLetters().find("zebracrossing") != std::string::npos);
    const std::string drawn = safetyPanelHidesWords(ui);
    // In the child's own language only: they chose it.
    const bool cy = language == Language::Welsh;
    CHECK((drawn.find("Osnadwytti'nteimlo'nddiogel") != std::string::npos) == cy);
    CHECK((drawn.find("Ifyoudon'tfeelsafe") != std::string::npos) == !cy);

    ui.tap("not_safe.back");
    ui.frame();
    CHECK(drawnLetters().find("zebracrossing") != std::string::npos);
}

TEST_CASE("hide and 'I don't feel safe' over 'Are you still there?' are in both languages, Welsh first",
          "[always]") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const auto size = GENERATE(Size{1280, 800}, Size{800, 1280});
    const bool larger = GENERATE(false, true);
    OnStory child(size, language);
    test::UiDriver& ui = child.ui;
    if (larger)
        ui.tap("chrome.text_size");
    ui.advance(ui.state.timing.quietBeforeAsking);
    REQUIRE(ui.state.overlay == Overlay::StillThere);
    const auto hide = ui.ctx.taps.find("chrome.hide");
    const auto notSafe = ui.ctx.taps.find("chrome.not_safe");
    REQUIRE(hide);
    REQUIRE(notSafe);
    CHECK(drawnLetters(hide) == "Cuddio?Hide"); // the middle dot is beyond ASCII
    const std::string notSafeLetters = drawnLetters(notSafe); // on one line, or on two where it is narrow
    CHECK(notSafeLetters.find("Dwiddimynteimlo'nddiogel") == 0);
    CHECK(notSafeLetters.find("Idon'tfeelsafe") != std::string::npos);
    // Each is whole on the screen.
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    for (const auto& t : {*hide, *notSafe}) {
        CHECK(t.min.x >= 0);
        CHECK(t.max.x <= screen.x);
        CHECK(t.min.y >= 0);
        CHECK(t.max.y <= screen.y);
    }

    ui.tap("still_there.yes"); // on the page again, in the child's own language only
    REQUIRE(ui.state.overlay == Overlay::None);
    ui.frame();
    const auto pageHide = ui.ctx.taps.find("chrome.hide");
    REQUIRE(pageHide);
    CHECK(drawnLetters(pageHide) == (language == Language::Welsh ? "Cuddio" : "Hide"));
}

TEST_CASE("thank you says it goes back to the start by itself, and does after a minute", "[always]") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, language);
    ui.typeOnScreen("thanks");
    ui.tap("nav.next");
    ui.tap("nav.next");
    ui.tap("contact.none");
    ui.tap("nav.next");
    ui.tap("sharing.yes");
    ui.tap("nav.next");
    test::sendFromCheck(ui);
    CHECK(drawnLetters().find(language == Language::Welsh ? "areipheneihun" : "byitselfafteraminute") !=
          std::string::npos);
    ui.advance(ui.state.timing.thankYouStays);
    CHECK(ui.state.screen == Screen::Welcome);
    CHECK(ui.state.reference.empty());
}

TEST_CASE("'I don't want to meet them' can be chosen, and is stored as such", "[always]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    test::toStory(ui, Language::Welsh);
    ui.typeOnScreen("dim cyfarfod");
    ui.tap("nav.next");
    ui.tap("nav.next");
    ui.tap("contact.phone");
    ui.typeOnScreen("07700900123");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Meeting);
    ui.tap("meeting.not_to_meet");
    ui.tap("nav.next");
    ui.tap("sharing.yes");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Check);
    test::sendFromCheck(ui);
    const auto stored = ui.stored();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0]["meeting"] == "not_to_meet");
}
