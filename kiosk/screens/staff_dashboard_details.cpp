#include <screens/staff_parts.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace kiosk::screens::staff {

using namespace i18n::literals;

namespace {

// A label and its value on one row, the value wrapping in its own column.
void row(ui::Ctx& ctx, std::string_view label, std::string_view value, float w, float labelW) {
    const float x = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    ui::text(ctx, ctx.fonts.body, label, ctx.theme.mutedText, labelW - ctx.em(0.5f));
    const float labelBottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(x + labelW, y));
    ui::text(ctx, ctx.fonts.bold, value, ctx.theme.text, w - labelW);
    ImGui::SetCursorPos(ImVec2(x, std::max(labelBottom, ImGui::GetCursorPosY())));
}

std::string momentOr(const ui::Ctx& ctx, const std::optional<flow::LocalTime>& at, i18n::Key otherwise) {
    return at ? formatMoment(*ctx.current, *at) : std::string(ctx.tr(otherwise));
}

// The words for an audit line's action and outcome (FORMAT.md, "Audit log"); one this kiosk does
// not know (from a newer version) shows as it is stored.
struct Word {
    std::string_view stored;
    i18n::Key key;
};

constexpr Word kActions[] = {
    {"pin_right", "staff.audit.pin_right"_key},
    {"pin_wrong", "staff.audit.pin_wrong"_key},
    {"pin_waiting", "staff.audit.pin_waiting"_key},
    {"set_pin", "staff.audit.set_pin"_key},
    {"change_pin", "staff.audit.change_pin"_key},
    {"left", "staff.audit.left"_key},
    {"left_idle", "staff.audit.left_idle"_key},
    {"export", "staff.audit.export"_key},
    {"import_receipt", "staff.audit.import_receipt"_key},
    {"sync_now", "staff.audit.sync_now"_key},
    {"quarantine_seen", "staff.audit.quarantine_seen"_key},
    {"provision", "staff.audit.provision"_key},
    {"verify", "staff.audit.verify"_key},
};

constexpr Word kOutcomes[] = {
    {"done", "staff.audit.done"_key},
    {"nothing", "staff.audit.nothing"_key},
    {"refused", "staff.audit.refused"_key},
    {"failed", "staff.audit.failed"_key},
};

template <std::size_t N>
std::string_view wordFor(const ui::Ctx& ctx, const Word (&words)[N], const std::string& stored) {
    for (const Word& word : words)
        if (word.stored == stored)
            return ctx.tr(word.key);
    return stored;
}

std::string shortMoment(const flow::LocalTime& at) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d/%02d ", at.day, at.month);
    return text + formatClock(at.minutes);
}

} // namespace

void drawDetails(ui::Ctx& ctx, const flow::Dashboard& d, float w) {
    const float labelW = std::min(ctx.em(15), w * 0.42f);
    const auto line = [&](i18n::Key label, std::string_view value) { row(ctx, ctx.tr(label), value, w, labelW); };
    line("staff.detail.name"_key, d.kioskName.empty() ? ctx.tr("staff.detail.none"_key) : d.kioskName);
    line("staff.detail.oldest"_key, momentOr(ctx, d.oldestMade, "staff.detail.none"_key));
    if (d.acknowledgeBy)
        line("staff.detail.acknowledge_by"_key, formatDate(*ctx.current, *d.acknowledgeBy));
    line("staff.detail.last_export"_key, momentOr(ctx, d.lastExport, "staff.detail.never"_key));
    line("staff.detail.last_receipt"_key, momentOr(ctx, d.lastReceipt, "staff.detail.never"_key));
    if (d.hasSync) {
        line("staff.detail.sync_folder"_key, d.syncFolder);
        line("staff.detail.last_sync"_key, momentOr(ctx, d.lastSync, "staff.detail.never"_key));
    }
    line("staff.detail.free"_key, formatBytes(*ctx.current, d.freeBytes));
    line("staff.detail.demo"_key, ctx.tr(d.demo ? "staff.on"_key : "staff.off"_key));
    const auto fingerprint = [&](i18n::Key label, const std::string& value) {
        line(label, value.empty() ? ctx.tr("staff.detail.unreadable"_key) : value);
    };
    fingerprint("staff.detail.team_sealing"_key, d.teamSealing);
    fingerprint("staff.detail.team_signing"_key, d.teamSigning);
    fingerprint("staff.detail.kiosk_signing"_key, d.kioskSigning);
}

void drawAudit(ui::Ctx& ctx, const std::vector<flow::AuditLine>& lines, float w) {
    ui::text(ctx, ctx.fonts.title, ctx.tr("staff.audit.title"_key), ctx.theme.text, w);
    if (lines.empty()) {
        ui::text(ctx, ctx.fonts.body, ctx.tr("staff.audit.empty"_key), ctx.theme.mutedText, w);
        return;
    }
    const float whenW = ctx.em(6.0f);
    const float countW = ctx.em(4.0f);
    const float outcomeW = std::min(ctx.em(8.0f), w * 0.24f);
    const float whatW = w - whenW - countW - outcomeW;
    const float x = ImGui::GetCursorPosX();
    // One row: when, what (with where and how under it), how many, and how it went.
    const auto tableRow = [&](std::string_view when, std::string_view what, std::string_view under,
                              std::string_view count, std::string_view outcome, ImU32 outcomeColour, ImFont* font) {
        const float y = ImGui::GetCursorPosY();
        float bottom = y;
        const auto cell = [&](float left, float width, ImFont* f, std::string_view s, ImU32 colour) {
            ImGui::SetCursorPos(ImVec2(x + left, y));
            ui::text(ctx, f, s, colour, width - ctx.em(0.4f));
            bottom = std::max(bottom, ImGui::GetCursorPosY());
        };
        cell(0, whenW, font, when, ctx.theme.text);
        cell(whenW, whatW, font, what, ctx.theme.text);
        if (!under.empty()) {
            ImGui::SetCursorPosX(x + whenW);
            ui::text(ctx, ctx.fonts.body, under, ctx.theme.mutedText, whatW - ctx.em(0.4f));
            bottom = std::max(bottom, ImGui::GetCursorPosY());
        }
        cell(whenW + whatW, countW, font, count, ctx.theme.text);
        cell(whenW + whatW + countW, outcomeW, font, outcome, outcomeColour);
        ImGui::SetCursorPos(ImVec2(x, bottom));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y - ctx.em(0.25f)), ImVec2(at.x + w, at.y - ctx.em(0.25f)),
                                            ctx.theme.keyboardBack, std::max(1.0f, ctx.em(0.05f)));
    };
    tableRow(ctx.tr("staff.audit.when"_key), ctx.tr("staff.audit.what"_key), "", ctx.tr("staff.audit.count"_key),
             ctx.tr("staff.audit.outcome"_key), ctx.theme.mutedText, ctx.fonts.bold);
    for (const flow::AuditLine& l : lines) {
        std::string under = l.detail;
        if (l.source == "command")
            under += (under.empty() ? "" : " · ") + std::string(ctx.tr("staff.audit.from_command"_key));
        const bool bad = l.outcome == "refused" || l.outcome == "failed";
        tableRow(shortMoment(l.at), wordFor(ctx, kActions, l.action), under, l.count > 0 ? std::to_string(l.count) : "",
                 wordFor(ctx, kOutcomes, l.outcome), bad ? ctx.theme.dangerText : ctx.theme.text, ctx.fonts.body);
    }
}

} // namespace kiosk::screens::staff
