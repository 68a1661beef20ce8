#pragma once

#include <ui/ctx.hpp>

#include <filesystem>
#include <string>

namespace kiosk::ui {

/// The body font size for a screen: larger screens get larger text, portrait as landscape.
[[nodiscard]] float fontSizeFor(float width, float height, float textScale = 1.0f);

/// How much larger the "bigger text" setting makes everything.
inline constexpr float kLargerText = 1.3f;

/// Fills the atlas with the kiosk's fonts at the regular and the larger size, with exactly the
/// glyphs the catalogues and keyboard use (so every Welsh letter is there), built with FreeType.
/// Throws std::runtime_error naming a font file that cannot be read.
void loadFonts(Ctx& ctx, ImFontAtlas& atlas, const std::filesystem::path& assetsDir, float bodyPx,
               const std::string& allText);

} // namespace kiosk::ui
