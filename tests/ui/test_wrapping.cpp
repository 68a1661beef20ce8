#include <test_support/temp_dir.hpp>
#include <ui/widgets.hpp>
#include "driver.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

float widthOf(ImFont* font, std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
}

} // namespace

TEST_CASE("a phone number or an address is found whole in a sentence", "[wrapping]") {
    const std::string s = "Meic: 0808 80 23456 (free), text 84001. Or www.meiccymru.org, post@childcomwales.org.uk and "
                          "ask@ombudsman.wales. At 9:00am, 15 working days.";
    std::vector<std::string> found;
    for (const auto& span : ui::unbreakableSpans(s))
        found.push_back(s.substr(span.begin, span.end - span.begin));
    CHECK(found == std::vector<std::string>{"0808 80 23456", "www.meiccymru.org", "post@childcomwales.org.uk",
                                            "ask@ombudsman.wales"});
}

TEST_CASE("no line of a catalogue text ends inside a phone number or an address at the widths the screens use",
          "[wrapping]") {
    struct Size {
        float w, h;
    };
    const auto size = GENERATE(Size{1280, 800}, Size{1920, 1080}, Size{800, 1280});
    test::TempDir dir;
    test::UiDriver ui(size.w, size.h, dir.path());
    int textsWithSpans = 0;
    for (const auto* catalogue : {ui.ctx.welsh, ui.ctx.english}) {
        for (const auto& [key, forms] : catalogue->all()) {
            for (const auto& text : forms) {
                const auto spans = ui::unbreakableSpans(text);
                if (spans.empty())
                    continue;
                ++textsWithSpans;
                for (const ui::Fonts* set : {&ui.ctx.regular, &ui.ctx.larger}) {
                    // Every column a screen gives text, from a narrow panel's inside to the widest page.
                    const float widest = std::min(size.w - 2 * set->unit, 34 * set->unit);
                    for (ImFont* font : {set->body, set->bold, set->title}) {
                        for (float width = 6 * set->unit; width <= widest; width += set->unit / 8) {
                            for (const auto line : ui::wrapLines(font, text, width)) {
                                const auto at = static_cast<std::size_t>(line.data() + line.size() - text.data());
                                for (const auto& span : spans) {
                                    const std::string_view whole(text.data() + span.begin, span.end - span.begin);
                                    if (span.begin >= at || span.end <= at || widthOf(font, whole) > width)
                                        continue;
                                    INFO(key << " at " << size.w << "x" << size.h << ", " << width << " px: \""
                                             << line << "\" ends inside \"" << whole << "\"");
                                    FAIL();
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    CHECK(textsWithSpans >= 10);
}
