#include <core/local_time.hpp>

#include <ctime>

namespace kiosk::core {

using Clock = std::chrono::system_clock;

Clock::time_point localTimeOn(Clock::time_point now, int minutesAfterMidnight) {
    const std::time_t t = Clock::to_time_t(now);
    std::tm local{};
    ::localtime_r(&t, &local);
    local.tm_hour = minutesAfterMidnight / 60;
    local.tm_min = minutesAfterMidnight % 60;
    local.tm_sec = 0;
    local.tm_isdst = -1; // whichever applies on that day
    return Clock::from_time_t(std::mktime(&local));
}

flow::LocalTime toLocalTime(Clock::time_point t) {
    const std::time_t seconds = Clock::to_time_t(t);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_wday == 0 ? 7 : local.tm_wday,
            local.tm_hour * 60 + local.tm_min};
}

} // namespace kiosk::core
