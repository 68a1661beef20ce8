#include <fuzz/fuzz_target.hpp>

#include <storage/error.hpp>
#include <storage/submission.hpp>

// A sealed submission is opened on the complaints team's computer from a bundle that came on a USB
// stick. Sealing proves only that someone had the team's public key, which every kiosk holds, so the
// JSON inside is outside data too: refused with storage::Error or read whole, and what is read must
// write back the same.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    storage::Submission submission;
    try {
        submission = storage::submissionFromJson(fuzz::text(data, size));
    } catch (const storage::Error&) {
        return 0;
    }
    fuzz::accepted = true;
    const std::string written = storage::toJson(submission);
    fuzz::check(storage::toJson(storage::submissionFromJson(written)) == written,
                "a submission reads back as written");
    for (const auto& field : storage::submissionFields())
        (void)field.text(submission); // the worklist's cells
    storage::wipe(submission);
    return 0;
}
