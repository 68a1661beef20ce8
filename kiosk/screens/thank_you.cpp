#include <screens/screens.hpp>

#include <flow/journey.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

void drawReference(ui::Ctx& ctx, const std::string& reference, float width) {
    ui::text(ctx, ctx.fonts.body, ctx.tr("thanks.reference"_key), ctx.theme.text, width);
    // Spaced out so that it is easy to copy down or read aloud.
    std::string spaced;
    for (const char c : reference) {
        if (!spaced.empty())
            spaced += ' ';
        spaced += c;
    }
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float h = ctx.fonts.code->FontSize + ctx.em(0.8f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ui::drawBox(dl, ctx, min, ImVec2(min.x + width, min.y + h), ctx.theme.panel, ctx.theme.primary, ui::kNoteBox);
    ui::drawCentredText(dl, ctx.fonts.code, min, ImVec2(min.x + width, min.y + h), ctx.theme.text, spaced);
    // Letter by letter, as it is written down, with a pause where the dash is.
    std::string said = spaced;
    std::replace(said.begin(), said.end(), '-', ',');
    ctx.say(said);
    ImGui::Dummy(ImVec2(width, h));
    ui::text(ctx, ctx.fonts.body, ctx.tr("thanks.reference_keep"_key), ctx.theme.mutedText, width);
}

// Who to contact: the complaints team, and for a complaint the Ombudsman.
void drawContacts(const flow::State& state, ui::Ctx& ctx, float width) {
    ui::text(ctx, ctx.fonts.body, ctx.tr("thanks.contact_team"_key), ctx.theme.mutedText, width);
    if (state.answers.kind == flow::Kind::Complaint)
        ui::text(ctx, ctx.fonts.body, ctx.tr("thanks.ombudsman"_key), ctx.theme.mutedText, width);
}

void drawNextSteps(const flow::State& state, ui::Ctx& ctx, float width) {
    const bool complaint = state.answers.kind == flow::Kind::Complaint;
    // The day is promised only where the journey promises it (flow::promisesDate).
    if (state.contactBy) {
        const std::string when = formatDay(*ctx.current, *state.contactBy);
        ui::text(ctx, ctx.fonts.bold, i18n::format(ctx.tr("thanks.contact_by"_key), {{"date", when}}), ctx.theme.text, width);
    } else if (!flow::contactAllowed(state.answers)) {
        ui::text(ctx, ctx.fonts.bold, ctx.tr("thanks.no_contact"_key), ctx.theme.text, width);
    }
    if (state.contactBy || !flow::contactAllowed(state.answers))
        ImGui::Dummy(ctx.em(0, 0.2f)); // apart from the line above; with none, level with the code beside it
    ui::text(ctx, ctx.fonts.bold, ctx.tr("thanks.next_title"_key), ctx.theme.text, width);
    if (complaint && !flow::contactAllowed(state.answers)) {
        // The timescales are about getting back to the child: with no contact, they would mislead. The
        // complaint is still looked into, and the code lets the child come back to it.
        ui::text(ctx, ctx.fonts.body, ctx.tr("thanks.next.no_contact"_key), ctx.theme.text, width);
    } else if (complaint) {
        // The children's guide counts the answer's days from meeting them; a child who chose not to
        // meet is given the complaints guide's words instead.
        const bool meets = state.answers.meeting != flow::Meeting::NotToMeet;
        for (const auto key : {"thanks.next.acknowledge"_key, "thanks.next.officer"_key,
                               meets ? "thanks.next.answer"_key : "thanks.next.answer.no_meeting"_key})
            ui::bullet(ctx, ctx.tr(key), width);
    } else {
        ui::text(ctx, ctx.fonts.body, ctx.tr("thanks.next.learn"_key), ctx.theme.text, width);
    }
}

} // namespace

MaybeEvent drawThankYou(const flow::State& state, ui::Ctx& ctx) {
    // Said under the title, so that whoever reads the code knows it will not wait: the minute is
    // flow::Timing::thankYouStays.
    Page page(state, ctx, "thanks.title"_key, "thanks.goes_back"_key);
    const float width = page.width();
    const bool wide = width > ctx.em(30) && ImGui::GetContentRegionAvail().x > ImGui::GetContentRegionAvail().y;
    if (wide) {
        // Landscape: the code on the left, what happens next on the right, and who to contact under
        // the code. Drawn (and so read aloud) in the order that matters: the code, what happens
        // next, then the contacts, as in portrait.
        const float gap = ctx.em(1.5f);
        const float half = (width - gap) / 2;
        const ImVec2 start = ImGui::GetCursorPos();
        ImGui::BeginGroup();
        drawReference(ctx, state.reference, half);
        ImGui::Dummy(ctx.em(0, 0.4f));
        ImGui::EndGroup();
        const float contactsTop = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x + half + gap, start.y));
        ImGui::BeginGroup();
        drawNextSteps(state, ctx, half);
        ImGui::EndGroup();
        const float rightBottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start.x, contactsTop));
        ImGui::BeginGroup();
        drawContacts(state, ctx, half);
        ImGui::EndGroup();
        ImGui::SetCursorPos(ImVec2(start.x, std::max(rightBottom, ImGui::GetCursorPosY())));
    } else {
        drawReference(ctx, state.reference, width);
        ImGui::Dummy(ctx.em(0, 0.4f));
        drawNextSteps(state, ctx, width);
        ImGui::Dummy(ctx.em(0, 0.2f));
        drawContacts(state, ctx, width);
    }
    return page.finish();
}

} // namespace kiosk::screens
