#include <fuzz/fuzz_target.hpp>

#include <ui/keyboard_layout.hpp>

// The keyboard file (assets/keyboard.txt) is edited by hand when a key is added or moved, and read
// when the kiosk starts; no ImGui context is needed to parse it. A broken one must be refused with
// KeyboardLayoutError; in one that is accepted, every character a key types can be found again,
// which is how the tests and the e2e script type.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    // The kiosk's layers, as screens/keyboard.cpp names them in loadKeyboard.
    static const std::vector<std::string> kLayers = {"letters", "accents", "numbers", "phone", "email"};
    ui::KeyboardLayout layout;
    try {
        layout = ui::KeyboardLayout::parse(fuzz::text(data, size), "keyboard.txt", kLayers);
    } catch (const ui::KeyboardLayoutError&) {
        return 0;
    }
    fuzz::accepted = true;
    for (const auto& layer : layout.layers())
        for (const auto& row : layer.rows)
            for (const auto& key : row)
                if (key.action == ui::KeyAction::Type) {
                    fuzz::check(layout.find(key.lower).has_value(), "a key's character can be found");
                    fuzz::check(layout.find(key.upper).has_value(), "a key's shifted character can be found");
                }
    for (const auto& name : kLayers)
        (void)layout.switchKeyTo(name);
    (void)layout.characters();
    return 0;
}
