#pragma once

#include <screens/screens.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What the staff pages share: their frame, the PIN pad, coloured notices, and the words for times,
// sizes and what an action did. Staff mode only; the journey's pages never use these.

namespace kiosk::screens::staff {

/// A button along the bottom of a staff page. With no event it is shown but cannot be used.
struct BarButton {
    std::string_view key;
    std::string label;
    MaybeEvent event;
    ui::ButtonStyle style = ui::ButtonStyle::Secondary;
};

/// The frame of every staff page after the PIN: along the top the page's title, the switch to the
/// other language and "Leave"; a body that scrolls when dragged; the keyboard while a folder is
/// being typed; and the page's buttons along the bottom. A page draws its content between
/// constructing a Frame and calling finish().
class Frame {
public:
    Frame(const flow::State& state, ui::Ctx& ctx, i18n::Key title, bool keyboard = false);
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;

    /// Keeps an event from the content (the last one drawn wins; only one can be tapped a frame).
    void take(MaybeEvent event);
    /// The width of the content column.
    [[nodiscard]] float width() const { return m_width; }
    /// Ends the body and draws the keyboard (if asked for) and the bar; returns what was tapped.
    [[nodiscard]] MaybeEvent finish(const std::vector<BarButton>& bar);

private:
    const flow::State& m_state;
    ui::Ctx& m_ctx;
    MaybeEvent m_event;
    bool m_keyboard;
    float m_width = 0;
    float m_barHeight = 0;
    float m_keyboardHeight = 0;
    float m_indent = 0;
};

/// How much a notice asks of staff: red must be dealt with now, amber today; green went well.
enum class Tone { Red, Amber, Green, Plain };

/// A panel with a coloured edge: a bold first line (if any), the rest under it, and what the
/// system said for IT (if anything).
void drawNotice(ui::Ctx& ctx, Tone tone, std::string_view title, std::string_view body, float width,
                std::string_view forIt = {});

/// What the last staff action did, in the language on screen, in a panel coloured by how it went.
void drawMessage(ui::Ctx& ctx, const flow::StaffMessage& message, float width);

/// The sentence(s) telling what a staff action did, with its counts and where, never an error code.
[[nodiscard]] std::string messageText(const i18n::Catalogue& lang, const flow::StaffMessage& message);

/// True when the action did what staff asked (or found nothing to do), false when it did not.
[[nodiscard]] bool wentWell(flow::StaffMessage::Kind kind);

/// "17:05": the time of day, minutes after midnight.
[[nodiscard]] std::string formatClock(int minutes);
/// "dydd Mawrth 24 Tachwedd, 14:05".
[[nodiscard]] std::string formatMoment(const i18n::Catalogue& lang, const flow::LocalTime& at);
/// "dydd Mawrth 24 Tachwedd".
[[nodiscard]] std::string formatDate(const i18n::Catalogue& lang, const flow::LocalTime& at);
/// A wait before the next try: "4 min 30 s", "45 s".
[[nodiscard]] std::string formatWait(const i18n::Catalogue& lang, int seconds);
/// Free space: "850 MB", "12.4 GB".
[[nodiscard]] std::string formatBytes(const i18n::Catalogue& lang, std::uintmax_t bytes);

/// The dashboard's details: the oldest and its deadline, last export and receipt, the sync folder,
/// free storage, demo mode, the kiosk's name and its keys' fingerprints.
void drawDetails(ui::Ctx& ctx, const flow::Dashboard& dashboard, float width);
/// The audit log's lines as a table, newest first, in the language on screen.
void drawAudit(ui::Ctx& ctx, const std::vector<flow::AuditLine>& lines, float width);

/// The row of dots showing how many digits have been typed (never the digits), in a box.
void drawPinDots(ui::Ctx& ctx, std::size_t typed, float width);

/// The PIN pad's size for a width and the room below: keys as large as fit, up to a limit.
[[nodiscard]] ImVec2 pinPadSize(const ui::Ctx& ctx, float width, float room);
/// The 3 by 4 PIN pad (1-9, erase, 0, OK) filling a rectangle of this size at the cursor; with
/// `enabled` false it is drawn greyed and sends nothing.
[[nodiscard]] MaybeEvent drawPinPad(ui::Ctx& ctx, ImVec2 size, bool enabled, std::string_view okLabel);
} // namespace kiosk::screens::staff
