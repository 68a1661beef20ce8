#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace kiosk::ui {

/// A rectangle of whole pixels, top left origin as ImGui's, ends exclusive.
struct PixelRect {
    int x0 = 0;
    int y0 = 0;
    int x1 = 0;
    int y1 = 0;

    [[nodiscard]] bool empty() const { return x1 <= x0 || y1 <= y0; }
    [[nodiscard]] long area() const { return empty() ? 0 : static_cast<long>(x1 - x0) * (y1 - y0); }
    [[nodiscard]] bool contains(const PixelRect& r) const { return x0 <= r.x0 && y0 <= r.y0 && r.x1 <= x1 && r.y1 <= y1; }
    bool operator==(const PixelRect&) const = default;
};

/// What a frame changes on the screen, so that a software renderer draws and sends only that.
///
/// The screen is cut into square cells. Each frame, every triangle to be drawn (its three corners'
/// positions, texture coordinates and colours, its clip rectangle and texture) is folded, in drawing
/// order, into the fingerprint of every cell its bounds touch. A cell whose fingerprint is the one it
/// had last frame is drawn by the same triangles in the same order, and so holds the same pixels:
/// only cells whose fingerprint changed need drawing again. Vertices are compared by what they are,
/// not where they sit in the buffers, so a letter typed into a box does not damage everything drawn
/// after it.
class Damage {
public:
    /// The rectangles of the screen the frame changes since the frame before it: none if nothing
    /// changed, the whole screen for the first frame, after forget(), or if the size or the colour
    /// under everything changed, or if most of it changed (clearing part of the screen costs a
    /// software renderer four times what clearing all of it does). Never more than kMostRects; they
    /// may overlap.
    /// The clip rectangles must already be whole pixels (snapClipRects).
    [[nodiscard]] std::vector<PixelRect> update(const ImDrawData& frame, ImU32 clear);
    /// The next update is the whole screen (what was on the screen is no longer known).
    void forget() { m_known = false; }

    static constexpr int kCellPx = 32;
    static constexpr std::size_t kMostRects = 4;

private:
    bool m_known = false;
    int m_width = 0;
    int m_height = 0;
    ImU32 m_clear = 0;
    std::vector<std::uint64_t> m_cells;
};

/// Rounds every draw command's clip rectangle to the whole pixels the OpenGL backend scissors it to
/// (it truncates each float as it converts), so that restricting it to a rectangle of whole pixels
/// clips exactly where the full frame would have.
void snapClipRects(ImDrawData& frame);

/// The frame's clip rectangles, to put back after drawing it restricted to part of the screen.
[[nodiscard]] std::vector<ImVec4> clipRects(const ImDrawData& frame);
/// Restricts every draw command to the part of `to` inside its own clip rectangle (saved as `from`):
/// a command with nothing there gets an empty rectangle, which the backend skips.
void restrictClipRects(ImDrawData& frame, const std::vector<ImVec4>& from, const PixelRect& to);
void restoreClipRects(ImDrawData& frame, const std::vector<ImVec4>& from);

} // namespace kiosk::ui
