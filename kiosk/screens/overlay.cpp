#include <screens/screens.hpp>

#include <flow/step.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

struct Choice {
    const char* key;
    std::string label;
    flow::Event event;
    ui::ButtonStyle style;
    std::optional<i18n::Key> both = std::nullopt; // a label in both languages: read in each voice
};

// What a panel stands on: the page dimmed, or nothing of it at all.
enum class Backdrop { Dimmed, Hidden };

// A panel high on the screen: words drawn by `body`, then one or two buttons, and "Read it to me"
// under them (in both languages where the panel asks in both). Over the dimmed page hide and
// "I don't feel safe" stay where they always are, unless the panel has its own.
template <class Body>
MaybeEvent drawPanel(const flow::State& state, ui::Ctx& ctx, Body body, const std::vector<Choice>& choices,
                     Backdrop backdrop, bool waysOut, bool wide = false, bool bothLanguages = false) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.theme.scrim);
    // Hidden: nothing of the page is drawn under it (drawFrame), so the frame's clear to the
    // background colour is the backdrop, and the screen is not filled twice.
    ImGui::Begin("overlay", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings |
                     (backdrop == Backdrop::Hidden ? ImGuiWindowFlags_NoBackground : ImGuiWindowFlags_None));
    ImGui::PopStyleColor();
    ImGui::PushFont(ctx.fonts.body);

    const float width = std::min(vp->Size.x - ctx.em(2), ctx.em(wide ? 44 : 28));
    const float buttonH = ctx.em(3.0f);
    // High on the screen, so that the longest panel (both languages, larger text) still fits.
    // Below the top bar where hide stands over the panel.
    const float top = waysOut ? belowTopBar(state, ctx) : ctx.em(1.0f);
    ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + (vp->Size.x - width) / 2, vp->Pos.y + top));
    const ui::Panel panel = ui::beginPanel(ctx, width);
    const float inner = ui::innerWidth(panel);
    body(inner);
    ImGui::Dummy(ctx.em(0, 0.3f));
    MaybeEvent event;
    const float gap = ctx.em(0.6f);
    const float buttonW = (inner - gap * static_cast<float>(choices.size() - 1)) / static_cast<float>(choices.size());
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0)
            ImGui::SameLine(0, gap);
        const ui::Hushed hushed(ctx);
        if (ui::button(ctx, choices[i].key, choices[i].label, ImVec2(buttonW, buttonH), choices[i].style))
            event = choices[i].event;
    }
    for (const auto& choice : choices) {
        if (choice.both)
            ctx.sayBoth(*choice.both);
        else
            ctx.say(choice.label);
    }
    ImGui::Dummy(ctx.em(0, 0.1f));
    if (auto read = drawReadAloud(state, ctx, ctx.em(2.2f), bothLanguages))
        event = read;
    ui::endPanel(ctx, panel, ctx.theme.panel);
    if (waysOut)
        if (auto e = drawWaysOut(state, ctx))
            event = e;
    ImGui::PopFont();
    ImGui::End();
    return event;
}


} // namespace

void drawSafetyAdvice(ui::Ctx& ctx, const i18n::Catalogue& lang, float width) {
    const ui::SayingIn saying(ctx, lang);
    ui::text(ctx, ctx.fonts.title, ctx.text(lang, "not_safe.title"_key), ctx.theme.text, width);
    for (const auto key : {"not_safe.staff"_key, "not_safe.emergency"_key, "not_safe.meic"_key,
                           "not_safe.commissioner"_key})
        ui::bullet(ctx, ctx.text(lang, key), width);
    ui::text(ctx, ctx.fonts.body, ctx.text(lang, "not_safe.priority"_key), ctx.theme.mutedText, width);
}

MaybeEvent drawOverlay(const flow::State& state, ui::Ctx& ctx) {
    switch (state.overlay) {
    case flow::Overlay::StillThere: {
        // Asked in both languages, Welsh first: whoever is in front of the screen now may read either.
        const int seconds = flow::secondsLeftToAnswer(state);
        const auto body = [&](float w) {
            {
                const ui::Hushed hushed(ctx);
                ui::text(ctx, ctx.fonts.title, ctx.both("still_there.title"_key, "\n"), ctx.theme.text, w);
            }
            ctx.sayBoth("still_there.title"_key);
            for (const auto* lang : {ctx.welsh, ctx.english}) {
                const ui::SayingIn saying(ctx, *lang);
                ui::text(ctx, ctx.fonts.body,
                         i18n::format(ctx.plural(*lang, "still_there.body"_key, seconds), {{"seconds", std::to_string(seconds)}}),
                         ctx.theme.text, w);
            }
        };
        return drawPanel(state, ctx, body,
                         {{"still_there.yes", ctx.both("still_there.yes"_key, "\n"), flow::Dismiss{}, ui::ButtonStyle::Primary,
                           "still_there.yes"_key},
                          {"still_there.start_again", ctx.both("still_there.start_again"_key, "\n"),
                           flow::ConfirmStartAgain{}, ui::ButtonStyle::Secondary, "still_there.start_again"_key}},
                         Backdrop::Hidden, true, false, true);
    }
    case flow::Overlay::ConfirmStartAgain: {
        const auto body = [&](float w) {
            ui::text(ctx, ctx.fonts.title, ctx.tr("start_again.title"_key), ctx.theme.text, w);
            ui::text(ctx, ctx.fonts.body, ctx.tr("start_again.body"_key), ctx.theme.text, w);
        };
        return drawPanel(state, ctx, body,
                         {{"start_again.yes", std::string(ctx.tr("start_again.yes"_key)), flow::ConfirmStartAgain{},
                           ui::ButtonStyle::Primary},
                          {"start_again.no", std::string(ctx.tr("start_again.no"_key)), flow::Dismiss{},
                           ui::ButtonStyle::Secondary}},
                         Backdrop::Dimmed, true);
    }
    case flow::Overlay::NotSafe: {
        // On Welcome no language has been chosen yet, and over "Are you still there?" whoever tapped
        // may read either, so both are shown: side by side where the screen is wide enough, Welsh first.
        const bool bilingual = state.screen == flow::Screen::Welcome || flow::asksBothLanguages(state);
        const ImVec2 screen = ImGui::GetMainViewport()->Size;
        const bool sideBySide = bilingual && screen.x > screen.y;
        const auto body = [&](float w) {
            if (!bilingual) {
                drawSafetyAdvice(ctx, *ctx.current, w);
            } else if (sideBySide) {
                const float gap = ctx.em(1.2f);
                const float half = (w - gap) / 2;
                const ImVec2 start = ImGui::GetCursorPos();
                ImGui::BeginGroup();
                drawSafetyAdvice(ctx, *ctx.welsh, half);
                ImGui::EndGroup();
                const float welshBottom = ImGui::GetCursorPosY();
                ImGui::SetCursorPos(ImVec2(start.x + half + gap, start.y));
                ImGui::BeginGroup();
                drawSafetyAdvice(ctx, *ctx.english, half);
                ImGui::EndGroup();
                ImGui::SetCursorPos(ImVec2(start.x, std::max(welshBottom, ImGui::GetCursorPosY())));
            } else {
                drawSafetyAdvice(ctx, *ctx.welsh, w);
                ImGui::Dummy(ctx.em(0, 0.4f));
                drawSafetyAdvice(ctx, *ctx.english, w);
            }
        };
        const auto label = [&](i18n::Key key) { return bilingual ? ctx.both(key, "\n") : std::string(ctx.tr(key)); };
        // Its own Hide is in its buttons; "I don't feel safe" is what it shows.
        const auto both = [&](i18n::Key key) { return bilingual ? std::optional(key) : std::nullopt; };
        return drawPanel(state, ctx, body,
                         {{"not_safe.back", label("not_safe.back"_key), flow::Dismiss{}, ui::ButtonStyle::Primary,
                           both("not_safe.back"_key)},
                          {"not_safe.hide", label("chrome.hide"_key), flow::QuickHide{}, ui::ButtonStyle::Secondary,
                           both("chrome.hide"_key)}},
                         Backdrop::Hidden, false, sideBySide, bilingual); // whoever looks on reads nothing of the page
    }
    case flow::Overlay::None:
        break;
    }
    return std::nullopt;
}

} // namespace kiosk::screens
