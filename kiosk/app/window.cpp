#include <app/window.hpp>

#include <screens/screens.hpp>
#include <ui/fonts.hpp>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

namespace kiosk::app {
namespace {

void readBackBuffer(int width, int height, Window::Capture& out) {
    out.width = width;
    out.height = height;
    out.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
    // OpenGL's rows start at the bottom.
    const auto row = static_cast<std::ptrdiff_t>(width) * 4;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(out.rgba.begin() + y * row, out.rgba.begin() + (y + 1) * row,
                         out.rgba.begin() + (height - 1 - y) * row);
}

// Mesa's software renderers, which fill every pixel on the CPU.
bool drawnByCpu() {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return renderer != nullptr && (std::strstr(renderer, "llvmpipe") != nullptr || std::strstr(renderer, "softpipe") != nullptr);
}

} // namespace

Texts loadTexts(const std::filesystem::path& resources) {
    return {i18n::Catalogue::load(resources / "locales" / "cy.po"), i18n::Catalogue::load(resources / "locales" / "en.po")};
}

void setUpUi(ui::Ctx& ctx, const Texts& texts, const std::filesystem::path& resources, float width, float height) {
    ctx.keyboard = screens::loadKeyboard(resources / "assets" / "keyboard.txt");
    // The dot the screens put between the two languages is in no catalogue.
    std::string allText = ctx.keyboard.characters() + "·";
    for (const auto* catalogue : {&texts.welsh, &texts.english})
        for (const auto& [key, forms] : catalogue->all())
            for (const auto& form : forms)
                allText += form;
    ui::loadFonts(ctx, *ImGui::GetIO().Fonts, resources / "assets", ui::fontSizeFor(width, height), allText);
    ctx.welsh = &texts.welsh;
    ctx.english = &texts.english;
    ctx.current = &texts.welsh;
    ui::applyTheme(ctx.theme, ctx.unit);
}

Window::Window(bool fullScreen, int width, int height, const char* title) : m_fullScreen(fullScreen) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0'))
        throw std::runtime_error(
            "There is no display to show the kiosk on (DISPLAY is not set).\n"
            "To try it without a screen, run it under a virtual one:\n"
            "  xvfb-run -s '-screen 0 1280x800x24' build/kiosk/kiosk --windowed\n"
            "(the xvfb package provides xvfb-run).");
    if (glfwInit() == GLFW_FALSE)
        throw std::runtime_error("The display could not be opened (GLFW could not start). Is the X server running?");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWmonitor* monitor = nullptr;
    if (fullScreen) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr) {
            width = mode->width;
            height = mode->height;
        }
    } else {
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    }
    m_window = glfwCreateWindow(width, height, title, monitor, nullptr);
    if (m_window == nullptr) {
        glfwTerminate();
        throw std::runtime_error("The kiosk window could not be created (no OpenGL 3 on this display?).");
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    glfwGetFramebufferSize(m_window, &m_bufferWidth, &m_bufferHeight);
    // Under a software renderer every pixel drawn costs the CPU, and a tap changes a key and a line
    // of words: drawing and sending only what changed makes most frames a small fraction of a whole
    // one. A GPU draws a whole frame in well under a millisecond and keeps its swap, in step with
    // the screen. KIOSK_WHOLE_FRAMES=1 draws and swaps whole frames every time, for comparison.
    if (const char* whole = std::getenv("KIOSK_WHOLE_FRAMES"); (whole == nullptr || *whole == '\0') && drawnByCpu())
        m_showPart = showPartOfCurrentContext();
    if (m_showPart) {
        // Clearing part of the buffer draws a quad with a shader of Mesa's own, compiled the first
        // time (about 7 ms): at start, not in a child's first tap.
        glEnable(GL_SCISSOR_TEST);
        glScissor(0, 0, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }
    if (const char* check = std::getenv("KIOSK_CHECK_DAMAGE"); check != nullptr && *check != '\0') {
        m_check = std::fopen(check, "a");
        m_checkPicture = std::string(check) + ".ppm";
    }
    if (fullScreen)
        glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN); // a touch screen has no pointer to show

    // Set before ImGui's backend, which keeps them and calls them after its own: they only note that
    // a person did something, so that the run loop draws the frames a tap needs to settle.
    glfwSetWindowUserPointer(m_window, this);
    static constexpr auto noteInput = [](GLFWwindow* w) { static_cast<Window*>(glfwGetWindowUserPointer(w))->m_input = true; };
    glfwSetMouseButtonCallback(m_window, [](GLFWwindow* w, int, int, int) { noteInput(w); });
    glfwSetCursorPosCallback(m_window, [](GLFWwindow* w, double, double) { noteInput(w); });
    glfwSetScrollCallback(m_window, [](GLFWwindow* w, double, double) { noteInput(w); });
    glfwSetKeyCallback(m_window, [](GLFWwindow* w, int, int, int, int) { noteInput(w); });
    glfwSetCharCallback(m_window, [](GLFWwindow* w, unsigned int) { noteInput(w); });
    // The X server lost what the window showed (it was just mapped, or was covered): all of it is
    // shown again from the back buffer, which still holds it.
    glfwSetWindowRefreshCallback(m_window, [](GLFWwindow* w) { static_cast<Window*>(glfwGetWindowUserPointer(w))->m_exposed = true; });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    // ImGui's GLFW backend sets GLFW_CURSOR_NORMAL every frame, which would show the pointer again.
    if (fullScreen)
        io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
    if (m_check != nullptr)
        std::fclose(m_check);
}

ImVec2 Window::size() const {
    int w = 0;
    int h = 0;
    glfwGetWindowSize(m_window, &w, &h);
    return {static_cast<float>(w), static_cast<float>(h)};
}

void Window::beginFrame() {
    ImGui_ImplOpenGL3_NewFrame(); // makes the font texture in the first frame
    if (m_firstFrame) {
        // Glyphs are baked at the size they are drawn and land on whole pixels, and fills sample
        // the atlas's one white pixel: nearest sampling draws the same picture as the backend's
        // linear filtering, for about three quarters of the frame's cost under llvmpipe. (The
        // theme turns off lines drawn from the atlas, which need the filtering.)
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID)));
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    }
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

bool Window::takeInput() { return std::exchange(m_input, false); }

void Window::discardFrame() { ImGui::EndFrame(); }

void Window::endFrame(ImU32 clear, Capture* capture) {
    ImGui::Render();
    ImDrawData& frame = *ImGui::GetDrawData();
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    if (m_showPart && (w != m_bufferWidth || h != m_bufferHeight)) {
        // Mesa's software drivers (drisw) ask the X server for the window's size again only after a
        // swap: a window only ever copied from keeps the back buffer of its first size, and a frame
        // drawn at the new size lands offset in it (by the change in height) and cut off. A swap here
        // shows the last frame once more and makes the drawing below find the new size; what the
        // back buffer then holds is not known.
        glfwSwapBuffers(m_window);
        m_damage.forget();
        m_exposed = true;
    }
    m_bufferWidth = w;
    m_bufferHeight = h;
    glViewport(0, 0, w, h);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(clear);
    glClearColor(c.x, c.y, c.z, 1.0f);
    // What changed is found in framebuffer pixels, which are ImGui's coordinates at scale 1 only, and
    // only while ImGui's size is the framebuffer's (a resize between the two is drawn whole).
    const bool inPixels = frame.DisplayPos.x == 0.0f && frame.DisplayPos.y == 0.0f && frame.FramebufferScale.x == 1.0f &&
                          frame.FramebufferScale.y == 1.0f && static_cast<int>(frame.DisplaySize.x) == w &&
                          static_cast<int>(frame.DisplaySize.y) == h;
    if (m_showPart && inPixels) {
        drawChanged(frame, clear, w, h, capture);
    } else {
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(&frame);
        m_pixelsDrawn = static_cast<long>(w) * h;
        // The swap leaves the back buffer as it pleases, and the damage was not told of this frame.
        m_damage.forget();
        if (capture != nullptr)
            readBackBuffer(w, h, *capture);
        glfwSwapBuffers(m_window);
    }
    if (m_firstFrame) {
        // The font texture is on the GPU now; the CPU copy is not needed again.
        ImGui::GetIO().Fonts->ClearTexData();
        m_firstFrame = false;
    }
}

void Window::drawChanged(ImDrawData& frame, ImU32 clear, int width, int height, Capture* capture) {
    ui::snapClipRects(frame);
    const auto changed = m_damage.update(frame, clear);
    const auto clips = ui::clipRects(frame);
    // The back buffer keeps the last frame (it is never swapped, only copied from): each changed
    // rectangle is cleared and drawn again, with every command clipped to it.
    for (const auto& r : changed) {
        if (r.x1 - r.x0 < width || r.y1 - r.y0 < height) {
            glEnable(GL_SCISSOR_TEST);
            glScissor(r.x0, height - r.y1, r.x1 - r.x0, r.y1 - r.y0);
        }
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
        ui::restrictClipRects(frame, clips, r);
        ImGui_ImplOpenGL3_RenderDrawData(&frame);
    }
    ui::restoreClipRects(frame, clips);
    m_pixelsDrawn = 0;
    for (const auto& r : changed)
        m_pixelsDrawn += r.area();
    if (m_check != nullptr)
        checkChanged(frame, width, height, changed);
    if (capture != nullptr)
        readBackBuffer(width, height, *capture);
    if (std::exchange(m_exposed, false))
        m_showPart(0, 0, width, height);
    else
        for (const auto& r : changed)
            m_showPart(r.x0, height - r.y1, r.x1 - r.x0, r.y1 - r.y0);
}

void Window::checkChanged(ImDrawData& frame, int width, int height, const std::vector<ui::PixelRect>& changed) {
    Capture part;
    Capture whole;
    readBackBuffer(width, height, part);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(&frame);
    readBackBuffer(width, height, whole);
    long differ = 0;
    std::size_t first = 0;
    for (std::size_t i = 0; i < part.rgba.size(); i += 4)
        if (std::memcmp(&part.rgba[i], &whole.rgba[i], 3) != 0 && differ++ == 0)
            first = i / 4;
    std::fprintf(m_check, "frame %ld rects %zu pixels %ld ", ++m_checked, changed.size(), m_pixelsDrawn);
    if (differ == 0)
        std::fprintf(m_check, "same\n");
    else
        std::fprintf(m_check, "differs %ld first %zu %zu\n", differ, first % static_cast<std::size_t>(width),
                     first / static_cast<std::size_t>(width));
    std::fflush(m_check);
    // The whole frame as it should look, for a test to compare with what the X server shows.
    if (changed.empty() && !m_checkPicture.empty() && std::filesystem::exists(m_checkPicture))
        return;
    const std::string unfinished = m_checkPicture + ".part";
    if (std::FILE* out = std::fopen(unfinished.c_str(), "wb")) {
        std::fprintf(out, "P6\n%d %d\n255\n", width, height);
        for (std::size_t i = 0; i < whole.rgba.size(); i += 4)
            std::fwrite(&whole.rgba[i], 1, 3, out);
        if (std::fclose(out) == 0)
            std::rename(unfinished.c_str(), m_checkPicture.c_str());
    }
}

} // namespace kiosk::app
