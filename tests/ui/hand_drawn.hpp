#pragma once
// Draw lists made by hand, for the tests of what reads them (what a frame changed, the baked
// boxes): an ImGui context of their own, with no window, no GPU and no imgui.ini.

#include <imgui.h>

#include <functional>
#include <memory>

namespace kiosk::test {

class HandDrawn {
public:
    /// A context for a screen of this size. `fillAtlas` adds to the font atlas and builds it; by
    /// default it is built with ImGui's own font.
    explicit HandDrawn(ImVec2 screen, const std::function<void(ImFontAtlas&)>& fillAtlas = {})
        : m_context(ImGui::CreateContext()), m_screen(screen) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr; // no imgui.ini read or left behind
        io.DisplaySize = screen;
        io.DeltaTime = 1.0f / 60.0f;
        if (fillAtlas)
            fillAtlas(*io.Fonts);
        else
            io.Fonts->Build();
        ImGui::NewFrame(); // sets up what draw lists share: the font, the curves' segment counts
    }
    HandDrawn(const HandDrawn&) = delete;
    HandDrawn& operator=(const HandDrawn&) = delete;
    ~HandDrawn() { ImGui::DestroyContext(m_context); }

    /// An empty draw list covering the screen (or another size), on the atlas's texture, as a
    /// window's begins.
    [[nodiscard]] std::unique_ptr<ImDrawList> newList() const { return newList(m_screen); }
    [[nodiscard]] static std::unique_ptr<ImDrawList> newList(ImVec2 screen) {
        auto list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
        restart(*list, screen);
        return list;
    }
    /// Empties a list and begins it again as newList() does.
    void restart(ImDrawList& list) const { restart(list, m_screen); }
    static void restart(ImDrawList& list, ImVec2 screen) {
        list._ResetForNewFrame();
        list.PushClipRect(ImVec2(0, 0), screen);
        list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    }

private:
    ImGuiContext* m_context;
    ImVec2 m_screen;
};

} // namespace kiosk::test
