#include <test_support/temp_dir.hpp>

#include <storage/ids.hpp>
#include <storage/submission.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kiosk::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

storage::SealedRow sealedComplaint(const std::string& story, const storage::PublicKey& key, bool priority) {
    storage::Submission s;
    s.id = storage::newUuid();
    s.reference = storage::newReference();
    s.createdAt = storage::isoUtc(std::chrono::system_clock::now());
    s.kiosk = "canolfan-1";
    s.language = vocabulary::Language::Welsh;
    s.choices.kind = vocabulary::Kind::Complaint;
    s.choices.who = vocabulary::Who::Me;
    s.choices.topics.set(static_cast<std::size_t>(vocabulary::Topic::TooLong));
    s.choices.contact = vocabulary::Contact::None;
    s.choices.sharing = vocabulary::Sharing::TalkFirst;
    s.text(vocabulary::Field::Story) = story;
    s.choices.storySkipped = story.empty();
    s.priority = priority;
    return {s.id, s.createdAt, "waiting", "", priority, storage::seal(storage::toJson(s), key)};
}

std::string addComplaint(storage::SubmissionStore& store, const std::string& story, const storage::PublicKey& key,
                         bool priority) {
    const auto row = sealedComplaint(story, key, priority);
    store.add(row, store.unusedReference());
    return row.id;
}

std::string allBytesUnder(const std::filesystem::path& folder) {
    std::string all;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file())
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        all += s.str();
    }
    return all;
}

} // namespace kiosk::test
