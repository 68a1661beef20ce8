#include <screens/staff_parts.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// One reason the kiosk cannot store: what is wrong, what it means, and what to do about it.
struct Reason {
    i18n::Key title;
    i18n::Key meaning;
    i18n::Key whatToDo;
};

Reason reasonFor(flow::CannotStore why) {
    switch (why) {
    case flow::CannotStore::NoKey:
        return {"staff.why.no_key.title"_key, "staff.why.no_key.body"_key, "staff.why.no_key.todo"_key};
    case flow::CannotStore::DiskFull:
        return {"staff.why.disk_full.title"_key, "staff.why.disk_full.body"_key, "staff.why.disk_full.todo"_key};
    case flow::CannotStore::Unwritable:
        return {"staff.why.unwritable.title"_key, "staff.why.unwritable.body"_key, "staff.why.unwritable.todo"_key};
    case flow::CannotStore::Quarantined:
        return {"staff.why.quarantined.title"_key, "staff.why.quarantined.body"_key,
                "staff.why.quarantined.todo"_key};
    case flow::CannotStore::Damaged:
        return {"staff.why.damaged.title"_key, "staff.why.damaged.body"_key, "staff.why.damaged.todo"_key};
    case flow::CannotStore::None:
        break;
    }
    return {"staff.why.none.title"_key, "staff.why.none.body"_key, "staff.why.none.body"_key};
}

} // namespace

MaybeEvent drawStaffWhyNot(const flow::State& state, ui::Ctx& ctx) {
    staff::Frame frame(state, ctx, "staff.why.title"_key);
    const float w = frame.width();
    const bool busy = state.staff.busy;
    if (state.staff.message) {
        staff::drawMessage(ctx, *state.staff.message, w);
        ImGui::Dummy(ctx.em(0, 0.3f));
    }
    if (state.cannotStore == flow::CannotStore::None) {
        staff::drawNotice(ctx, staff::Tone::Green, ctx.tr("staff.why.none.title"_key), ctx.tr("staff.why.none.body"_key),
                          w);
    } else {
        const Reason reason = reasonFor(state.cannotStore);
        std::string_view detail;
        if (state.staff.dashboard)
            detail = state.staff.dashboard->cannotStoreDetail;
        staff::drawNotice(ctx, staff::Tone::Red, ctx.tr(reason.title), ctx.tr(reason.meaning), w, detail);
        ImGui::Dummy(ctx.em(0, 0.3f));
        ui::text(ctx, ctx.fonts.bold, ctx.tr("staff.why.what_to_do"_key), ctx.theme.text, w);
        ui::text(ctx, ctx.fonts.body, ctx.tr(reason.whatToDo), ctx.theme.text, w);
    }
    if (state.cannotStore == flow::CannotStore::Quarantined) {
        // Only once they have read it (and, as it says, exported) do staff let children begin again.
        ImGui::Dummy(ctx.em(0, 0.3f));
        const float buttonW = std::min(w, ctx.em(24));
        if (ui::button(ctx, "staff.quarantine_seen", ctx.tr("staff.quarantine_seen"_key), ImVec2(buttonW, ctx.em(2.8f)),
                       busy ? ui::ButtonStyle::Disabled : ui::ButtonStyle::Primary) &&
            !busy)
            frame.take(flow::StaffQuarantineSeen{});
    }
    if (busy)
        ui::text(ctx, ctx.fonts.bold, ctx.tr("staff.working"_key), ctx.theme.mutedText, w);
    const MaybeEvent toDashboard = busy ? MaybeEvent{} : MaybeEvent{flow::StaffOpen{flow::StaffPage::Dashboard}};
    return frame.finish({{"staff.to_dashboard", std::string(ctx.tr("staff.to_dashboard"_key)), toDashboard,
                          ui::ButtonStyle::Secondary}});
}

} // namespace kiosk::screens
