#pragma once

#include <imgui.h>

#include <vector>

namespace kiosk::ui {

/// A rounded box's shape as a share of the body font's size: how round its corners are and how
/// thick its border is (never thinner than minBorderPx), so that it grows with bigger text.
struct BoxEm {
    float rounding = 0;
    float border = 0;
    float minBorderPx = 0;
};

/// The boxes the screens draw (one place, so that each is baked once).
inline constexpr BoxEm kButtonBox{0.35f, 0.06f, 1.0f};    // buttons, keys, options
inline constexpr BoxEm kChosenOptionBox{0.35f, 0.12f, 1.0f};
inline constexpr BoxEm kChoiceBox{0.45f, 0.08f, 1.0f};    // the large choices (kind, who)
inline constexpr BoxEm kTileBox{0.4f, 0.05f, 1.0f};       // feelings' tiles, panels
inline constexpr BoxEm kChosenTileBox{0.4f, 0.14f, 1.0f};
inline constexpr BoxEm kFieldBox{0.3f, 0.05f, 1.5f};      // a box to type in
inline constexpr BoxEm kTypingFieldBox{0.3f, 0.11f, 3.0f}; // the box being typed in
inline constexpr BoxEm kNoteBox{0.3f, 0.08f, 2.0f};       // the reference code, notes
inline constexpr BoxEm kBakedBoxes[] = {kButtonBox, kChosenOptionBox, kChoiceBox, kTileBox,
                                        kChosenTileBox, kFieldBox, kTypingFieldBox, kNoteBox};

/// A box's shape in pixels at a font size: the border is a whole number of pixels and the corners
/// never rounder than the border leaves room for.
struct BoxPx {
    float rounding = 0;
    float border = 0;
    bool operator==(const BoxPx&) const = default;
};
[[nodiscard]] BoxPx boxPixels(BoxEm shape, float unit, bool bordered);

/// Rounded boxes drawn from pictures of their corners and edges baked into the font atlas.
///
/// ImGui draws a rounded box with a border as an anti-aliased polygon and an anti-aliased outline
/// around it: about 180 triangles, many of them one pixel thin, which cost a software renderer far
/// more than the pixels they fill (a keyboard of 45 keys is 8,000 of them). From pictures a box is
/// 19 rectangles: four corners and four edges of its fill and of its border, each drawn from the
/// atlas pixel for pixel (the kiosk samples it without filtering, so a box's corners land on
/// whole pixels), and its middle filled plainly.
class BoxPictures {
public:
    /// Makes room in the atlas for each shape at each font size; before the atlas is built.
    void reserve(ImFontAtlas& atlas, const std::vector<BoxPx>& shapes);
    /// Draws the pictures into the built atlas's pixels (its 8-bit alpha, which ImGui turns into
    /// white with that alpha for the GPU).
    void bake(ImFontAtlas& atlas);
    /// Draws a box: from its shape's pictures if it has them and the box is at least two corners
    /// wide and tall, else with ImGui's own shapes. A border of 0 colour is not drawn.
    void draw(ImDrawList& dl, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, BoxPx shape) const;

    struct Picture {
        BoxPx shape;
        int id = -1;     // the atlas's custom rectangle
        int corner = 0;  // a corner picture's side, in pixels
        int edge = 0;    // how deep an edge's picture is: the border and the pixel it ends in
        ImVec2 uv0;      // the atlas position of the rectangle's top left pixel
        ImVec2 texel;    // one atlas pixel, in texture coordinates
    };
    [[nodiscard]] const Picture* find(BoxPx shape) const;

private:
    std::vector<Picture> m_pictures;
};

/// How much of each pixel of a box's top left corner (side pixels square) and of its top edge
/// (side pixels deep) the fill and the border cover, 0 to 255, row by row: the pictures baked.
struct BoxCoverage {
    int side = 0;
    std::vector<unsigned char> fillCorner, borderCorner, fillEdge, borderEdge;
};
[[nodiscard]] BoxCoverage boxCoverage(BoxPx shape, int side);

} // namespace kiosk::ui
