#pragma once

#include "../i18n/catalogue.hpp"
#include "taps.hpp"
#include "theme.hpp"

#include <imgui.h>

namespace kiosk::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* title = nullptr; // bold, larger
    ImFont* code = nullptr;  // the reference code on Thank you
};

/// What every screen needs to draw: fonts, sizes, colours, the texts of both languages, the
/// language on screen and the registry of what can be tapped.
struct Ctx {
    Fonts fonts;
    float unit = 24; // the body font's size in pixels; every size is a multiple of it
    Theme theme;
    const i18n::Catalogue* welsh = nullptr;
    const i18n::Catalogue* english = nullptr;
    const i18n::Catalogue* current = nullptr;
    TapRegistry taps;
    bool demo = false;

    [[nodiscard]] float em(float n) const { return n * unit; }
    [[nodiscard]] ImVec2 em(float x, float y) const { return {x * unit, y * unit}; }
    /// The text of a key in the language on screen.
    [[nodiscard]] const std::string& tr(i18n::Key key) const { return current->text(key); }
    [[nodiscard]] const std::string& cy(i18n::Key key) const { return welsh->text(key); }
    [[nodiscard]] const std::string& en(i18n::Key key) const { return english->text(key); }
};

} // namespace kiosk::ui
