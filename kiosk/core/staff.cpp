#include <core/staff.hpp>

#include <core/local_time.hpp>
#include <core/on_database.hpp>
#include <core/pin.hpp>
#include <core/status.hpp>
#include <core/sync_worker.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <storage/store.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <sys/statvfs.h>
#include <unistd.h>

namespace kiosk::core {
namespace {

using storage::Error;
using Kind = flow::StaffMessage::Kind;

// Less room than this on a USB stick that failed a write: it is full, as far as staff can tell.
constexpr std::uintmax_t kLittleRoomBytes = 1024 * 1024;

const char* sourceName(Source source) {
    return source == Source::Screen ? "screen" : "command";
}

void recordAudit(const Identity& identity, Source source, const std::string& action,
                 const std::string& outcome, int count, const std::string& detail) {
    storage::SubmissionStore store(identity.databaseFile());
    (void)store.recordAudit({0, storage::isoUtc(std::chrono::system_clock::now()), sourceName(source), action,
                             outcome, count, storage::fitAuditDetail(detail)});
}

// What staff call a folder: the drive's name, or the path typed.
std::string whereName(const std::filesystem::path& folder, const std::string& name) {
    return name.empty() ? folder.string() : name;
}

// A folder that cannot even be looked at (a parent without permission) is as good as missing.
bool isFolder(const std::filesystem::path& folder) {
    std::error_code ec;
    return std::filesystem::is_directory(folder, ec);
}

bool isReadOnly(const std::filesystem::path& folder) {
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0)
        return true;
    return ::access(folder.c_str(), W_OK) != 0;
}

bool hasLittleRoom(const std::filesystem::path& folder) {
    std::error_code ec;
    const auto space = std::filesystem::space(folder, ec);
    return !ec && space.available < kLittleRoomBytes;
}

std::optional<flow::LocalTime> localFromIso(const std::optional<std::string>& iso) {
    if (!iso || iso->empty())
        return std::nullopt;
    const auto t = parseIsoUtc(*iso);
    if (!t)
        return std::nullopt;
    return toLocalTime(*t);
}

flow::LocalTime localDay(storage::Date date) {
    return {date.year, date.month, date.day, storage::weekday(date), 0};
}

// A line of the sys tree, such as /sys/class/block/sdb/removable; empty if it is not there.
std::string firstLine(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

// /proc/self/mounts writes a space in a path as \040 (and a tab, newline and backslash likewise).
std::string unescapeMount(const std::string& field) {
    const auto octal = [](char c) { return c >= '0' && c <= '7'; };
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size() && octal(field[i + 1]) && octal(field[i + 2]) &&
            octal(field[i + 3])) {
            out += static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 +
                                     (field[i + 3] - '0'));
            i += 3;
        } else {
            out += field[i];
        }
    }
    return out;
}

// An absolute path with no "." or ".." part and no NUL (which would end it early), as the kernel
// writes a mount point: anything else names another folder than the one it seems to.
bool isPlainPath(const std::string& path) {
    if (path.find('\0') != std::string::npos)
        return false;
    const std::filesystem::path p(path);
    return std::none_of(p.begin(), p.end(), [](const std::filesystem::path& part) {
        return part == "." || part == "..";
    });
}

bool isRemovable(const std::filesystem::path& sysBlock, const std::string& device) {
    // A partition (sdb1) says nothing itself: its disk (sdb), the folder above it in the sys tree,
    // does. The path goes through the symbolic link /sys/class/block/sdb1 before "..", as the
    // kernel resolves it, so it must not be tidied first.
    return firstLine(sysBlock / device / "removable") == "1" ||
           firstLine(sysBlock / device / ".." / "removable") == "1";
}

} // namespace

const char* auditOutcome(Kind kind) {
    switch (kind) {
    case Kind::Exported:
    case Kind::ReceiptImported:
    case Kind::Synced:
    case Kind::PinChanged:
    case Kind::QuarantineSeen:
        return "done";
    case Kind::NothingToExport:
    case Kind::ReceiptAlreadyImported:
    case Kind::NoReceiptThere:
        return "nothing";
    case Kind::ReceiptRefused:
    case Kind::PinsDiffer:
    case Kind::PinTooShort:
    case Kind::FolderMissing:
    case Kind::FolderFull:
    case Kind::FolderReadOnly:
        return "refused"; // nothing was changed
    case Kind::SyncFailed:
    case Kind::SyncNotAnswering:
    case Kind::FolderFailed:
    case Kind::StorageFailed:
        return "failed";
    }
    return "failed";
}

// Storage names the file it failed on, so an error that does not name the folder is the kiosk's own
// (its database or its key).
Kind folderProblem(const std::filesystem::path& folder, const storage::Error& e) {
    if (e.kind() != Error::Kind::File ||
        std::string_view(e.what()).find(folder.string()) == std::string_view::npos)
        return Kind::StorageFailed;
    switch (e.code()) {
    case EROFS:
    case EACCES:
    case EPERM:
        return Kind::FolderReadOnly;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return Kind::FolderFull;
    default:
        break;
    }
    if (!isFolder(folder))
        return Kind::FolderMissing; // the stick was taken out
    if (isReadOnly(folder))
        return Kind::FolderReadOnly;
    if (hasLittleRoom(folder))
        return Kind::FolderFull;
    return Kind::FolderFailed;
}

void audit(const Identity& identity, Source source, const std::string& action, const std::string& outcome,
           int count, const std::string& detail) {
    try {
        recordAudit(identity, source, action, outcome, count, detail);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: the audit log could not be written (%s, %s): %s\n", action.c_str(),
                     outcome.c_str(), e.what());
    }
}

namespace {

// What an action on a folder checks before touching it: a team key to work with, and the folder there.
std::optional<Kind> refusedAtOnce(const Identity& identity, const std::filesystem::path& folder,
                                  flow::StaffMessage& m) {
    if (!identity.keyProblem.empty()) {
        m.detail = identity.keyProblem;
        return Kind::StorageFailed;
    }
    if (!isFolder(folder))
        return Kind::FolderMissing;
    return std::nullopt;
}

} // namespace

flow::StaffMessage exportForStaff(const Identity& identity, const std::filesystem::path& folder,
                                  const std::string& name, Source source) {
    flow::StaffMessage m;
    m.where = whereName(folder, name);
    const auto finish = [&](Kind kind) {
        m.kind = kind;
        audit(identity, source, "export", auditOutcome(kind), m.count, m.where);
        return m;
    };
    // Looked at first, so that a stick that is not there or cannot be written is never half used.
    if (const auto refused = refusedAtOnce(identity, folder, m))
        return finish(*refused);
    if (isReadOnly(folder))
        return finish(Kind::FolderReadOnly);
    try {
        const auto result = exportUnconfirmed(identity, folder);
        m.count = static_cast<int>(result.count);
        m.damaged = static_cast<int>(result.damaged.size());
        return finish(result.count == 0 ? Kind::NothingToExport : Kind::Exported);
    } catch (const Error& e) {
        m.detail = e.what();
        return finish(folderProblem(folder, e));
    } catch (const std::exception& e) {
        m.detail = e.what(); // the folder could not even be listed, say
        return finish(Kind::FolderFailed);
    }
}

flow::StaffMessage importReceiptsFrom(const Identity& identity, const std::filesystem::path& folder,
                                      const std::string& name, Source source) {
    flow::StaffMessage m;
    m.where = whereName(folder, name);
    const auto finish = [&](Kind kind) {
        m.kind = kind;
        audit(identity, source, "import_receipt", auditOutcome(kind), m.count, m.where);
        return m;
    };
    if (const auto refused = refusedAtOnce(identity, folder, m))
        return finish(*refused);
    int applied = 0;
    bool anyNew = false;
    std::string refused;
    std::string unreadable;
    try {
        // Receipt files stay on the stick: it is the staff's, and the team may want it back.
        for (const auto& file : receiptFilesIn(folder)) {
            try {
                const auto r = importReceipt(identity, file);
                if (r.outcome == ReceiptImport::Outcome::Refused)
                    refused = r.why;
                if (r.outcome != ReceiptImport::Outcome::Applied)
                    continue; // another kiosk's: staff may be carrying several
                ++applied;
                anyNew = anyNew || !r.applied.alreadyImported;
                m.count += r.applied.marked + r.applied.quarantinedConfirmed;
                m.deleted += r.deleted;
                if (!r.applied.mismatch.empty())
                    m.detail = std::to_string(r.applied.mismatch.size()) + " submission(s) named in " +
                               file.filename().string() +
                               " differ from what this kiosk holds: they are kept and sent again "
                               "(\"kiosk admin import-receipt\" names them).";
            } catch (const Error& e) {
                if (folderProblem(folder, e) == Kind::StorageFailed)
                    throw;
                unreadable = e.what(); // one file the stick would not give: the others still count
            }
        }
    } catch (const Error& e) {
        m.detail = e.what();
        return finish(folderProblem(folder, e));
    } catch (const std::exception& e) {
        m.detail = e.what();
        return finish(Kind::FolderFailed);
    }
    if (m.detail.empty())
        m.detail = !refused.empty() ? refused : unreadable;
    if (applied > 0)
        return finish(anyNew ? Kind::ReceiptImported : Kind::ReceiptAlreadyImported);
    if (!refused.empty())
        return finish(Kind::ReceiptRefused);
    if (!unreadable.empty())
        return finish(Kind::FolderFailed);
    return finish(Kind::NoReceiptThere);
}

flow::StaffMessage changePin(const Identity& identity, std::string_view pin, Source source) {
    flow::StaffMessage m;
    if (!isGoodPin(pin)) {
        m.kind = Kind::PinTooShort;
    } else {
        try {
            setPin(identity.dataDir, pin);
            m.kind = Kind::PinChanged;
        } catch (const std::exception& e) {
            m.kind = Kind::StorageFailed;
            m.detail = e.what();
        }
    }
    audit(identity, source, "change_pin", auditOutcome(m.kind));
    return m;
}

flow::StaffMessage seeQuarantine(const Identity& identity, Source source) {
    flow::StaffMessage m;
    try {
        // Written straight into the store rather than through audit(), which only tells the
        // journal if it fails: here the line is what lets children in again, so staff must know.
        // Opened for writing only when something waits to be seen, so that "nothing was changed"
        // is true: no database made, none upgraded.
        if (storage::quarantinedDatabases(identity.databaseFile()).empty()) {
            m.kind = Kind::QuarantineSeen;
            return m;
        }
        storage::SubmissionStore store(identity.databaseFile());
        const auto notSeen = detail::quarantineNotSeen(identity, &store);
        for (const auto& name : notSeen)
            (void)store.recordAudit({0, storage::isoUtc(std::chrono::system_clock::now()), sourceName(source),
                                     "quarantine_seen", "done", 0, storage::fitAuditDetail(name)});
        m.kind = Kind::QuarantineSeen;
        m.count = static_cast<int>(notSeen.size());
        if (!notSeen.empty())
            m.where = notSeen.back();
    } catch (const std::exception& e) {
        m.kind = Kind::StorageFailed;
        m.detail = e.what();
        audit(identity, source, "quarantine_seen", "failed");
    }
    return m;
}

flow::StaffMessage syncMessage(const SyncRound& round) {
    flow::StaffMessage m;
    m.kind = round.problems.empty() ? Kind::Synced : Kind::SyncFailed;
    m.count = round.exported ? static_cast<int>(round.exported->count) : 0;
    m.damaged = round.exported ? static_cast<int>(round.exported->damaged.size()) : 0;
    m.deleted = round.receiptsImported;
    for (const auto& problem : round.problems)
        m.detail += (m.detail.empty() ? "" : " ") + problem;
    return m;
}

flow::Dashboard readDashboard(const Identity& identity, flow::CannotStore cannotStore,
                              const std::string& cannotStoreDetail,
                              std::chrono::system_clock::time_point now) {
    flow::Dashboard d;
    d.kioskName = identity.name;
    d.demo = identity.demo;
    d.closesAtMinutes = identity.closesAtMinutes;
    d.cannotStore = cannotStore;
    d.cannotStoreDetail = cannotStoreDetail;
    d.hasSync = identity.sync.has_value();
    if (identity.sync)
        d.syncFolder = identity.sync->folder.string();
    // A team key that could not be read was left zero: its fingerprint would name no key at all.
    if (identity.keyProblem.empty()) {
        d.teamSealing = storage::fingerprint(identity.key);
        d.teamSigning = storage::fingerprint(identity.teamSigning);
    }
    d.kioskSigning = storage::fingerprint(identity.kioskKey);
    try {
        const auto status = readStatus(identity, now);
        d.waiting = status.waiting;
        d.exported = status.exported;
        d.priority = status.priority;
        d.quarantinedUnconfirmed = status.quarantinedUnconfirmed;
        d.quarantinedDatabases = static_cast<int>(status.quarantined.size());
        d.damaged = static_cast<int>(status.damaged.size());
        d.oldestMade = localFromIso(status.oldestUnconfirmed);
        if (status.acknowledgeBy)
            d.acknowledgeBy = localDay(*status.acknowledgeBy);
        d.overdue = status.overdue;
        d.exportToday = status.exportDueToday;
        d.pastClosing = status.pastClosing;
        d.lastExport = localFromIso(status.lastExport);
        d.lastReceipt = localFromIso(status.lastReceipt);
        d.lastSync = localFromIso(status.sync.lastSuccess);
        d.syncProblem = status.sync.problem;
        d.freeBytes = status.freeBytes;
        d.nearlyFull = status.nearlyFull;
        if (std::filesystem::exists(identity.databaseFile()))
            for (const auto& line :
                 storage::SubmissionStore(identity.databaseFile(), storage::Access::ReadOnly).audit(20)) {
                const auto at = parseIsoUtc(line.at);
                d.audit.push_back({at ? toLocalTime(*at) : flow::LocalTime{}, line.source, line.action,
                                   line.outcome, line.count, line.detail});
            }
    } catch (const std::exception& e) {
        // The database cannot be read (damaged, or held by another program past the wait): that, not
        // counts of nothing, is what staff must see.
        d.unreadable = true;
        d.cannotStoreDetail = e.what();
    }
    return d;
}

std::vector<flow::Drive> removableDrives(const std::filesystem::path& mounts,
                                         const std::filesystem::path& sysBlock) {
    std::vector<flow::Drive> out;
    std::ifstream in(mounts);
    std::string line;
    // Line by line: a line cut short must not take the next line's fields.
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string device, mountPoint;
        if (!(fields >> device >> mountPoint))
            continue;
        const auto path = unescapeMount(mountPoint);
        if (!path.starts_with("/media/") && !path.starts_with("/run/media/"))
            continue;
        if (!isPlainPath(path))
            continue; // it would name a folder other than the drive's
        if (!device.starts_with("/dev/"))
            continue;
        if (!isRemovable(sysBlock, std::filesystem::path(device).filename().string()))
            continue;
        flow::Drive drive{std::filesystem::path(path).filename().string(), path};
        if (drive.name.empty() || std::find(out.begin(), out.end(), drive) != out.end())
            continue;
        out.push_back(std::move(drive));
    }
    return out;
}

} // namespace kiosk::core
