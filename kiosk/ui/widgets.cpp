#include "widgets.hpp"

#include <algorithm>
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
        return {held ? t.secondaryPressed : t.background, t.primary, 0};
    }
    return {t.primary, t.onPrimary, 0};
}

} // namespace

std::vector<std::string_view> wrapLines(ImFont* font, std::string_view s, float width) {
    std::vector<std::string_view> lines;
    const char* p = s.data();
    const char* end = s.data() + s.size();
    while (p < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(1.0f, p, end, std::max(width, 1.0f));
        if (lineEnd == p)
            lineEnd = p + 1; // a single character wider than the width: never loop forever
        const char* nl = std::find(p, lineEnd, '\n');
        if (nl != lineEnd)
            lineEnd = nl;
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
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("kiosk", nullptr, flags);
}

void endScreen() {
    ImGui::End();
    ImGui::PopFont();
}

bool button(Ctx& ctx, std::string_view key, std::string_view label, ImVec2 size, ButtonStyle style, ImFont* font) {
    const std::string id(key);
    const bool pressed = ImGui::InvisibleButton(id.c_str(), size);
    const Colours c = coloursFor(ctx.theme, style, ImGui::IsItemActive());
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ctx.em(0.35f);
    dl->AddRectFilled(min, max, c.fill, rounding);
    if (c.border != 0)
        dl->AddRect(min, max, c.border, rounding, 0, std::max(1.0f, ctx.em(0.06f)));
    const float pad = ctx.em(0.4f);
    drawCentredText(dl, font != nullptr ? font : ctx.fonts.bold, ImVec2(min.x + pad, min.y), ImVec2(max.x - pad, max.y),
                    c.text, label);
    ctx.taps.record(key, {min, max, c.text, c.fill});
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
    const float rounding = ctx.em(0.45f);
    const ImU32 fill = held ? t.secondaryPressed : (selected ? t.primary : t.secondary);
    const ImU32 titleColour = selected && !held ? t.onPrimary : t.primary;
    const ImU32 detailColour = selected && !held ? t.onPrimary : t.mutedText;
    dl->AddRectFilled(min, max, fill, rounding);
    dl->AddRect(min, max, t.border, rounding, 0, std::max(1.0f, ctx.em(0.08f)));
    const float pad = ctx.em(0.8f);
    const float width = size.x - 2 * pad;
    const float titleH = textHeight(ctx.fonts.title, title, width);
    const float detailH = detail.empty() ? 0 : textHeight(ctx.fonts.body, detail, width) + ctx.em(0.2f);
    const float top = min.y + std::max(pad * 0.5f, (size.y - titleH - detailH) / 2);
    dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, ImVec2(min.x + pad, top), titleColour, title.data(),
                title.data() + title.size(), width);
    if (!detail.empty())
        dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(min.x + pad, top + titleH + ctx.em(0.2f)),
                    detailColour, detail.data(), detail.data() + detail.size(), width);
    ctx.taps.record(key, {min, max, titleColour, fill});
    return pressed;
}

void text(ImFont* font, std::string_view s, ImU32 colour, float width) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void bullet(const Ctx& ctx, std::string_view s, float width) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float indent = ctx.em(1.0f);
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + indent * 0.35f, at.y + ctx.fonts.body->FontSize * 0.55f),
                                                ctx.em(0.14f), ctx.theme.text);
    const float x = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(x + indent);
    text(ctx.fonts.body, s, ctx.theme.text, width - indent);
    ImGui::SetCursorPosX(x);
}

float textHeight(ImFont* font, std::string_view s, float width) {
    return static_cast<float>(wrapLines(font, s, width).size()) * font->FontSize;
}

void drawCentredText(ImDrawList* dl, ImFont* font, ImVec2 min, ImVec2 max, ImU32 colour, std::string_view s) {
    const float width = max.x - min.x;
    const auto lines = wrapLines(font, s, width);
    float y = min.y + ((max.y - min.y) - static_cast<float>(lines.size()) * font->FontSize) / 2;
    for (const auto line : lines) {
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.data(), line.data() + line.size()).x;
        dl->AddText(font, font->FontSize, ImVec2(min.x + (width - w) / 2, y), colour, line.data(),
                    line.data() + line.size());
        y += font->FontSize;
    }
}

void centredText(ImFont* font, std::string_view s, ImU32 colour, float width) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = textHeight(font, s, width);
    drawCentredText(ImGui::GetWindowDrawList(), font, at, ImVec2(at.x + width, at.y + h), colour, s);
    ImGui::Dummy(ImVec2(width, h));
}

void centreNext(float width) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width)
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
}

float columnWidth(const Ctx& ctx) { return std::min(ImGui::GetContentRegionAvail().x, ctx.em(34)); }

} // namespace kiosk::ui
