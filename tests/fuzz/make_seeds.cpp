#include <storage/bundle.hpp>
#include <storage/files.hpp>
#include <storage/keys.hpp>
#include <storage/submission.hpp>

#include <cstdio>
#include <filesystem>

// Writes the seeds that the code itself makes (key files, submissions, a bundle) into a corpus
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
    // A throwaway key made for the seeds; it protects nothing.
    const auto team = storage::KeyPair::generate();
    std::filesystem::create_directories(corpus / "key_file");
    std::filesystem::remove(corpus / "key_file" / "team-public.key");
    std::filesystem::remove(corpus / "key_file" / "team-secret.key");
    storage::savePublicKey(corpus / "key_file" / "team-public.key", team.publicKey);
    storage::saveKeyPair(corpus / "key_file" / "team-secret.key", team);
    std::printf("wrote %s/key_file/team-public.key and team-secret.key\n", corpus.c_str());

    const auto first = complaint();
    const auto second = compliment();
    write(corpus / "submission" / "complaint-cy.json", storage::toJson(first));
    write(corpus / "submission" / "compliment-en.json", storage::toJson(second));

    storage::Bundle bundle;
    bundle.batch = "5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    bundle.kiosk = "Canolfan Abertawe";
    bundle.createdAt = "2026-11-22T16:00:00Z";
    bundle.recipient = team.publicKey;
    for (const auto* s : {&first, &second})
        bundle.entries.push_back(
            {s->id, s->createdAt, s->priority, storage::seal(storage::toJson(*s), team.publicKey)});
    write(corpus / "bundle" / "two-submissions.bundle.json", storage::toJson(bundle));
    return 0;
}
