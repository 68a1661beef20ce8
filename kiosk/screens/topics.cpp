#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawTopics(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "topics.title"_key, "topics.hint"_key);
    drawTicks<flow::Topic>(page, ctx, state.answers.topics, [](flow::Topic t) { return flow::ToggleTopic{t}; });
    // What the guides promise every child who complains.
    ImGui::Dummy(ctx.em(0, 0.2f));
    ui::text(ctx, ctx.fonts.body, ctx.tr("topics.safe"_key), ctx.theme.text, page.width());
    ui::text(ctx, ctx.fonts.body, ctx.tr("topics.when"_key), ctx.theme.mutedText, page.width());
    return page.finish();
}

} // namespace kiosk::screens
