#include <core/sync_state.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>

#include <nlohmann/json.hpp>

namespace kiosk::core {

SyncState readSyncState(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file))
        return {};
    try {
        const auto j = nlohmann::json::parse(storage::readFile(file), nullptr, false);
        if (!j.is_object())
            return {{}, {}, file.string() + " could not be read; the next sync attempt writes it again"};
        const auto text = [&](const char* field) {
            return j.contains(field) && j[field].is_string() ? j[field].get<std::string>() : std::string();
        };
        return {text("last_attempt"), text("last_success"), text("problem")};
    } catch (const storage::Error& e) {
        return {{}, {}, e.what()};
    }
}

void writeSyncState(const std::filesystem::path& file, const SyncState& state) {
    const auto orNull = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
    const nlohmann::json j = {{"last_attempt", orNull(state.lastAttempt)},
                              {"last_success", orNull(state.lastSuccess)},
                              {"problem", orNull(state.problem)}};
    storage::writeFileAtomically(file, j.dump(2) + "\n", 0600);
}

} // namespace kiosk::core
