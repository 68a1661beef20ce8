#include <storage/rules.hpp>

#include <storage/ids.hpp>
#include <storage/strict_json.hpp>

namespace kiosk::storage {
namespace {

using vocabulary::Contact;
using vocabulary::Field;
using vocabulary::Kind;
using vocabulary::nameOf;
using vocabulary::Who;

bool isComplaint(const Submission& s) {
    return s.choices.kind == Kind::Complaint;
}

// A date is promised, and the Investigating Officer meeting asked about, only for a complaint we
// can answer.
bool canReply(const Submission& s) {
    return isComplaint(s) && s.choices.contact.has_value() && *s.choices.contact != Contact::None;
}

// A field that is a question on some paths only: its name, when it is asked (as the sentence to
// the complaints team says it), and whether it holds nothing.
struct Conditional {
    std::string_view name;
    bool (*asked)(const Submission&);
    const char* when;
    bool (*empty)(const Submission&);
};

template <Field F> bool noText(const Submission& s) {
    return s.text(F).empty();
}
bool onBehalf(const Submission& s) {
    return s.choices.who == Who::OnBehalf;
}
bool withHelp(const Submission& s) {
    return s.choices.who == Who::MeWithHelp;
}
bool byPhone(const Submission& s) {
    return s.choices.contact == Contact::Phone;
}
bool byEmail(const Submission& s) {
    return s.choices.contact == Contact::Email;
}

const Conditional kConditional[] = {
    {nameOf(Field::AdultName).stored, onBehalf,
     "when an adult tells us for a young person (who is on_behalf)", noText<Field::AdultName>},
    {nameOf(Field::AdultRole).stored, onBehalf,
     "when an adult tells us for a young person (who is on_behalf)", noText<Field::AdultRole>},
    {"young_person_agreed", onBehalf, "when an adult tells us for a young person (who is on_behalf)",
     [](const Submission& s) { return !s.choices.youngPersonAgreed; }},
    {nameOf(Field::HelperName).stored, withHelp,
     "when a young person tells us with someone helping them (who is me_with_help)",
     noText<Field::HelperName>},
    {"wants_advocate", isComplaint, "for a complaint",
     [](const Submission& s) { return !s.choices.wantsAdvocate; }},
    {"topics", isComplaint, "for a complaint", [](const Submission& s) { return s.choices.topics.none(); }},
    {"put_right", isComplaint, "for a complaint",
     [](const Submission& s) { return s.choices.putRight.none(); }},
    {"sharing", isComplaint, "for a complaint",
     [](const Submission& s) { return !s.choices.sharing.has_value(); }},
    {nameOf(Field::Phone).stored, byPhone, "when the way to get back to them (contact) is phone",
     noText<Field::Phone>},
    {nameOf(Field::Email).stored, byEmail, "when the way to get back to them (contact) is email",
     noText<Field::Email>},
    {"meeting", canReply, "for a complaint where we can get back to them (contact is not none)",
     [](const Submission& s) { return !s.choices.meeting.has_value(); }},
    {"acknowledge_by", canReply, "for a complaint where we can get back to them (contact is not none)",
     [](const Submission& s) { return s.acknowledgeBy.empty(); }},
};

bool isReference(std::string_view code) {
    if (code.size() != 7 || code[3] != '-')
        return false;
    for (std::size_t i = 0; i < code.size(); ++i)
        if (i != 3 && referenceAlphabet().find(code[i]) == std::string::npos)
            return false;
    return true;
}

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

} // namespace

bool isUuidV4(std::string_view text) {
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphen ? text[i] != '-' : !isHex(text[i]))
            return false;
    }
    // The version nibble, and the variant's top bits (10xx: 8, 9, a or b).
    return text[14] == '4' && std::string_view("89ab").find(text[19]) != std::string_view::npos;
}

bool isAsked(std::string_view field, const Submission& s) {
    for (const auto& c : kConditional)
        if (c.name == field)
            return c.asked(s);
    return true;
}

std::vector<std::string> ruleBreaches(const Submission& s) {
    std::vector<std::string> out;
    const auto breach = [&out](std::string sentence) { out.push_back(std::move(sentence)); };

    if (!isUuidV4(s.id))
        breach("id is not a lower-case version 4 UUID.");
    if (!isReference(s.reference))
        breach("reference is not three characters, a hyphen and three more, all from ACDEFHJKMNPRTWXY3479.");
    if (!isIsoTime(s.createdAt))
        breach("created_at is not a time written YYYY-MM-DDTHH:MM:SSZ.");
    if (!s.acknowledgeBy.empty() && !isIsoDateText(s.acknowledgeBy))
        breach("acknowledge_by is neither empty nor a real date written YYYY-MM-DD.");
    if (!s.choices.kind)
        breach("kind is missing: a submission is a complaint, a compliment or feedback.");
    if (!s.choices.who)
        breach("who is missing: a submission says who is telling us.");
    if (!s.choices.contact)
        breach("contact is missing: a submission says how we can get back to them, or that we cannot.");

    for (const auto& c : kConditional)
        if (!c.asked(s) && !c.empty(s))
            breach(std::string(c.name) + " has an answer, but it is asked only " + c.when + ".");

    if (onBehalf(s)) {
        if (s.text(Field::AdultName).empty())
            breach("adult_name is empty: an adult telling us for a young person must give their name.");
        if (s.text(Field::AdultRole).empty())
            breach("adult_role is empty: an adult telling us for a young person must give their role.");
        if (!s.choices.youngPersonAgreed)
            breach("young_person_agreed is not true: an adult cannot tell us for a young person without the "
                   "young "
                   "person's agreement (complaints guide).");
    }
    if (isComplaint(s)) {
        if (s.choices.topics.none())
            breach("topics is empty: a complaint says at least one thing it is about.");
        if (!s.choices.sharing)
            breach("sharing is empty: a complaint says whether our answer may be shared with a parent or "
                   "carer.");
    }
    const bool wrote = !s.text(Field::Story).empty();
    if (wrote && s.choices.storySkipped)
        breach("story has words and story_skipped is true: a young person either writes or chooses not to, "
               "not both.");
    if (!wrote && !s.choices.storySkipped)
        breach("story is empty and story_skipped is false: a young person either writes or chooses not to.");
    if (byPhone(s) && s.text(Field::Phone).empty())
        breach("phone is empty, but phone was chosen as the way to get back to them.");
    if (byEmail(s) && s.text(Field::Email).empty())
        breach("email is empty, but email was chosen as the way to get back to them.");
    if (canReply(s) && s.acknowledgeBy.empty())
        breach("acknowledge_by is empty, but a complaint we can get back to is always promised a date.");
    return out;
}

} // namespace kiosk::storage
