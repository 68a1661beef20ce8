#pragma once

#include <flow/state.hpp>
#include <ui/taps.hpp>

#include <filesystem>
#include <string>

namespace kiosk::app {

/// For end-to-end tests: when KIOSK_TAP_MAP names a file, the kiosk keeps in it the screen on show
/// and where each tappable widget is, so that a test can tap widgets by key with real pointer events.
/// Only keys and rectangles are written, never anything a child typed. Lines:
///   screen NAME LANGUAGE overlay N keyboard N shift 0|1 focus N|-
///   tap KEY X0 Y0 X1 Y1 whole|clipped      (clipped: partly scrolled out of view)
///   scroll ID X0 Y0 X1 Y1 can|cannot       (a region that scrolls when dragged)
class TapMap {
public:
    explicit TapMap(const char* file) : m_file(file != nullptr ? file : "") {}
    void write(const flow::State& state, const ui::TapRegistry& taps);

private:
    std::filesystem::path m_file;
    std::string m_last;
};

} // namespace kiosk::app
