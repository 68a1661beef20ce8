#include <screens/screens.hpp>

#include <flow/answers.hpp>
#include <ui/widgets.hpp>

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// The layers as the keyboard file names them; the file must have exactly these.
constexpr flow::KeyboardLayer kLayers[] = {flow::KeyboardLayer::Letters, flow::KeyboardLayer::Accents,
                                           flow::KeyboardLayer::Numbers, flow::KeyboardLayer::Phone,
                                           flow::KeyboardLayer::Email};

const char* layerName(flow::KeyboardLayer layer) {
    switch (layer) {
    case flow::KeyboardLayer::Letters: return "letters";
    case flow::KeyboardLayer::Accents: return "accents";
    case flow::KeyboardLayer::Numbers: return "numbers";
    case flow::KeyboardLayer::Phone: return "phone";
    case flow::KeyboardLayer::Email: return "email";
    }
    return "letters";
}

flow::KeyboardLayer layerNamed(std::string_view name) {
    for (const auto layer : kLayers)
        if (name == layerName(layer))
            return layer;
    IM_ASSERT(false && "loadKeyboard lets through only the layers in kLayers");
    return flow::KeyboardLayer::Letters;
}

std::string keyLabel(const ui::KeyDef& k, const flow::State& state, const ui::Ctx& ctx) {
    switch (k.action) {
    case ui::KeyAction::Type: return state.shift ? k.upper : k.lower;
    case ui::KeyAction::Space: return std::string(ctx.tr("keyboard.space"_key));
    case ui::KeyAction::SwitchLayer: return k.label;
    case ui::KeyAction::Erase:
    case ui::KeyAction::Shift:
    case ui::KeyAction::Left:
    case ui::KeyAction::Right: return ""; // drawn as icons
    }
    return "";
}

flow::Event keyEvent(const ui::KeyDef& k, const flow::State& state) {
    switch (k.action) {
    case ui::KeyAction::Type: return flow::TypeText{state.shift ? k.upper : k.lower};
    case ui::KeyAction::Erase: return flow::Erase{};
    case ui::KeyAction::Shift: return flow::ToggleShift{};
    case ui::KeyAction::Space: return flow::TypeText{" "};
    case ui::KeyAction::Left: return flow::MoveCursor{-1};
    case ui::KeyAction::Right: return flow::MoveCursor{1};
    case ui::KeyAction::SwitchLayer: {
        const auto layer = layerNamed(k.layer);
        if (layer != flow::KeyboardLayer::Letters)
            return flow::SetKeyboard{layer};
        // Back to the field's own letters: plain, or the email layout.
        return flow::SetKeyboard{state.focus ? flow::layerFor(*state.focus) : flow::KeyboardLayer::Letters};
    }
    }
    return flow::Erase{};
}

// Icons for keys that have no letter, drawn rather than taken from the font.
void drawIcon(ImDrawList* dl, ui::KeyAction action, ImVec2 min, ImVec2 max, ImU32 colour, float unit,
              bool on) {
    const ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
    const float s = std::min(max.x - min.x, max.y - min.y) * 0.22f;
    const float line = std::max(2.0f, unit * 0.09f);
    switch (action) {
    case ui::KeyAction::Erase:
        ui::drawEraseIcon(dl, min, max, colour, unit);
        break;
    case ui::KeyAction::Shift:
        if (on)
            dl->AddTriangleFilled(ImVec2(c.x, c.y - s * 1.3f), ImVec2(c.x + s * 1.2f, c.y), ImVec2(c.x - s * 1.2f, c.y),
                                  colour);
        else
            dl->AddTriangle(ImVec2(c.x, c.y - s * 1.3f), ImVec2(c.x + s * 1.2f, c.y), ImVec2(c.x - s * 1.2f, c.y),
                            colour, line);
        dl->AddRect(ImVec2(c.x - s * 0.5f, c.y), ImVec2(c.x + s * 0.5f, c.y + s * 1.1f), colour, 0, 0, line);
        break;
    case ui::KeyAction::Left:
        dl->AddTriangleFilled(ImVec2(c.x - s, c.y), ImVec2(c.x + s * 0.7f, c.y - s), ImVec2(c.x + s * 0.7f, c.y + s),
                              colour);
        break;
    case ui::KeyAction::Right:
        dl->AddTriangleFilled(ImVec2(c.x + s, c.y), ImVec2(c.x - s * 0.7f, c.y + s), ImVec2(c.x - s * 0.7f, c.y - s),
                              colour);
        break;
    default:
        break;
    }
}

// The keyboard's panel drawn around its keys rather than under them: under a software renderer
// every pixel filled twice costs frame time, and the keys cover most of the panel. Under a row of
// keys only the bands where their rounded corners leave the panel showing are filled. The pieces
// lie on whole pixels, so that they meet without seams, and reach a pixel under each key's edge.
void drawPanelAround(ImDrawList* dl, ImRect outer, const std::vector<std::vector<ImRect>>& rows, float keyRounding,
                     float rounding, ImU32 colour) {
    outer = ImRect(std::round(outer.Min.x), std::round(outer.Min.y), std::round(outer.Max.x), std::round(outer.Max.y));
    float y = outer.Min.y;
    bool first = true;
    for (const auto& row : rows) {
        if (row.empty())
            continue;
        const float top = std::ceil(row.front().Min.y + keyRounding);
        const float bottom = std::floor(row.front().Max.y - keyRounding);
        if (bottom <= top)
            continue;
        dl->AddRectFilled(ImVec2(outer.Min.x, y), ImVec2(outer.Max.x, top), colour, first ? rounding : 0,
                          ImDrawFlags_RoundCornersTop);
        first = false;
        float x = outer.Min.x;
        for (const ImRect& key : row) {
            dl->AddRectFilled(ImVec2(x, top), ImVec2(std::ceil(key.Min.x) + 1, bottom), colour);
            x = std::floor(key.Max.x) - 1;
        }
        dl->AddRectFilled(ImVec2(x, top), ImVec2(outer.Max.x, bottom), colour);
        y = bottom;
    }
    dl->AddRectFilled(ImVec2(outer.Min.x, y), outer.Max, colour, rounding,
                      first ? ImDrawFlags_RoundCornersAll : ImDrawFlags_RoundCornersBottom);
}

} // namespace

MaybeEvent drawKeyboard(const flow::State& state, ui::Ctx& ctx, ImVec2 size) {
    const char* const layerShown = layerName(state.keyboard);
    const ui::KeyLayer* layer = ctx.keyboard.layer(layerShown);
    IM_ASSERT(layer != nullptr && "loadKeyboard refuses a file without every layer");
    const auto& rows = layer->rows;
    float widest = 0;
    for (const ui::KeyRow& row : rows) {
        float w = 0;
        for (const ui::KeyDef& k : row)
            w += k.width;
        widest = std::max(widest, w);
    }
    // The gaps stay at the regular size: with bigger text the keys, not the gaps between them, grow.
    const float gap = ctx.regular.unit * 0.25f;
    const float keyW = std::min((size.x - gap * (widest - 1)) / widest, ctx.em(3.2f));
    const float keyH = std::min((size.y - gap * static_cast<float>(rows.size() - 1)) / static_cast<float>(rows.size()),
                                ctx.em(2.6f));
    const ImVec2 origin = ImGui::GetCursorPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 screenOrigin = ImGui::GetCursorScreenPos();
    // The keys go on top, the panel behind them (drawn once their places are known) underneath.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    std::vector<std::vector<ImRect>> placed;
    MaybeEvent event;
    float y = origin.y;
    for (const ui::KeyRow& row : rows) {
        placed.emplace_back();
        // A key k.width wide also spans the gaps it replaces, so rows of equal width line up.
        const auto keyWidth = [&](const ui::KeyDef& k) { return k.width * keyW + (k.width - 1) * gap; };
        float rowW = -gap;
        for (const ui::KeyDef& k : row)
            rowW += keyWidth(k) + gap;
        float x = origin.x + (size.x - rowW) / 2;
        for (const ui::KeyDef& k : row) {
            const float w = keyWidth(k);
            ImGui::SetCursorPos(ImVec2(x, y));
            const bool lit = (k.action == ui::KeyAction::Shift && state.shift) ||
                             (k.action == ui::KeyAction::SwitchLayer && k.layer == layerShown);
            if (ui::button(ctx, k.id, keyLabel(k, state, ctx), ImVec2(w, keyH),
                           lit ? ui::ButtonStyle::Primary : ui::ButtonStyle::Key, ctx.fonts.body))
                event = keyEvent(k, state);
            placed.back().emplace_back(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            drawIcon(dl, k.action, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                     lit ? ctx.theme.onPrimary : ctx.theme.text, ctx.unit, state.shift);
            x += w + gap;
        }
        y += keyH + gap;
    }
    dl->ChannelsSetCurrent(0);
    const ImRect panel(screenOrigin.x - gap, screenOrigin.y - gap, screenOrigin.x + size.x + gap,
                       screenOrigin.y + size.y + gap);
    drawPanelAround(dl, panel, placed, ui::buttonRounding(ctx), ctx.em(0.3f), ctx.theme.keyboardBack);
    dl->ChannelsMerge();
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + size.y));
    ImGui::Dummy(ImVec2(0, 0));
    return event;
}

ui::KeyboardLayout loadKeyboard(const std::filesystem::path& file) {
    std::vector<std::string> names;
    for (const auto layer : kLayers)
        names.emplace_back(layerName(layer));
    return ui::KeyboardLayout::load(file, names);
}

MaybeEvent physicalKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    std::string typed;
    for (const ImWchar c : io.InputQueueCharacters) {
        // ImGui 1.86 holds 16 bits a character: an emoji past U+FFFF arrives as U+FFFD. It is left
        // out (nothing appears, as for a key the kiosk does not have), never stored in place of
        // what the child typed.
        if (c < 0x20 || c == 0x7F || c == IM_UNICODE_CODEPOINT_INVALID)
            continue;
        char utf8[5] = {};
        ImTextCharToUtf8(utf8, c);
        typed += utf8;
    }
    if (!typed.empty())
        return flow::TypeText{typed};
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)))
        return flow::Erase{};
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)))
        return flow::MoveCursor{-1};
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
        return flow::MoveCursor{1};
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
        return flow::TypeText{"\n"};
    return std::nullopt;
}

} // namespace kiosk::screens
