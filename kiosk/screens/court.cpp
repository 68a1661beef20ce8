#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

// Chosen "I don't agree with what the court decided": said gently and plainly, with who can help,
// and the child can still tell us.
MaybeEvent drawCourt(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "court.title"_key);
    const float w = page.width();
    ui::text(ctx, ctx.fonts.body, ctx.tr("court.cannot_change"_key), ctx.theme.text, w);
    ImGui::Dummy(ctx.em(0, 0.2f));
    ui::text(ctx, ctx.fonts.bold, ctx.tr("court.who_can_help"_key), ctx.theme.text, w);
    for (const auto key : {"court.help.solicitor"_key, "court.help.court"_key, "court.help.meic"_key})
        ui::bullet(ctx, ctx.tr(key), w);
    ImGui::Dummy(ctx.em(0, 0.2f));
    ui::text(ctx, ctx.fonts.body, ctx.tr("court.still_tell"_key), ctx.theme.text, w);
    return page.finish();
}

} // namespace kiosk::screens
