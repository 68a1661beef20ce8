#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// A calendar date (proleptic Gregorian).
struct Date {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
    auto operator<=>(const Date&) const = default;
};

/// 1 = Monday ... 7 = Sunday (ISO 8601).
[[nodiscard]] int weekday(Date d);
/// The date n days later (n may be negative).
[[nodiscard]] Date addDays(Date d, int n);
/// Easter Sunday (Gregorian computus).
[[nodiscard]] Date easterSunday(int year);
/// The bank holidays of England and Wales in a year, sorted, computed by rule: New Year's Day,
/// Good Friday, Easter Monday, the early May bank holiday (first Monday of May), the spring bank
/// holiday (last Monday of May), the summer bank holiday (last Monday of August), Christmas Day and
/// Boxing Day, with substitute days when New Year's Day, Christmas Day or Boxing Day fall at a weekend
/// (Christmas on Saturday -> Monday 27 and Boxing Day's substitute Tuesday 28; Christmas on Sunday ->
/// Boxing Day Monday 26 stays and Christmas's substitute is Tuesday 27; Boxing Day on Saturday ->
/// Monday 28; New Year's Day on Saturday or Sunday -> the following Monday).
/// One-off changes (jubilees, state funerals) are not computed: they come in as closure dates.
[[nodiscard]] std::vector<Date> bankHolidays(int year);
/// "2026-12-24" -> Date; nullopt for anything that is not a real date in that exact form.
[[nodiscard]] std::optional<Date> parseIsoDate(std::string_view text);
/// Date -> "2026-12-24".
[[nodiscard]] std::string toIso(Date d);
/// The local calendar date of a moment (the kiosk's time zone, via localtime_r).
[[nodiscard]] Date localDate(std::chrono::system_clock::time_point t);

/// Working days: Monday to Friday except bank holidays of England and Wales and closure dates.
class WorkingDays {
public:
    /// Closures may come in any order and repeat: a list typed in by staff need not be tidy.
    explicit WorkingDays(std::vector<Date> closures = {});
    /// Whether the complaints team is at work that day.
    [[nodiscard]] bool isWorkingDay(Date d) const;
    /// The first working day strictly after d.
    [[nodiscard]] Date nextWorkingDay(Date d) const;
    /// The day by whose end a submission made on day d must be acknowledged: the end of the next
    /// working day after the day it counts as received (d itself if d is a working day, otherwise
    /// the first working day after d). Saturday 21 Nov 2026 -> received Monday 23 -> due Tuesday 24.
    [[nodiscard]] Date acknowledgeBy(Date submitted) const;
    /// Working days after `from` up to and including `to` (0 if to <= from): for "overdue by".
    [[nodiscard]] int workingDaysBetween(Date from, Date to) const;

private:
    std::vector<Date> m_closures; // sorted
};

} // namespace kiosk::storage
