#include <app/tour_stops.hpp>
#include <flow/step.hpp>
#include <screens/screens.hpp>
#include <storage/ids.hpp>
#include <test_support/temp_dir.hpp>
#include "driver.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <imgui.h>
#include <imgui_internal.h>
#include <sstream>
#include <stb_image.h>
#include <tuple>

using namespace kiosk;

TEST_CASE("every screen's tap targets are at least 44 by 44 pixels, on screen and apart") {
    struct Size {
        float w, h;
    };
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    for (const auto& stop : app::tourStops()) {
        for (const auto language : {flow::Language::Welsh, flow::Language::English}) {
            test::freshVisit(ui, language);
            stop.reach(ui.state);
            const auto reached = std::make_tuple(ui.state.screen, ui.state.overlay, ui.state.staff.page);
            ui.catchUp();
            ui.frame();
            ui.frame();
            INFO(stop.name << " " << (language == flow::Language::Welsh ? "cy" : "en") << " at " << size.w
                           << "x" << size.h);
            // What is measured is the screen the stop reached, not one the frames after it moved to.
            CHECK(std::make_tuple(ui.state.screen, ui.state.overlay, ui.state.staff.page) == reached);
            const auto& targets = ui.ctx.taps.all();
            if (std::string(stop.name) != "sending")
                CHECK_FALSE(targets.empty());
            for (const auto& [key, t] : targets) {
                INFO(key);
                // Text on every tappable thing stands out from its fill (WCAG 1.4.3: 4.5 to 1).
                CHECK(ui::contrastRatio(t.text, t.fill) >= 4.5f);
                if (t.clipped)
                    continue; // half scrolled out of view: it is measured whole when scrolled in
                CHECK(t.size().x >= 44);
                CHECK(t.size().y >= 44);
                CHECK(t.min.x >= 0);
                CHECK(t.min.y >= 0);
                CHECK(t.max.x <= size.w);
                CHECK(t.max.y <= size.h);
                for (const auto& [other, u] : targets) {
                    if (other <= key || u.clipped)
                        continue;
                    INFO("overlaps " << other);
                    const bool apart =
                        t.max.x <= u.min.x || u.max.x <= t.min.x || t.max.y <= u.min.y || u.max.y <= t.min.y;
                    CHECK(apart);
                }
            }
        }
    }
}

TEST_CASE("every colour pair the theme draws text in has a contrast of at least 4.5 to 1") {
    const ui::Theme t;
    struct Pair {
        const char* what;
        ImU32 text;
        ImU32 back;
    };
    const Pair pairs[] = {
        {"text on background", t.text, t.background},
        {"muted text on background", t.mutedText, t.background},
        {"muted text on panel", t.mutedText, t.panel},
        {"text on panel", t.text, t.panel},
        {"text on a chosen option", t.text, t.selectedBack},
        {"warning text on its panel", t.warningText, t.warningBack},
        {"demo banner", t.onDemoBanner, t.demoBanner},
        {"demo line on background", t.demoBanner, t.background},
        {"primary button", t.onPrimary, t.primary},
        {"pressed primary button", t.onPrimary, t.primaryPressed},
        {"secondary button", t.primary, t.secondary},
        {"pressed secondary button", t.primary, t.secondaryPressed},
        {"quiet button", t.primary, t.background},
        {"keyboard key", t.text, t.key},
        {"pressed key", t.text, t.keyPressed},
        {"safety button", t.onPrimary, t.safety},
        {"pressed safety button", t.onPrimary, t.safetyPressed},
        {"next, not yet", t.disabledText, t.disabledBack},
        {"staff: a red warning", t.dangerText, t.dangerBack},
        {"staff: a wrong PIN on the background", t.dangerText, t.background},
        {"staff: what went well", t.goodText, t.goodBack},
        {"staff: for IT, in a red warning", t.mutedText, t.dangerBack},
        {"staff: for IT, in an amber one", t.mutedText, t.warningBack},
        {"staff: for IT, in a green one", t.mutedText, t.goodBack},
        {"staff: the top bar's title", t.text, t.keyboardBack},
    };
    for (const auto& p : pairs) {
        INFO(p.what << ": " << ui::contrastRatio(p.text, p.back));
        CHECK(ui::contrastRatio(p.text, p.back) >= 4.5f);
    }
    CHECK(ui::contrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0f));
    CHECK(ui::contrastRatio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) < 4.5f);
}

TEST_CASE("the feelings pictures load as square RGBA images") {
    for (int f = 1; f <= 5; ++f) {
        const auto file = std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/feelings" /
                          ("feeling-" + std::to_string(f) + ".png");
        int w = 0;
        int h = 0;
        int channels = 0;
        unsigned char* pixels = stbi_load(file.c_str(), &w, &h, &channels, 4);
        INFO(file);
        REQUIRE(pixels != nullptr);
        CHECK(w == h);
        CHECK(w >= 128);
        CHECK(pixels[3] == 0); // the corner is transparent: a round face, not a square
        stbi_image_free(pixels);
    }
}

TEST_CASE("the font has a glyph for every character of every text in both languages and the keyboard") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    std::string all = ui.ctx.keyboard.characters();
    for (const auto* c : {ui.ctx.welsh, ui.ctx.english})
        for (const auto& [key, forms] : c->all())
            for (const auto& f : forms)
                all += f;
    all += "ŴŶẀẂẄỲÂÊÎÔÛâêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ";
    // Any character written straight into the screens' code (a bullet, a dot) must be there too.
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "kiosk/screens")) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        for (const char c : text.str())
            if (static_cast<unsigned char>(c) >= 0x80)
                all += c;
    }
    for (const ui::Fonts* set : {&ui.ctx.regular, &ui.ctx.larger}) {
        for (ImFont* font : {set->body, set->bold, set->title}) {
            const char* p = all.data();
            const char* end = all.data() + all.size();
            while (p < end) {
                unsigned int c = 0;
                p += ImTextCharFromUtf8(&c, p, end);
                if (c == '\n' || c == ' ')
                    continue;
                INFO("U+" << std::hex << c);
                CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            }
        }
        // The reference code's font holds what a code can be made of.
        for (const char c : storage::referenceAlphabet() + "-")
            CHECK(set->code->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    }
}
