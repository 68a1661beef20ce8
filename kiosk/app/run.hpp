#pragma once

#include <core/identity.hpp>
#include <app/options.hpp>

namespace kiosk::app {

/// Runs the kiosk until it is closed; returns the process exit code.
[[nodiscard]] int runKiosk(const Options& options, const core::Identity& identity);

/// Renders every screen in both languages to PNG files; returns the process exit code.
[[nodiscard]] int runTour(const Options& options);

} // namespace kiosk::app
