#pragma once

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

/// What a tappable widget looked like this frame: where it is and its text and fill colours.
struct TapTarget {
    ImVec2 min;
    ImVec2 max;
    ImU32 text = 0;
    ImU32 fill = 0;
    bool clipped = false; // partly hidden by a scrolling region's edge; min and max are the visible part
    [[nodiscard]] ImVec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
    [[nodiscard]] ImVec2 size() const { return {max.x - min.x, max.y - min.y}; }
};

/// A region that scrolls when dragged.
struct ScrollArea {
    ImVec2 min;
    ImVec2 max;
    bool canScroll = false; // its content is taller than it
    bool goesOnBelow = false; // some of its content is below its bottom edge, where it is scrolled to
    bool moreBelow = false; // its page shows "More below": some of it is below its bottom edge
    float scrollY = 0;      // how far it is scrolled down
};

/// Every tappable widget drawn in the last frame, by its key. Tests and the end-to-end driver
/// tap widgets by key through it, in either language.
class TapRegistry {
public:
    void beginFrame() {
        m_targets.clear();
        m_shown.clear();
        m_scrollAreas.clear();
        m_covers.clear();
    }
    void record(std::string_view key, const TapTarget& target) { m_targets[std::string(key)] = target; }
    [[nodiscard]] std::optional<TapTarget> find(std::string_view key) const {
        const auto it = m_targets.find(key);
        return it == m_targets.end() ? std::nullopt : std::optional<TapTarget>(it->second);
    }
    [[nodiscard]] const std::map<std::string, TapTarget, std::less<>>& all() const { return m_targets; }

    /// Something shown that is not tapped (a box's warning, "More below" over the keyboard), by key:
    /// where a test finds what covers what.
    void recordShown(std::string_view key, const TapTarget& where) { m_shown[std::string(key)] = where; }
    [[nodiscard]] std::optional<TapTarget> findShown(std::string_view key) const {
        const auto it = m_shown.find(key);
        return it == m_shown.end() ? std::nullopt : std::optional<TapTarget>(it->second);
    }

    /// Regions that scroll when dragged, by id, with whether they have anything to scroll.
    void recordScrollArea(std::string_view id, const ScrollArea& area) { m_scrollAreas[std::string(id)] = area; }
    [[nodiscard]] const std::map<std::string, ScrollArea, std::less<>>& scrollAreas() const { return m_scrollAreas; }
    /// Says that a region's page shows there is more below its bottom edge.
    void showMoreBelow(std::string_view id) {
        if (const auto it = m_scrollAreas.find(id); it != m_scrollAreas.end())
            it->second.moreBelow = true;
    }

    /// Something drawn over the page's edge that takes the taps there ("More below" and the fade
    /// beside it): what runs under it is shown, and tappable, only where it comes out.
    void cover(ImVec2 min, ImVec2 max) { m_covers.push_back({min, max}); }
    /// What of a widget is not under a cover; clipped where some of it is.
    [[nodiscard]] std::optional<TapTarget> uncovered(TapTarget t) const {
        for (const TapTarget& c : m_covers) {
            // Half a pixel: what ends on the cover's edge is beside it, not under it.
            if (t.max.x <= c.min.x || c.max.x <= t.min.x || t.max.y <= c.min.y + 0.5f || c.max.y <= t.min.y + 0.5f)
                continue;
            // Cut from the side the cover is on.
            if (t.centre().y < c.centre().y)
                t.max.y = c.min.y;
            else
                t.min.y = c.max.y;
            t.clipped = true;
            if (t.max.y <= t.min.y)
                return std::nullopt;
        }
        return t;
    }

private:
    std::vector<TapTarget> m_covers;
    std::map<std::string, TapTarget, std::less<>> m_targets;
    std::map<std::string, TapTarget, std::less<>> m_shown;
    std::map<std::string, ScrollArea, std::less<>> m_scrollAreas;
};

} // namespace kiosk::ui
