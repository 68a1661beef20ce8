#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawSharing(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "sharing.title"_key);
    ui::text(ctx, ctx.fonts.body, ctx.tr("sharing.explain"_key), ctx.theme.text, page.width());
    ImGui::Dummy(ctx.em(0, 0.2f));
    ui::text(ctx, ctx.fonts.bold, ctx.tr("sharing.question"_key), ctx.theme.text, page.width());
    drawRadios(page, ctx, state.answers.sharing, [](flow::Sharing c) { return flow::ChooseSharing{c}; });
    return page.finish();
}

} // namespace kiosk::screens
