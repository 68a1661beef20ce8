#pragma once

#include <flow/event.hpp>
#include <flow/state.hpp>
#include <ui/ctx.hpp>
#include <ui/widgets.hpp>

#include <bitset>
#include <optional>

namespace kiosk::screens {

using MaybeEvent = std::optional<flow::Event>;

/// Draws the whole kiosk for this frame (screen, bars and any overlay) and returns what was tapped.
[[nodiscard]] MaybeEvent drawFrame(const flow::State& state, ui::Ctx& ctx);

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
    const flow::State& m_state;
    ui::Ctx& m_ctx;
    MaybeEvent m_event;
    float m_width = 0;
    float m_keyboardHeight = 0;
    float m_indent = 0;
};

// Parts shared by screens.
/// One tick box per value of a multiple-choice question (topics, ways to put it right), each
/// tapped to toggle; toggle(value) is the event a tap sends.
template <class Enum, std::size_t N, class Toggle>
void drawTicks(Page& page, ui::Ctx& ctx, const std::bitset<N>& chosen, i18n::Key (*keyOf)(Enum), Toggle toggle) {
    for (std::size_t i = 0; i < N; ++i) {
        const auto value = static_cast<Enum>(i);
        const auto key = keyOf(value);
        if (ui::option(ctx, key.name, ctx.tr(key), page.width(), chosen.test(i), ui::Mark::Tick))
            page.take(toggle(value));
    }
}

/// A box to type into, with its label; tapping it gives it the keyboard, tapping in its text moves
/// the cursor. Multi-line boxes wrap and scroll to keep the cursor in view.
[[nodiscard]] MaybeEvent drawTextField(const flow::State& state, ui::Ctx& ctx, flow::Field field,
                                       std::string_view label, float width, float height = 0);
/// The on-screen keyboard in a rectangle of this size at the cursor.
[[nodiscard]] MaybeEvent drawKeyboard(const flow::State& state, ui::Ctx& ctx, ImVec2 size);
/// Every character the on-screen keyboard can show, so that the font atlas holds them all.
[[nodiscard]] std::string keyboardCharacters();
/// Keys typed on a physical keyboard, if one is attached.
[[nodiscard]] MaybeEvent physicalKeys();
/// The panels drawn over the screen: "Are you still there?", "Start again?", "I don't feel safe".
[[nodiscard]] MaybeEvent drawOverlay(const flow::State& state, ui::Ctx& ctx);
/// "I don't feel safe" and what to do now, in one language.
void drawSafetyAdvice(ui::Ctx& ctx, const i18n::Catalogue& lang, float width);

/// A day as the child reads it: "dydd Mawrth 24 Tachwedd", "Tuesday 24 November".
[[nodiscard]] std::string formatDay(const i18n::Catalogue& lang, const flow::Day& day);

/// The texts naming each choice, shared by the screen that asks and Check your answers.
[[nodiscard]] i18n::Key kindTitleKey(flow::Kind kind);
[[nodiscard]] i18n::Key whoKey(flow::Who who);
[[nodiscard]] i18n::Key topicKey(flow::Topic topic);
[[nodiscard]] i18n::Key feelingKey(int feeling);
[[nodiscard]] i18n::Key putRightKey(flow::PutRight way);
[[nodiscard]] i18n::Key contactKey(flow::Contact contact);
[[nodiscard]] i18n::Key meetingKey(flow::Meeting meeting);
[[nodiscard]] i18n::Key sharingKey(flow::Sharing sharing);

} // namespace kiosk::screens
