#include "crash_support.hpp"

#include <storage/db.hpp>
#include <storage/files.hpp>
#include <storage/store.hpp>
#include <storage/submission.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <random>
#include <set>
#include <unistd.h>

namespace kiosk::test {

flow::SaveSubmission complaintSaying(std::uint64_t job, const std::string& words) {
    flow::SaveSubmission save;
    save.job = job;
    save.language = vocabulary::Language::Welsh;
    save.choices.kind = vocabulary::Kind::Complaint;
    save.choices.who = vocabulary::Who::Me;
    save.choices.topics.set(static_cast<std::size_t>(vocabulary::Topic::TooLong));
    save.choices.contact = vocabulary::Contact::None;
    save.texts[static_cast<std::size_t>(vocabulary::Field::Story)] = flow::SecretText(words);
    return save;
}

std::map<std::string, StoredSubmission> ReadBack::operator()(const std::filesystem::path& database) {
    // Read-write, as the kiosk opens it on starting again: this is what replays the WAL.
    storage::SubmissionStore store(database);
    REQUIRE(store.db().queryText("PRAGMA quick_check") == "ok");
    std::map<std::string, StoredSubmission> found;
    storage::Statement rows(store.db(), "SELECT id, state, coalesce(batch, ''), sealed FROM submission");
    while (rows.step()) {
        StoredSubmission row{rows.text(0), rows.text(1), rows.text(2), rows.blob(3), {}};
        INFO("row " << row.id);
        auto known = m_opened.find(row.sealed);
        if (known == m_opened.end()) {
            // What does not open, or does not agree with itself, throws: the caller counts that store's
            // confirmed submissions lost (a damaged store is a loss, whatever damaged it).
            const auto s = storage::submissionFromJson(storage::openSealed(row.sealed, m_keys));
            known = m_opened.emplace(row.sealed, Opened{s.id, s.reference, s.text(vocabulary::Field::Story)})
                        .first;
        }
        if (known->second.id != row.id)
            throw storage::Error(storage::Error::Kind::Format, "row " + row.id + " holds another submission");
        row.story = known->second.story;
        if (!found.emplace(known->second.reference, std::move(row)).second)
            throw storage::Error(storage::Error::Kind::Format, "two rows hold reference " + known->second.reference);
    }
    std::set<std::string> given;
    storage::Statement codes(store.db(), "SELECT code FROM reference_used");
    while (codes.step())
        given.insert(codes.text(0));
    std::set<std::string> stored;
    for (const auto& [reference, row] : found)
        stored.insert(reference);
    if (given != stored)
        throw storage::Error(storage::Error::Kind::Format, "the reference codes given and the rows stored disagree");
    return found;
}

std::uint64_t countFromEnvironment(const char* name, std::uint64_t fallback) {
    const char* text = std::getenv(name);
    return text != nullptr && *text != '\0' ? std::stoull(text) : fallback;
}

std::uint32_t crashSeed(const char* test) {
    const auto seed =
        static_cast<std::uint32_t>(countFromEnvironment("KIOSK_CRASH_SEED", std::random_device{}()));
    std::cout << test << ": seed " << seed << " (KIOSK_CRASH_SEED=" << seed << " repeats its random choices)"
              << std::endl;
    return seed;
}

CapturedStderr::CapturedStderr(const std::filesystem::path& file) : m_file(file) {
    std::fflush(stderr);
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    REQUIRE(fd >= 0);
    m_saved = ::dup(STDERR_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
}

CapturedStderr::~CapturedStderr() {
    std::fflush(stderr);
    ::dup2(m_saved, STDERR_FILENO);
    ::close(m_saved);
}

std::string CapturedStderr::text() const {
    std::fflush(stderr);
    return storage::readFile(m_file);
}

} // namespace kiosk::test
