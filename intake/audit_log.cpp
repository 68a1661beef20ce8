#include <intake/audit_log.hpp>

#include <storage/ids.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <utility>

namespace kiosk::intake {
namespace {

using Words = std::pair<std::string_view, std::string_view>;

// Every action of FORMAT.md, "Audit log", as the team would say it.
constexpr std::array<Words, 13> kActionWords = {{
    {"pin_right", "right PIN: staff mode opened"},
    {"pin_wrong", "wrong PIN"},
    {"pin_waiting", "PIN typed during a wait (not checked)"},
    {"set_pin", "PIN set"},
    {"change_pin", "PIN changed"},
    {"left", "left staff mode"},
    {"left_idle", "staff mode left by itself (untouched)"},
    {"export", "exported submissions"},
    {"import_receipt", "imported a receipt"},
    {"sync_now", "synced now"},
    {"quarantine_seen", "damaged database seen by staff"},
    {"provision", "provisioned the kiosk"},
    {"verify", "checked the database"},
}};

constexpr std::array<Words, 4> kOutcomeWords = {{
    {"done", "done"},
    {"nothing", "nothing to do"},
    {"refused", "refused"},
    {"failed", "failed"},
}};

constexpr std::array<Words, 2> kSourceWords = {{
    {"screen", "screen"},
    {"command", "command line"},
}};

// A name the ledger holds that is not in the table is shown as it is, never hidden.
template <std::size_t N> std::string_view wordsFor(const std::array<Words, N>& table, std::string_view name) {
    const auto it = std::find_if(table.begin(), table.end(), [&](const Words& w) { return w.first == name; });
    return it == table.end() ? name : it->second;
}

// "2026-11-23 14:05:09" on this computer's clock: the team reads times as their own.
std::string localTime(const std::string& iso) {
    const auto t = storage::parseIsoUtc(iso);
    if (!t)
        return iso;
    const std::time_t seconds = std::chrono::system_clock::to_time_t(*t);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%d %H:%M:%S", &local);
    return out;
}

// Width on a terminal, counted in characters rather than bytes (Welsh names have ŵ and ŷ).
std::size_t widthOf(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

std::string_view actionWords(std::string_view action) { return wordsFor(kActionWords, action); }

std::string_view outcomeWords(std::string_view outcome) { return wordsFor(kOutcomeWords, outcome); }

std::string_view sourceWords(std::string_view source) { return wordsFor(kSourceWords, source); }

std::string auditTable(const std::vector<Ledger::AuditRow>& rows) {
    using Row = std::array<std::string, 7>;
    std::vector<Row> table{{"time", "kiosk", "from", "what", "outcome", "count", "detail"}};
    for (const auto& r : rows)
        table.push_back({localTime(r.line.at), r.kiosk, std::string(sourceWords(r.line.source)),
                         std::string(actionWords(r.line.action)), std::string(outcomeWords(r.line.outcome)),
                         std::to_string(r.line.count), r.line.detail});
    std::array<std::size_t, 7> widths{};
    for (const auto& row : table)
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], widthOf(row[i]));
    std::string out;
    for (const auto& row : table) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - widthOf(row[i]) + 2, ' ');
        }
        // The last column may be empty: no spaces left dangling at the end of the line.
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

} // namespace kiosk::intake
