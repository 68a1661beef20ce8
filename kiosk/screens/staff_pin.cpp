#include <screens/staff_parts.hpp>

#include <flow/step.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// What the pad says under the dots, in one language; empty when there is nothing to say.
std::string statusText(const flow::State& state, const i18n::Catalogue& lang) {
    const flow::Staff& mode = state.staff;
    if (mode.busy)
        return std::string(lang.text("staff.pin.checking"_key));
    if (!mode.pinStatus.set)
        return std::string(lang.text("staff.pin.none"_key));
    if (const int wait = flow::secondsBeforePinTry(state); wait > 0)
        return i18n::format(lang.text("staff.pin.waiting"_key), {{"time", staff::formatWait(lang, wait)}});
    if (mode.pinWrong) {
        const int tries = mode.pinStatus.triesBeforeWait;
        return i18n::format(lang.plural("staff.pin.wrong"_key, tries), {{"tries", std::to_string(tries)}});
    }
    return {};
}

// The words above the pad, Welsh first: the heading, the dots, and what the last try found.
void drawWords(const flow::State& state, ui::Ctx& ctx, float width) {
    for (const auto* lang : {ctx.welsh, ctx.english})
        ui::text(ctx, ctx.fonts.title, lang->text("staff.pin.title"_key), ctx.theme.text, width);
    ImGui::Dummy(ctx.em(0, 0.2f));
    staff::drawPinDots(ctx, state.staff.pin.size(), width);
    const bool problem = !state.staff.busy && (state.staff.pinWrong || flow::secondsBeforePinTry(state) > 0);
    for (const auto* lang : {ctx.welsh, ctx.english}) {
        const std::string status = statusText(state, *lang);
        if (!status.empty())
            ui::text(ctx, ctx.fonts.bold, status, problem ? ctx.theme.dangerText : ctx.theme.text, width);
    }
}

float wordsHeight(const flow::State& state, const ui::Ctx& ctx, float width) {
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = ctx.em(0.2f) + ctx.em(2.4f) + 2 * spacing;
    for (const auto* lang : {ctx.welsh, ctx.english}) {
        h += ui::textHeight(ctx.fonts.title, lang->text("staff.pin.title"_key), width) + spacing;
        const std::string status = statusText(state, *lang);
        if (!status.empty())
            h += ui::textHeight(ctx.fonts.bold, status, width) + spacing;
    }
    return h;
}

} // namespace

MaybeEvent drawStaffPin(const flow::State& state, ui::Ctx& ctx) {
    const bool busy = state.staff.busy;
    const bool enabled = !busy && state.staff.pinStatus.set && flow::secondsBeforePinTry(state) == 0;
    const ImVec2 origin = ImGui::GetCursorPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ctx.em(1.0f);
    const float cancelH = ctx.em(2.4f);
    MaybeEvent event;
    const auto cancel = [&](float width) {
        // Closes the pad and goes back to Welcome; not while a try is being checked.
        if (ui::button(ctx, "staff.cancel", ctx.both("staff.cancel"_key, "  ·  "), ImVec2(width, cancelH),
                       busy ? ui::ButtonStyle::Disabled : ui::ButtonStyle::Secondary) &&
            !busy)
            event = flow::StaffBack{};
    };
    const std::string ok = ctx.both("staff.pin.ok"_key, "  ·  ");
    if (avail.x > avail.y) {
        // Landscape: the words on the left, the pad on the right, both in the middle of the screen.
        const float column = std::min(ctx.em(19), (avail.x - gap) / 2);
        const ImVec2 pad = staff::pinPadSize(ctx, column, avail.y - ctx.em(2));
        const float wordsH = wordsHeight(state, ctx, column) + gap + cancelH;
        const float blockH = std::max(wordsH, pad.y);
        const float left = origin.x + (avail.x - column - gap - pad.x) / 2;
        const float top = origin.y + std::max(0.0f, (avail.y - blockH) / 2);
        ImGui::SetCursorPos(ImVec2(left, top + (blockH - wordsH) / 2));
        ImGui::BeginGroup();
        drawWords(state, ctx, column);
        ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
        cancel(column);
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(left + column + gap, top + (blockH - pad.y) / 2));
        if (auto e = staff::drawPinPad(ctx, pad, enabled, ok))
            event = e;
    } else {
        // Portrait: one column, the pad under the words and the way out under the pad.
        const float column = std::min(avail.x, ctx.em(19));
        const float wordsH = wordsHeight(state, ctx, column);
        const ImVec2 pad = staff::pinPadSize(ctx, column, avail.y - wordsH - cancelH - 3 * gap);
        const float blockH = wordsH + gap + pad.y + gap + cancelH;
        const float left = origin.x + (avail.x - column) / 2;
        ImGui::SetCursorPos(ImVec2(left, origin.y + std::max(0.0f, (avail.y - blockH) / 2)));
        ImGui::BeginGroup();
        drawWords(state, ctx, column);
        ImGui::SetCursorPos(ImVec2(left + (column - pad.x) / 2, ImGui::GetCursorPosY() + gap));
        if (auto e = staff::drawPinPad(ctx, pad, enabled, ok))
            event = e;
        ImGui::SetCursorPos(ImVec2(left, ImGui::GetCursorPosY() + gap));
        cancel(column);
        ImGui::EndGroup();
    }
    if (enabled)
        if (auto e = physicalKeys())
            event = e;
    return event;
}

} // namespace kiosk::screens
