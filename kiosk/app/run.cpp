#include <app/run.hpp>

#include <i18n/resources.hpp>

#include <core/effect_runner.hpp>
#include <core/identity.hpp>

#include <flow/step.hpp>
#include <screens/screens.hpp>
#include <app/frame_log.hpp>
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
#include <tuple>
#include <variant>

namespace kiosk::app {
namespace {

// After input ImGui needs a few frames to settle (a press and a release are each seen in a frame of
// their own, buttons fire on release, layouts measure themselves), and so does a new screen; a
// clock's wake (once a second while "Are you still there?" counts down) needs one frame only.
constexpr int kFramesAfterInput = 3;

// What changes the whole layout: the screen, a panel over it, the language, the box the keyboard is open for.
auto seen(const flow::State& state) {
    return std::make_tuple(state.screen, state.overlay, state.language, state.focus);
}

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
    FrameLog frameLog(std::getenv("KIOSK_FRAME_LOG"));
    flow::State state;
    if (identity.demo && options.askAfterSeconds > 0)
        state.timing.quietBeforeAsking = std::chrono::seconds(options.askAfterSeconds);
    const auto apply = [&](const flow::Event& event) { effects.run(flow::step(state, event)); };

    int framesLeft = kFramesAfterInput;
    while (!glfwWindowShouldClose(window.handle())) {
        if (framesLeft > 0) {
            glfwPollEvents();
            --framesLeft;
        } else if (const auto wake = flow::nextWake(state)) {
            const auto wait = std::chrono::duration<double>(*wake - flow::Clock::now()).count();
            glfwWaitEventsTimeout(std::max(wait, 0.001));
        } else {
            glfwWaitEvents();
        }
        if (window.takeInput())
            framesLeft = kFramesAfterInput;
        frameLog.start();
        const auto before = seen(state);
        for (const auto& result : effects.takeResults())
            apply(result);
        apply(flow::Tick{flow::Clock::now()});

        window.beginFrame();
        // Any finger on the screen is activity, a drag or a touch between buttons included; given
        // before what it tapped, and after the tick, so that the touch counts from now.
        if (screens::touchedThisFrame())
            apply(flow::Touched{});
        auto event = screens::drawFrame(state, ctx);
        if (event) {
            // What a tap did is shown in the frame it landed in: that frame is drawn again after the
            // event, not shown with the old screen first. The tap is not seen twice: ImGui saw its
            // release in the frame put aside. A new screen is drawn twice, as its first drawing
            // measures its own layout (what lies below the fold, where the keyboard goes).
            const auto was = seen(state);
            apply(*event);
            framesLeft = kFramesAfterInput;
            const int passes = seen(state) != was ? 2 : 1;
            event.reset();
            for (int pass = 0; pass < passes && !event; ++pass) {
                window.discardFrame();
                window.beginFrame();
                event = screens::drawFrame(state, ctx);
            }
        }
        frameLog.drawn();
        window.endFrame(ctx.theme.background);
        frameLog.shown(state, window.pixelsDrawn());
        tapMap.write(state, ctx.taps);
        if (event) {
            apply(*event);
            framesLeft = kFramesAfterInput;
        }
        if (before != seen(state))
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
