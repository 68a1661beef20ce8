#pragma once

#include "../flow/event.hpp"
#include "../flow/state.hpp"
#include "../ui/ctx.hpp"
#include "../ui/widgets.hpp"

#include <optional>

namespace kiosk::screens {

using MaybeEvent = std::optional<flow::Event>;

/// Draws the whole kiosk for this frame (screen, bars and any overlay) and returns what was tapped.
[[nodiscard]] MaybeEvent drawFrame(const flow::State& state, ui::Ctx& ctx);

// One function per screen, each in its own file.
[[nodiscard]] MaybeEvent drawWelcome(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawKind(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawStory(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawCheck(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawSending(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawThankYou(const flow::State& state, ui::Ctx& ctx);

// Parts shared by screens.
/// The bar along the top: back, the other language, start again (and the demo banner).
[[nodiscard]] MaybeEvent drawTopBar(const flow::State& state, ui::Ctx& ctx);
/// The screen's forward button, at the foot of the screen.
[[nodiscard]] MaybeEvent drawBottomBar(ui::Ctx& ctx, MaybeEvent forward, i18n::Key label,
                                       ui::ButtonStyle style = ui::ButtonStyle::Primary);
[[nodiscard]] float bottomBarHeight(const ui::Ctx& ctx);
/// Height left between the cursor and the bottom bar.
[[nodiscard]] float roomAboveBottomBar(const ui::Ctx& ctx);
/// The on-screen keyboard in a rectangle of this size at the cursor.
[[nodiscard]] MaybeEvent drawKeyboard(const flow::State& state, ui::Ctx& ctx, ImVec2 size);
/// Every character the on-screen keyboard can show, so that the font atlas holds them all.
[[nodiscard]] std::string keyboardCharacters();
/// Keys typed on a physical keyboard, if one is attached.
[[nodiscard]] MaybeEvent physicalKeys();
/// "Are you still there?" and "Start again?" drawn over the screen.
[[nodiscard]] MaybeEvent drawOverlay(const flow::State& state, ui::Ctx& ctx);

/// The key of the text naming a kind of submission: "something went wrong", and so on.
[[nodiscard]] i18n::Key kindTitleKey(flow::Kind kind);

} // namespace kiosk::screens
