#pragma once

#include <i18n/catalogue.hpp>

#include <filesystem>
#include <string>

namespace kiosk::i18n {

/// The folder holding assets/ and locales/, for the kiosk and intake alike: $KIOSK_RESOURCES, else
/// the source folder for a program run from the build folder, else the installed share folder
/// fixed when the build was configured (share/cafcass-cymru-kiosk under the install prefix).
[[nodiscard]] std::filesystem::path resourceDir();

/// A day as the language writes it, without the year: "dydd Mawrth 24 Tachwedd", "Tuesday 24
/// November". weekday is 1 (Monday) to 7 (Sunday).
[[nodiscard]] std::string formatDay(const Catalogue& lang, int weekday, int day, int month);

} // namespace kiosk::i18n
