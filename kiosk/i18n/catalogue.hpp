#pragma once

#include <vocabulary/choices.hpp>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

/// A translation key as written in code: "welcome.title"_key (one type with the vocabulary's).
using vocabulary::Key;
namespace literals = vocabulary::literals;

/// A catalogue that cannot be read: the file, the line, and what is wrong.
class LoadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One entry of a PO file: msgctxt is the key, msgid the English source, msgstr the text shown.
struct PoEntry {
    std::string context;
    std::string source;
    std::string sourcePlural;
    std::vector<std::string> translations; // one, or one per plural form
    int line = 0;
};

/// Parses the subset of the gettext PO format the catalogues use (msgctxt, msgid, msgid_plural,
/// msgstr, msgstr[n], comments, continued strings, C escapes). The header entry comes first.
[[nodiscard]] std::vector<PoEntry> parsePo(std::string_view text, const std::string& fileName);

/// Texts of one language, looked up by key.
class Catalogue {
public:
    /// Reads locales/<code>.po; throws LoadError.
    [[nodiscard]] static Catalogue load(const std::filesystem::path& poFile);
    [[nodiscard]] static Catalogue fromEntries(std::string code, const std::vector<PoEntry>& entries);

    /// The text for a key, valid while the catalogue lives; if the key is missing (tests make sure
    /// none is), the key's own name, which a key written in code keeps for the whole run.
    [[nodiscard]] std::string_view text(Key key) const;
    /// The plural form of a key for a count, by the language's plural rule.
    [[nodiscard]] std::string_view plural(Key key, long n) const;
    [[nodiscard]] bool has(std::string_view key) const { return m_texts.count(std::string(key)) != 0; }
    [[nodiscard]] const std::string& code() const { return m_code; }
    [[nodiscard]] const std::string& pluralFormsHeader() const { return m_pluralForms; }
    /// Every key with its forms, for tests and the glyph ranges of the font atlas.
    [[nodiscard]] const std::map<std::string, std::vector<std::string>, std::less<>>& all() const { return m_texts; }

private:
    std::string m_code;
    std::string m_pluralForms;
    std::map<std::string, std::vector<std::string>, std::less<>> m_texts;
};

/// Which plural form (index into msgstr[]) a count takes in a language, following the
/// Plural-Forms header each catalogue must carry: Welsh has six forms, English two.
[[nodiscard]] std::size_t pluralIndex(std::string_view languageCode, long n);
/// The Plural-Forms header expected in a language's catalogue.
[[nodiscard]] std::string_view expectedPluralForms(std::string_view languageCode);

/// Replaces {name} placeholders with values.
[[nodiscard]] std::string format(std::string_view pattern,
                                 std::initializer_list<std::pair<std::string_view, std::string_view>> values);

/// The {name} placeholders in a text, sorted.
[[nodiscard]] std::vector<std::string> placeholders(std::string_view text);

} // namespace kiosk::i18n
