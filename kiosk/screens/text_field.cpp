#include <screens/screens.hpp>

#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// The byte offset in a line nearest to an x position, snapped to whole characters.
std::size_t offsetAt(ImFont* font, std::string_view line, float x) {
    const char* p = line.data();
    const char* end = line.data() + line.size();
    float left = 0;
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        const float w = font->GetCharAdvance(static_cast<ImWchar>(c));
        if (x < left + w / 2)
            break;
        left += w;
        p += std::max(n, 1);
    }
    return static_cast<std::size_t>(p - line.data());
}

} // namespace

BoxTap drawTextBox(ui::Ctx& ctx, const flow::TextField& f, std::string_view id, bool focused, float width,
                   float height, std::string_view placeholder) {
    const std::string& text = f.text();
    ImFont* font = ctx.fonts.body;
    const float pad = ctx.em(0.5f);
    const ImVec2 size(width, height > 0 ? height : font->FontSize + 2 * pad);
    const bool tapped = ImGui::InvisibleButton(std::string(id).c_str(), size);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ui::recordTap(ctx, id, ctx.theme.text, ctx.theme.panel);
    // A box that has just been given the keyboard is scrolled into view once, above the keyboard.
    if (focused && height <= 0 && ctx.scrolledToBox != id) {
        ImGui::SetScrollHereY(0.7f);
        ctx.scrolledToBox = id;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ui::drawBox(dl, ctx, min, max, ctx.theme.panel, focused ? ctx.theme.primary : ctx.theme.border,
                focused ? ui::kTypingFieldBox : ui::kFieldBox);

    const float innerW = size.x - 2 * pad;
    auto lines = ui::wrapLines(font, text, innerW);
    if (lines.empty() || (!text.empty() && text.back() == '\n'))
        lines.emplace_back(text.data() + text.size(), 0);
    // The line holding the cursor: the last whose start is at or before it.
    std::size_t caretLine = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (static_cast<std::size_t>(lines[i].data() - text.data()) <= f.cursor())
            caretLine = i;
    const auto visible = static_cast<std::size_t>(std::max(1.0f, (size.y - 2 * pad) / font->FontSize));
    const std::size_t first = caretLine >= visible ? caretLine - visible + 1 : 0;

    dl->PushClipRect(min, max, true);
    if (text.empty() && !placeholder.empty() && !ui::cutOffAbove(dl, min.y + pad))
        dl->AddText(font, font->FontSize, ImVec2(min.x + pad + ctx.em(0.3f), min.y + pad), ctx.theme.mutedText,
                    placeholder.data(), placeholder.data() + placeholder.size());
    for (std::size_t i = first; i < lines.size() && i < first + visible; ++i) {
        const float y = min.y + pad + static_cast<float>(i - first) * font->FontSize;
        if (ui::cutOffAbove(dl, y))
            continue;
        dl->AddText(font, font->FontSize, ImVec2(min.x + pad, y), ctx.theme.text, lines[i].data(),
                    lines[i].data() + lines[i].size());
        if (focused && i == caretLine) {
            const std::size_t lineStart = static_cast<std::size_t>(lines[i].data() - text.data());
            const std::size_t inLine = std::min(f.cursor() - lineStart, lines[i].size());
            const float x = min.x + pad +
                            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, lines[i].data(), lines[i].data() + inLine).x;
            dl->AddRectFilled(ImVec2(x, y + 2), ImVec2(x + std::max(2.0f, ctx.em(0.09f)), y + font->FontSize - 2),
                              ctx.theme.caret);
        }
    }
    dl->PopClipRect();

    if (!tapped || !focused || text.empty())
        return {tapped, std::nullopt};
    const ImVec2 at = ImGui::GetIO().MousePos;
    const auto row = static_cast<std::size_t>(std::max(0.0f, (at.y - min.y - pad) / font->FontSize)) + first;
    const std::string_view line = lines[std::min(row, lines.size() - 1)];
    const std::size_t lineStart = static_cast<std::size_t>(line.data() - text.data());
    return {true, lineStart + offsetAt(font, line, at.x - min.x - pad)};
}

MaybeEvent drawTextField(const flow::State& state, ui::Ctx& ctx, flow::Field field, std::string_view label,
                         float width, float height) {
    const bool focused = state.focus == field;
    const float top = ImGui::GetCursorPosY();
    if (!label.empty())
        ui::text(ctx, ctx.fonts.bold, label, ctx.theme.text, width);
    const std::string_view id = vocabulary::nameOf(field).key.name; // the same in both languages
    const std::string_view placeholder = field == flow::Field::Story ? ctx.tr("story.placeholder"_key) : "";
    const BoxTap tap = drawTextBox(ctx, state.answers.field(field), id, focused, width, height, placeholder);
    if (focused && height <= 0) {
        const float bottom = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
        ctx.keepInView = ui::Ctx::Band{top, top, bottom, bottom};
    }
    if (!tap.tapped)
        return std::nullopt;
    if (!focused)
        return flow::Focus{field};
    if (tap.cursorAt)
        return flow::PlaceCursor{*tap.cursorAt};
    return std::nullopt;
}

} // namespace kiosk::screens
