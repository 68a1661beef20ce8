#include "screens.hpp"

#include "../flow/step.hpp"
#include "../ui/widgets.hpp"

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

struct Question {
    std::string title;
    std::string body;
    std::string yesLabel;
    std::string noLabel;
    const char* yesKey;
    const char* noKey;
    flow::Event yes;
    flow::Event no;
};

// "Are you still there?" is asked in both languages, Welsh first: the child may have walked away
// and someone else may be reading.
Question stillThere(const flow::State& state, const ui::Ctx& ctx) {
    const std::string seconds = std::to_string(secondsLeftToAnswer(state));
    const int n = secondsLeftToAnswer(state);
    const auto body = [&](const i18n::Catalogue& c) {
        return i18n::format(c.plural("still_there.body"_key, n), {{"seconds", seconds}});
    };
    return {ctx.cy("still_there.title"_key) + "\n" + ctx.en("still_there.title"_key),
            body(*ctx.welsh) + "\n\n" + body(*ctx.english),
            ctx.cy("still_there.yes"_key) + "\n" + ctx.en("still_there.yes"_key),
            ctx.cy("still_there.start_again"_key) + "\n" + ctx.en("still_there.start_again"_key),
            "still_there.yes",
            "still_there.start_again",
            flow::Dismiss{},
            flow::ConfirmStartAgain{}};
}

Question confirmStartAgain(const ui::Ctx& ctx) {
    return {ctx.tr("start_again.title"_key),
            ctx.tr("start_again.body"_key),
            ctx.tr("start_again.yes"_key),
            ctx.tr("start_again.no"_key),
            "start_again.yes",
            "start_again.no",
            flow::ConfirmStartAgain{},
            flow::Dismiss{}};
}

} // namespace

MaybeEvent drawOverlay(const flow::State& state, ui::Ctx& ctx) {
    const Question q = state.overlay == flow::Overlay::StillThere ? stillThere(state, ctx) : confirmStartAgain(ctx);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.theme.scrim);
    ImGui::Begin("overlay", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PushFont(ctx.fonts.body);

    const float width = std::min(vp->Size.x - ctx.em(2), ctx.em(26));
    const float pad = ctx.em(1.0f);
    const float inner = width - 2 * pad;
    const float buttonH = ctx.em(3.0f);
    // Draw the words first on the upper channel, measure them, then put the panel under them.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const float left = vp->Pos.x + (vp->Size.x - width) / 2;
    const float guessH = ui::textHeight(ctx.fonts.title, q.title, inner) + ui::textHeight(ctx.fonts.body, q.body, inner);
    const float top = vp->Pos.y + std::max(ctx.em(1), (vp->Size.y - guessH - buttonH - 4 * pad) / 2);
    ImGui::SetCursorScreenPos(ImVec2(left + pad, top + pad));
    ImGui::BeginGroup();
    ui::text(ctx.fonts.title, q.title, ctx.theme.text, inner);
    ImGui::Dummy(ctx.em(0, 0.1f));
    ui::text(ctx.fonts.body, q.body, ctx.theme.text, inner);
    ImGui::EndGroup();

    MaybeEvent event;
    const float buttonW = (inner - ctx.em(0.6f)) / 2;
    const float buttonY = ImGui::GetItemRectMax().y + pad;
    ImGui::SetCursorScreenPos(ImVec2(left + pad, buttonY));
    if (ui::button(ctx, q.yesKey, q.yesLabel, ImVec2(buttonW, buttonH)))
        event = q.yes;
    ImGui::SameLine(0, ctx.em(0.6f));
    if (ui::button(ctx, q.noKey, q.noLabel, ImVec2(buttonW, buttonH), ui::ButtonStyle::Secondary))
        event = q.no;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(ImVec2(left, top), ImVec2(left + width, buttonY + buttonH + pad), ctx.theme.panel, ctx.em(0.5f));
    dl->ChannelsMerge();
    ImGui::PopFont();
    ImGui::End();
    return event;
}

} // namespace kiosk::screens
