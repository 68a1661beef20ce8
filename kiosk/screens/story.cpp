#include "screens.hpp"

#include "../flow/step.hpp"
#include "../ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

i18n::Key storyTitleKey(const flow::State& state) {
    switch (state.answers.kind.value_or(flow::Kind::Complaint)) {
    case flow::Kind::Complaint:
        return "story.title.complaint"_key;
    case flow::Kind::Compliment:
        return "story.title.compliment"_key;
    case flow::Kind::Feedback:
        return "story.title.feedback"_key;
    }
    return "story.title.complaint"_key;
}

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

// The child's words in a box, with the cursor drawn where they are typing. Tapping in the box moves
// the cursor there. The box scrolls so that the cursor's line is always in view.
MaybeEvent drawTextBox(const flow::State& state, ui::Ctx& ctx, ImVec2 size) {
    const flow::TextField& field = state.answers.story;
    const std::string& text = field.text();
    ImFont* font = ctx.fonts.body;
    const float pad = ctx.em(0.5f);
    const bool tapped = ImGui::InvisibleButton("story.text", size);
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ctx.taps.record("story.text", {min, max, ctx.theme.text, ctx.theme.panel});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, ctx.theme.panel, ctx.em(0.3f));
    dl->AddRect(min, max, ctx.theme.primary, ctx.em(0.3f), 0, std::max(2.0f, ctx.em(0.08f)));

    const float width = size.x - 2 * pad;
    auto lines = ui::wrapLines(font, text, width);
    if (lines.empty() || (!text.empty() && text.back() == '\n'))
        lines.emplace_back(text.data() + text.size(), 0);
    // The line holding the cursor: the last whose start is at or before it.
    std::size_t caretLine = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (static_cast<std::size_t>(lines[i].data() - text.data()) <= field.cursor())
            caretLine = i;
    const auto visible = static_cast<std::size_t>(std::max(1.0f, (size.y - 2 * pad) / font->FontSize));
    const std::size_t first = caretLine >= visible ? caretLine - visible + 1 : 0;

    dl->PushClipRect(min, max, true);
    if (text.empty())
        dl->AddText(font, font->FontSize, ImVec2(min.x + pad + ctx.em(0.3f), min.y + pad), ctx.theme.mutedText,
                    ctx.tr("story.placeholder"_key).c_str());
    for (std::size_t i = first; i < lines.size() && i < first + visible; ++i) {
        const float y = min.y + pad + static_cast<float>(i - first) * font->FontSize;
        dl->AddText(font, font->FontSize, ImVec2(min.x + pad, y), ctx.theme.text, lines[i].data(),
                    lines[i].data() + lines[i].size());
        if (i == caretLine) {
            const std::size_t lineStart = static_cast<std::size_t>(lines[i].data() - text.data());
            const std::size_t inLine = std::min(field.cursor() - lineStart, lines[i].size());
            const float x = min.x + pad +
                            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, lines[i].data(), lines[i].data() + inLine).x;
            dl->AddRectFilled(ImVec2(x, y + 2), ImVec2(x + std::max(2.0f, ctx.em(0.09f)), y + font->FontSize - 2),
                              ctx.theme.caret);
        }
    }
    dl->PopClipRect();

    if (!tapped || text.empty())
        return std::nullopt;
    const ImVec2 at = ImGui::GetIO().MousePos;
    const auto row = static_cast<std::size_t>(std::max(0.0f, (at.y - min.y - pad) / font->FontSize)) + first;
    const std::string_view line = lines[std::min(row, lines.size() - 1)];
    const std::size_t lineStart = static_cast<std::size_t>(line.data() - text.data());
    return flow::PlaceCursor{lineStart + offsetAt(font, line, at.x - min.x - pad)};
}

} // namespace

MaybeEvent drawStory(const flow::State& state, ui::Ctx& ctx) {
    MaybeEvent event = drawTopBar(state, ctx);
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(ctx.fonts.title, ctx.tr(storyTitleKey(state)), ctx.theme.text, width);
    ui::text(ctx.fonts.body, ctx.tr("story.hint"_key), ctx.theme.mutedText, width);

    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float counterH = ctx.fonts.body->FontSize + spacing;
    const float room = roomAboveBottomBar(ctx) - counterH - 3 * spacing;
    const float keyboardH = std::min(room * 0.6f, ctx.em(11));
    const float boxH = std::max(ctx.em(2.5f), room - keyboardH);
    if (auto e = drawTextBox(state, ctx, ImVec2(width, boxH)))
        event = e;

    const auto& field = state.answers.story;
    const long left = static_cast<long>(field.maxChars() - field.length());
    if (left <= 200) {
        const std::string count = i18n::format(ctx.current->plural("story.chars_left"_key, left),
                                               {{"count", std::to_string(left)}});
        ui::text(ctx.fonts.body, count, left == 0 ? ctx.theme.warningText : ctx.theme.mutedText, width);
    } else {
        ImGui::Dummy(ImVec2(width, ctx.fonts.body->FontSize));
    }
    if (auto e = drawKeyboard(state, ctx, ImVec2(width, keyboardH)))
        event = e;
    if (auto e = physicalKeys())
        event = e;

    // Forward is "Next" once something is written, "Skip" before.
    if (flow::canGoForward(state)) {
        if (auto e = drawBottomBar(ctx, flow::Next{}, "story.next"_key))
            event = e;
    } else if (auto e = drawBottomBar(ctx, flow::SkipStory{}, "story.skip"_key, ui::ButtonStyle::Secondary)) {
        event = e;
    }
    return event;
}

} // namespace kiosk::screens
