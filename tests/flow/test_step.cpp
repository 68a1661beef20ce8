#include <flow/answers.hpp>
#include <flow/effect.hpp>
#include <flow/step.hpp>

#include "run_events.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::flow;
using namespace std::chrono_literals;

namespace {

using kiosk::test::kStart;
using kiosk::test::run;
using kiosk::test::started;

// A child on their own, up to the screen where they type.
State atStory(Kind kind, Language language = Language::English) {
    State s = started();
    run(s, {ChooseLanguage{language}, ChooseKind{kind}, ChooseWho{Who::Me}, Next{}});
    if (kind == Kind::Complaint)
        run(s, {Next{}, ToggleTopic{Topic::TooLong}, Next{}});
    run(s, {Next{}});
    return s;
}

const SaveSubmission& onlySave(const Effects& effects) {
    REQUIRE(effects.size() == 1);
    return std::get<SaveSubmission>(effects.front());
}

} // namespace

TEST_CASE("a complaint passes every screen in order and every answer reaches the save effect") {
    State s = started();
    run(s, {ChooseLanguage{Language::Welsh}});
    CHECK(s.screen == Screen::Kind);
    run(s, {ChooseKind{Kind::Complaint}});
    CHECK(s.screen == Screen::Who);
    run(s, {ChooseWho{Who::OnBehalf}});
    CHECK(s.focus == Field::AdultName);
    run(s, {TypeText{"Siân"}, Focus{Field::AdultRole}, TypeText{"Eiriolwr"}, Next{}});
    CHECK(s.screen == Screen::Who); // not until the young person's agreement is confirmed
    run(s, {ToggleAgreed{}, Next{}});
    CHECK(s.screen == Screen::Help);
    run(s, {ToggleAdvocate{}, Next{}});
    CHECK(s.screen == Screen::Topics);
    run(s, {Next{}});
    CHECK(s.screen == Screen::Topics); // at least one topic
    run(s, {ToggleTopic{Topic::NotListened}, ToggleTopic{Topic::CourtDecision}, Next{}});
    CHECK(s.screen == Screen::Court);
    run(s, {Next{}});
    CHECK(s.screen == Screen::Feelings);
    run(s, {ChooseFeeling{2}, Next{}});
    CHECK(s.screen == Screen::Story);
    CHECK(s.focus == Field::Story);
    run(s, {TypeText{"Doedd neb yn gwrando"}, Next{}});
    CHECK(s.screen == Screen::PutRight);
    run(s, {TogglePutRight{PutRight::Explanation}, TogglePutRight{PutRight::TalkToSomeone}, Next{}});
    CHECK(s.screen == Screen::Contact);
    run(s, {Focus{Field::Name}, TypeText{"Cerys"}, ChooseContact{Contact::Phone}});
    CHECK(s.focus == Field::Phone);
    CHECK(s.keyboard == KeyboardLayer::Phone);
    run(s, {TypeText{"0770"}, Next{}});
    CHECK(s.screen == Screen::Contact); // not a whole number yet
    run(s, {TypeText{"0 900123"}, Next{}});
    CHECK(s.screen == Screen::Meeting);
    run(s, {ChooseMeeting{Meeting::Video}, Next{}});
    CHECK(s.screen == Screen::Sharing);
    run(s, {Next{}});
    CHECK(s.screen == Screen::Sharing); // a choice is needed
    run(s, {ChooseSharing{Sharing::TalkFirst}, Next{}});
    CHECK(s.screen == Screen::Check);

    const auto effects = run(s, {Send{}});
    CHECK(s.screen == Screen::Sending);
    const auto& save = onlySave(effects);
    const Choices& c = save.choices;
    CHECK(c.kind == Kind::Complaint);
    CHECK(c.who == Who::OnBehalf);
    CHECK(c.youngPersonAgreed);
    CHECK(c.wantsAdvocate);
    CHECK(c.has(Topic::NotListened));
    CHECK(c.has(Topic::CourtDecision));
    CHECK_FALSE(c.has(Topic::TooLong));
    CHECK(c.feeling == 2);
    CHECK(c.has(PutRight::Explanation));
    CHECK(c.has(PutRight::TalkToSomeone));
    CHECK(c.contact == Contact::Phone);
    CHECK(c.meeting == Meeting::Video);
    CHECK(c.sharing == Sharing::TalkFirst);
    CHECK(save.text(Field::AdultName) == "Siân");
    CHECK(save.text(Field::AdultRole) == "Eiriolwr");
    CHECK(save.text(Field::Story) == "Doedd neb yn gwrando");
    CHECK(save.text(Field::Name) == "Cerys");
    CHECK(save.text(Field::Phone) == "07700 900123");
    CHECK(save.language == Language::Welsh);
    CHECK_FALSE(save.priority);

    run(s, {Saved{s.job, "K7M-4TX", Day{2026, 11, 24, 2}}});
    CHECK(s.screen == Screen::ThankYou);
    CHECK(s.reference == "K7M-4TX");
    CHECK(s.contactBy == Day{2026, 11, 24, 2});
    for (const auto& f : s.answers.fields)
        CHECK(f.empty()); // stored, so forgotten
    run(s, {Finish{}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.reference.empty());
    CHECK_FALSE(s.contactBy.has_value());
    CHECK_FALSE(s.answers.kind.has_value());
}

TEST_CASE("compliments and feedback take the shorter path") {
    for (const auto kind : {Kind::Compliment, Kind::Feedback}) {
        Answers a;
        a.kind = kind;
        a.contact = Contact::Email;
        CHECK(journey(a) == std::vector<Screen>{Screen::Welcome, Screen::Kind, Screen::Who, Screen::Feelings,
                                                Screen::Story, Screen::Contact, Screen::Check, Screen::Sending,
                                                Screen::ThankYou});
    }
}

TEST_CASE("the court screen comes only with the court topic, and meeting only when contact is allowed") {
    Answers a;
    a.kind = Kind::Complaint;
    a.contact = Contact::None;
    auto path = journey(a);
    CHECK(std::count(path.begin(), path.end(), Screen::Court) == 0);
    CHECK(std::count(path.begin(), path.end(), Screen::Meeting) == 0);
    a.topics.set(static_cast<std::size_t>(Topic::CourtDecision));
    a.contact = Contact::ThroughAdult;
    path = journey(a);
    CHECK(std::count(path.begin(), path.end(), Screen::Court) == 1);
    CHECK(std::count(path.begin(), path.end(), Screen::Meeting) == 1);
}

TEST_CASE("thank you shows only after the save is confirmed; a failure keeps every answer") {
    State s = atStory(Kind::Feedback);
    run(s, {TypeText{"More games please"}, Next{}, ChooseContact{Contact::None}, Next{}, Send{}});
    REQUIRE(s.screen == Screen::Sending);
    run(s, {Tick{kStart + 10min}}); // no timeout while storing
    CHECK(s.screen == Screen::Sending);
    CHECK(s.overlay == Overlay::None);
    run(s, {SaveFailed{s.job}});
    CHECK(s.screen == Screen::Check);
    CHECK(s.saveFailed);
    CHECK(s.answers.field(Field::Story).text() == "More games please");
    CHECK(s.answers.kind == Kind::Feedback);
    const auto effects = run(s, {Send{}});
    CHECK(effects.size() == 1);
    CHECK_FALSE(s.saveFailed);
}

TEST_CASE("a late Saved after the session moved on does not show someone else a thank you") {
    State s = atStory(Kind::Complaint);
    run(s, {Saved{1, "AAA-AAA", std::nullopt}});
    CHECK(s.screen == Screen::Story);
    CHECK(s.reference.empty());
}

TEST_CASE("switching language keeps every answer and the cursor") {
    State s = atStory(Kind::Compliment, Language::Welsh);
    run(s, {TypeText{"Roedd hi'n garedig"}, MoveCursor{-3}});
    const auto cursor = s.answers.field(Field::Story).cursor();
    run(s, {ChooseLanguage{Language::English}});
    CHECK(s.language == Language::English);
    CHECK(s.screen == Screen::Story);
    CHECK(s.answers.field(Field::Story).text() == "Roedd hi'n garedig");
    CHECK(s.answers.field(Field::Story).cursor() == cursor);
    CHECK(s.answers.who == Who::Me);
    run(s, {ChooseLanguage{Language::Welsh}});
    CHECK(s.answers.field(Field::Story).text() == "Roedd hi'n garedig");
}

TEST_CASE("next needs words on the story; skip goes on with nothing written") {
    State s = atStory(Kind::Complaint);
    run(s, {TypeText{"   "}, Next{}});
    CHECK(s.screen == Screen::Story);
    run(s, {SkipStory{}});
    CHECK(s.screen == Screen::PutRight);
    CHECK(s.answers.storySkipped);
    CHECK(s.answers.field(Field::Story).empty());
}

TEST_CASE("an adult cannot go on for a young person without name, role and agreement") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Complaint}, ChooseWho{Who::OnBehalf}});
    CHECK_FALSE(canGoForward(s));
    run(s, {TypeText{"Jo"}});
    CHECK_FALSE(canGoForward(s));
    run(s, {Focus{Field::AdultRole}, TypeText{"Teacher"}});
    CHECK_FALSE(canGoForward(s));
    run(s, {ToggleAgreed{}});
    CHECK(canGoForward(s));
    run(s, {ToggleAgreed{}});
    CHECK_FALSE(canGoForward(s));
    run(s, {ChooseWho{Who::Me}});
    CHECK(canGoForward(s));
}

TEST_CASE("contact details are checked before going on; no contact is allowed") {
    State s = atStory(Kind::Feedback);
    run(s, {SkipStory{}});
    REQUIRE(s.screen == Screen::Contact);
    CHECK_FALSE(canGoForward(s));
    run(s, {ChooseContact{Contact::Email}, TypeText{"cerys@example"}});
    CHECK_FALSE(canGoForward(s));
    run(s, {TypeText{".com"}});
    CHECK(canGoForward(s));
    run(s, {ChooseContact{Contact::None}});
    CHECK(canGoForward(s));
    CHECK_FALSE(s.focus.has_value());
}

TEST_CASE("phone numbers and email addresses are checked for shape") {
    CHECK(isPlausiblePhone("07700 900123"));
    CHECK(isPlausiblePhone("+44 7700 900123"));
    CHECK(isPlausiblePhone("(029) 2000 0000"));
    CHECK_FALSE(isPlausiblePhone("0770"));
    CHECK_FALSE(isPlausiblePhone("07700 9001x3"));
    CHECK_FALSE(isPlausiblePhone("0770+0900123"));
    CHECK(isPlausibleEmail("cerys@example.com"));
    CHECK(isPlausibleEmail("a.b@gov.wales"));
    CHECK_FALSE(isPlausibleEmail("cerys@example"));
    CHECK_FALSE(isPlausibleEmail("@example.com"));
    CHECK_FALSE(isPlausibleEmail("a@b@c.com"));
    CHECK_FALSE(isPlausibleEmail("a b@c.com"));
    CHECK_FALSE(isPlausibleEmail("a@b..com"));
}

TEST_CASE("back walks the journey in reverse, and nowhere from thank you") {
    State s = atStory(Kind::Complaint);
    run(s, {TypeText{"x"}, Back{}});
    CHECK(s.screen == Screen::Feelings);
    run(s, {Back{}});
    CHECK(s.screen == Screen::Topics);
    run(s, {Back{}, Back{}, Back{}});
    CHECK(s.screen == Screen::Kind);
    CHECK(s.answers.kind == Kind::Complaint); // still chosen
    run(s, {Back{}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.answers.field(Field::Story).text() == "x"); // nothing lost by going back

    State t = atStory(Kind::Feedback);
    run(t, {SkipStory{}, ChooseContact{Contact::None}, Next{}, Send{}});
    run(t, {Saved{t.job, "AAA-AAA", std::nullopt}, Back{}});
    CHECK(t.screen == Screen::ThankYou);
}

TEST_CASE("change on check your answers returns to check, by way of anything newly required") {
    State s = atStory(Kind::Feedback);
    run(s, {TypeText{"first"}, Next{}, ChooseContact{Contact::None}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    run(s, {GoTo{Screen::Story}, TypeText{" and more"}, Next{}});
    CHECK(s.screen == Screen::Check);
    CHECK(s.answers.field(Field::Story).text() == "first and more");
    run(s, {GoTo{Screen::Story}, Back{}});
    CHECK(s.screen == Screen::Check);
    // Feedback becomes a complaint: the topics and sharing questions must be answered on the way back.
    run(s, {GoTo{Screen::Kind}, ChooseKind{Kind::Complaint}});
    CHECK(s.screen == Screen::Topics);
    run(s, {ToggleTopic{Topic::Behaviour}, Next{}});
    CHECK(s.screen == Screen::Sharing);
    run(s, {ChooseSharing{Sharing::Yes}, Next{}});
    CHECK(s.screen == Screen::Check);
}

TEST_CASE("the keyboard: shift is for one letter, accents return to letters after one") {
    State s = atStory(Kind::Complaint, Language::Welsh);
    run(s, {ToggleShift{}});
    CHECK(s.shift);
    run(s, {TypeText{"Ŵ"}});
    CHECK_FALSE(s.shift);
    run(s, {SetKeyboard{KeyboardLayer::Accents}});
    CHECK(s.keyboard == KeyboardLayer::Accents);
    run(s, {TypeText{"ŷ"}});
    CHECK(s.keyboard == KeyboardLayer::Letters);
    run(s, {SetKeyboard{KeyboardLayer::Numbers}, TypeText{"1"}});
    CHECK(s.keyboard == KeyboardLayer::Numbers);
    run(s, {Erase{}, Erase{}});
    CHECK(s.answers.field(Field::Story).text() == "Ŵ");
}

TEST_CASE("typing goes only into the box that has the keyboard") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Compliment}, TypeText{"lost"}});
    for (const auto& f : s.answers.fields)
        CHECK(f.empty());
    run(s, {ChooseWho{Who::MeWithHelp}});
    CHECK(s.focus == Field::HelperName);
    run(s, {TypeText{"Nain"}});
    CHECK(s.answers.field(Field::HelperName).text() == "Nain");
    CHECK(s.answers.field(Field::Story).empty());
}

TEST_CASE("each box has its own limit and keyboard") {
    CHECK(fieldLimit(Field::Story) == 2000);
    CHECK(fieldLimit(Field::Phone) == 20);
    CHECK(layerFor(Field::Phone) == KeyboardLayer::Phone);
    CHECK(layerFor(Field::Email) == KeyboardLayer::Email);
    CHECK(layerFor(Field::Name) == KeyboardLayer::Letters);
    Answers a;
    CHECK(a.field(Field::Phone).maxChars() == 20);
}

TEST_CASE("the feelings scale is optional and a second tap clears it") {
    State s = atStory(Kind::Compliment);
    run(s, {Back{}});
    REQUIRE(s.screen == Screen::Feelings);
    CHECK(canGoForward(s));
    run(s, {ChooseFeeling{4}});
    CHECK(s.answers.feeling == 4);
    run(s, {ChooseFeeling{4}});
    CHECK_FALSE(s.answers.feeling.has_value());
    run(s, {ChooseFeeling{9}});
    CHECK_FALSE(s.answers.feeling.has_value());
}

TEST_CASE("quick hide shows welcome at once and forgets everything") {
    State s = atStory(Kind::Complaint);
    run(s, {TypeText{"private"}, ToggleLargeText{}, QuickHide{}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.overlay == Overlay::None);
    CHECK(s.answers.field(Field::Story).empty());
    CHECK_FALSE(s.answers.kind.has_value());
    CHECK_FALSE(s.answers.who.has_value());
    CHECK_FALSE(s.largeText);
}

TEST_CASE("'I don't feel safe' shows help at once and marks what is sent as priority") {
    State s = atStory(Kind::Complaint);
    run(s, {NotSafe{}});
    CHECK(s.overlay == Overlay::NotSafe);
    CHECK(s.priority);
    run(s, {TypeText{"ignored while the help shows"}});
    CHECK(s.answers.field(Field::Story).empty());
    run(s, {Dismiss{}});
    CHECK(s.overlay == Overlay::None);
    CHECK(s.screen == Screen::Story);
    run(s, {TypeText{"help"}, Next{}, Next{}, ChooseContact{Contact::None}, Next{}, ChooseSharing{Sharing::No}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    CHECK(onlySave(run(s, {Send{}})).priority);
    // Quick hide from the help panel, too.
    State t = started();
    run(t, {NotSafe{}});
    CHECK(t.overlay == Overlay::NotSafe);
    run(t, {QuickHide{}});
    CHECK(t.overlay == Overlay::None);
    CHECK_FALSE(t.priority);
}

TEST_CASE("after a quiet spell the kiosk asks, gives at least 20 seconds, then forgets everything") {
    State s = atStory(Kind::Complaint);
    run(s, {TypeText{"private words"}});
    const auto quiet = s.timing.quietBeforeAsking;
    REQUIRE(s.timing.answerWindow >= 20s);

    run(s, {Tick{kStart + quiet - 1s}});
    CHECK(s.overlay == Overlay::None);
    run(s, {Tick{kStart + quiet}});
    CHECK(s.overlay == Overlay::StillThere);
    CHECK(secondsLeftToAnswer(s) == s.timing.answerWindow.count());

    // Other taps do nothing while the question is up.
    run(s, {Tick{kStart + quiet + 5s}, TypeText{"zzz"}, Next{}});
    CHECK(s.answers.field(Field::Story).text() == "private words");
    CHECK(secondsLeftToAnswer(s) == s.timing.answerWindow.count() - 5);

    run(s, {Tick{kStart + quiet + s.timing.answerWindow - 1s}});
    CHECK(s.screen == Screen::Story);
    run(s, {Tick{kStart + quiet + s.timing.answerWindow}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.overlay == Overlay::None);
    CHECK(s.answers.field(Field::Story).empty());
    CHECK_FALSE(s.answers.kind.has_value());
}

TEST_CASE("answering 'I'm still here' keeps the answers and restarts the quiet spell") {
    State s = atStory(Kind::Complaint, Language::Welsh);
    run(s, {TypeText{"geiriau"}});
    const auto asked = kStart + s.timing.quietBeforeAsking;
    run(s, {Tick{asked}});
    REQUIRE(s.overlay == Overlay::StillThere);
    run(s, {Tick{asked + 10s}, Dismiss{}});
    CHECK(s.overlay == Overlay::None);
    CHECK(s.answers.field(Field::Story).text() == "geiriau");
    run(s, {Tick{asked + 10s + s.timing.quietBeforeAsking - 1s}});
    CHECK(s.overlay == Overlay::None);
    run(s, {Tick{asked + 10s + s.timing.quietBeforeAsking}});
    CHECK(s.overlay == Overlay::StillThere);
}

TEST_CASE("an untouched welcome screen never times out, so the kiosk can sleep") {
    State s = started();
    CHECK_FALSE(nextWake(s).has_value());
    run(s, {Tick{kStart + 24h}});
    CHECK(s.overlay == Overlay::None);
    run(s, {ChooseLanguage{Language::English}});
    REQUIRE(nextWake(s).has_value());
    CHECK(*nextWake(s) == kStart + 24h + s.timing.quietBeforeAsking);
}

TEST_CASE("while asking, the kiosk wakes every second for the countdown") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, Tick{kStart + s.timing.quietBeforeAsking}});
    REQUIRE(s.overlay == Overlay::StillThere);
    CHECK(*nextWake(s) == s.askedAt + 1s);
    run(s, {Tick{s.askedAt + 1500ms}});
    CHECK(*nextWake(s) == s.askedAt + 2s);
}

TEST_CASE("start again asks first when something has been said, and then wipes") {
    State s = started();
    run(s, {ChooseLanguage{Language::English}, AskStartAgain{}});
    CHECK(s.screen == Screen::Welcome); // nothing said yet: straight back
    s = atStory(Kind::Complaint);
    run(s, {TypeText{"words"}, AskStartAgain{}});
    CHECK(s.overlay == Overlay::ConfirmStartAgain);
    run(s, {Dismiss{}});
    CHECK(s.overlay == Overlay::None);
    CHECK(s.answers.field(Field::Story).text() == "words");
    run(s, {AskStartAgain{}, ConfirmStartAgain{}});
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.answers.field(Field::Story).empty());
    CHECK(s.language == Language::Welsh);
}

TEST_CASE("input while storing is ignored, except quick hide") {
    State s = atStory(Kind::Feedback);
    run(s, {SkipStory{}, ChooseContact{Contact::None}, Next{}, Send{}});
    REQUIRE(s.screen == Screen::Sending);
    const auto effects = run(s, {Send{}, AskStartAgain{}, Back{}, NotSafe{}});
    CHECK(effects.empty());
    CHECK(s.screen == Screen::Sending);
    CHECK(s.overlay == Overlay::None);
    run(s, {QuickHide{}});
    CHECK(s.screen == Screen::Welcome);
    run(s, {Saved{s.job, "AAA-AAA", std::nullopt}}); // the store finishing later shows nothing
    CHECK(s.screen == Screen::Welcome);
    CHECK(s.reference.empty());
}

TEST_CASE("larger text is a setting of the session") {
    State s = atStory(Kind::Feedback);
    run(s, {ToggleLargeText{}});
    CHECK(s.largeText);
    run(s, {ToggleLargeText{}});
    CHECK_FALSE(s.largeText);
}

TEST_CASE("send asks a question left unanswered by a change before anything is sent") {
    State s = atStory(Kind::Feedback);
    run(s, {SkipStory{}, ChooseContact{Contact::None}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    run(s, {GoTo{Screen::Who}, ChooseWho{Who::OnBehalf}, TypeText{"Jo"}, Back{}});
    REQUIRE(s.screen == Screen::Check);
    CHECK(run(s, {Send{}}).empty());
    CHECK(s.screen == Screen::Who);
    run(s, {Focus{Field::AdultRole}, TypeText{"Teacher"}, ToggleAgreed{}, Next{}});
    CHECK(s.screen == Screen::Check);
    const auto effects = run(s, {Send{}});
    const auto& save = onlySave(effects);
    CHECK(save.choices.youngPersonAgreed);
    CHECK(save.text(Field::AdultRole) == "Teacher");
}

TEST_CASE("only the answers of the path taken are sent") {
    State s = atStory(Kind::Complaint);
    // Complaint answers, then a change to a compliment.
    run(s, {Back{}, Back{}, Back{}, ToggleAdvocate{}, Next{}, ToggleTopic{Topic::Behaviour}, Next{}, Next{},
            TypeText{"kind words"}, Next{}, TogglePutRight{PutRight::ChangeHow}, Next{}});
    REQUIRE(s.screen == Screen::Contact);
    run(s, {ChooseContact{Contact::Phone}, TypeText{"07700 900123"}, ChooseContact{Contact::Email},
            TypeText{"a@b.cy"}, Next{}, ChooseMeeting{Meeting::Phone}, Next{}, ChooseSharing{Sharing::Yes}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    run(s, {GoTo{Screen::Who}, ChooseWho{Who::MeWithHelp}, TypeText{"Nain"}, ChooseWho{Who::Me}, Next{}});
    run(s, {GoTo{Screen::Kind}, ChooseKind{Kind::Compliment}});
    REQUIRE(s.screen == Screen::Check);
    const auto effects = run(s, {Send{}});
    const auto& save = onlySave(effects);
    const Choices& c = save.choices;
    CHECK(c.kind == Kind::Compliment);
    CHECK_FALSE(c.topics.any());
    CHECK_FALSE(c.putRight.any());
    CHECK_FALSE(c.wantsAdvocate);
    CHECK_FALSE(c.sharing.has_value());
    CHECK_FALSE(c.meeting.has_value());
    CHECK(save.text(Field::HelperName).empty());
    CHECK(save.text(Field::Phone).empty());
    CHECK(save.text(Field::Email) == "a@b.cy");
    CHECK(save.text(Field::Story) == "kind words");
}

TEST_CASE("a change that ticks the court's decision still shows what we can and cannot do") {
    State s = atStory(Kind::Complaint);
    run(s, {SkipStory{}, Next{}, ChooseContact{Contact::None}, Next{}, ChooseSharing{Sharing::No}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    run(s, {GoTo{Screen::Topics}, ToggleTopic{Topic::CourtDecision}, Next{}});
    CHECK(s.screen == Screen::Court);
    run(s, {Next{}});
    CHECK(s.screen == Screen::Check);
}

TEST_CASE("a slow save from an earlier session never shows on a later child's screen") {
    State s = atStory(Kind::Feedback);
    run(s, {SkipStory{}, ChooseContact{Contact::None}, Next{}, Send{}});
    const auto first = s.job;
    run(s, {QuickHide{}});
    s.answers = Answers{};
    run(s, {ChooseLanguage{Language::English}, ChooseKind{Kind::Feedback}, ChooseWho{Who::Me}, Next{}, Next{},
            TypeText{"second child"}, Next{}, ChooseContact{Contact::None}, Next{}, Send{}});
    REQUIRE(s.screen == Screen::Sending);
    REQUIRE(s.job != first);
    run(s, {Saved{first, "OLD-OLD", std::nullopt}, SaveFailed{first}});
    CHECK(s.screen == Screen::Sending);
    CHECK(s.reference.empty());
    CHECK(s.answers.field(Field::Story).text() == "second child");
    run(s, {Saved{s.job, "NEW-NEW", std::nullopt}});
    CHECK(s.screen == Screen::ThankYou);
    CHECK(s.reference == "NEW-NEW");
}

TEST_CASE("change goes only to the questions before check") {
    State s = atStory(Kind::Feedback);
    run(s, {SkipStory{}, ChooseContact{Contact::None}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    for (const auto screen : {Screen::Welcome, Screen::Sending, Screen::ThankYou, Screen::Topics, Screen::Check}) {
        run(s, {GoTo{screen}});
        CHECK(s.screen == Screen::Check);
    }
}

TEST_CASE("typed text on its way to be sealed is on the heap, so a move copies nothing") {
    SecretText a("0770");
    const char* buffer = a.str().data();
    CHECK(a.str().capacity() >= 32);
    SecretText b(std::move(a));
    CHECK(b.str().data() == buffer);
    CHECK(b.str() == "0770");
}

TEST_CASE("with no contact allowed, 'talk to me about it first' is not taken: nobody could talk to them") {
    State s = atStory(Kind::Complaint);
    run(s, {TypeText{"words"}, Next{}, Next{}, ChooseContact{Contact::None}, Next{}});
    REQUIRE(s.screen == Screen::Sharing);
    CHECK_FALSE(sharingOffered(Sharing::TalkFirst, s.answers));
    CHECK(sharingOffered(Sharing::Yes, s.answers));
    CHECK(sharingOffered(Sharing::No, s.answers));
    run(s, {ChooseSharing{Sharing::TalkFirst}, Next{}});
    CHECK_FALSE(s.answers.sharing.has_value());
    CHECK(s.screen == Screen::Sharing);
    run(s, {ChooseSharing{Sharing::No}, Next{}});
    CHECK(s.screen == Screen::Check);
}

TEST_CASE("'talk to me first' then contact changed to none asks about sharing again, and is never sent") {
    State s = atStory(Kind::Complaint);
    run(s, {TypeText{"words"}, Next{}, Next{}, ChooseContact{Contact::Email}, TypeText{"a@b.cymru"}, Next{}, Next{},
            ChooseSharing{Sharing::TalkFirst}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    CHECK(kept(s.answers).choices.sharing == Sharing::TalkFirst);
    run(s, {GoTo{Screen::Contact}, ChooseContact{Contact::None}});
    CHECK_FALSE(kept(s.answers).choices.sharing.has_value());
    CHECK_FALSE(isAnswered(Screen::Sharing, s.answers));
    run(s, {Next{}});
    CHECK(s.screen == Screen::Sharing); // not Check: its answer can no longer be kept
    run(s, {Send{}});
    CHECK(s.screen == Screen::Sharing);
    run(s, {ChooseSharing{Sharing::Yes}, Next{}});
    REQUIRE(s.screen == Screen::Check);
    const Effects effects = run(s, {Send{}});
    const auto& save = onlySave(effects);
    CHECK(save.choices.sharing == Sharing::Yes);
    CHECK(save.choices.contact == Contact::None);
}
