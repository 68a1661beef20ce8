#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// What a child sent, as it is sealed (see FORMAT.md, "Submission"). Choices are stored by their
/// names in FORMAT.md; an empty string or list means not asked or not answered.
struct Submission {
    std::string id;         // UUID, the same as the row and bundle entry that carry it
    std::string reference;  // the code the child was given
    std::string createdAt;  // ISO 8601 UTC
    std::string kiosk;      // the kiosk's name
    std::string language;   // "cy" or "en": the language the child finished in
    std::string kind;       // "complaint", "compliment" or "feedback"
    std::string who;        // "me", "me_with_help" or "on_behalf"
    std::string helperName; // who helped, if named
    std::string adultName;  // the advocate or adult telling us for a young person
    std::string adultRole;
    bool youngPersonAgreed = false;
    bool wantsAdvocate = false;
    std::vector<std::string> topics;
    int feeling = 0;        // 1 (very upset) to 5 (very happy); 0 if not given
    std::string story;      // their own words; empty if skipped
    bool storySkipped = false;
    std::vector<std::string> putRight;
    std::string name;       // the young person's name, if given
    std::string contact;    // "phone", "email", "through_adult" or "none"
    std::string phone;
    std::string email;
    std::string meeting;    // "video", "phone", "in_person", "email" or ""
    std::string sharing;    // "yes", "no", "talk_first" or ""
    std::string acknowledgeBy; // the date the child was told we would get in touch by, or ""
    bool priority = false;  // "I don't feel safe" was pressed during the session
    bool demo = false;      // made on a kiosk in demo mode
};

/// The names FORMAT.md gives topics and ways to put things right, in the kiosk's order.
inline constexpr std::string_view kTopicNames[] = {"not_listened", "not_done",  "hard_to_reach",  "not_explained",
                                                   "too_long",     "behaviour", "court_decision", "something_else"};
inline constexpr std::string_view kPutRightNames[] = {"explanation", "correct_records", "change_how",
                                                      "talk_to_someone", "something_else"};

/// Serialises to the versioned JSON that is sealed.
[[nodiscard]] std::string toJson(const Submission& submission);
/// Reads that JSON back; throws Error(Format) if a field is missing, mistyped or unknown in value.
[[nodiscard]] Submission submissionFromJson(std::string_view json);
/// Zeroes every string the child or their adult typed.
void wipe(Submission& submission);

} // namespace kiosk::storage
