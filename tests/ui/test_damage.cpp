// What a frame changed: the part of the screen the kiosk draws again under a software renderer.
// A cell left out that did change would show a child a stale picture, so these tests look for
// changes of every kind (colour, place, order, clipping, texture, size), and that what did not
// change is left alone even when the buffers shift under it.
#include "driver.hpp"
#include "hand_drawn.hpp"
#include "journeys.hpp"

#include <test_support/temp_dir.hpp>
#include <ui/damage.hpp>

#include <catch2/catch.hpp>
#include <imgui.h>

#include <limits>
#include <memory>
#include <vector>

namespace kiosk::test {
namespace {

using ui::Damage;
using ui::PixelRect;

constexpr ImU32 kClear = IM_COL32(250, 248, 244, 255);

// Frames drawn by hand: lists of rectangles, each list a window's draw list.
class Frames {
public:
    Frames() {
        m_data.DisplaySize = ImVec2(1280, 800);
        m_data.FramebufferScale = ImVec2(1, 1);
        m_data.Valid = true;
    }

    /// A fresh frame of `lists` empty draw lists covering the screen.
    ImDrawList& start(int lists = 1) {
        m_lists.clear();
        m_pointers.clear();
        for (int i = 0; i < lists; ++i) {
            m_lists.push_back(m_context.newList(m_data.DisplaySize));
            m_pointers.push_back(m_lists.back().get());
        }
        return *m_lists.front();
    }
    ImDrawList& list(int i) { return *m_lists[static_cast<std::size_t>(i)]; }

    ImDrawData& data() {
        m_data.CmdLists = m_pointers.data();
        m_data.CmdListsCount = static_cast<int>(m_pointers.size());
        m_data.TotalVtxCount = m_data.TotalIdxCount = 0;
        for (auto* l : m_pointers) {
            m_data.TotalVtxCount += l->VtxBuffer.Size;
            m_data.TotalIdxCount += l->IdxBuffer.Size;
        }
        return m_data;
    }
    void resize(float w, float h) { m_data.DisplaySize = ImVec2(w, h); }

private:
    test::HandDrawn m_context{ImVec2(1280, 800)}; // first: the lists go before it
    std::vector<std::unique_ptr<ImDrawList>> m_lists;
    std::vector<ImDrawList*> m_pointers;
    ImDrawData m_data;
};

// Text, boxes and a button far from each other, as a screen has; `box` is the box's colour,
// `words` what is typed in it.
void screen(ImDrawList& dl, ImU32 box, const char* words = "Dw i'n drist") {
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(1280, 80), IM_COL32(20, 90, 90, 255));              // a bar
    dl.AddRectFilled(ImVec2(200, 200), ImVec2(1000, 400), box, 12.0f);                       // a box
    dl.AddText(ImVec2(220, 220), IM_COL32(0, 0, 0, 255), words);                             // typed in it
    dl.AddRectFilled(ImVec2(1100, 700), ImVec2(1260, 780), IM_COL32(10, 80, 80, 255), 12.0f); // a button
    dl.AddRect(ImVec2(1100, 700), ImVec2(1260, 780), IM_COL32(0, 0, 0, 255), 12.0f, 0, 2.0f);
}

bool covers(const std::vector<PixelRect>& rects, const PixelRect& r) {
    for (const auto& d : rects)
        if (d.contains(r))
            return true;
    return false;
}

bool touches(const std::vector<PixelRect>& rects, const PixelRect& r) {
    for (const auto& d : rects)
        if (d.x0 < r.x1 && r.x0 < d.x1 && d.y0 < r.y1 && r.y0 < d.y1)
            return true;
    return false;
}

long area(const std::vector<PixelRect>& rects) {
    long a = 0;
    for (const auto& r : rects)
        a += r.area();
    return a;
}

const PixelRect kScreen{0, 0, 1280, 800};
const PixelRect kBar{0, 0, 1280, 80};
const PixelRect kBox{200, 200, 1000, 400};
const PixelRect kButton{1100, 700, 1260, 780};

} // namespace

TEST_CASE("The first frame is drawn whole; the same frame again draws nothing", "[damage]") {
    Frames frames;
    Damage damage;
    screen(frames.start(), IM_COL32_WHITE);
    CHECK(damage.update(frames.data(), kClear) == std::vector<PixelRect>{kScreen});
    screen(frames.start(), IM_COL32_WHITE);
    CHECK(damage.update(frames.data(), kClear).empty());
}

TEST_CASE("A box that changes colour is drawn again, and nothing far from it", "[damage]") {
    Frames frames;
    Damage damage;
    screen(frames.start(), IM_COL32_WHITE);
    (void)damage.update(frames.data(), kClear);
    screen(frames.start(), IM_COL32(230, 240, 240, 255));
    const auto rects = damage.update(frames.data(), kClear);
    CHECK(covers(rects, kBox));
    CHECK_FALSE(touches(rects, kBar));
    CHECK_FALSE(touches(rects, kButton));
}

TEST_CASE("A letter typed is drawn again, not everything drawn after it in the buffers", "[damage]") {
    Frames frames;
    Damage damage;
    screen(frames.start(), IM_COL32_WHITE, "Dw i'n drist");
    (void)damage.update(frames.data(), kClear);
    // One letter more: the vertices of the button, drawn later, sit further along the buffers.
    screen(frames.start(), IM_COL32_WHITE, "Dw i'n drist.");
    const auto rects = damage.update(frames.data(), kClear);
    REQUIRE_FALSE(rects.empty());
    CHECK_FALSE(touches(rects, kButton));
    CHECK_FALSE(touches(rects, kBar));
    CHECK(area(rects) <= 64L * 64L);
}

TEST_CASE("Two changes far apart are drawn as two parts, not everything between", "[damage]") {
    Frames frames;
    Damage damage;
    const auto draw = [&](ImU32 a, ImU32 b) {
        ImDrawList& dl = frames.start();
        dl.AddRectFilled(ImVec2(40, 40), ImVec2(100, 100), a);
        dl.AddRectFilled(ImVec2(1100, 650), ImVec2(1200, 750), b);
    };
    draw(IM_COL32_WHITE, IM_COL32_WHITE);
    (void)damage.update(frames.data(), kClear);
    draw(IM_COL32_BLACK, IM_COL32_BLACK);
    const auto rects = damage.update(frames.data(), kClear);
    CHECK(rects.size() == 2);
    CHECK(covers(rects, {40, 40, 100, 100}));
    CHECK(covers(rects, {1100, 650, 1200, 750}));
    CHECK(area(rects) < 1280L * 800L / 20);
}

TEST_CASE("Everything that decides a pixel is seen: order, place, clipping, texture, window", "[damage]") {
    Frames frames;
    Damage damage;
    const PixelRect overlap{300, 300, 400, 400};
    const auto twoBoxes = [&](bool redOnTop) {
        ImDrawList& dl = frames.start();
        const ImU32 red = IM_COL32(200, 0, 0, 255);
        const ImU32 blue = IM_COL32(0, 0, 200, 255);
        dl.AddRectFilled(ImVec2(250, 250), ImVec2(400, 400), redOnTop ? blue : red);
        dl.AddRectFilled(ImVec2(300, 300), ImVec2(450, 450), redOnTop ? red : blue);
    };
    twoBoxes(false);
    (void)damage.update(frames.data(), kClear);

    SECTION("the same two boxes drawn in the other order") {
        twoBoxes(true);
        CHECK(covers(damage.update(frames.data(), kClear), overlap));
    }
    SECTION("a box moved by a pixel") {
        ImDrawList& dl = frames.start();
        dl.AddRectFilled(ImVec2(251, 250), ImVec2(401, 400), IM_COL32(200, 0, 0, 255));
        dl.AddRectFilled(ImVec2(300, 300), ImVec2(450, 450), IM_COL32(0, 0, 200, 255));
        const auto rects = damage.update(frames.data(), kClear);
        CHECK(covers(rects, {250, 250, 402, 400}));
    }
    SECTION("the same boxes clipped: what the clip now hides is drawn again") {
        ImDrawList& dl = frames.start();
        dl.PushClipRect(ImVec2(0, 0), ImVec2(1280, 350));
        dl.AddRectFilled(ImVec2(250, 250), ImVec2(400, 400), IM_COL32(200, 0, 0, 255));
        dl.AddRectFilled(ImVec2(300, 300), ImVec2(450, 450), IM_COL32(0, 0, 200, 255));
        dl.PopClipRect();
        CHECK(covers(damage.update(frames.data(), kClear), {250, 350, 450, 450}));
    }
    SECTION("the same boxes from another texture") {
        ImDrawList& dl = frames.start();
        dl.PushTextureID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(12345)));
        dl.AddRectFilled(ImVec2(250, 250), ImVec2(400, 400), IM_COL32(200, 0, 0, 255));
        dl.AddRectFilled(ImVec2(300, 300), ImVec2(450, 450), IM_COL32(0, 0, 200, 255));
        dl.PopTextureID();
        CHECK(covers(damage.update(frames.data(), kClear), {250, 250, 450, 450}));
    }
    SECTION("the same boxes, the second in a window drawn first") {
        frames.start(2);
        frames.list(1).AddRectFilled(ImVec2(250, 250), ImVec2(400, 400), IM_COL32(200, 0, 0, 255));
        frames.list(0).AddRectFilled(ImVec2(300, 300), ImVec2(450, 450), IM_COL32(0, 0, 200, 255));
        CHECK(covers(damage.update(frames.data(), kClear), overlap));
    }
    SECTION("a box taken away") {
        frames.start().AddRectFilled(ImVec2(250, 250), ImVec2(400, 400), IM_COL32(200, 0, 0, 255));
        CHECK(covers(damage.update(frames.data(), kClear), {300, 300, 450, 450}));
    }
}

TEST_CASE("The whole screen is drawn after a new size, a new colour under it, forget(), or a change to most of it",
          "[damage]") {
    Frames frames;
    Damage damage;
    screen(frames.start(), IM_COL32_WHITE);
    (void)damage.update(frames.data(), kClear);

    SECTION("a new colour under everything") {
        screen(frames.start(), IM_COL32_WHITE);
        CHECK(damage.update(frames.data(), IM_COL32_BLACK) == std::vector<PixelRect>{kScreen});
    }
    SECTION("forget()") {
        damage.forget();
        screen(frames.start(), IM_COL32_WHITE);
        CHECK(damage.update(frames.data(), kClear) == std::vector<PixelRect>{kScreen});
    }
    SECTION("a new size") {
        frames.resize(800, 1280);
        screen(frames.start(), IM_COL32_WHITE);
        CHECK(damage.update(frames.data(), kClear) == std::vector<PixelRect>{PixelRect{0, 0, 800, 1280}});
    }
    SECTION("most of the screen") {
        ImDrawList& dl = frames.start();
        screen(dl, IM_COL32_WHITE);
        dl.AddRectFilled(ImVec2(0, 100), ImVec2(1280, 700), IM_COL32(1, 2, 3, 255));
        CHECK(damage.update(frames.data(), kClear) == std::vector<PixelRect>{kScreen});
    }
}

TEST_CASE("Changes at a screen's ragged edge, with corners not numbers, or everywhere at once are all drawn",
          "[damage]") {
    Frames frames;
    Damage damage;
    frames.resize(1000, 700); // neither a multiple of the 32-pixel cells
    const auto dots = [&](ImU32 colour) -> ImDrawList& {
        ImDrawList& dl = frames.start();
        for (int y = 0; y < 700; y += 70)
            for (int x = 0; x < 1000; x += 100)
                dl.AddRectFilled(ImVec2(static_cast<float>(x), static_cast<float>(y)),
                                 ImVec2(static_cast<float>(x) + 4, static_cast<float>(y) + 4), colour);
        dl.AddRectFilled(ImVec2(990, 690), ImVec2(1000, 700), colour);
        return dl;
    };
    dots(IM_COL32_WHITE);
    (void)damage.update(frames.data(), kClear);

    SECTION("a hundred dots far apart, and one in the bottom right corner") {
        dots(IM_COL32_BLACK);
        const auto rects = damage.update(frames.data(), kClear);
        CHECK(rects.size() <= Damage::kMostRects);
        for (int y = 0; y < 700; y += 70)
            for (int x = 0; x < 1000; x += 100)
                CHECK(covers(rects, {x, y, x + 4, y + 4}));
        CHECK(covers(rects, {990, 690, 1000, 700}));
        for (const auto& r : rects)
            CHECK(PixelRect{0, 0, 1000, 700}.contains(r));
    }
    SECTION("a triangle whose corner is not a number: all its clip rectangle, and no more") {
        ImDrawList& dl = dots(IM_COL32_WHITE);
        dl.PushClipRect(ImVec2(100, 100), ImVec2(300, 200));
        dl.PrimReserve(3, 3);
        const auto first = static_cast<ImDrawIdx>(dl._VtxCurrentIdx);
        const ImVec2 uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
        dl.PrimWriteVtx(ImVec2(150, 150), uv, IM_COL32_WHITE);
        dl.PrimWriteVtx(ImVec2(std::numeric_limits<float>::quiet_NaN(), 150), uv, IM_COL32_WHITE);
        dl.PrimWriteVtx(ImVec2(150, 180), uv, IM_COL32_WHITE);
        dl.PrimWriteIdx(first);
        dl.PrimWriteIdx(static_cast<ImDrawIdx>(first + 1));
        dl.PrimWriteIdx(static_cast<ImDrawIdx>(first + 2));
        dl.PopClipRect();
        const auto rects = damage.update(frames.data(), kClear);
        CHECK(covers(rects, {100, 100, 300, 200}));
        CHECK(area(rects) < 1000L * 700 / 5);
    }
    SECTION("drawing by a callback, which it cannot see into: the whole screen") {
        ImDrawList& dl = dots(IM_COL32_WHITE);
        dl.AddCallback([](const ImDrawList*, const ImDrawCmd*) {}, nullptr);
        CHECK(damage.update(frames.data(), kClear) == std::vector<PixelRect>{PixelRect{0, 0, 1000, 700}});
    }
}

TEST_CASE("Clip rectangles are snapped to the pixels the OpenGL backend scissors, and restricted exactly", "[damage]") {
    Frames frames;
    ImDrawList& dl = frames.start();
    dl.PushClipRect(ImVec2(10.5f, 20.25f), ImVec2(30.75f, 40.9f));
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(100, 100), IM_COL32_WHITE);
    dl.PopClipRect();
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(5, 5), IM_COL32_WHITE);
    ImDrawData& data = frames.data();
    // The clip rectangles of the commands that draw: the clipped box's, then the small box's.
    const auto drawing = [&] {
        std::vector<ImVec4> clips;
        for (const ImDrawCmd& cmd : data.CmdLists[0]->CmdBuffer)
            if (cmd.ElemCount > 0)
                clips.push_back(cmd.ClipRect);
        REQUIRE(clips.size() == 2);
        return clips;
    };
    ui::snapClipRects(data);
    // glScissor((int)10.5, (int)(800 - 40.9), (int)(30.75 - 10.5), (int)(40.9 - 20.25)) = (10, 759, 20, 20):
    // x from 10 to 30, and from the top, 800 - 759 = 41 up to 21.
    const ImVec4 snapped = drawing()[0];
    CHECK(snapped.x == 10);
    CHECK(snapped.y == 21);
    CHECK(snapped.z == 30);
    CHECK(snapped.w == 41);

    const auto saved = ui::clipRects(data);
    ui::restrictClipRects(data, saved, PixelRect{20, 0, 1280, 30});
    const ImVec4 restricted = drawing()[0];
    CHECK(restricted.x == 20);
    CHECK(restricted.y == 21);
    CHECK(restricted.z == 30);
    CHECK(restricted.w == 30);
    CHECK(drawing()[1].x == 20); // the other box's command, clipped to the whole screen
    CHECK(drawing()[1].w == 30);
    // A part outside the first clip: its command gets nothing, which the backend skips.
    ui::restrictClipRects(data, saved, PixelRect{100, 100, 200, 200});
    CHECK(drawing()[0].z <= drawing()[0].x);
    CHECK(drawing()[1].x == 100);
    ui::restoreClipRects(data, saved);
    CHECK(drawing()[0].w == 41);
    CHECK(drawing()[1].z == 1280);
}

TEST_CASE("Typing a letter on the real Story screen draws the box and the key again, not the bars", "[damage]") {
    TempDir dir;
    UiDriver ui(1920, 1080, dir.path());
    toStory(ui, flow::Language::Welsh);
    ui.typeOnScreen("D");
    Damage damage;
    std::vector<std::vector<PixelRect>> frames;
    ui.afterFrame = [&](const UiDriver&) {
        ImDrawData& data = *ImGui::GetDrawData();
        ui::snapClipRects(data);
        frames.push_back(damage.update(data, ui.ctx.theme.background));
    };
    ui.frame();
    ui.frame();
    frames.clear();
    ui.typeOnScreen("w");
    ui.afterFrame = nullptr;

    const auto rectOf = [&](std::string_view key) {
        const auto t = ui.ctx.taps.find(key);
        REQUIRE(t.has_value());
        return PixelRect{static_cast<int>(t->min.x), static_cast<int>(t->min.y), static_cast<int>(t->max.x),
                         static_cast<int>(t->max.y)};
    };
    const PixelRect hide = rectOf("chrome.hide");
    const PixelRect next = rectOf("nav.next");
    const PixelRect key = rectOf("key.w");
    bool keyDrawn = false;
    long most = 0;
    for (const auto& rects : frames) {
        CHECK_FALSE(touches(rects, hide));
        CHECK_FALSE(touches(rects, next));
        keyDrawn = keyDrawn || covers(rects, key);
        most = std::max(most, area(rects));
    }
    CHECK(keyDrawn);               // pressed, then let go
    CHECK(most < 1920L * 1080 / 8); // a key and a line of words, not the screen
    INFO("frames: " << frames.size() << ", the most drawn in one: " << most << " pixels");
    CHECK(ui.state.answers.field(flow::Field::Story).text() == "Dw");
}

} // namespace kiosk::test
