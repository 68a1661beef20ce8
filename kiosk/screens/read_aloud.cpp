#include <screens/screens.hpp>

#include <algorithm>
#include <string>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// A loudspeaker with two sound waves, or a square while reading (the button stops it), drawn so
// that a child who cannot read the words still knows the button.
void drawIcon(ImDrawList* dl, ImVec2 centre, float size, ImU32 colour, bool reading) {
    const float s = size / 2;
    if (reading) {
        dl->AddRectFilled(ImVec2(centre.x - s * 0.6f, centre.y - s * 0.6f), ImVec2(centre.x + s * 0.6f, centre.y + s * 0.6f),
                          colour, s * 0.15f);
        return;
    }
    const float line = std::max(2.0f, size * 0.09f);
    const ImVec2 left(centre.x - s, centre.y);
    dl->AddRectFilled(ImVec2(left.x, centre.y - s * 0.3f), ImVec2(left.x + s * 0.45f, centre.y + s * 0.3f), colour);
    const ImVec2 cone[] = {{left.x + s * 0.4f, centre.y - s * 0.3f}, {left.x + s * 0.95f, centre.y - s * 0.75f},
                           {left.x + s * 0.95f, centre.y + s * 0.75f}, {left.x + s * 0.4f, centre.y + s * 0.3f}};
    dl->AddConvexPolyFilled(cone, 4, colour);
    for (const float r : {s * 0.55f, s * 0.95f}) {
        dl->PathArcTo(ImVec2(left.x + s * 0.95f, centre.y), r, -0.9f, 0.9f, 12);
        dl->PathStroke(colour, 0, line);
    }
}

std::string labelOf(const ui::Ctx& ctx, i18n::Key key, bool bothLanguages) {
    return bothLanguages ? ctx.both(key, "  ·  ") : std::string(ctx.tr(key));
}

float widthOf(const ui::Fonts& fonts, const std::string& label) { return ui::textWidth(fonts.bold, label); }

constexpr float kIconRoomEm = 2.0f; // each side of the words, so that they stay centred

} // namespace

float readAloudWidth(const ui::Ctx& ctx, const ui::Fonts& fonts, bool bothLanguages) {
    // As wide as the longer of its two labels, so that it keeps its size while it reads.
    return std::max(widthOf(fonts, labelOf(ctx, "read_aloud.start"_key, bothLanguages)),
                    widthOf(fonts, labelOf(ctx, "read_aloud.stop"_key, bothLanguages))) +
           (2 * kIconRoomEm + 0.4f) * fonts.unit;
}

MaybeEvent drawReadAloud(const flow::State& state, ui::Ctx& ctx, float height, bool bothLanguages) {
    const std::string label =
        labelOf(ctx, state.reading ? "read_aloud.stop"_key : "read_aloud.start"_key, bothLanguages);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ui::Hushed hushed(ctx); // the button's own words are not read
    const bool tapped = ui::button(ctx, "read_aloud", label, ImVec2(readAloudWidth(ctx, ctx.fonts, bothLanguages), height),
                                   ui::ButtonStyle::Secondary);
    const float icon = std::min(ctx.em(1.1f), height * 0.6f);
    drawIcon(ImGui::GetWindowDrawList(), ImVec2(at.x + ctx.em(kIconRoomEm * 0.6f), at.y + height / 2), icon,
             ctx.theme.primary, state.reading);
    if (tapped)
        return flow::ReadAloud{}; // drawFrame gives it the words, once the whole frame has been drawn
    return std::nullopt;
}

} // namespace kiosk::screens
