#include <ui/theme.hpp>

namespace kiosk::ui {

void applyTheme(const Theme& theme, float fontPx) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(fontPx, fontPx * 0.6f);
    style.ItemSpacing = ImVec2(fontPx * 0.5f, fontPx * 0.5f);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ScrollbarSize = fontPx * 0.5f;
    style.TouchExtraPadding = ImVec2(0, 0);
    // The kiosk samples the font atlas without filtering (app/window.cpp); thin lines drawn from
    // the atlas's baked lines would need it, so lines are drawn as shapes.
    style.AntiAliasedLinesUseTex = false;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.background);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.text);
    style.Colors[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(theme.background);
}

} // namespace kiosk::ui
