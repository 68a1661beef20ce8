#include <app/tap_map.hpp>

#include <storage/files.hpp>

#include <cmath>

namespace kiosk::app {

const char* screenName(flow::Screen screen) {
    switch (screen) {
    case flow::Screen::Welcome: return "welcome";
    case flow::Screen::Kind: return "kind";
    case flow::Screen::Who: return "who";
    case flow::Screen::Help: return "help";
    case flow::Screen::Topics: return "topics";
    case flow::Screen::Court: return "court";
    case flow::Screen::Feelings: return "feelings";
    case flow::Screen::Story: return "story";
    case flow::Screen::PutRight: return "put_right";
    case flow::Screen::Contact: return "contact";
    case flow::Screen::Meeting: return "meeting";
    case flow::Screen::Sharing: return "sharing";
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
                       std::to_string(static_cast<int>(state.keyboard)) + " shift " + (state.shift ? "1" : "0") +
                       " focus " + (state.focus ? std::to_string(static_cast<int>(*state.focus)) : "-") + "\n";
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
