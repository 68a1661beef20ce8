#include "../../kiosk/app/tour_stops.hpp"
#include "../../kiosk/flow/step.hpp"
#include "../../kiosk/screens/screens.hpp"
#include "../storage/temp_dir.hpp"
#include "driver.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <imgui.h>
#include <imgui_internal.h>

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
            flow::resetSession(ui.state);
            ui.state.language = language;
            stop.reach(ui.state);
            ui.frame();
            ui.frame();
            INFO(stop.name << " " << (language == flow::Language::Welsh ? "cy" : "en") << " at " << size.w << "x"
                           << size.h);
            const auto& targets = ui.ctx.taps.all();
            if (std::string(stop.name) != "sending")
                CHECK_FALSE(targets.empty());
            for (const auto& [key, t] : targets) {
                INFO(key);
                CHECK(t.size().x >= 44);
                CHECK(t.size().y >= 44);
                CHECK(t.min.x >= 0);
                CHECK(t.min.y >= 0);
                CHECK(t.max.x <= size.w);
                CHECK(t.max.y <= size.h);
                for (const auto& [other, u] : targets) {
                    if (other <= key)
                        continue;
                    INFO("overlaps " << other);
                    const bool apart = t.max.x <= u.min.x || u.max.x <= t.min.x || t.max.y <= u.min.y ||
                                       u.max.y <= t.min.y;
                    CHECK(apart);
                }
            }
        }
    }
}

TEST_CASE("the font has a glyph for every character of every text in both languages and the keyboard") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    std::string all = screens::keyboardCharacters();
    for (const auto* c : {ui.ctx.welsh, ui.ctx.english})
        for (const auto& [key, forms] : c->all())
            for (const auto& f : forms)
                all += f;
    all += "ŴŶẀẂẄỲÂÊÎÔÛâêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ";
    // Any character written straight into the screens' code (a bullet, a dot) must be there too.
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "kiosk/screens")) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        for (const char c : text.str())
            if (static_cast<unsigned char>(c) >= 0x80)
                all += c;
    }
    for (ImFont* font : {ui.ctx.fonts.body, ui.ctx.fonts.bold, ui.ctx.fonts.title, ui.ctx.fonts.code}) {
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
}
