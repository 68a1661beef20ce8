#include <screens/screens.hpp>

#include <flow/answers.hpp>
#include <ui/widgets.hpp>

#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

enum class Action { Type, Erase, Shift, Space, Left, Right, Letters, Accents, Numbers };

struct KeyDef {
    const char* lower; // what it types, and its label
    const char* upper; // with shift
    float width = 1.0f;
    Action action = Action::Type;
};

using Row = std::vector<KeyDef>;

KeyDef letter(const char* lower, const char* upper) { return {lower, upper}; }
KeyDef sym(const char* s) { return {s, s}; }
KeyDef special(Action a, float width) { return {"", "", width, a}; }

const std::vector<Row>& layout(flow::KeyboardLayer layer) {
    // The plain letters, shared by the letters and email layouts.
    static const Row qwertyTop = {letter("q", "Q"), letter("w", "W"), letter("e", "E"), letter("r", "R"),
                                  letter("t", "T"), letter("y", "Y"), letter("u", "U"), letter("i", "I"),
                                  letter("o", "O"), letter("p", "P"), special(Action::Erase, 1.5f)};
    static const Row homeLetters = {letter("a", "A"), letter("s", "S"), letter("d", "D"), letter("f", "F"),
                                    letter("g", "G"), letter("h", "H"), letter("j", "J"), letter("k", "K"),
                                    letter("l", "L")};
    static const Row lowLetters = {special(Action::Shift, 1.5f), letter("z", "Z"), letter("x", "X"), letter("c", "C"),
                                   letter("v", "V"), letter("b", "B"), letter("n", "N"), letter("m", "M")};
    const auto join = [](Row row, std::initializer_list<KeyDef> more) {
        row.insert(row.end(), more);
        return row;
    };
    static const std::vector<Row> letters = {
        qwertyTop,
        join(homeLetters, {sym("'"), sym("-")}),
        join(lowLetters, {sym(","), sym("."), sym("?")}),
        {special(Action::Numbers, 1.75f), special(Action::Accents, 1.75f), special(Action::Space, 5.0f),
         special(Action::Left, 1.5f), special(Action::Right, 1.5f)},
    };
    // Every Welsh accent: to bach (circumflex), acen ddyrchafedig, acen ddisgynedig, didolnod.
    static const std::vector<Row> accents = {
        {letter("â", "Â"), letter("ê", "Ê"), letter("î", "Î"), letter("ô", "Ô"), letter("û", "Û"), letter("ŵ", "Ŵ"),
         letter("ŷ", "Ŷ"), special(Action::Erase, 1.5f)},
        {letter("á", "Á"), letter("é", "É"), letter("í", "Í"), letter("ó", "Ó"), letter("ú", "Ú"), letter("ẃ", "Ẃ"),
         letter("ý", "Ý"), special(Action::Letters, 1.5f)},
        {letter("à", "À"), letter("è", "È"), letter("ì", "Ì"), letter("ò", "Ò"), letter("ù", "Ù"), letter("ẁ", "Ẁ"),
         letter("ỳ", "Ỳ"), special(Action::Shift, 1.5f)},
        {letter("ä", "Ä"), letter("ë", "Ë"), letter("ï", "Ï"), letter("ö", "Ö"), letter("ü", "Ü"), letter("ẅ", "Ẅ"),
         letter("ÿ", "Ÿ"), special(Action::Space, 1.5f)},
    };
    static const std::vector<Row> numbers = {
        {sym("1"), sym("2"), sym("3"), sym("4"), sym("5"), sym("6"), sym("7"), sym("8"), sym("9"), sym("0"),
         special(Action::Erase, 1.5f)},
        {sym("-"), sym("/"), sym(":"), sym(";"), sym("("), sym(")"), sym("£"), sym("&"), sym("@"), sym("\"")},
        {sym("."), sym(","), sym("?"), sym("!"), sym("'"), sym("#"), sym("%"), sym("+"), sym("="), sym("*")},
        {special(Action::Letters, 1.75f), special(Action::Accents, 1.75f), special(Action::Space, 5.0f),
         special(Action::Left, 1.5f), special(Action::Right, 1.5f)},
    };
    // For a phone number: a keypad.
    static const std::vector<Row> phone = {
        {sym("1"), sym("2"), sym("3"), special(Action::Erase, 1.5f)},
        {sym("4"), sym("5"), sym("6"), special(Action::Space, 1.5f)},
        {sym("7"), sym("8"), sym("9"), special(Action::Left, 1.5f)},
        {sym("+"), sym("0"), sym("-"), special(Action::Right, 1.5f)},
    };
    // For an email address: letters with @ . - _ to hand, and no accents.
    static const std::vector<Row> email = {
        qwertyTop,
        join(homeLetters, {sym("-"), sym("_")}),
        lowLetters,
        {special(Action::Numbers, 1.75f), sym("@"), special(Action::Space, 4.0f), sym("."),
         special(Action::Left, 1.5f), special(Action::Right, 1.5f)},
    };
    switch (layer) {
    case flow::KeyboardLayer::Accents:
        return accents;
    case flow::KeyboardLayer::Numbers:
        return numbers;
    case flow::KeyboardLayer::Phone:
        return phone;
    case flow::KeyboardLayer::Email:
        return email;
    case flow::KeyboardLayer::Letters:
        break;
    }
    return letters;
}

std::string keyId(const KeyDef& k) {
    switch (k.action) {
    case Action::Type: return std::string("key.") + k.lower;
    case Action::Erase: return "key.erase";
    case Action::Shift: return "key.shift";
    case Action::Space: return "key.space";
    case Action::Left: return "key.left";
    case Action::Right: return "key.right";
    case Action::Letters: return "key.letters";
    case Action::Accents: return "key.accents";
    case Action::Numbers: return "key.numbers";
    }
    return "key.unknown";
}

std::string keyLabel(const KeyDef& k, const flow::State& state, const ui::Ctx& ctx) {
    switch (k.action) {
    case Action::Type: return state.shift ? k.upper : k.lower;
    case Action::Space: return std::string(ctx.tr("keyboard.space"_key));
    case Action::Letters: return "abc";
    case Action::Accents: return "âŵŷ";
    case Action::Numbers: return "123";
    default: return "";
    }
}

flow::Event keyEvent(const KeyDef& k, const flow::State& state) {
    switch (k.action) {
    case Action::Type: return flow::TypeText{state.shift ? k.upper : k.lower};
    case Action::Erase: return flow::Erase{};
    case Action::Shift: return flow::ToggleShift{};
    case Action::Space: return flow::TypeText{" "};
    case Action::Left: return flow::MoveCursor{-1};
    case Action::Right: return flow::MoveCursor{1};
    case Action::Letters: // back to the field's own letters: plain, or the email layout
        return flow::SetKeyboard{state.focus ? flow::layerFor(*state.focus) : flow::KeyboardLayer::Letters};
    case Action::Accents: return flow::SetKeyboard{flow::KeyboardLayer::Accents};
    case Action::Numbers: return flow::SetKeyboard{flow::KeyboardLayer::Numbers};
    }
    return flow::Erase{};
}

// Icons for keys that have no letter, drawn rather than taken from the font.
void drawIcon(ImDrawList* dl, Action action, ImVec2 min, ImVec2 max, ImU32 colour, float unit, bool on) {
    const ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
    const float s = std::min(max.x - min.x, max.y - min.y) * 0.22f;
    const float line = std::max(2.0f, unit * 0.09f);
    switch (action) {
    case Action::Erase: {
        // An arrow-shaped outline pointing left with a cross in it: the usual "delete back" sign.
        const ImVec2 pts[] = {{c.x - s * 1.7f, c.y}, {c.x - s * 0.8f, c.y - s}, {c.x + s * 1.5f, c.y - s},
                              {c.x + s * 1.5f, c.y + s}, {c.x - s * 0.8f, c.y + s}};
        dl->AddPolyline(pts, 5, colour, ImDrawFlags_Closed, line);
        const float x = s * 0.45f;
        dl->AddLine(ImVec2(c.x + s * 0.35f - x, c.y - x), ImVec2(c.x + s * 0.35f + x, c.y + x), colour, line);
        dl->AddLine(ImVec2(c.x + s * 0.35f - x, c.y + x), ImVec2(c.x + s * 0.35f + x, c.y - x), colour, line);
        break;
    }
    case Action::Shift:
        if (on)
            dl->AddTriangleFilled(ImVec2(c.x, c.y - s * 1.3f), ImVec2(c.x + s * 1.2f, c.y), ImVec2(c.x - s * 1.2f, c.y),
                                  colour);
        else
            dl->AddTriangle(ImVec2(c.x, c.y - s * 1.3f), ImVec2(c.x + s * 1.2f, c.y), ImVec2(c.x - s * 1.2f, c.y),
                            colour, line);
        dl->AddRect(ImVec2(c.x - s * 0.5f, c.y), ImVec2(c.x + s * 0.5f, c.y + s * 1.1f), colour, 0, 0, line);
        break;
    case Action::Left:
        dl->AddTriangleFilled(ImVec2(c.x - s, c.y), ImVec2(c.x + s * 0.7f, c.y - s), ImVec2(c.x + s * 0.7f, c.y + s),
                              colour);
        break;
    case Action::Right:
        dl->AddTriangleFilled(ImVec2(c.x + s, c.y), ImVec2(c.x - s * 0.7f, c.y + s), ImVec2(c.x - s * 0.7f, c.y - s),
                              colour);
        break;
    default:
        break;
    }
}

} // namespace

MaybeEvent drawKeyboard(const flow::State& state, ui::Ctx& ctx, ImVec2 size) {
    const auto& rows = layout(state.keyboard);
    float widest = 0;
    for (const Row& row : rows) {
        float w = 0;
        for (const KeyDef& k : row)
            w += k.width;
        widest = std::max(widest, w);
    }
    const float gap = ctx.em(0.25f);
    const float keyW = std::min((size.x - gap * (widest - 1)) / widest, ctx.em(3.2f));
    const float keyH = std::min((size.y - gap * static_cast<float>(rows.size() - 1)) / static_cast<float>(rows.size()),
                                ctx.em(2.6f));
    const ImVec2 origin = ImGui::GetCursorPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 screenOrigin = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(screenOrigin.x - gap, screenOrigin.y - gap),
                      ImVec2(screenOrigin.x + size.x + gap, screenOrigin.y + size.y + gap), ctx.theme.keyboardBack,
                      ctx.em(0.3f));
    MaybeEvent event;
    float y = origin.y;
    for (const Row& row : rows) {
        // A key k.width wide also spans the gaps it replaces, so rows of equal width line up.
        const auto keyWidth = [&](const KeyDef& k) { return k.width * keyW + (k.width - 1) * gap; };
        float rowW = -gap;
        for (const KeyDef& k : row)
            rowW += keyWidth(k) + gap;
        float x = origin.x + (size.x - rowW) / 2;
        for (const KeyDef& k : row) {
            const float w = keyWidth(k);
            ImGui::SetCursorPos(ImVec2(x, y));
            const std::string id = keyId(k);
            const bool lit = (k.action == Action::Shift && state.shift) ||
                             (k.action == Action::Accents && state.keyboard == flow::KeyboardLayer::Accents);
            if (ui::button(ctx, id, keyLabel(k, state, ctx), ImVec2(w, keyH),
                           lit ? ui::ButtonStyle::Primary : ui::ButtonStyle::Key, ctx.fonts.body))
                event = keyEvent(k, state);
            drawIcon(dl, k.action, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                     lit ? ctx.theme.onPrimary : ctx.theme.text, ctx.unit, state.shift);
            x += w + gap;
        }
        y += keyH + gap;
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + size.y));
    ImGui::Dummy(ImVec2(0, 0));
    return event;
}

std::string keyboardCharacters() {
    std::string all = "abcâŵŷ123";
    for (const auto layer : {flow::KeyboardLayer::Letters, flow::KeyboardLayer::Accents, flow::KeyboardLayer::Numbers,
                             flow::KeyboardLayer::Phone, flow::KeyboardLayer::Email})
        for (const Row& row : layout(layer))
            for (const KeyDef& k : row)
                all += std::string(k.lower) + k.upper;
    return all;
}

MaybeEvent physicalKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    std::string typed;
    for (const ImWchar c : io.InputQueueCharacters) {
        if (c < 0x20 || c == 0x7F)
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
