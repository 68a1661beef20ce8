#include <screens/staff_parts.hpp>

#include <algorithm>

namespace kiosk::screens::staff {

using namespace i18n::literals;

namespace {

constexpr float kBarEm = 2.8f; // two lines of a button's words, for the longer Welsh ones
constexpr float kTopEm = 2.2f;

// Along the top, on a grey band that tells staff mode from the child's journey: the page's title,
// the switch to the other language (labelled in it) and "Leave".
MaybeEvent drawTopBar(const flow::State& state, ui::Ctx& ctx, i18n::Key title) {
    MaybeEvent event;
    const float left = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    const float full = ImGui::GetContentRegionAvail().x;
    const float h = ctx.em(kTopEm);
    const float gap = ctx.em(0.5f);
    const float langW = ctx.em(5.5f);
    const float leaveW = ctx.em(5.5f);
    const float titleW = full - langW - leaveW - 3 * gap;
    const std::string_view titleText = ctx.tr(title);
    const float titleH = ui::textHeight(ctx.fonts.title, titleText, titleW);
    const float barH = std::max(h, titleH);

    const ImVec2 window = ImGui::GetWindowPos();
    const float bandPad = ctx.em(0.3f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRectFullScreen(); // edge to edge, over the window's padding
    dl->AddRectFilled(window, ImVec2(window.x + ImGui::GetWindowWidth(), window.y + y + barH + bandPad),
                      ctx.theme.keyboardBack);
    dl->PopClipRect();
    ImGui::SetCursorPos(ImVec2(left, y + (barH - titleH) / 2));
    ui::text(ctx, ctx.fonts.title, titleText, ctx.theme.text, titleW);

    const bool welsh = state.staff.language == flow::Language::Welsh;
    const std::string_view other = welsh ? ctx.en("language.name"_key) : ctx.cy("language.name"_key);
    ImGui::SetCursorPos(ImVec2(left + full - leaveW - gap - langW, y + (barH - h) / 2));
    if (ui::button(ctx, "staff.language", other, ImVec2(langW, h), ui::ButtonStyle::Secondary))
        event = flow::StaffLanguage{welsh ? flow::Language::English : flow::Language::Welsh};
    // Not while an action is under way: its answer would come to a closed staff mode.
    const bool busy = state.staff.busy;
    ImGui::SetCursorPos(ImVec2(left + full - leaveW, y + (barH - h) / 2));
    if (ui::button(ctx, "staff.leave", ctx.tr("staff.leave"_key), ImVec2(leaveW, h),
                   busy ? ui::ButtonStyle::Disabled : ui::ButtonStyle::Primary) &&
        !busy)
        event = flow::StaffLeave{};
    ImGui::SetCursorPos(ImVec2(left, y + barH + bandPad + ctx.em(0.5f)));
    return event;
}

struct Colours {
    ImU32 back;
    ImU32 text;
    ImU32 edge;
};

Colours coloursOf(const ui::Theme& t, Tone tone) {
    switch (tone) {
    case Tone::Red: return {t.dangerBack, t.dangerText, t.dangerEdge};
    case Tone::Amber: return {t.warningBack, t.warningText, t.warningEdge};
    case Tone::Green: return {t.goodBack, t.goodText, t.primary};
    case Tone::Plain: return {t.panel, t.text, t.border};
    }
    return {t.panel, t.text, t.border};
}

} // namespace

Frame::Frame(const flow::State& state, ui::Ctx& ctx, i18n::Key title, bool keyboard)
    : m_state(state), m_ctx(ctx), m_keyboard(keyboard) {
    take(drawTopBar(state, ctx, title));
    const float full = ImGui::GetContentRegionAvail().x;
    const float gap = ctx.em(0.6f);
    m_barHeight = ctx.em(kBarEm);
    const float room = ImGui::GetWindowContentRegionMax().y - ImGui::GetCursorPosY() - m_barHeight - gap;
    m_keyboardHeight = keyboard ? std::min(room * 0.5f, ctx.em(10.5f)) : 0;
    const float body = room - (keyboard ? m_keyboardHeight + gap : 0);
    ui::beginScroll(ctx, "body", ImVec2(full, std::max(body, ctx.em(2))));
    if (ctx.scrolledPage != title.name) {
        ImGui::SetScrollY(0);
        ctx.scrolledPage = title.name;
    }
    // Measured inside the scrolling region, so that its scroll bar never covers the content.
    const float inside = ImGui::GetContentRegionAvail().x;
    m_width = std::min(inside, ctx.em(48));
    m_indent = std::max(0.0f, (inside - m_width) / 2);
    if (m_indent > 0)
        ImGui::Indent(m_indent);
}

void Frame::take(MaybeEvent event) {
    if (event)
        m_event = std::move(event);
}

MaybeEvent Frame::finish(const std::vector<BarButton>& bar) {
    if (m_indent > 0)
        ImGui::Unindent(m_indent);
    ImGui::Dummy(m_ctx.em(0, 0.5f)); // room below the last item, so that it can scroll clear of the edge
    ui::endScroll(m_ctx);
    if (m_keyboard) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + m_ctx.em(0.3f));
        take(drawKeyboard(m_state, m_ctx, ImVec2(ImGui::GetContentRegionAvail().x, m_keyboardHeight)));
        take(physicalKeys());
    }
    // The page's buttons share the width from the left, none wider than it needs to be.
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const ImVec2 max = ImGui::GetWindowContentRegionMax();
    const float gap = m_ctx.em(0.5f);
    const float count = static_cast<float>(bar.size());
    const float w = std::min(m_ctx.em(13), (max.x - min.x - gap * (count - 1)) / count);
    float x = min.x;
    for (const BarButton& b : bar) {
        ImGui::SetCursorPos(ImVec2(x, max.y - m_barHeight));
        const ui::ButtonStyle style = b.event ? b.style : ui::ButtonStyle::Disabled;
        if (ui::button(m_ctx, b.key, b.label, ImVec2(w, m_barHeight), style) && b.event)
            take(b.event);
        x += w + gap;
    }
    return std::move(m_event);
}

void drawNotice(ui::Ctx& ctx, Tone tone, std::string_view title, std::string_view body, float width,
                std::string_view forIt) {
    const Colours c = coloursOf(ctx.theme, tone);
    const float edge = ctx.em(0.3f);
    ImGui::Indent(edge);
    const ui::Panel panel = ui::beginPanel(ctx, width - edge);
    const float inner = ui::innerWidth(panel);
    if (!title.empty())
        ui::text(ctx, ctx.fonts.bold, title, c.text, inner);
    if (!body.empty())
        ui::text(ctx, ctx.fonts.body, body, c.text, inner);
    if (!forIt.empty()) {
        ui::text(ctx, ctx.fonts.bold, ctx.tr("staff.for_it"_key), ctx.theme.mutedText, inner);
        ui::text(ctx, ctx.fonts.body, forIt, ctx.theme.mutedText, inner);
    }
    ui::endPanel(ctx, panel, c.back);
    ImGui::Unindent(edge);
    // The coloured edge on the left, so that red and amber are told apart by more than a tint.
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x - edge, min.y), ImVec2(min.x + edge * 0.2f, max.y), c.edge,
                                              ctx.em(0.2f), ImDrawFlags_RoundCornersLeft);
}

void drawMessage(ui::Ctx& ctx, const flow::StaffMessage& message, float width) {
    // An export that left damaged submissions behind did its work, but not all of it.
    const bool whole = wentWell(message.kind) && message.damaged == 0;
    const Tone tone = whole ? Tone::Green : Tone::Amber;
    drawNotice(ctx, tone, "", messageText(*ctx.current, message), width, message.detail);
}

} // namespace kiosk::screens::staff
