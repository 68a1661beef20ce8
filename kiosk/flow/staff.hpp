#pragma once

#include <flow/text_field.hpp>
#include <vocabulary/choices.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// Staff mode: the hidden way in, the PIN pad and the pages behind it. Plain data, filled by the
// shell from what core reads, so that flow stays pure and the screens draw only what is here.

namespace kiosk::flow {

using Clock = std::chrono::steady_clock;

/// Why the kiosk cannot store what a child sends, found at start (or after a save found damage).
enum class CannotStore {
    None,        // it can
    NoKey,       // the team's key is missing or cannot be read: IT must provision again
    DiskFull,    // the disk holding the data folder has (almost) no room left
    Unwritable,  // the data folder or database cannot be written (permissions, read-only disk, locked)
    Quarantined, // a database was found damaged and moved aside; staff have not yet seen it
    Damaged,     // the database is damaged and could not be moved aside
};

/// The corners of the screen, for the hidden gesture that opens staff mode.
enum class Corner { TopLeft, TopRight, BottomRight, BottomLeft };

/// The hidden gesture: hold the top-left corner for kGestureHold, then tap the top-right,
/// bottom-right and bottom-left corners in turn, each within kGestureStep of the one before. Only
/// on Welcome with no panel open, so that no child's session can be behind it.
inline constexpr std::chrono::seconds kGestureHold{3};
inline constexpr std::chrono::seconds kGestureStep{5};
/// Staff mode closes by itself after this long untouched (unless an action is under way).
inline constexpr std::chrono::seconds kStaffIdle{120};
/// A PIN is this many digits, at least and at most.
inline constexpr std::size_t kPinShortest = 6;
inline constexpr std::size_t kPinLongest = 12;

enum class StaffPage {
    Closed,
    Pin,          // the PIN pad
    WhyNot,       // first after the PIN on a kiosk that cannot store: why, and what to do
    Dashboard,
    ChooseFolder, // the USB sticks found, or a folder typed, for an export or a receipt
    NewPin,       // change the PIN: typed twice
};

/// What the folder page is choosing a folder for.
enum class FolderTask { Export, ImportReceipt };

/// What core says about the PIN: whether one is set, and how the wrong tries stand.
struct PinStatus {
    bool set = false;       // no PIN set: IT sets one with `kiosk admin set-pin`
    int triesBeforeWait = 0; // wrong tries left before a wait begins
    int waitSeconds = 0;    // the wait now under way (0: none)
    bool operator==(const PinStatus&) const = default;
};

/// A removable drive mounted by the system, as staff know it.
struct Drive {
    std::string name; // its label, e.g. "SANDISK"
    std::string path; // where it is mounted
    bool operator==(const Drive&) const = default;
};

/// A moment in local time, as the dashboard shows it.
struct LocalTime {
    int year = 0, month = 1, day = 1, weekday = 1; // as Day
    int minutes = 0;                               // after midnight
    bool operator==(const LocalTime&) const = default;
};

/// One line of the audit log, never content: what was done, from where, and how it went.
struct AuditLine {
    LocalTime at;
    std::string source;  // "screen" or "command"
    std::string action;  // FORMAT.md, "Audit log": "pin_wrong", "export", ...
    std::string outcome; // "done", "nothing", "refused", "failed"
    int count = 0;       // submissions it concerned, where that means something
    std::string detail;  // a drive's or file's name; never anything a child wrote
    bool operator==(const AuditLine&) const = default;
};

/// Everything the dashboard shows, read by core (core::readDashboard).
struct Dashboard {
    std::string kioskName;
    bool demo = false;
    int waiting = 0;   // never exported
    int exported = 0;  // exported, no receipt yet
    int priority = 0;  // unconfirmed ones made after "I don't feel safe" was pressed
    int quarantinedUnconfirmed = 0;
    int quarantinedDatabases = 0;
    int damaged = 0;   // unconfirmed rows whose bytes fail their checksum
    std::optional<LocalTime> oldestMade;
    std::optional<LocalTime> acknowledgeBy; // the day (minutes unused)
    bool overdue = false;
    bool exportToday = false; // waiting submissions must reach the team today
    bool pastClosing = false; // ...and the centre's closing time has passed
    int closesAtMinutes = 17 * 60;
    std::optional<LocalTime> lastExport;
    std::optional<LocalTime> lastReceipt;
    bool hasSync = false;
    std::string syncFolder;
    std::optional<LocalTime> lastSync;
    std::string syncProblem; // for IT, as recorded; empty if the last round went through
    std::uintmax_t freeBytes = 0;
    bool nearlyFull = false;
    CannotStore cannotStore = CannotStore::None;
    std::string cannotStoreDetail; // for IT: the file and what the system said
    bool unreadable = false; // the database could not be read: the counts above are not known
    std::string teamSealing, teamSigning, kioskSigning; // fingerprints; empty if unreadable
    std::vector<AuditLine> audit; // the last 20, newest first
};

/// What a staff action did, told to staff in their language (never an error code).
struct StaffMessage {
    enum class Kind {
        Exported,               // count submissions written to `where` (damaged: could not be sent)
        NothingToExport,        // the team has confirmed everything
        ReceiptImported,        // count confirmed, deleted removed now
        ReceiptAlreadyImported, // nothing new
        NoReceiptThere,         // no receipt for this kiosk in `where`
        ReceiptRefused,         // not signed by the team, altered, or another kiosk's only
        Synced,                 // a sync round went through: count exported, deleted = receipts imported
        SyncFailed,             // the sync folder could not be used; detail for IT
        SyncNotAnswering,       // the sync folder did not answer in time; it is tried again
        PinChanged,
        PinsDiffer,             // the two new PINs were not the same: nothing changed
        PinTooShort,            // fewer than kPinShortest digits: nothing changed
        QuarantineSeen,         // staff have seen the damaged database: submissions are taken again
        FolderMissing,          // `where` is not there (stick removed?): nothing changed
        FolderFull,             // no room in `where`: nothing changed
        FolderReadOnly,         // `where` cannot be written: nothing changed
        FolderFailed,           // `where` could not be written for another reason: detail for IT
        StorageFailed,          // the kiosk's own database could not be read or written: detail for IT
    };
    Kind kind = Kind::Exported;
    int count = 0;
    int deleted = 0;
    int damaged = 0;
    std::string where;  // the drive's name or the folder
    std::string detail; // for IT, in the system's words; may be empty
    bool operator==(const StaffMessage&) const = default;
};

/// Staff mode's part of the kiosk's state. Nothing typed here ever reaches a child's answers.
struct Staff {
    StaffPage page = StaffPage::Closed;
    vocabulary::Language language = vocabulary::Language::Welsh;
    bool signedIn = false; // the PIN was right in this visit

    // The hidden gesture.
    int gestureStage = 0;                   // 0 nothing; 1 holding top-left; 2..4 corners done
    Clock::time_point gestureAt{};          // when the last stage began
    // The PIN pad.
    std::string pin;                        // digits typed; wiped on every change of page
    std::string firstNewPin;                // on NewPin: the first of the two entries
    PinStatus pinStatus;
    Clock::time_point waitUntil{};          // no try before this (from pinStatus.waitSeconds)
    bool pinWrong = false;                  // the last try was wrong
    // The pages.
    bool busy = false;                      // an action is under way: it answers with StaffDone
    std::optional<Dashboard> dashboard;
    std::vector<Drive> drives;
    FolderTask task = FolderTask::Export;
    TextField folder{1024};                 // a folder typed on the folder page
    bool typingFolder = false;              // the keyboard is open for it
    std::optional<StaffMessage> message;    // what the last action did
    Clock::time_point lastInput{};
};

} // namespace kiosk::flow
