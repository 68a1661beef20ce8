#include <storage/rules.hpp>
#include <storage/submission.hpp>

#include <catch2/catch.hpp>

#include <functional>

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

Submission compliment() { return base(Kind::Compliment, Who::Me, Contact::None); }

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

struct Broken {
    const char* what;
    std::function<Submission()> make;
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
        {"an upper-case id", [] { auto s = compliment(); s.id = "3B0F5A52-8F7E-4D35-9D4C-2A4F8C1E6B10"; return s; }, "id"},
        {"a version 1 id", [] { auto s = compliment(); s.id = "3b0f5a52-8f7e-1d35-9d4c-2a4f8c1e6b10"; return s; }, "id"},
        {"an id of another variant", [] { auto s = compliment(); s.id = "3b0f5a52-8f7e-4d35-cd4c-2a4f8c1e6b10"; return s; }, "id"},
        {"no id", [] { auto s = compliment(); s.id.clear(); return s; }, "id"},
        {"a reference with O", [] { auto s = compliment(); s.reference = "K7O-4TX"; return s; }, "reference"},
        {"a lower-case reference", [] { auto s = compliment(); s.reference = "k7m-4tx"; return s; }, "reference"},
        {"a reference without its hyphen", [] { auto s = compliment(); s.reference = "K7M4TXA"; return s; }, "reference"},
        {"a reference too long", [] { auto s = compliment(); s.reference = "K7M-4TXX"; return s; }, "reference"},
        {"a time without its zone", [] { auto s = compliment(); s.createdAt = "2026-11-22T10:31:02"; return s; }, "created_at"},
        {"a time at hour 24", [] { auto s = compliment(); s.createdAt = "2026-11-22T24:00:00Z"; return s; }, "created_at"},
        {"a date that is not", [] { auto s = complaint(); s.acknowledgeBy = "2026-02-30"; return s; }, "acknowledge_by"},
        {"a date written otherwise", [] { auto s = complaint(); s.acknowledgeBy = "24/11/2026"; return s; }, "acknowledge_by"},
        {"an adult's name from a young person", [] { auto s = complaint(); s.text(Field::AdultName) = "X"; return s; }, "adult_name"},
        {"an adult's role from a young person", [] { auto s = complaint(); s.text(Field::AdultRole) = "X"; return s; }, "adult_role"},
        {"agreement from a young person", [] { auto s = complaint(); s.choices.youngPersonAgreed = true; return s; }, "young_person_agreed"},
        {"an adult with no name", [] { auto s = onBehalf(); s.text(Field::AdultName).clear(); return s; }, "adult_name"},
        {"an adult with no role", [] { auto s = onBehalf(); s.text(Field::AdultRole).clear(); return s; }, "adult_role"},
        {"an adult without the young person's agreement", [] { auto s = onBehalf(); s.choices.youngPersonAgreed = false; return s; }, "young_person_agreed"},
        {"a helper for a child alone", [] { auto s = complaint(); s.text(Field::HelperName) = "Mam"; return s; }, "helper_name"},
        {"a helper for an adult", [] { auto s = onBehalf(); s.text(Field::HelperName) = "Mam"; return s; }, "helper_name"},
        {"an advocate asked for in a compliment", [] { auto s = compliment(); s.choices.wantsAdvocate = true; return s; }, "wants_advocate"},
        {"topics in feedback", [] { auto s = feedback(); s.choices.topics.set(0); return s; }, "topics"},
        {"put right in a compliment", [] { auto s = compliment(); s.choices.putRight.set(0); return s; }, "put_right"},
        {"sharing in feedback", [] { auto s = feedback(); s.choices.sharing = Sharing::Yes; return s; }, "sharing"},
        {"a complaint about nothing", [] { auto s = complaint(); s.choices.topics.reset(); return s; }, "topics"},
        {"a complaint without a sharing answer", [] { auto s = complaint(); s.choices.sharing.reset(); return s; }, "sharing"},
        {"words and skipped", [] { auto s = complaint(); s.choices.storySkipped = true; return s; }, "story"},
        {"no words and not skipped", [] { auto s = complaint(); s.text(Field::Story).clear(); return s; }, "story"},
        {"a phone number for email", [] { auto s = feedback(); s.text(Field::Phone) = "07700 900123"; return s; }, "phone"},
        {"an email for phone", [] { auto s = complaint(); s.text(Field::Email) = "a@b.c"; return s; }, "email"},
        {"no phone number for phone", [] { auto s = complaint(); s.text(Field::Phone).clear(); return s; }, "phone"},
        {"no email for email", [] { auto s = feedback(); s.text(Field::Email).clear(); return s; }, "email"},
        {"a meeting for a compliment", [] { auto s = compliment(); s.choices.meeting = Meeting::Phone; return s; }, "meeting"},
        {"a meeting with no contact", [] { auto s = complaintNoContact(); s.choices.meeting = Meeting::Phone; return s; }, "meeting"},
        {"a date for a compliment", [] { auto s = compliment(); s.acknowledgeBy = "2026-11-24"; return s; }, "acknowledge_by"},
        {"a date with no contact", [] { auto s = complaintNoContact(); s.acknowledgeBy = "2026-11-24"; return s; }, "acknowledge_by"},
        {"no date for a complaint we can answer", [] { auto s = complaint(); s.acknowledgeBy.clear(); return s; }, "acknowledge_by"},
        {"no kind", [] { auto s = compliment(); s.choices.kind.reset(); return s; }, "kind"},
        {"no who", [] { auto s = compliment(); s.choices.who.reset(); return s; }, "who"},
        {"no contact", [] { auto s = compliment(); s.choices.contact.reset(); return s; }, "contact"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const auto breaches = ruleBreaches(c.make());
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
    for (const char* field : {"story", "story_skipped", "feeling", "name", "contact", "kind", "who", "reference"}) {
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
    for (const char* not4 : {"", "3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b1", "3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b100",
                             "3b0f5a528f7e-4d35-9d4c-2a4f8c1e6b10-", "3b0f5a52-8f7e-4d35-7d4c-2a4f8c1e6b10",
                             "3b0f5a52-8f7e-5d35-9d4c-2a4f8c1e6b10", "3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6g10",
                             "{3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b}", "3B0F5A52-8F7E-4D35-9D4C-2A4F8C1E6B10"}) {
        INFO(not4);
        CHECK_FALSE(isUuidV4(not4));
    }
}
