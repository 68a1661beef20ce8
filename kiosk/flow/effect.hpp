#pragma once

#include <flow/state.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk::flow {

/// A copy of something a child typed, on its way to being sealed. It always lives on the heap, so
/// moving it hands over the buffer rather than copying the words (short strings otherwise sit
/// inside the string object and a move leaves them behind), and it is zeroed when destroyed.
class SecretText {
public:
    SecretText() = default;
    explicit SecretText(std::string_view text);
    SecretText(const SecretText&) = delete;
    SecretText& operator=(const SecretText&) = delete;
    SecretText(SecretText&&) noexcept = default;
    SecretText& operator=(SecretText&& other) noexcept;
    ~SecretText();

    [[nodiscard]] const std::string& str() const { return m_text; }
    /// Hands the buffer over to a string that will be wiped by whoever takes it.
    [[nodiscard]] std::string release() { return std::move(m_text); }

private:
    std::string m_text;
};

/// The answers to seal and store, only those that belong to the path the child took; the shell
/// answers with Saved or SaveFailed carrying the same job number.
struct SaveSubmission {
    std::uint64_t job = 0;
    Choices choices;
    std::array<SecretText, kFieldCount> texts;
    Language language = Language::Welsh;
    bool priority = false;
    bool promiseDate = false; // the child will be told the day we will get in touch by (flow::promisesDate)

    [[nodiscard]] const std::string& text(Field f) const { return texts[static_cast<std::size_t>(f)].str(); }
};

/// Reads words aloud, each part in its language, stopping whatever was being read; answers
/// SpeechEnded when done (or when it cannot: a tablet without sound).
struct Speak { Script script; };
/// Stops reading aloud at once (the child moved on); answers nothing.
struct StopSpeaking {};

// Staff mode's work (flow/staff.hpp). Each answers with the event named, except RecordStaffLeft.
struct ReadPinState {};                        // -> PinRead
struct CheckPin { SecretText pin; };           // -> PinChecked; the try is recorded before the check
struct ChangePin { SecretText pin; };          // -> StaffDone (PinChanged, or why not)
struct ReadDashboard {};                       // -> DashboardRead
struct ListDrives {};                          // -> DrivesListed
struct ExportTo { std::string path; std::string name; };      // -> StaffDone
struct ImportReceiptFrom { std::string path; std::string name; }; // -> StaffDone
struct SyncNow {};                             // -> StaffDone
struct SeeQuarantine {};                       // -> StaffDone (QuarantineSeen), then StorageChecked
struct RecordStaffLeft { bool byItself = false; }; // the audit log only: nothing answers

using Effect = std::variant<SaveSubmission, Speak, StopSpeaking, ReadPinState, CheckPin, ChangePin, ReadDashboard,
                            ListDrives, ExportTo, ImportReceiptFrom, SyncNow, SeeQuarantine, RecordStaffLeft>;
using Effects = std::vector<Effect>;

} // namespace kiosk::flow
