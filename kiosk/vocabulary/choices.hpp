#pragma once

// Every choice a child can make, named once. Each value is one row: the enum value the code uses,
// the name the sealed submission and the worklist store (storage/FORMAT.md), and its translation
// key, which is also the tap id of the widget that chooses it. The flow, the screens, the JSON
// writer and reader and the worklist all read these rows; adding a value means adding it to its
// enum and its table here, and its text to both catalogues.

#include <bitset>
#include <cassert>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace kiosk::vocabulary {

/// A translation key as written in code: "welcome.title"_key. The catalogues are looked up by it,
/// and the locale tests find every key in the sources this way.
struct Key {
    std::string_view name;
    bool operator==(const Key&) const = default;
};

inline namespace literals {
constexpr Key operator""_key(const char* s, std::size_t n) { return Key{std::string_view(s, n)}; }
} // namespace literals

/// One value of a choice: its enum value, its stored name, its translation key (and tap id), and
/// where a screen explains the choices, the key of that explanation.
template <class Enum> struct Name {
    Enum value;
    std::string_view stored;
    Key key;
    Key detail{};
};

/// The rows of a choice; specialised below for each one.
template <class Enum> inline constexpr std::span<const Name<Enum>> kNames{};

/// True when a table lists its enum's values in order from 0, so a value indexes its own row.
template <class Enum, std::size_t N> constexpr bool inOrder(const Name<Enum> (&rows)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(rows[i].value) != i)
            return false;
    return true;
}

/// The language a child finishes in. No widget names it by key: the switch shows the other language.
enum class Language { Welsh, English };
inline constexpr Name<Language> kLanguages[] = {
    {Language::Welsh, "cy", Key{}},
    {Language::English, "en", Key{}},
};
static_assert(inOrder(kLanguages));
template <> inline constexpr std::span<const Name<Language>> kNames<Language>{kLanguages};

/// The three doors: something went wrong, something went well, tell us what you think.
enum class Kind { Complaint, Compliment, Feedback };
inline constexpr Name<Kind> kKinds[] = {
    {Kind::Complaint, "complaint", "kind.complaint"_key, "kind.complaint.detail"_key},
    {Kind::Compliment, "compliment", "kind.compliment"_key, "kind.compliment.detail"_key},
    {Kind::Feedback, "feedback", "kind.feedback"_key, "kind.feedback.detail"_key},
};
static_assert(inOrder(kKinds));
template <> inline constexpr std::span<const Name<Kind>> kNames<Kind>{kKinds};

/// Who is telling us: the young person, the young person with a helper, or an adult for them.
enum class Who { Me, MeWithHelp, OnBehalf };
inline constexpr Name<Who> kWho[] = {
    {Who::Me, "me", "who.me"_key},
    {Who::MeWithHelp, "me_with_help", "who.me_with_help"_key},
    {Who::OnBehalf, "on_behalf", "who.on_behalf"_key},
};
static_assert(inOrder(kWho));
template <> inline constexpr std::span<const Name<Who>> kNames<Who>{kWho};

/// What a complaint is about, in a child's words (from "Issues we can consider" in the guide),
/// and the court's decision, which the complaints process cannot change.
enum class Topic { NotListened, NotDone, HardToReach, NotExplained, TooLong, Behaviour, CourtDecision, SomethingElse };
inline constexpr Name<Topic> kTopics[] = {
    {Topic::NotListened, "not_listened", "topic.not_listened"_key},
    {Topic::NotDone, "not_done", "topic.not_done"_key},
    {Topic::HardToReach, "hard_to_reach", "topic.hard_to_reach"_key},
    {Topic::NotExplained, "not_explained", "topic.not_explained"_key},
    {Topic::TooLong, "too_long", "topic.too_long"_key},
    {Topic::Behaviour, "behaviour", "topic.behaviour"_key},
    {Topic::CourtDecision, "court_decision", "topic.court_decision"_key},
    {Topic::SomethingElse, "something_else", "topic.something_else"_key},
};
static_assert(inOrder(kTopics));
template <> inline constexpr std::span<const Name<Topic>> kNames<Topic>{kTopics};

/// What would help put it right (the children's guide's ways to fix things).
enum class PutRight { Explanation, CorrectRecords, ChangeHow, TalkToSomeone, SomethingElse };
inline constexpr Name<PutRight> kPutRight[] = {
    {PutRight::Explanation, "explanation", "put_right.explanation"_key},
    {PutRight::CorrectRecords, "correct_records", "put_right.correct_records"_key},
    {PutRight::ChangeHow, "change_how", "put_right.change_how"_key},
    {PutRight::TalkToSomeone, "talk_to_someone", "put_right.talk"_key},
    {PutRight::SomethingElse, "something_else", "put_right.something_else"_key},
};
static_assert(inOrder(kPutRight));
template <> inline constexpr std::span<const Name<PutRight>> kNames<PutRight>{kPutRight};

/// How we can get back to the child.
enum class Contact { Phone, Email, ThroughAdult, None };
inline constexpr Name<Contact> kContacts[] = {
    {Contact::Phone, "phone", "contact.phone"_key},
    {Contact::Email, "email", "contact.email"_key},
    {Contact::ThroughAdult, "through_adult", "contact.through_adult"_key},
    {Contact::None, "none", "contact.none"_key},
};
static_assert(inOrder(kContacts));
template <> inline constexpr std::span<const Name<Contact>> kNames<Contact>{kContacts};

/// How the child would like to meet the Investigating Officer (children's guide), or not at all:
/// they need not meet.
enum class Meeting { Video, Phone, InPerson, Email, NotToMeet };
inline constexpr Name<Meeting> kMeetings[] = {
    {Meeting::Video, "video", "meeting.video"_key},
    {Meeting::Phone, "phone", "meeting.phone"_key},
    {Meeting::InPerson, "in_person", "meeting.in_person"_key},
    {Meeting::Email, "email", "meeting.email"_key},
    {Meeting::NotToMeet, "not_to_meet", "meeting.not_to_meet"_key},
};
static_assert(inOrder(kMeetings));
template <> inline constexpr std::span<const Name<Meeting>> kNames<Meeting>{kMeetings};

/// Whether our answer may be shared with a parent or carer.
enum class Sharing { Yes, No, TalkFirst };
inline constexpr Name<Sharing> kSharing[] = {
    {Sharing::Yes, "yes", "sharing.yes"_key},
    {Sharing::No, "no", "sharing.no"_key},
    {Sharing::TalkFirst, "talk_first", "sharing.talk_first"_key},
};
static_assert(inOrder(kSharing));
template <> inline constexpr std::span<const Name<Sharing>> kNames<Sharing>{kSharing};

/// The boxes a child can type into. A box's label depends on its screen, so its key is its tap
/// id only, not a text (and so not written as a _key literal).
enum class Field { Story, HelperName, AdultName, AdultRole, Name, Phone, Email };
inline constexpr Name<Field> kFields[] = {
    {Field::Story, "story", Key{"field.story"}},
    {Field::HelperName, "helper_name", Key{"field.helper_name"}},
    {Field::AdultName, "adult_name", Key{"field.adult_name"}},
    {Field::AdultRole, "adult_role", Key{"field.adult_role"}},
    {Field::Name, "name", Key{"field.name"}},
    {Field::Phone, "phone", Key{"field.phone"}},
    {Field::Email, "email", Key{"field.email"}},
};
static_assert(inOrder(kFields));
template <> inline constexpr std::span<const Name<Field>> kNames<Field>{kFields};

/// The feelings scale, stored as its number: 1 (very upset) to 5 (very happy).
inline constexpr int kFeelingMin = 1;
inline constexpr int kFeelingMax = 5;
inline constexpr int kFeelingCount = kFeelingMax - kFeelingMin + 1;
inline constexpr Key kFeelingKeys[] = {"feeling.1"_key, "feeling.2"_key, "feeling.3"_key, "feeling.4"_key,
                                       "feeling.5"_key};
static_assert(std::size(kFeelingKeys) == kFeelingCount);

/// Every value of a choice, in order.
template <class Enum> [[nodiscard]] constexpr std::span<const Name<Enum>> all() {
    static_assert(!kNames<Enum>.empty(), "this enum has no vocabulary table");
    return kNames<Enum>;
}

/// How many values a choice has.
template <class Enum> [[nodiscard]] constexpr std::size_t count() { return all<Enum>().size(); }

/// The row of a value.
template <class Enum> [[nodiscard]] constexpr const Name<Enum>& nameOf(Enum value) {
    assert(static_cast<std::size_t>(value) < count<Enum>() && "a value with no row in its table");
    return all<Enum>()[static_cast<std::size_t>(value)];
}

/// The value stored under a name, if it is one.
template <class Enum> [[nodiscard]] constexpr std::optional<Enum> fromStored(std::string_view stored) {
    for (const auto& row : all<Enum>())
        if (row.stored == stored)
            return row.value;
    return std::nullopt;
}

/// The translation key of a feeling on the scale.
[[nodiscard]] constexpr Key feelingKey(int feeling) {
    return kFeelingKeys[static_cast<std::size_t>(feeling - kFeelingMin)];
}

/// Every choice a child has made: plain values, safe to copy. The flow fills it in; the sealed
/// submission stores it.
struct Choices {
    std::optional<Kind> kind;
    std::optional<Who> who;
    bool youngPersonAgreed = false; // required when an adult tells us for a young person
    bool wantsAdvocate = false;
    std::bitset<count<Topic>()> topics;
    std::optional<int> feeling; // kFeelingMin to kFeelingMax
    bool storySkipped = false;
    std::bitset<count<PutRight>()> putRight;
    std::optional<Contact> contact;
    std::optional<Meeting> meeting;
    std::optional<Sharing> sharing;

    [[nodiscard]] bool has(Topic t) const { return topics.test(static_cast<std::size_t>(t)); }
    [[nodiscard]] bool has(PutRight p) const { return putRight.test(static_cast<std::size_t>(p)); }
    bool operator==(const Choices&) const = default;
};

} // namespace kiosk::vocabulary
