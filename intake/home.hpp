#pragma once

#include <storage/calendar.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::intake {

/// What the team may set in intake.json: closure dates besides the bank holidays, and the
/// language of the printed worklist.
struct Settings {
    std::vector<storage::Date> closures;
    std::string language = "cy"; // "cy" or "en"
};

/// The intake home folder (storage/FORMAT.md, "Intake ledger and home folder"): the team's keys,
/// the ledger, the archive of every bundle accepted, the receipts written and the worklists.
class Home {
public:
    explicit Home(std::filesystem::path root) : m_root(std::move(root)) {}

    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }
    [[nodiscard]] std::filesystem::path secretKey() const { return m_root / "team-secret.key"; }
    [[nodiscard]] std::filesystem::path publicKey() const { return m_root / "team-public.key"; }
    [[nodiscard]] std::filesystem::path ledger() const { return m_root / "ledger.db"; }
    [[nodiscard]] std::filesystem::path archive() const { return m_root / "archive"; }
    [[nodiscard]] std::filesystem::path receipts() const { return m_root / "receipts"; }
    [[nodiscard]] std::filesystem::path worklistCsv() const { return m_root / "worklist.csv"; }
    [[nodiscard]] std::filesystem::path worklistHtml() const { return m_root / "worklist.html"; }
    [[nodiscard]] std::filesystem::path settingsFile() const { return m_root / "intake.json"; }

    /// Makes the folder (mode 0700: the worklists in it hold children's words in clear) with its
    /// archive and receipts folders, where they are missing.
    void create() const;
    /// The settings in intake.json, or the defaults if there is none. Throws storage::Error(Format)
    /// naming the file and the field for a value of the wrong type or form.
    [[nodiscard]] Settings settings() const;
    /// The archived bundle files, by name.
    [[nodiscard]] std::vector<std::filesystem::path> archivedBundles() const;

private:
    std::filesystem::path m_root;
};

/// $XDG_DATA_HOME/cafcass-cymru-intake, or ~/.local/share/cafcass-cymru-intake.
[[nodiscard]] std::filesystem::path defaultHome();

} // namespace kiosk::intake
