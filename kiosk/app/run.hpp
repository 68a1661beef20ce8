#pragma once

#include <app/options.hpp>

namespace kiosk::app {

/// Opens the window, then the kiosk in its data folder (making a demo kiosk there if it is new),
/// and runs it until it is closed; returns the process exit code.
[[nodiscard]] int runKiosk(const Options& options);

/// Renders every screen in both languages to PNG files; returns the process exit code.
[[nodiscard]] int runTour(const Options& options);

} // namespace kiosk::app
