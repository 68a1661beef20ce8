#include <storage/calendar.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <test_support/time_zone.hpp>

using namespace kiosk::storage;

namespace Catch {
template <> struct StringMaker<Date> {
    static std::string convert(const Date& d) { return toIso(d); }
};
} // namespace Catch

namespace {

using kiosk::test::TimeZone;

} // namespace

TEST_CASE("bank holidays match the published GOV.UK England and Wales dates", "[calendar]") {
    CHECK(bankHolidays(2024) == std::vector<Date>{{2024, 1, 1},
                                                  {2024, 3, 29},
                                                  {2024, 4, 1},
                                                  {2024, 5, 6},
                                                  {2024, 5, 27},
                                                  {2024, 8, 26},
                                                  {2024, 12, 25},
                                                  {2024, 12, 26}});
    CHECK(bankHolidays(2025) == std::vector<Date>{{2025, 1, 1},
                                                  {2025, 4, 18},
                                                  {2025, 4, 21},
                                                  {2025, 5, 5},
                                                  {2025, 5, 26},
                                                  {2025, 8, 25},
                                                  {2025, 12, 25},
                                                  {2025, 12, 26}});
    // Boxing Day is a Saturday: its substitute is Monday 28.
    CHECK(bankHolidays(2026) == std::vector<Date>{{2026, 1, 1},
                                                  {2026, 4, 3},
                                                  {2026, 4, 6},
                                                  {2026, 5, 4},
                                                  {2026, 5, 25},
                                                  {2026, 8, 31},
                                                  {2026, 12, 25},
                                                  {2026, 12, 28}});
    // Christmas is a Saturday: substitutes on Monday 27 and Tuesday 28.
    CHECK(bankHolidays(2027) == std::vector<Date>{{2027, 1, 1},
                                                  {2027, 3, 26},
                                                  {2027, 3, 29},
                                                  {2027, 5, 3},
                                                  {2027, 5, 31},
                                                  {2027, 8, 30},
                                                  {2027, 12, 27},
                                                  {2027, 12, 28}});
}

TEST_CASE("New Year's Day at a weekend is observed the following Monday", "[calendar]") {
    CHECK(bankHolidays(2021).front() == Date{2021, 1, 1}); // a Friday stays put
    CHECK(bankHolidays(2022).front() == Date{2022, 1, 3}); // Saturday
    CHECK(bankHolidays(2023).front() == Date{2023, 1, 2}); // Sunday
    CHECK(bankHolidays(2028).front() == Date{2028, 1, 3}); // Saturday
}

TEST_CASE("Christmas and Boxing Day at a weekend are observed on the following weekdays", "[calendar]") {
    const auto lastTwo = [](int year) {
        const auto days = bankHolidays(year);
        REQUIRE(days.size() == 8);
        return std::vector<Date>(days.end() - 2, days.end());
    };
    CHECK(lastTwo(2022) == std::vector<Date>{{2022, 12, 26}, {2022, 12, 27}}); // Christmas on Sunday
    CHECK(lastTwo(2021) == std::vector<Date>{{2021, 12, 27}, {2021, 12, 28}}); // Christmas on Saturday
    CHECK(lastTwo(2020) == std::vector<Date>{{2020, 12, 25}, {2020, 12, 28}}); // Boxing Day on Saturday
    CHECK(lastTwo(2019) == std::vector<Date>{{2019, 12, 25}, {2019, 12, 26}}); // Wednesday and Thursday
}

TEST_CASE("Easter Sunday follows the Gregorian computus", "[calendar]") {
    CHECK(easterSunday(2024) == Date{2024, 3, 31});
    CHECK(easterSunday(2025) == Date{2025, 4, 20});
    CHECK(easterSunday(2026) == Date{2026, 4, 5});
    CHECK(easterSunday(2027) == Date{2027, 3, 28});
    CHECK(easterSunday(2038) == Date{2038, 4, 25}); // the latest possible
    CHECK(easterSunday(2285) == Date{2285, 3, 22}); // the earliest possible
    CHECK(easterSunday(2000) == Date{2000, 4, 23});
}

TEST_CASE("weekday numbers Monday 1 to Sunday 7", "[calendar]") {
    CHECK(weekday({2026, 11, 23}) == 1);
    CHECK(weekday({2026, 11, 24}) == 2);
    CHECK(weekday({1970, 1, 1}) == 4);
    CHECK(weekday({2026, 11, 21}) == 6);
    CHECK(weekday({2024, 12, 29}) == 7);
    CHECK(weekday({2000, 2, 29}) == 2);
    CHECK(weekday({1600, 3, 1}) == 3);
}

TEST_CASE("addDays crosses month, year and leap-day boundaries", "[calendar]") {
    CHECK(addDays({2026, 1, 31}, 1) == Date{2026, 2, 1});
    CHECK(addDays({2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(addDays({2024, 2, 28}, 2) == Date{2024, 3, 1});
    CHECK(addDays({2023, 2, 28}, 1) == Date{2023, 3, 1});
    CHECK(addDays({1900, 2, 28}, 1) == Date{1900, 3, 1});
    CHECK(addDays({2000, 3, 1}, -1) == Date{2000, 2, 29});
    CHECK(addDays({2026, 12, 31}, 1) == Date{2027, 1, 1});
    CHECK(addDays({2027, 1, 1}, -1) == Date{2026, 12, 31});
    CHECK(addDays({1970, 1, 1}, -1) == Date{1969, 12, 31});
    CHECK(addDays({2024, 2, 28}, 366) == Date{2025, 2, 28});
    CHECK(addDays({2026, 1, 1}, 146097) == Date{2426, 1, 1});
    CHECK(addDays({2026, 11, 24}, -100000) == Date{1753, 2, 8});
    CHECK(addDays({2026, 11, 24}, 0) == Date{2026, 11, 24});
}

TEST_CASE("parseIsoDate accepts real dates in exact YYYY-MM-DD form only", "[calendar]") {
    CHECK(parseIsoDate("2026-12-24") == Date{2026, 12, 24});
    CHECK(parseIsoDate("2024-02-29") == Date{2024, 2, 29});
    CHECK(parseIsoDate("2000-02-29") == Date{2000, 2, 29});
    CHECK(parseIsoDate("2026-01-31") == Date{2026, 1, 31});
    CHECK_FALSE(parseIsoDate("2026-02-29"));
    CHECK_FALSE(parseIsoDate("1900-02-29"));
    CHECK_FALSE(parseIsoDate("2026-13-01"));
    CHECK_FALSE(parseIsoDate("2026-00-10"));
    CHECK_FALSE(parseIsoDate("2026-04-31"));
    CHECK_FALSE(parseIsoDate("2026-01-00"));
    CHECK_FALSE(parseIsoDate("2026-1-01"));
    CHECK_FALSE(parseIsoDate("2026-01-1"));
    CHECK_FALSE(parseIsoDate("2026-12-24x"));
    CHECK_FALSE(parseIsoDate("2026-12-24 "));
    CHECK_FALSE(parseIsoDate(" 2026-12-24"));
    CHECK_FALSE(parseIsoDate("2026/12/24"));
    CHECK_FALSE(parseIsoDate("+026-12-24"));
    CHECK_FALSE(parseIsoDate("2026-12-2a"));
    CHECK_FALSE(parseIsoDate(""));
}

TEST_CASE("toIso writes zero-padded dates that parse back", "[calendar]") {
    CHECK(toIso({2026, 12, 24}) == "2026-12-24");
    CHECK(toIso({987, 3, 5}) == "0987-03-05");
    CHECK(parseIsoDate(toIso({2028, 2, 29})) == Date{2028, 2, 29});
}

TEST_CASE("localDate gives the date in the kiosk's time zone, not UTC", "[calendar]") {
    using namespace std::chrono;
    const auto noonUtc = sys_days{year{2026} / June / 15} + hours{12};
    {
        const TimeZone zone("UTC0");
        CHECK(localDate(noonUtc) == Date{2026, 6, 15});
    }
    {
        const TimeZone zone("KIR-14"); // 14 hours ahead: already the next morning
        CHECK(localDate(noonUtc) == Date{2026, 6, 16});
    }
    {
        const TimeZone zone("BST-1");
        CHECK(localDate(sys_days{year{2026} / December / 31} + hours{23} + minutes{30}) == Date{2027, 1, 1});
    }
}

TEST_CASE("working days leave out weekends, bank holidays and closures", "[calendar]") {
    const WorkingDays days({{2026, 11, 26}});
    CHECK(days.isWorkingDay({2026, 11, 24}));
    CHECK_FALSE(days.isWorkingDay({2026, 11, 21})); // Saturday
    CHECK_FALSE(days.isWorkingDay({2026, 11, 22})); // Sunday
    CHECK_FALSE(days.isWorkingDay({2026, 12, 28})); // Boxing Day substitute
    CHECK_FALSE(days.isWorkingDay({2026, 11, 26})); // closure
    CHECK(WorkingDays().isWorkingDay({2026, 11, 26}));
    CHECK(days.nextWorkingDay({2026, 11, 20}) == Date{2026, 11, 23});
    CHECK(days.nextWorkingDay({2026, 11, 25}) == Date{2026, 11, 27});
}

TEST_CASE("acknowledgeBy is the end of the next working day after receipt", "[calendar]") {
    const WorkingDays days;
    CHECK(days.acknowledgeBy({2026, 11, 23}) == Date{2026, 11, 24}); // Monday
    CHECK(days.acknowledgeBy({2026, 11, 27}) == Date{2026, 11, 30}); // Friday
    CHECK(days.acknowledgeBy({2026, 11, 21}) == Date{2026, 11, 24}); // Saturday: received Monday
    CHECK(days.acknowledgeBy({2026, 11, 22}) == Date{2026, 11, 24}); // Sunday: received Monday
    // Christmas Eve: 25 and 28 are bank holidays and 26 and 27 the weekend.
    CHECK(days.acknowledgeBy({2026, 12, 24}) == Date{2026, 12, 29});
    // Maundy Thursday: Good Friday, the weekend and Easter Monday all pass first.
    CHECK(days.acknowledgeBy({2026, 4, 2}) == Date{2026, 4, 7});
    // Good Friday itself: received Tuesday, due Wednesday.
    CHECK(days.acknowledgeBy({2026, 4, 3}) == Date{2026, 4, 8});
}

TEST_CASE("acknowledgeBy skips closure dates given in any order", "[calendar]") {
    CHECK(WorkingDays().acknowledgeBy({2026, 11, 24}) == Date{2026, 11, 25});
    const WorkingDays closed({{2026, 11, 27}, {2026, 11, 25}, {2026, 11, 25}});
    CHECK(closed.acknowledgeBy({2026, 11, 24}) == Date{2026, 11, 26});
    CHECK(closed.acknowledgeBy({2026, 11, 25}) == Date{2026, 11, 30}); // received 26, then 27 is closed
}

TEST_CASE("workingDaysBetween counts working days after from up to and including to", "[calendar]") {
    const WorkingDays days;
    CHECK(days.workingDaysBetween({2026, 11, 20}, {2026, 11, 23}) == 1); // Friday to Monday
    CHECK(days.workingDaysBetween({2026, 11, 20}, {2026, 11, 27}) == 5);
    // Christmas, the weekend and the Boxing Day substitute.
    CHECK(days.workingDaysBetween({2026, 12, 24}, {2026, 12, 29}) == 1);
    CHECK(days.workingDaysBetween({2026, 12, 24}, {2026, 12, 30}) == 2);
    CHECK(days.workingDaysBetween({2026, 12, 31}, {2027, 1, 4}) == 1);     // New Year's Day, then a weekend
    CHECK(days.workingDaysBetween({2026, 4, 2}, {2026, 4, 10}) == 4);      // Easter
    CHECK(days.workingDaysBetween({2025, 12, 31}, {2026, 12, 31}) == 253); // 261 weekdays less 8 holidays
    CHECK(days.workingDaysBetween({2026, 11, 24}, {2026, 11, 24}) == 0);
    CHECK(days.workingDaysBetween({2026, 11, 27}, {2026, 11, 20}) == 0);
    CHECK(WorkingDays({{2026, 11, 23}}).workingDaysBetween({2026, 11, 20}, {2026, 11, 24}) == 1);
}
