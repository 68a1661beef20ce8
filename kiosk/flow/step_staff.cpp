#include <flow/handlers.hpp>
#include <flow/step.hpp>

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

// Staff mode: the hidden gesture on Welcome, the PIN pad, and the pages behind it. Nothing typed
// here touches a child's answers: digits go to staff.pin, a folder to staff.folder, and both are
// wiped whenever the page changes.

namespace kiosk::flow::detail {
namespace {

// After the hold on the top-left corner, these corners in turn.
constexpr std::array kCornersAfterHold = {Corner::TopRight, Corner::BottomRight, Corner::BottomLeft};
constexpr int kHolding = 1;
constexpr int kHeld = 2;

// Effects hold a child's words and cannot be copied out of an initialiser list.
Effects only(Effect effect) {
    Effects out;
    out.push_back(std::move(effect));
    return out;
}

StaffMessage saying(StaffMessage::Kind kind) {
    StaffMessage message;
    message.kind = kind;
    return message;
}

void wipeTyped(Staff& staff) {
    secureWipe(staff.pin);
    secureWipe(staff.firstNewPin);
    staff.folder.wipe();
    staff.typingFolder = false;
}

Effects openPinPad(State& s) {
    wipeTyped(s.staff);
    s.staff = Staff{};
    s.staff.page = StaffPage::Pin;
    s.staff.busy = true; // until core says whether a PIN is set and how the tries stand
    s.staff.lastInput = s.now;
    return only(ReadPinState{});
}

Effects close(State& s, bool byItself) {
    const bool signedIn = s.staff.signedIn;
    wipeTyped(s.staff);
    s.staff = Staff{};
    s.keyboard = KeyboardLayer::Letters;
    s.shift = false;
    if (!signedIn)
        return {};
    return only(RecordStaffLeft{byItself});
}

Effects showDashboard(State& s) {
    wipeTyped(s.staff);
    s.staff.page = StaffPage::Dashboard;
    return only(ReadDashboard{});
}

// Pages behind the PIN take input only once it was right, and not while an action is under way.
bool canAct(const State& s) { return s.staff.signedIn && !s.staff.busy; }

bool onPinPad(const State& s) { return s.staff.page == StaffPage::Pin || s.staff.page == StaffPage::NewPin; }

void takeWait(State& s, const PinStatus& status) {
    s.staff.pinStatus = status;
    s.staff.waitUntil = s.now + std::chrono::seconds(status.waitSeconds);
}

Effects startWork(State& s, Effect effect) {
    s.staff.busy = true;
    s.staff.message.reset();
    return only(std::move(effect));
}

Effects enterNewPin(State& s) {
    Staff& staff = s.staff;
    if (staff.pin.size() < kPinShortest) {
        secureWipe(staff.pin);
        staff.message = saying(StaffMessage::Kind::PinTooShort);
        return {};
    }
    if (staff.firstNewPin.empty()) {
        staff.firstNewPin = std::exchange(staff.pin, {});
        staff.message.reset();
        return {};
    }
    if (staff.pin != staff.firstNewPin) {
        wipeTyped(staff);
        staff.message = saying(StaffMessage::Kind::PinsDiffer);
        return {};
    }
    Effects out = startWork(s, ChangePin{SecretText(staff.pin)});
    wipeTyped(staff);
    return out;
}

} // namespace

// The hidden way in. A finger down in a corner either moves the gesture on or starts it again.
Effects on(State& s, const CornerDown& e) {
    Staff& g = s.staff;
    if (s.screen != Screen::Welcome || sessionHasAnswers(s)) {
        g.gestureStage = 0;
        return {};
    }
    const bool inTime = s.now - g.gestureAt <= kGestureStep;
    if (g.gestureStage >= kHeld && inTime &&
        e.corner == kCornersAfterHold[static_cast<std::size_t>(g.gestureStage - kHeld)]) {
        if (++g.gestureStage == kHeld + static_cast<int>(kCornersAfterHold.size()))
            return openPinPad(s);
        g.gestureAt = s.now;
        return {};
    }
    g.gestureStage = e.corner == Corner::TopLeft ? kHolding : 0;
    g.gestureAt = s.now;
    return {};
}

Effects on(State& s, const CornerUp& e) {
    Staff& g = s.staff;
    if (g.gestureStage == kHolding) {
        const bool held = e.corner == Corner::TopLeft && s.now - g.gestureAt >= kGestureHold;
        g.gestureStage = held ? kHeld : 0;
        g.gestureAt = s.now;
    }
    return {};
}

Effects onStaff(State& s, const PinDigit& e) {
    Staff& staff = s.staff;
    if (!onPinPad(s) || staff.busy || e.digit < '0' || e.digit > '9' || staff.pin.size() >= kPinLongest)
        return {};
    if (staff.page == StaffPage::Pin && (secondsBeforePinTry(s) > 0 || !staff.pinStatus.set))
        return {};
    staff.pin.push_back(e.digit);
    staff.pinWrong = false;
    return {};
}

Effects onStaff(State& s, const PinErase&) {
    if (onPinPad(s) && !s.staff.busy && !s.staff.pin.empty()) {
        s.staff.pin.back() = '\0';
        s.staff.pin.pop_back();
    }
    return {};
}

Effects onStaff(State& s, const PinEnter&) {
    Staff& staff = s.staff;
    if (!onPinPad(s) || staff.busy)
        return {};
    if (staff.page == StaffPage::NewPin)
        return enterNewPin(s);
    if (staff.pin.size() < kPinShortest || secondsBeforePinTry(s) > 0)
        return {};
    Effects out = startWork(s, CheckPin{SecretText(staff.pin)});
    secureWipe(staff.pin);
    return out;
}

Effects onStaff(State& s, const StaffLanguage& e) {
    if (s.staff.signedIn)
        s.staff.language = e.language;
    return {};
}

Effects onStaff(State& s, const StaffOpen& e) {
    if (!canAct(s))
        return {};
    switch (e.page) {
    case StaffPage::Dashboard:
        return showDashboard(s);
    case StaffPage::NewPin:
    case StaffPage::WhyNot:
        wipeTyped(s.staff);
        s.staff.message.reset();
        s.staff.page = e.page;
        return {};
    case StaffPage::Closed:
    case StaffPage::Pin:
    case StaffPage::ChooseFolder:
        break; // each has its own way: leave, the gesture, StaffChooseFolder
    }
    return {};
}

Effects onStaff(State& s, const StaffChooseFolder& e) {
    if (!canAct(s))
        return {};
    wipeTyped(s.staff);
    s.staff.page = StaffPage::ChooseFolder;
    s.staff.task = e.task;
    s.staff.drives.clear();
    s.staff.message.reset();
    return only(ListDrives{});
}

Effects onStaff(State& s, const StaffTypeFolder&) {
    if (s.staff.page == StaffPage::ChooseFolder && !s.staff.busy) {
        s.staff.typingFolder = true;
        s.keyboard = KeyboardLayer::Letters;
        s.shift = false;
    }
    return {};
}

Effects onStaff(State& s, const StaffUseFolder& e) {
    if (!canAct(s) || s.staff.page != StaffPage::ChooseFolder || e.path.empty())
        return {};
    s.staff.typingFolder = false;
    if (s.staff.task == FolderTask::Export)
        return startWork(s, ExportTo{e.path, e.name});
    return startWork(s, ImportReceiptFrom{e.path, e.name});
}

Effects onStaff(State& s, const StaffSyncNow&) {
    if (!canAct(s) || s.staff.page != StaffPage::Dashboard)
        return {};
    return startWork(s, SyncNow{});
}

Effects onStaff(State& s, const StaffQuarantineSeen&) {
    if (!canAct(s) || s.cannotStore != CannotStore::Quarantined)
        return {};
    return startWork(s, SeeQuarantine{});
}

Effects onStaff(State& s, const StaffBack&) {
    if (s.staff.busy)
        return {};
    switch (s.staff.page) {
    case StaffPage::Pin:
        return close(s, false);
    case StaffPage::NewPin:
    case StaffPage::ChooseFolder:
    case StaffPage::WhyNot:
        return showDashboard(s);
    case StaffPage::Dashboard:
    case StaffPage::Closed:
        break;
    }
    return {};
}

Effects onStaff(State& s, const StaffLeave&) {
    if (!canAct(s))
        return {};
    return close(s, false);
}

// The keyboard, a physical one included: digits on the PIN pad, letters in the folder box.
Effects onStaff(State& s, const TypeText& e) {
    if (onPinPad(s)) {
        Effects out;
        for (const char c : e.utf8) {
            auto more = c == '\n' ? onStaff(s, PinEnter{}) : onStaff(s, PinDigit{c});
            std::move(more.begin(), more.end(), std::back_inserter(out));
        }
        return out;
    }
    if (s.staff.typingFolder && e.utf8.find('\n') == std::string::npos)
        s.staff.folder.insert(e.utf8);
    return {};
}

Effects onStaff(State& s, const Erase&) {
    if (onPinPad(s))
        return onStaff(s, PinErase{});
    if (s.staff.typingFolder)
        s.staff.folder.erase();
    return {};
}

Effects onStaff(State& s, const MoveCursor& e) {
    if (s.staff.typingFolder)
        s.staff.folder.moveCursor(e.characters);
    return {};
}

Effects onStaff(State& s, const PlaceCursor& e) {
    if (s.staff.typingFolder)
        s.staff.folder.setCursor(e.byteOffset);
    return {};
}

Effects onStaff(State& s, const SetKeyboard& e) { return on(s, e); }
Effects onStaff(State& s, const ToggleShift& e) { return on(s, e); }

// Staff input that arrives with staff mode closed has nothing to act on.
Effects on(State&, const PinDigit&) { return {}; }
Effects on(State&, const PinErase&) { return {}; }
Effects on(State&, const PinEnter&) { return {}; }
Effects on(State&, const StaffLanguage&) { return {}; }
Effects on(State&, const StaffOpen&) { return {}; }
Effects on(State&, const StaffChooseFolder&) { return {}; }
Effects on(State&, const StaffTypeFolder&) { return {}; }
Effects on(State&, const StaffUseFolder&) { return {}; }
Effects on(State&, const StaffSyncNow&) { return {}; }
Effects on(State&, const StaffQuarantineSeen&) { return {}; }
Effects on(State&, const StaffBack&) { return {}; }
Effects on(State&, const StaffLeave&) { return {}; }

// What core answers. Each is taken only by the page that asked.
Effects on(State& s, const PinRead& e) {
    if (s.staff.page == StaffPage::Pin && !s.staff.signedIn) {
        takeWait(s, e.status);
        s.staff.busy = false;
    }
    return {};
}

Effects on(State& s, const PinChecked& e) {
    Staff& staff = s.staff;
    if (staff.page != StaffPage::Pin || !staff.busy)
        return {};
    staff.busy = false;
    takeWait(s, e.status);
    if (!e.right) {
        staff.pinWrong = e.status.set && e.status.waitSeconds == 0;
        return {};
    }
    staff.signedIn = true;
    staff.pinWrong = false;
    staff.lastInput = s.now;
    if (!canSave(s)) {
        staff.page = StaffPage::WhyNot;
        return only(ReadDashboard{});
    }
    return showDashboard(s);
}

Effects on(State& s, const DashboardRead& e) {
    if (s.staff.signedIn)
        s.staff.dashboard = e.dashboard;
    return {};
}

Effects on(State& s, const DrivesListed& e) {
    if (s.staff.page == StaffPage::ChooseFolder)
        s.staff.drives = e.drives;
    return {};
}

Effects on(State& s, const StaffDone& e) {
    if (!s.staff.signedIn)
        return {};
    s.staff.busy = false;
    s.staff.lastInput = s.now; // the wait for an action is not time untouched
    Effects out = showDashboard(s);
    s.staff.message = e.message;
    return out;
}

// Staff mode closes by itself when left untouched, but never in the middle of an action.
Effects staffTick(State& s) {
    if (staffOpen(s) && !s.staff.busy && s.now - s.staff.lastInput >= kStaffIdle)
        return close(s, true);
    return {};
}

std::optional<Clock::time_point> staffWake(const State& s) {
    if (!staffOpen(s) || s.staff.busy)
        return std::nullopt;
    const auto idle = s.staff.lastInput + kStaffIdle;
    if (s.staff.page == StaffPage::Pin && s.now < s.staff.waitUntil) {
        // Each second, so that the wait counted down on the PIN pad stays true.
        const auto left = std::chrono::ceil<std::chrono::seconds>(s.staff.waitUntil - s.now);
        return std::min(idle, s.staff.waitUntil - left + std::chrono::seconds(1));
    }
    return idle;
}

} // namespace kiosk::flow::detail

namespace kiosk::flow {

int secondsBeforePinTry(const State& s) {
    if (s.now >= s.staff.waitUntil)
        return 0;
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(s.staff.waitUntil - s.now).count());
}

} // namespace kiosk::flow
