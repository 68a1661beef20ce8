#pragma once

#include <storage/calendar.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
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
    /// The archived bundle files, in the order intake opened them: by the sequence number their
    /// name starts with (archiveName); files named by an older intake (`<batch>.bundle`, no number)
    /// come first, by the time intake wrote them. Never by anything a sender wrote.
    [[nodiscard]] std::vector<std::filesystem::path> archivedBundles() const;
    /// The name in archive/ for a bundle opened now: `<sequence>_<opened_at>_<batch>.bundle`, the
    /// sequence one more than any in the archive, so that the names keep the order of opening.
    [[nodiscard]] std::string nextArchiveName(const std::string& batch, const std::string& openedAt) const;
    /// The archived files that hold this batch (by their names), whatever their sequence.
    [[nodiscard]] std::vector<std::filesystem::path> archivedFilesOf(const std::string& batch) const;

private:
    std::filesystem::path m_root;
};

/// The opening sequence number an archive file's name starts with; nullopt for an older name.
[[nodiscard]] std::optional<std::int64_t> archiveSequence(const std::filesystem::path& file);

/// $XDG_DATA_HOME/cafcass-cymru-intake, or ~/.local/share/cafcass-cymru-intake.
[[nodiscard]] std::filesystem::path defaultHome();

} // namespace kiosk::intake
