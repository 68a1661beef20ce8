#include <screens/screens.hpp>

#include <flow/journey.hpp>
#include <flow/step.hpp>

#include <algorithm>

namespace kiosk::screens {

namespace {


MaybeEvent drawScreen(const flow::State& state, ui::Ctx& ctx) {
    switch (state.screen) {
    case flow::Screen::Welcome: return drawWelcome(state, ctx);
    case flow::Screen::Kind: return drawKind(state, ctx);
    case flow::Screen::Who: return drawWho(state, ctx);
    case flow::Screen::Help: return drawHelp(state, ctx);
    case flow::Screen::Topics: return drawTopics(state, ctx);
    case flow::Screen::Court: return drawCourt(state, ctx);
    case flow::Screen::Feelings: return drawFeelings(state, ctx);
    case flow::Screen::Story: return drawStory(state, ctx);
    case flow::Screen::PutRight: return drawPutRight(state, ctx);
    case flow::Screen::Contact: return drawContact(state, ctx);
    case flow::Screen::Meeting: return drawMeeting(state, ctx);
    case flow::Screen::Sharing: return drawSharing(state, ctx);
    case flow::Screen::Check: return drawCheck(state, ctx);
    case flow::Screen::Sending: return drawSending(state, ctx);
    case flow::Screen::ThankYou: return drawThankYou(state, ctx);
    }
    return std::nullopt;
}

} // namespace

flow::Script spokenScript(const ui::Ctx& ctx) {
    flow::Script script;
    script.reserve(ctx.said.size());
    for (const ui::Said& s : ctx.said)
        script.push_back({s.language, s.text});
    std::stable_partition(script.begin(), script.end(),
                          [](const flow::Spoken& s) { return s.language == flow::Language::Welsh; });
    return script;
}

MaybeEvent drawStaff(const flow::State& state, ui::Ctx& ctx) {
    switch (state.staff.page) {
    case flow::StaffPage::Pin: return drawStaffPin(state, ctx);
    case flow::StaffPage::WhyNot: return drawStaffWhyNot(state, ctx);
    case flow::StaffPage::Dashboard: return drawStaffDashboard(state, ctx);
    case flow::StaffPage::ChooseFolder: return drawStaffFolder(state, ctx);
    case flow::StaffPage::NewPin: return drawStaffNewPin(state, ctx);
    case flow::StaffPage::Closed: break;
    }
    return std::nullopt;
}

bool touchedThisFrame() {
    const ImGuiIO& io = ImGui::GetIO();
    const bool moved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
    return ImGui::IsMouseClicked(ImGuiMouseButton_Left) || (io.MouseDown[ImGuiMouseButton_Left] && moved);
}

MaybeEvent drawFrame(const flow::State& state, ui::Ctx& ctx) {
    ctx.taps.beginFrame();
    ctx.said.clear();
    ctx.saying = nullptr;
    ctx.hushed = false;
    if (ctx.keysLookedUp)
        ctx.keysLookedUp->clear();
    if (flow::staffOpen(state)) {
        // Staff mode instead of the journey: none of the child's bars, panels or larger text.
        ctx.current = state.staff.language == flow::Language::Welsh ? ctx.welsh : ctx.english;
        ctx.useLargerText(false);
        ctx.reader = i18n::Reader::YoungPerson; // the staff's own words, whoever the journey was for
        if (!state.staff.typingFolder)
            ctx.scrolledToBox = {};
        ui::beginScreen(ctx);
        MaybeEvent event = drawStaff(state, ctx);
        ui::endScreen();
        ctx.said.clear(); // staff mode is never read aloud
        return event;
    }
    ctx.current = state.language == flow::Language::Welsh ? ctx.welsh : ctx.english;
    ctx.useLargerText(state.largeText);
    ctx.reader = flow::speaksToAdult(state) ? i18n::Reader::Adult : i18n::Reader::YoungPerson;
    // Scroll memory belongs to one visit: a box without the keyboard, or a new session, starts over.
    if (!state.focus)
        ctx.scrolledToBox = {};
    if (state.screen == flow::Screen::Welcome)
        ctx.scrolledPage = {};
    MaybeEvent event;
    // "Are you still there?" is for whoever stands at the screen, perhaps not the child who typed, and
    // the safety panel for a child someone may be looking over: nothing of theirs is drawn under them.
    if (!flow::hidesPage(state)) {
        ui::beginScreen(ctx);
        event = drawScreen(state, ctx);
        ui::endScreen();
    }
    if (state.overlay != flow::Overlay::None) {
        // Only the overlay's own buttons, and the ways out over it, may be tapped while it shows; only it is read.
        ctx.taps.beginFrame();
        ctx.said.clear();
        event = drawOverlay(state, ctx);
    }
    // "Read it to me" is drawn before the words it reads: they are known only now.
    if (event && std::holds_alternative<flow::ReadAloud>(*event))
        std::get<flow::ReadAloud>(*event).script = spokenScript(ctx);
    return event;
}

} // namespace kiosk::screens
