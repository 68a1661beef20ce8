#include <app/run.hpp>

#include <i18n/resources.hpp>

#include <core/effect_runner.hpp>
#include <core/identity.hpp>

#include <flow/step.hpp>
#include <screens/screens.hpp>
#include <app/start_error.hpp>
#include <app/tap_map.hpp>
#include <app/textures.hpp>
#include <app/window.hpp>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <variant>

namespace kiosk::app {
namespace {

// After any input, or when the screen changes, ImGui needs a few frames to settle (buttons fire
// on release, layouts measure themselves); then the loop sleeps until something happens.
constexpr int kFramesAfterInput = 3;

void keepOpen(GLFWwindow* window) { glfwSetWindowShouldClose(window, GLFW_FALSE); }

} // namespace

int runKiosk(const Options& options) {
    const auto resources = i18n::resourceDir();
    Window window(!options.windowed, options.width, options.height, "Cafcass Cymru");
    std::optional<Texts> texts;
    std::optional<core::Identity> started;
    ui::Ctx ctx;
    try {
        texts.emplace(loadTexts(resources));
        // The installed session: a child must never send a real complaint sealed to a demo key,
        // whose secret half is on this tablet, so an unprovisioned tablet shows staff what to do.
        if (options.requireProvisioned && !core::isProvisioned(options.dataDir))
            throw std::runtime_error(
                "this kiosk has not been provisioned: IT runs \"cafcass-cymru-kiosk-admin provision "
                "--public-key team-public.key --name NAME\", then \"cafcass-cymru-kiosk-admin set-pin\" "
                "(/usr/share/doc/cafcass-cymru-kiosk/DEPLOYING.md)");
        // Only once there is somewhere to show it is a kiosk made: a start that cannot run makes nothing.
        started.emplace(core::startKiosk(options.dataDir));
        setUpUi(ctx, *texts, resources, window.size().x, window.size().y);
    } catch (const std::exception& e) {
        // Missing files or an unusable data folder: staff see why on the screen, not a flashing
        // screen as the session restarts the kiosk again and again.
        return showStartError(window, e.what());
    }
    const core::Identity& identity = *started;
    if (!identity.demo)
        glfwSetWindowCloseCallback(window.handle(), keepOpen); // a provisioned kiosk is left only through staff mode
    ctx.demo = identity.demo;
    loadFeelingPictures(ctx, resources);

    // It also starts the sync worker, if the kiosk has a sync folder, once the start check is done.
    core::EffectRunner effects(identity, [] { glfwPostEmptyEvent(); }, core::Speech::Aloud);
    TapMap tapMap(std::getenv("KIOSK_TAP_MAP"));
    flow::State state;
    const auto apply = [&](const flow::Event& event) { effects.run(flow::step(state, event)); };

    int framesLeft = kFramesAfterInput;
    while (!glfwWindowShouldClose(window.handle())) {
        if (framesLeft > 0) {
            glfwPollEvents();
            --framesLeft;
        } else {
            if (const auto wake = flow::nextWake(state)) {
                const auto wait = std::chrono::duration<double>(*wake - flow::Clock::now()).count();
                glfwWaitEventsTimeout(std::max(wait, 0.001));
            } else {
                glfwWaitEvents();
            }
            framesLeft = kFramesAfterInput;
        }
        const auto before = std::make_tuple(state.screen, state.overlay, state.language);
        for (const auto& result : effects.takeResults())
            apply(result);
        apply(flow::Tick{flow::Clock::now()});

        window.beginFrame();
        // Any finger on the screen is activity, a drag or a touch between buttons included; given
        // before what it tapped, and after the tick, so that the touch counts from now.
        if (screens::touchedThisFrame())
            apply(flow::Touched{});
        const auto event = screens::drawFrame(state, ctx);
        window.endFrame(ctx.theme.background);
        tapMap.write(state, ctx.taps);
        if (event) {
            apply(*event);
            framesLeft = kFramesAfterInput;
        }
        if (before != std::make_tuple(state.screen, state.overlay, state.language))
            framesLeft = kFramesAfterInput;
        if (identity.demo && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            glfwSetWindowShouldClose(window.handle(), GLFW_TRUE);
    }
    effects.stop();
    flow::resetSession(state);
    freeFeelingPictures(ctx);
    return 0;
}

} // namespace kiosk::app
