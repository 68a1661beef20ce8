#include <flow/answers.hpp>
#include <flow/step.hpp>

// Which screens a child passes through, and what each needs before going on.

namespace kiosk::flow {

bool isAnswered(Screen screen, const Answers& a) {
    switch (screen) {
    case Screen::Kind:
        return a.kind.has_value();
    case Screen::Who:
        return a.who.has_value() && (a.who != Who::OnBehalf || (a.field(Field::AdultName).hasWords() &&
                                                                a.field(Field::AdultRole).hasWords() &&
                                                                a.youngPersonAgreed));
    case Screen::Topics:
        return a.topics.any();
    case Screen::Story:
        return a.field(Field::Story).hasWords() || a.storySkipped;
    case Screen::Contact:
        if (!a.contact)
            return false;
        if (*a.contact == Contact::Phone)
            return isPlausiblePhone(a.field(Field::Phone).text());
        if (*a.contact == Contact::Email)
            return isPlausibleEmail(a.field(Field::Email).text());
        return true;
    case Screen::Sharing:
        return a.sharing.has_value();
    case Screen::Help:
    case Screen::Court:
    case Screen::Feelings:
    case Screen::PutRight:
    case Screen::Meeting:
        return true; // optional
    case Screen::Welcome:
    case Screen::Check:
    case Screen::Sending:
    case Screen::ThankYou:
        return false;
    }
    return false;
}

bool canGoForward(const State& s) {
    // On Story, "Next" needs words; with none the button is "Skip" instead.
    if (s.screen == Screen::Story)
        return s.answers.field(Field::Story).hasWords();
    return isAnswered(s.screen, s.answers);
}

bool canGoBack(const State& s) {
    return s.screen != Screen::Welcome && s.screen != Screen::Sending && s.screen != Screen::ThankYou;
}

std::vector<Screen> journey(const Answers& a) {
    // Compliments and feedback take the shorter path: no advocate, topics, put-right or sharing.
    const bool complaint = a.kind == Kind::Complaint;
    std::vector<Screen> path = {Screen::Welcome, Screen::Kind, Screen::Who};
    if (complaint) {
        path.push_back(Screen::Help);
        path.push_back(Screen::Topics);
        if (a.has(Topic::CourtDecision))
            path.push_back(Screen::Court);
    }
    path.push_back(Screen::Feelings);
    path.push_back(Screen::Story);
    if (complaint)
        path.push_back(Screen::PutRight);
    path.push_back(Screen::Contact);
    if (complaint && contactAllowed(a))
        path.push_back(Screen::Meeting);
    if (complaint)
        path.push_back(Screen::Sharing);
    path.insert(path.end(), {Screen::Check, Screen::Sending, Screen::ThankYou});
    return path;
}

} // namespace kiosk::flow
