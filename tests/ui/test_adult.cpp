#include <flow/journey.hpp>
#include <test_support/temp_dir.hpp>
#include "journeys.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

// An adult telling us for a young person (who.on_behalf) is spoken to in their own words from the
// Who screen on. These tests draw every screen and panel such an adult can see, through the real
// screens, and hold the catalogues to it: every key looked up for the adult has its adult wording
// ("<key>@adult") in both languages, or is flagged "#, same-for-adult" in both.

using namespace kiosk;
using namespace std::chrono_literals;
using namespace i18n::literals;
using flow::Language;
using flow::Screen;

namespace {

// What the frames drawn for the adult showed: the keys looked up, the screens and the panels.
struct Heard {
    std::set<std::string> keys;
    std::set<Screen> screens;
    std::set<flow::Overlay> overlays;
    std::set<std::string, std::less<>> frameKeys; // the keys of the frame just drawn

    void listen(test::UiDriver& ui) {
        ui.ctx.keysLookedUp = &frameKeys;
        ui.afterFrame = [this](const test::UiDriver& d) {
            if (d.ctx.reader != i18n::Reader::Adult)
                return;
            keys.insert(frameKeys.begin(), frameKeys.end());
            screens.insert(d.state.screen);
            overlays.insert(d.state.overlay);
        };
    }
};

// From Welcome to the screen after Who, told by an advocate for a young person who has agreed.
void onBehalf(test::UiDriver& ui, Language language, const char* kind) {
    ui.tap(test::welcomeKey(language));
    ui.tap(kind);
    ui.tap("who.on_behalf");
    ui.typeOnScreen("Siân");
    ui.tap("field.adult_role");
    ui.typeOnScreen("Eiriolwr");
    ui.tap("who.agreed");
    ui.tap("nav.next");
}

// The panels over a screen: start again, "I don't feel safe", "Are you still there?", and bigger
// text (whose button then reads "Smaller text").
void openEveryPanel(test::UiDriver& ui) {
    const Screen here = ui.state.screen;
    ui.tap("chrome.start_again");
    ui.tap("start_again.no");
    ui.tap("chrome.not_safe");
    ui.tap("not_safe.back");
    ui.advance(ui.state.timing.quietBeforeAsking);
    REQUIRE(ui.state.overlay == flow::Overlay::StillThere);
    ui.tap("still_there.yes");
    ui.tap("chrome.text_size");
    ui.tap("chrome.text_size");
    REQUIRE(ui.state.screen == here);
    REQUIRE(ui.state.overlay == flow::Overlay::None);
}

// A complaint with every part answered and every note on the contact screen shown; the first
// Send fails (the test put a folder where the database should be), the second is stored.
void everyPartOfAComplaint(test::UiDriver& ui, const std::filesystem::path& dir, Language language) {
    onBehalf(ui, language, "kind.complaint");
    REQUIRE(ui.state.screen == Screen::Help);
    ui.tap("help.want_advocate");
    ui.tap("nav.next");
    for (const auto& topic : vocabulary::all<flow::Topic>())
        ui.tap(topic.key.name);
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Court);
    ui.tap("nav.next");
    ui.tap("feeling.2");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Story);
    openEveryPanel(ui);
    ui.typeOnScreen("Ni ffoniodd neb");
    ui.tap("nav.next");
    for (const auto& way : vocabulary::all<flow::PutRight>())
        ui.tap(way.key.name);
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Contact);
    ui.tap("field.name");
    ui.typeOnScreen("Cerys");
    ui.tap("contact.email");
    ui.typeOnScreen("sian@");
    ui.tap("contact.through_adult");
    ui.tap("contact.none");
    ui.tap("contact.phone");
    ui.typeOnScreen("0770");
    REQUIRE(ui.state.focus == flow::Field::Phone);
    ui.typeOnScreen("0 900123");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Meeting);
    ui.tap("meeting.phone");
    ui.tap("nav.next");
    ui.tap("sharing.no");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Check);
    openEveryPanel(ui);
    ui.tap("check.send");
    ui.settle();
    REQUIRE(ui.state.saveFailed);
    std::filesystem::remove(dir / "kiosk.db");
    ui.tap("check.send");
    ui.settle();
    REQUIRE(ui.state.screen == Screen::ThankYou);
    REQUIRE(ui.state.contactBy.has_value());
    ui.tap("chrome.not_safe");
    ui.tap("not_safe.back");
    ui.tap("thanks.finish");
}

// A complaint nobody may be contacted about, to Thank you.
void complaintWithoutContact(test::UiDriver& ui, Language language) {
    onBehalf(ui, language, "kind.complaint");
    ui.tap("nav.next");
    ui.tap("topic.too_long");
    ui.tap("nav.next");
    ui.tap("nav.next");
    test::storyToCheck(ui);
    test::sendFromCheck(ui);
    ui.tap("thanks.finish");
}

// A compliment with nothing written and no contact, and feedback by email.
void complimentAndFeedback(test::UiDriver& ui, Language language) {
    onBehalf(ui, language, "kind.compliment");
    ui.tap("nav.next");
    test::storyToCheck(ui);
    test::sendFromCheck(ui);
    ui.tap("thanks.finish");

    onBehalf(ui, language, "kind.feedback");
    ui.tap("feeling.4");
    ui.tap("nav.next");
    ui.typeOnScreen("Da");
    test::storyToCheck(ui, "sian@example.com");
    test::sendFromCheck(ui);
    ui.tap("thanks.finish");
}

} // namespace

TEST_CASE("every text an adult telling us for a young person sees has the adult's wording, or is marked the "
          "same for them",
          "[adult]") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    // The kiosk's start check has made its database; a folder in its place makes the first Send fail.
    ui.settle();
    for (const char* file : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"})
        std::filesystem::remove(dir / file);
    std::filesystem::create_directory(dir / "kiosk.db");
    Heard heard;
    heard.listen(ui);
    everyPartOfAComplaint(ui, dir.path(), language);
    complaintWithoutContact(ui, language);
    complimentAndFeedback(ui, language);

    // Every screen from Who on, and every panel, was drawn for the adult.
    for (const Screen screen : {Screen::Who, Screen::Help, Screen::Topics, Screen::Court, Screen::Feelings,
                                Screen::Story, Screen::PutRight, Screen::Contact, Screen::Meeting, Screen::Sharing,
                                Screen::Check, Screen::ThankYou}) {
        INFO(flow::screenName(screen));
        CHECK(heard.screens.count(screen) == 1);
    }
    for (const auto overlay : {flow::Overlay::StillThere, flow::Overlay::ConfirmStartAgain, flow::Overlay::NotSafe})
        CHECK(heard.overlays.count(overlay) == 1);
    REQUIRE(heard.keys.size() > 100);

    for (const i18n::Catalogue* lang : {ui.ctx.welsh, ui.ctx.english}) {
        for (const auto& key : heard.keys) {
            INFO(lang->code() << ".po: \"" << key << "\" is shown to the adult; give it an entry \"" << key
                              << "@adult\" or the flag \"#, same-for-adult\"");
            CHECK((lang->hasAdult(key) || lang->sameForAdult(key)));
        }
    }
}

TEST_CASE("the adult's wording shows from the Who screen on, and never to a young person telling us themselves",
          "[adult]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap(test::welcomeKey(Language::English));
    ui.tap("kind.complaint");
    ui.tap("who.me");
    CHECK(ui.ctx.reader == i18n::Reader::YoungPerson);
    ui.tap("nav.next");
    ui.tap("nav.next");
    ui.tap("topic.too_long");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Feelings);
    CHECK(ui.ctx.reader == i18n::Reader::YoungPerson);
    CHECK(ui.ctx.tr("feelings.title"_key) == "How do you feel about it?");

    // The same screen for an advocate: asked about the young person.
    for (int i = 0; i < 3; ++i)
        ui.tap("chrome.back");
    REQUIRE(ui.state.screen == Screen::Who);
    ui.tap("who.on_behalf");
    CHECK(ui.ctx.reader == i18n::Reader::Adult);
    ui.typeOnScreen("Siân");
    ui.tap("field.adult_role");
    ui.typeOnScreen("Eiriolwr");
    ui.tap("who.agreed");
    ui.tap("nav.next");
    ui.tap("nav.next");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Feelings);
    CHECK(ui.ctx.reader == i18n::Reader::Adult);
    CHECK(ui.ctx.tr("feelings.title"_key) == "How does the young person feel about it?");

    // What to do was asked before anyone said who they are: going back there, it reads as it did.
    for (int i = 0; i < 4; ++i)
        ui.tap("chrome.back");
    REQUIRE(ui.state.screen == Screen::Kind);
    CHECK(ui.ctx.reader == i18n::Reader::YoungPerson);
}

TEST_CASE("after 'don't contact me', Sharing neither offers nor promises a talk first, to the adult or the child",
          "[adult]") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    const bool adult = GENERATE(true, false);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    if (adult) {
        onBehalf(ui, language, "kind.complaint");
    } else {
        ui.tap(test::welcomeKey(language));
        ui.tap("kind.complaint");
        ui.tap("who.me");
        ui.tap("nav.next");
    }
    ui.tap("nav.next");
    ui.tap("topic.too_long");
    ui.tap("nav.next");
    ui.tap("nav.next");
    ui.tap("nav.skip");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Contact);
    ui.tap("contact.none");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Sharing);
    CHECK(ui.ctx.reader == (adult ? i18n::Reader::Adult : i18n::Reader::YoungPerson));
    const std::string shown = ui.shownText();
    CHECK(ui.visible("sharing.yes"));
    CHECK(ui.visible("sharing.no"));
    CHECK_FALSE(ui.visible("sharing.talk_first"));
    CHECK(test::shows(shown, ui.ctx.tr("sharing.explain_no_contact"_key)));
    CHECK_FALSE(test::shows(shown, ui.ctx.tr("sharing.explain"_key)));

    // With a way to reach them, the talk is promised and offered again.
    ui.tap("chrome.back");
    ui.tap("contact.through_adult");
    ui.tap("nav.next");
    if (ui.state.screen == Screen::Meeting)
        ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Sharing);
    const std::string shownAgain = ui.shownText();
    CHECK(ui.visible("sharing.talk_first"));
    CHECK(test::shows(shownAgain, ui.ctx.tr("sharing.explain"_key)));
}
