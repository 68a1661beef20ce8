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

std::string toCsv(std::vector<storage::Submission> submissions) {
    std::stable_sort(submissions.begin(), submissions.end(), [](const auto& a, const auto& b) {
        return a.priority != b.priority ? a.priority : a.createdAt < b.createdAt;
    });
    const auto yesNo = [](bool b) { return std::string(b ? "yes" : "no"); };
    const auto joined = [](const std::vector<std::string>& v) {
        std::string out;
        for (const auto& s : v)
            out += (out.empty() ? "" : "; ") + s;
        return out;
    };
    std::string csv = "reference,priority,kind,language,created_at,acknowledge_by,who,adult_name,adult_role,"
                      "young_person_agreed,helper_name,wants_advocate,topics,feeling,story,story_skipped,put_right,"
                      "name,contact,phone,email,meeting,sharing,kiosk,demo,id\r\n";
    for (const auto& s : submissions) {
        const std::vector<std::string> cells = {
            s.reference, yesNo(s.priority), s.kind, s.language, s.createdAt, s.acknowledgeBy, s.who, s.adultName,
            s.adultRole, yesNo(s.youngPersonAgreed), s.helperName, yesNo(s.wantsAdvocate), joined(s.topics),
            s.feeling == 0 ? "" : std::to_string(s.feeling), s.story, yesNo(s.storySkipped), joined(s.putRight),
            s.name, s.contact, s.phone, s.email, s.meeting, s.sharing, s.kiosk, yesNo(s.demo), s.id};
        for (std::size_t i = 0; i < cells.size(); ++i)
            csv += (i == 0 ? "" : ",") + csvField(cells[i]);
        csv += "\r\n";
    }
    return csv;
}

} // namespace kiosk::intake
