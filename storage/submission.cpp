#include <storage/submission.hpp>

#include <storage/error.hpp>
#include <storage/strict_json.hpp>

#include <sodium.h>

#include <vector>

namespace kiosk::storage {

// Writes one JSON object field by field into a buffer reserved up front, so that the child's
// words are copied once, into the one buffer the caller wipes after sealing.
class JsonWriter {
public:
    explicit JsonWriter(std::size_t typed) { m_out.reserve(1024 + typed * 6); } // worst case: every byte escaped
    void str(std::string_view name, std::string_view value) {
        key(name);
        quoted(value);
    }
    void raw(std::string_view name, std::string_view value) {
        key(name);
        m_out += value;
    }
    void list(std::string_view name, const std::vector<std::string_view>& values) {
        key(name);
        m_out += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            m_out += i == 0 ? "" : ",";
            quoted(values[i]);
        }
        m_out += ']';
    }
    std::string finish() {
        m_out += '}';
        return std::move(m_out);
    }

private:
    void key(std::string_view name) {
        m_out += m_out.empty() ? "{" : ",";
        quoted(name);
        m_out += ':';
    }
    void quoted(std::string_view value) {
        static constexpr char kHex[] = "0123456789abcdef";
        m_out += '"';
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                m_out += '\\';
                m_out += c;
            } else if (u < 0x20) {
                m_out += "\\u00";
                m_out += kHex[u >> 4];
                m_out += kHex[u & 15];
            } else {
                m_out += c;
            }
        }
        m_out += '"';
    }

    std::string m_out;
};

namespace {

constexpr const char* kFormat = "cafcass-cymru-kiosk.submission";
constexpr int kVersion = 1;

using vocabulary::Choices;
using vocabulary::Field;
using vocabulary::nameOf;

// A member of the submission or of its choices, the same way for either.
template <auto Member> auto& member(Submission& s) {
    if constexpr (std::is_invocable_v<decltype(Member), Submission&>)
        return s.*Member;
    else
        return s.choices.*Member;
}
template <auto Member> const auto& member(const Submission& s) { return member<Member>(const_cast<Submission&>(s)); }

template <auto Member> constexpr SubmissionField text() {
    return {[](const Submission& s) { return std::string(member<Member>(s)); },
            [](JsonWriter& w, std::string_view n, const Submission& s) { w.str(n, member<Member>(s)); },
            [](const JsonReader& r, std::string_view n, Submission& s) { member<Member>(s) = r.string(n); }, {}};
}

template <Field F> constexpr SubmissionField typed() {
    return {[](const Submission& s) { return s.text(F); },
            [](JsonWriter& w, std::string_view n, const Submission& s) { w.str(n, s.text(F)); },
            [](const JsonReader& r, std::string_view n, Submission& s) { s.text(F) = r.string(n); }, {}};
}

template <auto Member> constexpr SubmissionField flag() {
    return {[](const Submission& s) { return std::string(member<Member>(s) ? "yes" : "no"); },
            [](JsonWriter& w, std::string_view n, const Submission& s) { w.raw(n, member<Member>(s) ? "true" : "false"); },
            [](const JsonReader& r, std::string_view n, Submission& s) { member<Member>(s) = r.boolean(n); }, {}};
}

// A choice by its stored name; "" where it was not made. A required one must be made.
template <auto Member, bool kRequired> constexpr SubmissionField choice() {
    using Enum = typename std::decay_t<decltype(member<Member>(std::declval<Submission&>()))>::value_type;
    return {[](const Submission& s) {
                const auto& v = member<Member>(s);
                return std::string(v ? nameOf(*v).stored : std::string_view());
            },
            [](JsonWriter& w, std::string_view n, const Submission& s) {
                const auto& v = member<Member>(s);
                w.str(n, v ? nameOf(*v).stored : std::string_view());
            },
            [](const JsonReader& r, std::string_view n, Submission& s) {
                const auto stored = r.string(n);
                auto& v = member<Member>(s);
                v.reset();
                if (stored.empty() && !kRequired)
                    return;
                v = vocabulary::fromStored<Enum>(stored);
                if (!v)
                    r.unknownValue(n);
            }, {}};
}

// The values chosen from a list, by their stored names in the vocabulary's order.
template <class Enum, auto Member> std::vector<std::string_view> chosen(const Submission& s) {
    std::vector<std::string_view> out;
    for (const auto& row : vocabulary::all<Enum>())
        if (member<Member>(s).test(static_cast<std::size_t>(row.value)))
            out.push_back(row.stored);
    return out;
}

template <class Enum, auto Member> constexpr SubmissionField list() {
    return {[](const Submission& s) {
                std::string out;
                for (const auto name : chosen<Enum, Member>(s))
                    out += (out.empty() ? "" : "; ") + std::string(name);
                return out;
            },
            [](JsonWriter& w, std::string_view n, const Submission& s) { w.list(n, chosen<Enum, Member>(s)); },
            [](const JsonReader& r, std::string_view n, Submission& s) {
                auto& bits = member<Member>(s);
                bits.reset();
                for (const auto& stored : r.strings(n)) {
                    const auto value = vocabulary::fromStored<Enum>(stored);
                    if (!value || bits.test(static_cast<std::size_t>(*value)))
                        r.unknownValue(n); // unknown, or the same one twice
                    bits.set(static_cast<std::size_t>(*value));
                }
            }, {}};
}

constexpr SubmissionField language() {
    return {[](const Submission& s) { return std::string(nameOf(s.language).stored); },
            [](JsonWriter& w, std::string_view n, const Submission& s) { w.str(n, nameOf(s.language).stored); },
            [](const JsonReader& r, std::string_view n, Submission& s) {
                const auto value = vocabulary::fromStored<vocabulary::Language>(r.string(n));
                if (!value)
                    r.unknownValue(n);
                s.language = *value;
            }, {}};
}

// 1 to 5 on the scale; 0 where not given.
constexpr SubmissionField feeling() {
    return {[](const Submission& s) { return s.choices.feeling ? std::to_string(*s.choices.feeling) : std::string(); },
            [](JsonWriter& w, std::string_view n, const Submission& s) {
                w.raw(n, std::to_string(s.choices.feeling.value_or(0)));
            },
            [](const JsonReader& r, std::string_view n, Submission& s) {
                const int f = r.integer(n);
                if (f != 0 && (f < vocabulary::kFeelingMin || f > vocabulary::kFeelingMax))
                    r.outOfRange(n);
                s.choices.feeling = f == 0 ? std::nullopt : std::optional<int>(f);
            }, {}};
}

constexpr SubmissionField named(std::string_view name, SubmissionField f) {
    f.name = name;
    return f;
}

// Every field, once: its name in the JSON and the worklist, and how it is written, read and shown.
// In the order the complaints team reads a worklist row.
constexpr SubmissionField kFields[] = {
    named("reference", text<&Submission::reference>()),
    named("priority", flag<&Submission::priority>()),
    named("kind", choice<&Choices::kind, true>()),
    named("language", language()),
    named("created_at", text<&Submission::createdAt>()),
    named("acknowledge_by", text<&Submission::acknowledgeBy>()),
    named("who", choice<&Choices::who, true>()),
    named(nameOf(Field::AdultName).stored, typed<Field::AdultName>()),
    named(nameOf(Field::AdultRole).stored, typed<Field::AdultRole>()),
    named("young_person_agreed", flag<&Choices::youngPersonAgreed>()),
    named(nameOf(Field::HelperName).stored, typed<Field::HelperName>()),
    named("wants_advocate", flag<&Choices::wantsAdvocate>()),
    named("topics", list<vocabulary::Topic, &Choices::topics>()),
    named("feeling", feeling()),
    named(nameOf(Field::Story).stored, typed<Field::Story>()),
    named("story_skipped", flag<&Choices::storySkipped>()),
    named("put_right", list<vocabulary::PutRight, &Choices::putRight>()),
    named(nameOf(Field::Name).stored, typed<Field::Name>()),
    named("contact", choice<&Choices::contact, true>()),
    named(nameOf(Field::Phone).stored, typed<Field::Phone>()),
    named(nameOf(Field::Email).stored, typed<Field::Email>()),
    named("meeting", choice<&Choices::meeting, false>()),
    named("sharing", choice<&Choices::sharing, false>()),
    named("kiosk", text<&Submission::kiosk>()),
    named("demo", flag<&Submission::demo>()),
    named("id", text<&Submission::id>()),
};

} // namespace

std::span<const SubmissionField> submissionFields() { return kFields; }

std::string toJson(const Submission& s) {
    std::size_t typed = s.id.size() + s.reference.size() + s.createdAt.size() + s.kiosk.size() + s.acknowledgeBy.size();
    for (const auto& text : s.texts)
        typed += text.size();
    JsonWriter w(typed);
    w.str("format", kFormat);
    w.raw("version", std::to_string(kVersion));
    for (const auto& field : kFields)
        field.write(w, field.name, s);
    return w.finish();
}

Submission submissionFromJson(std::string_view json) {
    const nlohmann::json j = parseStrict(json, "submission");
    const JsonReader r(j, "submission");
    if (r.string("format") != kFormat)
        throw Error(Error::Kind::Format, "not a kiosk submission");
    if (const int version = r.integer("version"); version != kVersion)
        throw Error(Error::Kind::Format, "submission version " + std::to_string(version) +
                                             (version > kVersion ? " is newer than this program understands"
                                                                 : " is not one this program knows"));
    Submission s;
    for (const auto& field : kFields)
        field.read(r, field.name, s);
    // Every field was there and none twice, so any more are ones this version does not know: a
    // field dropped unread could be something the child said, so the whole submission is refused.
    if (j.size() != std::size(kFields) + 2)
        throw Error(Error::Kind::Format, "submission has a field this version does not know");
    return s;
}

void wipe(Submission& s) {
    // As flow::secureWipe: the whole allocation, including bytes left past the end by earlier edits.
    for (auto& typed : s.texts) {
        typed.resize(typed.capacity());
        sodium_memzero(typed.data(), typed.size());
        typed.clear();
    }
}

} // namespace kiosk::storage
