#include <screens/screens.hpp>

#include <flow/answers.hpp>

#include <algorithm>
#include <string_view>
#include <vector>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

using Lines = std::vector<std::string_view>;

// One part of the answers in a panel: what was asked, what was said, and a button to change it.
// The lines are views: what the child typed is drawn from where it is kept, never copied.
MaybeEvent drawPart(ui::Ctx& ctx, const char* changeKey, i18n::Key label, const Lines& answer, flow::Screen screen,
                    float width) {
    const float buttonW = ctx.em(5.0f);
    const ui::Panel panel = ui::beginPanel(ctx, width);
    const float textW = ui::innerWidth(panel) - buttonW - ctx.em(0.6f);
    const ImVec2 top = ImGui::GetCursorPos();
    ui::text(ctx.fonts.body, ctx.tr(label), ctx.theme.mutedText, textW);
    for (const auto line : answer)
        ui::text(ctx.fonts.bold, line, ctx.theme.text, textW);
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(top.x + ui::innerWidth(panel) - buttonW, top.y));
    MaybeEvent event;
    if (ui::button(ctx, changeKey, ctx.tr("check.change"_key), ImVec2(buttonW, ctx.em(2.0f)), ui::ButtonStyle::Secondary))
        event = flow::GoTo{screen};
    ImGui::SetCursorPos(ImVec2(top.x, std::max(bottom, ImGui::GetCursorPosY())));
    ImGui::Dummy(ImVec2(0, 0));
    ui::endPanel(ctx, panel, ctx.theme.panel, ctx.theme.border);
    return event;
}

template <std::size_t N, class Enum>
Lines listOf(const ui::Ctx& ctx, const std::bitset<N>& chosen, i18n::Key (*keyOf)(Enum)) {
    Lines out;
    for (std::size_t i = 0; i < N; ++i)
        if (chosen.test(i))
            out.emplace_back(ctx.tr(keyOf(static_cast<Enum>(i))));
    if (out.empty())
        out.emplace_back(ctx.tr("check.none"_key));
    return out;
}

Lines whoAnswer(const ui::Ctx& ctx, const flow::Answers& a) {
    if (!a.who)
        return {};
    Lines out = {ctx.tr(whoKey(*a.who))};
    if (*a.who == flow::Who::MeWithHelp && a.field(flow::Field::HelperName).hasWords())
        out.emplace_back(a.field(flow::Field::HelperName).text());
    if (*a.who == flow::Who::OnBehalf) {
        out.emplace_back(a.field(flow::Field::AdultName).text());
        out.emplace_back(a.field(flow::Field::AdultRole).text());
        if (a.youngPersonAgreed)
            out.emplace_back(ctx.tr("who.agreed"_key));
    }
    return out;
}

Lines contactAnswer(const ui::Ctx& ctx, const flow::Answers& a) {
    Lines out;
    if (a.field(flow::Field::Name).hasWords())
        out.emplace_back(a.field(flow::Field::Name).text());
    if (!a.contact)
        return out;
    out.emplace_back(ctx.tr(contactKey(*a.contact)));
    if (*a.contact == flow::Contact::Phone)
        out.emplace_back(a.field(flow::Field::Phone).text());
    if (*a.contact == flow::Contact::Email)
        out.emplace_back(a.field(flow::Field::Email).text());
    return out;
}

} // namespace

MaybeEvent drawCheck(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "check.title"_key, "check.hint"_key);
    const flow::Answers& a = state.answers;
    const float w = page.width();
    const bool complaint = a.kind == flow::Kind::Complaint;
    const auto part = [&](const char* key, i18n::Key label, const Lines& answer, flow::Screen screen) {
        page.take(drawPart(ctx, key, label, answer, screen, w));
        ImGui::Dummy(ctx.em(0, 0.1f));
    };
    const auto one = [&](i18n::Key key) { return Lines{ctx.tr(key)}; };

    if (state.saveFailed) {
        // Nothing is lost: the answers are still here, and staff can help.
        const ui::Panel panel = ui::beginPanel(ctx, w);
        ui::text(ctx.fonts.bold, ctx.tr("check.save_failed"_key), ctx.theme.warningText, ui::innerWidth(panel));
        ui::endPanel(ctx, panel, ctx.theme.warningBack);
        ImGui::Dummy(ctx.em(0, 0.2f));
    }
    part("check.change.kind", "check.kind"_key, a.kind ? one(kindTitleKey(*a.kind)) : Lines{}, flow::Screen::Kind);
    part("check.change.who", "check.who"_key, whoAnswer(ctx, a), flow::Screen::Who);
    if (complaint) {
        part("check.change.help", "check.advocate"_key,
             one(a.wantsAdvocate ? "help.want_advocate"_key : "check.no_advocate"_key), flow::Screen::Help);
        part("check.change.topics", "check.topics"_key, listOf(ctx, a.topics, topicKey), flow::Screen::Topics);
    }
    part("check.change.feelings", "check.feeling"_key, one(a.feeling ? feelingKey(*a.feeling) : "check.not_given"_key),
         flow::Screen::Feelings);
    const auto& story = a.field(flow::Field::Story);
    part("check.change.story", "check.story"_key,
         story.hasWords() ? Lines{story.text()} : one("check.story_skipped"_key), flow::Screen::Story);
    if (complaint)
        part("check.change.put_right", "check.put_right"_key, listOf(ctx, a.putRight, putRightKey),
             flow::Screen::PutRight);
    part("check.change.contact", "check.contact"_key, contactAnswer(ctx, a), flow::Screen::Contact);
    if (complaint && flow::contactAllowed(a))
        part("check.change.meeting", "check.meeting"_key, one(a.meeting ? meetingKey(*a.meeting) : "check.not_given"_key),
             flow::Screen::Meeting);
    if (complaint)
        part("check.change.sharing", "check.sharing"_key, a.sharing ? one(sharingKey(*a.sharing)) : Lines{},
             flow::Screen::Sharing);
    return page.finish();
}

} // namespace kiosk::screens
