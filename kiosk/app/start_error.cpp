#include <app/start_error.hpp>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace kiosk::app {
namespace {

// Long enough for staff to read and photograph it; short enough that a folder or disk that comes
// back is found again soon.
constexpr auto kShownFor = std::chrono::seconds(60);

} // namespace

int showStartError(Window& window, const std::string& why) {
    std::fprintf(stderr, "kiosk: cannot start: %s\n", why.c_str());
    std::fflush(stderr);

    // What failed may be the fonts or the catalogues themselves, so this screen uses neither: ImGui's
    // own font, scaled to the screen, and words in the code, in Welsh and English, without accents.
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.SizePixels = std::clamp(std::round(std::min(window.size().x, window.size().y) / 32.0f), 13.0f, 40.0f);
    io.Fonts->AddFontDefault(&config);

    const auto until = std::chrono::steady_clock::now() + kShownFor;
    while (!glfwWindowShouldClose(window.handle()) && std::chrono::steady_clock::now() < until) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(until - std::chrono::steady_clock::now());
        window.beginFrame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("start error", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        ImGui::PushTextWrapPos(io.DisplaySize.x - config.SizePixels);
        ImGui::TextUnformatted("Nid yw'r ciosg yn gallu dechrau. Rhowch wybod i aelod o staff.");
        ImGui::TextUnformatted("The kiosk cannot start. Please tell a member of staff.");
        ImGui::NewLine();
        ImGui::TextUnformatted("I'r staff TG / For IT:");
        ImGui::TextWrapped("%s", why.c_str());
        ImGui::NewLine();
        ImGui::TextUnformatted("journalctl -u cafcass-cymru-kiosk");
        ImGui::NewLine();
        ImGui::Text("Rhoi cynnig arall ymhen %d eiliad / Trying again in %d seconds", static_cast<int>(left.count()),
                    static_cast<int>(left.count()));
        ImGui::PopTextWrapPos();
        ImGui::End();
        window.endFrame(IM_COL32(0, 0, 0, 255));
        glfwWaitEventsTimeout(1.0);
    }
    return 1;
}

} // namespace kiosk::app
