#include "screens.hpp"

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawPutRight(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "put_right.title"_key, "put_right.hint"_key);
    for (std::size_t i = 0; i < flow::kPutRightCount; ++i) {
        const auto way = static_cast<flow::PutRight>(i);
        const auto key = putRightKey(way);
        if (ui::option(ctx, key.name, ctx.tr(key), page.width(), state.answers.has(way), ui::Mark::Tick))
            page.take(flow::TogglePutRight{way});
    }
    return page.finish();
}

} // namespace kiosk::screens
