#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawMeeting(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "meeting.title"_key, "meeting.hint"_key);
    drawRadios(page, ctx, state.answers.meeting, [](flow::Meeting m) { return flow::ChooseMeeting{m}; });
    return page.finish();
}

} // namespace kiosk::screens
