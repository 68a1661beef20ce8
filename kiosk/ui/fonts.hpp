#pragma once

#include "ctx.hpp"

#include <filesystem>
#include <string>

namespace kiosk::ui {

/// The body font size for a screen: larger screens get larger text, portrait as landscape.
[[nodiscard]] float fontSizeFor(float width, float height, float textScale = 1.0f);

/// Adds the kiosk's fonts to the atlas with exactly the glyphs the catalogues and keyboard use
/// (so every Welsh letter is there), built with FreeType. Throws std::runtime_error naming a
/// font file that cannot be read.
[[nodiscard]] Fonts loadFonts(ImFontAtlas& atlas, const std::filesystem::path& assetsDir, float bodyPx,
                              const std::string& allText);

} // namespace kiosk::ui
