#include <screens/screens.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

i18n::Key kindTitleKey(flow::Kind kind) {
    switch (kind) {
    case flow::Kind::Complaint: return "kind.complaint.title"_key;
    case flow::Kind::Compliment: return "kind.compliment.title"_key;
    case flow::Kind::Feedback: return "kind.feedback.title"_key;
    }
    return "kind.complaint.title"_key;
}

i18n::Key whoKey(flow::Who who) {
    switch (who) {
    case flow::Who::Me: return "who.me"_key;
    case flow::Who::MeWithHelp: return "who.me_with_help"_key;
    case flow::Who::OnBehalf: return "who.on_behalf"_key;
    }
    return "who.me"_key;
}

i18n::Key topicKey(flow::Topic topic) {
    switch (topic) {
    case flow::Topic::NotListened: return "topic.not_listened"_key;
    case flow::Topic::NotDone: return "topic.not_done"_key;
    case flow::Topic::HardToReach: return "topic.hard_to_reach"_key;
    case flow::Topic::NotExplained: return "topic.not_explained"_key;
    case flow::Topic::TooLong: return "topic.too_long"_key;
    case flow::Topic::Behaviour: return "topic.behaviour"_key;
    case flow::Topic::CourtDecision: return "topic.court_decision"_key;
    case flow::Topic::SomethingElse: return "topic.something_else"_key;
    }
    return "topic.something_else"_key;
}

i18n::Key feelingKey(int feeling) {
    switch (feeling) {
    case 1: return "feeling.1"_key;
    case 2: return "feeling.2"_key;
    case 3: return "feeling.3"_key;
    case 4: return "feeling.4"_key;
    default: return "feeling.5"_key;
    }
}

i18n::Key putRightKey(flow::PutRight way) {
    switch (way) {
    case flow::PutRight::Explanation: return "put_right.explanation"_key;
    case flow::PutRight::CorrectRecords: return "put_right.correct_records"_key;
    case flow::PutRight::ChangeHow: return "put_right.change_how"_key;
    case flow::PutRight::TalkToSomeone: return "put_right.talk"_key;
    case flow::PutRight::SomethingElse: return "put_right.something_else"_key;
    }
    return "put_right.something_else"_key;
}

i18n::Key contactKey(flow::Contact contact) {
    switch (contact) {
    case flow::Contact::Phone: return "contact.phone"_key;
    case flow::Contact::Email: return "contact.email"_key;
    case flow::Contact::ThroughAdult: return "contact.through_adult"_key;
    case flow::Contact::None: return "contact.none"_key;
    }
    return "contact.none"_key;
}

i18n::Key meetingKey(flow::Meeting meeting) {
    switch (meeting) {
    case flow::Meeting::Video: return "meeting.video"_key;
    case flow::Meeting::Phone: return "meeting.phone"_key;
    case flow::Meeting::InPerson: return "meeting.in_person"_key;
    case flow::Meeting::Email: return "meeting.email"_key;
    }
    return "meeting.video"_key;
}

i18n::Key sharingKey(flow::Sharing sharing) {
    switch (sharing) {
    case flow::Sharing::Yes: return "sharing.yes"_key;
    case flow::Sharing::No: return "sharing.no"_key;
    case flow::Sharing::TalkFirst: return "sharing.talk_first"_key;
    }
    return "sharing.talk_first"_key;
}

std::string formatDay(const i18n::Catalogue& lang, const flow::Day& day) {
    static constexpr i18n::Key kWeekdays[] = {"date.weekday.1"_key, "date.weekday.2"_key, "date.weekday.3"_key,
                                              "date.weekday.4"_key, "date.weekday.5"_key, "date.weekday.6"_key,
                                              "date.weekday.7"_key};
    static constexpr i18n::Key kMonths[] = {"date.month.1"_key,  "date.month.2"_key,  "date.month.3"_key,
                                            "date.month.4"_key,  "date.month.5"_key,  "date.month.6"_key,
                                            "date.month.7"_key,  "date.month.8"_key,  "date.month.9"_key,
                                            "date.month.10"_key, "date.month.11"_key, "date.month.12"_key};
    const auto weekday = static_cast<std::size_t>(std::clamp(day.weekday, 1, 7) - 1);
    const auto month = static_cast<std::size_t>(std::clamp(day.month, 1, 12) - 1);
    return i18n::format(lang.text("date.format"_key), {{"weekday", lang.text(kWeekdays[weekday])},
                                                       {"day", std::to_string(day.day)},
                                                       {"month", lang.text(kMonths[month])}});
}

} // namespace kiosk::screens
