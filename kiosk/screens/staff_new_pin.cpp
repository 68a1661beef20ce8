#include <screens/staff_parts.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// What the last try at a new PIN found, if it is about the PIN: the two differed, or it was short.
bool aboutThePin(const std::optional<flow::StaffMessage>& message) {
    return message && (message->kind == flow::StaffMessage::Kind::PinsDiffer ||
                       message->kind == flow::StaffMessage::Kind::PinTooShort);
}

void drawWords(const flow::State& state, ui::Ctx& ctx, float w) {
    const bool again = !state.staff.firstNewPin.empty();
    ui::text(ctx, ctx.fonts.title, ctx.tr(again ? "staff.new_pin.again"_key : "staff.new_pin.first"_key), ctx.theme.text, w);
    ui::text(ctx, ctx.fonts.body,
             i18n::format(ctx.tr("staff.new_pin.hint"_key), {{"shortest", std::to_string(flow::kPinShortest)},
                                                              {"longest", std::to_string(flow::kPinLongest)}}),
             ctx.theme.mutedText, w);
    if (aboutThePin(state.staff.message))
        staff::drawMessage(ctx, *state.staff.message, w);
    if (state.staff.busy)
        ui::text(ctx, ctx.fonts.bold, ctx.tr("staff.working"_key), ctx.theme.mutedText, w);
    staff::drawPinDots(ctx, state.staff.pin.size(), w);
}

} // namespace

MaybeEvent drawStaffNewPin(const flow::State& state, ui::Ctx& ctx) {
    staff::Frame frame(state, ctx, "staff.new_pin.title"_key);
    const float w = frame.width();
    const bool enabled = !state.staff.busy;
    const std::string_view ok = ctx.tr("staff.pin.ok"_key);
    const float gap = ctx.em(1.0f);
    if (w > ctx.em(30)) {
        // Wide: the words on the left, the pad on the right.
        const float column = (w - gap) / 2;
        const ImVec2 pad = staff::pinPadSize(ctx, std::min(column, ctx.em(17)), ImGui::GetContentRegionAvail().y);
        const ImVec2 start = ImGui::GetCursorPos();
        ImGui::BeginGroup();
        drawWords(state, ctx, column);
        ImGui::EndGroup();
        const float bottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x + column + gap, start.y));
        frame.take(staff::drawPinPad(ctx, pad, enabled, ok));
        ImGui::SetCursorPos(ImVec2(start.x, std::max(bottom, start.y + pad.y)));
    } else {
        drawWords(state, ctx, w);
        ImGui::Dummy(ctx.em(0, 0.3f));
        const ImVec2 pad = staff::pinPadSize(ctx, std::min(w, ctx.em(17)), ImGui::GetContentRegionAvail().y);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - pad.x) / 2);
        frame.take(staff::drawPinPad(ctx, pad, enabled, ok));
    }
    if (enabled)
        frame.take(physicalKeys());
    return frame.finish({{"staff.back", std::string(ctx.tr("staff.back"_key)),
                          enabled ? MaybeEvent{flow::StaffBack{}} : MaybeEvent{}, ui::ButtonStyle::Secondary}});
}

} // namespace kiosk::screens
