#include "screens.hpp"

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawTopics(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "topics.title"_key, "topics.hint"_key);
    for (std::size_t i = 0; i < flow::kTopicCount; ++i) {
        const auto topic = static_cast<flow::Topic>(i);
        const auto key = topicKey(topic);
        if (ui::option(ctx, key.name, ctx.tr(key), page.width(), state.answers.has(topic), ui::Mark::Tick))
            page.take(flow::ToggleTopic{topic});
    }
    // What the guides promise every child who complains.
    ImGui::Dummy(ctx.em(0, 0.2f));
    ui::text(ctx.fonts.body, ctx.tr("topics.safe"_key), ctx.theme.text, page.width());
    ui::text(ctx.fonts.body, ctx.tr("topics.when"_key), ctx.theme.mutedText, page.width());
    return page.finish();
}

} // namespace kiosk::screens
