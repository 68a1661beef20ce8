#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawTopics(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "topics.title"_key, "topics.hint"_key);
    // What the guides promise every child who complains, first, where no one has to scroll to find it.
    ui::text(ctx, ctx.fonts.bold, ctx.tr("topics.safe"_key), ctx.theme.text, page.width());
    ui::text(ctx, ctx.fonts.body, ctx.tr("topics.when"_key), ctx.theme.mutedText, page.width());
    ImGui::Dummy(ctx.em(0, 0.1f));
    drawTicks<flow::Topic>(page, ctx, state.answers.topics, [](flow::Topic t) { return flow::ToggleTopic{t}; });
    return page.finish();
}

} // namespace kiosk::screens
