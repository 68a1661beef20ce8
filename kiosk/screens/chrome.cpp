#include <screens/screens.hpp>

#include <flow/step.hpp>

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// As tall as its words: on a narrow screen they take two lines.
float demoBannerHeight(const ui::Ctx& ctx, float width) {
    return ui::textHeight(ctx.fonts.bold, ctx.both("demo.banner"_key, "  ·  "), width - 2 * ctx.em(0.4f)) +
           2 * ctx.em(0.15f);
}

void drawDemoBanner(ui::Ctx& ctx) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string label = ctx.both("demo.banner"_key, "  ·  ");
    const float pad = ctx.em(0.4f);
    const float h = demoBannerHeight(ctx, width);
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + h), ctx.theme.demoBanner, ctx.em(0.2f));
    ui::drawCentredText(ImGui::GetWindowDrawList(), ctx.fonts.bold, ImVec2(at.x + pad, at.y),
                        ImVec2(at.x + width - pad, at.y + h), ctx.theme.onDemoBanner, label);
    ImGui::Dummy(ImVec2(width, h));
}

// A button of a bar: as wide as its words on one line, and never narrower than a finger.
struct BarButton {
    std::string_view key;
    std::string_view label;
    MaybeEvent event;
    ui::ButtonStyle style = ui::ButtonStyle::Secondary;
};

float barButtonWidth(const ui::Fonts& fonts, std::string_view label) {
    const float words = fonts.bold->CalcTextSizeA(fonts.bold->FontSize, FLT_MAX, 0, label.data(),
                                                  label.data() + label.size()).x;
    return std::max(words + 1.4f * fonts.unit, 4.0f * fonts.unit);
}

constexpr float kBarGapEm = 0.4f;

float topBarWidth(const ui::Fonts& fonts, const BarButton& back, const std::vector<BarButton>& right) {
    float w = barButtonWidth(fonts, back.label);
    for (const BarButton& b : right)
        w += barButtonWidth(fonts, b.label) + kBarGapEm * fonts.unit;
    return w;
}

// The top bar as it will be drawn across a width: back and "Read it to me" on the left; hide, text
// size and the other language on the right. Hide stands at the far end, away from the keyboard's
// keys, where a slip of a typing finger cannot wipe everything. The bar grows with bigger text
// where it still fits; where even the regular size does not, "Read it to me" takes a line of its own.
struct TopBar {
    BarButton back;
    std::vector<BarButton> right; // right to left, so a new button goes on the end and the bar makes room
    const ui::Fonts* fonts = nullptr;
    float squeeze = 1; // below 1 where even the regular size is too wide: every button gives up the same share
    float readW = 0;
    bool readOnOwnLine = false;
};

TopBar planTopBar(const flow::State& state, const ui::Ctx& ctx, float full) {
    const bool welsh = state.language == flow::Language::Welsh;
    const auto sizeKey = state.largeText ? "chrome.smaller_text"_key : "chrome.larger_text"_key;
    TopBar bar{{"chrome.back", ctx.tr("chrome.back"_key), flow::Back{}},
               {
                   {"chrome.hide", ctx.tr("chrome.hide"_key), flow::QuickHide{}, ui::ButtonStyle::Quiet},
                   {"chrome.text_size", ctx.tr(sizeKey), flow::ToggleLargeText{}},
                   // The switch is always labelled in the language it switches to.
                   {"chrome.language", welsh ? ctx.en("language.name"_key) : ctx.cy("language.name"_key),
                    flow::ChooseLanguage{welsh ? flow::Language::English : flow::Language::Welsh}},
               }};
    const auto oneLine = [&](const ui::Fonts& fonts) {
        return topBarWidth(fonts, bar.back, bar.right) + kBarGapEm * fonts.unit + readAloudWidth(ctx, fonts, false);
    };
    bar.fonts = state.largeText && oneLine(ctx.larger) <= full ? &ctx.larger : &ctx.regular;
    bar.readW = readAloudWidth(ctx, *bar.fonts, false);
    bar.readOnOwnLine = oneLine(*bar.fonts) > full;
    bar.squeeze = std::min(1.0f, full / topBarWidth(*bar.fonts, bar.back, bar.right));
    return bar;
}

float barHeight(const ui::Fonts& fonts) { return 2.0f * fonts.unit; }

// Where the top bar's buttons start below the window's top: under the demo banner, if it shows.
float topBarTop(const ui::Ctx& ctx, float full) {
    return ctx.demo ? demoBannerHeight(ctx, full) + ImGui::GetStyle().ItemSpacing.y : 0;
}

// Its words are not read: they are the same on every screen.
MaybeEvent drawTopBar(const flow::State& state, ui::Ctx& ctx) {
    const ui::Hushed hushed(ctx);
    // The window's width, as drawWaysOut measures it to place hide over a panel.
    const float full = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    const TopBar bar = planTopBar(state, ctx, full);
    ctx.fonts = *bar.fonts;
    ctx.unit = bar.fonts->unit;
    if (ctx.demo)
        drawDemoBanner(ctx);
    const float h = barHeight(*bar.fonts);
    const float left = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    const float gap = ctx.em(kBarGapEm);
    MaybeEvent event;
    const float backW = barButtonWidth(*bar.fonts, bar.back.label) * bar.squeeze;
    if (flow::canGoBack(state) &&
        ui::button(ctx, bar.back.key, bar.back.label, ImVec2(backW, h), ui::ButtonStyle::Secondary))
        event = bar.back.event;
    const float readY = bar.readOnOwnLine ? y + h + gap : y;
    ImGui::SetCursorPos(ImVec2(bar.readOnOwnLine || !flow::canGoBack(state) ? left : left + backW + gap, readY));
    if (auto read = drawReadAloud(state, ctx, h, false))
        event = read;
    float x = ImGui::GetWindowContentRegionMax().x; // the right edge, as drawWaysOut finds it
    for (const BarButton& b : bar.right) {
        const float w = barButtonWidth(*bar.fonts, b.label) * bar.squeeze;
        x -= w;
        ImGui::SetCursorPos(ImVec2(x, y));
        if (ui::button(ctx, b.key, b.label, ImVec2(w, h), b.style))
            event = b.event;
        x -= gap;
    }
    ImGui::SetCursorPos(ImVec2(left, readY + h + ctx.em(0.4f)));
    ctx.useLargerText(state.largeText);
    return event;
}

struct Forward {
    MaybeEvent event; // nothing while the question waits for an answer
    i18n::Key label;
    ui::ButtonStyle style;
    bool showsMore = false; // scrolls the page on instead: Check until its end has been seen
    bool none = false;      // nothing there: Check's Send stands under the answers instead
};

Forward forwardFor(const flow::State& s, bool endSeen) {
    switch (s.screen) {
    case flow::Screen::Story:
        if (flow::canGoForward(s))
            return {flow::Next{}, "nav.next"_key, ui::ButtonStyle::Primary};
        return {flow::SkipStory{}, "nav.skip"_key, ui::ButtonStyle::Secondary};
    case flow::Screen::Check:
        // Nothing is sent before the child has seen every answer that goes with it: Send stands under
        // the last answer (check.cpp), never where "See the rest" or Next was, so that a quick run of
        // taps there scrolls the answers past and then lands on nothing.
        if (!endSeen)
            return {std::nullopt, "check.see_rest"_key, ui::ButtonStyle::Primary, true};
        return {std::nullopt, "check.see_rest"_key, ui::ButtonStyle::Primary, false, true};
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
constexpr float kMoreBelowEm = 1.8f;
constexpr float kFadeEm = 1.3f;

float spaceForBottomBar(const ui::Fonts& bar) { return bar.unit * (kBottomBarEm + kGapAboveBottomBarEm); }
// A share of the whole screen's height, never of what the page leaves: bigger text makes the page
// give up room, and the keys (their gaps kept at the regular size, keyboard.cpp) only grow.
float spaceForKeyboard(const ui::Fonts& keys, float screenHeight) {
    return std::min(screenHeight * 0.36f, keys.unit * 9.5f);
}

float textWidth(ImFont* font, std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
}

float startAgainWidth(const ui::Ctx& ctx, const ui::Fonts& fonts) {
    return std::max(textWidth(fonts.bold, ctx.tr("chrome.start_again"_key)) + 1.4f * fonts.unit, 4.5f * fonts.unit);
}

// As wide as its words on one line, in either language.
float notSafeWidth(const ui::Ctx& ctx, const ui::Fonts& fonts) {
    return std::max(textWidth(fonts.bold, ctx.tr("chrome.not_safe"_key)) + 1.6f * fonts.unit, 9.0f * fonts.unit);
}
float forwardWidth(const ui::Ctx& ctx, const ui::Fonts& fonts, const Forward& forward) {
    return std::max(textWidth(fonts.bold, ctx.tr(forward.label)) + 1.6f * fonts.unit, 7.0f * fonts.unit);
}

// The bottom bar grows with bigger text where it still fits across the screen: the same size on a
// page and under a panel, so that hide and "I don't feel safe" never move.
const ui::Fonts& bottomBarFonts(const flow::State& state, const ui::Ctx& ctx) {
    const float full = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    const ui::Fonts& larger = ctx.larger;
    const bool fits = startAgainWidth(ctx, larger) + 1.5f * larger.unit + notSafeWidth(ctx, larger) +
                          forwardWidth(ctx, larger, forwardFor(state, false)) <= full;
    return state.largeText && fits ? ctx.larger : ctx.regular;
}

// "I don't feel safe" along the bottom, beside start again, on a page and over a panel alike.
MaybeEvent drawNotSafe(const flow::State& state, ui::Ctx& ctx) {
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const ImVec2 max = ImGui::GetWindowContentRegionMax();
    const ui::Fonts fonts = ctx.fonts;
    ctx.fonts = bottomBarFonts(state, ctx);
    ctx.unit = ctx.fonts.unit;
    const float x = min.x + startAgainWidth(ctx, ctx.fonts) + ctx.em(0.5f);
    ImVec2 size(notSafeWidth(ctx, ctx.fonts), ctx.em(kBottomBarEm));
    std::string label(ctx.tr("chrome.not_safe"_key));
    if (flow::hidesPage(state)) {
        // Both languages, as the question over the page asks. It grows rightwards from where it
        // stands on a page, so that a finger that knows the place still finds it.
        label = ctx.both("chrome.not_safe"_key, "  ·  ");
        size.x = std::min(max.x - x, std::max(size.x, textWidth(ctx.fonts.bold, label) + 1.6f * ctx.unit));
    }
    ImGui::SetCursorPos(ImVec2(x, max.y - size.y));
    MaybeEvent event;
    if (ui::button(ctx, "chrome.not_safe", label, size, ui::ButtonStyle::Safety))
        event = flow::NotSafe{};
    ctx.fonts = fonts;
    ctx.unit = fonts.unit;
    return event;
}

// Along the bottom: start again and "I don't feel safe" on the left, the way forward on the right.
// Start again sits nearest the keyboard's keys: a slip there only asks. Not read, as the top bar.
MaybeEvent drawBottomBar(const flow::State& state, ui::Ctx& ctx) {
    const ui::Hushed hushed(ctx);
    MaybeEvent event = drawNotSafe(state, ctx);
    const float h = ctx.em(kBottomBarEm);
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const ImVec2 max = ImGui::GetWindowContentRegionMax();
    const float y = max.y - h;
    ImGui::SetCursorPos(ImVec2(min.x, y));
    if (ui::button(ctx, "chrome.start_again"_key, ImVec2(startAgainWidth(ctx, ctx.fonts), h),
                   ui::ButtonStyle::Secondary))
        event = flow::AskStartAgain{};
    if (state.screen == flow::Screen::Kind)
        return event; // the doors themselves go forward
    const Forward forward = forwardFor(state, ctx.scrolledToEnd);
    if (forward.none)
        return event;
    const float w = forwardWidth(ctx, ctx.fonts, forward);
    ImGui::SetCursorPos(ImVec2(max.x - w, y));
    if (ui::button(ctx, forward.label, ImVec2(w, h), forward.style)) {
        if (forward.event)
            event = forward.event;
        else if (forward.showsMore)
            ctx.scrollDownAsked = true;
    }
    return event;
}

// Under a body that goes on below the screen's edge: a soft fade over its last line and "More below"
// with arrows, which scrolls on when tapped; over its first line, once scrolled, a fade too, so that
// a line cut in half by the edge reads as going on rather than broken.
void drawDownArrow(ImDrawList* dl, ImVec2 centre, float size, ImU32 colour) {
    dl->AddTriangleFilled(ImVec2(centre.x - size, centre.y - size * 0.5f), ImVec2(centre.x + size, centre.y - size * 0.5f),
                          ImVec2(centre.x, centre.y + size * 0.6f), colour);
}

// "More below" with an arrow either side, centred on a point.
void drawMoreBelowWords(ui::Ctx& ctx, ImDrawList* dl, ImVec2 centre, std::string_view label) {
    const float w = textWidth(ctx.fonts.bold, label);
    const float h = ctx.fonts.bold->FontSize;
    const float half = w / 2 + ctx.em(1.4f);
    const ImVec2 min(centre.x - half, centre.y - h * 0.6f);
    const ImVec2 max(centre.x + half, centre.y + h * 0.6f);
    dl->AddRectFilled(min, max, ctx.theme.background, h * 0.6f);
    ctx.taps.recordShown("page.more_below", {min, max});
    dl->AddText(ctx.fonts.bold, h, ImVec2(centre.x - w / 2, centre.y - h / 2), ctx.theme.primary, label.data(),
                label.data() + label.size());
    drawDownArrow(dl, ImVec2(centre.x - w / 2 - ctx.em(0.8f), centre.y), ctx.em(0.35f), ctx.theme.primary);
    drawDownArrow(dl, ImVec2(centre.x + w / 2 + ctx.em(0.8f), centre.y), ctx.em(0.35f), ctx.theme.primary);
}

void drawEdges(ui::Ctx& ctx, bool above, bool below, bool wordsBelow) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    const ImU32 solid = ctx.theme.background;
    const ImU32 clear = solid & ~IM_COL32_A_MASK;
    const float fade = ctx.em(kFadeEm);
    dl->PushClipRect(min, max, false);
    if (above)
        dl->AddRectFilledMultiColor(min, ImVec2(max.x, min.y + ctx.em(0.6f)), solid, solid, clear, clear);
    if (below)
        dl->AddRectFilledMultiColor(ImVec2(min.x, max.y - fade), max, clear, clear, solid, solid);
    // With the keyboard up there is no room for the button under the body: the words go in the fade.
    if (below && wordsBelow)
        drawMoreBelowWords(ctx, dl, ImVec2((min.x + max.x) / 2, max.y - fade * 0.45f), ctx.tr("page.more_below"_key));
    dl->PopClipRect();
}

bool drawMoreBelow(ui::Ctx& ctx, float width) {
    const std::string_view label = ctx.tr("page.more_below"_key);
    const float w = std::min(width, textWidth(ctx.fonts.bold, label) + ctx.em(4.0f));
    const float h = std::max(44.0f, ctx.em(kMoreBelowEm));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) / 2);
    const bool tapped = ui::button(ctx, "page.more_below", label, ImVec2(w, h), ui::ButtonStyle::Quiet);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const float y = (min.y + max.y) / 2;
    drawDownArrow(ImGui::GetWindowDrawList(), ImVec2(min.x + ctx.em(1.0f), y), ctx.em(0.35f), ctx.theme.primary);
    drawDownArrow(ImGui::GetWindowDrawList(), ImVec2(max.x - ctx.em(1.0f), y), ctx.em(0.35f), ctx.theme.primary);
    return tapped;
}

void drawTitle(ui::Ctx& ctx, i18n::Key title, std::optional<i18n::Key> hint, float width) {
    const float left = ImGui::GetCursorPosX();
    ui::text(ctx, ctx.fonts.title, ctx.tr(title), ctx.theme.text, width);
    if (hint) {
        ImGui::SetCursorPosX(left);
        ui::text(ctx, ctx.fonts.body, ctx.tr(*hint), ctx.theme.mutedText, width);
    }
}

} // namespace

float belowTopBar(const flow::State& state, ui::Ctx& ctx) {
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const float full = ImGui::GetWindowContentRegionMax().x - min.x;
    const TopBar top = planTopBar(state, ctx, full);
    const ui::Fonts fonts = ctx.fonts;
    ctx.fonts = *top.fonts;
    ctx.unit = ctx.fonts.unit;
    const float rows = top.readOnOwnLine ? 2 * barHeight(*top.fonts) + ctx.em(kBarGapEm) : barHeight(*top.fonts);
    const float y = min.y + topBarTop(ctx, full) + rows + ctx.em(0.4f);
    ctx.fonts = fonts;
    ctx.unit = fonts.unit;
    return y;
}

MaybeEvent drawWaysOut(const flow::State& state, ui::Ctx& ctx) {
    MaybeEvent event;
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const ImVec2 max = ImGui::GetWindowContentRegionMax();
    if (state.screen == flow::Screen::Welcome) {
        // Before any language is chosen: "I don't feel safe" in both, across the middle; nothing to hide yet.
        const float w = std::min(max.x - min.x, ctx.em(22));
        ImGui::SetCursorPos(ImVec2(min.x + (max.x - min.x - w) / 2, max.y - ctx.em(2.6f)));
        {
            const ui::Hushed hushed(ctx); // one label in both languages: said in each voice instead
            if (ui::button(ctx, "chrome.not_safe", ctx.both("chrome.not_safe"_key, "  ·  "), ImVec2(w, ctx.em(2.4f)),
                           ui::ButtonStyle::Safety))
                event = flow::NotSafe{};
        }
        ctx.sayBoth("chrome.not_safe"_key);
        return event;
    }
    const ui::Hushed hushed(ctx); // the bars' words are the same everywhere: not read
    const ui::Fonts fonts = ctx.fonts;
    // Over a panel: hide at the far right of the top bar, as the bar places it (on a page the bar
    // draws it itself).
    const TopBar top = planTopBar(state, ctx, max.x - min.x);
    const BarButton& hide = top.right.front();
    float hideW = barButtonWidth(*top.fonts, hide.label) * top.squeeze;
    std::string label(hide.label);
    if (flow::hidesPage(state)) {
        // Both languages, as the question asks; nothing else stands in the bar, so it may grow leftwards.
        label = ctx.both("chrome.hide"_key, " · ");
        hideW = std::max(hideW, barButtonWidth(*top.fonts, label));
    }
    ctx.fonts = *top.fonts;
    ctx.unit = ctx.fonts.unit;
    // Whole pixels, as the page's own bar lands after the banner.
    ImGui::SetCursorPos(ImVec2(max.x - hideW, std::floor(min.y + topBarTop(ctx, max.x - min.x))));
    if (ui::button(ctx, hide.key, label, ImVec2(hideW, barHeight(*top.fonts)), hide.style))
        event = hide.event;
    ctx.fonts = fonts;
    ctx.unit = fonts.unit;
    if (auto e = drawNotSafe(state, ctx))
        event = e;
    return event;
}

Page::Page(const flow::State& state, ui::Ctx& ctx, i18n::Key title, std::optional<i18n::Key> hint)
    : m_state(state), m_ctx(ctx) {
    take(drawTopBar(state, ctx));

    const float full = ImGui::GetContentRegionAvail().x;
    const float titleW = std::min(full, ctx.em(34));
    // While the keyboard is up the title and hint scroll with the body (below): the box being typed
    // in, its answer and its warning then have the room between the top bar and the keys.
    if (!state.focus) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (full - titleW) / 2);
        drawTitle(ctx, title, hint, titleW);
    }

    // The bottom bar and keyboard grow with bigger text too, where the bar still fits across.
    const ui::Fonts& bar = bottomBarFonts(state, ctx);
    m_largerBottomBar = &bar == &ctx.larger;
    const float room = ImGui::GetWindowContentRegionMax().y - ImGui::GetCursorPosY() - spaceForBottomBar(bar);
    m_keyboardHeight = state.focus ? spaceForKeyboard(ctx.fonts, ImGui::GetWindowHeight()) : 0;
    float body = room - (state.focus ? m_keyboardHeight + bar.unit * kGapAboveBottomBarEm : 0);
    const bool samePage = ctx.scrolledPage == title.name;
    // A body taller than its room keeps a strip under it for "More below" (measured the frame before).
    // Not while typing: the keyboard needs the room, and the box is kept in view anyway.
    m_moreStrip = samePage && !state.focus && ctx.pageContentHeight > body + 1 ? std::max(44.0f, ctx.em(kMoreBelowEm)) +
                                                                    ImGui::GetStyle().ItemSpacing.y
                                                              : 0;
    body -= m_moreStrip;
    ui::beginScroll(ctx, "body", ImVec2(full, std::max(body, ctx.em(2))));
    m_fresh = !samePage;
    if (!samePage) {
        ImGui::SetScrollY(0);
        ctx.scrolledPage = title.name;
        ctx.scrolledToEnd = false;
        ctx.pageContentHeight = 0;
        ctx.keptInView.reset();
    } else if (ctx.scrollDownAsked) {
        ImGui::SetScrollY(ImGui::GetScrollY() + ImGui::GetWindowHeight() * 0.75f);
    }
    ctx.scrollDownAsked = false;
    ctx.keepInView.reset();
    // Measured inside the scrolling region, so that its scroll bar never covers the content.
    const float inside = ImGui::GetContentRegionAvail().x;
    m_width = std::min(inside, titleW);
    m_indent = std::max(0.0f, (inside - m_width) / 2);
    if (m_indent > 0)
        ImGui::Indent(m_indent);
    if (state.focus)
        drawTitle(ctx, title, hint, m_width);
}

void Page::take(MaybeEvent event) {
    if (event)
        m_event = std::move(event);
}

void Page::keepInView() {
    // What belongs with the box being typed in stays in view above the keyboard, once each time it
    // changes (a box given the keyboard, a warning appearing), so that a finger can still scroll away.
    if (!m_state.focus)
        m_ctx.keptInView.reset();
    if (!m_state.focus || !m_ctx.keepInView)
        return;
    // Typing (or erasing) brings the box back into view, wherever a finger left the page.
    const std::size_t typed = m_state.answers.field(*m_state.focus).text().size();
    const bool typedNow = typed != m_ctx.typedSize;
    m_ctx.typedSize = typed;
    // A band that only drifted as the page scrolled (its positions round to whole pixels against the
    // scroll) is the same one: scrolling back to it would stop a finger dragging the page elsewhere.
    if (!typedNow && m_ctx.keptInView && m_ctx.keepInView->sameAs(*m_ctx.keptInView, m_ctx.em(0.5f))) {
        m_ctx.keptInView = m_ctx.keepInView; // follows the drift, so that it never adds up
        return;
    }
    const ui::Ctx::Band band = *m_ctx.keepInView;
    m_ctx.keptInView = band;
    const float margin = m_ctx.em(0.3f);
    const float below = m_ctx.em(kFadeEm); // clear of the fade at the bottom edge
    const float view = ImGui::GetWindowHeight();
    const float now = ImGui::GetScrollY();
    float target = now;
    // Least first, so that where the room is short the box itself wins, then its warning, then the
    // answer it opened under.
    if (band.answerTop - margin < target)
        target = band.answerTop - margin;
    if (band.bottom + below > target + view)
        target = band.bottom + below - view;
    if (band.boxBottom + below > target + view)
        target = band.boxBottom + below - view;
    if (band.boxTop - margin < target)
        target = band.boxTop - margin;
    // Always set, even where nothing moves: it also undoes the text box's own scroll into view.
    ImGui::SetScrollY(std::max(0.0f, target));
}

MaybeEvent Page::finish() {
    if (m_indent > 0)
        ImGui::Unindent(m_indent);
    ImGui::Dummy(m_ctx.em(0, 0.5f)); // room below the last item, so that it can scroll clear of the edge
    keepInView();
    const ImGuiWindow* body = ImGui::GetCurrentWindowRead();
    const float content = body->DC.CursorMaxPos.y - body->DC.CursorStartPos.y;
    const float seen = ImGui::GetScrollY() + ImGui::GetWindowHeight();
    // On a page's first frame the scroll still belongs to the page before: nothing is known yet.
    const bool moreBelow = m_fresh ? content > ImGui::GetWindowHeight() + 1 : seen < content - 1;
    if (!m_fresh && !moreBelow)
        m_ctx.scrolledToEnd = true;
    m_ctx.pageContentHeight = content;
    drawEdges(m_ctx, ImGui::GetScrollY() > 0, moreBelow, m_moreStrip == 0);
    ui::endScroll(m_ctx);
    if (moreBelow)
        m_ctx.taps.showMoreBelow("body");
    // Centred under the whole body, as the column above it is.
    if (m_moreStrip > 0 && moreBelow && drawMoreBelow(m_ctx, ImGui::GetContentRegionAvail().x))
        m_ctx.scrollDownAsked = true;
    if (m_state.focus) {
        const ui::Hushed hushed(m_ctx); // a key at a time would be noise, not words
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + m_ctx.em(0.3f));
        take(drawKeyboard(m_state, m_ctx, ImVec2(ImGui::GetContentRegionAvail().x, m_keyboardHeight)));
        take(physicalKeys());
    }
    m_ctx.useLargerText(m_largerBottomBar);
    take(drawBottomBar(m_state, m_ctx));
    m_ctx.useLargerText(m_state.largeText);
    return std::move(m_event);
}

} // namespace kiosk::screens
