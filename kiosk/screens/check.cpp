#include "screens.hpp"

#include "../ui/widgets.hpp"

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// One answer in a panel: what was asked, what was said, and a button to change it.
MaybeEvent drawAnswer(ui::Ctx& ctx, const char* changeKey, i18n::Key label, std::string_view answer, flow::Screen screen,
                      float width) {
    const float pad = ctx.em(0.6f);
    const float buttonW = ctx.em(5.5f);
    const float textW = width - buttonW - 3 * pad;
    const float answerH = std::min(ui::textHeight(ctx.fonts.bold, answer, textW), ctx.em(4.8f));
    const float h =
        std::max(ctx.em(2.2f), pad * 2 + ctx.fonts.body->FontSize + ImGui::GetStyle().ItemSpacing.y + answerH);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 start = ImGui::GetCursorPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + width, min.y + h), ctx.theme.panel, ctx.em(0.3f));
    dl->AddRect(min, ImVec2(min.x + width, min.y + h), ctx.theme.border, ctx.em(0.3f));
    ImGui::SetCursorPos(ImVec2(start.x + pad, start.y + pad));
    ui::text(ctx.fonts.body, ctx.tr(label), ctx.theme.mutedText, textW);
    ImGui::SetCursorPosX(start.x + pad);
    // A long story shows its first lines; the whole of it is one tap away behind "Change".
    dl->PushClipRect(min, ImVec2(min.x + pad + textW, min.y + h - pad * 0.5f), true);
    ui::text(ctx.fonts.bold, answer, ctx.theme.text, textW);
    dl->PopClipRect();
    ImGui::SetCursorPos(ImVec2(start.x + width - buttonW - pad, start.y + (h - ctx.em(1.9f)) / 2));
    MaybeEvent event;
    if (ui::button(ctx, changeKey, ctx.tr("check.change"_key), ImVec2(buttonW, ctx.em(1.9f)), ui::ButtonStyle::Secondary))
        event = flow::GoTo{screen};
    ImGui::SetCursorPos(ImVec2(start.x, start.y + h + ctx.em(0.5f)));
    return event;
}

} // namespace

MaybeEvent drawCheck(const flow::State& state, ui::Ctx& ctx) {
    MaybeEvent event = drawTopBar(state, ctx);
    const float width = ui::columnWidth(ctx);
    const float left = ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) / 2;
    ImGui::SetCursorPosX(left);
    ui::text(ctx.fonts.title, ctx.tr("check.title"_key), ctx.theme.text, width);
    ImGui::SetCursorPosX(left);
    ui::text(ctx.fonts.body, ctx.tr("check.hint"_key), ctx.theme.mutedText, width);
    ImGui::Dummy(ctx.em(0, 0.2f));

    const flow::Answers& a = state.answers;
    ImGui::SetCursorPosX(left);
    if (auto e = drawAnswer(ctx, "check.change.kind", "check.kind"_key,
                            a.kind ? ctx.tr(kindTitleKey(*a.kind)) : std::string(), flow::Screen::Kind, width))
        event = e;
    const std::string& story = a.story.hasWords() ? a.story.text() : ctx.tr("check.story_skipped"_key);
    ImGui::SetCursorPosX(left);
    if (auto e = drawAnswer(ctx, "check.change.story", "check.story"_key, story, flow::Screen::Story, width))
        event = e;

    if (state.saveFailed) {
        // Nothing is lost: the answers are still here, and staff can help.
        ImGui::SetCursorPosX(left);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const float pad = ctx.em(0.5f);
        const std::string& message = ctx.tr("check.save_failed"_key);
        const float h = ui::textHeight(ctx.fonts.bold, message, width - 2 * pad) + 2 * pad;
        ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + width, min.y + h), ctx.theme.warningBack,
                                                  ctx.em(0.3f));
        ImGui::SetCursorPos(ImVec2(left + pad, ImGui::GetCursorPosY() + pad));
        ui::text(ctx.fonts.bold, message, ctx.theme.warningText, width - 2 * pad);
        ImGui::Dummy(ImVec2(0, pad));
    }
    if (auto e = drawBottomBar(ctx, flow::Send{}, "check.send"_key))
        event = e;
    return event;
}

} // namespace kiosk::screens
