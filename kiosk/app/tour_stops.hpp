#pragma once

#include <flow/state.hpp>

#include <functional>
#include <vector>

namespace kiosk::app {

/// One screen worth looking at, and the events a child would give to get there (in the language
/// already set on the state). The screenshot tour and the layout tests visit every one.
struct TourStop {
    const char* name;
    std::function<void(flow::State&)> reach;
};

[[nodiscard]] std::vector<TourStop> tourStops();

} // namespace kiosk::app
