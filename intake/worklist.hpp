#pragma once

#include <storage/bundle.hpp>
#include <storage/keys.hpp>
#include <storage/submission.hpp>

#include <string>
#include <vector>

namespace kiosk::intake {

/// What opening a bundle gave: the submissions, and a line for each entry that could not be opened.
struct Opened {
    std::vector<storage::Submission> submissions;
    std::vector<std::string> problems;
};

/// Opens every entry of a bundle with the team's key, checking that the bundle was sealed to this
/// key and that each sealed submission carries the id of the entry that holds it.
[[nodiscard]] Opened openBundle(const storage::Bundle& bundle, const storage::KeyPair& keys);

/// Adds submissions not already in the list (by id): the same submission in two bundles, after an
/// export was repeated, is listed once. Returns how many were new.
std::size_t addNew(std::vector<storage::Submission>& list, std::vector<storage::Submission>&& more);

/// The worklist as CSV (RFC 4180, UTF-8), one row per submission, priority ones first.
[[nodiscard]] std::string toCsv(std::vector<storage::Submission> submissions);

} // namespace kiosk::intake
