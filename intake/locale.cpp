#include <intake/locale.hpp>

#include <i18n/resources.hpp>

#include <cstdio>
#include <ctime>

namespace kiosk::intake {

using namespace i18n::literals;

i18n::Catalogue loadCatalogue(const std::string& language) {
    return i18n::Catalogue::load(i18n::resourceDir() / "locales" / (language + ".po"));
}

std::string formatDate(const i18n::Catalogue& lang, storage::Date date) {
    const auto day = i18n::formatDay(lang, storage::weekday(date), date.day, date.month);
    return i18n::format(lang.text("intake.date.with_year"_key), {{"date", day}, {"year", std::to_string(date.year)}});
}

std::string formatLocalTime(const i18n::Catalogue& lang, std::chrono::system_clock::time_point t) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.tm_hour, local.tm_min);
    const storage::Date date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    return i18n::format(lang.text("intake.date.with_time"_key), {{"date", formatDate(lang, date)}, {"time", clock}});
}

} // namespace kiosk::intake
