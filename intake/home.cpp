#include <intake/home.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <sys/stat.h>

namespace kiosk::intake {
namespace {

[[noreturn]] void badSetting(const std::filesystem::path& file, const std::string& what) {
    throw storage::Error(storage::Error::Kind::Format, file.string() + ": " + what);
}

void makeFolder(const std::filesystem::path& folder, unsigned mode) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        throw storage::Error(storage::Error::Kind::File, "cannot make the folder " + folder.string() + ": " +
                                                             ec.message());
    ::chmod(folder.c_str(), mode);
}

} // namespace

void Home::create() const {
    makeFolder(m_root, 0700);
    makeFolder(archive(), 0700);
    makeFolder(receipts(), 0700);
}

Settings Home::settings() const {
    Settings settings;
    const auto file = settingsFile();
    if (!std::filesystem::exists(file))
        return settings;
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(storage::readFile(file));
    } catch (const nlohmann::json::exception&) {
        badSetting(file, "is not JSON");
    }
    if (!json.is_object())
        badSetting(file, "is not a JSON object");
    // A misspelt setting would otherwise be ignored without a word, and a closure day missed.
    for (const auto& [name, value] : json.items())
        if (name != "closures" && name != "language")
            badSetting(file, "\"" + name + "\" is not a setting intake knows (closures, language)");
    if (json.contains("closures")) {
        const auto& closures = json["closures"];
        if (!closures.is_array())
            badSetting(file, "\"closures\" must be a list of dates written YYYY-MM-DD");
        for (const auto& day : closures) {
            const auto date = day.is_string() ? storage::parseIsoDate(day.get<std::string>()) : std::nullopt;
            if (!date)
                badSetting(file, "\"closures\" holds " + day.dump() + ", which is not a date written YYYY-MM-DD");
            settings.closures.push_back(*date);
        }
    }
    if (json.contains("language")) {
        const auto& language = json["language"];
        if (!language.is_string() || (language != "cy" && language != "en"))
            badSetting(file, "\"language\" must be \"cy\" or \"en\"");
        settings.language = language.get<std::string>();
    }
    return settings;
}

std::vector<std::filesystem::path> Home::archivedBundles() const {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(archive(), ec))
        if (entry.is_regular_file() && entry.path().extension() == ".bundle")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::filesystem::path defaultHome() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/')
        return std::filesystem::path(xdg) / "cafcass-cymru-intake";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share" / "cafcass-cymru-intake";
}

} // namespace kiosk::intake
