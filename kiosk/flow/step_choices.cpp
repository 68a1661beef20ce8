#include <flow/handlers.hpp>
#include <flow/journey.hpp>

// The answers to the questions. Each counts only on the screen that asks it (a kind chosen while
// Check shows would otherwise move on to Sending with nothing sent). A choice is kept once made;
// which of them are sent is decided by the journey (journey.cpp), so changing one's mind loses nothing.

namespace kiosk::flow::detail {
namespace {

template <std::size_t N, class E> void toggle(std::bitset<N>& bits, E value) { bits.flip(static_cast<std::size_t>(value)); }

} // namespace

Effects on(State& s, const ChooseKind& e) {
    if (s.screen != Screen::Kind)
        return {};
    s.answers.kind = e.kind;
    goForward(s);
    return {};
}

Effects on(State& s, const ChooseWho& e) {
    if (s.screen != Screen::Who)
        return {};
    Answers& a = s.answers;
    a.who = e.who;
    if (e.who == Who::OnBehalf && !a.field(Field::AdultName).hasWords())
        focus(s, Field::AdultName);
    else if (e.who == Who::MeWithHelp && !a.field(Field::HelperName).hasWords())
        focus(s, Field::HelperName);
    else
        s.focus.reset();
    return {};
}

Effects on(State& s, const ToggleAgreed&) {
    if (s.screen != Screen::Who)
        return {};
    s.answers.youngPersonAgreed = !s.answers.youngPersonAgreed;
    s.focus.reset(); // the details are typed: the keyboard can go
    return {};
}

Effects on(State& s, const ToggleAdvocate&) {
    if (s.screen != Screen::Help)
        return {};
    s.answers.wantsAdvocate = !s.answers.wantsAdvocate;
    return {};
}

Effects on(State& s, const ToggleTopic& e) {
    if (s.screen != Screen::Topics)
        return {};
    toggle(s.answers.topics, e.topic);
    return {};
}

Effects on(State& s, const ChooseFeeling& e) {
    if (s.screen != Screen::Feelings)
        return {};
    // The same again clears it: the scale is optional.
    if (e.feeling >= vocabulary::kFeelingMin && e.feeling <= vocabulary::kFeelingMax)
        s.answers.feeling = s.answers.feeling == e.feeling ? std::nullopt : std::optional<int>(e.feeling);
    return {};
}

Effects on(State& s, const TogglePutRight& e) {
    if (s.screen != Screen::PutRight)
        return {};
    toggle(s.answers.putRight, e.way);
    return {};
}

Effects on(State& s, const ChooseContact& e) {
    if (s.screen != Screen::Contact)
        return {};
    s.answers.contact = e.contact;
    if (e.contact == Contact::Phone)
        focus(s, Field::Phone);
    else if (e.contact == Contact::Email)
        focus(s, Field::Email);
    else
        s.focus.reset();
    return {};
}

Effects on(State& s, const ChooseMeeting& e) {
    if (s.screen != Screen::Meeting)
        return {};
    s.answers.meeting = s.answers.meeting == e.meeting ? std::nullopt : std::optional(e.meeting);
    return {};
}

Effects on(State& s, const ChooseSharing& e) {
    if (s.screen != Screen::Sharing || !sharingOffered(e.sharing, s.answers))
        return {};
    s.answers.sharing = e.sharing;
    return {};
}

} // namespace kiosk::flow::detail
