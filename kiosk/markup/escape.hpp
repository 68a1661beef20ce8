#pragma once

#include <string>
#include <string_view>

// One escaping for the markup the project writes: the intake's HTML worklist and the SSML that
// "Read it to me" hands espeak-ng (which reads &#39; as an apostrophe, as a browser shows it).

namespace kiosk::markup {

/// Text made safe to put between tags or in a quoted attribute: & < > " and ' as entities.
[[nodiscard]] inline std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace kiosk::markup
