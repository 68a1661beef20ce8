#include <screens/screens.hpp>

#include <flow/step.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

void drawDemoBanner(ui::Ctx& ctx) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float h = ctx.em(1.3f);
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + h), ctx.theme.demoBanner, ctx.em(0.2f));
    const std::string label =
        ctx.both("demo.banner"_key, "  ·  ");
    ui::drawCentredText(ImGui::GetWindowDrawList(), ctx.fonts.bold, at, ImVec2(at.x + width, at.y + h),
                        ctx.theme.onDemoBanner, label);
    ImGui::Dummy(ImVec2(width, h));
}

// Along the top: back and "Read it to me" on the left; the other language, text size and start
// again on the right. Its words are not read: they are the same on every screen.
MaybeEvent drawTopBar(const flow::State& state, ui::Ctx& ctx) {
    const ui::Hushed hushed(ctx);
    MaybeEvent event;
    if (ctx.demo)
        drawDemoBanner(ctx);
    const float h = ctx.em(2.0f);
    const float left = ImGui::GetCursorPosX();
    const float right = left + ImGui::GetContentRegionAvail().x;
    const float y = ImGui::GetCursorPosY();
    const float gap = ctx.em(0.4f);
    if (flow::canGoBack(state) && ui::button(ctx, "chrome.back"_key, ctx.em(5.0f, 2.0f), ui::ButtonStyle::Secondary))
        event = flow::Back{};
    const float startW = ctx.em(7.0f);
    const float sizeW = ctx.em(6.5f);
    const float langW = ctx.em(5.0f);
    // Beside Back where there is room; on a narrow (portrait) screen, on a line of its own under it.
    const float readX = left + (flow::canGoBack(state) ? ctx.em(5.0f) + gap : 0);
    const bool besideBack = readX + readAloudWidth(ctx, false) + gap <= right - startW - sizeW - langW - 2 * gap;
    const float readY = besideBack ? y : y + h + gap;
    ImGui::SetCursorPos(ImVec2(besideBack ? readX : left, readY));
    if (auto read = drawReadAloud(state, ctx, h, false))
        event = read;
    ImGui::SetCursorPos(ImVec2(right - startW - sizeW - langW - 2 * gap, y));
    // The switch is always labelled in the language it switches to.
    const bool welsh = state.language == flow::Language::Welsh;
    const std::string_view other = welsh ? ctx.en("language.name"_key) : ctx.cy("language.name"_key);
    if (ui::button(ctx, "chrome.language", other, ImVec2(langW, h), ui::ButtonStyle::Secondary))
        event = flow::ChooseLanguage{welsh ? flow::Language::English : flow::Language::Welsh};
    ImGui::SetCursorPos(ImVec2(right - startW - sizeW - gap, y));
    const auto sizeKey = state.largeText ? "chrome.smaller_text"_key : "chrome.larger_text"_key;
    if (ui::button(ctx, "chrome.text_size", ctx.tr(sizeKey), ImVec2(sizeW, h), ui::ButtonStyle::Secondary))
        event = flow::ToggleLargeText{};
    ImGui::SetCursorPos(ImVec2(right - startW, y));
    if (ui::button(ctx, "chrome.start_again"_key, ImVec2(startW, h), ui::ButtonStyle::Secondary))
        event = flow::AskStartAgain{};
    ImGui::SetCursorPos(ImVec2(left, readY + h + ctx.em(0.5f)));
    return event;
}

struct Forward {
    MaybeEvent event; // nothing while the question waits for an answer
    i18n::Key label;
    ui::ButtonStyle style;
};

Forward forwardFor(const flow::State& s) {
    switch (s.screen) {
    case flow::Screen::Story:
        if (flow::canGoForward(s))
            return {flow::Next{}, "nav.next"_key, ui::ButtonStyle::Primary};
        return {flow::SkipStory{}, "nav.skip"_key, ui::ButtonStyle::Secondary};
    case flow::Screen::Check:
        return {flow::Send{}, "check.send"_key, ui::ButtonStyle::Primary};
    case flow::Screen::ThankYou:
        return {flow::Finish{}, "thanks.finish"_key, ui::ButtonStyle::Primary};
    default:
        if (flow::canGoForward(s))
            return {flow::Next{}, "nav.next"_key, ui::ButtonStyle::Primary};
        return {std::nullopt, "nav.next"_key, ui::ButtonStyle::Disabled};
    }
}

constexpr float kBottomBarEm = 2.2f;
constexpr float kGapAboveBottomBarEm = 0.6f;

// The bars and keyboard are drawn at the regular size even when the text is larger, so that they
// always fit; these measure them in the regular size whatever the frame uses.
float spaceForBottomBar(const ui::Ctx& ctx) { return ctx.regular.unit * (kBottomBarEm + kGapAboveBottomBarEm); }
float spaceForKeyboard(const ui::Ctx& ctx, float room) { return std::min(room * 0.55f, ctx.regular.unit * 10.5f); }

// Along the bottom: hide and "I don't feel safe" on the left, the way forward on the right. Not
// read, as the top bar.
MaybeEvent drawBottomBar(const flow::State& state, ui::Ctx& ctx) {
    const ui::Hushed hushed(ctx);
    MaybeEvent event;
    const float h = ctx.em(kBottomBarEm);
    const ImVec2 max = ImGui::GetWindowContentRegionMax();
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const float y = max.y - h;
    ImGui::SetCursorPos(ImVec2(min.x, y));
    if (ui::button(ctx, "chrome.hide"_key, ImVec2(ctx.em(4.5f), h), ui::ButtonStyle::Quiet))
        event = flow::QuickHide{};
    ImGui::SetCursorPos(ImVec2(min.x + ctx.em(5.0f), y));
    // As wide as its words on one line, in either language.
    const std::string_view notSafe = ctx.tr("chrome.not_safe"_key);
    const float safeW = ctx.fonts.bold->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0, notSafe.data(),
                                                      notSafe.data() + notSafe.size()).x + ctx.em(1.6f);
    if (ui::button(ctx, "chrome.not_safe"_key, ImVec2(std::max(safeW, ctx.em(9.0f)), h), ui::ButtonStyle::Safety))
        event = flow::NotSafe{};
    if (state.screen == flow::Screen::Kind)
        return event; // the doors themselves go forward
    const Forward forward = forwardFor(state);
    const float w = ctx.em(7.0f);
    ImGui::SetCursorPos(ImVec2(max.x - w, y));
    if (ui::button(ctx, forward.label, ImVec2(w, h), forward.style) && forward.event)
        event = forward.event;
    return event;
}

} // namespace

Page::Page(const flow::State& state, ui::Ctx& ctx, i18n::Key title, std::optional<i18n::Key> hint)
    : m_state(state), m_ctx(ctx) {
    // The bars keep their size when the text is made larger, so that they always fit.
    ctx.useLargerText(false);
    take(drawTopBar(state, ctx));
    ctx.useLargerText(state.largeText);

    const float full = ImGui::GetContentRegionAvail().x;
    const float titleW = std::min(full, ctx.em(34));
    const float titleIndent = (full - titleW) / 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + titleIndent);
    ui::text(ctx, ctx.fonts.title, ctx.tr(title), ctx.theme.text, titleW);
    if (hint) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + titleIndent);
        ui::text(ctx, ctx.fonts.body, ctx.tr(*hint), ctx.theme.mutedText, titleW);
    }

    const float room = ImGui::GetWindowContentRegionMax().y - ImGui::GetCursorPosY() - spaceForBottomBar(ctx);
    m_keyboardHeight = state.focus ? spaceForKeyboard(ctx, room) : 0;
    const float body = room - (state.focus ? m_keyboardHeight + ctx.regular.unit * kGapAboveBottomBarEm : 0);
    ui::beginScroll(ctx, "body", ImVec2(full, std::max(body, ctx.em(2))));
    if (ctx.scrolledPage != title.name) {
        ImGui::SetScrollY(0);
        ctx.scrolledPage = title.name;
    }
    // Measured inside the scrolling region, so that its scroll bar never covers the content.
    const float inside = ImGui::GetContentRegionAvail().x;
    m_width = std::min(inside, titleW);
    m_indent = std::max(0.0f, (inside - m_width) / 2);
    if (m_indent > 0)
        ImGui::Indent(m_indent);
}

void Page::take(MaybeEvent event) {
    if (event)
        m_event = std::move(event);
}

MaybeEvent Page::finish() {
    if (m_indent > 0)
        ImGui::Unindent(m_indent);
    ImGui::Dummy(m_ctx.em(0, 0.5f)); // room below the last item, so that it can scroll clear of the edge
    ui::endScroll(m_ctx);
    m_ctx.useLargerText(false);
    if (m_state.focus) {
        const ui::Hushed hushed(m_ctx); // a key at a time would be noise, not words
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + m_ctx.em(0.3f));
        take(drawKeyboard(m_state, m_ctx, ImVec2(ImGui::GetContentRegionAvail().x, m_keyboardHeight)));
        take(physicalKeys());
    }
    take(drawBottomBar(m_state, m_ctx));
    m_ctx.useLargerText(m_state.largeText);
    return std::move(m_event);
}

} // namespace kiosk::screens
