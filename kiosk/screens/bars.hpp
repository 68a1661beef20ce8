#pragma once

#include <screens/screens.hpp>

// What a page (page.cpp) needs of the bars around it (bars.cpp) to lay itself out between them.

namespace kiosk::screens {

/// Between the bottom bar and what stands above it (the keyboard or the page).
inline constexpr float kGapAboveBottomBarEm = 0.6f;

/// The demo banner and the top bar, from the cursor; leaves the cursor under them.
[[nodiscard]] MaybeEvent drawTopBar(const flow::State& state, ui::Ctx& ctx);
/// The bottom bar, along the window's bottom edge, in the fonts of bottomBarFonts (set by the caller).
[[nodiscard]] MaybeEvent drawBottomBar(const flow::State& state, ui::Ctx& ctx);
/// The bottom bar's fonts: the larger ones with bigger text where the bar still fits across.
[[nodiscard]] const ui::Fonts& bottomBarFonts(const flow::State& state, const ui::Ctx& ctx);
/// The height the bottom bar and the gap above it take.
[[nodiscard]] float spaceForBottomBar(const ui::Fonts& bar);
/// With bigger text, the keyboard up and a screen short for that size (landscape), the room between
/// the bars and the keys is too little for the box and its warning: the bars and the keyboard keep
/// their regular size there.
[[nodiscard]] bool shortOfRoom(const flow::State& state, const ui::Ctx& ctx);
/// The keyboard's height on a screen of this height.
[[nodiscard]] float spaceForKeyboard(const ui::Fonts& keys, float screenHeight);

} // namespace kiosk::screens
