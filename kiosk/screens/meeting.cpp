#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawMeeting(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "meeting.title"_key, "meeting.hint"_key);
    for (const auto way : {flow::Meeting::Video, flow::Meeting::Phone, flow::Meeting::InPerson, flow::Meeting::Email}) {
        const auto key = meetingKey(way);
        if (ui::option(ctx, key.name, ctx.tr(key), page.width(), state.answers.meeting == way, ui::Mark::Radio))
            page.take(flow::ChooseMeeting{way});
    }
    return page.finish();
}

} // namespace kiosk::screens
