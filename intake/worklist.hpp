#pragma once

#include <intake/session.hpp>

#include <i18n/catalogue.hpp>

#include <storage/calendar.hpp>
#include <storage/ids.hpp>
#include <storage/submission.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::intake {

/// One submission on the worklist: what the child sent, and what intake works out about it.
struct WorklistItem {
    storage::Submission submission;
    storage::Date deadline; // the end of the day by which it must be acknowledged
    bool overdue = false;   // not acknowledged, and its deadline has passed
    bool isNew = false;     // it arrived in the last run that brought anything
    std::optional<std::string> acknowledgedAt;
    storage::SigningPublicKey kioskKey;    // the kiosk that signed the bundle it came in
    std::vector<std::string> sameIdFrom;   // other kiosks that sent a submission with this id (a warning)
};

/// The worklist: every submission in the ledger, once, in the order the team works through them.
/// Its submissions are wiped when it goes.
struct Worklist {
    Worklist() = default;
    Worklist(const Worklist&) = delete;
    Worklist& operator=(const Worklist&) = delete;
    Worklist(Worklist&&) = default;
    Worklist& operator=(Worklist&&) = default;
    ~Worklist();

    std::vector<WorklistItem> items;
    std::vector<std::string> problems; // ledger rows it could not show, and why
    std::chrono::system_clock::time_point madeAt;
};

/// The acknowledgement deadline intake gives a submission: the end of the next working day after
/// the day it counts as received, by the local date it was made (PRODUCT.md, "The acknowledgement clock").
[[nodiscard]] storage::Date deadlineOf(const std::string& createdAt, const storage::WorkingDays& days);

/// Makes a worklist item of a submission and its ledger row, as of a local date.
[[nodiscard]] WorklistItem makeItem(storage::Submission submission, const Ledger::SubmissionRow& row,
                                    const storage::WorkingDays& days, storage::Date today, std::int64_t lastRun);

/// Puts items in working order: not yet acknowledged before acknowledged; then overdue first,
/// then priority, then oldest.
void sortWorklist(std::vector<WorklistItem>& items);

/// The worklist from the ledger and the archive alone: every archived bundle is opened again (its
/// signature checked again) and each submission of the ledger (by kiosk key and id) taken once, from
/// a bundle that kiosk signed holding it with the hash the ledger recorded. An id held under more
/// than one kiosk is on the list once for each, each item naming the other kiosks.
[[nodiscard]] Worklist buildWorklist(Session& session, std::chrono::system_clock::time_point now);

/// The worklist as CSV (storage/FORMAT.md, "Worklist"): RFC 4180, every cell quoted, CRLF, a
/// column per submission field, then deadline, status, new and acknowledged_at. A question not
/// asked on the child's path reads "not asked"; a feeling reads as its word in the catalogue's language.
[[nodiscard]] std::string toCsv(const Worklist& worklist, const i18n::Catalogue& lang);

/// Text as the worklists show it: NUL and other control characters (C0 but tab and line ends, DEL,
/// C1) and the bidirectional controls U+202A-U+202E and U+2066-U+2069, which could hide or reorder
/// what a reader sees, each become U+FFFD.
[[nodiscard]] std::string visibleText(std::string_view text);

using storage::parseIsoUtc;

} // namespace kiosk::intake
