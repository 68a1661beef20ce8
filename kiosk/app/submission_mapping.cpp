#include <app/submission_mapping.hpp>

namespace kiosk::app {
namespace {

const char* name(flow::Kind k) {
    switch (k) {
    case flow::Kind::Complaint: return "complaint";
    case flow::Kind::Compliment: return "compliment";
    case flow::Kind::Feedback: return "feedback";
    }
    return "feedback";
}

const char* name(flow::Who w) {
    switch (w) {
    case flow::Who::Me: return "me";
    case flow::Who::MeWithHelp: return "me_with_help";
    case flow::Who::OnBehalf: return "on_behalf";
    }
    return "me";
}

const char* name(flow::Contact c) {
    switch (c) {
    case flow::Contact::Phone: return "phone";
    case flow::Contact::Email: return "email";
    case flow::Contact::ThroughAdult: return "through_adult";
    case flow::Contact::None: return "none";
    }
    return "none";
}

const char* name(flow::Meeting m) {
    switch (m) {
    case flow::Meeting::Video: return "video";
    case flow::Meeting::Phone: return "phone";
    case flow::Meeting::InPerson: return "in_person";
    case flow::Meeting::Email: return "email";
    }
    return "";
}

const char* name(flow::Sharing s) {
    switch (s) {
    case flow::Sharing::Yes: return "yes";
    case flow::Sharing::No: return "no";
    case flow::Sharing::TalkFirst: return "talk_first";
    }
    return "";
}

static_assert(std::size(storage::kTopicNames) == flow::kTopicCount);
static_assert(std::size(storage::kPutRightNames) == flow::kPutRightCount);

template <std::size_t N> std::vector<std::string> names(const std::bitset<N>& bits, const std::string_view (&all)[N]) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < N; ++i)
        if (bits.test(i))
            out.emplace_back(all[i]);
    return out;
}

} // namespace

storage::Submission toSubmission(flow::SaveSubmission&& save) {
    const flow::Choices& c = save.choices;
    const auto take = [&save](flow::Field f) { return save.texts[static_cast<std::size_t>(f)].release(); };
    storage::Submission s;
    s.language = save.language == flow::Language::Welsh ? "cy" : "en";
    s.kind = name(c.kind.value_or(flow::Kind::Feedback));
    s.who = name(c.who.value_or(flow::Who::Me));
    s.helperName = take(flow::Field::HelperName);
    s.adultName = take(flow::Field::AdultName);
    s.adultRole = take(flow::Field::AdultRole);
    s.youngPersonAgreed = c.youngPersonAgreed;
    s.wantsAdvocate = c.wantsAdvocate;
    s.topics = names(c.topics, storage::kTopicNames);
    s.feeling = c.feeling.value_or(0);
    s.story = take(flow::Field::Story);
    s.storySkipped = c.storySkipped;
    s.putRight = names(c.putRight, storage::kPutRightNames);
    s.name = take(flow::Field::Name);
    s.contact = name(c.contact.value_or(flow::Contact::None));
    s.phone = take(flow::Field::Phone);
    s.email = take(flow::Field::Email);
    s.meeting = c.meeting ? name(*c.meeting) : "";
    s.sharing = c.sharing ? name(*c.sharing) : "";
    s.priority = save.priority;
    return s;
}

flow::Day toDay(storage::Date date) { return {date.year, date.month, date.day, storage::weekday(date)}; }

} // namespace kiosk::app
