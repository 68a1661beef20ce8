#include <flow/effect.hpp>
#include <flow/step.hpp>

#include "run_events.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kiosk::flow;
using namespace std::chrono_literals;

namespace {

using kiosk::test::kStart;
using kiosk::test::run;
using kiosk::test::started;

void at(State& s, Clock::duration later) { (void)step(s, Tick{s.now + later}); }

// The hidden gesture: hold the top-left corner, then the other three in turn.
Effects gesture(State& s) {
    run(s, {CornerDown{Corner::TopLeft}});
    at(s, kGestureHold + 100ms);
    run(s, {CornerUp{Corner::TopLeft}});
    Effects last;
    for (const Corner c : {Corner::TopRight, Corner::BottomRight, Corner::BottomLeft}) {
        at(s, 400ms);
        last = run(s, {CornerDown{c}});
        if (staffOpen(s))
            break;
        run(s, {CornerUp{c}});
    }
    return last;
}

PinStatus pinSet(int triesBeforeWait = 4, int waitSeconds = 0) { return {true, triesBeforeWait, waitSeconds}; }

// Through the gesture and a right PIN, to the dashboard.
State signedIn() {
    State s = started();
    gesture(s);
    run(s, {PinRead{pinSet()}});
    for (const char d : std::string("246810"))
        run(s, {PinDigit{d}});
    run(s, {PinEnter{}, PinChecked{true, pinSet()}});
    return s;
}

template <class E> bool asks(const Effects& effects) {
    return std::any_of(effects.begin(), effects.end(), [](const Effect& e) { return std::holds_alternative<E>(e); });
}

bool answersUntouched(const State& s) {
    const State fresh;
    return std::all_of(s.answers.fields.begin(), s.answers.fields.end(), [](const TextField& f) { return f.empty(); }) &&
           static_cast<const Choices&>(s.answers) == static_cast<const Choices&>(fresh.answers);
}

} // namespace

TEST_CASE("the hidden gesture opens the PIN pad and asks how the PIN stands") {
    State s = started();
    const Effects effects = gesture(s);
    CHECK(s.staff.page == StaffPage::Pin);
    CHECK(asks<ReadPinState>(effects));
    CHECK(s.staff.busy); // until core answers, no digit is taken
    run(s, {PinRead{pinSet()}});
    CHECK_FALSE(s.staff.busy);
}

TEST_CASE("a short press, the wrong order or a slow hand does not open staff mode") {
    SECTION("a short press on the corner") {
        State s = started();
        run(s, {CornerDown{Corner::TopLeft}});
        at(s, 1s);
        run(s, {CornerUp{Corner::TopLeft}, CornerDown{Corner::TopRight}, CornerDown{Corner::BottomRight},
                CornerDown{Corner::BottomLeft}});
        CHECK_FALSE(staffOpen(s));
    }
    SECTION("the corners in another order") {
        State s = started();
        run(s, {CornerDown{Corner::TopLeft}});
        at(s, kGestureHold);
        run(s, {CornerUp{Corner::TopLeft}, CornerDown{Corner::BottomLeft}, CornerDown{Corner::TopRight},
                CornerDown{Corner::BottomRight}, CornerDown{Corner::BottomLeft}});
        CHECK_FALSE(staffOpen(s));
    }
    SECTION("too long between corners") {
        State s = started();
        run(s, {CornerDown{Corner::TopLeft}});
        at(s, kGestureHold);
        run(s, {CornerUp{Corner::TopLeft}, CornerDown{Corner::TopRight}});
        at(s, kGestureStep + 1s);
        run(s, {CornerDown{Corner::BottomRight}, CornerDown{Corner::BottomLeft}});
        CHECK_FALSE(staffOpen(s));
    }
    SECTION("a hold released away from the corner") {
        State s = started();
        run(s, {CornerDown{Corner::TopLeft}});
        at(s, kGestureHold);
        run(s, {CornerUp{Corner::TopRight}, CornerDown{Corner::TopRight}, CornerDown{Corner::BottomRight},
                CornerDown{Corner::BottomLeft}});
        CHECK_FALSE(staffOpen(s));
    }
}

TEST_CASE("the gesture does nothing once a child has begun") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}});
    gesture(s);
    CHECK_FALSE(staffOpen(s));
    CHECK(s.screen == Screen::Kind);
}

TEST_CASE("digits typed on the PIN pad never reach a child's answers") {
    State s = started();
    gesture(s);
    run(s, {PinRead{pinSet()}});
    run(s, {PinDigit{'1'}, PinDigit{'2'}, TypeText{"34"}, TypeText{"é"}, PinDigit{'5'}, PinDigit{'6'}});
    CHECK(s.staff.pin == "123456");
    // The journey's own events are not taken while staff mode is over it.
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, Focus{Field::Story}});
    CHECK(s.screen == Screen::Welcome);
    const Effects effects = run(s, {PinEnter{}});
    REQUIRE(asks<CheckPin>(effects));
    CHECK(std::get<CheckPin>(effects.front()).pin.str() == "123456");
    CHECK(s.staff.pin.empty()); // the copy went to core; none is kept
    run(s, {PinChecked{false, pinSet(3)}, StaffBack{}});
    CHECK_FALSE(staffOpen(s));
    CHECK(answersUntouched(s));
    CHECK_FALSE(s.focus);
}

TEST_CASE("a wrong PIN says so and a wait stops the pad until it is over") {
    State s = started();
    gesture(s);
    run(s, {PinRead{pinSet(1)}});
    run(s, {TypeText{"111111\n"}});
    REQUIRE(s.staff.busy);
    run(s, {PinChecked{false, pinSet(0)}});
    CHECK(s.staff.pinWrong);
    CHECK(s.staff.page == StaffPage::Pin);

    run(s, {TypeText{"222222\n"}, PinChecked{false, pinSet(0, 30)}});
    CHECK(secondsBeforePinTry(s) == 30);
    run(s, {PinDigit{'3'}});
    CHECK(s.staff.pin.empty()); // no digit is taken during a wait
    REQUIRE(nextWake(s));
    CHECK(*nextWake(s) - s.now == 1s); // the countdown on screen moves each second
    at(s, 30s);
    CHECK(secondsBeforePinTry(s) == 0);
    run(s, {PinDigit{'3'}});
    CHECK(s.staff.pin == "3");
}

TEST_CASE("without a PIN set, the pad takes nothing") {
    State s = started();
    gesture(s);
    run(s, {PinRead{PinStatus{}}, TypeText{"123456\n"}});
    CHECK(s.staff.pin.empty());
    CHECK_FALSE(s.staff.busy);
}

TEST_CASE("a right PIN opens the dashboard, or first why the kiosk cannot store") {
    SECTION("a kiosk that can store") {
        State s = signedIn();
        CHECK(s.staff.page == StaffPage::Dashboard);
        CHECK(s.staff.signedIn);
    }
    SECTION("a kiosk that cannot") {
        State s = started();
        run(s, {StorageChecked{CannotStore::NoKey}});
        gesture(s);
        run(s, {PinRead{pinSet()}, TypeText{"246810\n"}});
        const Effects effects = run(s, {PinChecked{true, pinSet()}});
        CHECK(s.staff.page == StaffPage::WhyNot);
        CHECK(asks<ReadDashboard>(effects));
    }
}

TEST_CASE("staff mode leaves by itself after two minutes untouched, but not during an action") {
    State s = signedIn();
    at(s, kStaffIdle - 1s);
    CHECK(staffOpen(s));
    const Effects busy = run(s, {StaffSyncNow{}});
    REQUIRE(asks<SyncNow>(busy));
    at(s, kStaffIdle + 5s);
    CHECK(staffOpen(s)); // the sync is still under way
    run(s, {StaffDone{}});
    REQUIRE(nextWake(s));
    CHECK(*nextWake(s) == s.now + kStaffIdle);
    const Effects left = step(s, Tick{s.now + kStaffIdle});
    CHECK_FALSE(staffOpen(s));
    REQUIRE(asks<RecordStaffLeft>(left));
    CHECK(std::get<RecordStaffLeft>(left.front()).byItself);
}

TEST_CASE("an untouched PIN pad closes too, with nothing to record") {
    State s = started();
    gesture(s);
    run(s, {PinRead{pinSet()}, PinDigit{'4'}});
    const Effects left = step(s, Tick{s.now + kStaffIdle});
    CHECK_FALSE(staffOpen(s));
    CHECK(left.empty());
    CHECK(s.staff.pin.empty());
}

TEST_CASE("exporting to a drive or a typed folder asks core and shows what it did") {
    State s = signedIn();
    Effects effects = run(s, {StaffChooseFolder{FolderTask::Export}});
    CHECK(asks<ListDrives>(effects));
    run(s, {DrivesListed{{Drive{"SANDISK", "/media/kiosk/SANDISK"}}}});
    REQUIRE(s.staff.drives.size() == 1);

    run(s, {StaffTypeFolder{}, TypeText{"/srv/x"}, Erase{}, TypeText{"y"}});
    CHECK(s.staff.folder.text() == "/srv/y");
    CHECK(answersUntouched(s));

    effects = run(s, {StaffUseFolder{s.staff.folder.text(), ""}});
    REQUIRE(asks<ExportTo>(effects));
    CHECK(std::get<ExportTo>(effects.front()).path == "/srv/y");
    CHECK(s.staff.busy);
    run(s, {StaffLeave{}}); // not in the middle of an action
    CHECK(staffOpen(s));

    StaffMessage done;
    done.kind = StaffMessage::Kind::Exported;
    done.count = 2;
    done.where = "y";
    effects = run(s, {StaffDone{done}});
    CHECK(s.staff.page == StaffPage::Dashboard);
    CHECK(s.staff.message == done);
    CHECK(asks<ReadDashboard>(effects));
    CHECK(s.staff.folder.empty());
}

TEST_CASE("a receipt is imported from the folder chosen for it") {
    State s = signedIn();
    run(s, {StaffChooseFolder{FolderTask::ImportReceipt}});
    const Effects effects = run(s, {StaffUseFolder{"/media/kiosk/SANDISK", "SANDISK"}});
    REQUIRE(asks<ImportReceiptFrom>(effects));
    CHECK(std::get<ImportReceiptFrom>(effects.front()).name == "SANDISK");
}

TEST_CASE("a new PIN is typed twice, and two that differ change nothing") {
    State s = signedIn();
    run(s, {StaffOpen{StaffPage::NewPin}, TypeText{"123\n"}});
    REQUIRE(s.staff.message);
    CHECK(s.staff.message->kind == StaffMessage::Kind::PinTooShort);
    run(s, {TypeText{"135790\n"}, TypeText{"135791\n"}});
    REQUIRE(s.staff.message);
    CHECK(s.staff.message->kind == StaffMessage::Kind::PinsDiffer);
    CHECK(s.staff.firstNewPin.empty());
    run(s, {TypeText{"135790\n"}});
    const Effects effects = run(s, {TypeText{"135790\n"}});
    REQUIRE(asks<ChangePin>(effects));
    CHECK(std::get<ChangePin>(effects.front()).pin.str() == "135790");
    CHECK(s.staff.pin.empty());
    CHECK(s.staff.firstNewPin.empty());
}

TEST_CASE("staff see the quarantine, and the kiosk takes children again once core says it can") {
    State s = started();
    run(s, {StorageChecked{CannotStore::Quarantined}});
    gesture(s);
    run(s, {PinRead{pinSet()}, TypeText{"246810\n"}, PinChecked{true, pinSet()}});
    REQUIRE(s.staff.page == StaffPage::WhyNot);
    const Effects effects = run(s, {StaffQuarantineSeen{}});
    REQUIRE(asks<SeeQuarantine>(effects));
    StaffMessage seen;
    seen.kind = StaffMessage::Kind::QuarantineSeen;
    run(s, {StaffDone{seen}, StorageChecked{CannotStore::None}, StaffLeave{}});
    CHECK_FALSE(staffOpen(s));
    run(s, {ChooseLanguage{Language::Welsh}});
    CHECK(s.screen == Screen::Kind);
}

TEST_CASE("leaving staff mode records it and leaves Welcome as it was") {
    State s = signedIn();
    run(s, {StaffLanguage{Language::English}, StaffChooseFolder{FolderTask::Export}, StaffTypeFolder{},
            TypeText{"/tmp"}});
    const Effects effects = run(s, {StaffBack{}, StaffLeave{}});
    CHECK_FALSE(staffOpen(s));
    REQUIRE(asks<RecordStaffLeft>(effects));
    CHECK_FALSE(std::get<RecordStaffLeft>(effects.back()).byItself);
    CHECK(s.staff.folder.empty());
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.keyboard == KeyboardLayer::Letters);
    run(s, {ChooseLanguage{Language::English}});
    CHECK(s.screen == Screen::Kind);
}
