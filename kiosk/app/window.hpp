#pragma once

#include <app/show_part.hpp>
#include <i18n/catalogue.hpp>
#include <ui/ctx.hpp>
#include <ui/damage.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

struct GLFWwindow;

namespace kiosk::app {

/// The texts of both languages, read from locales/.
struct Texts {
    i18n::Catalogue welsh;
    i18n::Catalogue english;
};

/// Reads locales/cy.po and locales/en.po; throws i18n::LoadError.
[[nodiscard]] Texts loadTexts(const std::filesystem::path& resources);

/// Reads the on-screen keyboard's keys, loads the fonts for a screen of this size (with every
/// character the texts and keyboard use) and fills ctx: keyboard, sizes, fonts, both catalogues,
/// the theme. Needs a current ImGui context, no window. Throws ui::KeyboardLayoutError.
void setUpUi(ui::Ctx& ctx, const Texts& texts, const std::filesystem::path& resources, float width, float height);

/// The one GLFW window with its OpenGL context and Dear ImGui set up for the kiosk.
class Window {
public:
    /// Opens full screen on the primary monitor, or a window of the given size. Throws
    /// std::runtime_error with a message for the user if there is no display.
    Window(bool fullScreen, int width, int height, const char* title);
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    /// The window's size in screen coordinates.
    [[nodiscard]] ImVec2 size() const;

    /// A frame's pixels as RGBA rows, top row first.
    struct Capture {
        int width = 0;
        int height = 0;
        std::vector<unsigned char> rgba;
    };

    void beginFrame();
    /// Renders and shows the frame; if capture is given, copies the pixels into it first. Where the
    /// display can show part of a frame, only what changed since the last frame is drawn and shown.
    void endFrame(ImU32 clear, Capture* capture = nullptr);
    /// Ends the frame begun without rendering or showing it, so that it can be drawn again.
    void discardFrame();

    /// How many pixels the last frame drew: all of them, some, or none if nothing changed.
    [[nodiscard]] long pixelsDrawn() const { return m_pixelsDrawn; }

    /// Whether a person has touched, moved the pointer or typed since the last call.
    [[nodiscard]] bool takeInput();

    [[nodiscard]] GLFWwindow* handle() const { return m_window; }
    [[nodiscard]] bool fullScreen() const { return m_fullScreen; }

private:
    void drawChanged(ImDrawData& frame, ImU32 clear, int width, int height, Capture* capture);
    void checkChanged(ImDrawData& frame, int width, int height, const std::vector<ui::PixelRect>& changed);

    GLFWwindow* m_window = nullptr;
    bool m_fullScreen;
    bool m_firstFrame = true;
    bool m_input = false;
    ShowPart m_showPart;
    ui::Damage m_damage;
    bool m_exposed = false;
    // The framebuffer's size when the last frame was drawn, which the back buffer has.
    int m_bufferWidth = 0;
    int m_bufferHeight = 0;
    long m_pixelsDrawn = 0;
    // KIOSK_CHECK_DAMAGE=FILE: each frame drawn in part is drawn again whole and compared, the
    // result written to FILE and the whole frame to FILE.ppm (for tests: slow).
    std::FILE* m_check = nullptr;
    std::string m_checkPicture;
    long m_checked = 0;
};

} // namespace kiosk::app
