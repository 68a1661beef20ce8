#include <flow/step.hpp>

#include "run_events.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace kiosk::flow;
using namespace kiosk::vocabulary::literals;

namespace {

using kiosk::test::run;

// A child on their own at Check, having answered everything the kind of submission asks.
State atCheck(Kind kind, Contact contact) {
    State s;
    run(s, {Tick{Clock::time_point{} + std::chrono::hours(1000)}, ChooseLanguage{Language::English}, ChooseKind{kind},
            ChooseWho{Who::Me}, Next{}});
    if (kind == Kind::Complaint)
        run(s, {Next{}, ToggleTopic{Topic::TooLong}, Next{}});
    run(s, {Next{}, TypeText{"words"}, Next{}});
    if (kind == Kind::Complaint)
        run(s, {Next{}});
    run(s, {ChooseContact{contact}});
    if (contact == Contact::Phone)
        run(s, {TypeText{"07700 900123"}});
    if (contact == Contact::Email)
        run(s, {TypeText{"a@b.cy"}});
    run(s, {Next{}});
    if (kind == Kind::Complaint && contact != Contact::None)
        run(s, {Next{}});
    if (kind == Kind::Complaint)
        run(s, {ChooseSharing{Sharing::Yes}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    return s;
}

} // namespace

TEST_CASE("every screen is described once, in order, with a name of its own") {
    std::set<std::string_view> names;
    for (const auto& spec : screens()) {
        CHECK(specOf(spec.screen).name == spec.name);
        names.insert(spec.name);
    }
    CHECK(names.size() == screens().size());
}

TEST_CASE("only a complaint that may be answered is promised a date, decided when it is sent") {
    for (const auto kind : {Kind::Complaint, Kind::Compliment, Kind::Feedback}) {
        for (const auto contact : {Contact::Phone, Contact::Email, Contact::ThroughAdult, Contact::None}) {
            State s = atCheck(kind, contact);
            const auto effects = run(s, {Send{}});
            REQUIRE(effects.size() == 1);
            INFO(static_cast<int>(kind) << " " << static_cast<int>(contact));
            CHECK(std::get<SaveSubmission>(effects.front()).promiseDate ==
                  (kind == Kind::Complaint && contact != Contact::None));
        }
    }
}

TEST_CASE("check shows exactly what is sent: a helper's name typed before choosing 'me' is neither") {
    State s = atCheck(Kind::Feedback, Contact::None);
    run(s, {GoTo{Screen::Who}, ChooseWho{Who::MeWithHelp}, TypeText{"Nain"}, ChooseWho{Who::Me}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    const Kept k = kept(s.answers);
    CHECK_FALSE(k.has(Field::HelperName));
    CHECK(shownOnCheck(Screen::Who, k) == std::vector<Shown>{"who.me"_key});
    CHECK(shownOnCheck(Screen::Story, k) == std::vector<Shown>{Field::Story});
    const auto effects = run(s, {Send{}});
    CHECK(std::get<SaveSubmission>(effects.front()).text(Field::HelperName).empty());
}

TEST_CASE("typing goes nowhere but the box on the screen showing, and never under a panel") {
    State s = atCheck(Kind::Feedback, Contact::Phone);
    run(s, {GoTo{Screen::Story}});
    REQUIRE(typingInto(s) == Field::Story);
    // A box from another screen cannot be given the keyboard here.
    run(s, {Focus{Field::Phone}, TypeText{"9"}});
    CHECK(s.answers.field(Field::Phone).text() == "07700 900123");
    CHECK(s.answers.field(Field::Story).text() == "words9");
    // With a panel over the screen, what is typed reaches no answer.
    run(s, {NotSafe{}});
    CHECK_FALSE(typingInto(s).has_value());
    run(s, {TypeText{"secret"}, Erase{}});
    CHECK(s.answers.field(Field::Story).text() == "words9");
    run(s, {Dismiss{}, TypeText{"!"}});
    CHECK(s.answers.field(Field::Story).text() == "words9!");
    // On Contact with email chosen, the phone number's box is not shown, so it cannot take typing.
    run(s, {Next{}, GoTo{Screen::Contact}});
    REQUIRE(s.screen == Screen::Contact);
    run(s, {ChooseContact{Contact::Email}, Focus{Field::Phone}, TypeText{"1"}});
    CHECK(s.answers.field(Field::Phone).text() == "07700 900123");
    CHECK(s.answers.field(Field::Email).text() == "1");
}

// Found by attacking the flow: ChooseKind used to move on whatever screen showed. From Check that
// was Sending, with nothing sent and no timeout: the child's words stayed in memory until hidden.
TEST_CASE("a kind chosen while Check is showing does not leave the kiosk on Sending with nothing saved") {
    State s = atCheck(Kind::Feedback, Contact::None);
    const auto effects = run(s, {ChooseKind{Kind::Compliment}});
    CHECK(s.screen != Screen::Sending);
    if (s.screen == Screen::Sending)
        CHECK(effects.size() == 1);
    // And the session must still end by itself if the child walks away.
    run(s, {Tick{s.now + s.timing.quietBeforeAsking + s.timing.answerWindow + std::chrono::seconds(1)},
            Tick{s.now + 2 * (s.timing.quietBeforeAsking + s.timing.answerWindow)}});
    CHECK((s.screen == Screen::Welcome || s.overlay == Overlay::StillThere));
}

TEST_CASE("a kiosk that found it cannot store lets no child begin, and one that can does") {
    State s;
    run(s, {StorageChecked{CannotStore::NoKey}, ChooseLanguage{Language::English}});
    CHECK(s.screen == Screen::Welcome);
    run(s, {QuickHide{}}); // a new session still cannot begin
    run(s, {ChooseLanguage{Language::Welsh}});
    CHECK(s.screen == Screen::Welcome);
    run(s, {NotSafe{}}); // what to do when not safe is there all the same
    CHECK(s.overlay == Overlay::NotSafe);
    run(s, {Dismiss{}, StorageChecked{CannotStore::None}, ChooseLanguage{Language::Welsh}});
    CHECK(s.screen == Screen::Kind);
}

TEST_CASE("an adult telling us for a young person is spoken to as such from Who on, until the session ends") {
    State s;
    run(s, {Tick{Clock::time_point{} + std::chrono::hours(1000)}, ChooseLanguage{Language::Welsh},
            ChooseKind{Kind::Complaint}});
    CHECK_FALSE(speaksToAdult(s));
    run(s, {ChooseWho{Who::OnBehalf}});
    CHECK(speaksToAdult(s));
    run(s, {TypeText{"Siân"}, Focus{Field::AdultRole}, TypeText{"Eiriolwr"}, ToggleAgreed{}, Next{}});
    REQUIRE(s.screen == Screen::Help);
    CHECK(speaksToAdult(s));
    run(s, {Back{}, Back{}});
    REQUIRE(s.screen == Screen::Kind);
    CHECK_FALSE(speaksToAdult(s)); // asked before anyone said who they are
    run(s, {ChooseKind{Kind::Complaint}, ChooseWho{Who::Me}});
    CHECK_FALSE(speaksToAdult(s));
    run(s, {ChooseWho{Who::OnBehalf}, QuickHide{}});
    CHECK_FALSE(speaksToAdult(s));
}
