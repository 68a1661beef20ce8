#include "core_support.hpp"

#include <core/effect_runner.hpp>
#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <flow/journey.hpp>
#include <flow/step.hpp>
#include <storage/rules.hpp>
#include <storage/submission.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <map>

using namespace kiosk;
using namespace kiosk::vocabulary;

namespace {

// A full set of answers, each test varying one choice.
flow::SaveSubmission base() {
    flow::SaveSubmission save;
    Choices& c = save.choices;
    c.kind = Kind::Complaint;
    c.who = Who::OnBehalf;
    c.youngPersonAgreed = true;
    c.wantsAdvocate = true;
    c.topics.set(static_cast<std::size_t>(Topic::TooLong));
    c.feeling = 3;
    c.putRight.set(static_cast<std::size_t>(PutRight::ChangeHow));
    c.contact = Contact::Phone;
    c.meeting = Meeting::Video;
    c.sharing = Sharing::No;
    for (const auto& row : all<Field>())
        save.texts[static_cast<std::size_t>(row.value)] = flow::SecretText("typed in " + std::string(row.stored));
    return save;
}

// What a child types in each box: a phone number and an email address the contact screen takes.
std::string typedIn(Field field) {
    if (field == Field::Phone)
        return "07700 900123";
    if (field == Field::Email)
        return "plentyn@example.org";
    for (const auto& row : all<Field>())
        if (row.value == field)
            return "typed in " + std::string(row.stored);
    return {};
}

// The child's answers, every box typed in, sent from Check your answers through the real flow:
// what is saved is what the journey keeps of them, exactly as the kiosk sends it.
flow::SaveSubmission sentThroughTheFlow(Language language, const Choices& choices) {
    flow::State s;
    s.language = language;
    static_cast<Choices&>(s.answers) = choices;
    for (const auto& row : all<Field>())
        REQUIRE(s.answers.field(row.value).insert(typedIn(row.value)));
    s.screen = flow::Screen::Check;
    auto effects = flow::step(s, flow::Send{});
    INFO("the flow did not send from Check: it went to screen " << static_cast<int>(s.screen));
    REQUIRE(effects.size() == 1);
    return std::move(std::get<flow::SaveSubmission>(effects.front()));
}

} // namespace

TEST_CASE(
    "every value of every choice goes from the flow through the real save, export and opening as itself") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "usb");
    const auto kiosk = core::startKiosk(dir / "data");
    std::vector<std::pair<Language, Choices>> variants;
    const auto vary = [&](auto apply) {
        auto save = base();
        apply(save);
        variants.emplace_back(save.language, save.choices);
    };
    for (const auto& row : all<Language>())
        vary([&](flow::SaveSubmission& s) { s.language = row.value; });
    for (const auto& row : all<Kind>())
        vary([&](flow::SaveSubmission& s) { s.choices.kind = row.value; });
    for (const auto& row : all<Who>())
        vary([&](flow::SaveSubmission& s) { s.choices.who = row.value; });
    for (const auto& row : all<Topic>())
        vary([&](flow::SaveSubmission& s) { s.choices.topics.reset().set(static_cast<std::size_t>(row.value)); });
    for (const auto& row : all<PutRight>())
        vary([&](flow::SaveSubmission& s) { s.choices.putRight.reset().set(static_cast<std::size_t>(row.value)); });
    for (const auto& row : all<Contact>())
        vary([&](flow::SaveSubmission& s) { s.choices.contact = row.value; });
    for (const auto& row : all<Meeting>())
        vary([&](flow::SaveSubmission& s) { s.choices.meeting = row.value; });
    for (const auto& row : all<Sharing>())
        vary([&](flow::SaveSubmission& s) { s.choices.sharing = row.value; });
    for (int feeling = kFeelingMin; feeling <= kFeelingMax; ++feeling)
        vary([&](flow::SaveSubmission& s) { s.choices.feeling = feeling; });

    // What each save should arrive as: what the journey kept of the answers, as the flow sent it.
    std::vector<flow::SaveSubmission> saves;
    for (const auto& [language, choices] : variants)
        saves.push_back(sentThroughTheFlow(language, choices));
    std::vector<std::pair<Language, flow::Kept>> kept;
    for (std::size_t i = 0; i < saves.size(); ++i) {
        saves[i].job = i + 1;
        flow::Kept k;
        k.choices = saves[i].choices;
        for (const auto& row : all<Field>())
            if (!saves[i].text(row.value).empty())
                k.keep(row.value);
        kept.emplace_back(saves[i].language, k);
    }
    std::map<std::string, std::uint64_t> jobOf;
    {
        core::EffectRunner runner(kiosk, [] {});
        runner.drain();
        REQUIRE(std::get<flow::StorageChecked>(runner.takeResults().at(0)).why == flow::CannotStore::None);
        flow::Effects effects;
        for (auto& s : saves)
            effects.emplace_back(std::move(s));
        runner.run(std::move(effects));
        runner.drain();
        for (const auto& result : runner.takeResults()) {
            const auto* saved = std::get_if<flow::Saved>(&result);
            REQUIRE(saved != nullptr);
            jobOf[saved->reference] = saved->job;
        }
    }
    REQUIRE(jobOf.size() == kept.size()); // every child was given a code of their own

    const auto exported = core::exportUnconfirmed(kiosk, dir / "usb");
    REQUIRE(exported.count == kept.size());
    const auto keys = test::demoTeamKeys(kiosk);
    const auto bundle = test::readBundleFile(exported.file);
    REQUIRE(bundle.entries.size() == kept.size());
    for (const auto& entry : bundle.entries) {
        const auto s = storage::submissionFromJson(storage::openSealed(entry.sealed, keys.sealing));
        INFO("reference " << s.reference);
        // The kiosk never breaks a rule of FORMAT.md that intake enforces.
        CHECK(storage::ruleBreaches(s) == std::vector<std::string>{});
        CHECK(s.id == entry.id);
        CHECK(s.createdAt == entry.createdAt);
        CHECK(s.priority == entry.priority);
        CHECK(s.kiosk == bundle.kiosk);
        CHECK(s.demo == bundle.demo);
        REQUIRE(jobOf.count(s.reference) == 1);
        const auto& [language, k] = kept[jobOf[s.reference] - 1];
        CHECK(s.language == language);
        CHECK(s.choices == k.choices);
        for (const auto& row : all<Field>())
            CHECK(s.text(row.value) == (k.has(row.value) ? typedIn(row.value) : ""));
    }
}

TEST_CASE("only a complaint that may be answered is promised a date") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    core::EffectRunner runner(kiosk, [] {});
    runner.drain();
    (void)runner.takeResults(); // what the start check found
    for (const auto& kind : all<Kind>()) {
        for (const auto& contact : all<Contact>()) {
            auto save = base();
            save.choices.kind = kind.value;
            save.choices.contact = contact.value;
            save.promiseDate = flow::promisesDate(save.choices);
            flow::Effects effects;
            effects.emplace_back(std::move(save));
            runner.run(std::move(effects));
            runner.drain();
            const auto results = runner.takeResults();
            REQUIRE(results.size() == 1);
            const auto& saved = std::get<flow::Saved>(results.front());
            INFO(kind.stored << " with contact " << contact.stored);
            CHECK(saved.contactBy.has_value() == (kind.value == Kind::Complaint && contact.value != Contact::None));
        }
    }
}
