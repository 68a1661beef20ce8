#pragma once

#include <vocabulary/choices.hpp>

#include <array>
#include <span>
#include <string>
#include <string_view>

namespace kiosk::storage {

/// What a child sent, as it is sealed (see FORMAT.md, "Submission"). The choices are the flow's
/// own values; the JSON names them as the vocabulary does.
struct Submission {
    std::string id;        // UUID, the same as the row and bundle entry that carry it
    std::string reference; // the code the child was given
    std::string createdAt; // ISO 8601 UTC
    std::string kiosk;     // the kiosk's name
    vocabulary::Language language = vocabulary::Language::Welsh; // the language the child finished in
    vocabulary::Choices choices;
    std::array<std::string, vocabulary::count<vocabulary::Field>()> texts; // what was typed, by box; empty if not
    std::string acknowledgeBy; // the date the child was told we would get in touch by, or ""
    bool priority = false;     // "I don't feel safe" was pressed during the session
    bool demo = false;         // made on a kiosk in demo mode

    [[nodiscard]] std::string& text(vocabulary::Field f) { return texts[static_cast<std::size_t>(f)]; }
    [[nodiscard]] const std::string& text(vocabulary::Field f) const { return texts[static_cast<std::size_t>(f)]; }
};

class JsonWriter;
class JsonReader;

/// One field of a submission, named once: its name in the sealed JSON and in the worklist, its
/// value as the worklist shows it (choices by stored name, lists as "a; b", flags as yes/no), and
/// how the JSON writes and reads it.
struct SubmissionField {
    std::string (*text)(const Submission&);
    void (*write)(JsonWriter&, std::string_view name, const Submission&);
    void (*read)(const JsonReader&, std::string_view name, Submission&);
    std::string_view name;
};

/// Every field but the format and version, in the order the complaints team reads a worklist row.
[[nodiscard]] std::span<const SubmissionField> submissionFields();

/// Serialises to the versioned JSON that is sealed.
[[nodiscard]] std::string toJson(const Submission& submission);
/// Reads that JSON back; throws Error(Format) if a field is missing, mistyped or unknown in value.
[[nodiscard]] Submission submissionFromJson(std::string_view json);
/// Zeroes every string the child or their adult typed.
void wipe(Submission& submission);

} // namespace kiosk::storage
