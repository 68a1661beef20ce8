#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

/// A keyboard file that cannot be used: the file, the line, and what is wrong.
class KeyboardLayoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What a key does when tapped.
enum class KeyAction { Type, Erase, Shift, Space, Left, Right, SwitchLayer };

/// One key: one line of the keyboard file.
struct KeyDef {
    std::string id;     // the tap id: "key.ŵ", "key.erase"
    float width = 1.0f; // in key widths
    KeyAction action = KeyAction::Type;
    std::string lower; // Type: the character it types and shows
    std::string upper; // Type: the same with shift
    std::string layer; // SwitchLayer: the layer it switches to
    std::string label; // SwitchLayer: what it shows
};

using KeyRow = std::vector<KeyDef>;

/// One set of keys shown at a time: the letters, the accents, the numbers...
struct KeyLayer {
    std::string name;
    std::vector<KeyRow> rows;
};

/// Where a character is typed: on which layer, with which key, with shift or not.
struct KeyPlace {
    std::string layer;
    std::string key;
    bool shift = false;
};

/// The on-screen keyboard's keys, read once from assets/keyboard.txt (its format is described at
/// the top of that file), for the kiosk to draw and the tests to type with.
class KeyboardLayout {
public:
    /// Reads a keyboard file that must define exactly these layers; throws KeyboardLayoutError.
    [[nodiscard]] static KeyboardLayout load(const std::filesystem::path& file,
                                             const std::vector<std::string>& layers);
    /// Parses a keyboard file's text; fileName is only for messages. Throws KeyboardLayoutError.
    [[nodiscard]] static KeyboardLayout parse(std::string_view text, const std::string& fileName,
                                              const std::vector<std::string>& layers);

    /// The layer of this name; nullptr if there is none.
    [[nodiscard]] const KeyLayer* layer(std::string_view name) const;
    /// Where a character (one, in UTF-8) is typed: the first layer in the file that has it wins.
    [[nodiscard]] std::optional<KeyPlace> find(std::string_view character) const;
    /// The id of a key that switches to this layer, if any layer has one.
    [[nodiscard]] std::optional<std::string> switchKeyTo(std::string_view layer) const;
    /// Every character any key types or shows, for the font atlas.
    [[nodiscard]] std::string characters() const;
    [[nodiscard]] const std::vector<KeyLayer>& layers() const { return m_layers; }

private:
    std::vector<KeyLayer> m_layers;
};

} // namespace kiosk::ui
