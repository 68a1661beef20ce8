#include <core/effect_runner.hpp>
#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <flow/journey.hpp>
#include <intake/worklist.hpp>
#include <storage/files.hpp>
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

} // namespace

TEST_CASE("every value of every choice goes from the flow through the real save, export and intake as itself") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "usb");
    const auto kiosk = core::startKiosk(dir / "data");
    std::vector<flow::SaveSubmission> saves;
    const auto vary = [&](auto apply) {
        auto save = base();
        apply(save);
        save.job = saves.size() + 1;
        saves.push_back(std::move(save));
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

    // What each save should arrive as, by the reference its child was shown.
    std::map<std::uint64_t, std::pair<Language, Choices>> expected;
    for (const auto& s : saves)
        expected[s.job] = {s.language, s.choices};
    std::map<std::string, std::uint64_t> jobOf;
    {
        core::EffectRunner runner(kiosk, [] {});
        runner.drain();
        REQUIRE(std::get<flow::StorageChecked>(runner.takeResults().at(0)).canSave);
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
    REQUIRE(jobOf.size() == expected.size()); // every child was given a code of their own

    const auto exported = core::exportWaiting(kiosk, dir / "usb");
    REQUIRE(exported.count == expected.size());
    const auto keys = storage::loadKeyPair(dir / "data/demo-secret.key");
    const auto opened = intake::openBundle(storage::bundleFromJson(storage::readFile(exported.file)), keys);
    REQUIRE(opened.problems.empty());
    REQUIRE(opened.submissions.size() == expected.size());
    for (const auto& s : opened.submissions) {
        INFO("reference " << s.reference);
        REQUIRE(jobOf.count(s.reference) == 1);
        const auto& [language, choices] = expected[jobOf[s.reference]];
        CHECK(s.language == language);
        CHECK(s.choices == choices);
        for (const auto& row : all<Field>())
            CHECK(s.text(row.value) == "typed in " + std::string(row.stored));
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
