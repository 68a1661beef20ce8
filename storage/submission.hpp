#pragma once

#include <string>
#include <string_view>

namespace kiosk::storage {

/// What a child sent, as it is sealed (see FORMAT.md, "Submission").
struct Submission {
    std::string id;         // UUID, the same as the row and bundle entry that carry it
    std::string reference;  // the code the child was given
    std::string createdAt;  // ISO 8601 UTC
    std::string kiosk;      // the kiosk's name
    std::string language;   // "cy" or "en": the language the child finished in
    std::string kind;       // "complaint", "compliment" or "feedback"
    std::string story;      // their own words; empty if skipped
    bool storySkipped = false;
    bool priority = false;  // "I don't feel safe" was pressed during the session
    bool demo = false;      // made on a kiosk in demo mode
};

/// Serialises to the versioned JSON that is sealed.
[[nodiscard]] std::string toJson(const Submission& submission);
/// Reads that JSON back; throws Error(Format) if a field is missing, mistyped or unknown in value.
[[nodiscard]] Submission submissionFromJson(std::string_view json);

} // namespace kiosk::storage
