// Not a test: writes a sample worklist, in Welsh and in English, for people to look at and print.
// Hidden from ctest; run it by hand:
//   INTAKE_SAMPLE_DIR=/tmp/intake-sample TZ=Europe/London build/tests/intake_tests "[.sample]"
#include "fixture.hpp"

#include <intake/commands.hpp>
#include <intake/worklist.hpp>

#include <storage/files.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace kiosk;
using namespace kiosk::intake;
using namespace kiosk::vocabulary;
using kiosk::test::FakeKiosk;

namespace {

void pick(storage::Submission& s, Topic t) { s.choices.topics.set(static_cast<std::size_t>(t)); }
void pick(storage::Submission& s, PutRight p) { s.choices.putRight.set(static_cast<std::size_t>(p)); }

} // namespace

TEST_CASE("writes a sample worklist in both languages", "[.sample]") {
    const char* dirEnv = std::getenv("INTAKE_SAMPLE_DIR");
    REQUIRE(dirEnv != nullptr);
    const std::filesystem::path out = dirEnv;
    std::filesystem::remove_all(out);
    std::filesystem::create_directories(out);

    Options o;
    o.home = out / "home";
    o.passphraseFile = out / "passphrase.txt";
    o.kdf = storage::KdfLimits::interactive();
    std::ofstream(*o.passphraseFile) << "sample passphrase, not a real one\n";
    std::ostringstream said;
    Console c{said, said};
    const auto when = [&](const std::string& t) {
        auto x = o;
        x.now = *parseIsoUtc(t);
        return x;
    };
    REQUIRE(keygen(o, c) == kFine);
    FakeKiosk abertawe{"Canolfan Teulu Abertawe"};
    FakeKiosk wrecsam{"Canolfan Wrecsam"};
    for (const auto* k : {&abertawe, &wrecsam}) {
        const auto file = out / ("identity-" + k->name + ".json");
        storage::saveKioskIdentity(file, k->identity());
        REQUIRE(kiosksAdd(o, file, c) == kFine);
    }
    const auto team = storage::loadTeamPublicKeys(Home(o.home).publicKey());

    auto scared = test::complaint("Dw i wedi trio ffonio fy ngweithiwr dair gwaith a does neb yn ateb. Dw i ddim yn "
                                  "gwybod beth sy'n digwydd gyda'r llys ac mae'n fy mhoeni i.",
                                  abertawe, "2026-11-19T15:42:00Z");
    scared.priority = true;
    pick(scared, Topic::HardToReach);
    pick(scared, Topic::NotExplained);
    pick(scared, PutRight::Explanation);
    pick(scared, PutRight::TalkToSomeone);
    scared.choices.feeling = 1;
    scared.choices.wantsAdvocate = true;
    scared.choices.contact = Contact::Phone;
    scared.text(Field::Phone) = "07700 900123";
    scared.choices.meeting = Meeting::Phone;
    scared.text(Field::Name) = "Elin";
    scared.acknowledgeBy = "2026-11-20";

    auto advocate = test::complaint("Her worker said she'd call back & she never did. He waited > 3 weeks for "
                                    "anyone to explain the \"next steps\".",
                                    wrecsam, "2026-11-23T10:05:00Z");
    advocate.language = Language::English;
    advocate.choices.who = Who::OnBehalf;
    advocate.text(Field::AdultName) = "Sam Jones";
    advocate.text(Field::AdultRole) = "Advocate <Tros Gynnal Plant>";
    advocate.choices.youngPersonAgreed = true;
    advocate.choices.topics.reset();
    pick(advocate, Topic::TooLong);
    pick(advocate, Topic::NotDone);
    pick(advocate, PutRight::ChangeHow);
    advocate.choices.contact = Contact::ThroughAdult;
    advocate.choices.meeting = Meeting::InPerson;
    advocate.choices.sharing = Sharing::Yes;
    advocate.choices.feeling = 2;
    advocate.acknowledgeBy = "2026-11-24";

    auto thanks = test::compliment("Roedd Siân yn garedig iawn ac yn gwrando arna i bob tro. Diolch!", abertawe,
                                   "2026-11-23T13:20:00Z");
    thanks.language = Language::Welsh;
    thanks.choices.who = Who::MeWithHelp;
    thanks.text(Field::HelperName) = "Mam";
    thanks.choices.feeling = 5;

    auto feedback = test::compliment("", wrecsam, "2026-11-23T14:10:00Z");
    feedback.choices.kind = Kind::Feedback;
    feedback.choices.storySkipped = true;
    feedback.text(Field::Story).clear();
    feedback.choices.feeling = 3;

    auto answered = test::complaint("The waiting room was cold and nobody told me how long it would be.", wrecsam,
                                    "2026-11-18T09:30:00Z");
    answered.language = Language::English;
    pick(answered, Topic::Behaviour);
    answered.choices.contact = Contact::Email;
    answered.text(Field::Email) = "jo@example.org";
    answered.choices.meeting = Meeting::Email;
    answered.choices.sharing = Sharing::No;
    answered.acknowledgeBy = "2026-11-19";

    const auto bundle = [&](const FakeKiosk& k, std::vector<storage::Submission> subs, const std::string& at) {
        std::vector<storage::BundleEntry> entries;
        for (const auto& s : subs)
            entries.push_back(test::entryOf(s, team.sealing));
        return test::writeBundle(out / "usb", test::bundleOf(k, team.sealing, entries, at), k);
    };
    REQUIRE(openBundles(when("2026-11-19T16:30:00Z"), {bundle(wrecsam, {answered}, "2026-11-18T16:00:00Z")}, c) == kFine);
    REQUIRE(acknowledge(when("2026-11-19T16:45:00Z"), {answered.reference}, c) == kFine);
    REQUIRE(openBundles(when("2026-11-23T16:30:00Z"),
                        {bundle(abertawe, {scared, thanks}, "2026-11-23T16:00:00Z"),
                         bundle(wrecsam, {advocate, feedback}, "2026-11-23T16:05:00Z")},
                        c) == kFine);
    for (const std::string language : {"cy", "en"}) {
        auto x = when("2026-11-24T09:00:00Z");
        x.language = language;
        REQUIRE(worklist(x, c) == kFine);
        std::filesystem::copy_file(Home(o.home).worklistHtml(), out / ("worklist-" + language + ".html"),
                                   std::filesystem::copy_options::overwrite_existing);
        std::filesystem::copy_file(Home(o.home).worklistCsv(), out / ("worklist-" + language + ".csv"),
                                   std::filesystem::copy_options::overwrite_existing);
    }
    std::ofstream(out / "intake-said.txt") << said.str();
}
