#include <storage/calendar.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <utility>

namespace kiosk::storage {
namespace {

// Days from 0001-01-01 to 1970-01-01, so that day numbers count from the Unix epoch.
constexpr long long kDaysTo1970 = 719162;
constexpr std::array<int, 12> kDaysBeforeMonth = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

// C++ division truncates towards zero; dates before the epoch need it to round down instead.
long long floorDiv(long long a, long long b) {
    return a >= 0 ? a / b : (a - b + 1) / b;
}

long long floorMod(long long a, long long b) {
    return a - floorDiv(a, b) * b;
}

bool isLeap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int daysInMonth(int year, int month) {
    constexpr std::array<int, 12> kLengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kLengths[static_cast<std::size_t>(month - 1)];
}

// Days since 1970-01-01. A month outside 1..12 rolls into the neighbouring years rather than
// reading past the table, so a malformed Date gives a wrong answer but never undefined behaviour.
long long dayNumber(Date d) {
    const long long year = d.year + floorDiv(d.month - 1, 12);
    const auto month = static_cast<int>(floorMod(d.month - 1, 12)) + 1;
    const long long before = year - 1;
    const long long yearStart =
        365 * before + floorDiv(before, 4) - floorDiv(before, 100) + floorDiv(before, 400);
    const int leapDay = month > 2 && isLeap(static_cast<int>(year)) ? 1 : 0;
    return yearStart - kDaysTo1970 + kDaysBeforeMonth[static_cast<std::size_t>(month - 1)] + leapDay + d.day -
           1;
}

Date fromDayNumber(long long n) {
    // A Gregorian year averages 146097 / 400 days, so this guess is at most a year out either way.
    auto year = static_cast<int>(1970 + floorDiv(n * 400, 146097));
    while (dayNumber({year, 1, 1}) > n)
        --year;
    while (dayNumber({year + 1, 1, 1}) <= n)
        ++year;
    auto remaining = static_cast<int>(n - dayNumber({year, 1, 1}));
    int month = 1;
    for (; remaining >= daysInMonth(year, month); ++month)
        remaining -= daysInMonth(year, month);
    return {year, month, remaining + 1};
}

Date firstMonday(int year, int month) {
    const Date first{year, month, 1};
    return addDays(first, (8 - weekday(first)) % 7);
}

Date lastMonday(int year, int month) {
    const Date last{year, month, daysInMonth(year, month)};
    return addDays(last, 1 - weekday(last));
}

std::optional<int> digits(std::string_view text) {
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Checking working days walks day by day; this keeps one year's holidays instead of working them
// out again for every day.
class HolidaysByYear {
public:
    [[nodiscard]] bool contains(Date d) {
        if (m_year != d.year) {
            m_days = bankHolidays(d.year);
            m_year = d.year;
        }
        return std::binary_search(m_days.begin(), m_days.end(), d);
    }

private:
    std::optional<int> m_year;
    std::vector<Date> m_days;
};

bool isWorking(Date d, HolidaysByYear& holidays, const std::vector<Date>& closures) {
    return weekday(d) <= 5 && !holidays.contains(d) &&
           !std::binary_search(closures.begin(), closures.end(), d);
}

} // namespace

int weekday(Date d) {
    // 1970-01-01 was a Thursday.
    return static_cast<int>(floorMod(dayNumber(d) + 3, 7)) + 1;
}

Date addDays(Date d, int n) {
    return fromDayNumber(dayNumber(d) + n);
}

Date easterSunday(int year) {
    // The anonymous Gregorian computus: place the Paschal full moon by the 19-year lunar cycle,
    // corrected for the century years that are not leap years and for the moon's slow drift
    // against that cycle, then step on to the following Sunday.
    const int lunarYear = year % 19;
    const int century = year / 100;
    const int yearOfCentury = year % 100;
    const int moonDrift = (century - (century + 8) / 25 + 1) / 3;
    const int fullMoon = (19 * lunarYear + century - century / 4 - moonDrift + 15) % 30;
    const int toSunday =
        (32 + 2 * (century % 4) + 2 * (yearOfCentury / 4) - fullMoon - yearOfCentury % 4) % 7;
    const int lateMoon = (lunarYear + 11 * fullMoon + 22 * toSunday) / 451;
    const int packed = fullMoon + toSunday - 7 * lateMoon + 114; // month * 31 + (day - 1)
    return {year, packed / 31, packed % 31 + 1};
}

std::vector<Date> bankHolidays(int year) {
    std::vector<Date> days;
    // A fixed-date holiday at a weekend moves to the first weekday not already a holiday. In date
    // order this yields every substitute the rules name: Christmas on a Sunday takes Monday 26, so
    // Boxing Day goes on to Tuesday 27 -- the same two days as "Boxing Day stays, Christmas moves".
    const auto observe = [&days](Date d) {
        while (weekday(d) > 5 || std::find(days.begin(), days.end(), d) != days.end())
            d = addDays(d, 1);
        days.push_back(d);
    };
    observe({year, 1, 1});
    const Date easter = easterSunday(year);
    days.push_back(addDays(easter, -2));
    days.push_back(addDays(easter, 1));
    days.push_back(firstMonday(year, 5));
    days.push_back(lastMonday(year, 5));
    days.push_back(lastMonday(year, 8));
    observe({year, 12, 25});
    observe({year, 12, 26});
    std::sort(days.begin(), days.end());
    return days;
}

std::optional<Date> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto year = digits(text.substr(0, 4));
    const auto month = digits(text.substr(5, 2));
    const auto day = digits(text.substr(8, 2));
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(*year, *month))
        return std::nullopt;
    return Date{*year, *month, *day};
}

std::string toIso(Date d) {
    char out[40];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
    return out;
}

Date localDate(std::chrono::system_clock::time_point t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&secs, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

WorkingDays::WorkingDays(std::vector<Date> closures) : m_closures(std::move(closures)) {
    std::sort(m_closures.begin(), m_closures.end());
    m_closures.erase(std::unique(m_closures.begin(), m_closures.end()), m_closures.end());
}

bool WorkingDays::isWorkingDay(Date d) const {
    HolidaysByYear holidays;
    return isWorking(d, holidays, m_closures);
}

Date WorkingDays::nextWorkingDay(Date d) const {
    HolidaysByYear holidays;
    do
        d = addDays(d, 1);
    while (!isWorking(d, holidays, m_closures));
    return d;
}

Date WorkingDays::acknowledgeBy(Date submitted) const {
    const Date received = isWorkingDay(submitted) ? submitted : nextWorkingDay(submitted);
    return nextWorkingDay(received);
}

int WorkingDays::workingDaysBetween(Date from, Date to) const {
    if (to <= from)
        return 0;
    HolidaysByYear holidays;
    int count = 0;
    for (Date d = addDays(from, 1); d <= to; d = addDays(d, 1))
        if (isWorking(d, holidays, m_closures))
            ++count;
    return count;
}

} // namespace kiosk::storage
