#include "screens.hpp"

#include "../flow/step.hpp"
#include "../ui/widgets.hpp"

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

void drawDemoBanner(ui::Ctx& ctx) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float h = ctx.em(1.3f);
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + h), ctx.theme.demoBanner, ctx.em(0.2f));
    const std::string label = ctx.cy("demo.banner"_key) + "  ·  " + ctx.en("demo.banner"_key);
    ui::drawCentredText(ImGui::GetWindowDrawList(), ctx.fonts.bold, at, ImVec2(at.x + width, at.y + h),
                        ctx.theme.onDemoBanner, label);
    ImGui::Dummy(ImVec2(width, h));
}

} // namespace

MaybeEvent drawTopBar(const flow::State& state, ui::Ctx& ctx) {
    MaybeEvent event;
    if (ctx.demo)
        drawDemoBanner(ctx);
    const float h = ctx.em(2.0f);
    const float left = ImGui::GetCursorPosX();
    const float right = left + ImGui::GetContentRegionAvail().x;
    const float y = ImGui::GetCursorPosY();
    if (flow::canGoBack(state) && ui::button(ctx, "chrome.back"_key, ctx.em(5.5f, 2.0f), ui::ButtonStyle::Secondary))
        event = flow::Back{};
    const float startW = ctx.em(7.5f);
    const float langW = ctx.em(5.5f);
    ImGui::SetCursorPos(ImVec2(right - startW - langW - ctx.em(0.5f), y));
    const bool welsh = state.language == flow::Language::Welsh;
    // The switch is always labelled in the language it switches to.
    const std::string& other = welsh ? ctx.en("language.name"_key) : ctx.cy("language.name"_key);
    if (ui::button(ctx, "chrome.language", other, ImVec2(langW, h), ui::ButtonStyle::Secondary))
        event = flow::ChooseLanguage{welsh ? flow::Language::English : flow::Language::Welsh};
    ImGui::SetCursorPos(ImVec2(right - startW, y));
    if (ui::button(ctx, "chrome.start_again"_key, ImVec2(startW, h), ui::ButtonStyle::Secondary))
        event = flow::AskStartAgain{};
    ImGui::SetCursorPos(ImVec2(left, y + h + ctx.em(0.6f)));
    return event;
}

float bottomBarHeight(const ui::Ctx& ctx) { return ctx.em(2.6f); }

float roomAboveBottomBar(const ui::Ctx& ctx) {
    return ImGui::GetWindowContentRegionMax().y - bottomBarHeight(ctx) - ImGui::GetCursorPosY();
}

MaybeEvent drawBottomBar(ui::Ctx& ctx, MaybeEvent forward, i18n::Key label, ui::ButtonStyle style) {
    // Always at the foot of the screen, wherever the content above ended.
    const float h = ctx.em(2.2f);
    const float w = ctx.em(8.0f);
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - w, ImGui::GetWindowContentRegionMax().y - h));
    if (ui::button(ctx, label, ImVec2(w, h), style))
        return forward;
    return std::nullopt;
}

} // namespace kiosk::screens
