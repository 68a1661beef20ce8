#include <screens/staff_parts.hpp>

#include <i18n/resources.hpp>

#include <cstdio>

namespace kiosk::screens::staff {

using namespace i18n::literals;

namespace {

using Kind = flow::StaffMessage::Kind;

std::string counted(const i18n::Catalogue& lang, i18n::Key key, int n, std::string_view where = {}) {
    return i18n::format(lang.plural(key, n), {{"count", std::to_string(n)}, {"where", where}});
}

std::string withWhere(const i18n::Catalogue& lang, i18n::Key key, std::string_view where) {
    return i18n::format(lang.text(key), {{"where", where}});
}

} // namespace

bool wentWell(flow::StaffMessage::Kind kind) {
    switch (kind) {
    case Kind::Exported:
    case Kind::NothingToExport:
    case Kind::ReceiptImported:
    case Kind::ReceiptAlreadyImported:
    case Kind::Synced:
    case Kind::PinChanged:
    case Kind::QuarantineSeen: return true;
    case Kind::NoReceiptThere:
    case Kind::ReceiptRefused:
    case Kind::SyncFailed:
    case Kind::SyncNotAnswering:
    case Kind::PinsDiffer:
    case Kind::PinTooShort:
    case Kind::FolderMissing:
    case Kind::FolderFull:
    case Kind::FolderReadOnly:
    case Kind::FolderFailed:
    case Kind::StorageFailed: return false;
    }
    return false;
}

std::string messageText(const i18n::Catalogue& lang, const flow::StaffMessage& m) {
    switch (m.kind) {
    case Kind::Exported: {
        std::string text = counted(lang, "staff.message.exported"_key, m.count, m.where);
        if (m.damaged > 0)
            text += " " + counted(lang, "staff.message.exported_damaged"_key, m.damaged);
        return text;
    }
    case Kind::NothingToExport: return std::string(lang.text("staff.message.nothing_to_export"_key));
    case Kind::ReceiptImported: {
        std::string text = counted(lang, "staff.message.receipt_imported"_key, m.count);
        if (m.deleted > 0)
            text += " " + counted(lang, "staff.message.receipt_deleted"_key, m.deleted);
        return text;
    }
    case Kind::ReceiptAlreadyImported: return std::string(lang.text("staff.message.receipt_already"_key));
    case Kind::NoReceiptThere: return withWhere(lang, "staff.message.no_receipt"_key, m.where);
    case Kind::ReceiptRefused: return withWhere(lang, "staff.message.receipt_refused"_key, m.where);
    case Kind::Synced: {
        std::string text = m.count > 0 ? counted(lang, "staff.message.synced"_key, m.count)
                                       : std::string(lang.text("staff.message.synced_nothing"_key));
        if (m.deleted > 0)
            text += " " + counted(lang, "staff.message.synced_receipts"_key, m.deleted);
        return text;
    }
    case Kind::SyncFailed: return std::string(lang.text("staff.message.sync_failed"_key));
    case Kind::SyncNotAnswering: return std::string(lang.text("staff.message.sync_not_answering"_key));
    case Kind::PinChanged: return std::string(lang.text("staff.message.pin_changed"_key));
    case Kind::PinsDiffer: return std::string(lang.text("staff.message.pins_differ"_key));
    case Kind::PinTooShort:
        return i18n::format(lang.text("staff.message.pin_too_short"_key),
                            {{"shortest", std::to_string(flow::kPinShortest)},
                             {"longest", std::to_string(flow::kPinLongest)}});
    case Kind::QuarantineSeen: return std::string(lang.text("staff.message.quarantine_seen"_key));
    case Kind::FolderMissing: return withWhere(lang, "staff.message.folder_missing"_key, m.where);
    case Kind::FolderFull: return withWhere(lang, "staff.message.folder_full"_key, m.where);
    case Kind::FolderReadOnly: return withWhere(lang, "staff.message.folder_read_only"_key, m.where);
    case Kind::FolderFailed: return withWhere(lang, "staff.message.folder_failed"_key, m.where);
    case Kind::StorageFailed: return std::string(lang.text("staff.message.storage_failed"_key));
    }
    return {};
}

std::string formatClock(int minutes) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    return text;
}

std::string formatDate(const i18n::Catalogue& lang, const flow::LocalTime& at) {
    return i18n::formatDay(lang, at.weekday, at.day, at.month);
}

std::string formatMoment(const i18n::Catalogue& lang, const flow::LocalTime& at) {
    return i18n::format(lang.text("staff.moment"_key), {{"date", formatDate(lang, at)}, {"time", formatClock(at.minutes)}});
}

std::string formatWait(const i18n::Catalogue& lang, int seconds) {
    const std::string m = std::to_string(seconds / 60);
    const std::string s = std::to_string(seconds % 60);
    if (seconds < 60)
        return i18n::format(lang.text("staff.wait.seconds"_key), {{"seconds", s}});
    if (seconds % 60 == 0)
        return i18n::format(lang.text("staff.wait.minutes"_key), {{"minutes", m}});
    return i18n::format(lang.text("staff.wait.minutes_seconds"_key), {{"minutes", m}, {"seconds", s}});
}

std::string formatBytes(const i18n::Catalogue& lang, std::uintmax_t bytes) {
    constexpr double kMega = 1000.0 * 1000.0;
    const double mb = static_cast<double>(bytes) / kMega;
    char number[32];
    if (mb < 1000) {
        std::snprintf(number, sizeof number, "%.0f", mb);
        return i18n::format(lang.text("staff.size.mb"_key), {{"size", number}});
    }
    std::snprintf(number, sizeof number, "%.1f", mb / 1000);
    return i18n::format(lang.text("staff.size.gb"_key), {{"size", number}});
}

} // namespace kiosk::screens::staff
