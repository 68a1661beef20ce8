#include "tour_stops.hpp"

#include "../flow/step.hpp"

namespace kiosk::app {
namespace {

void send(flow::State& s, std::initializer_list<flow::Event> events) {
    for (const auto& e : events)
        (void)flow::step(s, e);
}

void toStory(flow::State& s, flow::Kind kind) {
    send(s, {flow::Tick{flow::Clock::time_point{} + std::chrono::hours(1)}, flow::ChooseLanguage{s.language},
             flow::ChooseKind{kind}});
}

void withWords(flow::State& s) {
    toStory(s, flow::Kind::Complaint);
    send(s, {flow::TypeText{s.language == flow::Language::Welsh
                                ? "Doedd fy ngweithiwr ddim yn gwrando arna i. Ŵyr neb beth ddigwyddodd i'r llythyr."
                                : "My worker did not listen to me and did not call me back when she said she would."}});
}

} // namespace

std::vector<TourStop> tourStops() {
    using namespace flow;
    return {
        {"welcome", [](State&) {}},
        {"kind", [](State& s) { send(s, {ChooseLanguage{s.language}}); }},
        {"story-empty", [](State& s) { toStory(s, Kind::Complaint); }},
        {"story-typed", withWords},
        {"story-accents", [](State& s) { withWords(s); send(s, {SetKeyboard{KeyboardLayer::Accents}, ToggleShift{}}); }},
        {"story-numbers", [](State& s) { withWords(s); send(s, {SetKeyboard{KeyboardLayer::Numbers}}); }},
        {"check", [](State& s) { withWords(s); send(s, {Next{}}); }},
        {"check-skipped", [](State& s) { toStory(s, Kind::Feedback); send(s, {SkipStory{}}); }},
        {"check-save-failed", [](State& s) { withWords(s); send(s, {Next{}, Send{}, SaveFailed{}}); }},
        {"sending", [](State& s) { withWords(s); send(s, {Next{}, Send{}}); }},
        {"thank-you-complaint", [](State& s) { withWords(s); send(s, {Next{}, Send{}, Saved{"K7M-4TX"}}); }},
        {"thank-you-compliment",
         [](State& s) { toStory(s, Kind::Compliment); send(s, {SkipStory{}, Send{}, Saved{"3HW-AT9"}}); }},
        {"still-there",
         [](State& s) {
             withWords(s);
             send(s, {Tick{s.now + s.timing.quietBeforeAsking}});
             send(s, {Tick{s.now + std::chrono::seconds(6)}});
         }},
        {"start-again", [](State& s) { withWords(s); send(s, {AskStartAgain{}}); }},
    };
}


} // namespace kiosk::app
