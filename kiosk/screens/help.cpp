#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

struct Organisation {
    i18n::Key name;
    i18n::Key what;
    i18n::Key can;
    i18n::Key cannot;
    i18n::Key contact;
};

void drawOrganisation(ui::Ctx& ctx, const Organisation& o, float width) {
    const ui::Panel panel = ui::beginPanel(ctx, width);
    const float w = ui::innerWidth(panel);
    ui::text(ctx, ctx.fonts.title, ctx.tr(o.name), ctx.theme.text, w);
    ui::text(ctx, ctx.fonts.body, ctx.tr(o.what), ctx.theme.text, w);
    ui::bullet(ctx, ctx.tr(o.can), w);
    ui::bullet(ctx, ctx.tr(o.cannot), w);
    ui::text(ctx, ctx.fonts.bold, ctx.tr(o.contact), ctx.theme.text, w);
    ui::endPanel(ctx, panel, ctx.theme.panel, ctx.theme.border);
}

} // namespace

MaybeEvent drawHelp(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "help.title"_key, "help.hint"_key);
    const float w = page.width();
    drawOrganisation(ctx,
                     {"help.commissioner.name"_key, "help.commissioner.what"_key, "help.commissioner.can"_key,
                      "help.commissioner.cannot"_key, "help.commissioner.contact"_key},
                     w);
    ImGui::Dummy(ctx.em(0, 0.2f));
    drawOrganisation(ctx,
                     {"help.meic.name"_key, "help.meic.what"_key, "help.meic.can"_key, "help.meic.cannot"_key,
                      "help.meic.contact"_key},
                     w);
    ImGui::Dummy(ctx.em(0, 0.3f));
    ui::text(ctx, ctx.fonts.body, ctx.tr("help.arrange"_key), ctx.theme.text, w);
    if (ui::option(ctx, "help.want_advocate", ctx.tr("help.want_advocate"_key), w, state.answers.wantsAdvocate,
                   ui::Mark::Tick))
        page.take(flow::ToggleAdvocate{});
    return page.finish();
}

} // namespace kiosk::screens
