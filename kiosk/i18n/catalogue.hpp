#pragma once

#include <vocabulary/choices.hpp>

#include <filesystem>
#include <map>
#include <set>
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
    std::vector<std::string> flags;        // from "#, a, b" lines: "same-for-adult"
    int line = 0;
};

/// Whom a text speaks to. When an adult tells us for a young person, a key may have the adult's
/// own wording: the entry whose msgctxt is the key followed by kAdultSuffix ("who.hint@adult").
/// A key whose text reads the same for the adult carries the flag kSameForAdult instead.
enum class Reader { YoungPerson, Adult };
inline constexpr std::string_view kAdultSuffix = "@adult";
inline constexpr std::string_view kSameForAdult = "same-for-adult";

/// The msgctxt of a key's adult wording: "who.hint" -> "who.hint@adult".
[[nodiscard]] std::string adultKey(std::string_view key);

/// Parses the subset of the gettext PO format the catalogues use (msgctxt, msgid, msgid_plural,
/// msgstr, msgstr[n], comments, "#," flags, continued strings, C escapes). The header entry comes first.
[[nodiscard]] std::vector<PoEntry> parsePo(std::string_view text, const std::string& fileName);

/// Texts of one language, looked up by key.
class Catalogue {
public:
    /// Reads locales/<code>.po; throws LoadError.
    [[nodiscard]] static Catalogue load(const std::filesystem::path& poFile);
    [[nodiscard]] static Catalogue fromEntries(std::string code, const std::vector<PoEntry>& entries);

    /// The text for a key, valid while the catalogue lives; if the key is missing (tests make sure
    /// none is), the key's own name, which a key written in code keeps for the whole run. For an
    /// adult, the key's adult wording where it has one.
    [[nodiscard]] std::string_view text(Key key, Reader reader = Reader::YoungPerson) const;
    /// The plural form of a key for a count, by the language's plural rule.
    [[nodiscard]] std::string_view plural(Key key, long n, Reader reader = Reader::YoungPerson) const;
    [[nodiscard]] bool has(std::string_view key) const { return m_texts.count(std::string(key)) != 0; }
    /// True when a key has its own wording for an adult telling us for a young person.
    [[nodiscard]] bool hasAdult(std::string_view key) const { return has(adultKey(key)); }
    /// True when a key is flagged as reading the same for that adult.
    [[nodiscard]] bool sameForAdult(std::string_view key) const { return m_sameForAdult.count(key) != 0; }
    [[nodiscard]] const std::string& code() const { return m_code; }
    [[nodiscard]] const std::string& pluralFormsHeader() const { return m_pluralForms; }
    /// Every key with its forms, for tests and the glyph ranges of the font atlas.
    [[nodiscard]] const std::map<std::string, std::vector<std::string>, std::less<>>& all() const { return m_texts; }

private:
    // A key's forms in the reader's wording, or nullptr where it has no text.
    [[nodiscard]] const std::vector<std::string>* forms(Key key, Reader reader) const;

    std::string m_code;
    std::string m_pluralForms;
    std::map<std::string, std::vector<std::string>, std::less<>> m_texts;
    std::set<std::string, std::less<>> m_sameForAdult;
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
