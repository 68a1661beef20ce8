#include <screens/screens.hpp>

#include <flow/step.hpp>
#include <ui/widgets.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// The height of one language's text: greeting, what the kiosk is for, and not for emergencies.
float halfTextHeight(const ui::Ctx& ctx, const i18n::Catalogue& lang, float width) {
    const float gap = ctx.em(0.8f);
    return ui::textHeight(ctx.fonts.title, lang.text("welcome.title"_key), width) + gap +
           ui::textHeight(ctx.fonts.body, lang.text("welcome.purpose"_key), width) + gap +
           ui::textHeight(ctx.fonts.body, lang.text("welcome.not_emergency"_key), width - ctx.em(1.2f)) + ctx.em(1.2f);
}

// What stands under each half: the button that chooses its language, or, on a kiosk that cannot
// store what a child says, a calm note asking them to find a member of staff.
float actionHeight(const ui::Ctx& ctx, const flow::State& state, float width) {
    if (flow::canSave(state))
        return ctx.em(2.8f);
    float h = 0;
    for (const auto* lang : {ctx.welsh, ctx.english})
        h = std::max(h, ui::textHeight(ctx.fonts.bold, lang->text("welcome.cannot_save"_key), width - ctx.em(1.2f)));
    return h + ctx.em(1.2f);
}

// One language's half of the welcome, with its action placed at actionY so that both line up.
MaybeEvent drawHalf(const flow::State& state, ui::Ctx& ctx, const i18n::Catalogue& lang, flow::Language language,
                    std::string_view buttonKey, ImVec2 at, float width, float actionY) {
    const ui::SayingIn saying(ctx, lang);
    const float gap = ctx.em(0.8f);
    ImGui::SetCursorPos(at);
    ui::text(ctx, ctx.fonts.title, lang.text("welcome.title"_key), ctx.theme.text, width);
    ImGui::SetCursorPos(ImVec2(at.x, ImGui::GetCursorPosY() + gap - ImGui::GetStyle().ItemSpacing.y));
    ui::text(ctx, ctx.fonts.body, lang.text("welcome.purpose"_key), ctx.theme.text, width);
    ImGui::SetCursorPos(ImVec2(at.x, ImGui::GetCursorPosY() + gap - ImGui::GetStyle().ItemSpacing.y));

    // "Not an emergency service" in a tinted panel, so that it is seen.
    const std::string_view warning = lang.text("welcome.not_emergency"_key);
    const float pad = ctx.em(0.6f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float h = ui::textHeight(ctx.fonts.body, warning, width - 2 * pad) + 2 * pad;
    ui::drawBox(ImGui::GetWindowDrawList(), ctx, min, ImVec2(min.x + width, min.y + h), ctx.theme.warningBack, 0,
                ui::kFieldBox);
    ImGui::SetCursorPos(ImVec2(at.x + pad, ImGui::GetCursorPosY() + pad));
    ui::text(ctx, ctx.fonts.body, warning, ctx.theme.warningText, width - 2 * pad);

    ImGui::SetCursorPos(ImVec2(at.x, actionY));
    if (!flow::canSave(state)) {
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float noteH = actionHeight(ctx, state, width);
        const ImVec2 bottom(top.x + width, top.y + noteH);
        ui::drawBox(ImGui::GetWindowDrawList(), ctx, top, bottom, ctx.theme.panel, ctx.theme.border, ui::kFieldBox);
        ImGui::SetCursorPos(ImVec2(at.x + pad, actionY + pad));
        ui::text(ctx, ctx.fonts.bold, lang.text("welcome.cannot_save"_key), ctx.theme.text, width - 2 * pad);
        return std::nullopt;
    }
    if (ui::button(ctx, buttonKey, lang.text("language.name"_key), ImVec2(width, ctx.em(2.8f)), ui::ButtonStyle::Primary,
                   ctx.fonts.title))
        return flow::ChooseLanguage{language};
    return std::nullopt;
}

bool inside(const CornerZone& zone, ImVec2 at) {
    return at.x >= zone.min.x && at.x < zone.max.x && at.y >= zone.min.y && at.y < zone.max.y;
}

// The hidden way into staff mode: a finger going down in a corner, and coming up in the same one.
// Nothing is drawn and nothing answers; the flow alone knows how far the gesture has gone.
MaybeEvent cornerGesture(ui::Ctx& ctx) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImGuiIO& io = ImGui::GetIO();
    MaybeEvent event;
    for (const CornerZone& zone : cornerZones(vp->Pos, vp->Size, ctx.regular.unit)) {
        ctx.taps.record(zone.key, {zone.min, zone.max, ctx.theme.text, ctx.theme.background, false});
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && inside(zone, io.MousePos))
            event = flow::CornerDown{zone.corner};
        else if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && inside(zone, io.MousePos) &&
                 inside(zone, io.MouseClickedPos[ImGuiMouseButton_Left]))
            event = flow::CornerUp{zone.corner};
    }
    return event;
}

} // namespace

std::array<CornerZone, 4> cornerZones(ImVec2 origin, ImVec2 size, float unit) {
    const float side = 2.5f * unit;
    const float left = origin.x;
    const float top = origin.y;
    const float right = origin.x + size.x;
    const float bottom = origin.y + size.y;
    return {{
        {flow::Corner::TopLeft, "staff.corner.top_left", {left, top}, {left + side, top + side}},
        {flow::Corner::TopRight, "staff.corner.top_right", {right - side, top}, {right, top + side}},
        {flow::Corner::BottomRight, "staff.corner.bottom_right", {right - side, bottom - side}, {right, bottom}},
        {flow::Corner::BottomLeft, "staff.corner.bottom_left", {left, bottom - side}, {left + side, bottom}},
    }};
}

MaybeEvent drawWelcome(const flow::State& state, ui::Ctx& ctx) {
    MaybeEvent event;
    if (ctx.demo) {
        const ui::Hushed hushed(ctx); // for whoever shows the kiosk, not for the child
        const std::string banner =
            ctx.both("demo.banner"_key, "  ·  ");
        ui::centredText(ctx, ctx.fonts.bold, banner, ctx.theme.demoBanner, ImGui::GetContentRegionAvail().x);
    }
    // "Read it to me" at the top in the middle, clear of the corners kept for staff.
    const float readH = ctx.em(2.2f);
    const float readW = std::min(readAloudWidth(ctx, ctx.fonts, true), ImGui::GetContentRegionAvail().x - ctx.em(6.0f));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - readW) / 2);
    if (auto read = drawReadAloud(state, ctx, readH, true))
        event = read;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ctx.em(0.4f));
    const ImVec2 origin = ImGui::GetCursorPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    avail.y -= ctx.em(3.0f); // the "I don't feel safe" button along the bottom
    const bool landscape = avail.x > avail.y;
    const float gap = ctx.em(2.0f);
    if (landscape) {
        // Welsh on the left, to be read first; English on the right. Both buttons on one line.
        const float width = std::min((avail.x - gap) / 2, ctx.em(19));
        const float buttonH = actionHeight(ctx, state, width);
        const float textH = std::max(halfTextHeight(ctx, *ctx.welsh, width), halfTextHeight(ctx, *ctx.english, width));
        const float blockH = textH + gap + buttonH;
        const float top = origin.y + std::max(0.0f, (avail.y - blockH) / 2);
        const float left = origin.x + (avail.x - 2 * width - gap) / 2;
        const float buttonY = top + textH + gap;
        if (auto e = drawHalf(state, ctx, *ctx.welsh, flow::Language::Welsh, "welcome.cymraeg", ImVec2(left, top), width,
                              buttonY))
            event = e;
        if (auto e = drawHalf(state, ctx, *ctx.english, flow::Language::English, "welcome.english",
                              ImVec2(left + width + gap, top), width, buttonY))
            event = e;
    } else {
        // Welsh above, English below, each with its button under it.
        const float width = std::min(avail.x, ctx.em(24));
        const float buttonH = actionHeight(ctx, state, width);
        const float left = origin.x + (avail.x - width) / 2;
        const float cyH = halfTextHeight(ctx, *ctx.welsh, width) + ctx.em(0.8f) + buttonH;
        const float enH = halfTextHeight(ctx, *ctx.english, width) + ctx.em(0.8f) + buttonH;
        const float top = origin.y + std::max(0.0f, (avail.y - cyH - gap - enH) / 2);
        if (auto e = drawHalf(state, ctx, *ctx.welsh, flow::Language::Welsh, "welcome.cymraeg", ImVec2(left, top),
                              width, top + cyH - buttonH))
            event = e;
        const float enTop = top + cyH + gap;
        if (auto e = drawHalf(state, ctx, *ctx.english, flow::Language::English, "welcome.english",
                              ImVec2(left, enTop), width, enTop + enH - buttonH))
            event = e;
    }
    // "I don't feel safe" is there before any language is chosen, in both.
    if (auto e = drawWaysOut(state, ctx))
        event = e;
    // Only with no panel open: an answer to "I don't feel safe" is never the start of the gesture.
    // A tap on a button (on a small screen one may reach into a corner) is never taken from it.
    if (state.overlay == flow::Overlay::None && !event)
        if (auto corner = cornerGesture(ctx))
            event = corner;
    return event;
}

} // namespace kiosk::screens
