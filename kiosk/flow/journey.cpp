#include <flow/journey.hpp>

#include <flow/answers.hpp>

#include <cassert>

namespace kiosk::flow {
namespace {

using vocabulary::nameOf;
using namespace vocabulary::literals;

constexpr unsigned bit(Field f) { return 1u << static_cast<unsigned>(f); }

bool always(const Choices&) { return true; }
bool complaint(const Choices& c) { return c.kind == Kind::Complaint; }
bool courtChosen(const Choices& c) { return complaint(c) && c.has(Topic::CourtDecision); }
bool meetingAsked(const Choices& c) { return complaint(c) && contactAllowed(c); }

unsigned noBoxes(const Answers&) { return 0; }
bool never(const Answers&) { return false; }
bool optional(const Answers&) { return true; }
void keepsNothing(const Answers&, Kept&) {}
void showsNothing(const Kept&, std::vector<Shown>&) {}

// Each value chosen from a list, or a line saying none was.
template <class Enum, std::size_t N> void showEach(const std::bitset<N>& chosen, std::vector<Shown>& out) {
    for (const auto& row : vocabulary::all<Enum>())
        if (chosen.test(static_cast<std::size_t>(row.value)))
            out.push_back(row.key);
    if (chosen.none())
        out.push_back("check.none"_key);
}

template <class Enum> void showOne(const std::optional<Enum>& value, std::vector<Shown>& out) {
    if (value)
        out.push_back(nameOf(*value).key);
}

constexpr ScreenSpec kScreens[] = {
    {Screen::Welcome, "welcome", always, never, keepsNothing, noBoxes, {}, showsNothing},
    {Screen::Kind, "kind", always, [](const Answers& a) { return a.kind.has_value(); },
     [](const Answers& a, Kept& k) { k.choices.kind = a.kind; }, noBoxes, "check.kind"_key,
     [](const Kept& k, std::vector<Shown>& out) { showOne(k.choices.kind, out); }},
    {Screen::Who, "who", always,
     [](const Answers& a) {
         return a.who.has_value() && (a.who != Who::OnBehalf || (a.field(Field::AdultName).hasWords() &&
                                                                 a.field(Field::AdultRole).hasWords() &&
                                                                 a.youngPersonAgreed));
     },
     [](const Answers& a, Kept& k) {
         k.choices.who = a.who;
         k.choices.youngPersonAgreed = a.who == Who::OnBehalf && a.youngPersonAgreed;
     },
     [](const Answers& a) {
         if (a.who == Who::MeWithHelp)
             return bit(Field::HelperName);
         return a.who == Who::OnBehalf ? bit(Field::AdultName) | bit(Field::AdultRole) : 0u;
     },
     "check.who"_key,
     [](const Kept& k, std::vector<Shown>& out) {
         showOne(k.choices.who, out);
         for (const Field f : {Field::HelperName, Field::AdultName, Field::AdultRole})
             if (k.has(f))
                 out.emplace_back(f);
         if (k.choices.youngPersonAgreed)
             out.push_back("who.agreed"_key);
     }},
    {Screen::Help, "help", complaint, optional, [](const Answers& a, Kept& k) { k.choices.wantsAdvocate = a.wantsAdvocate; },
     noBoxes, "check.advocate"_key,
     [](const Kept& k, std::vector<Shown>& out) {
         out.push_back(k.choices.wantsAdvocate ? "help.want_advocate"_key : "check.no_advocate"_key);
     }},
    {Screen::Topics, "topics", complaint, [](const Answers& a) { return a.topics.any(); },
     [](const Answers& a, Kept& k) { k.choices.topics = a.topics; }, noBoxes, "check.topics"_key,
     [](const Kept& k, std::vector<Shown>& out) { showEach<Topic>(k.choices.topics, out); }},
    {Screen::Court, "court", courtChosen, optional, keepsNothing, noBoxes, {}, showsNothing},
    {Screen::Feelings, "feelings", always, optional,
     [](const Answers& a, Kept& k) { k.choices.feeling = a.feeling; }, noBoxes,
     "check.feeling"_key,
     [](const Kept& k, std::vector<Shown>& out) {
         out.push_back(k.choices.feeling ? vocabulary::feelingKey(*k.choices.feeling) : "check.not_given"_key);
     }},
    {Screen::Story, "story", always,
     [](const Answers& a) { return a.field(Field::Story).hasWords() || a.storySkipped; },
     [](const Answers& a, Kept& k) { k.choices.storySkipped = !a.field(Field::Story).hasWords(); },
     [](const Answers&) { return bit(Field::Story); }, "check.story"_key,
     [](const Kept& k, std::vector<Shown>& out) {
         if (k.has(Field::Story))
             out.emplace_back(Field::Story);
         else
             out.push_back("check.story_skipped"_key);
     }},
    {Screen::PutRight, "put_right", complaint, optional,
     [](const Answers& a, Kept& k) { k.choices.putRight = a.putRight; }, noBoxes, "check.put_right"_key,
     [](const Kept& k, std::vector<Shown>& out) { showEach<PutRight>(k.choices.putRight, out); }},
    {Screen::Contact, "contact", always,
     [](const Answers& a) {
         if (a.contact == Contact::Phone)
             return isPlausiblePhone(a.field(Field::Phone).text());
         if (a.contact == Contact::Email)
             return isPlausibleEmail(a.field(Field::Email).text());
         return a.contact.has_value();
     },
     [](const Answers& a, Kept& k) { k.choices.contact = a.contact; },
     [](const Answers& a) {
         const unsigned detail = a.contact == Contact::Phone   ? bit(Field::Phone)
                                 : a.contact == Contact::Email ? bit(Field::Email)
                                                               : 0u;
         return bit(Field::Name) | detail;
     },
     "check.contact"_key,
     [](const Kept& k, std::vector<Shown>& out) {
         if (k.has(Field::Name))
             out.emplace_back(Field::Name);
         showOne(k.choices.contact, out);
         for (const Field f : {Field::Phone, Field::Email})
             if (k.has(f))
                 out.emplace_back(f);
     }},
    {Screen::Meeting, "meeting", meetingAsked, optional, [](const Answers& a, Kept& k) { k.choices.meeting = a.meeting; },
     noBoxes, "check.meeting"_key,
     [](const Kept& k, std::vector<Shown>& out) {
         showOne(k.choices.meeting, out);
         if (!k.choices.meeting)
             out.push_back("check.not_given"_key);
     }},
    // A "talk to me first" chosen before contact was changed to none is no answer: it cannot be kept.
    {Screen::Sharing, "sharing", complaint, [](const Answers& a) { return a.sharing && sharingOffered(*a.sharing, a); },
     [](const Answers& a, Kept& k) {
         if (a.sharing && sharingOffered(*a.sharing, a))
             k.choices.sharing = a.sharing;
     },
     noBoxes, "check.sharing"_key,
     [](const Kept& k, std::vector<Shown>& out) { showOne(k.choices.sharing, out); }},
    {Screen::Check, "check", always, never, keepsNothing, noBoxes, {}, showsNothing},
    {Screen::Sending, "sending", always, never, keepsNothing, noBoxes, {}, showsNothing},
    {Screen::ThankYou, "thank_you", always, never, keepsNothing, noBoxes, {}, showsNothing},
};

constexpr bool inScreenOrder() {
    for (std::size_t i = 0; i < std::size(kScreens); ++i)
        if (static_cast<std::size_t>(kScreens[i].screen) != i)
            return false;
    return true;
}
static_assert(inScreenOrder(), "kScreens must describe every screen, in the order of enum Screen");

} // namespace

std::span<const ScreenSpec> screens() { return kScreens; }

const ScreenSpec& specOf(Screen screen) {
    assert(static_cast<std::size_t>(screen) < std::size(kScreens));
    return kScreens[static_cast<std::size_t>(screen)];
}

std::string_view screenName(Screen screen) { return specOf(screen).name; }

std::vector<Screen> journey(const Answers& a) {
    std::vector<Screen> path;
    for (const ScreenSpec& spec : kScreens)
        if (spec.onPath(a))
            path.push_back(spec.screen);
    return path;
}

bool isAnswered(Screen screen, const Answers& a) { return specOf(screen).answered(a); }

bool isShown(Field field, Screen screen, const Answers& a) { return (specOf(screen).fields(a) & bit(field)) != 0; }

Kept kept(const Answers& a) {
    Kept k;
    for (const Screen screen : journey(a)) {
        specOf(screen).keep(a, k);
        // The words of every box the path shows, where there are any.
        for (const auto& box : vocabulary::all<Field>())
            if (isShown(box.value, screen, a) && a.field(box.value).hasWords())
                k.keep(box.value);
    }
    return k;
}

std::vector<Shown> shownOnCheck(Screen screen, const Kept& k) {
    std::vector<Shown> out;
    specOf(screen).show(k, out);
    return out;
}

bool contactAllowed(const Choices& c) { return c.contact && *c.contact != Contact::None; }

bool sharingOffered(Sharing sharing, const Choices& c) { return sharing != Sharing::TalkFirst || contactAllowed(c); }

bool promisesDate(const Choices& c) { return c.kind == Kind::Complaint && contactAllowed(c); }

bool speaksToAdult(const State& state) {
    return state.answers.who == Who::OnBehalf && state.screen != Screen::Welcome && state.screen != Screen::Kind;
}

} // namespace kiosk::flow
