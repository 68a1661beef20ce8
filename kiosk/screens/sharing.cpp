#include <screens/screens.hpp>

#include <flow/journey.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawSharing(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "sharing.title"_key);
    // With no contact allowed there is nobody to talk to first: neither promised nor offered.
    const bool canTalk = flow::contactAllowed(state.answers);
    ui::text(ctx, ctx.fonts.body, ctx.tr(canTalk ? "sharing.explain"_key : "sharing.explain_no_contact"_key),
             ctx.theme.text, page.width());
    ImGui::Dummy(ctx.em(0, 0.2f));
    ui::text(ctx, ctx.fonts.bold, ctx.tr("sharing.question"_key), ctx.theme.text, page.width());
    for (const auto& row : vocabulary::all<flow::Sharing>()) {
        if (!flow::sharingOffered(row.value, state.answers))
            continue;
        if (ui::option(ctx, row.key.name, ctx.tr(row.key), page.width(), state.answers.sharing == row.value,
                       ui::Mark::Radio))
            page.take(flow::ChooseSharing{row.value});
    }
    return page.finish();
}

} // namespace kiosk::screens
