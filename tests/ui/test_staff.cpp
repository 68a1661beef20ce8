#include <app/tour_stops.hpp>
#include <core/pin.hpp>
#include <flow/step.hpp>
#include <screens/screens.hpp>
#include <test_support/temp_dir.hpp>
#include "driver.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPin = "246810";

struct Size {
    float w, h;
};

const char* const kCorners[] = {"staff.corner.top_left", "staff.corner.top_right", "staff.corner.bottom_right",
                                "staff.corner.bottom_left"};

ImVec2 corner(const test::UiDriver& ui, const char* key) {
    const auto zone = ui.ctx.taps.find(key);
    INFO(key);
    REQUIRE(zone.has_value());
    return zone->centre();
}

// A finger held on a corner for a while, then lifted there.
void hold(test::UiDriver& ui, const char* key, std::chrono::milliseconds howLong) {
    ui.press(corner(ui, key));
    ui.advance(howLong);
    ui.release();
}

// The hidden gesture as staff make it: the top-left corner held, then the other three tapped.
void gesture(test::UiDriver& ui) {
    hold(ui, kCorners[0], 3200ms);
    for (const char* key : {kCorners[1], kCorners[2], kCorners[3]}) {
        ui.advance(600ms);
        hold(ui, key, 150ms);
    }
}

void typePin(test::UiDriver& ui, const std::string& digits) {
    for (const char d : digits)
        ui.tap("staff.pin." + std::string(1, d));
}

bool answersUntouched(const flow::State& s) {
    const flow::Answers fresh;
    for (const auto& field : s.answers.fields)
        if (!field.empty())
            return false;
    return static_cast<const flow::Choices&>(s.answers) == static_cast<const flow::Choices&>(fresh);
}

bool overlaps(const ui::TapTarget& a, const ui::TapTarget& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

} // namespace

TEST_CASE("the hidden gesture with real pointer events on Welcome opens the PIN pad, and the right PIN the dashboard",
          "[staff]") {
    const auto size = GENERATE(Size{1280, 800}, Size{800, 1280});
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    core::setPin(dir.path(), kPin); // as IT does once the kiosk is made
    ui.settle();
    gesture(ui);
    REQUIRE(ui.state.staff.page == flow::StaffPage::Pin);
    ui.settle(); // core says how the PIN stands
    CHECK_FALSE(ui.state.staff.busy);
    CHECK(ui.visible("staff.pin.enter"));
    CHECK_FALSE(ui.visible("welcome.english")); // the journey is not drawn behind the pad
    CHECK_FALSE(ui.visible("chrome.not_safe"));
    typePin(ui, kPin);
    CHECK(ui.state.staff.pin == kPin);
    ui.tap("staff.pin.enter");
    ui.settle();
    CHECK(ui.state.staff.page == flow::StaffPage::Dashboard);
    ui.settle();
    CHECK(ui.state.staff.dashboard.has_value());
    CHECK(ui.visible("staff.export"));
    ui.tap("staff.leave");
    CHECK(ui.state.staff.page == flow::StaffPage::Closed);
    CHECK(ui.visible("welcome.english"));
}

TEST_CASE("a short hold, the corners tapped without the hold, or too slowly, do not open staff mode", "[staff]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    core::setPin(dir.path(), kPin);
    ui.settle();
    SECTION("the top-left corner held for less than three seconds") {
        hold(ui, kCorners[0], 2500ms);
        for (const char* key : {kCorners[1], kCorners[2], kCorners[3]})
            hold(ui, key, 150ms);
    }
    SECTION("all four corners tapped in turn, as a child might") {
        for (const char* key : kCorners)
            hold(ui, key, 150ms);
        for (const char* key : kCorners)
            hold(ui, key, 150ms);
    }
    SECTION("the right corners, but one of them more than five seconds after the one before") {
        hold(ui, kCorners[0], 3200ms);
        hold(ui, kCorners[1], 150ms);
        ui.advance(5500ms);
        hold(ui, kCorners[2], 150ms);
        hold(ui, kCorners[3], 150ms);
    }
    SECTION("the hold begun in the corner but lifted elsewhere") {
        ui.press(corner(ui, kCorners[0]));
        ui.advance(3200ms);
        ui.drag(corner(ui, kCorners[0]), ImVec2(640, 400));
        for (const char* key : {kCorners[1], kCorners[2], kCorners[3]})
            hold(ui, key, 150ms);
    }
    SECTION("taps all over the screen, corners included") {
        for (int i = 0; i < 40; ++i) {
            const ImVec2 at(static_cast<float>((i * 397) % 1280), static_cast<float>((i * 211) % 800));
            ui.press(at);
            ui.advance(std::chrono::milliseconds(100 + (i * 137) % 3500));
            ui.release();
            if (ui.state.screen != flow::Screen::Welcome || ui.state.overlay != flow::Overlay::None)
                flow::resetSession(ui.state); // a child began: back to Welcome, as the kiosk would in time
        }
    }
    ui.advance(100ms);
    CHECK(ui.state.staff.page == flow::StaffPage::Closed);
}

TEST_CASE("the gesture is not there once a child has begun, nor with a panel open", "[staff]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.settle();
    SECTION("a child on the next screen") {
        ui.tap("welcome.english");
        for (const char* key : kCorners)
            CHECK_FALSE(ui.visible(key));
    }
    SECTION("\"I don't feel safe\" open on Welcome") {
        ui.tap("chrome.not_safe");
        for (const char* key : kCorners)
            CHECK_FALSE(ui.visible(key));
    }
}

TEST_CASE("digits typed on the PIN pad, and a folder typed on the staff page, never reach a child's answers",
          "[staff]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    core::setPin(dir.path(), kPin);
    ui.settle();
    gesture(ui);
    ui.settle();
    REQUIRE(ui.state.staff.page == flow::StaffPage::Pin);
    // A wrong PIN tapped, one typed on a physical keyboard, then the right one.
    typePin(ui, "135790");
    ui.tap("staff.pin.enter");
    ui.settle();
    CHECK(ui.state.staff.pinWrong);
    CHECK(answersUntouched(ui.state));
    ui.typePhysical("975310");
    CHECK(ui.state.staff.pin == "975310");
    ui.tap("staff.pin.erase");
    CHECK(ui.state.staff.pin == "97531");
    for (int i = 0; i < 5; ++i)
        ui.tap("staff.pin.erase");
    typePin(ui, kPin);
    ui.tap("staff.pin.enter");
    ui.settle();
    REQUIRE(ui.state.staff.page == flow::StaffPage::Dashboard);
    CHECK(answersUntouched(ui.state));
    // A folder typed on the on-screen keyboard and on a physical one.
    ui.tap("staff.export");
    ui.settle();
    REQUIRE(ui.state.staff.page == flow::StaffPage::ChooseFolder);
    ui.tap("staff.folder");
    REQUIRE(ui.state.staff.typingFolder);
    ui.typeOnScreen("stick 7");
    ui.typePhysical("/x");
    CHECK(ui.state.staff.folder.text() == "stick 7/x");
    CHECK(answersUntouched(ui.state));
    // Changing the PIN: the new digits too.
    ui.tap("staff.back");
    ui.settle();
    ui.tap("staff.change_pin");
    REQUIRE(ui.state.staff.page == flow::StaffPage::NewPin);
    typePin(ui, "864213");
    ui.tap("staff.pin.enter");
    CHECK(answersUntouched(ui.state));
    ui.tap("staff.back");
    ui.settle();
    ui.tap("staff.leave");
    REQUIRE(ui.state.staff.page == flow::StaffPage::Closed);
    CHECK(answersUntouched(ui.state));
    // And a child who begins now starts with nothing in any box.
    ui.tap("welcome.cymraeg");
    ui.tap("kind.feedback");
    CHECK(ui.state.answers.kind == flow::Kind::Feedback); // the journey takes the child's own taps
    for (const auto& field : ui.state.answers.fields)
        CHECK(field.empty());
    CHECK(ui.state.staff.pin.empty());
    CHECK(ui.state.staff.folder.empty());
}

TEST_CASE("no widget sits in the corners of Welcome, where the gesture is made", "[staff]") {
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    const bool canStore = GENERATE(true, false);
    test::TempDir dir;
    if (!canStore)
        std::filesystem::create_directories(dir / "kiosk.db"); // the calm "ask a member of staff" Welcome
    test::UiDriver ui(size.w, size.h, dir.path());
    ui.settle();
    INFO(size.w << "x" << size.h << (canStore ? "" : ", cannot store"));
    REQUIRE(flow::canSave(ui.state) == canStore);
    REQUIRE(ui.state.screen == flow::Screen::Welcome);
    const auto& targets = ui.ctx.taps.all();
    int widgets = 0;
    for (const char* key : kCorners) {
        const auto zone = ui.ctx.taps.find(key);
        INFO(key);
        REQUIRE(zone.has_value());
        // About 2.5 em square, at the very corner, big enough for a finger.
        CHECK(zone->size().x >= 44);
        CHECK(zone->size().y >= 44);
        CHECK(zone->size().x == Approx(2.5f * ui.ctx.regular.unit));
        CHECK((zone->min.x == 0 || zone->max.x == Approx(size.w)));
        CHECK((zone->min.y == 0 || zone->max.y == Approx(size.h)));
        for (const auto& [other, t] : targets) {
            if (std::string_view(other).substr(0, 13) == "staff.corner.")
                continue;
            INFO("overlaps " << other);
            CHECK_FALSE(overlaps(*zone, t));
        }
    }
    for (const auto& [key, t] : targets)
        if (std::string_view(key).substr(0, 13) != "staff.corner.")
            ++widgets;
    CHECK(widgets >= 1); // "I don't feel safe" at least: the check above looked at something
}

TEST_CASE("every staff page is in the tour, and each stop reaches staff mode in both languages", "[staff]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    std::set<flow::StaffPage> pages;
    for (const auto& stop : app::tourStops()) {
        if (std::string_view(stop.name).substr(0, 6) != "staff-")
            continue;
        for (const auto language : {flow::Language::Welsh, flow::Language::English}) {
            test::freshVisit(ui, language);
            stop.reach(ui.state);
            ui.catchUp();
            ui.frame();
            INFO(stop.name << " " << (language == flow::Language::Welsh ? "cy" : "en"));
            REQUIRE(flow::staffOpen(ui.state));
            pages.insert(ui.state.staff.page);
            if (ui.state.staff.page != flow::StaffPage::Pin) {
                // Signed in: the page is in the tour's language, with the way out and the other language.
                CHECK(ui.state.staff.language == language);
                CHECK(ui.ctx.current == (language == flow::Language::Welsh ? ui.ctx.welsh : ui.ctx.english));
                CHECK(ui.visible("staff.leave"));
                CHECK(ui.visible("staff.language"));
            } else {
                CHECK(ui.visible("staff.cancel"));
            }
        }
    }
    CHECK(pages == std::set<flow::StaffPage>{flow::StaffPage::Pin, flow::StaffPage::WhyNot, flow::StaffPage::Dashboard,
                                             flow::StaffPage::ChooseFolder, flow::StaffPage::NewPin});
}

TEST_CASE("while a wait after wrong PINs runs, the pad takes no digit, and says how long is left", "[staff]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    for (const auto& stop : app::tourStops())
        if (std::string_view(stop.name) == "staff-pin-waiting")
            stop.reach(ui.state);
    ui.catchUp();
    ui.frame();
    REQUIRE(ui.state.staff.page == flow::StaffPage::Pin);
    REQUIRE(flow::secondsBeforePinTry(ui.state) > 0);
    ui.tap("staff.pin.1");
    ui.tap("staff.pin.enter");
    CHECK(ui.state.staff.pin.empty());
    CHECK_FALSE(ui.state.staff.busy);
}
