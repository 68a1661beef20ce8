#include <app/tour_stops.hpp>

#include <flow/step.hpp>

namespace kiosk::app {
namespace {

using namespace flow;

void send(State& s, std::initializer_list<Event> events) {
    for (const auto& e : events)
        (void)step(s, e);
}

bool welsh(const State& s) { return s.language == Language::Welsh; }

// Stored, as the effect runner answers: a day to get in touch by only where the journey promises one.
void saved(State& s, const char* reference) {
    const auto day = promisesDate(s.answers) ? std::optional(Day{2026, 11, 24, 2}) : std::nullopt;
    send(s, {Saved{s.job, reference, day}});
}

// Each stop's clock runs on from the state's own, so that a test driving the stop with its own
// clock sees the screen as the stop left it (not "Are you still there?" a thousand hours later).
void later(State& s, Clock::duration by) { send(s, {Tick{s.now + by}}); }

void start(State& s, Kind kind) {
    later(s, std::chrono::seconds(1));
    send(s, {ChooseLanguage{s.language}, ChooseKind{kind}});
}

// A complaint, every part answered, up to a screen: by the young person, or by an advocate for
// them (who is then spoken to in their own words).
void complaintTo(State& s, Screen until, Who who = Who::Me) {
    start(s, Kind::Complaint);
    const auto reached = [&] { return s.screen == until; };
    if (who == Who::OnBehalf)
        send(s, {ChooseWho{Who::OnBehalf}, TypeText{"Siân Ŵyn"}, Focus{Field::AdultRole},
                 TypeText{welsh(s) ? "Eiriolwr" : "Advocate"}, ToggleAgreed{}});
    else
        send(s, {ChooseWho{who}});
    if (reached()) return;
    send(s, {Next{}, ToggleAdvocate{}});
    if (reached()) return;
    send(s, {Next{}, ToggleTopic{Topic::NotListened}, ToggleTopic{Topic::HardToReach}, ToggleTopic{Topic::CourtDecision}});
    if (reached()) return;
    send(s, {Next{}});
    if (reached()) return;
    send(s, {Next{}, ChooseFeeling{2}});
    if (reached()) return;
    send(s, {Next{}, TypeText{welsh(s) ? "Doedd fy ngweithiwr ddim yn gwrando arna i. Ŵyr neb beth ddigwyddodd i'r llythyr."
                                       : "My worker did not listen to me and did not call me back when she said she would."}});
    if (reached()) return;
    send(s, {Next{}, TogglePutRight{PutRight::Explanation}, TogglePutRight{PutRight::TalkToSomeone}});
    if (reached()) return;
    send(s, {Next{}, Focus{Field::Name}, TypeText{"Cerys"}, ChooseContact{Contact::Phone}, TypeText{"07700 900123"}});
    if (reached()) return;
    send(s, {Next{}, ChooseMeeting{Meeting::Video}});
    if (reached()) return;
    send(s, {Next{}, ChooseSharing{Sharing::TalkFirst}});
    if (reached()) return;
    send(s, {Next{}});
}

std::function<void(State&)> complaintAt(Screen screen) {
    return [screen](State& s) { complaintTo(s, screen); };
}

std::function<void(State&)> onBehalfAt(Screen screen) {
    return [screen](State& s) { complaintTo(s, screen, Who::OnBehalf); };
}

// Staff mode. The hidden gesture as a person makes it: hold the top-left corner, then the others.
void gesture(State& s) {
    later(s, std::chrono::seconds(1));
    send(s, {CornerDown{Corner::TopLeft}});
    later(s, kGestureHold + std::chrono::milliseconds(200));
    send(s, {CornerUp{Corner::TopLeft}});
    for (const Corner c : {Corner::TopRight, Corner::BottomRight, Corner::BottomLeft}) {
        later(s, std::chrono::milliseconds(500));
        send(s, {CornerDown{c}});
        if (!staffOpen(s))
            send(s, {CornerUp{c}});
    }
}

PinStatus pinSet(int triesBeforeWait = 5, int waitSeconds = 0) { return {true, triesBeforeWait, waitSeconds}; }

void typePin(State& s, const char* digits) {
    for (const char* d = digits; *d != 0; ++d)
        send(s, {PinDigit{*d}});
}

LocalTime at(int day, int weekday, int hour, int minute) { return {2026, 11, day, weekday, hour * 60 + minute}; }

AuditLine audit(LocalTime when, const char* action, const char* outcome, int count = 0, const char* detail = "",
                const char* source = "screen") {
    return {when, source, action, outcome, count, detail};
}

// What core would read on a working Monday afternoon: a little of everything staff may see.
Dashboard busyDay() {
    Dashboard d;
    d.kioskName = "Canolfan Abertawe";
    d.waiting = 3;
    d.exported = 2;
    d.priority = 2;
    d.oldestMade = at(20, 5, 15, 42);
    d.acknowledgeBy = at(23, 1, 0, 0);
    d.exportToday = true;
    d.lastExport = at(20, 5, 16, 31);
    d.lastReceipt = at(19, 4, 9, 5);
    d.hasSync = true;
    d.syncFolder = "/mnt/cafcass/abertawe";
    d.lastSync = at(23, 1, 13, 0);
    d.freeBytes = 12'400'000'000;
    d.teamSealing = "5F2A 9C41 7B0E D5A2 6C18 E0F4 92B7 1A3D";
    d.teamSigning = "C0DE 41A9 33F0 8E12 7D54 B6A0 19CF 2E87";
    d.kioskSigning = "8B17 E2C4 55D0 A9F3 0C6E 4B21 D8A7 3F90";
    d.audit = {
        audit(at(23, 1, 14, 2), "pin_right", "done"),
        audit(at(23, 1, 14, 1), "pin_wrong", "refused"),
        audit(at(23, 1, 11, 30), "left_idle", "done"),
        audit(at(23, 1, 11, 27), "import_receipt", "nothing", 0, "SANDISK"),
        audit(at(20, 5, 16, 31), "export", "done", 5, "SANDISK"),
        audit(at(20, 5, 16, 30), "pin_right", "done"),
        audit(at(19, 4, 9, 5), "import_receipt", "done", 4, "KINGSTON"),
        audit(at(18, 3, 8, 55), "verify", "done", 0, "", "command"),
        audit(at(17, 2, 17, 10), "sync_now", "failed"),
        audit(at(16, 1, 10, 0), "change_pin", "done"),
    };
    return d;
}

// Through the gesture and the right PIN, with the staff reading the tour's language.
void signIn(State& s, const Dashboard& dashboard = busyDay()) {
    gesture(s);
    send(s, {PinRead{pinSet()}});
    typePin(s, "246810");
    send(s, {PinEnter{}, PinChecked{true, pinSet()}, StaffLanguage{s.language}, DashboardRead{dashboard}});
}

// A kiosk that cannot store, as the start check finds it, and the staff who come to see why.
std::function<void(State&)> cannotStore(CannotStore why, const char* detail) {
    return [why, detail](State& s) {
        send(s, {StorageChecked{why}});
        Dashboard d = busyDay();
        d.cannotStore = why;
        d.cannotStoreDetail = detail;
        if (why == CannotStore::Quarantined) {
            d.quarantinedDatabases = 1;
            d.quarantinedUnconfirmed = 3;
        }
        signIn(s, d);
    };
}

// Everything that can go wrong at once, so that the order and colours of the warnings can be seen.
Dashboard badDay() {
    Dashboard d = busyDay();
    d.pastClosing = true;
    d.overdue = true;
    d.damaged = 1;
    d.quarantinedDatabases = 2;
    d.quarantinedUnconfirmed = 6;
    d.nearlyFull = true;
    d.freeBytes = 310'000'000;
    d.syncProblem = "/mnt/cafcass/abertawe: Transport endpoint is not connected";
    return d;
}

std::function<void(State&)> afterAction(StaffMessage message) {
    return [message](State& s) {
        signIn(s);
        send(s, {StaffChooseFolder{FolderTask::Export}, DrivesListed{{{"SANDISK", "/media/staff/SANDISK"}}},
                 StaffUseFolder{"/media/staff/SANDISK", "SANDISK"}, StaffDone{message}});
        Dashboard d = busyDay();
        d.exported += d.waiting;
        d.waiting = 0;
        d.exportToday = false;
        send(s, {DashboardRead{d}});
    };
}

void cannotStoreThenDashboard(State& s) {
    cannotStore(CannotStore::Quarantined, "quarantine/2026-11-23T09-14-02Z")(s);
    send(s, {StaffOpen{StaffPage::Dashboard}});
    Dashboard d = busyDay();
    d.cannotStore = CannotStore::Quarantined;
    d.quarantinedDatabases = 1;
    d.quarantinedUnconfirmed = 3;
    send(s, {DashboardRead{d}});
}

StaffMessage message(StaffMessage::Kind kind, int count, const char* where, const char* detail = "", int damaged = 0) {
    StaffMessage m;
    m.kind = kind;
    m.count = count;
    m.where = where;
    m.detail = detail;
    m.damaged = damaged;
    return m;
}

} // namespace

std::vector<TourStop> tourStops() {
    return {
        {"welcome", [](State&) {}},
        {"welcome-cannot-save", [](State& s) { send(s, {StorageChecked{CannotStore::NoKey}}); }},
        {"kind", [](State& s) { send(s, {ChooseLanguage{s.language}}); }},
        {"who-empty", [](State& s) { start(s, Kind::Complaint); }},
        {"who-on-behalf", onBehalfAt(Screen::Who)},
        // The adult's name box has the keyboard: their answer and the box stay above the keys.
        {"who-on-behalf-name", [](State& s) { start(s, Kind::Complaint); send(s, {ChooseWho{Who::OnBehalf}}); }},
        {"who-on-behalf-name-larger",
         [](State& s) { start(s, Kind::Complaint); send(s, {ToggleLargeText{}, ChooseWho{Who::OnBehalf}}); }},
        {"who-with-helper", [](State& s) { start(s, Kind::Compliment); send(s, {ChooseWho{Who::MeWithHelp}}); }},
        {"help", complaintAt(Screen::Help)},
        {"help-read-on", complaintAt(Screen::Help), true},
        {"topics", complaintAt(Screen::Topics)},
        {"court", complaintAt(Screen::Court)},
        {"feelings", complaintAt(Screen::Feelings)},
        {"story-empty", [](State& s) { start(s, Kind::Feedback); send(s, {ChooseWho{Who::Me}, Next{}, Next{}}); }},
        {"story", complaintAt(Screen::Story)},
        {"story-accents", [](State& s) { complaintTo(s, Screen::Story); send(s, {SetKeyboard{KeyboardLayer::Accents}, ToggleShift{}}); }},
        {"story-numbers", [](State& s) { complaintTo(s, Screen::Story); send(s, {SetKeyboard{KeyboardLayer::Numbers}}); }},
        {"put-right", complaintAt(Screen::PutRight)},
        {"contact-phone", complaintAt(Screen::Contact)},
        {"contact-email",
         [](State& s) { complaintTo(s, Screen::Contact); send(s, {ChooseContact{Contact::Email}, TypeText{"cerys@"}}); }},
        {"contact-email-larger",
         [](State& s) {
             complaintTo(s, Screen::Contact);
             send(s, {ToggleLargeText{}, ChooseContact{Contact::Email}, TypeText{"cerys@"}});
         }},
        {"contact-none",
         [](State& s) { complaintTo(s, Screen::Contact); send(s, {ChooseContact{Contact::None}}); }},
        {"meeting", complaintAt(Screen::Meeting)},
        {"sharing", complaintAt(Screen::Sharing)},
        {"sharing-no-contact",
         [](State& s) { complaintTo(s, Screen::Contact); send(s, {ChooseContact{Contact::None}, Next{}}); }},
        {"check", complaintAt(Screen::Check)},
        {"check-read-on", complaintAt(Screen::Check), true},
        {"check-save-failed",
         [](State& s) {
             complaintTo(s, Screen::Check);
             send(s, {Send{}});
             send(s, {SaveFailed{s.job}});
         }},
        {"sending", [](State& s) { complaintTo(s, Screen::Check); send(s, {Send{}}); }},
        {"thank-you-complaint",
         [](State& s) {
             complaintTo(s, Screen::Check);
             send(s, {Send{}});
             saved(s, "K7M-4TX");
         }},
        {"thank-you-complaint-no-contact",
         [](State& s) {
             // Still read and looked into, and nothing promised that cannot be kept.
             complaintTo(s, Screen::Contact);
             send(s, {ChooseContact{Contact::None}, Next{}, ChooseSharing{Sharing::Yes}, Next{}, Send{}});
             saved(s, "M4R-8WD");
         }},
        {"thank-you-no-contact",
         [](State& s) {
             start(s, Kind::Compliment);
             send(s, {ChooseWho{Who::Me}, Next{}, Next{}, SkipStory{}, ChooseContact{Contact::None}, Next{}, Send{}});
             saved(s, "3HW-AT9");
         }},
        {"thank-you-compliment",
         [](State& s) {
             // Contact allowed, but no day promised: the guides give a timescale for complaints only.
             start(s, Kind::Compliment);
             send(s, {ChooseWho{Who::Me}, Next{}, Next{}, SkipStory{}, ChooseContact{Contact::Phone},
                      TypeText{"07700 900123"}, Next{}, Send{}});
             saved(s, "9TW-HKC");
         }},
        // An advocate telling us for a young person, in the adult's own words.
        {"on-behalf-topics", onBehalfAt(Screen::Topics)},
        {"on-behalf-sharing", onBehalfAt(Screen::Sharing)},
        {"on-behalf-sharing-no-contact",
         [](State& s) {
             // "Talk to us about it first" is not offered to an adult who asked not to be contacted.
             complaintTo(s, Screen::Contact, Who::OnBehalf);
             send(s, {ChooseContact{Contact::None}, Next{}});
         }},
        // The adult's own warnings, longer in Welsh, above the keyboard.
        {"on-behalf-contact-email",
         [](State& s) {
             complaintTo(s, Screen::Contact, Who::OnBehalf);
             send(s, {ChooseContact{Contact::Email}, TypeText{"cerys@"}});
         }},
        {"on-behalf-contact-phone",
         [](State& s) {
             complaintTo(s, Screen::Contact, Who::OnBehalf);
             while (!s.answers.field(Field::Phone).text().empty())
                 send(s, {Erase{}});
             send(s, {TypeText{"0770"}});
         }},
        {"on-behalf-check", onBehalfAt(Screen::Check)},
        {"on-behalf-thank-you",
         [](State& s) {
             complaintTo(s, Screen::Check, Who::OnBehalf);
             send(s, {Send{}});
             saved(s, "R4D-8XK");
         }},
        {"larger-text", [](State& s) { complaintTo(s, Screen::Topics); send(s, {ToggleLargeText{}}); }},
        {"still-there",
         [](State& s) {
             complaintTo(s, Screen::Story);
             send(s, {Tick{s.now + s.timing.quietBeforeAsking}});
             send(s, {Tick{s.now + std::chrono::seconds(6)}});
         }},
        {"not-safe-still-there",
         [](State& s) {
             // Tapped over "Are you still there?": the page stays hidden, and both languages show.
             complaintTo(s, Screen::Story);
             send(s, {Tick{s.now + s.timing.quietBeforeAsking}, NotSafe{}});
         }},
        {"start-again", [](State& s) { complaintTo(s, Screen::Story); send(s, {AskStartAgain{}}); }},
        {"not-safe", [](State& s) { complaintTo(s, Screen::Topics); send(s, {NotSafe{}}); }},
        {"not-safe-welcome", [](State& s) { send(s, {NotSafe{}}); }},
        {"staff-pin", [](State& s) { gesture(s); send(s, {PinRead{pinSet()}}); }},
        {"staff-pin-typed", [](State& s) { gesture(s); send(s, {PinRead{pinSet()}}); typePin(s, "2468"); }},
        {"staff-pin-checking",
         [](State& s) { gesture(s); send(s, {PinRead{pinSet()}}); typePin(s, "135790"); send(s, {PinEnter{}}); }},
        {"staff-pin-wrong",
         [](State& s) {
             gesture(s);
             send(s, {PinRead{pinSet()}});
             typePin(s, "135790");
             send(s, {PinEnter{}, PinChecked{false, pinSet(2)}});
         }},
        {"staff-pin-waiting",
         [](State& s) {
             gesture(s);
             send(s, {PinRead{pinSet()}});
             typePin(s, "135790");
             send(s, {PinEnter{}, PinChecked{false, pinSet(0, 270)}});
         }},
        {"staff-pin-not-set", [](State& s) { gesture(s); send(s, {PinRead{PinStatus{}}}); }},
        {"staff-why-no-key", cannotStore(CannotStore::NoKey, "team-public.key: sealing_key is not valid base64")},
        {"staff-why-quarantined", cannotStore(CannotStore::Quarantined, "quarantine/2026-11-23T09-14-02Z")},
        {"staff-why-disk-full", cannotStore(CannotStore::DiskFull, "/var/lib/cafcass-cymru-kiosk: 4 MB free")},
        {"staff-why-damaged", cannotStore(CannotStore::Damaged, "kiosk.db: database disk image is malformed")},
        {"staff-dashboard", [](State& s) { signIn(s); }},
        {"staff-dashboard-bad-day", [](State& s) { signIn(s, badDay()); }},
        {"staff-dashboard-cannot-store", cannotStoreThenDashboard},
        {"staff-dashboard-exported",
         afterAction(message(StaffMessage::Kind::Exported, 5, "SANDISK", "", 1))},
        {"staff-dashboard-read-only",
         afterAction(message(StaffMessage::Kind::FolderReadOnly, 0, "SANDISK",
                             "/media/staff/SANDISK: Read-only file system"))},
        {"staff-folder",
         [](State& s) {
             signIn(s);
             send(s, {StaffChooseFolder{FolderTask::Export},
                      DrivesListed{{{"SANDISK", "/media/staff/SANDISK"}, {"KINGSTON", "/media/staff/KINGSTON"}}},
                      StaffTypeFolder{}, TypeText{"/media/staff/"}});
         }},
        {"staff-folder-no-stick",
         [](State& s) { signIn(s); send(s, {StaffChooseFolder{FolderTask::ImportReceipt}, DrivesListed{{}}}); }},
        {"staff-new-pin", [](State& s) { signIn(s); send(s, {StaffOpen{StaffPage::NewPin}}); }},
        {"staff-new-pin-again",
         [](State& s) {
             signIn(s);
             send(s, {StaffOpen{StaffPage::NewPin}});
             typePin(s, "97531864");
             send(s, {PinEnter{}});
             typePin(s, "975");
         }},
        {"staff-new-pin-differ",
         [](State& s) {
             signIn(s);
             send(s, {StaffOpen{StaffPage::NewPin}});
             typePin(s, "97531864");
             send(s, {PinEnter{}});
             typePin(s, "97531865");
             send(s, {PinEnter{}});
         }},
    };
}

} // namespace kiosk::app
