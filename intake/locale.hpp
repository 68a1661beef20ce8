#pragma once

#include <i18n/catalogue.hpp>

#include <storage/calendar.hpp>

#include <chrono>
#include <filesystem>
#include <string>

namespace kiosk::intake {

/// The catalogue of a language ("cy" or "en") from i18n::resourceDir()/locales; throws i18n::LoadError.
[[nodiscard]] i18n::Catalogue loadCatalogue(const std::string& language);

/// "dydd Mawrth 24 Tachwedd 2026" / "Tuesday 24 November 2026".
[[nodiscard]] std::string formatDate(const i18n::Catalogue& lang, storage::Date date);
/// The same with the local time of day: "dydd Sadwrn 21 Tachwedd 2026, 14:05".
[[nodiscard]] std::string formatLocalTime(const i18n::Catalogue& lang, std::chrono::system_clock::time_point t);

} // namespace kiosk::intake
