#pragma once

#include <intake/worklist.hpp>

#include <i18n/catalogue.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::intake {

/// Text made safe to put in HTML: & < > " ' as entities (a child's words can hold any of them).
[[nodiscard]] std::string escapeHtml(std::string_view text);

/// The worklist as one printable HTML page in the team's language: A4, no external resources, a
/// block per submission that a page break never splits, in the worklist's order.
[[nodiscard]] std::string toHtml(const Worklist& worklist, const i18n::Catalogue& lang);

/// The submission fields the page shows, each once (a test checks this is every field).
[[nodiscard]] std::vector<std::string_view> fieldsShown();

/// Writes worklist.csv and worklist.html into the home folder, each atomically (mode 0600: they
/// hold children's words in clear). The CSV starts with a byte order mark for spreadsheets.
void writeWorklists(const Home& home, const Worklist& worklist, const i18n::Catalogue& lang);

} // namespace kiosk::intake
