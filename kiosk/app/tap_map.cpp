#include <app/tap_map.hpp>

#include <flow/journey.hpp>

#include <storage/files.hpp>

#include <cmath>

namespace kiosk::app {

namespace {

std::string_view staffPageName(flow::StaffPage page) {
    switch (page) {
    case flow::StaffPage::Closed: return "closed";
    case flow::StaffPage::Pin: return "pin";
    case flow::StaffPage::WhyNot: return "why_not";
    case flow::StaffPage::Dashboard: return "dashboard";
    case flow::StaffPage::ChooseFolder: return "choose_folder";
    case flow::StaffPage::NewPin: return "new_pin";
    }
    return "?";
}

// Staff mode's page, and the counts the dashboard shows, for the end-to-end scripts.
std::string staffLine(const flow::Staff& staff) {
    std::string line = " staff " + std::string(staffPageName(staff.page)) + " busy " + (staff.busy ? "1" : "0");
    if (staff.dashboard)
        line += " waiting " + std::to_string(staff.dashboard->waiting) + " exported " +
                std::to_string(staff.dashboard->exported);
    return line;
}

} // namespace

void TapMap::write(const flow::State& state, const ui::TapRegistry& taps) {
    if (m_file.empty())
        return;
    std::string text = "screen " + std::string(flow::screenName(state.screen)) + " " +
                       std::string(vocabulary::nameOf(state.language).stored) + " overlay " +
                       std::to_string(static_cast<int>(state.overlay)) + " keyboard " +
                       std::to_string(static_cast<int>(state.keyboard)) + " shift " + (state.shift ? "1" : "0") +
                       " focus " + (state.focus ? std::to_string(static_cast<int>(*state.focus)) : "-") +
                       staffLine(state.staff) + "\n";
    const auto rect = [](ImVec2 min, ImVec2 max) {
        return std::to_string(std::lround(min.x)) + " " + std::to_string(std::lround(min.y)) + " " +
               std::to_string(std::lround(max.x)) + " " + std::to_string(std::lround(max.y));
    };
    for (const auto& [key, t] : taps.all())
        text += "tap " + key + " " + rect(t.min, t.max) + (t.clipped ? " clipped" : " whole") + "\n";
    for (const auto& [id, a] : taps.scrollAreas())
        text += "scroll " + id + " " + rect(a.min, a.max) + (a.canScroll ? " can" : " cannot") + "\n";
    if (text == m_last)
        return;
    storage::writeFileAtomically(m_file, text);
    m_last = std::move(text);
}

} // namespace kiosk::app
