#pragma once

#include <ui/ctx.hpp>

#include <filesystem>

namespace kiosk::app {

/// Loads the feelings scale's pictures (assets/feelings/feeling-N.png, read with stb_image) into
/// OpenGL textures and puts them in ctx. A picture that cannot be read is left out and said on
/// stderr: the scale still works with its words. Needs a current OpenGL context.
void loadFeelingPictures(ui::Ctx& ctx, const std::filesystem::path& resources);

/// Frees the textures loadFeelingPictures made.
void freeFeelingPictures(ui::Ctx& ctx);

} // namespace kiosk::app
