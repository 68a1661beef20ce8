#include <screens/screens.hpp>

#include <flow/answers.hpp>

namespace kiosk::screens {

using namespace i18n::literals;

namespace {

// Under a box, it is kept in view with it while the box has the keyboard.
void drawNote(ui::Ctx& ctx, i18n::Key note, float width) {
    const ui::Panel panel = ui::beginPanel(ctx, width);
    ui::text(ctx, ctx.fonts.body, ctx.tr(note), ctx.theme.warningText, ui::innerWidth(panel));
    ui::endPanel(ctx, panel, ctx.theme.warningBack);
    ui::recordShown(ctx, note.name);
    keepWithBox(ctx);
}

} // namespace

MaybeEvent drawContact(const flow::State& state, ui::Ctx& ctx) {
    Page page(state, ctx, "contact.title"_key, "contact.hint"_key);
    const flow::Answers& a = state.answers;
    const float w = page.width();
    ui::text(ctx, ctx.fonts.bold, ctx.tr("contact.how"_key), ctx.theme.text, w);
    // The detail goes straight under the way chosen.
    drawRadios(page, ctx, a.contact, [](flow::Contact c) { return flow::ChooseContact{c}; }, [&](flow::Contact way) {
        if (way == flow::Contact::Phone) {
            const auto& phone = a.field(flow::Field::Phone).text();
            page.take(drawTextField(state, ctx, flow::Field::Phone, ctx.tr("contact.phone.label"_key), w));
            if (!phone.empty() && !flow::isPlausiblePhone(phone))
                drawNote(ctx, "contact.phone.check"_key, w);
        } else if (way == flow::Contact::Email) {
            const auto& email = a.field(flow::Field::Email).text();
            page.take(drawTextField(state, ctx, flow::Field::Email, ctx.tr("contact.email.label"_key), w));
            if (!email.empty() && !flow::isPlausibleEmail(email))
                drawNote(ctx, "contact.email.check"_key, w);
        } else if (way == flow::Contact::None) {
            drawNote(ctx, "contact.none.means"_key, w);
        }
        ImGui::Dummy(ctx.em(0, 0.2f));
    });
    // The name last: the way to get in touch, and its consequence, are what most need seeing.
    ImGui::Dummy(ctx.em(0, 0.3f));
    const auto nameLabel = a.who == flow::Who::OnBehalf ? "contact.name.young_person"_key : "contact.name.yours"_key;
    page.take(drawTextField(state, ctx, flow::Field::Name, ctx.tr(nameLabel), w));
    return page.finish();
}

} // namespace kiosk::screens
