#include <screens/screens.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

MaybeEvent drawKind(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "kind.question"_key);
    // Under each door, a line saying what it is for.
    struct Door {
        flow::Kind kind;
        i18n::Key detail;
    };
    static constexpr Door kDoors[] = {
        {flow::Kind::Complaint, "kind.complaint.detail"_key},
        {flow::Kind::Compliment, "kind.compliment.detail"_key},
        {flow::Kind::Feedback, "kind.feedback.detail"_key},
    };
    const float gap = ctx.em(0.6f);
    const float room = ImGui::GetContentRegionAvail().y - ctx.em(1.0f);
    const float h = std::clamp((room - 2 * gap) / 3, ctx.em(2.8f), ctx.em(4.2f));
    for (const Door& door : kDoors) {
        const bool chosen = state.answers.kind == door.kind;
        const i18n::Key title = keyOf(door.kind);
        if (ui::choiceButton(ctx, title.name, ctx.tr(title), ctx.tr(door.detail),
                             ImVec2(page.width(), h), chosen))
            page.take(flow::ChooseKind{door.kind});
        ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    }
    return page.finish();
}

} // namespace kiosk::screens
