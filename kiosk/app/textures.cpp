#include <app/textures.hpp>

#include <GL/gl.h>
#include <stb_image.h>

#include <cstdint>
#include <cstdio>

namespace kiosk::app {

void loadFeelingPictures(ui::Ctx& ctx, const std::filesystem::path& resources) {
    for (std::size_t i = 0; i < ctx.feelings.size(); ++i) {
        const auto file = resources / "assets" / "feelings" / ("feeling-" + std::to_string(i + 1) + ".png");
        int w = 0;
        int h = 0;
        int channels = 0;
        unsigned char* pixels = stbi_load(file.c_str(), &w, &h, &channels, 4);
        if (pixels == nullptr) {
            std::fprintf(stderr, "kiosk: cannot read %s (%s); the feelings scale shows words only\n", file.c_str(),
                         stbi_failure_reason());
            continue;
        }
        GLuint texture = 0;
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        stbi_image_free(pixels);
        ctx.feelings[i] = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture));
    }
}

void freeFeelingPictures(ui::Ctx& ctx) {
    for (auto& texture : ctx.feelings) {
        if (texture == nullptr)
            continue;
        const auto id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture));
        glDeleteTextures(1, &id);
        texture = nullptr;
    }
}

} // namespace kiosk::app
