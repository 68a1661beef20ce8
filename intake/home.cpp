#include <intake/home.hpp>

#include <storage/error.hpp>
#include <storage/files.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <sys/stat.h>

namespace kiosk::intake {
namespace {

// The digits of an archive name's opening sequence: enough for a bundle a minute for 190 years.
constexpr std::size_t kSequenceDigits = 8;

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

std::optional<std::int64_t> archiveSequence(const std::filesystem::path& file) {
    const auto name = file.filename().string();
    const auto end = name.find('_');
    if (end == std::string::npos || end != kSequenceDigits)
        return std::nullopt;
    std::int64_t n = 0;
    for (std::size_t i = 0; i < end; ++i) {
        if (name[i] < '0' || name[i] > '9')
            return std::nullopt;
        n = n * 10 + (name[i] - '0');
    }
    return n;
}

std::vector<std::filesystem::path> Home::archivedBundles() const {
    struct Found {
        std::filesystem::path file;
        std::optional<std::int64_t> sequence;
        std::filesystem::file_time_type written;
    };
    std::vector<Found> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(archive(), ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".bundle")
            continue;
        std::error_code timeError;
        found.push_back({entry.path(), archiveSequence(entry.path()), entry.last_write_time(timeError)});
    }
    // An older intake's names carry no sequence: those bundles were all opened before any that has
    // one, and intake wrote each when it opened it.
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.sequence.has_value() != b.sequence.has_value())
            return !a.sequence.has_value();
        if (a.sequence != b.sequence)
            return a.sequence < b.sequence;
        if (!a.sequence && a.written != b.written)
            return a.written < b.written;
        return a.file < b.file;
    });
    std::vector<std::filesystem::path> files;
    for (auto& f : found)
        files.push_back(std::move(f.file));
    return files;
}

std::string Home::nextArchiveName(const std::string& batch, const std::string& openedAt) const {
    std::int64_t last = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(archive(), ec))
        last = std::max(last, archiveSequence(entry.path()).value_or(0));
    auto number = std::to_string(last + 1);
    number.insert(0, kSequenceDigits > number.size() ? kSequenceDigits - number.size() : 0, '0');
    return number + "_" + storage::compactStamp(openedAt) + "_" + batch + ".bundle";
}

std::vector<std::filesystem::path> Home::archivedFilesOf(const std::string& batch) const {
    std::vector<std::filesystem::path> files;
    for (auto& file : archivedBundles()) {
        const auto name = file.filename().string();
        const auto tail = "_" + batch + ".bundle";
        if (name == batch + ".bundle" ||
            (name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0))
            files.push_back(std::move(file));
    }
    return files;
}

std::filesystem::path defaultHome() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/')
        return std::filesystem::path(xdg) / "cafcass-cymru-intake";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share" / "cafcass-cymru-intake";
}

} // namespace kiosk::intake
