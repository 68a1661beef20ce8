#include <flow/answers.hpp>
#include <flow/handlers.hpp>
#include <flow/step.hpp>

// Typing belongs to whatever has the keyboard: only the box given it, shown on the screen showing,
// and nothing while a panel is over the screen (step() does not pass typing to a panel at all).

namespace kiosk::flow::detail {
namespace {

TextField* target(State& s) {
    const auto field = typingInto(s);
    return field ? &s.answers.field(*field) : nullptr;
}

} // namespace

Effects on(State& s, const Focus& e) {
    if (isShown(e.field, s.screen, s.answers))
        focus(s, e.field);
    return {};
}

Effects on(State& s, const TypeText& e) {
    TextField* box = target(s);
    if (box == nullptr || !box->insert(e.utf8))
        return {};
    if (s.focus == Field::Story)
        s.answers.storySkipped = false;
    s.shift = false;
    // Accented letters are an extra: after one, the letters come back.
    if (s.keyboard == KeyboardLayer::Accents)
        s.keyboard = KeyboardLayer::Letters;
    return {};
}

Effects on(State& s, const Erase&) {
    if (TextField* box = target(s))
        box->erase();
    return {};
}

Effects on(State& s, const MoveCursor& e) {
    if (TextField* box = target(s))
        box->moveCursor(e.characters);
    return {};
}

Effects on(State& s, const PlaceCursor& e) {
    if (TextField* box = target(s))
        box->setCursor(e.byteOffset);
    return {};
}

Effects on(State& s, const SetKeyboard& e) {
    s.keyboard = e.layer;
    s.shift = false;
    return {};
}

Effects on(State& s, const ToggleShift&) {
    s.shift = !s.shift;
    return {};
}

void focus(State& s, Field field) {
    s.focus = field;
    s.keyboard = layerFor(field);
    s.shift = false;
}

} // namespace kiosk::flow::detail
