#include <storage/files.hpp>

#include <storage/error.hpp>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace kiosk::storage {
namespace {

[[noreturn]] void failErrno(const std::string& doing, const std::filesystem::path& file) {
    const int err = errno;
    throw Error(Error::Kind::File, doing + " " + file.string() + ": " + std::strerror(err), err);
}

void writeAll(int fd, std::string_view bytes, const std::filesystem::path& file) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            failErrno("cannot write", file);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void writeFile(const std::filesystem::path& file, std::string_view bytes, unsigned mode, bool replace) {
    const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    auto tmp = file;
    tmp += ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        failErrno("cannot create", tmp);
    try {
        writeAll(fd, bytes, tmp);
        if (::fsync(fd) != 0)
            failErrno("cannot sync", tmp);
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    ::close(fd);
    int rc = 0;
    if (replace) {
        rc = ::rename(tmp.c_str(), file.c_str());
    } else {
        // RENAME_NOREPLACE refuses an existing target in one step. USB sticks formatted FAT or exFAT
        // may not support it (nor link()): there, check first; the name is new in practice (it holds
        // a fresh batch id), so the window between check and rename does not matter.
        rc = ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, file.c_str(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS || errno == EPERM || errno == EOPNOTSUPP)) {
            if (::access(file.c_str(), F_OK) == 0) {
                errno = EEXIST;
                rc = -1;
            } else {
                rc = ::rename(tmp.c_str(), file.c_str());
            }
        }
    }
    if (rc != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        errno = err;
        failErrno(err == EEXIST ? "will not replace existing" : "cannot move into place", file);
    }
    syncFolder(folder);
}

} // namespace

void syncFolder(const std::filesystem::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        failErrno("cannot open folder", folder);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        failErrno("cannot sync folder", folder);
}

void writeFileAtomically(const std::filesystem::path& file, std::string_view bytes, unsigned mode) {
    writeFile(file, bytes, mode, true);
}

void writeNewFileAtomically(const std::filesystem::path& file, std::string_view bytes, unsigned mode) {
    writeFile(file, bytes, mode, false);
}

std::string safeForFileName(std::string_view name) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x80 && std::isalnum(u) != 0) || c == '-' ? c : '-';
    }
    return out.empty() ? "kiosk" : out;
}

std::string compactStamp(std::string_view iso) {
    std::string out;
    for (const char c : iso)
        if (c != ':' && c != '-')
            out += c;
    return out;
}

std::string readFile(const std::filesystem::path& file, std::uintmax_t maxBytes) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        failErrno("cannot open", file);
    const auto tooLarge = [&](std::uintmax_t size) {
        return Error(Error::Kind::Format, file.string() + " is " + std::to_string(size / (1024 * 1024)) +
                                              " MiB, larger than such a file can be (" +
                                              std::to_string(maxBytes / (1024 * 1024)) + " MiB); it was not read");
    };
    // Looked at before reading: a huge file put where a small one belongs (a receipt in a shared
    // folder) must not take all the memory of the process that reads it.
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size > maxBytes)
        throw tooLarge(size);
    // And never read past the limit whatever the size said: a device, or a file of /proc that says
    // it is empty (a link to /proc/self/pagemap on a USB stick), can hold far more, or never end.
    std::string bytes;
    std::array<char, 64 * 1024> chunk{};
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got > maxBytes - bytes.size())
            throw tooLarge(bytes.size() + got);
        bytes.append(chunk.data(), got);
    }
    // A read cut short (an I/O error, or no memory left for the copy) is an error, never a shorter
    // file.
    if (in.bad() || (!ec && bytes.size() < size))
        failErrno("cannot read all of", file);
    return bytes;
}

} // namespace kiosk::storage
