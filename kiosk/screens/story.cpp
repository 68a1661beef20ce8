#include <screens/screens.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

i18n::Key storyTitleKey(const flow::State& state) {
    switch (state.answers.kind.value_or(flow::Kind::Complaint)) {
    case flow::Kind::Complaint: return "story.title.complaint"_key;
    case flow::Kind::Compliment: return "story.title.compliment"_key;
    case flow::Kind::Feedback: return "story.title.feedback"_key;
    }
    return "story.title.complaint"_key;
}

} // namespace

MaybeEvent drawStory(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, storyTitleKey(state), "story.hint"_key);
    const auto& field = state.answers.field(flow::Field::Story);
    const long left = static_cast<long>(field.maxChars() - field.length());
    const float counterH = ctx.fonts.body->FontSize + ImGui::GetStyle().ItemSpacing.y;
    const float boxH = std::max(ctx.em(2.5f), ImGui::GetContentRegionAvail().y - counterH - ctx.em(0.6f));
    page.take(drawTextField(state, ctx, flow::Field::Story, "", page.width(), boxH));
    // The limit is shown as it comes near, so that nobody is cut off by surprise.
    if (left <= 200) {
        const std::string count =
            i18n::format(ctx.plural(*ctx.current, "story.chars_left"_key, left), {{"count", std::to_string(left)}});
        ui::text(ctx, ctx.fonts.body, count, left == 0 ? ctx.theme.warningText : ctx.theme.mutedText, page.width());
    }
    return page.finish();
}

} // namespace kiosk::screens
