#pragma once

#include <flow/step.hpp>

#include <initializer_list>

namespace kiosk::test {

/// Steps the flow through events in order and collects every effect they asked for.
inline flow::Effects run(flow::State& s, std::initializer_list<flow::Event> events) {
    flow::Effects all;
    for (const auto& e : events)
        for (auto& effect : flow::step(s, e))
            all.push_back(std::move(effect));
    return all;
}

} // namespace kiosk::test
