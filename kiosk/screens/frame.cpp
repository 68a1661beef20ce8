#include "screens.hpp"

#include "../ui/widgets.hpp"

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

i18n::Key kindTitleKey(flow::Kind kind) {
    switch (kind) {
    case flow::Kind::Complaint:
        return "kind.complaint.title"_key;
    case flow::Kind::Compliment:
        return "kind.compliment.title"_key;
    case flow::Kind::Feedback:
        return "kind.feedback.title"_key;
    }
    return "kind.complaint.title"_key;
}

MaybeEvent drawFrame(const flow::State& state, ui::Ctx& ctx) {
    ctx.taps.beginFrame();
    ctx.current = state.language == flow::Language::Welsh ? ctx.welsh : ctx.english;
    ui::beginScreen(ctx);
    MaybeEvent event;
    switch (state.screen) {
    case flow::Screen::Welcome:
        event = drawWelcome(state, ctx);
        break;
    case flow::Screen::Kind:
        event = drawKind(state, ctx);
        break;
    case flow::Screen::Story:
        event = drawStory(state, ctx);
        break;
    case flow::Screen::Check:
        event = drawCheck(state, ctx);
        break;
    case flow::Screen::Sending:
        event = drawSending(state, ctx);
        break;
    case flow::Screen::ThankYou:
        event = drawThankYou(state, ctx);
        break;
    }
    ui::endScreen();
    if (state.overlay != flow::Overlay::None) {
        // Only the overlay's own buttons may be tapped while it shows.
        ctx.taps.beginFrame();
        event = drawOverlay(state, ctx);
    }
    return event;
}

} // namespace kiosk::screens
