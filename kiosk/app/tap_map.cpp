#include "tap_map.hpp"

#include "../../storage/files.hpp"

#include <cmath>

namespace kiosk::app {

const char* screenName(flow::Screen screen) {
    switch (screen) {
    case flow::Screen::Welcome: return "welcome";
    case flow::Screen::Kind: return "kind";
    case flow::Screen::Story: return "story";
    case flow::Screen::Check: return "check";
    case flow::Screen::Sending: return "sending";
    case flow::Screen::ThankYou: return "thank_you";
    }
    return "unknown";
}

void TapMap::write(const flow::State& state, const ui::TapRegistry& taps) {
    if (m_file.empty())
        return;
    std::string text = std::string("screen ") + screenName(state.screen) + " " +
                       (state.language == flow::Language::Welsh ? "cy" : "en") + " overlay " +
                       std::to_string(static_cast<int>(state.overlay)) + " keyboard " +
                       std::to_string(static_cast<int>(state.keyboard)) + " shift " + (state.shift ? "1" : "0") + "\n";
    for (const auto& [key, t] : taps.all())
        text += "tap " + key + " " + std::to_string(std::lround(t.min.x)) + " " + std::to_string(std::lround(t.min.y)) +
                " " + std::to_string(std::lround(t.max.x)) + " " + std::to_string(std::lround(t.max.y)) + "\n";
    if (text == m_last)
        return;
    storage::writeFileAtomically(m_file, text);
    m_last = std::move(text);
}

} // namespace kiosk::app
