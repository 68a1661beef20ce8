// Rounded boxes drawn from pictures baked into the font atlas: the pictures are the shape (a
// rounded outside, a border of its thickness, the fill inside it), and a box is drawn from them
// pixel for pixel, covering exactly its own rectangle, in a tenth of ImGui's triangles.
#include "driver.hpp"
#include "hand_drawn.hpp"

#include <test_support/temp_dir.hpp>
#include <ui/boxes.hpp>

#include <catch2/catch.hpp>
#include <imgui.h>

#include <cmath>
#include <memory>
#include <utility>

namespace kiosk::ui {
namespace {

int at(const BoxCoverage& c, const std::vector<unsigned char>& v, int x, int y) {
    return v[static_cast<std::size_t>(y * c.side + x)];
}

// An ImGui context whose atlas holds the pictures, and a draw list on its texture.
struct Atlas {
    BoxPictures boxes;
    test::HandDrawn context;
    std::unique_ptr<ImDrawList> dl;

    explicit Atlas(const std::vector<BoxPx>& shapes)
        : context(ImVec2(1280, 800), [&](ImFontAtlas& atlas) {
              atlas.AddFontDefault();
              boxes.reserve(atlas, shapes);
              boxes.bake(atlas);
          }),
          dl(context.newList()) {}
};

float quadArea(const ImDrawList& dl, int firstVertex, int quads) {
    float area = 0;
    for (int q = 0; q < quads; ++q) {
        const ImVec2 a = dl.VtxBuffer[firstVertex + q * 4].pos;
        const ImVec2 c = dl.VtxBuffer[firstVertex + q * 4 + 2].pos;
        area += (c.x - a.x) * (c.y - a.y);
    }
    return area;
}

} // namespace

TEST_CASE("A box's corner picture is round outside, a border of its thickness, and the fill inside", "[boxes]") {
    const BoxPx shape{12.8f, 2.0f};
    const BoxCoverage c = boxCoverage(shape, 13);
    // The very corner is outside the rounded box.
    CHECK(at(c, c.fillCorner, 0, 0) == 0);
    CHECK(at(c, c.borderCorner, 0, 0) == 0);
    // Where the corner's curve has become the top edge: two pixels of border, then fill.
    CHECK(at(c, c.borderCorner, 12, 0) == 255);
    CHECK(at(c, c.borderCorner, 12, 1) >= 250);
    CHECK(at(c, c.fillCorner, 12, 2) >= 250);
    CHECK(at(c, c.fillCorner, 12, 12) == 255);
    // Along the curve, pixels are partly covered: anti-aliased, not stepped.
    int partly = 0;
    for (int y = 0; y < c.side; ++y)
        for (int x = 0; x < c.side; ++x) {
            const int fill = at(c, c.fillCorner, x, y);
            const int border = at(c, c.borderCorner, x, y);
            CHECK(fill + border <= 256);                                   // never covered twice
            CHECK(fill == at(c, c.fillCorner, y, x));                     // the same either way round
            CHECK(border == at(c, c.borderCorner, y, x));
            if (fill + border > 0 && fill + border < 255)
                ++partly;
        }
    CHECK(partly >= 10);
    // The edge: the border's rows, then the fill.
    CHECK(c.borderEdge[0] == 255);
    CHECK(c.borderEdge[1] == 255);
    CHECK(c.borderEdge[2] == 0);
    CHECK(c.fillEdge[1] == 0);
    CHECK(c.fillEdge[2] == 255);
}

TEST_CASE("A box with no border is all fill, as round as asked", "[boxes]") {
    const BoxCoverage c = boxCoverage(BoxPx{10.0f, 0.0f}, 10);
    for (const unsigned char b : c.borderCorner)
        CHECK(b == 0);
    CHECK(at(c, c.fillCorner, 0, 0) == 0);
    CHECK(at(c, c.fillCorner, 9, 0) == 255); // the curve meets the top edge
    CHECK(at(c, c.fillCorner, 5, 5) == 255);
    // How much of the corner square is inside: all of it but the curve's outside, 10 x 10 (1 - pi / 4).
    double covered = 0;
    for (const unsigned char f : c.fillCorner)
        covered += f / 255.0;
    CHECK(covered == Approx(100 - 100 * (1 - 3.14159265 / 4)).margin(1.0));
}

TEST_CASE("A box is drawn from its pictures in 19 rectangles that tile exactly its own pixels", "[boxes]") {
    const BoxPx shape = boxPixels(kButtonBox, 36.0f, true);
    Atlas atlas({shape, boxPixels(kButtonBox, 36.0f, false)});
    const auto* picture = atlas.boxes.find(shape);
    REQUIRE(picture != nullptr);

    atlas.boxes.draw(*atlas.dl, ImVec2(100.4f, 200.6f), ImVec2(300.4f, 280.6f), IM_COL32_WHITE, IM_COL32_BLACK, shape);
    REQUIRE(atlas.dl->VtxBuffer.Size == 19 * 4);
    // The fill's 11 rectangles (corners, edges, middle) tile the box on whole pixels, 200 x 80.
    CHECK(quadArea(*atlas.dl, 0, 11) == Approx(200.0f * 80.0f));
    const ImDrawVert& first = atlas.dl->VtxBuffer[0];
    CHECK(first.pos.x == 100.0f);
    CHECK(first.pos.y == 201.0f);
    // Its top left corner is the corner picture, pixel for pixel.
    const ImDrawVert& cornerEnd = atlas.dl->VtxBuffer[2];
    const float side = static_cast<float>(picture->corner);
    CHECK(cornerEnd.pos.x - first.pos.x == side);
    CHECK((cornerEnd.uv.x - first.uv.x) / picture->texel.x == Approx(side));
    CHECK((cornerEnd.uv.y - first.uv.y) / picture->texel.y == Approx(side));
    // The border's 8 go around it, on the border's colour.
    CHECK(atlas.dl->VtxBuffer[11 * 4].col == IM_COL32_BLACK);
    CHECK(atlas.dl->VtxBuffer[0].col == IM_COL32_WHITE);

    SECTION("without a border colour, only the fill") {
        atlas.context.restart(*atlas.dl);
        atlas.boxes.draw(*atlas.dl, ImVec2(100, 200), ImVec2(300, 280), IM_COL32_WHITE, 0,
                         boxPixels(kButtonBox, 36.0f, false));
        REQUIRE(atlas.dl->VtxBuffer.Size == 7 * 4); // four corners and the middle: no edges to draw
        CHECK(quadArea(*atlas.dl, 0, 7) == Approx(200.0f * 80.0f));
    }
}

TEST_CASE("A box too small for its corners, or of a shape not baked, is drawn with ImGui's own shapes", "[boxes]") {
    const BoxPx shape = boxPixels(kButtonBox, 36.0f, true);
    Atlas atlas({shape});
    SECTION("too small") {
        atlas.boxes.draw(*atlas.dl, ImVec2(100, 100), ImVec2(110, 200), IM_COL32_WHITE, IM_COL32_BLACK, shape);
    }
    SECTION("not baked") {
        atlas.boxes.draw(*atlas.dl, ImVec2(100, 100), ImVec2(300, 200), IM_COL32_WHITE, IM_COL32_BLACK, BoxPx{7.0f, 1.0f});
    }
    // A polygon with its anti-aliased fringe and an outline: many more triangles than 19 rectangles'.
    CHECK(atlas.dl->IdxBuffer.Size > 2 * 19 * 6);
}

TEST_CASE("Every box the screens draw is baked at both text sizes, its border on whole pixels", "[boxes]") {
    for (const auto& [w, h] : {std::pair{1280.0f, 800.0f}, std::pair{1920.0f, 1080.0f}, std::pair{800.0f, 1280.0f}}) {
        test::TempDir dir;
        test::UiDriver ui(w, h, dir.path());
        for (const float unit : {ui.ctx.regular.unit, ui.ctx.larger.unit})
            for (const BoxEm& shape : kBakedBoxes)
                for (const bool bordered : {true, false}) {
                    const BoxPx px = boxPixels(shape, unit, bordered);
                    INFO(w << "x" << h << ", " << px.rounding << " px round, border " << px.border);
                    CHECK(ui.ctx.boxes.find(px) != nullptr);
                    CHECK(px.border == std::round(px.border));
                    CHECK((bordered ? px.border >= 1.0f : px.border == 0.0f));
                }
    }
}

} // namespace kiosk::ui
