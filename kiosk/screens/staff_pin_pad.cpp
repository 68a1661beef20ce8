#include <screens/staff_parts.hpp>

#include <algorithm>
#include <iterator>

namespace kiosk::screens::staff {

namespace {

constexpr float kGapEm = 0.4f;

} // namespace

void drawPinDots(ui::Ctx& ctx, std::size_t typed, float width) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float h = ctx.em(2.4f);
    const ImVec2 max(min.x + width, min.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ui::drawBox(dl, ctx, min, max, ctx.theme.panel, ctx.theme.border, ui::kFieldBox);
    // One dot a digit, never the digit: someone looking over a shoulder learns only how many.
    const float step = std::min(ctx.em(1.1f), (width - ctx.em(1)) / static_cast<float>(flow::kPinLongest));
    const float radius = step * 0.32f;
    const float left = min.x + (width - step * static_cast<float>(typed)) / 2 + step / 2;
    for (std::size_t i = 0; i < typed; ++i)
        dl->AddCircleFilled(ImVec2(left + step * static_cast<float>(i), min.y + h / 2), radius, ctx.theme.text, 20);
    ImGui::Dummy(ImVec2(width, h));
}

ImVec2 pinPadSize(const ui::Ctx& ctx, float width, float room) {
    const float gap = ctx.em(kGapEm);
    const float keyW = std::min(ctx.em(6.0f), (width - 2 * gap) / 3);
    const float keyH = std::clamp((room - 3 * gap) / 4, ctx.em(2.0f), ctx.em(2.8f));
    return {3 * keyW + 2 * gap, 4 * keyH + 3 * gap};
}

MaybeEvent drawPinPad(ui::Ctx& ctx, ImVec2 size, bool enabled, std::string_view okLabel) {
    enum class Does { Digit, Erase, Enter };
    struct Key {
        const char* id;
        char digit;
        Does does;
    };
    // As a telephone's keys, with erase and OK either side of 0.
    static constexpr Key kKeys[12] = {
        {"staff.pin.1", '1', Does::Digit}, {"staff.pin.2", '2', Does::Digit},  {"staff.pin.3", '3', Does::Digit},
        {"staff.pin.4", '4', Does::Digit}, {"staff.pin.5", '5', Does::Digit},  {"staff.pin.6", '6', Does::Digit},
        {"staff.pin.7", '7', Does::Digit}, {"staff.pin.8", '8', Does::Digit},  {"staff.pin.9", '9', Does::Digit},
        {"staff.pin.erase", 0, Does::Erase}, {"staff.pin.0", '0', Does::Digit}, {"staff.pin.enter", 0, Does::Enter},
    };
    const float gap = ctx.em(kGapEm);
    const float keyW = (size.x - 2 * gap) / 3;
    const float keyH = (size.y - 3 * gap) / 4;
    const ImVec2 origin = ImGui::GetCursorPos();
    MaybeEvent event;
    for (std::size_t i = 0; i < std::size(kKeys); ++i) {
        const Key& key = kKeys[i];
        ImGui::SetCursorPos(ImVec2(origin.x + static_cast<float>(i % 3) * (keyW + gap),
                                   origin.y + static_cast<float>(i / 3) * (keyH + gap)));
        const ui::ButtonStyle style = !enabled                ? ui::ButtonStyle::Disabled
                                      : key.does == Does::Enter ? ui::ButtonStyle::Primary
                                                                : ui::ButtonStyle::Key;
        const char digit[2] = {key.digit, 0};
        const std::string_view label = key.does == Does::Enter ? okLabel : std::string_view(digit);
        const bool tapped = ui::button(ctx, key.id, label, ImVec2(keyW, keyH), style,
                                       key.does == Does::Digit ? ctx.fonts.title : ctx.fonts.bold);
        if (key.does == Does::Erase)
            ui::drawEraseIcon(ImGui::GetWindowDrawList(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                              enabled ? ctx.theme.text : ctx.theme.disabledText, ctx.unit);
        if (!tapped || !enabled)
            continue;
        switch (key.does) {
        case Does::Digit: event = flow::PinDigit{key.digit}; break;
        case Does::Erase: event = flow::PinErase{}; break;
        case Does::Enter: event = flow::PinEnter{}; break;
        }
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + size.y));
    ImGui::Dummy(ImVec2(size.x, 0));
    return event;
}

} // namespace kiosk::screens::staff
