#include <app/tour_stops.hpp>
#include <test_support/temp_dir.hpp>
#include "driver.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>

using namespace kiosk;

namespace {

// A tour stop reached afresh, as a child arriving at it would see it: the page at its top.
void visit(test::UiDriver& ui, std::string_view name, flow::Language language) {
    for (const auto& stop : app::tourStops()) {
        if (stop.name != name)
            continue;
        test::freshVisit(ui, language);
        ui.ctx.scrolledPage = {};
        stop.reach(ui.state);
        ui.catchUp();
        ui.frame();
        ui.frame();
        ui.frame();
        return;
    }
    FAIL("no tour stop " << name);
}

const ui::ScrollArea& body(const test::UiDriver& ui) {
    const auto it = ui.ctx.taps.scrollAreas().find("body");
    REQUIRE(it != ui.ctx.taps.scrollAreas().end());
    return it->second;
}

bool wholeOnScreen(const test::UiDriver& ui, std::string_view key) {
    const auto t = ui.ctx.taps.find(key);
    return t && !t->clipped;
}

// Drags the body up by `by`, from `above` its bottom edge, at `fromLeft` across it (its middle if not given).
void dragUp(test::UiDriver& ui, float by, float above = 10, std::optional<float> fromLeft = std::nullopt) {
    const auto& area = body(ui);
    const float x = fromLeft ? area.min.x + *fromLeft : (area.min.x + area.max.x) / 2;
    ui.drag(ImVec2(x, area.max.y - above), ImVec2(x, area.max.y - above - by));
}

// Drags the body up a step, as a finger reading on would.
void readOn(test::UiDriver& ui) {
    const auto& area = body(ui);
    const float x = (area.min.x + area.max.x) / 2;
    const float mid = (area.min.y + area.max.y) / 2;
    const float reach = (area.max.y - area.min.y) * 0.3f;
    ui.drag(ImVec2(x, mid + reach), ImVec2(x, mid - reach));
}

} // namespace

TEST_CASE("at 1280 by 800 the young person's agreement and the advocate tick show, or More below does",
          "[page]") {
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    for (const auto& [stop, key] : {std::pair{"who-on-behalf", "who.agreed"}, std::pair{"help", "help.want_advocate"}}) {
        INFO(stop);
        visit(ui, stop, language);
        CHECK((wholeOnScreen(ui, key) || body(ui).moreBelow));
        if (!ui.state.focus && !wholeOnScreen(ui, key)) {
            // Without the keyboard up, More below is a button that scrolls on to it.
            for (int i = 0; i < 10 && !wholeOnScreen(ui, key); ++i)
                ui.tap("page.more_below");
            CHECK(wholeOnScreen(ui, key));
        }
    }
}

TEST_CASE("More below shows exactly while some of the page is below the screen's edge", "[page]") {
    struct Size {
        float w, h;
    };
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    int long_pages = 0;
    for (const auto& stop : app::tourStops()) {
        const std::string name = stop.name;
        if (name.starts_with("staff") || name.starts_with("welcome") || name == "sending" || name == "still-there" ||
            name == "start-again" || name.starts_with("not-safe"))
            continue;
        INFO(name << " at " << size.w << "x" << size.h);
        visit(ui, name, flow::Language::Welsh);
        // ImGui's own measure of the region: at the top of the page anything to scroll is below,
        // but a box given the keyboard may have scrolled the page on to it.
        CHECK(body(ui).moreBelow == body(ui).goesOnBelow);
        if (!ui.state.focus)
            CHECK(body(ui).goesOnBelow == body(ui).canScroll);
        // A button under the body, or over its bottom edge while the keyboard is up, where it shows
        // there (its words give way where the box being typed in needs the room): tappable either way.
        if (!ui.state.focus)
            CHECK(ui.visible("page.more_below") == body(ui).goesOnBelow);
        else
            CHECK(ui.visible("page.more_below") == ui.ctx.taps.findShown("page.more_below").has_value());
        if (!body(ui).canScroll)
            continue;
        ++long_pages;
        for (int i = 0; i < 30 && body(ui).moreBelow; ++i)
            readOn(ui);
        CHECK_FALSE(body(ui).moreBelow);
        CHECK_FALSE(ui.visible("page.more_below"));
        readOn(ui); // read on past the end: still nothing below
        CHECK_FALSE(body(ui).moreBelow);
    }
    CHECK(long_pages > 0);
}

TEST_CASE("Send cannot be pressed before the end of the answers has been on screen", "[page]") {
    struct Size {
        float w, h;
    };
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    visit(ui, "check", language);
    REQUIRE(ui.state.screen == flow::Screen::Check);
    // The last part of a complaint's answers: sharing with a parent or carer.
    bool endSeen = wholeOnScreen(ui, "check.change.sharing");
    for (int i = 0; i < 20 && !ui.visible("check.send"); ++i) {
        INFO("tap " << i);
        REQUIRE(ui.visible("check.see_rest"));
        ui.tap("check.see_rest");
        REQUIRE(ui.state.screen == flow::Screen::Check);
        endSeen = endSeen || wholeOnScreen(ui, "check.change.sharing");
    }
    REQUIRE(ui.visible("check.send"));
    CHECK(endSeen);
    ui.tap("check.send");
    CHECK(ui.state.screen != flow::Screen::Check);
}

TEST_CASE("with the keyboard up, a finger can still drag the page away from the box being typed in", "[page]") {
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    visit(ui, "contact-phone", language);
    // The phone box, near the top, has the keyboard; the other choices and the name box are below.
    REQUIRE(ui.state.focus == flow::Field::Phone);
    REQUIRE(body(ui).canScroll);
    const auto boxBefore = ui.ctx.taps.find("field.phone");
    REQUIRE(boxBefore);
    // Drag the page up in short strokes, towards the name box, as a finger reading on would: each
    // frame moves it by an odd number of pixels, as a real finger does.
    for (int i = 0; i < 3; ++i) {
        dragUp(ui, 8 * 17);
    }
    for (int i = 0; i < 10; ++i)
        ui.frame();
    // The page stayed where the finger left it: the phone box went up off the screen, the name box is in view.
    CHECK_FALSE(ui.ctx.taps.find("field.phone").has_value());
    CHECK(ui.ctx.taps.find("field.name").has_value());
    CHECK(ui.state.focus == flow::Field::Phone);
}

TEST_CASE("a run of quick taps where Next and See the rest were never sends, nor skips Thank you", "[page]") {
    struct Size {
        float w, h;
    };
    const auto size = GENERATE(Size{1280, 800}, Size{800, 1280});
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    // The last question before Check, answered: Next is where a finger taps on.
    visit(ui, "sharing", language);
    REQUIRE(ui.visible("nav.next"));
    const ImVec2 spot = ui.ctx.taps.find("nav.next")->centre();
    for (int i = 0; i < 15; ++i) {
        ui.press(spot);
        ui.release();
    }
    // Next took the child to Check; every tap after it only scrolled the answers on.
    CHECK(ui.state.screen == flow::Screen::Check);
    CHECK(ui.state.job == 0);
    // Send, under the answers, sends; a quick second tap where it was lands on Thank you's words,
    // not on Finish, so the child still sees their code.
    ui.bringIntoView("check.send");
    REQUIRE(ui.visible("check.send"));
    const ImVec2 sendSpot = ui.ctx.taps.find("check.send")->centre();
    ui.tap("check.send");
    ui.settle();
    REQUIRE(ui.state.screen == flow::Screen::ThankYou);
    ui.press(sendSpot);
    ui.release();
    CHECK(ui.state.screen == flow::Screen::ThankYou);
}

TEST_CASE("typing into a box that a finger dragged out of view brings it back", "[page]") {
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    visit(ui, "contact-phone", language);
    REQUIRE(ui.state.focus == flow::Field::Phone);
    for (int i = 0; i < 3; ++i) {
        dragUp(ui, body(ui).max.y - body(ui).min.y - 20);
    }
    REQUIRE_FALSE(ui.ctx.taps.find("field.phone").has_value());
    ui.typeOnScreen("1");
    ui.frame();
    ui.frame();
    CHECK(wholeOnScreen(ui, "field.phone"));
}

namespace {

struct Size {
    float w, h;
};

// The top of the keyboard's keys: what is kept in view must end above it.
float keyboardTop(const test::UiDriver& ui) {
    float top = 1e9f;
    for (const auto& [key, t] : ui.ctx.taps.all())
        if (key.starts_with("key."))
            top = std::min(top, t.min.y);
    return top;
}

// Whole on screen, above the keyboard, and not under "More below" where it shows over the keys.
void checkKeptInView(const test::UiDriver& ui, std::string_view key, std::optional<ui::TapTarget> shown) {
    INFO(key);
    REQUIRE(shown);
    CHECK_FALSE(shown->clipped);
    CHECK(shown->max.y <= keyboardTop(ui));
    if (const auto pill = ui.ctx.taps.findShown("page.more_below"))
        CHECK(shown->max.y <= pill->min.y);
}

std::map<std::string, ImVec2> keySizes(const test::UiDriver& ui) {
    std::map<std::string, ImVec2> sizes;
    for (const auto& [key, t] : ui.ctx.taps.all())
        if (key.starts_with("key."))
            sizes[key] = t.size();
    return sizes;
}

} // namespace

TEST_CASE("on the adult's Who screen their answer and the name box being typed in both show above the keyboard",
          "[page][keyboard]") {
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    const bool larger = GENERATE(false, true);
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    // With the demo banner, as a fresh demo kiosk shows it, and without, as a centre's kiosk does.
    const bool demo = GENERATE(true, false);
    ui.ctx.demo = demo;
    INFO(size.w << "x" << size.h << (larger ? " bigger text" : "") << (demo ? " demo" : "") << " "
                << (language == flow::Language::Welsh ? "cy" : "en"));
    visit(ui, "who-on-behalf-name", language);
    if (larger)
        ui.tap("chrome.text_size");
    ui.typeOnScreen("Siân");
    ui.frame();
    ui.frame();
    REQUIRE(ui.state.largeText == larger);
    REQUIRE(ui.state.focus == flow::Field::AdultName);
    checkKeptInView(ui, "who.on_behalf", ui.ctx.taps.find("who.on_behalf"));
    checkKeptInView(ui, "field.adult_name", ui.ctx.taps.find("field.adult_name"));
}

TEST_CASE("on Contact the box, its warning and the way chosen show above the keyboard and More below, with bigger "
          "text too",
          "[page][keyboard]") {
    struct Box {
        const char* stop;
        const char* typed; // typed in place of the stop's number, to make the warning show
        const char* way;
        const char* field;
        const char* warning;
    };
    const auto box = GENERATE(Box{"contact-email", "", "contact.email", "field.email", "contact.email.check"},
                              Box{"contact-phone", "0770", "contact.phone", "field.phone", "contact.phone.check"},
                              Box{"on-behalf-contact-email", "", "contact.email", "field.email", "contact.email.check"},
                              Box{"on-behalf-contact-phone", "", "contact.phone", "field.phone", "contact.phone.check"});
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    const bool larger = GENERATE(false, true);
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    // With the demo banner, as a fresh demo kiosk shows it, and without, as a centre's kiosk does.
    const bool demo = GENERATE(true, false);
    ui.ctx.demo = demo;
    INFO(box.stop << " at " << size.w << "x" << size.h << (larger ? " bigger text" : "") << (demo ? " demo" : "")
                  << " " << (language == flow::Language::Welsh ? "cy" : "en"));
    visit(ui, box.stop, language);
    if (larger)
        ui.tap("chrome.text_size");
    if (*box.typed != 0) {
        for (int i = 0; i < 20 && !ui.state.answers.field(*ui.state.focus).text().empty(); ++i)
            ui.tap("key.erase");
        ui.typeOnScreen(box.typed);
    }
    ui.frame();
    ui.frame();
    REQUIRE(ui.state.largeText == larger);
    REQUIRE(ui.state.focus);
    checkKeptInView(ui, box.field, ui.ctx.taps.find(box.field));
    checkKeptInView(ui, box.warning, ui.ctx.taps.findShown(box.warning));
    // The way chosen above them too, but with bigger text on a landscape screen the room between the
    // bars and the keys holds only the box and its warning.
    if (!larger || size.h > size.w)
        checkKeptInView(ui, box.way, ui.ctx.taps.find(box.way));
}

TEST_CASE("bigger text never makes the keyboard's keys smaller: the page gives up the room", "[page][keyboard]") {
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    for (const char* stop : {"who-on-behalf-name", "story", "story-numbers", "contact-phone", "contact-email"}) {
        INFO(stop << " at " << size.w << "x" << size.h);
        visit(ui, stop, flow::Language::Welsh);
        REQUIRE(ui.state.focus);
        const auto regular = keySizes(ui);
        REQUIRE(regular.size() > 10);
        ui.tap("chrome.text_size");
        REQUIRE(ui.state.largeText);
        const auto bigger = keySizes(ui);
        REQUIRE(bigger.size() == regular.size());
        for (const auto& [key, r] : regular) {
            INFO(key << ": " << r.x << "x" << r.y << " then " << bigger.at(key).x << "x" << bigger.at(key).y);
            // Where the room is short they stay the same size: a thousandth of a pixel is the float's
            // rounding of the same size measured at another height.
            CHECK(bigger.at(key).x >= r.x - 0.001f);
            CHECK(bigger.at(key).y >= r.y - 0.001f);
        }
    }
}

TEST_CASE("a page dragged with the keyboard up stays where the finger left it, however far each frame moved it",
          "[page][keyboard]") {
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    visit(ui, "contact-phone", language);
    REQUIRE(ui.state.focus == flow::Field::Phone);
    // A finger moves by fractions of a pixel a frame: here strokes of 8 frames of 20.375 px, so that the scroll
    // lands between whole pixels, where the positions drawn round against it.
    for (int i = 0; i < 2; ++i) {
        dragUp(ui, 163);
    }
    // Where the finger left it: the phone box up out of view, not brought back.
    CHECK_FALSE(ui.ctx.taps.find("field.phone").has_value());
    const auto left = ui.ctx.taps.find("contact.none");
    REQUIRE(left);
    // Nothing typed, nothing touched: many frames later the page is still where it was left.
    for (int i = 0; i < 30; ++i)
        ui.frame();
    CHECK_FALSE(ui.ctx.taps.find("field.phone").has_value());
    const auto now = ui.ctx.taps.find("contact.none");
    REQUIRE(now);
    CHECK(now->min.y == left->min.y);
}

TEST_CASE("with the keyboard up, a tap on More below scrolls the page on and never reaches what is under it",
          "[page][keyboard]") {
    struct Case {
        Size size;
        flow::Language language;
    };
    const auto c = GENERATE(Case{{1280, 800}, flow::Language::English}, Case{{1920, 1080}, flow::Language::Welsh},
                            Case{{1280, 800}, flow::Language::Welsh}, Case{{800, 1280}, flow::Language::English});
    const bool demo = GENERATE(true, false);
    test::TempDir dir;
    test::UiDriver ui(c.size.w, c.size.h, dir.path());
    ui.ctx.demo = demo;
    INFO(c.size.w << "x" << c.size.h << (demo ? " demo" : ""));
    visit(ui, "who-on-behalf-name", c.language);
    ui.typeOnScreen("Sam jones");
    ui.frame();
    ui.frame();
    REQUIRE(ui.state.focus == flow::Field::AdultName);
    if (!body(ui).moreBelow)
        return; // all of it above the keys: no More below to tap
    // A finger drags the page on a little at a time until the young person's agreement runs under
    // More below, drawn over the page's bottom edge, as the reviewer found it.
    const auto under = [&] {
        const auto pill = ui.ctx.taps.findShown("page.more_below");
        const auto agreed = ui.ctx.taps.find("who.agreed");
        // Its top above the pill's middle, and it runs on under the pill (where it is cut, as the pill covers it).
        return pill && agreed && agreed->min.y < pill->centre().y &&
               (pill->centre().y < agreed->max.y || (agreed->clipped && agreed->max.y > pill->min.y - ui.ctx.em(0.5f)));
    };
    for (int i = 0; i < 30 && !under(); ++i) {
        dragUp(ui, ui.ctx.em(1), 60, 20);
    }
    REQUIRE(under());
    const auto pill = ui.ctx.taps.findShown("page.more_below");
    const auto agreedBefore = ui.ctx.taps.find("who.agreed");
    // And a button there.
    CHECK(ui.visible("page.more_below"));
    ui.press(pill->centre());
    ui.release();
    CHECK_FALSE(ui.state.answers.youngPersonAgreed);
    CHECK(ui.state.focus == flow::Field::AdultName);
    // The page moved on: the agreement went up, clear of the pill.
    const auto agreedAfter = ui.ctx.taps.find("who.agreed");
    REQUIRE(agreedAfter);
    CHECK(agreedAfter->min.y < agreedBefore->min.y);
}

TEST_CASE("each tap on See the rest scrolls Check on a real distance, or it is gone", "[page]") {
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    const auto stop = GENERATE("check", "on-behalf-check");
    const bool larger = GENERATE(false, true);
    const auto language = GENERATE(flow::Language::Welsh, flow::Language::English);
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    INFO(stop << " at " << size.w << "x" << size.h << (larger ? " bigger text" : "")
              << (language == flow::Language::Welsh ? " cy" : " en"));
    visit(ui, stop, language);
    if (larger)
        ui.tap("chrome.text_size");
    REQUIRE(ui.state.screen == flow::Screen::Check);
    int taps = 0;
    for (; taps < 12 && ui.visible("check.see_rest"); ++taps) {
        const float before = body(ui).scrollY;
        // Where the forward button is, as a finger taps it.
        ui.press(ui.ctx.taps.find("check.see_rest")->centre());
        ui.release();
        INFO("tap " << taps << " from " << before << " to " << body(ui).scrollY);
        // Still there only where the page moved a line or more and can still scroll on.
        if (ui.visible("check.see_rest")) {
            CHECK(body(ui).scrollY - before >= ui.ctx.em(1));
            CHECK(body(ui).goesOnBelow);
        }
    }
    CHECK_FALSE(ui.visible("check.see_rest"));
    CHECK(taps < 12);
    CHECK_FALSE(body(ui).moreBelow);
}

TEST_CASE("a tap on the top edge of a scrolled page never reaches a control cut there", "[page]") {
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    const auto stop = GENERATE("check", "on-behalf-check", "who-on-behalf");
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    INFO(stop << " at " << size.w << "x" << size.h);
    visit(ui, stop, flow::Language::English);
    if (!body(ui).canScroll)
        return; // all of it on screen: nothing is cut at its top
    const auto screen = ui.state.screen;
    // A control of the page cut by the body's top edge.
    const auto cutAtTop = [&]() -> std::optional<ui::TapTarget> {
        for (const auto& [key, t] : ui.ctx.taps.all())
            if (t.clipped && t.min.y < body(ui).min.y + ui.ctx.em(0.5f) && t.max.y > body(ui).min.y + ui.ctx.em(0.5f))
                return t;
        return std::nullopt;
    };
    int tried = 0;
    // Drag the page on a little at a time, as a finger reading would, and tap the top edge wherever a
    // control is cut there.
    for (int i = 0; i < 60 && body(ui).moreBelow; ++i) {
        dragUp(ui, ui.ctx.em(1.2f), 20, 10);
        const auto cut = cutAtTop();
        if (!cut)
            continue;
        ++tried;
        const auto who = ui.state.answers.who;
        const bool advocate = ui.state.answers.wantsAdvocate;
        const bool agreed = ui.state.answers.youngPersonAgreed;
        const auto focus = ui.state.focus;
        ui.press(ImVec2(cut->centre().x, body(ui).min.y + 2));
        ui.release();
        CHECK(ui.state.screen == screen);
        CHECK(ui.state.overlay == flow::Overlay::None);
        CHECK(ui.state.answers.who == who);
        CHECK(ui.state.answers.wantsAdvocate == advocate);
        CHECK(ui.state.answers.youngPersonAgreed == agreed);
        CHECK(ui.state.focus == focus);
    }
    CHECK(tried > 0);
}
