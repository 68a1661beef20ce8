#include <storage/submission.hpp>

#include <storage/error.hpp>

#include <sodium.h>

#include <algorithm>
#include <span>
#include <nlohmann/json.hpp>

namespace kiosk::storage {
namespace {

constexpr const char* kFormat = "cafcass-cymru-kiosk.submission";
constexpr int kVersion = 1;

using vocabulary::Field;
using vocabulary::nameOf;

void appendJsonString(std::string& out, std::string_view value) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

// Writes one JSON object field by field into a buffer reserved up front.
class Writer {
public:
    explicit Writer(std::size_t typed) { m_out.reserve(1024 + typed * 6); } // worst case: every byte escaped
    void key(std::string_view name) {
        m_out += m_out.empty() ? "{" : ",";
        appendJsonString(m_out, name);
        m_out += ':';
    }
    void str(std::string_view name, std::string_view value) {
        key(name);
        appendJsonString(m_out, value);
    }
    void boolean(std::string_view name, bool value) {
        key(name);
        m_out += value ? "true" : "false";
    }
    void number(std::string_view name, int value) {
        key(name);
        m_out += std::to_string(value);
    }
    /// The stored names of the values chosen from a list, in the vocabulary's order.
    template <class Enum, std::size_t N> void list(std::string_view name, const std::bitset<N>& chosen) {
        key(name);
        m_out += '[';
        bool first = true;
        for (const auto& row : vocabulary::all<Enum>()) {
            if (!chosen.test(static_cast<std::size_t>(row.value)))
                continue;
            m_out += first ? "" : ",";
            appendJsonString(m_out, row.stored);
            first = false;
        }
        m_out += ']';
    }
    /// A choice by its stored name, or "" when it was not made.
    template <class Enum> void choice(std::string_view name, const std::optional<Enum>& value) {
        str(name, value ? nameOf(*value).stored : std::string_view());
    }
    void text(const Submission& s, Field f) { str(nameOf(f).stored, s.text(f)); }
    std::string finish() {
        m_out += '}';
        return std::move(m_out);
    }

private:
    std::string m_out;
};

template <class T> T field(const nlohmann::json& j, const char* name) {
    if (!j.contains(name))
        throw Error(Error::Kind::Format, std::string("submission has no \"") + name + "\"");
    try {
        return j.at(name).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw Error(Error::Kind::Format, std::string("submission field \"") + name + "\" has the wrong type");
    }
}

[[noreturn]] void unknownValue(const char* name) {
    throw Error(Error::Kind::Format, std::string("submission field \"") + name + "\" has an unknown value");
}

// A choice by its stored name; "" means it was not made, where that is allowed.
template <class Enum> std::optional<Enum> choice(const nlohmann::json& j, const char* name, bool required) {
    const auto stored = field<std::string>(j, name);
    if (stored.empty() && !required)
        return std::nullopt;
    const auto value = vocabulary::fromStored<Enum>(stored);
    if (!value)
        unknownValue(name);
    return value;
}

template <class Enum, std::size_t N> std::bitset<N> chosen(const nlohmann::json& j, const char* name) {
    std::bitset<N> out;
    for (const auto& stored : field<std::vector<std::string>>(j, name)) {
        const auto value = vocabulary::fromStored<Enum>(stored);
        if (!value)
            unknownValue(name);
        out.set(static_cast<std::size_t>(*value));
    }
    return out;
}

// As flow::secureWipe: the whole allocation, including bytes left past the end by earlier edits.
void zero(std::string& s) {
    s.resize(s.capacity());
    sodium_memzero(s.data(), s.size());
    s.clear();
}

} // namespace

// Written by hand rather than through a JSON object so that the child's words are copied once,
// into the one buffer the caller wipes after sealing.
std::string toJson(const Submission& s) {
    std::size_t typed = 0;
    for (const std::string* field : {&s.id, &s.reference, &s.createdAt, &s.kiosk, &s.acknowledgeBy})
        typed += field->size();
    for (const auto& text : s.texts)
        typed += text.size();
    const vocabulary::Choices& c = s.choices;
    Writer w(typed);
    w.str("format", kFormat);
    w.number("version", kVersion);
    w.str("id", s.id);
    w.str("reference", s.reference);
    w.str("created_at", s.createdAt);
    w.str("kiosk", s.kiosk);
    w.str("language", nameOf(s.language).stored);
    w.choice("kind", c.kind);
    w.choice("who", c.who);
    w.text(s, Field::HelperName);
    w.text(s, Field::AdultName);
    w.text(s, Field::AdultRole);
    w.boolean("young_person_agreed", c.youngPersonAgreed);
    w.boolean("wants_advocate", c.wantsAdvocate);
    w.list<vocabulary::Topic>("topics", c.topics);
    w.number("feeling", c.feeling.value_or(0));
    w.text(s, Field::Story);
    w.boolean("story_skipped", c.storySkipped);
    w.list<vocabulary::PutRight>("put_right", c.putRight);
    w.text(s, Field::Name);
    w.choice("contact", c.contact);
    w.text(s, Field::Phone);
    w.text(s, Field::Email);
    w.choice("meeting", c.meeting);
    w.choice("sharing", c.sharing);
    w.str("acknowledge_by", s.acknowledgeBy);
    w.boolean("priority", s.priority);
    w.boolean("demo", s.demo);
    return w.finish();
}

Submission submissionFromJson(std::string_view json) {
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw Error(Error::Kind::Format, "submission is not a JSON object");
    if (field<std::string>(j, "format") != kFormat)
        throw Error(Error::Kind::Format, "not a kiosk submission");
    if (field<int>(j, "version") != kVersion)
        throw Error(Error::Kind::Format, "submission version " + std::to_string(field<int>(j, "version")) +
                                             " is newer than this program understands");
    Submission s;
    s.id = field<std::string>(j, "id");
    s.reference = field<std::string>(j, "reference");
    s.createdAt = field<std::string>(j, "created_at");
    s.kiosk = field<std::string>(j, "kiosk");
    s.language = *choice<vocabulary::Language>(j, "language", true);
    vocabulary::Choices& c = s.choices;
    c.kind = choice<vocabulary::Kind>(j, "kind", true);
    c.who = choice<vocabulary::Who>(j, "who", true);
    c.youngPersonAgreed = field<bool>(j, "young_person_agreed");
    c.wantsAdvocate = field<bool>(j, "wants_advocate");
    c.topics = chosen<vocabulary::Topic, vocabulary::count<vocabulary::Topic>()>(j, "topics");
    const int feeling = field<int>(j, "feeling");
    if (feeling != 0 && (feeling < vocabulary::kFeelingMin || feeling > vocabulary::kFeelingMax))
        throw Error(Error::Kind::Format, "submission field \"feeling\" is out of range");
    if (feeling != 0)
        c.feeling = feeling;
    c.storySkipped = field<bool>(j, "story_skipped");
    c.putRight = chosen<vocabulary::PutRight, vocabulary::count<vocabulary::PutRight>()>(j, "put_right");
    c.contact = choice<vocabulary::Contact>(j, "contact", true);
    c.meeting = choice<vocabulary::Meeting>(j, "meeting", false);
    c.sharing = choice<vocabulary::Sharing>(j, "sharing", false);
    for (const auto& row : vocabulary::all<Field>())
        s.text(row.value) = field<std::string>(j, std::string(row.stored).c_str());
    s.acknowledgeBy = field<std::string>(j, "acknowledge_by");
    s.priority = field<bool>(j, "priority");
    s.demo = field<bool>(j, "demo");
    return s;
}

void wipe(Submission& s) {
    for (auto& typed : s.texts)
        zero(typed);
}

} // namespace kiosk::storage
