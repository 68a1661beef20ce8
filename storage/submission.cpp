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

using Names = std::span<const std::string_view>;
constexpr std::string_view kLanguages[] = {"cy", "en"};
constexpr std::string_view kKinds[] = {"complaint", "compliment", "feedback"};
constexpr std::string_view kWho[] = {"me", "me_with_help", "on_behalf"};
constexpr std::string_view kContact[] = {"phone", "email", "through_adult", "none"};
constexpr std::string_view kMeeting[] = {"", "video", "phone", "in_person", "email"};
constexpr std::string_view kSharing[] = {"", "yes", "no", "talk_first"};

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
    void key(const char* name) {
        m_out += m_out.empty() ? "{" : ",";
        appendJsonString(m_out, name);
        m_out += ':';
    }
    void str(const char* name, std::string_view value) {
        key(name);
        appendJsonString(m_out, value);
    }
    void boolean(const char* name, bool value) {
        key(name);
        m_out += value ? "true" : "false";
    }
    void number(const char* name, int value) {
        key(name);
        m_out += std::to_string(value);
    }
    void list(const char* name, const std::vector<std::string>& values) {
        key(name);
        m_out += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                m_out += ',';
            appendJsonString(m_out, values[i]);
        }
        m_out += ']';
    }
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

void requireOneOf(const std::string& value, Names allowed, const char* name) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
        throw Error(Error::Kind::Format, std::string("submission field \"") + name + "\" has an unknown value");
}

void requireEach(const std::vector<std::string>& values, Names allowed, const char* name) {
    for (const auto& v : values)
        requireOneOf(v, allowed, name);
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
    std::size_t text = 0;
    for (const std::string* field : {&s.id, &s.reference, &s.createdAt, &s.kiosk, &s.story, &s.helperName, &s.adultName,
                                     &s.adultRole, &s.name, &s.phone, &s.email, &s.acknowledgeBy})
        text += field->size();
    for (const auto* list : {&s.topics, &s.putRight})
        for (const auto& item : *list)
            text += item.size() + 3;
    Writer w(text);
    w.str("format", kFormat);
    w.number("version", kVersion);
    w.str("id", s.id);
    w.str("reference", s.reference);
    w.str("created_at", s.createdAt);
    w.str("kiosk", s.kiosk);
    w.str("language", s.language);
    w.str("kind", s.kind);
    w.str("who", s.who);
    w.str("helper_name", s.helperName);
    w.str("adult_name", s.adultName);
    w.str("adult_role", s.adultRole);
    w.boolean("young_person_agreed", s.youngPersonAgreed);
    w.boolean("wants_advocate", s.wantsAdvocate);
    w.list("topics", s.topics);
    w.number("feeling", s.feeling);
    w.str("story", s.story);
    w.boolean("story_skipped", s.storySkipped);
    w.list("put_right", s.putRight);
    w.str("name", s.name);
    w.str("contact", s.contact);
    w.str("phone", s.phone);
    w.str("email", s.email);
    w.str("meeting", s.meeting);
    w.str("sharing", s.sharing);
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
    s.language = field<std::string>(j, "language");
    s.kind = field<std::string>(j, "kind");
    s.who = field<std::string>(j, "who");
    s.helperName = field<std::string>(j, "helper_name");
    s.adultName = field<std::string>(j, "adult_name");
    s.adultRole = field<std::string>(j, "adult_role");
    s.youngPersonAgreed = field<bool>(j, "young_person_agreed");
    s.wantsAdvocate = field<bool>(j, "wants_advocate");
    s.topics = field<std::vector<std::string>>(j, "topics");
    s.feeling = field<int>(j, "feeling");
    s.story = field<std::string>(j, "story");
    s.storySkipped = field<bool>(j, "story_skipped");
    s.putRight = field<std::vector<std::string>>(j, "put_right");
    s.name = field<std::string>(j, "name");
    s.contact = field<std::string>(j, "contact");
    s.phone = field<std::string>(j, "phone");
    s.email = field<std::string>(j, "email");
    s.meeting = field<std::string>(j, "meeting");
    s.sharing = field<std::string>(j, "sharing");
    s.acknowledgeBy = field<std::string>(j, "acknowledge_by");
    s.priority = field<bool>(j, "priority");
    s.demo = field<bool>(j, "demo");
    requireOneOf(s.language, kLanguages, "language");
    requireOneOf(s.kind, kKinds, "kind");
    requireOneOf(s.who, kWho, "who");
    requireEach(s.topics, kTopicNames, "topics");
    requireEach(s.putRight, kPutRightNames, "put_right");
    requireOneOf(s.contact, kContact, "contact");
    requireOneOf(s.meeting, kMeeting, "meeting");
    requireOneOf(s.sharing, kSharing, "sharing");
    if (s.feeling < 0 || s.feeling > 5)
        throw Error(Error::Kind::Format, "submission field \"feeling\" is out of range");
    return s;
}

void wipe(Submission& s) {
    for (std::string* typed : {&s.story, &s.helperName, &s.adultName, &s.adultRole, &s.name, &s.phone, &s.email})
        zero(*typed);
}

} // namespace kiosk::storage
