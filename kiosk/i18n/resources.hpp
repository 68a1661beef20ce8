#pragma once

#include <i18n/catalogue.hpp>

#include <filesystem>
#include <string>

namespace kiosk::i18n {

/// The folder holding assets/ and locales/, for the kiosk and intake alike: $KIOSK_RESOURCES, then
/// the installed share/cafcass-cymru-kiosk beside the program's bin folder, then the source folder
/// it was built from.
[[nodiscard]] std::filesystem::path resourceDir();

/// A day as the language writes it, without the year: "dydd Mawrth 24 Tachwedd", "Tuesday 24
/// November". weekday is 1 (Monday) to 7 (Sunday).
[[nodiscard]] std::string formatDay(const Catalogue& lang, int weekday, int day, int month);

} // namespace kiosk::i18n
