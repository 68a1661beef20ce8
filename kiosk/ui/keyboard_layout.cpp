#include <ui/keyboard_layout.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace kiosk::ui {
namespace {

std::vector<std::string_view> columns(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const auto start = line.find_first_not_of(" \t\r", pos);
        if (start == std::string_view::npos)
            break;
        auto end = line.find_first_of(" \t\r", start);
        if (end == std::string_view::npos)
            end = line.size();
        out.push_back(line.substr(start, end - start));
        pos = end;
    }
    return out;
}

// The tests type one character at a time and look each up, so a key types exactly one.
bool isOneCharacter(std::string_view s) {
    if (s.empty())
        return false;
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, s.data(), s.data() + s.size());
    return static_cast<std::size_t>(n) == s.size() && c != IM_UNICODE_CODEPOINT_INVALID;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

// Columns: layer, row, key, width, lower, [upper]; the caller has checked there are five or six.
KeyDef parseKey(const std::vector<std::string_view>& cols, const std::vector<std::string>& layers,
                const std::string& where) {
    const auto fail = [&](const std::string& why) { return KeyboardLayoutError(where + ": " + why); };
    KeyDef key;
    key.id = cols[2];
    if (key.id.size() <= 4 || key.id.compare(0, 4, "key.") != 0)
        throw fail("the key id \"" + key.id + "\" must start with \"key.\"");
    const auto widthText = cols[3];
    const auto [end, ec] = std::from_chars(widthText.data(), widthText.data() + widthText.size(), key.width);
    if (ec != std::errc() || end != widthText.data() + widthText.size() || !std::isfinite(key.width) ||
        key.width <= 0)
        throw fail("the width \"" + std::string(widthText) + "\" is not a positive number such as 1 or 1.5");
    const std::string_view lower = cols[4];
    const std::string sixth = cols.size() > 5 ? std::string(cols[5]) : std::string();
    if (lower.size() > 2 && lower.front() == '[' && lower.back() == ']') {
        const std::string what(lower.substr(1, lower.size() - 2));
        static const std::pair<const char*, KeyAction> kActions[] = {{"erase", KeyAction::Erase},
                                                                     {"shift", KeyAction::Shift},
                                                                     {"space", KeyAction::Space},
                                                                     {"left", KeyAction::Left},
                                                                     {"right", KeyAction::Right}};
        const auto* action = std::find_if(std::begin(kActions), std::end(kActions),
                                          [&](const auto& a) { return what == a.first; });
        if (action != std::end(kActions)) {
            if (!sixth.empty())
                throw fail("[" + what + "] shows an icon or a translated word, not \"" + sixth + "\"");
            key.action = action->second;
            return key;
        }
        if (std::find(layers.begin(), layers.end(), what) == layers.end())
            throw fail("unknown special key [" + what +
                       "]; there are [erase] [shift] [space] [left] [right] and [" + joined(layers) +
                       "] to switch layer");
        if (sixth.empty())
            throw fail("the key switching to " + what + " needs a label in the sixth column");
        key.action = KeyAction::SwitchLayer;
        key.layer = what;
        key.label = sixth;
        return key;
    }
    key.lower = lower;
    key.upper = cols.size() > 5 ? sixth : key.lower;
    if (!isOneCharacter(key.lower))
        throw fail("\"" + key.lower +
                   "\" is not one character (a special key is written in brackets: [erase])");
    if (!isOneCharacter(key.upper))
        throw fail("\"" + key.upper + "\" (with shift) is not one character");
    return key;
}

} // namespace

KeyboardLayout KeyboardLayout::load(const std::filesystem::path& file,
                                    const std::vector<std::string>& layers) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw KeyboardLayoutError(file.string() + ": the keyboard file cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    return parse(text.str(), file.string(), layers);
}

KeyboardLayout KeyboardLayout::parse(std::string_view text, const std::string& fileName,
                                     const std::vector<std::string>& layers) {
    KeyboardLayout out;
    int lineNo = 0;
    // Editors on Windows may start the file with a byte order mark; it is not part of line 1.
    std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const auto cols = columns(text.substr(pos, end - pos));
        pos = end + 1;
        ++lineNo;
        if (cols.empty() || cols[0].front() == '#')
            continue;
        const std::string where = fileName + ":" + std::to_string(lineNo);
        const auto fail = [&](const std::string& why) { return KeyboardLayoutError(where + ": " + why); };
        if (cols.size() < 5 || cols.size() > 6)
            throw fail("expected layer, row, key, width, lower and (perhaps) upper; found " +
                       std::to_string(cols.size()) + " columns");
        const std::string name(cols[0]);
        if (out.m_layers.empty() || out.m_layers.back().name != name) {
            if (std::find(layers.begin(), layers.end(), name) == layers.end())
                throw fail("unknown layer \"" + name + "\"; the kiosk has " + joined(layers));
            if (out.layer(name) != nullptr)
                throw fail("the keys of the " + name +
                           " layer must stay together, but they began further up");
            out.m_layers.push_back(KeyLayer{name, {}});
        }
        KeyLayer& layer = out.m_layers.back();
        int row = 0;
        const auto [rowEnd, ec] = std::from_chars(cols[1].data(), cols[1].data() + cols[1].size(), row);
        const bool isNumber = ec == std::errc() && rowEnd == cols[1].data() + cols[1].size();
        // A key goes on the row being filled, or begins the next one.
        const auto rows = static_cast<int>(layer.rows.size());
        if (!isNumber || row < std::max(rows, 1) || row > rows + 1)
            throw fail("row \"" + std::string(cols[1]) +
                       "\" is out of order: rows start at 1 and go up one at a time");
        KeyDef key = parseKey(cols, layers, where);
        for (const KeyRow& r : layer.rows)
            for (const KeyDef& k : r)
                if (k.id == key.id)
                    throw fail("the " + name + " layer has a key " + key.id + " already");
        if (row > rows)
            layer.rows.emplace_back();
        layer.rows.back().push_back(std::move(key));
    }
    for (const auto& name : layers)
        if (out.layer(name) == nullptr)
            throw KeyboardLayoutError(fileName + ": there are no keys for the " + name + " layer");
    return out;
}

const KeyLayer* KeyboardLayout::layer(std::string_view name) const {
    const auto it =
        std::find_if(m_layers.begin(), m_layers.end(), [&](const KeyLayer& l) { return l.name == name; });
    return it != m_layers.end() ? &*it : nullptr;
}

std::optional<KeyPlace> KeyboardLayout::find(std::string_view character) const {
    for (const KeyLayer& layer : m_layers)
        for (const KeyRow& row : layer.rows)
            for (const KeyDef& key : row) {
                if (key.action == KeyAction::Space && character == " ")
                    return KeyPlace{layer.name, key.id, false};
                if (key.action != KeyAction::Type)
                    continue;
                if (key.lower == character)
                    return KeyPlace{layer.name, key.id, false};
                if (key.upper == character)
                    return KeyPlace{layer.name, key.id, true};
            }
    return std::nullopt;
}

std::optional<std::string> KeyboardLayout::switchKeyTo(std::string_view layer) const {
    for (const KeyLayer& l : m_layers)
        for (const KeyRow& row : l.rows)
            for (const KeyDef& key : row)
                if (key.action == KeyAction::SwitchLayer && key.layer == layer)
                    return key.id;
    return std::nullopt;
}

std::string KeyboardLayout::characters() const {
    std::string all;
    for (const KeyLayer& layer : m_layers)
        for (const KeyRow& row : layer.rows)
            for (const KeyDef& key : row)
                all += key.lower + key.upper + key.label;
    return all;
}

} // namespace kiosk::ui
