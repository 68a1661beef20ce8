#include <intake/locale.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace kiosk::intake {

using namespace i18n::literals;

std::filesystem::path resourceDir() {
    if (const char* env = std::getenv("KIOSK_RESOURCES"); env != nullptr && *env != '\0')
        return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "cafcass-cymru-kiosk";
        if (std::filesystem::exists(installed / "locales"))
            return installed;
    }
    return KIOSK_SOURCE_DIR;
}

i18n::Catalogue loadCatalogue(const std::string& language) {
    return i18n::Catalogue::load(resourceDir() / "locales" / (language + ".po"));
}

std::string formatDate(const i18n::Catalogue& lang, storage::Date date) {
    static constexpr i18n::Key kWeekdays[] = {"date.weekday.1"_key, "date.weekday.2"_key, "date.weekday.3"_key,
                                              "date.weekday.4"_key, "date.weekday.5"_key, "date.weekday.6"_key,
                                              "date.weekday.7"_key};
    static constexpr i18n::Key kMonths[] = {"date.month.1"_key,  "date.month.2"_key,  "date.month.3"_key,
                                            "date.month.4"_key,  "date.month.5"_key,  "date.month.6"_key,
                                            "date.month.7"_key,  "date.month.8"_key,  "date.month.9"_key,
                                            "date.month.10"_key, "date.month.11"_key, "date.month.12"_key};
    const auto weekday = static_cast<std::size_t>(std::clamp(storage::weekday(date), 1, 7) - 1);
    const auto month = static_cast<std::size_t>(std::clamp(date.month, 1, 12) - 1);
    const auto day = i18n::format(lang.text("date.format"_key), {{"weekday", lang.text(kWeekdays[weekday])},
                                                                 {"day", std::to_string(date.day)},
                                                                 {"month", lang.text(kMonths[month])}});
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
