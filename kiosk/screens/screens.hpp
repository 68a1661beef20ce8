#pragma once

#include <flow/event.hpp>
#include <flow/state.hpp>
#include <ui/ctx.hpp>
#include <ui/widgets.hpp>

#include <array>
#include <bitset>
#include <filesystem>
#include <optional>
#include <string_view>

namespace kiosk::screens {

using MaybeEvent = std::optional<flow::Event>;

/// Draws the whole kiosk for this frame (screen, bars and any overlay) and returns what was tapped.
[[nodiscard]] MaybeEvent drawFrame(const flow::State& state, ui::Ctx& ctx);

/// What "Read it to me" reads on the frame last drawn: its words in drawing order, the Welsh
/// before the English where both show; never what the child typed, the bars or staff mode.
[[nodiscard]] flow::Script spokenScript(const ui::Ctx& ctx);

// One function per screen, each in its own file.
[[nodiscard]] MaybeEvent drawWelcome(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawKind(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawWho(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawHelp(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawTopics(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawCourt(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawFeelings(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawStory(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawPutRight(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawContact(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawMeeting(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawSharing(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawCheck(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawSending(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawThankYou(const flow::State& state, ui::Ctx& ctx);

// Staff mode (flow/staff.hpp), drawn instead of the journey while it is open: one function per
// page, each in its own file, in the staff's language (the PIN pad in both, Welsh first).
[[nodiscard]] MaybeEvent drawStaff(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawStaffPin(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawStaffWhyNot(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawStaffDashboard(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawStaffFolder(const flow::State& state, ui::Ctx& ctx);
[[nodiscard]] MaybeEvent drawStaffNewPin(const flow::State& state, ui::Ctx& ctx);

/// A corner of the display where the hidden gesture is made: nothing is drawn there, and no
/// widget may sit there on Welcome. Recorded in the tap registry under its key (nothing to see,
/// nothing to tap) so that tests and the end-to-end tap map can find it.
struct CornerZone {
    flow::Corner corner;
    std::string_view key; // "staff.corner.top_left", ...
    ImVec2 min;
    ImVec2 max;
};
/// The four corner zones of a display at this position and size: 2.5 em square each.
[[nodiscard]] std::array<CornerZone, 4> cornerZones(ImVec2 origin, ImVec2 size, float unit);

/// The frame of every screen after Welcome: the top bar (back, language, text size, start again),
/// a title, a body that scrolls when dragged, the keyboard while a box is being typed in, and the
/// bottom bar (hide, "I don't feel safe", and the way forward). A screen draws its content between
/// constructing a Page and calling finish().
class Page {
public:
    Page(const flow::State& state, ui::Ctx& ctx, i18n::Key title, std::optional<i18n::Key> hint = std::nullopt);
    Page(const Page&) = delete;
    Page& operator=(const Page&) = delete;

    /// Keeps an event from the content (the last one drawn wins; only one can be tapped a frame).
    void take(MaybeEvent event);
    /// The width of the content column.
    [[nodiscard]] float width() const { return m_width; }
    /// Ends the body and draws what comes under it; returns what was tapped.
    [[nodiscard]] MaybeEvent finish();

private:
    void keepInView();
    void claimEdges();

    const flow::State& m_state;
    ui::Ctx& m_ctx;
    MaybeEvent m_event;
    float m_width = 0;
    float m_keyboardHeight = 0;
    float m_indent = 0;
    float m_moreStrip = 0;          // room under the body for "More below"
    bool m_fresh = false;           // the page's first frame
    bool m_pillWords = true;        // "More below" has its words over the bottom edge while typing
    bool m_pillHeld = false;        // "More below" drawn over the keyboard's edge of the body is pressed
    bool m_largerBottomBar = false; // bigger text, and the bottom bar fits at that size
};

// Parts shared by screens.
/// One tick box per value of a multiple-choice question (topics, ways to put it right), each
/// tapped to toggle; toggle(value) is the event a tap sends.
template <class Enum, std::size_t N, class Toggle>
void drawTicks(Page& page, ui::Ctx& ctx, const std::bitset<N>& chosen, Toggle toggle) {
    for (const auto& row : vocabulary::all<Enum>()) {
        const bool on = chosen.test(static_cast<std::size_t>(row.value));
        if (ui::option(ctx, row.key.name, ctx.tr(row.key), page.width(), on, ui::Mark::Tick))
            page.take(toggle(row.value));
    }
}

/// What was drawn since the box being typed in (its warning) is kept in view above the keyboard
/// with the box. Call it straight after drawing what belongs with the box.
inline void keepWithBox(ui::Ctx& ctx) {
    // Its lower edge, as the box's own is measured, not the cursor under it: the spacing below a
    // warning is room the page can give up.
    if (ctx.keepInView)
        ctx.keepInView->bottom = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
}

/// One round option per value of a question with one answer (who, contact, meeting, sharing);
/// choose(value) is the event a tap sends. Draws under the option chosen what after(value) draws;
/// a box there with the keyboard is kept in view with the option above it.
template <class Enum, class Choose, class After>
void drawRadios(Page& page, ui::Ctx& ctx, const std::optional<Enum>& chosen, Choose choose, After after) {
    for (const auto& row : vocabulary::all<Enum>()) {
        const float top = ImGui::GetCursorPosY();
        if (ui::option(ctx, row.key.name, ctx.tr(row.key), page.width(), chosen == row.value, ui::Mark::Radio))
            page.take(choose(row.value));
        if (chosen != row.value)
            continue;
        const auto before = ctx.keepInView;
        after(row.value);
        // A box typed in under the answer keeps the answer in view with it; what follows the box
        // stays with it only where it says so (keepWithBox): the next box below is not its warning.
        if (ctx.keepInView && ctx.keepInView != before)
            ctx.keepInView->answerTop = top;
    }
}

template <class Enum, class Choose>
void drawRadios(Page& page, ui::Ctx& ctx, const std::optional<Enum>& chosen, Choose choose) {
    drawRadios(page, ctx, chosen, choose, [](Enum) {});
}

/// A box to type into, with its label; tapping it gives it the keyboard, tapping in its text moves
/// the cursor. Multi-line boxes wrap and scroll to keep the cursor in view.
[[nodiscard]] MaybeEvent drawTextField(const flow::State& state, ui::Ctx& ctx, flow::Field field,
                                       std::string_view label, float width, float height = 0);
/// What a tap on a text box asked for: a tap, and where to put the cursor if the box already had it.
struct BoxTap {
    bool tapped = false;
    std::optional<std::size_t> cursorAt; // a byte offset in the text
};
/// A box showing a line (or lines) of text being typed, recorded for tapping under id; with the
/// cursor while focused. The placeholder shows while it is empty.
[[nodiscard]] BoxTap drawTextBox(ui::Ctx& ctx, const flow::TextField& field, std::string_view id, bool focused,
                                 float width, float height = 0, std::string_view placeholder = {});
/// The on-screen keyboard in a rectangle of this size at the cursor.
[[nodiscard]] MaybeEvent drawKeyboard(const flow::State& state, ui::Ctx& ctx, ImVec2 size);
/// Reads the on-screen keyboard's keys (assets/keyboard.txt), which must have a layer for each
/// flow::KeyboardLayer; throws ui::KeyboardLayoutError naming the file and line.
[[nodiscard]] ui::KeyboardLayout loadKeyboard(const std::filesystem::path& file);
/// Keys typed on a physical keyboard, if one is attached.
[[nodiscard]] MaybeEvent physicalKeys();
/// "Read it to me" (while reading, "Stop"), with a loudspeaker drawn beside the words; in both
/// languages, Welsh first, where both show. Tapped, it returns a ReadAloud whose words drawFrame
/// fills in from what the frame said (ui::Ctx::said). Its own words are never read.
[[nodiscard]] MaybeEvent drawReadAloud(const flow::State& state, ui::Ctx& ctx, float height, bool bothLanguages);
/// Its width: the same whether it reads or not.
[[nodiscard]] float readAloudWidth(const ui::Ctx& ctx, const ui::Fonts& fonts, bool bothLanguages);
/// Hide and "I don't feel safe", where a child finds them at every moment: along the bottom of every
/// page, and in the same place over a panel (Welcome: "I don't feel safe" alone, in both languages).
/// Drawn in the current full-screen window.
[[nodiscard]] MaybeEvent drawWaysOut(const flow::State& state, ui::Ctx& ctx);
/// Where a page's top bar ends, in the current window's coordinates: a panel over the page starts
/// below it, so that hide, at the bar's far right, is never under the panel.
[[nodiscard]] float belowTopBar(const flow::State& state, ui::Ctx& ctx);
/// A finger went down this frame, or moved while down: activity, whatever it touched or dragged.
[[nodiscard]] bool touchedThisFrame();
/// The panels drawn over the screen: "Are you still there?", "Start again?", "I don't feel safe".
[[nodiscard]] MaybeEvent drawOverlay(const flow::State& state, ui::Ctx& ctx);
/// "I don't feel safe" and what to do now, in one language.
void drawSafetyAdvice(ui::Ctx& ctx, const i18n::Catalogue& lang, float width);

/// A day as the child reads it: "dydd Mawrth 24 Tachwedd", "Tuesday 24 November".
[[nodiscard]] std::string formatDay(const i18n::Catalogue& lang, const flow::Day& day);

/// The text naming a choice's value (its vocabulary key), for the screen that asks and for Check.
template <class Enum> [[nodiscard]] i18n::Key keyOf(Enum value) { return vocabulary::nameOf(value).key; }

} // namespace kiosk::screens
