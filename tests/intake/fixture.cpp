#include "fixture.hpp"

#include <storage/files.hpp>
#include <storage/ids.hpp>

#include <fstream>

namespace kiosk::test {

using namespace vocabulary;

storage::Submission complaint(const std::string& story, const FakeKiosk& kiosk, const std::string& createdAt) {
    storage::Submission s;
    s.id = storage::newUuid();
    s.reference = storage::newReference();
    s.createdAt = createdAt;
    s.kiosk = kiosk.name;
    s.demo = kiosk.demo;
    s.language = Language::Welsh;
    s.choices.kind = Kind::Complaint;
    s.choices.who = Who::Me;
    s.choices.topics.set(static_cast<std::size_t>(Topic::NotListened));
    s.choices.sharing = Sharing::TalkFirst;
    s.choices.contact = Contact::None;
    s.text(Field::Story) = story;
    return s;
}

storage::Submission compliment(const std::string& story, const FakeKiosk& kiosk, const std::string& createdAt) {
    auto s = complaint(story, kiosk, createdAt);
    s.language = Language::English;
    s.choices.kind = Kind::Compliment;
    s.choices.topics.reset();
    s.choices.sharing.reset();
    return s;
}

storage::BundleEntry entryOf(const storage::Submission& s, const storage::PublicKey& team) {
    return {s.id, s.createdAt, s.priority, storage::seal(storage::toJson(s), team)};
}

storage::Bundle bundleOf(const FakeKiosk& kiosk, const storage::PublicKey& team,
                         std::vector<storage::BundleEntry> entries, const std::string& createdAt) {
    storage::Bundle b;
    b.batch = storage::newUuid();
    b.kiosk = kiosk.name;
    b.createdAt = createdAt;
    b.demo = kiosk.demo;
    b.recipient = team;
    b.kioskKey = kiosk.key.publicKey;
    b.entries = std::move(entries);
    return b;
}

std::filesystem::path writeBundle(const std::filesystem::path& folder, const storage::Bundle& bundle,
                                  const FakeKiosk& kiosk) {
    std::filesystem::create_directories(folder);
    const auto file = folder / storage::bundleFileName(bundle);
    storage::writeNewFileAtomically(file, storage::toSignedFile(bundle, kiosk.key));
    return file;
}

IntakeHome::IntakeHome() : home(dir / "home") {
    auto keys = storage::TeamKeys::generate();
    team = keys.publicKeys();
    session = intake::openSession(home, std::move(keys), "2026-11-20T09:00:00Z");
}

void IntakeHome::enrol(const FakeKiosk& kiosk) {
    session->ledger.enrol({kiosk.key.publicKey, kiosk.name, "2026-11-20T09:00:00Z", kiosk.demo});
}

std::filesystem::path IntakeHome::folder(const std::string& name) const {
    const auto path = dir / name;
    std::filesystem::create_directories(path);
    return path;
}

CommandHome::CommandHome() : passphraseFile(dir / "passphrase.txt") {
    options.home = dir / "home";
    options.passphraseFile = passphraseFile;
    options.kdf = storage::KdfLimits::interactive();
    std::ofstream(passphraseFile) << "correct horse battery staple\n";
    std::ostringstream o;
    std::ostringstream e;
    intake::Console c{o, e};
    if (intake::keygen(options, c) != intake::kFine)
        throw std::runtime_error("keygen failed: " + e.str());
}

storage::TeamKeys CommandHome::keys() const {
    return storage::loadTeamKeys(home().secretKey(), std::string_view("correct horse battery staple"));
}

int CommandHome::run(std::vector<std::string> args) {
    args.insert(args.end(), {"--home", options.home.string()});
    const auto& command = args.front();
    // kiosks and audit need no key, so take no passphrase.
    if (command != "kiosks" && command != "audit")
        args.insert(args.end(), {"--passphrase-file", passphraseFile.string()});
    std::ostringstream o;
    std::ostringstream e;
    intake::Console c{o, e};
    const int code = intake::runCommandLine(args, c);
    out = o.str();
    err = e.str();
    return code;
}

} // namespace kiosk::test
