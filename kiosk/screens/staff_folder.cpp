#include <screens/staff_parts.hpp>

#include <algorithm>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// The folder typed by hand, for a stick the kiosk did not list or a folder elsewhere.
MaybeEvent drawTypedFolder(const flow::State& state, ui::Ctx& ctx, float w) {
    const flow::Staff& mode = state.staff;
    MaybeEvent event;
    ui::text(ctx, ctx.fonts.bold, ctx.tr("staff.folder.type"_key), ctx.theme.text, w);
    const float useW = std::min(ctx.em(9), w * 0.35f);
    const float gap = ctx.em(0.5f);
    const screens::BoxTap tap = drawTextBox(ctx, mode.folder, "staff.folder", mode.typingFolder, w - useW - gap, 0,
                                            ctx.tr("staff.folder.placeholder"_key));
    if (tap.tapped && !mode.typingFolder)
        event = flow::StaffTypeFolder{};
    else if (tap.cursorAt)
        event = flow::PlaceCursor{*tap.cursorAt};
    const float boxH = ImGui::GetItemRectSize().y;
    ImGui::SameLine(0, gap);
    const bool usable = !mode.busy && mode.folder.hasWords();
    if (ui::button(ctx, "staff.use_folder", ctx.tr("staff.use_folder"_key), ImVec2(useW, std::max(boxH, ctx.em(2.2f))),
                   usable ? ui::ButtonStyle::Primary : ui::ButtonStyle::Disabled) &&
        usable)
        event = flow::StaffUseFolder{mode.folder.text(), ""};
    return event;
}

} // namespace

MaybeEvent drawStaffFolder(const flow::State& state, ui::Ctx& ctx) {
    const flow::Staff& mode = state.staff;
    const bool exporting = mode.task == flow::FolderTask::Export;
    staff::Frame frame(state, ctx, exporting ? "staff.folder.title.export"_key : "staff.folder.title.import"_key,
                       mode.typingFolder);
    const float w = frame.width();
    ui::text(ctx, ctx.fonts.body, ctx.tr(exporting ? "staff.folder.hint.export"_key : "staff.folder.hint.import"_key),
             ctx.theme.text, w);
    if (mode.busy)
        staff::drawNotice(ctx, staff::Tone::Plain, ctx.tr("staff.working"_key), "", w);
    ImGui::Dummy(ctx.em(0, 0.2f));
    if (mode.drives.empty())
        staff::drawNotice(ctx, staff::Tone::Amber, ctx.tr("staff.folder.no_drives"_key), "", w);
    for (std::size_t i = 0; i < mode.drives.size(); ++i) {
        const flow::Drive& drive = mode.drives[i];
        const std::string key = "staff.drive." + std::to_string(i);
        if (ui::choiceButton(ctx, key, drive.name, drive.path, ImVec2(w, ctx.em(3.4f))) && !mode.busy)
            frame.take(flow::StaffUseFolder{drive.path, drive.name});
    }
    ImGui::Dummy(ctx.em(0, 0.4f));
    frame.take(drawTypedFolder(state, ctx, w));
    const auto unlessBusy = [&](flow::Event e) { return mode.busy ? MaybeEvent{} : MaybeEvent{std::move(e)}; };
    return frame.finish({
        {"staff.back", std::string(ctx.tr("staff.back"_key)), unlessBusy(flow::StaffBack{}), ui::ButtonStyle::Secondary},
        {"staff.look_again", std::string(ctx.tr("staff.look_again"_key)), unlessBusy(flow::StaffChooseFolder{mode.task}),
         ui::ButtonStyle::Secondary},
    });
}

} // namespace kiosk::screens
