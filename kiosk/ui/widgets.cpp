#include <ui/widgets.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <imgui_internal.h>
#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

struct Colours {
    ImU32 fill;
    ImU32 text;
    ImU32 border;
};

Colours coloursFor(const Theme& t, ButtonStyle style, bool held) {
    switch (style) {
    case ButtonStyle::Primary:
        return {held ? t.primaryPressed : t.primary, t.onPrimary, 0};
    case ButtonStyle::Secondary:
        return {held ? t.secondaryPressed : t.secondary, t.primary, t.border};
    case ButtonStyle::Key:
        return {held ? t.keyPressed : t.key, t.text, t.border};
    case ButtonStyle::Quiet:
        return {held ? t.secondaryPressed : t.background, t.primary, t.border};
    case ButtonStyle::Disabled:
        return {t.disabledBack, t.disabledText, 0};
    case ButtonStyle::Safety:
        return {held ? t.safetyPressed : t.safety, t.onPrimary, 0};
    }
    return {t.primary, t.onPrimary, 0};
}

} // namespace

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\n'; }

bool endsWith(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// A word that is a web or e-mail address: "www.meiccymru.org", "post@childcomwales.org.uk",
// "ask@ombudsman.wales" (the punctuation around it in a sentence already taken off).
bool isAddress(std::string_view word) {
    if (word.starts_with("www.") || word.starts_with("http"))
        return true;
    const auto at = word.find('@');
    if (at != std::string_view::npos && at > 0 && at + 1 < word.size())
        return true;
    for (const std::string_view end : {".wales", ".org.uk", ".gov.uk", ".co.uk", ".org", ".com", ".cymru"})
        if (word.size() > end.size() && endsWith(word, end))
            return true;
    return false;
}

} // namespace

bool cutOffAbove(const ImDrawList* dl, float top) {
    // Half a pixel: a line that starts on the edge itself is whole.
    return top < dl->GetClipRectMin().y - 0.5f;
}

namespace {

// One line of text, drawn and, while ImGui is logging (the UI tests read what a frame showed), logged.
void drawLine(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 colour, std::string_view line) {
    if (cutOffAbove(dl, at.y))
        return;
    dl->AddText(font, font->FontSize, at, colour, line.data(), line.data() + line.size());
    if (GImGui->LogEnabled)
        ImGui::LogRenderedText(&at, line.data(), line.data() + line.size());
}

} // namespace

void drawWrapped(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 colour, std::string_view s, float width) {
    for (const auto line : wrapLines(font, s, width)) {
        drawLine(dl, font, at, colour, line);
        at.y += font->FontSize;
    }
}

std::vector<Unbreakable> unbreakableSpans(std::string_view s) {
    std::vector<Unbreakable> spans;
    std::size_t i = 0;
    while (i < s.size()) {
        if (isSpace(s[i])) {
            ++i;
            continue;
        }
        const std::size_t wordStart = i;
        while (i < s.size() && !isSpace(s[i]))
            ++i;
        // A phone number: groups of digits joined by single spaces ("0800 49 60 650", "84001").
        if (isDigit(s[wordStart])) {
            std::size_t end = wordStart;
            while (end < s.size() && isDigit(s[end]))
                ++end;
            while (end + 1 < s.size() && s[end] == ' ' && isDigit(s[end + 1])) {
                end += 1;
                while (end < s.size() && isDigit(s[end]))
                    ++end;
            }
            if (end > i) {
                spans.push_back({wordStart, end});
                i = end;
                continue;
            }
        }
        std::string_view word = s.substr(wordStart, i - wordStart);
        std::size_t lead = 0;
        while (lead < word.size() && (word[lead] == '(' || word[lead] == '"' || word[lead] == '\''))
            ++lead;
        word.remove_prefix(lead);
        while (!word.empty() && std::string_view(".,;:!?)\"'").find(word.back()) != std::string_view::npos)
            word.remove_suffix(1);
        if (isAddress(word))
            spans.push_back({wordStart + lead, wordStart + lead + word.size()});
    }
    return spans;
}

std::vector<std::string_view> wrapLines(ImFont* font, std::string_view s, float width) {
    std::vector<std::string_view> lines;
    const std::vector<Unbreakable> spans = unbreakableSpans(s);
    const char* p = s.data();
    const char* end = s.data() + s.size();
    while (p < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(1.0f, p, end, std::max(width, 1.0f));
        if (lineEnd == p)
            lineEnd = p + 1; // a single character wider than the width: never loop forever
        const char* nl = std::find(p, lineEnd, '\n');
        if (nl != lineEnd)
            lineEnd = nl;
        // Never end a line inside a phone number or an address: break before it instead, at the
        // space before the word it starts. Only a span wider than the whole line may break.
        for (bool moved = true; moved;) {
            moved = false;
            const auto at = static_cast<std::size_t>(lineEnd - s.data());
            for (const Unbreakable& span : spans) {
                if (span.begin >= at || span.end <= at)
                    continue;
                if (s.data() + span.begin <= p) {
                    // It starts the line: it stays whole if it fits, though what sticks to it ("." or ")") goes on.
                    const char* spanEnd = s.data() + span.end;
                    if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, p, spanEnd).x <= width) {
                        lineEnd = spanEnd;
                        moved = true;
                    }
                    break;
                }
                const char* breakAt = s.data() + span.begin;
                const char* space = breakAt;
                while (space > p && *space != ' ')
                    --space;
                lineEnd = space > p ? space : breakAt;
                moved = true;
                break;
            }
        }
        lines.emplace_back(p, static_cast<std::size_t>(lineEnd - p));
        p = lineEnd;
        while (p < end && (*p == ' ' || *p == '\n')) {
            const bool newline = *p == '\n';
            ++p;
            if (newline)
                break;
        }
    }
    return lines;
}

void beginScreen(const Ctx& ctx) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushFont(ctx.fonts.body);
    // No background of its own: the frame is cleared to the same colour first, and a software
    // renderer (llvmpipe) would otherwise fill every pixel of the screen twice.
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                                       ImGuiWindowFlags_NoBackground;
    ImGui::Begin("kiosk", nullptr, flags);
}

void endScreen() {
    ImGui::End();
    ImGui::PopFont();
}

namespace {

// The part of the last item on screen, if any.
std::optional<TapTarget> lastItemShown(ImU32 text, ImU32 fill) {
    if (!ImGui::IsItemVisible())
        return std::nullopt;
    const ImRect clip = ImGui::GetCurrentWindowRead()->ClipRect;
    ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    // Cut off above or below: scrolled partly out of view (a pixel or two lost to a side padding is not).
    const bool clipped = r.Min.y < clip.Min.y || r.Max.y > clip.Max.y;
    r.ClipWithFull(clip);
    if (r.GetWidth() <= 0 || r.GetHeight() <= 0)
        return std::nullopt;
    return TapTarget{r.Min, r.Max, text, fill, clipped};
}

} // namespace

void recordTap(Ctx& ctx, std::string_view key, ImU32 text, ImU32 fill) {
    if (const auto shown = lastItemShown(text, fill))
        if (const auto uncovered = ctx.taps.uncovered(*shown))
            ctx.taps.record(key, *uncovered);
}

void recordShown(Ctx& ctx, std::string_view key) {
    if (const auto shown = lastItemShown(0, 0))
        ctx.taps.recordShown(key, *shown);
}

void drawBox(ImDrawList* dl, const Ctx& ctx, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, BoxEm shape) {
    ctx.boxes.draw(*dl, min, max, fill, border, boxPixels(shape, ctx.unit, border != 0));
}

bool button(Ctx& ctx, std::string_view key, std::string_view label, ImVec2 size, ButtonStyle style, ImFont* font) {
    const std::string id(key);
    const bool pressed = ImGui::InvisibleButton(id.c_str(), size);
    const Colours c = coloursFor(ctx.theme, style, ImGui::IsItemActive());
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    drawBox(dl, ctx, min, max, c.fill, c.border, kButtonBox);
    const float pad = ctx.em(0.4f);
    drawCentredText(dl, font != nullptr ? font : ctx.fonts.bold, ImVec2(min.x + pad, min.y), ImVec2(max.x - pad, max.y),
                    c.text, label);
    ctx.say(label);
    recordTap(ctx, key, c.text, c.fill);
    return pressed;
}

bool button(Ctx& ctx, i18n::Key key, ImVec2 size, ButtonStyle style) {
    return button(ctx, key.name, ctx.tr(key), size, style);
}

bool choiceButton(Ctx& ctx, std::string_view key, std::string_view title, std::string_view detail, ImVec2 size,
                  bool selected) {
    const std::string id(key);
    const bool pressed = ImGui::InvisibleButton(id.c_str(), size);
    const bool held = ImGui::IsItemActive();
    const Theme& t = ctx.theme;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = held ? t.secondaryPressed : (selected ? t.primary : t.secondary);
    const ImU32 titleColour = selected && !held ? t.onPrimary : t.primary;
    const ImU32 detailColour = selected && !held ? t.onPrimary : t.mutedText;
    drawBox(dl, ctx, min, max, fill, t.border, kChoiceBox);
    const float pad = ctx.em(0.8f);
    const float width = size.x - 2 * pad;
    const float titleH = textHeight(ctx.fonts.title, title, width);
    const float detailH = detail.empty() ? 0 : textHeight(ctx.fonts.body, detail, width) + ctx.em(0.2f);
    const float top = min.y + std::max(pad * 0.5f, (size.y - titleH - detailH) / 2);
    drawWrapped(dl, ctx.fonts.title, ImVec2(min.x + pad, top), titleColour, title, width);
    if (!detail.empty())
        drawWrapped(dl, ctx.fonts.body, ImVec2(min.x + pad, top + titleH + ctx.em(0.2f)), detailColour, detail, width);
    ctx.say(title);
    if (selected)
        ctx.sayChosen();
    ctx.say(detail);
    recordTap(ctx, key, titleColour, fill);
    return pressed;
}

bool option(Ctx& ctx, std::string_view key, std::string_view label, float width, bool selected, Mark mark) {
    const Theme& t = ctx.theme;
    const float pad = ctx.em(0.6f);
    const float markSize = ctx.em(1.1f);
    const float textW = width - 3 * pad - markSize;
    const float h = std::max(ctx.em(2.2f), textHeight(ctx.fonts.bold, label, textW) + 2 * pad);
    const std::string id(key);
    const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(width, h));
    const bool held = ImGui::IsItemActive();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = held ? t.secondaryPressed : (selected ? t.selectedBack : t.secondary);
    drawBox(dl, ctx, min, max, fill, selected ? t.primary : t.border, selected ? kChosenOptionBox : kButtonBox);
    const ImVec2 c(min.x + pad + markSize / 2, (min.y + max.y) / 2);
    const float line = std::max(2.0f, ctx.em(0.08f));
    if (mark == Mark::Radio) {
        dl->AddCircle(c, markSize / 2, t.primary, 24, line);
        if (selected)
            dl->AddCircleFilled(c, markSize / 4, t.primary, 24);
    } else {
        const ImVec2 a(c.x - markSize / 2, c.y - markSize / 2);
        const ImVec2 b(c.x + markSize / 2, c.y + markSize / 2);
        if (selected) {
            dl->AddRectFilled(a, b, t.primary, ctx.em(0.15f));
            const ImVec2 tick[] = {{c.x - markSize * 0.28f, c.y}, {c.x - markSize * 0.06f, c.y + markSize * 0.22f},
                                   {c.x + markSize * 0.3f, c.y - markSize * 0.24f}};
            dl->AddPolyline(tick, 3, t.onPrimary, 0, line * 1.3f);
        } else {
            dl->AddRect(a, b, t.primary, ctx.em(0.15f), 0, line);
        }
    }
    const float textTop = min.y + (h - textHeight(ctx.fonts.bold, label, textW)) / 2;
    drawWrapped(dl, ctx.fonts.bold, ImVec2(min.x + 2 * pad + markSize, textTop), t.text, label, textW);
    ctx.say(label);
    if (selected)
        ctx.sayChosen();
    recordTap(ctx, key, t.text, fill);
    return pressed;
}

void beginScroll(Ctx& ctx, const char* id, ImVec2 size) {
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ctx.em(0.35f));
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollWithMouse);
    // The region itself, so that a test can drag it as a finger would.
    const ImVec2 at = ImGui::GetWindowPos();
    const ImVec2 extent = ImGui::GetWindowSize();
    ctx.taps.recordScrollArea(id, {at, ImVec2(at.x + extent.x, at.y + extent.y), ImGui::GetScrollMaxY() > 0,
                                   goesOnBelow(), false, ImGui::GetScrollY()});
}

bool goesOnBelow() { return ImGui::GetScrollMaxY() - ImGui::GetScrollY() > 2; }

void endScroll(Ctx& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool dragging = ImGui::IsMouseDragging(ImGuiMouseButton_Left, ctx.em(0.5f)) &&
                          ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                          ImGui::GetScrollMaxY() > 0;
    if (dragging) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        ImGui::ClearActiveID(); // the finger is scrolling, not tapping what it started on
    }
    if (io.MouseWheel != 0)
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * ctx.em(2));
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

Panel beginPanel(const Ctx& ctx, float width) {
    Panel panel{ImGui::GetCursorScreenPos(), width, ctx.em(0.7f)};
    // The content goes on the upper channel; the background, once its height is known, under it.
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(panel.start.x + panel.pad, panel.start.y + panel.pad));
    ImGui::BeginGroup();
    return panel;
}

void endPanel(const Ctx& ctx, const Panel& panel, ImU32 fill, ImU32 border) {
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + panel.pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    const ImVec2 max(panel.start.x + panel.width, bottom);
    drawBox(dl, ctx, panel.start, max, fill, border, kTileBox);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(panel.start);
    ImGui::Dummy(ImVec2(panel.width, bottom - panel.start.y));
}

float contrastRatio(ImU32 a, ImU32 b) {
    const auto luminance = [](ImU32 c) {
        const auto channel = [](unsigned v) {
            const float s = static_cast<float>(v) / 255.0f;
            return s <= 0.04045f ? s / 12.92f : std::pow((s + 0.055f) / 1.055f, 2.4f);
        };
        return 0.2126f * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152f * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
               0.0722f * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
    };
    const float la = luminance(a);
    const float lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

void text(Ctx& ctx, ImFont* font, std::string_view s, ImU32 colour, float width) {
    ctx.say(s);
    // Drawn line by line from the kiosk's own wrapping, not ImGui's, which would break a phone number.
    const auto lines = wrapLines(font, s, width);
    ImVec2 at = ImGui::GetCursorScreenPos();
    float widest = 0;
    for (const auto line : lines) {
        drawLine(ImGui::GetWindowDrawList(), font, at, colour, line);
        at.y += font->FontSize;
        widest = std::max(widest, textWidth(font, line));
    }
    ImGui::Dummy(ImVec2(widest, std::max(1.0f, static_cast<float>(lines.size())) * font->FontSize));
}

void bullet(Ctx& ctx, std::string_view s, float width) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float indent = ctx.em(1.0f);
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + indent * 0.35f, at.y + ctx.fonts.body->FontSize * 0.55f),
                                                ctx.em(0.14f), ctx.theme.text);
    const float x = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(x + indent);
    text(ctx, ctx.fonts.body, s, ctx.theme.text, width - indent);
    ImGui::SetCursorPosX(x);
}

float textWidth(ImFont* font, std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
}

float textHeight(ImFont* font, std::string_view s, float width) {
    return static_cast<float>(wrapLines(font, s, width).size()) * font->FontSize;
}

void drawCentredText(ImDrawList* dl, ImFont* font, ImVec2 min, ImVec2 max, ImU32 colour, std::string_view s) {
    const float width = max.x - min.x;
    const auto lines = wrapLines(font, s, width);
    float y = min.y + ((max.y - min.y) - static_cast<float>(lines.size()) * font->FontSize) / 2;
    for (const auto line : lines) {
        const float w = textWidth(font, line);
        drawLine(dl, font, ImVec2(min.x + (width - w) / 2, y), colour, line);
        y += font->FontSize;
    }
}

void drawEraseIcon(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour, float unit) {
    const ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
    const float s = std::min(max.x - min.x, max.y - min.y) * 0.22f;
    const float line = std::max(2.0f, unit * 0.09f);
    const ImVec2 pts[] = {{c.x - s * 1.7f, c.y}, {c.x - s * 0.8f, c.y - s}, {c.x + s * 1.5f, c.y - s},
                          {c.x + s * 1.5f, c.y + s}, {c.x - s * 0.8f, c.y + s}};
    dl->AddPolyline(pts, 5, colour, ImDrawFlags_Closed, line);
    const float x = s * 0.45f;
    dl->AddLine(ImVec2(c.x + s * 0.35f - x, c.y - x), ImVec2(c.x + s * 0.35f + x, c.y + x), colour, line);
    dl->AddLine(ImVec2(c.x + s * 0.35f - x, c.y + x), ImVec2(c.x + s * 0.35f + x, c.y - x), colour, line);
}

void centredText(Ctx& ctx, ImFont* font, std::string_view s, ImU32 colour, float width) {
    ctx.say(s);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = textHeight(font, s, width);
    drawCentredText(ImGui::GetWindowDrawList(), font, at, ImVec2(at.x + width, at.y + h), colour, s);
    ImGui::Dummy(ImVec2(width, h));
}


} // namespace kiosk::ui
