#include <intake/worklist.hpp>

#include <storage/error.hpp>

#include <algorithm>

namespace kiosk::intake {
namespace {

// Quotes a field, and defuses text a spreadsheet would run as a formula (=, +, -, @ first).
std::string csvField(const std::string& value) {
    std::string out = "\"";
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        out += '\'';
    for (const char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

Opened openBundle(const storage::Bundle& bundle, const storage::KeyPair& keys) {
    Opened out;
    if (bundle.recipient.bytes != keys.publicKey.bytes) {
        out.problems.push_back("This bundle was sealed to key " + storage::fingerprint(bundle.recipient) +
                               ", not to this key (" + storage::fingerprint(keys.publicKey) +
                               "). Use the secret key that matches the kiosk.");
        return out;
    }
    for (const auto& entry : bundle.entries) {
        try {
            auto s = storage::submissionFromJson(storage::openSealed(entry.sealed, keys));
            if (s.id != entry.id)
                throw storage::Error(storage::Error::Kind::Format, "its sealed id does not match the bundle");
            out.submissions.push_back(std::move(s));
        } catch (const storage::Error& e) {
            out.problems.push_back("Submission " + entry.id + " could not be opened: " + e.what());
        }
    }
    return out;
}

std::size_t addNew(std::vector<storage::Submission>& list, std::vector<storage::Submission>&& more) {
    std::size_t added = 0;
    for (auto& s : more) {
        if (std::any_of(list.begin(), list.end(), [&](const auto& seen) { return seen.id == s.id; }))
            continue;
        list.push_back(std::move(s));
        ++added;
    }
    return added;
}

namespace {

using storage::Submission;
using vocabulary::Field;

std::string yesNo(bool b) { return b ? "yes" : "no"; }

template <class Enum> std::string stored(const std::optional<Enum>& value) {
    return value ? std::string(vocabulary::nameOf(*value).stored) : std::string();
}

// The stored names of the values chosen from a list, as "a; b".
template <class Enum, std::size_t N> std::string storedEach(const std::bitset<N>& chosen) {
    std::string out;
    for (const auto& row : vocabulary::all<Enum>())
        if (chosen.test(static_cast<std::size_t>(row.value)))
            out += (out.empty() ? "" : "; ") + std::string(row.stored);
    return out;
}

// A column of the worklist: its heading (the submission's own field name) and its cell.
struct Column {
    std::string_view heading;
    std::string (*cell)(const Submission&);
};

template <Field f> constexpr Column typed() {
    return {vocabulary::nameOf(f).stored, [](const Submission& s) { return s.text(f); }};
}

// In the order the complaints team reads a row.
constexpr Column kColumns[] = {
    {"reference", [](const Submission& s) { return s.reference; }},
    {"priority", [](const Submission& s) { return yesNo(s.priority); }},
    {"kind", [](const Submission& s) { return stored(s.choices.kind); }},
    {"language", [](const Submission& s) { return std::string(vocabulary::nameOf(s.language).stored); }},
    {"created_at", [](const Submission& s) { return s.createdAt; }},
    {"acknowledge_by", [](const Submission& s) { return s.acknowledgeBy; }},
    {"who", [](const Submission& s) { return stored(s.choices.who); }},
    typed<Field::AdultName>(),
    typed<Field::AdultRole>(),
    {"young_person_agreed", [](const Submission& s) { return yesNo(s.choices.youngPersonAgreed); }},
    typed<Field::HelperName>(),
    {"wants_advocate", [](const Submission& s) { return yesNo(s.choices.wantsAdvocate); }},
    {"topics", [](const Submission& s) { return storedEach<vocabulary::Topic>(s.choices.topics); }},
    {"feeling", [](const Submission& s) { return s.choices.feeling ? std::to_string(*s.choices.feeling) : ""; }},
    typed<Field::Story>(),
    {"story_skipped", [](const Submission& s) { return yesNo(s.choices.storySkipped); }},
    {"put_right", [](const Submission& s) { return storedEach<vocabulary::PutRight>(s.choices.putRight); }},
    typed<Field::Name>(),
    {"contact", [](const Submission& s) { return stored(s.choices.contact); }},
    typed<Field::Phone>(),
    typed<Field::Email>(),
    {"meeting", [](const Submission& s) { return stored(s.choices.meeting); }},
    {"sharing", [](const Submission& s) { return stored(s.choices.sharing); }},
    {"kiosk", [](const Submission& s) { return s.kiosk; }},
    {"demo", [](const Submission& s) { return yesNo(s.demo); }},
    {"id", [](const Submission& s) { return s.id; }},
};

// One CSV line, every cell quoted (FORMAT.md), the heading row included.
template <class Cell> std::string csvLine(Cell cell) {
    std::string line;
    for (const Column& column : kColumns)
        line += (line.empty() ? "" : ",") + csvField(cell(column));
    return line + "\r\n";
}

} // namespace

std::string toCsv(std::vector<storage::Submission> submissions) {
    std::stable_sort(submissions.begin(), submissions.end(), [](const auto& a, const auto& b) {
        return a.priority != b.priority ? a.priority : a.createdAt < b.createdAt;
    });
    std::string csv = csvLine([](const Column& c) { return std::string(c.heading); });
    for (const auto& s : submissions)
        csv += csvLine([&s](const Column& c) { return c.cell(s); });
    return csv;
}

} // namespace kiosk::intake
