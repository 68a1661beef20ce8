#include <intake/commands.hpp>

#include <intake/home.hpp>

#include <i18n/catalogue.hpp>
#include <storage/error.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <stdexcept>

namespace kiosk::intake {
namespace {

constexpr const char* kUsageText = R"(intake: the Cafcass Cymru complaints team's tool for what children send from the kiosks

  intake keygen
        Makes the team's keys in the home folder, behind a passphrase: team-secret.key (stays on
        this computer) and team-public.key (for IT, for every kiosk). Never replaces keys.
  intake kiosks add FILE        Enrols a kiosk from the kiosk-identity.json IT gives you.
  intake kiosks list            The enrolled kiosks and their fingerprints.
  intake kiosks remove FINGERPRINT
                                Stops accepting a kiosk's bundles.
  intake open BUNDLE... [--accept-demo] [--key FILE]
        Opens bundle files (from a USB stick): records what is new, keeps each bundle in the
        archive, writes a receipt for each kiosk into the home folder's receipts/, and the worklists.
  intake sync FOLDER... [--accept-demo] [--key FILE]
        The same for every bundle in kiosks' sync folders; the receipts are written back there and
        the bundles opened are removed from the folder (the archive keeps them).
  intake worklist               Writes the worklists again (worklist.html, worklist.csv).
  intake acknowledge REFERENCE_OR_ID... [--kiosk FINGERPRINT]
                                Records that submissions were acknowledged (--kiosk: only
                                that kiosk's, where two kiosks sent the same id).
  intake rebuild                Makes the ledger's record and the worklists again from the archive.
  intake audit [--kiosk NAME] [--last N]
                                What staff did on the kiosks, and every wrong PIN, newest first,
                                as their bundles brought it: the newest N lines (default 50), of
                                every kiosk or of the kiosk called NAME. Needs no passphrase.

Options:
  --home DIR             the intake home folder (default $XDG_DATA_HOME/cafcass-cymru-intake,
                         or ~/.local/share/cafcass-cymru-intake)
  --passphrase-file FILE read the passphrase from the first line of FILE, not the terminal
  --passphrase-stdin     read the passphrase from the first line of standard input
  --language cy|en       the language of worklist.html (default: intake.json, else cy)
  --accept-demo          open bundles from kiosks in demo mode too
  --key FILE             use this secret key file instead of the home's (a demo kiosk's
                         demo-secret.key, which has no passphrase); it needs a home folder of its own

Exit codes: 0 done; 1 something was refused or needs attention (see the messages); 2 the command
line was not understood.
)";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Which options each command takes.
const std::set<std::string>& optionsOf(const std::string& command) {
    static const std::set<std::string> none{"--home"};
    static const std::set<std::string> keys{"--home", "--passphrase-file", "--passphrase-stdin", "--key", "--language"};
    static const std::set<std::string> opening{"--home",     "--passphrase-file", "--passphrase-stdin",
                                               "--key",      "--language",        "--accept-demo"};
    static const std::set<std::string> keygen{"--home", "--passphrase-file", "--passphrase-stdin"};
    if (command == "open" || command == "sync")
        return opening;
    static const std::set<std::string> acknowledging{"--home", "--passphrase-file", "--passphrase-stdin", "--key",
                                                     "--language", "--kiosk"};
    if (command == "acknowledge")
        return acknowledging;
    if (command == "worklist" || command == "rebuild")
        return keys;
    if (command == "keygen")
        return keygen;
    static const std::set<std::string> auditing{"--home", "--kiosk", "--last"};
    if (command == "audit")
        return auditing;
    return none;
}

struct Parsed {
    Options options;
    std::vector<std::string> words; // the command and its arguments
};

// --last N: a whole number of lines, 1 or more, written in digits.
std::size_t lineCount(const std::string& text) {
    const bool digits = !text.empty() && text.size() <= 9 &&
                        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digits || std::stoul(text) == 0)
        throw UsageError("--last is a number of lines, 1 or more");
    return std::stoul(text);
}

Parsed parse(const std::vector<std::string>& args) {
    Parsed p;
    p.options.home = defaultHome();
    std::string command;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a.rfind("--", 0) != 0) {
            p.words.push_back(a);
            if (command.empty())
                command = a;
            continue;
        }
        if (command.empty())
            throw UsageError("the command comes first, then its options");
        if (optionsOf(command).count(a) == 0)
            throw UsageError(a + " is not an option of \"intake " + command + "\"");
        const auto value = [&]() -> std::string {
            if (i + 1 >= args.size())
                throw UsageError(a + " needs a value");
            return args[++i];
        };
        if (a == "--home")
            p.options.home = value();
        else if (a == "--key")
            p.options.keyFile = value();
        else if (a == "--passphrase-file")
            p.options.passphraseFile = value();
        else if (a == "--passphrase-stdin")
            p.options.passphraseStdin = true;
        else if (a == "--accept-demo")
            p.options.acceptDemo = true;
        else if (a == "--kiosk")
            p.options.kiosk = value();
        else if (a == "--last")
            p.options.last = lineCount(value());
        else if (a == "--language") {
            p.options.language = value();
            if (p.options.language != "cy" && p.options.language != "en")
                throw UsageError("--language is cy or en");
        }
    }
    if (p.options.passphraseFile && p.options.passphraseStdin)
        throw UsageError("give the passphrase one way: --passphrase-file or --passphrase-stdin");
    // For the tests only: keygen with libsodium's interactive limits, which take a fraction of the
    // time and memory of the team's real keys. Documented in the README as such.
    if (const char* kdf = std::getenv("INTAKE_KDF"); kdf != nullptr && *kdf != '\0') {
        if (std::string(kdf) != "interactive")
            throw UsageError("INTAKE_KDF may only be \"interactive\" (for tests), or unset");
        p.options.kdf = storage::KdfLimits::interactive();
    }
    return p;
}

void expect(bool ok, const std::string& what) {
    if (!ok)
        throw UsageError(what);
}

int dispatch(const Parsed& p, Console& c) {
    const auto& w = p.words;
    const auto& o = p.options;
    const auto& command = w.front();
    const std::vector<std::string> rest(w.begin() + 1, w.end());
    const auto paths = [&] { return std::vector<std::filesystem::path>(rest.begin(), rest.end()); };
    if (command == "keygen") {
        expect(rest.empty(), "keygen takes no file: the keys go in the home folder (--home DIR)");
        return keygen(o, c);
    }
    if (command == "kiosks") {
        expect(!rest.empty(), "kiosks add FILE, kiosks list or kiosks remove FINGERPRINT");
        if (rest[0] == "add") {
            expect(rest.size() == 2, "kiosks add takes one kiosk-identity.json");
            return kiosksAdd(o, rest[1], c);
        }
        if (rest[0] == "list") {
            expect(rest.size() == 1, "kiosks list takes nothing more");
            return kiosksList(o, c);
        }
        if (rest[0] == "remove") {
            expect(rest.size() >= 2, "kiosks remove takes the kiosk's fingerprint");
            std::string fingerprint;
            for (std::size_t i = 1; i < rest.size(); ++i)
                fingerprint += (i > 1 ? " " : "") + rest[i];
            return kiosksRemove(o, fingerprint, c);
        }
        throw UsageError("kiosks add FILE, kiosks list or kiosks remove FINGERPRINT");
    }
    if (command == "open") {
        expect(!rest.empty(), "open takes one or more bundle files");
        return openBundles(o, paths(), c);
    }
    if (command == "sync") {
        expect(!rest.empty(), "sync takes one or more sync folders");
        return sync(o, paths(), c);
    }
    if (command == "worklist" || command == "rebuild") {
        expect(rest.empty(), command + " takes no arguments");
        return command == "worklist" ? worklist(o, c) : rebuild(o, c);
    }
    if (command == "audit") {
        expect(rest.empty(), "audit takes no arguments, only --kiosk NAME and --last N");
        return auditLog(o, c);
    }
    if (command == "acknowledge") {
        expect(!rest.empty(), "acknowledge takes one or more references or ids");
        return acknowledge(o, rest, c);
    }
    throw UsageError("there is no command \"" + command + "\"");
}

} // namespace

int runCommandLine(const std::vector<std::string>& args, Console& console) {
    if (!args.empty() && (args[0] == "help" || args[0] == "--help" || args[0] == "-h")) {
        console.out << kUsageText;
        return kFine;
    }
    try {
        const auto parsed = parse(args);
        if (parsed.words.empty())
            throw UsageError("no command given");
        return dispatch(parsed, console);
    } catch (const UsageError& e) {
        console.err << "intake: " << e.what() << "\n\n" << kUsageText;
        return kUsage;
    } catch (const storage::Error& e) {
        console.err << "intake: " << e.what() << "\n";
        return kAttention;
    } catch (const i18n::LoadError& e) {
        console.err << "intake: the worklist's words could not be read: " << e.what() << "\n";
        return kAttention;
    } catch (const std::exception& e) {
        console.err << "intake: " << e.what() << "\n";
        return kAttention;
    }
}

} // namespace kiosk::intake
