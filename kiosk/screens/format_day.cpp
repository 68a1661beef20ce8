#include <screens/screens.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

std::string formatDay(const i18n::Catalogue& lang, const flow::Day& day) {
    static constexpr i18n::Key kWeekdays[] = {"date.weekday.1"_key, "date.weekday.2"_key, "date.weekday.3"_key,
                                              "date.weekday.4"_key, "date.weekday.5"_key, "date.weekday.6"_key,
                                              "date.weekday.7"_key};
    static constexpr i18n::Key kMonths[] = {"date.month.1"_key,  "date.month.2"_key,  "date.month.3"_key,
                                            "date.month.4"_key,  "date.month.5"_key,  "date.month.6"_key,
                                            "date.month.7"_key,  "date.month.8"_key,  "date.month.9"_key,
                                            "date.month.10"_key, "date.month.11"_key, "date.month.12"_key};
    const auto weekday = static_cast<std::size_t>(std::clamp(day.weekday, 1, 7) - 1);
    const auto month = static_cast<std::size_t>(std::clamp(day.month, 1, 12) - 1);
    return i18n::format(lang.text("date.format"_key), {{"weekday", lang.text(kWeekdays[weekday])},
                                                       {"day", std::to_string(day.day)},
                                                       {"month", lang.text(kMonths[month])}});
}

} // namespace kiosk::screens
