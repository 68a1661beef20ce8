#include "submission.hpp"

#include "error.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

namespace kiosk::storage {
namespace {

constexpr const char* kFormat = "cafcass-cymru-kiosk.submission";
constexpr int kVersion = 1;

template <class T> T field(const nlohmann::json& j, const char* name) {
    if (!j.contains(name))
        throw Error(Error::Kind::Format, std::string("submission has no \"") + name + "\"");
    try {
        return j.at(name).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw Error(Error::Kind::Format, std::string("submission field \"") + name + "\" has the wrong type");
    }
}

template <std::size_t N> void requireOneOf(const std::string& value, const std::array<const char*, N>& allowed, const char* name) {
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; }))
        throw Error(Error::Kind::Format, std::string("submission field \"") + name + "\" has an unknown value");
}

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

} // namespace

// Written by hand rather than through a JSON object so that the child's words are copied once,
// into the one buffer the caller wipes after sealing.
std::string toJson(const Submission& s) {
    std::string out;
    out.reserve(512 + s.story.size() * 6); // worst case: every byte escaped as \u00XX
    const auto str = [&out](const char* name, std::string_view value) {
        out += out.empty() ? "{" : ",";
        appendJsonString(out, name);
        out += ':';
        appendJsonString(out, value);
    };
    const auto boolean = [&out](const char* name, bool value) {
        out += ',';
        appendJsonString(out, name);
        out += value ? ":true" : ":false";
    };
    str("format", kFormat);
    out += ",\"version\":" + std::to_string(kVersion);
    str("id", s.id);
    str("reference", s.reference);
    str("created_at", s.createdAt);
    str("kiosk", s.kiosk);
    str("language", s.language);
    str("kind", s.kind);
    str("story", s.story);
    boolean("story_skipped", s.storySkipped);
    boolean("priority", s.priority);
    boolean("demo", s.demo);
    out += '}';
    return out;
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
    s.story = field<std::string>(j, "story");
    s.storySkipped = field<bool>(j, "story_skipped");
    s.priority = field<bool>(j, "priority");
    s.demo = field<bool>(j, "demo");
    requireOneOf(s.language, std::array{"cy", "en"}, "language");
    requireOneOf(s.kind, std::array{"complaint", "compliment", "feedback"}, "kind");
    return s;
}

} // namespace kiosk::storage
