#include <i18n/resources.hpp>

#include <algorithm>
#include <cstdlib>

namespace kiosk::i18n {

using namespace literals;

std::filesystem::path resourceDir() {
    if (const char* env = std::getenv("KIOSK_RESOURCES"); env != nullptr && *env != '\0')
        return env;
    // Only a program run from the build folder reads the source folder's files: an installed one
    // must never depend on the machine it was built on, and says so if its own files are missing.
    std::error_code exeError;
    std::error_code buildError;
    const auto exe = std::filesystem::canonical("/proc/self/exe", exeError);
    const auto buildDir = std::filesystem::weakly_canonical(KIOSK_BUILD_DIR, buildError);
    if (!exeError && !buildError && std::mismatch(buildDir.begin(), buildDir.end(), exe.begin(), exe.end()).first == buildDir.end())
        return KIOSK_SOURCE_DIR;
    return KIOSK_INSTALLED_RESOURCES;
}

std::string formatDay(const Catalogue& lang, int weekday, int day, int month) {
    static constexpr Key kWeekdays[] = {"date.weekday.1"_key, "date.weekday.2"_key, "date.weekday.3"_key,
                                        "date.weekday.4"_key, "date.weekday.5"_key, "date.weekday.6"_key,
                                        "date.weekday.7"_key};
    static constexpr Key kMonths[] = {"date.month.1"_key,  "date.month.2"_key,  "date.month.3"_key,
                                      "date.month.4"_key,  "date.month.5"_key,  "date.month.6"_key,
                                      "date.month.7"_key,  "date.month.8"_key,  "date.month.9"_key,
                                      "date.month.10"_key, "date.month.11"_key, "date.month.12"_key};
    const auto w = static_cast<std::size_t>(std::clamp(weekday, 1, 7) - 1);
    const auto m = static_cast<std::size_t>(std::clamp(month, 1, 12) - 1);
    return format(lang.text("date.format"_key),
                  {{"weekday", lang.text(kWeekdays[w])}, {"day", std::to_string(day)}, {"month", lang.text(kMonths[m])}});
}

} // namespace kiosk::i18n
