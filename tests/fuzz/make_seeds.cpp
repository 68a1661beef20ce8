#include <fuzz/fuzz_target.hpp>

#include <storage/bundle.hpp>
#include <storage/files.hpp>
#include <storage/keys.hpp>
#include <storage/receipt.hpp>
#include <storage/submission.hpp>

#include <cstdio>
#include <filesystem>

// Writes the seeds that the code itself makes (key files, submissions, a bundle, a receipt) into a corpus
// folder, so that they are what a kiosk writes today rather than what someone once typed:
//
//   cmake --build build --target fuzz_make_seeds && build/tests/fuzz/fuzz_make_seeds tests/fuzz/corpus
//
// Run it again when a format changes (the replay test says so: its seeds are no longer accepted).

namespace {

using namespace kiosk;
using vocabulary::Field;

// A complaint from a young person with every kind of field filled in: Welsh words, lists, a
// feeling, a contact detail, the date promised.
storage::Submission complaint() {
    storage::Submission s;
    s.id = "3b0f5a52-8f7e-4d35-9d4c-2a4f8c1e6b10";
    s.reference = "K7M-4TX";
    s.createdAt = "2026-11-22T10:31:02Z";
    s.kiosk = "Canolfan Abertawe";
    s.language = vocabulary::Language::Welsh;
    s.choices.kind = vocabulary::Kind::Complaint;
    s.choices.who = vocabulary::Who::MeWithHelp;
    s.text(Field::HelperName) = "Siân";
    s.choices.wantsAdvocate = true;
    s.choices.topics.set(static_cast<std::size_t>(vocabulary::Topic::NotListened));
    s.choices.topics.set(static_cast<std::size_t>(vocabulary::Topic::TooLong));
    s.choices.feeling = 2;
    s.text(Field::Story) = "Doedd neb yn gwrando arna i.\nRoedd yr ŵyl yn \"hir\" – dw i'n drist.";
    s.choices.putRight.set(static_cast<std::size_t>(vocabulary::PutRight::TalkToSomeone));
    s.text(Field::Name) = "Gwenllïan";
    s.choices.contact = vocabulary::Contact::Email;
    s.text(Field::Email) = "gwen@example.org";
    s.choices.meeting = vocabulary::Meeting::Video;
    s.choices.sharing = vocabulary::Sharing::TalkFirst;
    s.acknowledgeBy = "2026-11-24";
    s.priority = true;
    return s;
}

// The shortest path: a compliment in English, no contact.
storage::Submission compliment() {
    storage::Submission s;
    s.id = "9d2c7e41-0a6b-4f3e-8c15-5e7a9b3d2f68";
    s.reference = "H3R-9WC";
    s.createdAt = "2026-11-22T14:05:40Z";
    s.kiosk = "Canolfan Abertawe";
    s.language = vocabulary::Language::English;
    s.choices.kind = vocabulary::Kind::Compliment;
    s.choices.who = vocabulary::Who::Me;
    s.text(Field::Story) = "She was kind to me.";
    s.choices.contact = vocabulary::Contact::None;
    s.demo = true;
    return s;
}

void write(const std::filesystem::path& file, const std::string& bytes) {
    std::filesystem::create_directories(file.parent_path());
    storage::writeFileAtomically(file, bytes);
    std::printf("wrote %s\n", file.c_str());
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: fuzz_make_seeds CORPUS_DIR (tests/fuzz/corpus)\n", stderr);
        return 2;
    }
    const std::filesystem::path corpus = argv[1];
    // Throwaway keys made for the seeds; they protect nothing.
    const auto team = storage::TeamKeys::generate();
    const auto kioskKey = storage::SigningKeyPair::generate();
    const auto keys = corpus / "key_file";
    std::filesystem::create_directories(keys);
    for (const char* name :
         {"team-public.key", "team-secret.key", "demo-secret.key", "kiosk-secret.key", "kiosk-identity.json"})
        std::filesystem::remove(keys / name);
    storage::saveTeamPublicKeys(keys / "team-public.key", team.publicKeys());
    // The costs a test may use, so that replaying the seed takes a moment, not seconds.
    storage::saveTeamKeys(keys / "team-secret.key", team, fuzz::kSeedPassphrase,
                          storage::KdfLimits::interactive());
    storage::saveTeamKeys(keys / "demo-secret.key", team, std::nullopt);
    storage::saveKioskSigningKey(keys / "kiosk-secret.key", kioskKey);
    storage::saveKioskIdentity(keys / "kiosk-identity.json",
                               {"Canolfan Abertawe", kioskKey.publicKey, false});
    std::printf("wrote the key files in %s\n", keys.c_str());

    const auto first = complaint();
    const auto second = compliment();
    write(corpus / "submission" / "complaint-cy.json", storage::toJson(first));
    write(corpus / "submission" / "compliment-en.json", storage::toJson(second));

    storage::Bundle bundle;
    bundle.batch = "5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    bundle.kiosk = "Canolfan Abertawe";
    bundle.createdAt = "2026-11-22T16:00:00Z";
    bundle.recipient = team.sealing.publicKey;
    bundle.kioskKey = kioskKey.publicKey;
    // Its audit log: a wrong PIN, then staff exporting to a stick with a Welsh name.
    bundle.audit = {{41, "2026-11-22T15:58:10Z", "screen", "pin_wrong", "refused", 0, ""},
                    {42, "2026-11-22T15:58:30Z", "screen", "pin_right", "done", 0, ""},
                    {43, "2026-11-22T16:00:00Z", "screen", "export", "done", 2, "Ffon Siân"}};
    storage::Receipt receipt{
        "0c7b9e2a-6d14-4f3b-a8e5-1f2d3c4b5a69", bundle.kiosk, kioskKey.publicKey, "2026-11-23T09:12:00Z", {}};
    for (const auto* s : {&first, &second}) {
        auto sealed = storage::seal(storage::toJson(*s), team.sealing.publicKey);
        receipt.received.push_back({s->id, storage::sealedHash(sealed)});
        bundle.entries.push_back({s->id, s->createdAt, s->priority, std::move(sealed)});
    }
    write(corpus / "bundle" / "two-submissions.bundle", storage::toSignedFile(bundle, kioskKey));
    write(corpus / "receipt" / "two-submissions.receipt", storage::toSignedFile(receipt, team.signing));
    return 0;
}
