#include <screens/staff_parts.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

std::string counted(const ui::Ctx& ctx, i18n::Key key, int n) {
    return i18n::format(ctx.current->plural(key, n), {{"count", std::to_string(n)}});
}

std::string atTime(const ui::Ctx& ctx, i18n::Key key, int minutes) {
    return i18n::format(ctx.tr(key), {{"time", staff::formatClock(minutes)}});
}

// What needs staff, most urgent first: red must be dealt with now, amber today. Returns the way to
// the page that says why the kiosk is not taking submissions, if that was tapped.
MaybeEvent drawWarnings(const flow::State& state, const flow::Dashboard& d, ui::Ctx& ctx, float w) {
    using staff::Tone;
    MaybeEvent event;
    bool any = false;
    const auto notice = [&](Tone tone, std::string_view title, std::string_view body, std::string_view forIt = {}) {
        staff::drawNotice(ctx, tone, title, body, w, forIt);
        any = true;
    };
    if (state.cannotStore != flow::CannotStore::None) {
        notice(Tone::Red, ctx.tr("staff.warn.cannot_store.title"_key), ctx.tr("staff.warn.cannot_store.body"_key));
        if (ui::button(ctx, "staff.why", ctx.tr("staff.why"_key), ImVec2(std::min(w, ctx.em(16)), ctx.em(2.2f)),
                       ui::ButtonStyle::Secondary))
            event = flow::StaffOpen{flow::StaffPage::WhyNot};
    }
    if (d.unreadable)
        notice(Tone::Red, ctx.tr("staff.warn.unreadable.title"_key), ctx.tr("staff.warn.unreadable.body"_key),
               d.cannotStoreDetail);
    if (d.priority > 0)
        notice(Tone::Red, counted(ctx, "staff.warn.priority"_key, d.priority), ctx.tr("staff.warn.priority.body"_key));
    if (d.overdue)
        notice(Tone::Red, ctx.tr("staff.warn.overdue.title"_key), ctx.tr("staff.warn.overdue.body"_key));
    if (d.damaged > 0)
        notice(Tone::Red, counted(ctx, "staff.warn.damaged"_key, d.damaged), ctx.tr("staff.warn.damaged.body"_key));
    if (d.quarantinedDatabases > 0) {
        // Red while something in it still has to reach the team; after that, only for the record.
        const bool waiting = d.quarantinedUnconfirmed > 0;
        notice(waiting ? Tone::Red : Tone::Amber, counted(ctx, "staff.warn.quarantined"_key, d.quarantinedDatabases),
               waiting ? counted(ctx, "staff.warn.quarantined.waiting"_key, d.quarantinedUnconfirmed)
                       : std::string(ctx.tr("staff.warn.quarantined.confirmed"_key)));
    }
    if (d.exportToday) {
        const auto title = d.pastClosing ? "staff.warn.export_late"_key : "staff.warn.export_today"_key;
        notice(Tone::Amber, atTime(ctx, title, d.closesAtMinutes), ctx.tr("staff.warn.export_today.body"_key));
    }
    if (d.nearlyFull)
        notice(Tone::Amber, ctx.tr("staff.warn.nearly_full.title"_key), ctx.tr("staff.warn.nearly_full.body"_key));
    if (d.hasSync && !d.syncProblem.empty())
        notice(Tone::Amber, ctx.tr("staff.warn.sync.title"_key), ctx.tr("staff.warn.sync.body"_key), d.syncProblem);
    if (d.demo)
        notice(Tone::Amber, ctx.tr("demo.banner"_key), ctx.tr("staff.warn.demo.body"_key));
    if (!any)
        notice(Tone::Green, ctx.tr("staff.warn.none"_key), "");
    return event;
}

// The two numbers staff look at every day, side by side in large type.
void drawCounts(const flow::Dashboard& d, ui::Ctx& ctx, float w) {
    const float gap = ctx.em(0.6f);
    const float tileW = (w - gap) / 2;
    const struct {
        i18n::Key label;
        int count;
    } tiles[] = {{"staff.count.waiting"_key, d.waiting}, {"staff.count.exported"_key, d.exported}};
    const float labelH = std::max(ui::textHeight(ctx.fonts.body, ctx.tr(tiles[0].label), tileW - ctx.em(1.4f)),
                                  ui::textHeight(ctx.fonts.body, ctx.tr(tiles[1].label), tileW - ctx.em(1.4f)));
    const float h = ctx.fonts.title->FontSize + labelH + ctx.em(1.2f);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < 2; ++i) {
        const ImVec2 min(start.x + static_cast<float>(i) * (tileW + gap), start.y);
        const ImVec2 max(min.x + tileW, min.y + h);
        ui::drawBox(dl, ctx, min, max, ctx.theme.panel, ctx.theme.border, ui::kTileBox);
        const std::string number = std::to_string(tiles[i].count);
        const ImVec2 at(min.x + ctx.em(0.7f), min.y + ctx.em(0.5f));
        dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, at, ctx.theme.text, number.c_str());
        const std::string_view label = ctx.tr(tiles[i].label);
        dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(at.x, at.y + ctx.fonts.title->FontSize),
                    ctx.theme.mutedText, label.data(), label.data() + label.size(), tileW - ctx.em(1.4f));
    }
    ImGui::Dummy(ImVec2(w, h));
}

} // namespace

MaybeEvent drawStaffDashboard(const flow::State& state, ui::Ctx& ctx) {
    staff::Frame frame(state, ctx, "staff.dashboard.title"_key);
    const float w = frame.width();
    const bool busy = state.staff.busy;
    if (busy)
        staff::drawNotice(ctx, staff::Tone::Plain, ctx.tr("staff.working"_key), "", w);
    if (state.staff.message && !busy) {
        staff::drawMessage(ctx, *state.staff.message, w);
        ImGui::Dummy(ctx.em(0, 0.2f));
    }
    if (const auto& d = state.staff.dashboard) {
        frame.take(drawWarnings(state, *d, ctx, w));
        ImGui::Dummy(ctx.em(0, 0.2f));
        if (!d->unreadable) // counts of nothing would read as "nothing waits"
            drawCounts(*d, ctx, w);
        ImGui::Dummy(ctx.em(0, 0.4f));
        staff::drawDetails(ctx, *d, w);
        ImGui::Dummy(ctx.em(0, 0.4f));
        staff::drawAudit(ctx, d->audit, w);
    } else {
        ui::text(ctx, ctx.fonts.body, ctx.tr("staff.dashboard.reading"_key), ctx.theme.mutedText, w);
    }
    // Nothing new starts while an action is under way: each answers before the next.
    const auto unlessBusy = [&](flow::Event e) { return busy ? MaybeEvent{} : MaybeEvent{std::move(e)}; };
    std::vector<staff::BarButton> bar = {
        {"staff.export", std::string(ctx.tr("staff.export"_key)),
         unlessBusy(flow::StaffChooseFolder{flow::FolderTask::Export}), ui::ButtonStyle::Primary},
        {"staff.import", std::string(ctx.tr("staff.import"_key)),
         unlessBusy(flow::StaffChooseFolder{flow::FolderTask::ImportReceipt}), ui::ButtonStyle::Secondary},
    };
    if (state.staff.dashboard && state.staff.dashboard->hasSync)
        bar.push_back({"staff.sync", std::string(ctx.tr("staff.sync"_key)), unlessBusy(flow::StaffSyncNow{}),
                       ui::ButtonStyle::Secondary});
    bar.push_back({"staff.change_pin", std::string(ctx.tr("staff.change_pin"_key)),
                   unlessBusy(flow::StaffOpen{flow::StaffPage::NewPin}), ui::ButtonStyle::Secondary});
    return frame.finish(bar);
}

} // namespace kiosk::screens
