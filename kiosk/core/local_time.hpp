#pragma once

#include <flow/staff.hpp>

#include <chrono>

// The kiosk's own clock, as staff read it: local time, in the time zone the tablet is set to.

namespace kiosk::core {

/// The moment a local clock time (minutes after midnight) falls on the local day of `now`.
[[nodiscard]] std::chrono::system_clock::time_point localTimeOn(std::chrono::system_clock::time_point now,
                                                                int minutesAfterMidnight);

/// A moment as the dashboard shows it: its local date, weekday and minutes after midnight.
[[nodiscard]] flow::LocalTime toLocalTime(std::chrono::system_clock::time_point t);

} // namespace kiosk::core
