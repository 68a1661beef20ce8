#pragma once

#include <flow/step.hpp>

#include <chrono>
#include <initializer_list>

namespace kiosk::test {

/// Where the flow tests' clocks start: far enough from zero that no timer is already due.
inline const flow::Clock::time_point kStart = flow::Clock::time_point{} + std::chrono::hours(1000);

/// A session whose clock has been told the time once, as the shell does at start.
inline flow::State started() {
    flow::State s;
    (void)flow::step(s, flow::Tick{kStart});
    return s;
}

/// Steps the flow through events in order and collects every effect they asked for.
inline flow::Effects run(flow::State& s, std::initializer_list<flow::Event> events) {
    flow::Effects all;
    for (const auto& e : events)
        for (auto& effect : flow::step(s, e))
            all.push_back(std::move(effect));
    return all;
}

} // namespace kiosk::test
