#include <screens/screens.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawFeelings(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "feelings.title"_key, "feelings.hint"_key);
    const auto tiles = static_cast<float>(vocabulary::kFeelingCount);
    const float gap = ctx.em(0.4f);
    const float tileW = (page.width() - (tiles - 1) * gap) / tiles;
    const float picture = std::min(tileW - ctx.em(0.6f), ctx.em(4.5f));
    float tallest = 0;
    for (int f = vocabulary::kFeelingMin; f <= vocabulary::kFeelingMax; ++f)
        tallest = std::max(tallest, ui::textHeight(ctx.fonts.bold, ctx.tr(vocabulary::feelingKey(f)), tileW - ctx.em(0.4f)));
    const float tileH = picture + tallest + ctx.em(1.2f);
    const ImVec2 start = ImGui::GetCursorPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int f = vocabulary::kFeelingMin; f <= vocabulary::kFeelingMax; ++f) {
        ImGui::SetCursorPos(ImVec2(start.x + static_cast<float>(f - vocabulary::kFeelingMin) * (tileW + gap), start.y));
        const i18n::Key key = vocabulary::feelingKey(f);
        const bool chosen = state.answers.feeling == f;
        const bool tapped = ImGui::InvisibleButton(std::string(key.name).c_str(), ImVec2(tileW, tileH));
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 max = ImGui::GetItemRectMax();
        const ImU32 fill = ImGui::IsItemActive() ? ctx.theme.secondaryPressed
                                                 : (chosen ? ctx.theme.selectedBack : ctx.theme.secondary);
        ui::drawBox(dl, ctx, min, max, fill, chosen ? ctx.theme.primary : ctx.theme.border,
                    chosen ? ui::kChosenTileBox : ui::kTileBox);
        const ImVec2 pictureMin(min.x + (tileW - picture) / 2, min.y + ctx.em(0.4f));
        if (ImTextureID texture = ctx.feelings[static_cast<std::size_t>(f - vocabulary::kFeelingMin)])
            dl->AddImage(texture, pictureMin, ImVec2(pictureMin.x + picture, pictureMin.y + picture));
        ui::drawCentredText(dl, ctx.fonts.bold, ImVec2(min.x + ctx.em(0.2f), pictureMin.y + picture + ctx.em(0.2f)),
                            ImVec2(max.x - ctx.em(0.2f), max.y - ctx.em(0.4f)), ctx.theme.text, ctx.tr(key));
        ctx.say(ctx.tr(key));
        if (chosen)
            ctx.sayChosen();
        ui::recordTap(ctx, key.name, ctx.theme.text, fill);
        if (tapped)
            page.take(flow::ChooseFeeling{f});
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + tileH + ctx.em(0.4f)));
    ui::text(ctx, ctx.fonts.body, ctx.tr("feelings.optional"_key), ctx.theme.mutedText, page.width());
    return page.finish();
}

} // namespace kiosk::screens
