#include <app/tour_stops.hpp>
#include <flow/step.hpp>
#include <screens/screens.hpp>
#include <speech/voice.hpp>
#include <test_support/temp_dir.hpp>
#include "driver.hpp" // tests/ui, on this target's include path

#include <catch2/catch.hpp>

#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

using namespace kiosk;
using flow::Language;
using flow::Screen;

namespace {

const char* code(Language l) { return l == Language::Welsh ? "cy" : "en"; }

// What the button hands the voice: tapped as a finger would, and taken from the Speak effect.
flow::Script readAloud(test::UiDriver& ui) {
    const std::size_t before = ui.spoken.size();
    ui.tap("read_aloud");
    REQUIRE(ui.spoken.size() == before + 1);
    return ui.spoken.back();
}

std::size_t wordsIn(const flow::Script& script) {
    std::size_t words = 0;
    for (const auto& part : script) {
        std::istringstream in(part.text);
        for (std::string w; in >> w;)
            for (const unsigned char c : w)
                if (std::isalnum(c) || c >= 0x80) {
                    ++words;
                    break;
                }
    }
    return words;
}

double rms(const speech::Sound& sound) {
    double sum = 0;
    for (const auto s : sound.samples)
        sum += static_cast<double>(s) * s;
    return sound.samples.empty() ? 0 : std::sqrt(sum / static_cast<double>(sound.samples.size()));
}

// Speech, not silence or noise, and about as long as its words take to say: between a fifth of a
// second and a second a word.
void checkSpeech(const flow::Script& script, const speech::Sound& sound) {
    const auto words = static_cast<double>(wordsIn(script));
    REQUIRE(words > 0);
    CHECK(sound.sampleRate == 22050);
    CHECK(sound.seconds() >= 0.2 * words);
    CHECK(sound.seconds() <= 1.0 * words);
    CHECK(rms(sound) > 500);
}

bool mentions(const flow::Script& script, std::string_view words) {
    for (const auto& part : script)
        if (part.text.find(words) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("every screen and panel is read aloud in each language as speech of a plausible length", "[speech]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    int read = 0;
    for (const auto& stop : app::tourStops()) {
        const std::string name = stop.name;
        // Sending shows for as long as a save takes, with nothing to tap; staff mode is never read.
        if (name == "sending" || name.starts_with("staff-"))
            continue;
        for (const auto language : {Language::Welsh, Language::English}) {
            test::freshVisit(ui, language);
            stop.reach(ui.state);
            ui.catchUp();
            ui.frame();
            INFO(name << " " << code(language));
            const flow::Script script = readAloud(ui);
            REQUIRE_FALSE(script.empty());
            // Welcome and the panels asked in both languages are read in both, Welsh first; every
            // other screen in the language chosen.
            const bool both = name.starts_with("welcome") || name == "still-there" || name.starts_with("not-safe-");
            CHECK(script.front().language == (both ? Language::Welsh : language));
            for (const auto& part : script)
                if (!both)
                    CHECK(part.language == language);
            const speech::Sound sound = speech::synthesise(script);
            checkSpeech(script, sound);
            speech::writeWav(dir.path() / (name + "-" + code(language) + ".wav"), sound);
            ++read;
        }
    }
    CHECK(read >= 50);
}

TEST_CASE("staff mode is never read aloud", "[speech]") {
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    for (const auto& stop : app::tourStops()) {
        if (!std::string_view(stop.name).starts_with("staff-"))
            continue;
        test::freshVisit(ui, Language::English);
        stop.reach(ui.state);
        ui.catchUp();
        ui.frame();
        INFO(stop.name);
        CHECK_FALSE(ui.visible("read_aloud"));
        CHECK(screens::spokenScript(ui.ctx).empty());
    }
}

TEST_CASE("what the child typed is never in what is read aloud", "[speech]") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    const std::string adult = "Zorblat";
    const std::string role = "Quixwen";
    const std::string story = "Fizzlewump";
    const std::string name = "Blorptik";
    const std::string phone = "07700 900123";
    ui.tap(language == Language::Welsh ? "welcome.cymraeg" : "welcome.english");
    ui.tap("kind.complaint");
    ui.tap("who.on_behalf");
    ui.typeOnScreen(adult);
    ui.tap("field.adult_role");
    ui.typeOnScreen(role);
    ui.tap("who.agreed");
    const auto typed = {adult, role, story, name, phone};
    const auto heard = [&](const flow::Script& script) {
        for (const auto& words : typed)
            if (mentions(script, words))
                return true;
        return false;
    };
    CHECK_FALSE(heard(readAloud(ui)));
    ui.tap("nav.next");
    ui.tap("nav.next"); // help from an advocate
    ui.tap("topic.too_long");
    ui.tap("nav.next");
    ui.tap("nav.next"); // feelings: optional
    REQUIRE(ui.state.screen == Screen::Story);
    ui.tap("field.story");
    ui.typeOnScreen(story);
    CHECK_FALSE(heard(readAloud(ui)));
    ui.tap("nav.next");
    ui.tap("nav.next"); // put right: optional
    ui.tap("contact.phone");
    ui.typeOnScreen(phone);
    ui.tap("field.name");
    ui.typeOnScreen(name);
    REQUIRE(ui.state.screen == Screen::Contact);
    CHECK_FALSE(heard(readAloud(ui)));
    ui.tap("nav.next");
    if (ui.state.screen == Screen::Meeting) {
        ui.tap("meeting.phone");
        ui.tap("nav.next");
    }
    ui.tap("sharing.yes");
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Check);
    // Check shows every word typed; it reads what was asked and chosen, and none of them.
    const flow::Script check = readAloud(ui);
    CHECK(mentions(check, std::string(ui.ctx.tr(i18n::Key{"check.title"}))));
    CHECK(mentions(check, std::string(ui.ctx.tr(i18n::Key{"topic.too_long"}))));
    CHECK_FALSE(heard(check));
}

TEST_CASE("Welsh is read with the Welsh voice, not the English one", "[speech]") {
    CHECK(speech::phonemes(Language::Welsh, "Croeso") == "kr'OYsO");
    CHECK(speech::phonemes(Language::English, "Croeso") == "kr'oUsoU");
    // Each part of a script is marked with its language, which chooses the voice that reads it.
    CHECK(speech::toSsml({{Language::Welsh, "Wyt ti'n"}, {Language::English, "b & <c>"}}) ==
          "<speak><p xml:lang=\"cy\">Wyt ti&#39;n</p><p xml:lang=\"en-gb\">b &amp; &lt;c&gt;</p></speak>");
}

TEST_CASE("a WAV file holds the sound as 16-bit mono PCM", "[speech]") {
    test::TempDir dir;
    const auto sound = speech::synthesise({{Language::English, "Read it to me"}});
    const auto file = dir.path() / "say.wav";
    speech::writeWav(file, sound);
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() == 44 + sound.samples.size() * 2);
    CHECK(bytes.substr(0, 4) == "RIFF");
    CHECK(bytes.substr(8, 8) == "WAVEfmt ");
    CHECK(bytes.substr(36, 4) == "data");
}

TEST_CASE("phone numbers are read a digit at a time in both voices, and other numbers as numbers", "[speech]") {
    for (const auto language : {Language::Welsh, Language::English}) {
        const std::string p = std::string("<speak><p xml:lang=\"") + speech::voiceName(language) + "\">";
        CHECK(speech::toSsml({{language, "Meic: 0808 80 23456 (free), text 84001. Call 999."}}) ==
              p + "Meic: 0 8 0 8, 8 0, 2 3 4 5 6 (free), text 8 4 0 0 1. Call 9 9 9.</p></speak>");
        CHECK(speech::toSsml({{language, "0800 49 60 650, 0300 790 0203 and 0808 801 1000"}}) ==
              p + "0 8 0 0, 4 9, 6 0, 6 5 0, 0 3 0 0, 7 9 0, 0 2 0 3 and 0 8 0 8, 8 0 1, 1 0 0 0</p></speak>");
        // Days, years and the reference code stay as they are read now.
        const std::string numbers = "Within 15 working days, by 24 November 2026. K7M-4TX";
        CHECK(speech::toSsml({{language, numbers}}) == p + numbers + "</p></speak>");
    }
}

TEST_CASE("times are read as people say them, not as 'nine zero zero' or the letters 'y b'", "[speech]") {
    CHECK(speech::toSsml({{Language::English, "9:00am to 4:30pm, 10:00 to 12:30pm"}}) ==
          "<speak><p xml:lang=\"en-gb\">9am to 4:30pm, 10 to 12:30pm</p></speak>");
    CHECK(speech::toSsml({{Language::Welsh, "(9:00yb tan 4:30yp), ac 1:30yp"}}) ==
          "<speak><p xml:lang=\"cy\">(9 y bore tan 4:30 y prynhawn), ac 1:30 y prynhawn</p></speak>");
    // What the Welsh voice makes of it: no "nwl nwl" (zero zero), no letters.
    const std::string heard = speech::phonemes(Language::Welsh, "9 y bore tan 4:30 y prynhawn");
    CHECK(heard.find("n'Ul") == std::string::npos);
    CHECK(heard.find("b'OrE") != std::string::npos);
    // A number that only looks like part of a time is left alone.
    CHECK(speech::toSsml({{Language::English, "ref 12:345 and b12:30"}}) ==
          "<speak><p xml:lang=\"en-gb\">ref 12:345 and b12:30</p></speak>");
}

TEST_CASE("a chosen answer is read as chosen, in the language on screen", "[speech]") {
    const auto language = GENERATE(Language::Welsh, Language::English);
    test::TempDir dir;
    test::UiDriver ui(1280, 800, dir.path());
    ui.tap(language == Language::Welsh ? "welcome.cymraeg" : "welcome.english");
    ui.tap("kind.complaint");
    ui.tap("who.me");
    const std::string chosen = language == Language::Welsh ? "wedi'i ddewis" : "chosen";
    const auto saysChosenAfter = [&](const flow::Script& script, i18n::Key key) {
        const std::string label(ui.ctx.tr(key));
        for (std::size_t i = 0; i < script.size(); ++i)
            if (script[i].text == label)
                return i + 1 < script.size() && script[i + 1].text == chosen && script[i + 1].language == language;
        FAIL("'" << label << "' is not read at all");
        return false;
    };
    const flow::Script who = readAloud(ui);
    CHECK(saysChosenAfter(who, i18n::Key{"who.me"}));
    CHECK_FALSE(saysChosenAfter(who, i18n::Key{"who.me_with_help"}));
    CHECK_FALSE(saysChosenAfter(who, i18n::Key{"who.on_behalf"}));
    ui.tap("nav.next");
    ui.tap("nav.next");
    ui.tap("topic.too_long");
    const flow::Script topics = readAloud(ui);
    CHECK(saysChosenAfter(topics, i18n::Key{"topic.too_long"}));
    CHECK_FALSE(saysChosenAfter(topics, i18n::Key{"topic.hard_to_reach"}));
    ui.tap("nav.next");
    REQUIRE(ui.state.screen == Screen::Feelings);
    ui.tap("feeling.2");
    const flow::Script feelings = readAloud(ui);
    CHECK(saysChosenAfter(feelings, vocabulary::feelingKey(2)));
    CHECK_FALSE(saysChosenAfter(feelings, vocabulary::feelingKey(3)));
}
