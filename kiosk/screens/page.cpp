// A page of the journey between its bars: its title, a body that scrolls with "More below" and fades
// at its edges, the box being typed in kept in view above the keyboard, and the keyboard itself.
#include <screens/bars.hpp>

#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

constexpr float kMoreBelowEm = 1.8f;
constexpr float kFadeEm = 1.3f;
// The top fade is solid this deep: what is kept in view above the keyboard goes below it at least.
constexpr float kTopSolidEm = 0.3f;
constexpr float kWarningPadEm = 0.5f; // of the padding inside a warning's panel (ui::beginPanel's 0.7)

// Under a body that goes on below the screen's edge: a soft fade over its last line and "More below"
// with arrows, which scrolls on when tapped; over its first line, once scrolled, a fade too, so that
// a line cut in half by the edge reads as going on rather than broken.
void drawDownArrow(ImDrawList* dl, ImVec2 centre, float size, ImU32 colour) {
    dl->AddTriangleFilled(ImVec2(centre.x - size, centre.y - size * 0.5f), ImVec2(centre.x + size, centre.y - size * 0.5f),
                          ImVec2(centre.x, centre.y + size * 0.6f), colour);
}

// "More below" in the fade at the body's bottom edge, while the keyboard is up: a button, so as tall
// as a finger, with a little of the fade under it.
float pillHeight(const ui::Ctx& ctx) { return std::max(44.0f, ctx.fonts.bold->FontSize * 1.2f); }

// How much of the body's bottom edge is covered: the fade, and the pill over it where it shows.
float bottomEdge(const ui::Ctx& ctx, bool words) {
    return words ? std::max(ctx.em(kFadeEm), pillHeight(ctx) + ctx.em(0.3f)) : ctx.em(kFadeEm);
}

// Where the pill goes: its words with an arrow either side, centred across the body.
ImRect pillRect(const ui::Ctx& ctx, ImVec2 bodyMin, ImVec2 bodyMax, std::string_view label) {
    const float half = ui::textWidth(ctx.fonts.bold, label) / 2 + ctx.em(1.4f);
    const float x = (bodyMin.x + bodyMax.x) / 2;
    const float bottom = bodyMax.y - ctx.em(0.15f);
    return {ImVec2(x - half, bottom - pillHeight(ctx)), ImVec2(x + half, bottom)};
}

// Whether the answer, the box being typed in and its warning fit in a body this tall with "More
// below"'s words over its bottom edge.
bool roomForPillWords(const ui::Ctx& ctx, const ui::Ctx::Band& band, float view) {
    return band.bottom - band.answerTop + ctx.em(kTopSolidEm) + bottomEdge(ctx, true) <= view;
}

void drawMoreBelowWords(ui::Ctx& ctx, ImDrawList* dl, const ImRect& pill, std::string_view label, bool held) {
    const float w = ui::textWidth(ctx.fonts.bold, label);
    const float h = ctx.fonts.bold->FontSize;
    const ImVec2 centre = pill.GetCenter();
    dl->AddRectFilled(pill.Min, pill.Max, held ? ctx.theme.secondaryPressed : ctx.theme.background, pill.GetHeight() / 2);
    ctx.taps.recordShown("page.more_below", {pill.Min, pill.Max});
    ctx.taps.record("page.more_below", {pill.Min, pill.Max, ctx.theme.primary, ctx.theme.background});
    dl->AddText(ctx.fonts.bold, h, ImVec2(centre.x - w / 2, centre.y - h / 2), ctx.theme.primary, label.data(),
                label.data() + label.size());
    drawDownArrow(dl, ImVec2(centre.x - w / 2 - ctx.em(0.8f), centre.y), ctx.em(0.35f), ctx.theme.primary);
    drawDownArrow(dl, ImVec2(centre.x + w / 2 + ctx.em(0.8f), centre.y), ctx.em(0.35f), ctx.theme.primary);
}

void drawEdges(ui::Ctx& ctx, bool above, bool below, bool wordsBelow, bool held) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    const ImU32 solid = ctx.theme.background;
    const ImU32 clear = solid & ~IM_COL32_A_MASK;
    const float fade = ctx.em(kFadeEm);
    dl->PushClipRect(min, max, false);
    // Solid at the top edge, so that a box, a button or a round mark cut there is hidden rather than
    // shown broken, then fading as deep as the bottom's: the page reads as going on above.
    if (above) {
        const float edge = min.y + ctx.em(kTopSolidEm);
        dl->AddRectFilled(min, ImVec2(max.x, edge), solid);
        dl->AddRectFilledMultiColor(ImVec2(min.x, edge), ImVec2(max.x, min.y + fade), solid, solid, clear, clear);
    }
    if (below)
        dl->AddRectFilledMultiColor(ImVec2(min.x, max.y - fade), max, clear, clear, solid, solid);
    // With the keyboard up there is no room for the button under the body: the words go in the fade.
    if (below && wordsBelow)
        drawMoreBelowWords(ctx, dl, pillRect(ctx, min, max, ctx.tr("page.more_below"_key)), ctx.tr("page.more_below"_key),
                           held);
    dl->PopClipRect();
}

bool drawMoreBelow(ui::Ctx& ctx, float width) {
    const std::string_view label = ctx.tr("page.more_below"_key);
    const float w = std::min(width, ui::textWidth(ctx.fonts.bold, label) + ctx.em(4.0f));
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
    m_keyboardHeight =
        state.focus ? spaceForKeyboard(shortOfRoom(state, ctx) ? ctx.regular : ctx.fonts, ImGui::GetWindowHeight()) : 0;
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
    // Where the box being typed in, its warning and the answer it opened under need the room (as they
    // were last frame), "More below" gives up its words: the fade alone says the page goes on.
    const std::optional<ui::Ctx::Band> band = ctx.keepInView;
    m_pillWords = !samePage || !band || roomForPillWords(ctx, *band, ImGui::GetWindowHeight());
    ctx.keepInView.reset();
    claimEdges();
    // Measured inside the scrolling region, so that its scroll bar never covers the content.
    const float inside = ImGui::GetContentRegionAvail().x;
    m_width = std::min(inside, titleW);
    m_indent = std::max(0.0f, (inside - m_width) / 2);
    if (m_indent > 0)
        ImGui::Indent(m_indent);
    if (state.focus)
        drawTitle(ctx, title, hint, m_width);
}

void Page::claimEdges() {
    // What is drawn over the body's edges (page.cpp's drawEdges, at the end of the frame) takes the
    // taps there, so that none reaches a control it covers: ImGui gives a tap to the first item that
    // claims the spot, so these claim theirs before any of the page's own.
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    bool hovered = false;
    bool held = false;
    // The solid top of the fade over a scrolled page: what is cut there is hidden, and not for tapping.
    if (ImGui::GetScrollY() > 0) {
        const ImRect top(min, ImVec2(max.x, min.y + m_ctx.em(kTopSolidEm)));
        m_ctx.taps.cover(top.Min, top.Max);
        const ImGuiID topId = ImGui::GetID("page.top_fade");
        ImGui::ItemAdd(top, topId);
        (void)ImGui::ButtonBehavior(top, topId, &hovered, &held);
    }
    if (m_fresh || m_moreStrip > 0 || !m_pillWords || !ui::goesOnBelow())
        return;
    const ImRect pill = pillRect(m_ctx, min, max, m_ctx.tr("page.more_below"_key));
    const ImGuiID id = ImGui::GetID("page.more_below");
    ImGui::ItemAdd(pill, id);
    if (ImGui::ButtonBehavior(pill, id, &hovered, &m_pillHeld))
        m_ctx.scrollDownAsked = true; // scrolls on next frame, as the button under the body does
    // Beside it the fade over the last line: a tap there is not for what shows faded through it.
    const ImRect band(ImVec2(min.x, pill.Min.y), max);
    m_ctx.taps.cover(band.Min, band.Max);
    const ImGuiID bandId = ImGui::GetID("page.bottom_fade");
    ImGui::ItemAdd(band, bandId);
    (void)ImGui::ButtonBehavior(band, bandId, &hovered, &held);
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
    const float view = ImGui::GetWindowHeight();
    const float margin = m_ctx.em(kTopSolidEm); // below the solid part of the top fade
    const float clear = m_ctx.em(kFadeEm);                        // below all of it
    // Clear of the fade and the pill over it, as the next frame will draw them for this band.
    const bool words = m_moreStrip == 0 && roomForPillWords(m_ctx, band, view);
    const float below = bottomEdge(m_ctx, words);
    const float now = ImGui::GetScrollY();
    float target = now;
    // Least first, so that where the room is short the box itself wins, then its warning, then the
    // answer it opened under; each clear of the whole top fade where the room allows, of its solid
    // part at least.
    if (band.answerTop - clear < target)
        target = band.answerTop - clear;
    // A warning under the box is a panel whose last part is its padding: that may run into the fade
    // (not under the pill), the words stay clear of it.
    const float belowWarning = words ? below : below - m_ctx.em(kWarningPadEm);
    if (band.bottom + belowWarning > target + view)
        target = band.bottom + belowWarning - view;
    if (band.boxTop - clear < target)
        target = band.boxTop - clear;
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
    // Where the page can scroll to, as ImGui will let it: the content measured here can run a few
    // pixels past that, and "More below" then stayed up with nowhere to go. On a page's first frame
    // the scroll still belongs to the page before: only its height is known.
    const bool moreBelow = m_fresh ? content > ImGui::GetWindowHeight() + 1 : ui::goesOnBelow();
    if (!m_fresh && !moreBelow)
        m_ctx.scrolledToEnd = true;
    m_ctx.pageContentHeight = content;
    drawEdges(m_ctx, ImGui::GetScrollY() > 0, moreBelow, m_moreStrip == 0 && m_pillWords, m_pillHeld);
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
