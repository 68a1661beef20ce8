#pragma once

#include <i18n/catalogue.hpp>
#include <ui/boxes.hpp>
#include <ui/keyboard_layout.hpp>
#include <ui/taps.hpp>
#include <ui/theme.hpp>

#include <imgui.h>

#include <array>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* title = nullptr; // bold, larger
    ImFont* code = nullptr;  // the reference code on Thank you
    float unit = 24;         // the body font's size in pixels
};

/// Words on screen, for "Read it to me": in the language they are written in.
struct Said {
    vocabulary::Language language = vocabulary::Language::Welsh;
    std::string text;
};

/// What every screen needs to draw: fonts, sizes, colours, the texts of both languages, the
/// language on screen and the registry of what can be tapped.
struct Ctx {
    Fonts fonts;     // the set in use this frame: regular or larger text
    Fonts regular;
    Fonts larger;    // the "bigger text" setting
    BoxPictures boxes; // rounded boxes at both sizes, baked into the font atlas with the fonts
    float unit = 24; // the body font's size in pixels; every size is a multiple of it
    Theme theme;
    std::array<ImTextureID, vocabulary::kFeelingCount> feelings{}; // the feelings scale's pictures, where a GPU is there to hold them
    const i18n::Catalogue* welsh = nullptr;
    const i18n::Catalogue* english = nullptr;
    const i18n::Catalogue* current = nullptr;
    KeyboardLayout keyboard; // read once at start from assets/keyboard.txt
    TapRegistry taps;
    bool demo = false;
    std::string_view scrolledPage; // the page the scrolling region last showed: a new page starts at the top
    std::string_view scrolledToBox; // the box last scrolled into view when it was given the keyboard
    // "Read it to me": the words the widgets draw, gathered in drawing order (drawFrame starts it
    // afresh each frame); never the bars, the keyboard or what the child typed, which are hushed.
    std::vector<Said> said;
    const i18n::Catalogue* saying = nullptr; // the language of the words being drawn; none: current
    bool hushed = false;
    // Who the texts speak to this frame: the adult telling us for a young person gets their own
    // wording (flow::speaksToAdult), set once a frame by drawFrame, never by a screen.
    i18n::Reader reader = i18n::Reader::YoungPerson;
    // Where a test collects every key looked up this frame (cleared by drawFrame); none in the kiosk,
    // which so does no work for it in a frame.
    std::set<std::string, std::less<>>* keysLookedUp = nullptr;
    // The page's scrolling body, as the last frame left it; reset with scrolledPage.
    float pageContentHeight = 0; // how tall its content was
    bool scrolledToEnd = false;  // its end has been on screen (Check's Send waits for it)
    bool scrollDownAsked = false; // "More below" or "See the rest" was tapped: scroll on by a screenful
    /// What belongs with the box being typed in, in the body's content coordinates: the answer it
    /// opened under, the box (with its label) and what follows it (a warning).
    struct Band {
        float answerTop = 0;
        float boxTop = 0;
        float boxBottom = 0;
        float bottom = 0;
        bool operator==(const Band&) const = default;
        /// The same band, give or take the pixel or two its layout drifts by as the page scrolls.
        [[nodiscard]] bool sameAs(const Band& o, float slack) const {
            const auto near = [slack](float a, float b) { return a - b <= slack && b - a <= slack; };
            return near(answerTop, o.answerTop) && near(boxTop, o.boxTop) && near(boxBottom, o.boxBottom) &&
                   near(bottom, o.bottom);
        }
    };
    // Kept in view above the keyboard: set while the page draws, scrolled to when it changes.
    std::optional<Band> keepInView;
    std::optional<Band> keptInView;
    std::size_t typedSize = 0; // how long the box's text was last frame: typing brings the box back into view

    /// Chooses the regular or the larger text for this frame.
    void useLargerText(bool on) {
        fonts = on ? larger : regular;
        unit = fonts.unit;
    }
    [[nodiscard]] float em(float n) const { return n * unit; }
    [[nodiscard]] ImVec2 em(float x, float y) const { return {x * unit, y * unit}; }
    /// The text of a key in a language, in the wording for this frame's reader. Every text a
    /// screen shows is looked up here or through the shorthands below.
    [[nodiscard]] std::string_view text(const i18n::Catalogue& lang, i18n::Key key) const {
        lookedUp(key);
        return lang.text(key, reader);
    }
    /// The plural form of a key for a count, in a language.
    [[nodiscard]] std::string_view plural(const i18n::Catalogue& lang, i18n::Key key, long n) const {
        lookedUp(key);
        return lang.plural(key, n, reader);
    }
    /// The text of a key in the language on screen.
    [[nodiscard]] std::string_view tr(i18n::Key key) const { return text(*current, key); }
    [[nodiscard]] std::string_view cy(i18n::Key key) const { return text(*welsh, key); }
    [[nodiscard]] std::string_view en(i18n::Key key) const { return text(*english, key); }
    /// Keeps words being drawn, in the language being drawn, for "Read it to me" (unless hushed).
    void say(std::string_view words) {
        if (!hushed)
            say(saying == welsh || (!saying && current == welsh) ? vocabulary::Language::Welsh
                                                                 : vocabulary::Language::English,
                words);
    }
    void say(vocabulary::Language language, std::string_view words) {
        if (!hushed && !words.empty())
            said.push_back({language, std::string(words)});
    }
    /// Says that the choice just said is chosen ("wedi'i ddewis", "chosen"), in the language being
    /// drawn: the mark that shows it is not a word.
    void sayChosen() {
        using namespace i18n::literals;
        say(text(saying ? *saying : *current, "read_aloud.chosen"_key));
    }
    /// Says a key drawn in both languages at once (a label "Cymraeg · English"): Welsh, then English.
    void sayBoth(i18n::Key key) {
        say(vocabulary::Language::Welsh, cy(key));
        say(vocabulary::Language::English, en(key));
    }
    /// A key's text in both languages, Welsh first, with what goes between ("\n", "  ·  ").
    [[nodiscard]] std::string both(i18n::Key key, std::string_view between) const {
        return std::string(cy(key)).append(between).append(en(key));
    }

private:
    void lookedUp(i18n::Key key) const {
        if (keysLookedUp && keysLookedUp->find(key.name) == keysLookedUp->end())
            keysLookedUp->emplace(key.name);
    }
};

/// While it lives, the words drawn are not read aloud: the bars, the keyboard, what was typed, and
/// labels drawn in both languages at once (said with Ctx::sayBoth instead).
class Hushed {
public:
    explicit Hushed(Ctx& ctx) : m_ctx(ctx), m_was(ctx.hushed) { ctx.hushed = true; }
    Hushed(const Hushed&) = delete;
    Hushed& operator=(const Hushed&) = delete;
    ~Hushed() { m_ctx.hushed = m_was; }

private:
    Ctx& m_ctx;
    bool m_was;
};

/// While it lives, the words drawn are read in this catalogue's language (Welcome's halves, the
/// safety panel in both languages).
class SayingIn {
public:
    SayingIn(Ctx& ctx, const i18n::Catalogue& lang) : m_ctx(ctx), m_was(ctx.saying) { ctx.saying = &lang; }
    SayingIn(const SayingIn&) = delete;
    SayingIn& operator=(const SayingIn&) = delete;
    ~SayingIn() { m_ctx.saying = m_was; }

private:
    Ctx& m_ctx;
    const i18n::Catalogue* m_was;
};

} // namespace kiosk::ui
