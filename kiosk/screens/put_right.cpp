#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawPutRight(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "put_right.title"_key, "put_right.hint"_key);
    drawTicks<flow::PutRight>(page, ctx, state.answers.putRight,
                              [](flow::PutRight p) { return flow::TogglePutRight{p}; });
    // A child who wants a different worker looks for it here, among what would put things right, and
    // finds no such choice: the complaints guide says plainly what a complaint can do about that.
    ImGui::Dummy(ctx.em(0, 0.2f));
    ui::text(ctx, ctx.fonts.body, ctx.tr("put_right.worker"_key), ctx.theme.mutedText, page.width());
    return page.finish();
}

} // namespace kiosk::screens
