#include "screens.hpp"

#include "../ui/widgets.hpp"

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

void drawReference(ui::Ctx& ctx, const std::string& reference, float width) {
    ui::text(ctx.fonts.body, ctx.tr("thanks.reference"_key), ctx.theme.text, width);
    // Spaced out so that it is easy to copy down or read aloud.
    std::string spaced;
    for (const char c : reference) {
        if (!spaced.empty())
            spaced += ' ';
        spaced += c;
    }
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float h = ctx.fonts.code->FontSize + ctx.em(0.8f);
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + width, min.y + h), ctx.theme.panel, ctx.em(0.3f));
    ImGui::GetWindowDrawList()->AddRect(min, ImVec2(min.x + width, min.y + h), ctx.theme.primary, ctx.em(0.3f), 0,
                                        std::max(2.0f, ctx.em(0.08f)));
    ui::drawCentredText(ImGui::GetWindowDrawList(), ctx.fonts.code, min, ImVec2(min.x + width, min.y + h),
                        ctx.theme.text, spaced);
    ImGui::Dummy(ImVec2(width, h));
    ui::text(ctx.fonts.body, ctx.tr("thanks.reference_keep"_key), ctx.theme.mutedText, width);
}

void drawNextSteps(const flow::State& state, ui::Ctx& ctx, float width) {
    const bool complaint = state.answers.kind == flow::Kind::Complaint;
    ui::text(ctx.fonts.bold, ctx.tr("thanks.next_title"_key), ctx.theme.text, width);
    if (complaint) {
        for (const auto key : {"thanks.next.acknowledge"_key, "thanks.next.officer"_key, "thanks.next.answer"_key})
            ui::bullet(ctx, ctx.tr(key), width);
    } else {
        ui::text(ctx.fonts.body, ctx.tr("thanks.next.learn"_key), ctx.theme.text, width);
    }
    ImGui::Dummy(ctx.em(0, 0.3f));
    ui::text(ctx.fonts.body, ctx.tr("thanks.contact_team"_key), ctx.theme.mutedText, width);
    if (complaint)
        ui::text(ctx.fonts.body, ctx.tr("thanks.ombudsman"_key), ctx.theme.mutedText, width);
}

} // namespace

MaybeEvent drawThankYou(const flow::State& state, ui::Ctx& ctx) {
    MaybeEvent event = drawTopBar(state, ctx);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool landscape = avail.x > avail.y;
    const float gap = ctx.em(1.5f);
    const ImVec2 start = ImGui::GetCursorPos();
    if (landscape) {
        const float width = std::min((avail.x - gap) / 2, ctx.em(22));
        const float left = start.x + (avail.x - 2 * width - gap) / 2;
        ImGui::SetCursorPos(ImVec2(left, start.y));
        ImGui::BeginGroup();
        ui::text(ctx.fonts.title, ctx.tr("thanks.title"_key), ctx.theme.text, width);
        ImGui::Dummy(ctx.em(0, 0.3f));
        drawReference(ctx, state.reference, width);
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(left + width + gap, start.y));
        ImGui::BeginGroup();
        drawNextSteps(state, ctx, width);
        ImGui::EndGroup();
    } else {
        const float width = ui::columnWidth(ctx);
        const float left = start.x + (avail.x - width) / 2;
        ImGui::SetCursorPosX(left);
        ImGui::BeginGroup();
        ui::text(ctx.fonts.title, ctx.tr("thanks.title"_key), ctx.theme.text, width);
        ImGui::Dummy(ctx.em(0, 0.3f));
        drawReference(ctx, state.reference, width);
        ImGui::Dummy(ctx.em(0, 0.6f));
        drawNextSteps(state, ctx, width);
        ImGui::EndGroup();
    }
    ImGui::SetCursorPos(ImVec2(start.x, std::max(ImGui::GetCursorPosY(), start.y)));
    if (auto e = drawBottomBar(ctx, flow::Finish{}, "thanks.finish"_key))
        event = e;
    return event;
}

} // namespace kiosk::screens
