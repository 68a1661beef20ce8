#include <ui/damage.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

namespace kiosk::ui {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h = (h ^ v) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 29);
}

std::uint64_t bits(const void* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, sizeof v);
    return v;
}

std::uint64_t pair(int a, int b) { return static_cast<std::uint32_t>(a) | static_cast<std::uint64_t>(static_cast<std::uint32_t>(b)) << 32; }

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

PixelRect unite(const PixelRect& a, const PixelRect& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

PixelRect whole(const ImVec4& clip) {
    return {static_cast<int>(clip.x), static_cast<int>(clip.y), static_cast<int>(clip.z), static_cast<int>(clip.w)};
}

// The pixels a triangle can touch, a pixel wider each way than its corners (the rasteriser snaps
// them to a subpixel grid); a corner that is not a number could be anywhere.
PixelRect bounds(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const PixelRect& clip) {
    const float xs[] = {a.pos.x, b.pos.x, c.pos.x};
    const float ys[] = {a.pos.y, b.pos.y, c.pos.y};
    for (float v : {xs[0], xs[1], xs[2], ys[0], ys[1], ys[2]})
        if (!std::isfinite(v))
            return clip;
    const auto [x0, x1] = std::minmax({xs[0], xs[1], xs[2]});
    const auto [y0, y1] = std::minmax({ys[0], ys[1], ys[2]});
    const auto px = [](float v) { return static_cast<int>(std::clamp(v, -1e6f, 1e6f)); };
    return intersect(PixelRect{px(std::floor(x0)) - 1, px(std::floor(y0)) - 1, px(std::ceil(x1)) + 1, px(std::ceil(y1)) + 1}, clip);
}

// Each changed cell's group (8-connected), as a rectangle of cells.
std::vector<PixelRect> changedGroups(const std::vector<bool>& changed, int cols, int rows) {
    std::vector<PixelRect> groups;
    std::vector<bool> seen(changed.size());
    std::vector<int> todo;
    for (int start = 0; start < cols * rows; ++start) {
        if (!changed[start] || seen[start])
            continue;
        PixelRect box{start % cols, start / cols, start % cols + 1, start / cols + 1};
        seen[start] = true;
        todo.assign(1, start);
        while (!todo.empty()) {
            const int cell = todo.back();
            todo.pop_back();
            const int cx = cell % cols;
            const int cy = cell / cols;
            box = unite(box, {cx, cy, cx + 1, cy + 1});
            for (int ny = std::max(cy - 1, 0); ny <= std::min(cy + 1, rows - 1); ++ny)
                for (int nx = std::max(cx - 1, 0); nx <= std::min(cx + 1, cols - 1); ++nx)
                    if (const int n = ny * cols + nx; changed[n] && !seen[n]) {
                        seen[n] = true;
                        todo.push_back(n);
                    }
        }
        groups.push_back(box);
    }
    return groups;
}

// Joins rectangles (of cells) while there are too many, or while two are close enough that drawing
// the cells between them costs less than another pass over the frame's triangles (which costs
// llvmpipe about what drawing 64 cells does, for a screen of 30,000 indices).
void join(std::vector<PixelRect>& rects) {
    constexpr long kCellsWorthAPass = 64;
    constexpr std::size_t kMostToCompare = 64;
    if (rects.size() > kMostToCompare) {
        for (std::size_t i = 1; i < rects.size(); ++i)
            rects.front() = unite(rects.front(), rects[i]);
        rects.resize(1);
    }
    while (rects.size() > 1) {
        std::size_t bestA = 0;
        std::size_t bestB = 1;
        long bestCost = std::numeric_limits<long>::max();
        for (std::size_t a = 0; a < rects.size(); ++a)
            for (std::size_t b = a + 1; b < rects.size(); ++b)
                if (const long cost = unite(rects[a], rects[b]).area() - rects[a].area() - rects[b].area(); cost < bestCost) {
                    bestCost = cost;
                    bestA = a;
                    bestB = b;
                }
        if (rects.size() <= Damage::kMostRects && bestCost > kCellsWorthAPass)
            break;
        rects[bestA] = unite(rects[bestA], rects[bestB]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(bestB));
    }
}

} // namespace

std::vector<PixelRect> Damage::update(const ImDrawData& frame, ImU32 clear) {
    const int width = static_cast<int>(frame.DisplaySize.x * frame.FramebufferScale.x);
    const int height = static_cast<int>(frame.DisplaySize.y * frame.FramebufferScale.y);
    if (width <= 0 || height <= 0)
        return {};
    const PixelRect screen{0, 0, width, height};
    const int cols = (width + kCellPx - 1) / kCellPx;
    const int rows = (height + kCellPx - 1) / kCellPx;
    std::vector<std::uint64_t> cells(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows), mix(0, clear));
    bool unknowable = false;

    for (int n = 0; n < frame.CmdListsCount; ++n) {
        const ImDrawList& list = *frame.CmdLists[n];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                unknowable = true; // drawn by code this cannot see into
                continue;
            }
            const PixelRect clip = intersect(whole(cmd.ClipRect), screen);
            if (clip.empty())
                continue;
            const std::uint64_t drawnBy =
                mix(mix(pair(clip.x0, clip.y0), pair(clip.x1, clip.y1)), reinterpret_cast<std::uintptr_t>(cmd.TextureId));
            const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& a = vtx[idx[i]];
                const ImDrawVert& b = vtx[idx[i + 1]];
                const ImDrawVert& c = vtx[idx[i + 2]];
                const PixelRect touched = bounds(a, b, c, clip);
                if (touched.empty())
                    continue;
                std::uint64_t triangle = drawnBy;
                for (const ImDrawVert* v : {&a, &b, &c})
                    triangle = mix(mix(mix(triangle, bits(&v->pos)), bits(&v->uv)), v->col);
                for (int cy = touched.y0 / kCellPx; cy <= (touched.y1 - 1) / kCellPx; ++cy)
                    for (int cx = touched.x0 / kCellPx; cx <= (touched.x1 - 1) / kCellPx; ++cx) {
                        auto& cell = cells[static_cast<std::size_t>(cy) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(cx)];
                        cell = mix(cell, triangle);
                    }
            }
        }
    }

    const bool sameScreen = m_known && width == m_width && height == m_height && clear == m_clear;
    std::vector<PixelRect> rects;
    if (!sameScreen || unknowable) {
        rects.push_back(screen);
    } else {
        std::vector<bool> changed(cells.size());
        for (std::size_t i = 0; i < cells.size(); ++i)
            changed[i] = cells[i] != m_cells[i];
        rects = changedGroups(changed, cols, rows);
        join(rects);
        long area = 0;
        for (auto& r : rects) {
            r = intersect({r.x0 * kCellPx, r.y0 * kCellPx, r.x1 * kCellPx, r.y1 * kCellPx}, screen);
            area += r.area();
        }
        // Part of the screen is cleared with a quad, the whole of it by filling memory: past about
        // three fifths of it, drawing all of it costs less.
        if (area * 5 >= screen.area() * 3)
            rects.assign(1, screen);
    }
    m_known = true;
    m_width = width;
    m_height = height;
    m_clear = clear;
    m_cells = std::move(cells);
    return rects;
}

void snapClipRects(ImDrawData& frame) {
    const auto fbHeight = static_cast<float>(static_cast<int>(frame.DisplaySize.y * frame.FramebufferScale.y));
    for (int n = 0; n < frame.CmdListsCount; ++n)
        for (ImDrawCmd& cmd : frame.CmdLists[n]->CmdBuffer) {
            ImVec4& c = cmd.ClipRect;
            if (c.z <= c.x || c.w <= c.y) {
                c = ImVec4(0, 0, 0, 0);
                continue;
            }
            // As imgui_impl_opengl3 computes glScissor(x, y, w, h), y counted from the bottom.
            const int x = static_cast<int>(c.x);
            const int w = static_cast<int>(c.z - c.x);
            const int y = static_cast<int>(fbHeight - c.w);
            const int h = static_cast<int>(c.w - c.y);
            const float bottom = fbHeight - static_cast<float>(y);
            c = ImVec4(static_cast<float>(x), bottom - static_cast<float>(h), static_cast<float>(x + w), bottom);
        }
}

std::vector<ImVec4> clipRects(const ImDrawData& frame) {
    std::vector<ImVec4> rects;
    for (int n = 0; n < frame.CmdListsCount; ++n)
        for (const ImDrawCmd& cmd : frame.CmdLists[n]->CmdBuffer)
            rects.push_back(cmd.ClipRect);
    return rects;
}

void restrictClipRects(ImDrawData& frame, const std::vector<ImVec4>& from, const PixelRect& to) {
    std::size_t i = 0;
    for (int n = 0; n < frame.CmdListsCount; ++n)
        for (ImDrawCmd& cmd : frame.CmdLists[n]->CmdBuffer) {
            const PixelRect r = intersect(whole(from[i++]), to);
            cmd.ClipRect = r.empty() ? ImVec4(0, 0, 0, 0)
                                     : ImVec4(static_cast<float>(r.x0), static_cast<float>(r.y0), static_cast<float>(r.x1),
                                              static_cast<float>(r.y1));
        }
}

void restoreClipRects(ImDrawData& frame, const std::vector<ImVec4>& from) {
    std::size_t i = 0;
    for (int n = 0; n < frame.CmdListsCount; ++n)
        for (ImDrawCmd& cmd : frame.CmdLists[n]->CmdBuffer)
            cmd.ClipRect = from[i++];
}

} // namespace kiosk::ui
