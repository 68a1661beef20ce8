#pragma once

#include <storage/submission.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::storage {

/// Whether a field of a submission (by its JSON name) was a question asked on the path this
/// submission took (FORMAT.md, "Rules"): "young_person_agreed" only when an adult tells us for a
/// young person, "wants_advocate" only for complaints, and so on. A field not asked reads as "not
/// asked" in a worklist, never as "no".
[[nodiscard]] bool isAsked(std::string_view field, const Submission& s);

/// Every rule of FORMAT.md the submission breaks, one plain sentence each (empty if none): the
/// forms of id, reference, times and dates; a field not asked holding a value; an adult telling us
/// for a young person without their agreement; contact details that do not match the way chosen.
[[nodiscard]] std::vector<std::string> ruleBreaches(const Submission& s);

/// Whether text is a lower-case random (version 4) UUID, as the kiosk makes them.
[[nodiscard]] bool isUuidV4(std::string_view text);

} // namespace kiosk::storage
