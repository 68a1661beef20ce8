#pragma once

#include <storage/calendar.hpp>
#include <storage/submission.hpp>
#include <flow/effect.hpp>

namespace kiosk::app {

/// Turns what the flow hands over into the submission that is sealed, taking over the typed texts
/// buffers (so that no copy of them is made) and naming every choice as FORMAT.md does.
[[nodiscard]] storage::Submission toSubmission(flow::SaveSubmission&& save);

/// The flow's name for a calendar day.
[[nodiscard]] flow::Day toDay(storage::Date date);

} // namespace kiosk::app
