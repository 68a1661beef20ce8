#pragma once

#include <app/window.hpp>

#include <string>

namespace kiosk::app {

/// Says on the kiosk's screen, for staff and IT, that the kiosk cannot start and why, and writes
/// why to standard error (the journal under systemd). Returns 1 after a minute, or when the window
/// is closed, so that the session starts the kiosk again: a crash loop shows a steady message
/// instead of a flashing screen.
int showStartError(Window& window, const std::string& why);

} // namespace kiosk::app
