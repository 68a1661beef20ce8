#pragma once

#include <app/window.hpp>
#include <core/effect_runner.hpp>
#include <core/identity.hpp>
#include <flow/state.hpp>
#include <flow/step.hpp>
#include <ui/ctx.hpp>
#include <storage/submission.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

/// Drives the real screens in a headless ImGui context (no window, no GPU): draws frames, taps
/// widgets by key with the pointer as a finger would (move, press, release over separate frames),
/// and runs the real effects, so that what a child does reaches a real sealed database.
class UiDriver {
public:
    UiDriver(float width, float height, const std::filesystem::path& dataDir);
    UiDriver(const UiDriver&) = delete;
    UiDriver& operator=(const UiDriver&) = delete;
    ~UiDriver();

    /// Draws one frame, applies what was tapped and any finished saves.
    void frame();
    /// Taps a widget by key, first scrolling it into view by dragging as a finger would; fails the
    /// test if it cannot be found.
    void tap(std::string_view key);
    /// Puts a finger down at a point and keeps it there: a frame to move there, one with it down.
    void press(ImVec2 at);
    /// Lifts the finger where it is, and draws the frames after, as after any input.
    void release();
    /// Drags a finger from one point to another over several frames.
    void drag(ImVec2 from, ImVec2 to);
    /// True if a widget with this key was drawn in the last frame.
    [[nodiscard]] bool visible(std::string_view key) const;
    /// Draws one frame and returns the texts it showed, in drawing order (ImGui's own log of rendered
    /// text): what a child could read there, without what is scrolled out of view.
    [[nodiscard]] std::string shownText();
    /// Types text by tapping the on-screen keyboard: layers, shift and accented letters included.
    void typeOnScreen(std::string_view utf8);
    /// Types on a physical keyboard.
    void typePhysical(std::string_view utf8);
    /// Moves the clock on (the kiosk's only sense of time) and draws a frame.
    void advance(std::chrono::milliseconds by);
    /// Moves the driver's clock on to the state's, after events were given to the state directly
    /// (a tour stop), so that the next frame's Tick does not take time back.
    void catchUp();
    /// Waits for the effects to finish and draws until its result has been applied.
    void settle();
    /// Every submission in the database, opened with the demo secret key, as the sealed JSON names
    /// its fields (FORMAT.md).
    [[nodiscard]] std::vector<nlohmann::json> stored() const;

    flow::State state;
    ui::Ctx ctx;
    std::vector<flow::Script> spoken; // every script "Read it to me" asked the voice to read, in order
    /// Called after each frame is drawn, before what was tapped is applied: for tests that read what
    /// the frame showed (ctx.keysLookedUp, where a test points it).
    std::function<void(const UiDriver&)> afterFrame;

    /// Drags the page, as a child looking would, until the widget under a key is wholly on screen.
    void bringIntoView(std::string_view key);

private:
    void apply(const flow::Event& event);

    std::filesystem::path m_dataDir;
    app::Texts m_texts;
    core::Identity m_identity;
    std::unique_ptr<core::EffectRunner> m_effects;
    flow::Clock::time_point m_now = flow::Clock::time_point{} + std::chrono::hours(1000);
    ImVec2 m_mouse{-1, -1};
    bool m_down = false;
    bool m_logShown = false; // the next frame gives the texts it shows to the clipboard
};

/// True when a text shows in what shownText() read, whatever lines the screen wrapped it onto.
[[nodiscard]] bool shows(const std::string& shown, std::string_view text);

/// A fresh visit for a tour stop: no child's session, staff mode closed, a kiosk that can store.
inline void freshVisit(UiDriver& ui, flow::Language language) {
    flow::resetSession(ui.state);
    ui.state.staff = flow::Staff{};
    ui.state.cannotStore = flow::CannotStore::None;
    ui.state.language = language;
}

} // namespace kiosk::test
