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
    bool readOn = false; // shown after "More below" was tapped once: the page part way down, a line cut at its top
};

[[nodiscard]] std::vector<TourStop> tourStops();

} // namespace kiosk::app
