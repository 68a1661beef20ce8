#pragma once

#include <app/options.hpp>

namespace kiosk::app {

/// Runs a `kiosk admin` command (README, "Kiosk administration") and returns its exit code: 0 all
/// is well, 1 something staff or IT must act on. Throws what storage throws, for main to print.
[[nodiscard]] int runAdmin(const Options& options);

} // namespace kiosk::app
