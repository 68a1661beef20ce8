#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawPutRight(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "put_right.title"_key, "put_right.hint"_key);
    drawTicks<flow::PutRight>(page, ctx, state.answers.putRight,
                              [](flow::PutRight p) { return flow::TogglePutRight{p}; });
    return page.finish();
}

} // namespace kiosk::screens
