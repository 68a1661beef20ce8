#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawWho(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "who.title"_key, "who.hint"_key);
    const flow::Answers& a = state.answers;
    const float w = page.width();
    // What each answer needs goes straight under it.
    drawRadios(page, ctx, a.who, [](flow::Who who) { return flow::ChooseWho{who}; }, [&](flow::Who who) {
        if (who == flow::Who::MeWithHelp)
            page.take(drawTextField(state, ctx, flow::Field::HelperName, ctx.tr("who.helper_name"_key), w));
        if (who != flow::Who::OnBehalf)
            return;
        // The name box straight under the answer, so that both fit above the keyboard; the note says
        // why the agreement under it is needed: the complaints guide needs the young person's
        // agreement before an adult speaks for them.
        page.take(drawTextField(state, ctx, flow::Field::AdultName, ctx.tr("who.adult_name"_key), w));
        page.take(drawTextField(state, ctx, flow::Field::AdultRole, ctx.tr("who.adult_role"_key), w));
        ui::text(ctx, ctx.fonts.body, ctx.tr("who.on_behalf.note"_key), ctx.theme.text, w);
        if (ui::option(ctx, "who.agreed", ctx.tr("who.agreed"_key), w, a.youngPersonAgreed, ui::Mark::Tick))
            page.take(flow::ToggleAgreed{});
    });
    return page.finish();
}

} // namespace kiosk::screens
