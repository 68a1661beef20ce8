#include <ui/fonts.hpp>

#include <imgui_freetype.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace kiosk::ui {

float fontSizeFor(float width, float height, float textScale) {
    const float shortSide = std::min(width, height);
    return std::clamp(shortSide * 0.034f, 16.0f, 64.0f) * textScale;
}

void loadFonts(Ctx& ctx, ImFontAtlas& atlas, const std::filesystem::path& assetsDir, float bodyPx,
               const std::string& allText) {
    // The builder keeps a pointer to the ranges until the atlas is built, so they must outlive this call.
    static ImVector<ImWchar> ranges;
    ranges.clear();
    // Basic Latin (digits and signs in what is typed or stored, '?' for anything missing), and
    // exactly the other letters the texts and keyboard use: each glyph is rasterised at start-up
    // in eight fonts, so Latin-1's unused hundred would cost start-up time and atlas memory.
    static const ImWchar kBasicLatin[] = {0x0020, 0x007E, 0};
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kBasicLatin);
    builder.AddText(allText.c_str());
    builder.BuildRanges(&ranges);

    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    const auto regular = (assetsDir / "fonts" / "AtkinsonHyperlegibleNext-Regular.ttf").string();
    const auto bold = (assetsDir / "fonts" / "AtkinsonHyperlegibleNext-Bold.ttf").string();
    // The reference code is only ever capital letters, digits and a dash: its large font needs no more.
    static const ImWchar kCodeRanges[] = {0x0020, 0x007E, 0};
    const auto add = [&](const std::string& file, float px, const ImWchar* glyphs = nullptr) {
        if (!std::filesystem::is_regular_file(file))
            throw std::runtime_error("cannot find the font " + file);
        ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), px, nullptr, glyphs != nullptr ? glyphs : ranges.Data);
        if (font == nullptr)
            throw std::runtime_error("cannot load the font " + file);
        return font;
    };
    const auto set = [&](float px) {
        return Fonts{add(regular, px), add(bold, px), add(bold, px * 1.45f), add(bold, px * 2.2f, kCodeRanges), px};
    };
    ctx.regular = set(bodyPx);
    ctx.larger = set(bodyPx * kLargerText);
    ctx.useLargerText(false);
    std::vector<BoxPx> boxes;
    for (const float unit : {ctx.regular.unit, ctx.larger.unit})
        for (const BoxEm& shape : kBakedBoxes)
            for (const bool bordered : {true, false})
                boxes.push_back(boxPixels(shape, unit, bordered));
    ctx.boxes = {};
    ctx.boxes.reserve(atlas, boxes);
    ctx.boxes.bake(atlas); // builds the atlas
}

} // namespace kiosk::ui
