// The bars around every screen of the journey: the demo banner and the top bar (back, "Read it to
// me", the other language, text size, hide), the bottom bar (start again, "I don't feel safe", the
// way forward), and the ways out drawn over a panel in the same places.
#include <screens/bars.hpp>

#include <flow/step.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// As tall as its words: on a narrow screen they take two lines. Always at the regular size: it is for
// the adults who set the kiosk up, and bigger text needs the room for the child's own page.
float demoBannerHeight(const ui::Ctx& ctx, float width) {
    const float unit = ctx.regular.unit;
    return ui::textHeight(ctx.regular.bold, ctx.both("demo.banner"_key, "  ·  "), width - 2 * 0.4f * unit) +
           2 * 0.15f * unit;
}

void drawDemoBanner(ui::Ctx& ctx) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string label = ctx.both("demo.banner"_key, "  ·  ");
    const float pad = 0.4f * ctx.regular.unit;
    const float h = demoBannerHeight(ctx, width);
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + h), ctx.theme.demoBanner,
                                              0.2f * ctx.regular.unit);
    ui::drawCentredText(ImGui::GetWindowDrawList(), ctx.regular.bold, ImVec2(at.x + pad, at.y),
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
    return std::max(ui::textWidth(fonts.bold, label) + 1.4f * fonts.unit, 4.0f * fonts.unit);
}

constexpr float kBarGapEm = 0.4f;
constexpr float kBottomBarEm = 2.2f;

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
    bar.fonts = state.largeText && !shortOfRoom(state, ctx) && oneLine(ctx.larger) <= full ? &ctx.larger : &ctx.regular;
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



float startAgainWidth(const ui::Ctx& ctx, const ui::Fonts& fonts) {
    return std::max(ui::textWidth(fonts.bold, ctx.tr("chrome.start_again"_key)) + 1.4f * fonts.unit, 4.5f * fonts.unit);
}

// As wide as its words on one line, in either language.
float notSafeWidth(const ui::Ctx& ctx, const ui::Fonts& fonts) {
    return std::max(ui::textWidth(fonts.bold, ctx.tr("chrome.not_safe"_key)) + 1.6f * fonts.unit, 9.0f * fonts.unit);
}
float forwardWidth(const ui::Ctx& ctx, const ui::Fonts& fonts, const Forward& forward) {
    return std::max(ui::textWidth(fonts.bold, ctx.tr(forward.label)) + 1.6f * fonts.unit, 7.0f * fonts.unit);
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
    if (flow::asksBothLanguages(state)) {
        // Both languages, as the question over the page asks. It grows rightwards from where it
        // stands on a page, so that a finger that knows the place still finds it.
        label = ctx.both("chrome.not_safe"_key, "  ·  ");
        size.x = std::min(max.x - x, std::max(size.x, ui::textWidth(ctx.fonts.bold, label) + 1.6f * ctx.unit));
    }
    ImGui::SetCursorPos(ImVec2(x, max.y - size.y));
    MaybeEvent event;
    if (ui::button(ctx, "chrome.not_safe", label, size, ui::ButtonStyle::Safety))
        event = flow::NotSafe{};
    ctx.fonts = fonts;
    ctx.unit = fonts.unit;
    return event;
}

} // namespace

bool shortOfRoom(const flow::State& state, const ui::Ctx& ctx) {
    // A landscape screen is about 22 units of bigger text tall, a portrait one 36.
    return state.focus && state.largeText && ImGui::GetMainViewport()->Size.y < 30 * ctx.larger.unit;
}

float spaceForBottomBar(const ui::Fonts& bar) { return bar.unit * (kBottomBarEm + kGapAboveBottomBarEm); }

// A share of the whole screen's height, never of what the page leaves: bigger text makes the page
// give up room, and the keys (their gaps kept at the regular size, keyboard.cpp) only grow.
float spaceForKeyboard(const ui::Fonts& keys, float screenHeight) {
    return std::min(screenHeight * 0.36f, keys.unit * 9.5f);
}

// The bottom bar grows with bigger text where it still fits across the screen, and the page keeps
// the room for the box being typed in: the same size on a page and under a panel, so that hide and
// "I don't feel safe" never move.
const ui::Fonts& bottomBarFonts(const flow::State& state, const ui::Ctx& ctx) {
    const float full = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    const ui::Fonts& larger = ctx.larger;
    const bool fits = startAgainWidth(ctx, larger) + 1.5f * larger.unit + notSafeWidth(ctx, larger) +
                          forwardWidth(ctx, larger, forwardFor(state, false)) <= full;
    return state.largeText && fits && !shortOfRoom(state, ctx) ? ctx.larger : ctx.regular;
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
    if (flow::asksBothLanguages(state)) {
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

} // namespace kiosk::screens
