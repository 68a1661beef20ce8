#include <screens/screens.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawSending(const flow::State&, ui::Ctx& ctx) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail.y * 0.4f);
    ui::centredText(ctx, ctx.fonts.title, ctx.tr("sending.title"_key), ctx.theme.text, avail.x);
    return std::nullopt;
}

} // namespace kiosk::screens
