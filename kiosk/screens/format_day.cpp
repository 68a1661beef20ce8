#include <screens/screens.hpp>

#include <i18n/resources.hpp>

namespace kiosk::screens {

std::string formatDay(const i18n::Catalogue& lang, const flow::Day& day) {
    return i18n::formatDay(lang, day.weekday, day.day, day.month);
}

} // namespace kiosk::screens
