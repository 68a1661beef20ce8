#include <intake/worklist.hpp>

#include <intake/open_bundles.hpp>

#include <storage/bundle.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/rules.hpp>

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <tuple>

namespace kiosk::intake {
namespace {

// Quotes a field, and defuses text a spreadsheet would run as a formula (=, +, -, @ first).
std::string csvField(const std::string& raw) {
    const auto value = visibleText(raw);
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

// The columns intake adds after the submission's own fields.
constexpr std::string_view kWorkColumns[] = {"deadline", "status", "new", "acknowledged_at"};

std::string csvLine(const std::vector<std::string>& cells) {
    std::string line;
    for (const auto& cell : cells)
        line += (line.empty() ? "" : ",") + csvField(cell);
    return line + "\r\n";
}

// A question the child was never asked on their path reads "not asked", never "no" or empty; a
// feeling reads as its word ("Sad"), not a bare number.
std::string cellOf(const storage::SubmissionField& field, const storage::Submission& s, const i18n::Catalogue& lang) {
    if (!storage::isAsked(field.name, s))
        return "not asked";
    if (field.name == "feeling") {
        const auto f = s.choices.feeling;
        return f && *f >= vocabulary::kFeelingMin && *f <= vocabulary::kFeelingMax
                   ? std::string(lang.text(vocabulary::feelingKey(*f)))
                   : std::string();
    }
    return field.text(s);
}

std::string statusOf(const WorklistItem& item) {
    if (item.acknowledgedAt)
        return "acknowledged";
    return item.overdue ? "overdue" : "open";
}

} // namespace

std::string visibleText(std::string_view text) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        const auto third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            out += kReplacement;
        } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) { // C1: U+0080-U+009F
            out += kReplacement;
            i += 1;
        } else if (c == 0xE2 && ((next == 0x80 && third >= 0xAA && third <= 0xAE) ||  // U+202A-U+202E
                                 (next == 0x81 && third >= 0xA6 && third <= 0xA9))) { // U+2066-U+2069
            out += kReplacement;
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

Worklist::~Worklist() {
    for (auto& item : items)
        storage::wipe(item.submission);
}

storage::Date deadlineOf(const std::string& createdAt, const storage::WorkingDays& days) {
    const auto made = parseIsoUtc(createdAt);
    if (!made)
        throw storage::Error(storage::Error::Kind::Format, "a submission's created_at is not a time: " + createdAt);
    return days.acknowledgeBy(storage::localDate(*made));
}

WorklistItem makeItem(storage::Submission submission, const Ledger::SubmissionRow& row,
                      const storage::WorkingDays& days, storage::Date today, std::int64_t lastRun) {
    WorklistItem item;
    item.deadline = deadlineOf(row.createdAt, days);
    item.acknowledgedAt = row.acknowledgedAt;
    item.overdue = !item.acknowledgedAt && today > item.deadline;
    item.isNew = lastRun > 0 && row.arrivedRun == lastRun;
    item.kioskKey = row.kioskKey;
    item.submission = std::move(submission);
    return item;
}

void sortWorklist(std::vector<WorklistItem>& items) {
    const auto order = [](const WorklistItem& i) {
        return std::make_tuple(i.acknowledgedAt.has_value(), !i.overdue, !i.submission.priority,
                          std::cref(i.submission.createdAt), std::cref(i.submission.id));
    };
    std::sort(items.begin(), items.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
}

Worklist buildWorklist(Session& session, std::chrono::system_clock::time_point now) {
    Worklist worklist;
    worklist.madeAt = now;
    const auto days = session.workingDays();
    const auto today = storage::localDate(now);
    const auto lastRun = session.ledger.lastRun();
    using Held = std::pair<storage::SigningPublicKey, std::string>; // kiosk key, id
    std::map<Held, Ledger::SubmissionRow> waiting;
    std::map<std::string, std::set<storage::SigningPublicKey>> kiosksOf; // id: the kiosks that sent it
    for (auto& row : session.ledger.submissions()) {
        kiosksOf[row.id].insert(row.kioskKey);
        waiting.emplace(Held{row.kioskKey, row.id}, std::move(row));
    }
    std::map<storage::SigningPublicKey, std::string> kioskNames; // as their bundles name them

    for (const auto& archived : session.ledger.bundles()) {
        kioskNames.emplace(archived.kioskKey, archived.kiosk);
        const auto file = session.home.archive() / archived.archivedAs;
        storage::Bundle bundle;
        try {
            const auto bytes = storage::readFile(file, kLargestBundle);
            if (hashOf(bytes) != archived.fileHash)
                throw storage::Error(storage::Error::Kind::Damaged, "it is not the file that was opened");
            bundle = storage::readBundle(bytes);
        } catch (const storage::Error& e) {
            worklist.problems.push_back("the archived bundle " + file.string() + " could not be read: " + e.what());
            continue;
        }
        for (const auto& entry : bundle.entries) {
            const auto row = waiting.find(Held{bundle.kioskKey, entry.id});
            if (row == waiting.end() || storage::sealedHash(entry.sealed) != row->second.sealedHash)
                continue; // not recorded from this bundle, or taken already from another
            auto check = openEntry(bundle, entry, session.keys.sealing);
            if (!check.submission) {
                worklist.problems.push_back("submission " + entry.id + " in " + file.string() +
                                            " no longer opens: " + check.problem);
                continue;
            }
            worklist.items.push_back(makeItem(std::move(*check.submission), row->second, days, today, lastRun));
            waiting.erase(row);
        }
    }
    for (const auto& [held, row] : waiting)
        worklist.problems.push_back("submission " + held.second + " is in the ledger but in no archived bundle that opens");
    for (auto& item : worklist.items)
        for (const auto& key : kiosksOf[item.submission.id])
            if (key != item.kioskKey)
                item.sameIdFrom.push_back("\"" + kioskNames[key] + "\" (" + storage::fingerprint(key) + ")");
    sortWorklist(worklist.items);
    return worklist;
}

std::string toCsv(const Worklist& worklist, const i18n::Catalogue& lang) {
    std::vector<std::string> heading;
    for (const auto& field : storage::submissionFields())
        heading.emplace_back(field.name);
    for (const auto column : kWorkColumns)
        heading.emplace_back(column);
    std::string csv = csvLine(heading);
    for (const auto& item : worklist.items) {
        std::vector<std::string> cells;
        for (const auto& field : storage::submissionFields())
            cells.push_back(cellOf(field, item.submission, lang));
        cells.push_back(storage::toIso(item.deadline));
        cells.push_back(statusOf(item));
        cells.emplace_back(item.isNew ? "yes" : "no");
        cells.push_back(item.acknowledgedAt.value_or(""));
        csv += csvLine(cells);
        for (auto& cell : cells)
            sodium_memzero(cell.data(), cell.size());
    }
    return csv;
}

} // namespace kiosk::intake
