#include <storage/rules.hpp>
#include <storage/submission.hpp>

#include <catch2/catch.hpp>

using namespace kiosk::storage;
using namespace kiosk::vocabulary;

namespace {

Submission base(Kind kind, Who who, Contact contact) {
    Submission s;
    s.id = "3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b10";
    s.reference = "K7M-4TX";
    s.createdAt = "2026-11-22T10:31:02Z";
    s.kiosk = "Canolfan Abertawe";
    s.choices.kind = kind;
    s.choices.who = who;
    s.choices.contact = contact;
    s.text(Field::Story) = "Doedd neb yn gwrando.";
    return s;
}

// A complaint as the journey makes it: a topic, a sharing answer, the phone number for the way
// chosen, how to meet, and the date promised.
Submission complaint() {
    auto s = base(Kind::Complaint, Who::Me, Contact::Phone);
    s.choices.topics.set(static_cast<std::size_t>(Topic::NotListened));
    s.choices.sharing = Sharing::TalkFirst;
    s.text(Field::Phone) = "07700 900123";
    s.choices.meeting = Meeting::Video;
    s.acknowledgeBy = "2026-11-24";
    return s;
}

Submission onBehalf() {
    auto s = complaint();
    s.choices.who = Who::OnBehalf;
    s.text(Field::AdultName) = "Siân Jones";
    s.text(Field::AdultRole) = "advocate";
    s.choices.youngPersonAgreed = true;
    s.choices.contact = Contact::ThroughAdult;
    s.text(Field::Phone).clear();
    s.choices.wantsAdvocate = true;
    s.choices.putRight.set(static_cast<std::size_t>(PutRight::Explanation));
    return s;
}

Submission compliment() {
    return base(Kind::Compliment, Who::Me, Contact::None);
}

Submission feedback() {
    auto s = base(Kind::Feedback, Who::MeWithHelp, Contact::Email);
    s.text(Field::HelperName) = "Mam";
    s.text(Field::Story).clear();
    s.choices.storySkipped = true;
    s.text(Field::Email) = "gwen@example.org";
    s.choices.feeling = 4;
    return s;
}

Submission complaintNoContact() {
    auto s = complaint();
    s.choices.contact = Contact::None;
    s.text(Field::Phone).clear();
    s.choices.meeting.reset();
    s.acknowledgeBy.clear();
    return s;
}

// A submission as the journey makes it, changed to break one rule.
struct Broken {
    const char* what;
    Submission (*valid)();
    void (*change)(Submission&);
    const char* field; // the field the one sentence names first
};

} // namespace

TEST_CASE("a submission of each kind, as the journey makes it, breaks no rule") {
    for (const auto& s : {complaint(), onBehalf(), compliment(), feedback(), complaintNoContact()}) {
        INFO(toJson(s));
        CHECK(ruleBreaches(s).empty());
    }
}

TEST_CASE("each rule between fields, broken, is named in one plain sentence") {
    const std::vector<Broken> cases = {
        {"an upper-case id", compliment, [](Submission& s) { s.id = "3B0F5A52-8F7E-4D35-9D4C-2A4F8C1E6B10"; },
         "id"},
        {"a version 1 id", compliment, [](Submission& s) { s.id = "3b0f5a52-8f7e-1d35-9d4c-2a4f8c1e6b10"; },
         "id"},
        {"an id of another variant", compliment,
         [](Submission& s) { s.id = "3b0f5a52-8f7e-4d35-cd4c-2a4f8c1e6b10"; }, "id"},
        {"no id", compliment, [](Submission& s) { s.id.clear(); }, "id"},
        {"a reference with O", compliment, [](Submission& s) { s.reference = "K7O-4TX"; }, "reference"},
        {"a lower-case reference", compliment, [](Submission& s) { s.reference = "k7m-4tx"; }, "reference"},
        {"a reference without its hyphen", compliment, [](Submission& s) { s.reference = "K7M4TXA"; },
         "reference"},
        {"a reference too long", compliment, [](Submission& s) { s.reference = "K7M-4TXX"; }, "reference"},
        {"a time without its zone", compliment, [](Submission& s) { s.createdAt = "2026-11-22T10:31:02"; },
         "created_at"},
        {"a time at hour 24", compliment, [](Submission& s) { s.createdAt = "2026-11-22T24:00:00Z"; },
         "created_at"},
        {"a date that is not", complaint, [](Submission& s) { s.acknowledgeBy = "2026-02-30"; },
         "acknowledge_by"},
        {"a date written otherwise", complaint, [](Submission& s) { s.acknowledgeBy = "24/11/2026"; },
         "acknowledge_by"},
        {"an adult's name from a young person", complaint,
         [](Submission& s) { s.text(Field::AdultName) = "X"; }, "adult_name"},
        {"an adult's role from a young person", complaint,
         [](Submission& s) { s.text(Field::AdultRole) = "X"; }, "adult_role"},
        {"agreement from a young person", complaint,
         [](Submission& s) { s.choices.youngPersonAgreed = true; }, "young_person_agreed"},
        {"an adult with no name", onBehalf, [](Submission& s) { s.text(Field::AdultName).clear(); },
         "adult_name"},
        {"an adult with no role", onBehalf, [](Submission& s) { s.text(Field::AdultRole).clear(); },
         "adult_role"},
        {"an adult without the young person's agreement", onBehalf,
         [](Submission& s) { s.choices.youngPersonAgreed = false; }, "young_person_agreed"},
        {"a helper for a child alone", complaint, [](Submission& s) { s.text(Field::HelperName) = "Mam"; },
         "helper_name"},
        {"a helper for an adult", onBehalf, [](Submission& s) { s.text(Field::HelperName) = "Mam"; },
         "helper_name"},
        {"an advocate asked for in a compliment", compliment,
         [](Submission& s) { s.choices.wantsAdvocate = true; }, "wants_advocate"},
        {"topics in feedback", feedback, [](Submission& s) { s.choices.topics.set(0); }, "topics"},
        {"put right in a compliment", compliment, [](Submission& s) { s.choices.putRight.set(0); },
         "put_right"},
        {"sharing in feedback", feedback, [](Submission& s) { s.choices.sharing = Sharing::Yes; }, "sharing"},
        {"a complaint about nothing", complaint, [](Submission& s) { s.choices.topics.reset(); }, "topics"},
        {"a complaint without a sharing answer", complaint, [](Submission& s) { s.choices.sharing.reset(); },
         "sharing"},
        {"words and skipped", complaint, [](Submission& s) { s.choices.storySkipped = true; }, "story"},
        {"no words and not skipped", complaint, [](Submission& s) { s.text(Field::Story).clear(); }, "story"},
        {"a phone number for email", feedback, [](Submission& s) { s.text(Field::Phone) = "07700 900123"; },
         "phone"},
        {"an email for phone", complaint, [](Submission& s) { s.text(Field::Email) = "a@b.c"; }, "email"},
        {"no phone number for phone", complaint, [](Submission& s) { s.text(Field::Phone).clear(); },
         "phone"},
        {"no email for email", feedback, [](Submission& s) { s.text(Field::Email).clear(); }, "email"},
        {"a meeting for a compliment", compliment, [](Submission& s) { s.choices.meeting = Meeting::Phone; },
         "meeting"},
        {"a meeting with no contact", complaintNoContact,
         [](Submission& s) { s.choices.meeting = Meeting::Phone; }, "meeting"},
        {"a date for a compliment", compliment, [](Submission& s) { s.acknowledgeBy = "2026-11-24"; },
         "acknowledge_by"},
        {"a date with no contact", complaintNoContact, [](Submission& s) { s.acknowledgeBy = "2026-11-24"; },
         "acknowledge_by"},
        {"no date for a complaint we can answer", complaint, [](Submission& s) { s.acknowledgeBy.clear(); },
         "acknowledge_by"},
        {"no kind", compliment, [](Submission& s) { s.choices.kind.reset(); }, "kind"},
        {"no who", compliment, [](Submission& s) { s.choices.who.reset(); }, "who"},
        {"no contact", compliment, [](Submission& s) { s.choices.contact.reset(); }, "contact"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto s = c.valid();
        REQUIRE(ruleBreaches(s).empty());
        c.change(s);
        const auto breaches = ruleBreaches(s);
        REQUIRE(breaches.size() == 1);
        CHECK(breaches[0].rfind(std::string(c.field) + " ", 0) == 0);
        CHECK(breaches[0].back() == '.');
    }
}

TEST_CASE("a sentence about a rule never repeats what was typed") {
    auto s = complaint();
    s.text(Field::AdultName) = "Zebra-secret-name";
    s.text(Field::Story).clear();
    s.reference = "Zebra-secret-reference";
    const auto breaches = ruleBreaches(s);
    CHECK(breaches.size() == 3);
    for (const auto& sentence : breaches)
        CHECK(sentence.find("Zebra") == std::string::npos);
}

TEST_CASE("a question not asked on a path reads as not asked, whatever the kind") {
    const auto c = complaint();
    CHECK(isAsked("wants_advocate", c));
    CHECK(isAsked("topics", c));
    CHECK(isAsked("sharing", c));
    CHECK(isAsked("meeting", c));
    CHECK(isAsked("acknowledge_by", c));
    CHECK(isAsked("phone", c));
    CHECK_FALSE(isAsked("email", c));
    CHECK_FALSE(isAsked("young_person_agreed", c));
    CHECK_FALSE(isAsked("adult_name", c));
    CHECK_FALSE(isAsked("helper_name", c));

    const auto o = onBehalf();
    CHECK(isAsked("young_person_agreed", o));
    CHECK(isAsked("adult_name", o));
    CHECK(isAsked("adult_role", o));
    CHECK(isAsked("meeting", o)); // through an adult: we can still get back

    const auto m = compliment();
    for (const char* field : {"wants_advocate", "topics", "put_right", "sharing", "meeting", "acknowledge_by",
                              "young_person_agreed", "phone", "email", "helper_name"}) {
        INFO(field);
        CHECK_FALSE(isAsked(field, m));
    }
    for (const char* field :
         {"story", "story_skipped", "feeling", "name", "contact", "kind", "who", "reference"}) {
        INFO(field);
        CHECK(isAsked(field, m));
    }
    CHECK(isAsked("helper_name", feedback()));
    CHECK(isAsked("email", feedback()));
    CHECK_FALSE(isAsked("meeting", complaintNoContact()));
    CHECK_FALSE(isAsked("acknowledge_by", complaintNoContact()));
}

TEST_CASE("only lower-case random UUIDs are version 4 UUIDs") {
    CHECK(isUuidV4("3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b10"));
    CHECK(isUuidV4("00000000-0000-4000-8000-000000000000"));
    CHECK(isUuidV4("ffffffff-ffff-4fff-bfff-ffffffffffff"));
    for (const char* not4 :
         {"", "3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b1", "3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b100",
          "3b0f5a528f7e-4d35-9d4c-2a4f8c1e6b10-", "3b0f5a52-8f7e-4d35-7d4c-2a4f8c1e6b10",
          "3b0f5a52-8f7e-5d35-9d4c-2a4f8c1e6b10", "3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6g10",
          "{3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b}", "3B0F5A52-8F7E-4D35-9D4C-2A4F8C1E6B10"}) {
        INFO(not4);
        CHECK_FALSE(isUuidV4(not4));
    }
}
