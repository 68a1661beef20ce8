#pragma once

#include <ui/ctx.hpp>

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

enum class ButtonStyle { Primary, Secondary, Key, Quiet, Disabled, Safety };

/// A run of text a line must not end inside: a phone number or a web or e-mail address, as byte
/// offsets [begin, end).
struct Unbreakable {
    std::size_t begin = 0;
    std::size_t end = 0;
};
/// The phone numbers and addresses in a text, which wrapping keeps whole on one line.
[[nodiscard]] std::vector<Unbreakable> unbreakableSpans(std::string_view s);

/// The lines text wraps to, never ending inside a phone number or an address unless it is wider
/// than the whole line, as views into the text (so their offsets can be found).
[[nodiscard]] std::vector<std::string_view> wrapLines(ImFont* font, std::string_view s, float width);

/// Draws text wrapped to width (as wrapLines) line under line from a point.
void drawWrapped(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 colour, std::string_view s, float width);

/// Begins the one full-screen window every screen draws in.
void beginScreen(const Ctx& ctx);
void endScreen();

/// Records the last item as tappable under a key, if any of it is on screen (the visible part).
/// A line of text starting at this height would be cut by the top edge of where it is drawn (a
/// scrolled page's body): it is left out whole, where a sliver of its letters would show as specks.
[[nodiscard]] bool cutOffAbove(const ImDrawList* dl, float top);
void recordTap(Ctx& ctx, std::string_view key, ImU32 text, ImU32 fill);
/// Records the last item drawn as shown under a key, though not tappable (a warning).
void recordShown(Ctx& ctx, std::string_view key);

/// A touch button drawn by the kiosk: no hover colour, text centred and wrapped, recorded in the
/// tap registry under its key. The key is also its ImGui ID, so it stays the same in both languages.
[[nodiscard]] bool button(Ctx& ctx, std::string_view key, std::string_view label, ImVec2 size,
                          ButtonStyle style = ButtonStyle::Primary, ImFont* font = nullptr);

/// How round the corners of a button are.
[[nodiscard]] inline float buttonRounding(const Ctx& ctx) { return ctx.em(kButtonBox.rounding); }

/// A rounded box at the size of this frame's text; a border of 0 colour is left out.
void drawBox(ImDrawList* dl, const Ctx& ctx, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, BoxEm shape);

/// A button whose label is the key's text in the language on screen.
[[nodiscard]] bool button(Ctx& ctx, i18n::Key key, ImVec2 size, ButtonStyle style = ButtonStyle::Primary);

/// A large button with a bold title and a line under it, for choices such as the three doors.
[[nodiscard]] bool choiceButton(Ctx& ctx, std::string_view key, std::string_view title, std::string_view detail,
                                ImVec2 size, bool selected = false);

/// How an option shows that it can be chosen: a round mark (one of several) or a square (any of several).
enum class Mark { Radio, Tick };

/// A full-width option with a mark on the left and wrapped text; returns true when tapped.
[[nodiscard]] bool option(Ctx& ctx, std::string_view key, std::string_view label, float width, bool selected,
                          Mark mark);

/// Starts a region that scrolls when a finger drags it, for screens longer than the display.
void beginScroll(Ctx& ctx, const char* id, ImVec2 size);
/// Ends it; a drag scrolls and cancels the tap it started on, so nothing under the finger fires.
void endScroll(Ctx& ctx);
/// The current scrolling region has more below its bottom edge than the couple of pixels its
/// positions round by: where it is, it can still scroll on.
[[nodiscard]] bool goesOnBelow();

/// A rounded panel whose size follows its content: draw the content between beginPanel and endPanel.
struct Panel {
    ImVec2 start;
    float width = 0;
    float pad = 0;
};
[[nodiscard]] Panel beginPanel(const Ctx& ctx, float width);
void endPanel(const Ctx& ctx, const Panel& panel, ImU32 fill, ImU32 border = 0);
/// The width inside a panel, for text.
[[nodiscard]] inline float innerWidth(const Panel& panel) { return panel.width - 2 * panel.pad; }

/// WCAG 2 contrast ratio between two colours (1 to 21).
[[nodiscard]] float contrastRatio(ImU32 a, ImU32 b);

// The widgets below that draw words also keep them for "Read it to me" (Ctx::say).

/// Wrapped text at the cursor, in a font and colour, no wider than width.
void text(Ctx& ctx, ImFont* font, std::string_view s, ImU32 colour, float width);

/// A point of a list: a drawn dot (the font need not have "•") and wrapped text beside it.
void bullet(Ctx& ctx, std::string_view s, float width);

/// Text centred line by line within width, starting at the cursor.
void centredText(Ctx& ctx, ImFont* font, std::string_view s, ImU32 colour, float width);

/// Width of text on one line.
[[nodiscard]] float textWidth(ImFont* font, std::string_view s);

/// Height of text wrapped to width.
[[nodiscard]] float textHeight(ImFont* font, std::string_view s, float width);

/// Draws text centred line by line inside a rectangle.
void drawCentredText(ImDrawList* dl, ImFont* font, ImVec2 min, ImVec2 max, ImU32 colour, std::string_view s);

/// The "erase back" sign (an outline pointing left with a cross in it), centred in a rectangle.
void drawEraseIcon(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 colour, float unit);


} // namespace kiosk::ui
