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

void start(State& s, Kind kind) {
    send(s, {Tick{Clock::time_point{} + std::chrono::hours(1)}, ChooseLanguage{s.language}, ChooseKind{kind}});
}

// A complaint made by an advocate for a young person, every part answered, up to a screen.
void complaintTo(State& s, Screen until) {
    start(s, Kind::Complaint);
    const auto reached = [&] { return s.screen == until; };
    send(s, {ChooseWho{Who::OnBehalf}, TypeText{"Siân Ŵyn"}, Focus{Field::AdultRole},
             TypeText{welsh(s) ? "Eiriolwr" : "Advocate"}, ToggleAgreed{}});
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

} // namespace

std::vector<TourStop> tourStops() {
    return {
        {"welcome", [](State&) {}},
        {"welcome-cannot-save", [](State& s) { send(s, {StorageChecked{false}}); }},
        {"kind", [](State& s) { send(s, {ChooseLanguage{s.language}}); }},
        {"who-empty", [](State& s) { start(s, Kind::Complaint); }},
        {"who-on-behalf", complaintAt(Screen::Who)},
        {"who-with-helper", [](State& s) { start(s, Kind::Compliment); send(s, {ChooseWho{Who::MeWithHelp}}); }},
        {"help", complaintAt(Screen::Help)},
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
        {"contact-none",
         [](State& s) { complaintTo(s, Screen::Contact); send(s, {ChooseContact{Contact::None}}); }},
        {"meeting", complaintAt(Screen::Meeting)},
        {"sharing", complaintAt(Screen::Sharing)},
        {"check", complaintAt(Screen::Check)},
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
        {"larger-text", [](State& s) { complaintTo(s, Screen::Topics); send(s, {ToggleLargeText{}}); }},
        {"still-there",
         [](State& s) {
             complaintTo(s, Screen::Story);
             send(s, {Tick{s.now + s.timing.quietBeforeAsking}});
             send(s, {Tick{s.now + std::chrono::seconds(6)}});
         }},
        {"start-again", [](State& s) { complaintTo(s, Screen::Story); send(s, {AskStartAgain{}}); }},
        {"not-safe", [](State& s) { complaintTo(s, Screen::Topics); send(s, {NotSafe{}}); }},
        {"not-safe-welcome", [](State& s) { send(s, {NotSafe{}}); }},
    };
}

} // namespace kiosk::app
