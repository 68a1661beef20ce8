#include <screens/screens.hpp>

#include <flow/journey.hpp>

#include <algorithm>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// One part of the answers in a panel: what was asked, what was said, and a button to change it.
// What the child typed is drawn from where it is kept, never copied.
MaybeEvent drawPart(const flow::State& state, ui::Ctx& ctx, const flow::ScreenSpec& spec, const flow::Kept& kept,
                    float width) {
    const float buttonW = ctx.em(5.0f);
    const ui::Panel panel = ui::beginPanel(ctx, width);
    const float textW = ui::innerWidth(panel) - buttonW - ctx.em(0.6f);
    const ImVec2 top = ImGui::GetCursorPos();
    ui::text(ctx, ctx.fonts.body, ctx.tr(spec.checkLabel), ctx.theme.mutedText, textW);
    for (const flow::Shown& line : flow::shownOnCheck(spec.screen, kept)) {
        // What the child typed is never read aloud unless they ask for it: it may be heard by others.
        const bool typed = std::holds_alternative<flow::Field>(line);
        const std::string_view words = std::visit(
            [&](const auto& shown) -> std::string_view {
                if constexpr (std::is_same_v<std::decay_t<decltype(shown)>, i18n::Key>)
                    return ctx.tr(shown);
                else
                    return state.answers.field(shown).text();
            },
            line);
        std::optional<ui::Hushed> hushed;
        if (typed)
            hushed.emplace(ctx);
        ui::text(ctx, ctx.fonts.bold, words, ctx.theme.text, textW);
    }
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(top.x + ui::innerWidth(panel) - buttonW, top.y));
    MaybeEvent event;
    const std::string changeId = "check.change." + std::string(spec.name);
    const ui::Hushed hushed(ctx); // "Change" after every part would drown the answers
    if (ui::button(ctx, changeId, ctx.tr("check.change"_key), ImVec2(buttonW, ctx.em(2.0f)), ui::ButtonStyle::Secondary))
        event = flow::GoTo{spec.screen};
    ImGui::SetCursorPos(ImVec2(top.x, std::max(bottom, ImGui::GetCursorPosY())));
    ImGui::Dummy(ImVec2(0, 0));
    ui::endPanel(ctx, panel, ctx.theme.panel, ctx.theme.border);
    return event;
}

} // namespace

MaybeEvent drawCheck(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "check.title"_key, "check.hint"_key);
    const float w = page.width();
    if (state.saveFailed) {
        // Nothing is lost: the answers are still here, and staff can help.
        const ui::Panel panel = ui::beginPanel(ctx, w);
        ui::text(ctx, ctx.fonts.bold, ctx.tr("check.save_failed"_key), ctx.theme.warningText, ui::innerWidth(panel));
        ui::endPanel(ctx, panel, ctx.theme.warningBack);
        ImGui::Dummy(ctx.em(0, 0.2f));
    }
    // Exactly what will be sent: the parts of the path taken, as the journey keeps them.
    const flow::Kept kept = flow::kept(state.answers);
    for (const flow::Screen screen : flow::journey(state.answers)) {
        const flow::ScreenSpec& spec = flow::specOf(screen);
        if (spec.checkLabel.name.empty())
            continue;
        page.take(drawPart(state, ctx, spec, kept, w));
        ImGui::Dummy(ctx.em(0, 0.1f));
    }
    // Under the last answer: it can be tapped only once the end of the answers is on screen, and it
    // is nowhere near the buttons a quick second tap would have been meant for.
    ImGui::Dummy(ctx.em(0, 0.2f));
    if (ui::button(ctx, "check.send"_key, ImVec2(w, ctx.em(2.6f)), ui::ButtonStyle::Primary))
        page.take(flow::Send{});
    return page.finish();
}

} // namespace kiosk::screens
