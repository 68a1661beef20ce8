#include <screens/screens.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawKind(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "kind.question"_key);
    // One door for each kind, with a line under it saying what it is for.
    const auto doors = static_cast<float>(vocabulary::count<flow::Kind>());
    const float gap = ctx.em(0.6f);
    const float room = ImGui::GetContentRegionAvail().y - ctx.em(1.0f);
    const float h = std::clamp((room - (doors - 1) * gap) / doors, ctx.em(2.8f), ctx.em(4.2f));
    for (const auto& door : vocabulary::all<flow::Kind>()) {
        const bool chosen = state.answers.kind == door.value;
        if (ui::choiceButton(ctx, door.key.name, ctx.tr(door.key), ctx.tr(door.detail), ImVec2(page.width(), h), chosen))
            page.take(flow::ChooseKind{door.value});
        ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    }
    return page.finish();
}

} // namespace kiosk::screens
