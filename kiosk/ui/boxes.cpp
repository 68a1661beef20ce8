#include <ui/boxes.hpp>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

constexpr int kSamples = 8; // per side of a pixel: 64 points a pixel for its coverage

unsigned char share(int inside) { return static_cast<unsigned char>((inside * 255 + kSamples * kSamples / 2) / (kSamples * kSamples)); }

// Quads from the atlas, pixel for pixel: uv0 is the atlas position of the picture's first pixel.
struct Quads {
    ImDrawList& dl;
    ImU32 colour;

    void rect(ImVec2 a, ImVec2 c, ImVec2 uvA, ImVec2 uvC) const {
        if (c.x <= a.x || c.y <= a.y)
            return;
        dl.PrimReserve(6, 4);
        dl.PrimRectUV(a, c, uvA, uvC, colour);
    }
    // A quad whose texture coordinates run across it, not down: an edge's picture down a side.
    void across(ImVec2 a, ImVec2 c, ImVec2 uvLeft, ImVec2 uvRight) const {
        if (c.x <= a.x || c.y <= a.y)
            return;
        dl.PrimReserve(6, 4);
        dl.PrimQuadUV(a, ImVec2(c.x, a.y), c, ImVec2(a.x, c.y), uvLeft, uvRight, uvRight, uvLeft, colour);
    }
};

} // namespace

BoxPx boxPixels(BoxEm shape, float unit, bool bordered) {
    const float border = bordered ? std::max(1.0f, std::round(std::max(shape.minBorderPx, shape.border * unit))) : 0.0f;
    return {shape.rounding * unit, border};
}

// How far a point is outside a box's top left corner (negative inside): a corner whose curve is
// centred at (centre, centre) with this radius, its straight edges at centre - radius. Exact, so
// that a pixel whose middle is more than half its diagonal from the edge is wholly on one side.
float outside(float x, float y, float centre, float radius) {
    const float qx = centre - x;
    const float qy = centre - y;
    if (qx > 0 && qy > 0)
        return std::hypot(qx, qy) - radius;
    return std::max(qx, qy) - radius;
}

BoxCoverage boxCoverage(BoxPx shape, int side) {
    BoxCoverage out;
    out.side = side;
    const auto cells = static_cast<std::size_t>(side) * static_cast<std::size_t>(side);
    out.fillCorner.resize(cells);
    out.borderCorner.resize(cells);
    const float r = shape.rounding;
    const float t = shape.border;
    // The inside of the border is a box inset by its thickness, its corners as round as is left.
    const float innerCentre = std::max(r, t);
    const float innerRadius = std::max(r - t, 0.0f);
    const auto inOuter = [&](float x, float y) { return outside(x, y, r, r) <= 0; };
    const auto inInner = [&](float x, float y) { return outside(x, y, innerCentre, innerRadius) <= 0; };
    constexpr float kHalfDiagonal = 0.7072f;
    constexpr int kAll = kSamples * kSamples;
    for (int py = 0; py < side; ++py)
        for (int px = 0; px < side; ++px) {
            const float cx = static_cast<float>(px) + 0.5f;
            const float cy = static_cast<float>(py) + 0.5f;
            const float toOuter = outside(cx, cy, r, r);
            const float toInner = outside(cx, cy, innerCentre, innerRadius);
            int fill = 0;
            int border = 0;
            if (std::abs(toOuter) >= kHalfDiagonal && std::abs(toInner) >= kHalfDiagonal) {
                // Wholly on one side of both curves: most pixels, with no need to sample them.
                fill = toInner < 0 ? kAll : 0;
                border = toOuter < 0 && toInner >= 0 ? kAll : 0;
            } else {
                for (int sy = 0; sy < kSamples; ++sy)
                    for (int sx = 0; sx < kSamples; ++sx) {
                        const float x = static_cast<float>(px) + (static_cast<float>(sx) + 0.5f) / kSamples;
                        const float y = static_cast<float>(py) + (static_cast<float>(sy) + 0.5f) / kSamples;
                        if (inInner(x, y))
                            ++fill;
                        else if (inOuter(x, y))
                            ++border;
                    }
            }
            const auto at = static_cast<std::size_t>(py) * static_cast<std::size_t>(side) + static_cast<std::size_t>(px);
            out.fillCorner[at] = share(fill);
            out.borderCorner[at] = share(border);
        }
    for (int py = 0; py < side; ++py) {
        const float y = static_cast<float>(py);
        out.fillEdge.push_back(static_cast<unsigned char>(std::lround(255 * std::clamp(y + 1 - t, 0.0f, 1.0f))));
        out.borderEdge.push_back(static_cast<unsigned char>(std::lround(255 * std::clamp(t - y, 0.0f, 1.0f))));
    }
    return out;
}

void BoxPictures::reserve(ImFontAtlas& atlas, const std::vector<BoxPx>& shapes) {
    for (const BoxPx& shape : shapes) {
        if (find(shape) != nullptr)
            continue;
        Picture p;
        p.shape = shape;
        p.edge = static_cast<int>(std::ceil(shape.border));
        p.corner = std::max({static_cast<int>(std::ceil(shape.rounding)), p.edge, 1});
        // Side by side: the fill's corner, the border's corner, the fill's edge, the border's edge.
        p.id = atlas.AddCustomRectRegular(2 * p.corner + 2, p.corner);
        m_pictures.push_back(p);
    }
}

void BoxPictures::bake(ImFontAtlas& atlas) {
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    for (Picture& p : m_pictures) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(p.id);
        const BoxCoverage c = boxCoverage(p.shape, p.corner);
        const auto put = [&](int x, int y, unsigned char a) {
            pixels[static_cast<std::size_t>(rect->Y + y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(rect->X + x)] = a;
        };
        for (int y = 0; y < p.corner; ++y) {
            for (int x = 0; x < p.corner; ++x) {
                const auto at = static_cast<std::size_t>(y * p.corner + x);
                put(x, y, c.fillCorner[at]);
                put(p.corner + x, y, c.borderCorner[at]);
            }
            put(2 * p.corner, y, c.fillEdge[static_cast<std::size_t>(y)]);
            put(2 * p.corner + 1, y, c.borderEdge[static_cast<std::size_t>(y)]);
        }
        p.texel = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(height));
        p.uv0 = ImVec2(static_cast<float>(rect->X) * p.texel.x, static_cast<float>(rect->Y) * p.texel.y);
    }
}

const BoxPictures::Picture* BoxPictures::find(BoxPx shape) const {
    const auto it = std::find_if(m_pictures.begin(), m_pictures.end(), [&](const Picture& p) { return p.shape == shape; });
    return it == m_pictures.end() || it->texel.x == 0 ? nullptr : &*it;
}

void BoxPictures::draw(ImDrawList& dl, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, BoxPx shape) const {
    // On whole pixels, so that the pictures' pixels land on the screen's one for one.
    const ImVec2 a(std::round(min.x), std::round(min.y));
    const ImVec2 b(std::round(max.x), std::round(max.y));
    const Picture* p = find(shape);
    const auto n = static_cast<float>(p != nullptr ? p->corner : 0);
    if (p == nullptr || b.x - a.x < 2 * n || b.y - a.y < 2 * n || dl._CmdHeader.TextureId != ImGui::GetIO().Fonts->TexID) {
        dl.AddRectFilled(min, max, fill, shape.rounding);
        if (shape.border > 0 && border != 0)
            dl.AddRect(min, max, border, shape.rounding, 0, shape.border);
        return;
    }
    const auto e = static_cast<float>(p->edge);
    const ImVec2 t = p->texel;
    const auto layer = [&](ImU32 colour, float cornerColumn, float edgeColumn) {
        const Quads q{dl, colour};
        const float u0 = p->uv0.x + cornerColumn * t.x;
        const float u1 = u0 + n * t.x;
        const float v0 = p->uv0.y;
        const float v1 = v0 + n * t.y;
        q.rect(a, ImVec2(a.x + n, a.y + n), ImVec2(u0, v0), ImVec2(u1, v1));
        q.rect(ImVec2(b.x - n, a.y), ImVec2(b.x, a.y + n), ImVec2(u1, v0), ImVec2(u0, v1));
        q.rect(ImVec2(a.x, b.y - n), ImVec2(a.x + n, b.y), ImVec2(u0, v1), ImVec2(u1, v0));
        q.rect(ImVec2(b.x - n, b.y - n), b, ImVec2(u1, v1), ImVec2(u0, v0));
        // The edges: one column of the picture, its top pixel at the box's outside.
        const float u = p->uv0.x + (edgeColumn + 0.5f) * t.x;
        const ImVec2 outer(u, v0);
        const ImVec2 inner(u, v0 + e * t.y);
        q.rect(ImVec2(a.x + n, a.y), ImVec2(b.x - n, a.y + e), outer, inner);
        q.rect(ImVec2(a.x + n, b.y - e), ImVec2(b.x - n, b.y), inner, outer);
        q.across(ImVec2(a.x, a.y + n), ImVec2(a.x + e, b.y - n), outer, inner);
        q.across(ImVec2(b.x - e, a.y + n), ImVec2(b.x, b.y - n), inner, outer);
    };
    layer(fill, 0, 2 * n);
    // The middle, plainly: between the corners, inside the edges.
    const Quads middle{dl, fill};
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    middle.rect(ImVec2(a.x + n, a.y + e), ImVec2(b.x - n, b.y - e), white, white);
    middle.rect(ImVec2(a.x + e, a.y + n), ImVec2(a.x + n, b.y - n), white, white);
    middle.rect(ImVec2(b.x - n, a.y + n), ImVec2(b.x - e, b.y - n), white, white);
    if (shape.border > 0 && border != 0)
        layer(border, n, 2 * n + 1);
}

} // namespace kiosk::ui
