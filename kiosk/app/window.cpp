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
#include <stdexcept>
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
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(clear);
    glClearColor(c.x, c.y, c.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (capture != nullptr)
        readBackBuffer(w, h, *capture);
    glfwSwapBuffers(m_window);
    if (m_firstFrame) {
        // The font texture is on the GPU now; the CPU copy is not needed again.
        ImGui::GetIO().Fonts->ClearTexData();
        m_firstFrame = false;
    }
}

} // namespace kiosk::app
