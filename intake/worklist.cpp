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

// One CSV line, every cell quoted (FORMAT.md), the heading row included: a column for each field
// of a submission, named as the sealed JSON names it.
template <class Cell> std::string csvLine(Cell cell) {
    std::string line;
    for (const auto& field : storage::submissionFields())
        line += (line.empty() ? "" : ",") + csvField(cell(field));
    return line + "\r\n";
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
    std::string csv = csvLine([](const storage::SubmissionField& f) { return std::string(f.name); });
    for (const auto& s : submissions)
        csv += csvLine([&s](const storage::SubmissionField& f) { return f.text(s); });
    return csv;
}

} // namespace kiosk::intake
