#include "power_cut_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace kiosk::test {
namespace {

constexpr std::int64_t kSector = 512;

// One file as the running system sees it: its bytes in the page cache, and which of them the disk
// does not have yet.
struct Image {
    std::string path; // empty for SQLite's nameless temporary files, which never reach the disk
    std::vector<unsigned char> bytes;
    std::set<std::int64_t> dirty; // sectors written since the last sync
    bool resized = false;         // truncated or grown since the last sync
};

struct State {
    sqlite3_vfs* os = nullptr; // the "unix" VFS underneath
    sqlite3_vfs vfs{};
    mutable std::mutex mutex;
    // By full path. An image outlives closing its file, as a page cache does.
    std::map<std::string, std::shared_ptr<Image>> cache;
    std::uint64_t operations = 0;
    std::uint64_t cutAt = 0; // 0: not armed
    bool off = false;
    int openFiles = 0;
};

State* g_state = nullptr;

struct CutFile {
    sqlite3_file base; // first, so that SQLite's sqlite3_file* is a CutFile*
    sqlite3_file* real;
    std::shared_ptr<Image>* image;
};

CutFile* cut(sqlite3_file* f) {
    return reinterpret_cast<CutFile*>(f);
}

void fail(const char* doing, const std::string& path) {
    throw std::runtime_error(std::string("power-cut VFS: cannot ") + doing + " " + path + ": " +
                             std::strerror(errno));
}

std::vector<unsigned char> readDisk(const std::string& path) {
    std::vector<unsigned char> bytes;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return bytes;
    unsigned char buffer[65536];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        bytes.insert(bytes.end(), buffer, buffer + n);
    ::close(fd);
    return bytes;
}

// Puts some of an image's unsynced sectors on disk (all of them for a sync), and its size if told.
template <class Keep> void writeDisk(Image& image, bool resize, Keep keep) {
    if (image.path.empty())
        return;
    const int fd = ::open(image.path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        fail("open", image.path);
    const auto size = static_cast<std::int64_t>(image.bytes.size());
    if (resize && ::ftruncate(fd, size) != 0)
        fail("truncate", image.path);
    for (const auto sector : image.dirty) {
        const auto from = sector * kSector;
        if (from >= size || !keep())
            continue;
        const auto n = std::min(kSector, size - from);
        if (::pwrite(fd, image.bytes.data() + from, static_cast<std::size_t>(n), from) != n)
            fail("write", image.path);
    }
    ::close(fd);
}

void sync(Image& image) {
    writeDisk(image, image.resized, [] { return true; });
    image.dirty.clear();
    image.resized = false;
}

// Counts an operation that changes a file; the power goes off just after the armed one.
void counted() {
    ++g_state->operations;
    if (g_state->cutAt != 0 && g_state->operations >= g_state->cutAt)
        g_state->off = true;
}

int xClose(sqlite3_file* f) {
    std::lock_guard lock(g_state->mutex);
    auto* file = cut(f);
    // Closing releases locks and memory whatever the power: it puts nothing on disk.
    const int rc = file->real->pMethods != nullptr ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    sqlite3_free(file->real);
    delete file->image;
    --g_state->openFiles;
    return rc;
}

int xRead(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
    std::lock_guard lock(g_state->mutex);
    if (g_state->off)
        return SQLITE_IOERR_READ;
    const auto& bytes = (*cut(f)->image)->bytes;
    const auto size = static_cast<sqlite3_int64>(bytes.size());
    const auto n = std::max<sqlite3_int64>(0, std::min<sqlite3_int64>(amount, size - offset));
    if (n > 0)
        std::memcpy(out, bytes.data() + offset, static_cast<std::size_t>(n));
    if (n == amount)
        return SQLITE_OK;
    std::memset(static_cast<unsigned char*>(out) + n, 0, static_cast<std::size_t>(amount - n));
    return SQLITE_IOERR_SHORT_READ;
}

int xWrite(sqlite3_file* f, const void* in, int amount, sqlite3_int64 offset) {
    std::lock_guard lock(g_state->mutex);
    if (g_state->off)
        return SQLITE_IOERR_WRITE;
    auto& image = **cut(f)->image;
    const auto end = static_cast<std::size_t>(offset + amount);
    if (end > image.bytes.size()) {
        image.bytes.resize(end);
        image.resized = true;
    }
    std::memcpy(image.bytes.data() + offset, in, static_cast<std::size_t>(amount));
    for (auto sector = offset / kSector; sector * kSector < offset + amount; ++sector)
        image.dirty.insert(sector);
    counted();
    return SQLITE_OK;
}

int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    std::lock_guard lock(g_state->mutex);
    if (g_state->off)
        return SQLITE_IOERR_TRUNCATE;
    auto& image = **cut(f)->image;
    image.bytes.resize(static_cast<std::size_t>(size));
    image.resized = true;
    counted();
    return SQLITE_OK;
}

int xSync(sqlite3_file* f, int) {
    std::lock_guard lock(g_state->mutex);
    if (g_state->off)
        return SQLITE_IOERR_FSYNC;
    sync(**cut(f)->image);
    counted();
    return SQLITE_OK;
}

int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    std::lock_guard lock(g_state->mutex);
    if (g_state->off)
        return SQLITE_IOERR_FSTAT;
    *size = static_cast<sqlite3_int64>((*cut(f)->image)->bytes.size());
    return SQLITE_OK;
}

// Locks and the shared-memory index are the real file's: they hold no data that outlives a reboot.
int xLock(sqlite3_file* f, int level) {
    return cut(f)->real->pMethods->xLock(cut(f)->real, level);
}
int xUnlock(sqlite3_file* f, int level) {
    return cut(f)->real->pMethods->xUnlock(cut(f)->real, level);
}
int xCheckReservedLock(sqlite3_file* f, int* out) {
    return cut(f)->real->pMethods->xCheckReservedLock(cut(f)->real, out);
}

int xFileControl(sqlite3_file* f, int op, void* arg) {
    // These would grow the real file behind the page cache's back; as hints they may be ignored.
    if (op == SQLITE_FCNTL_SIZE_HINT || op == SQLITE_FCNTL_CHUNK_SIZE)
        return SQLITE_OK;
    return cut(f)->real->pMethods->xFileControl(cut(f)->real, op, arg);
}

int xSectorSize(sqlite3_file* f) {
    return cut(f)->real->pMethods->xSectorSize(cut(f)->real);
}
int xDeviceCharacteristics(sqlite3_file* f) {
    return cut(f)->real->pMethods->xDeviceCharacteristics(cut(f)->real);
}
int xShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return cut(f)->real->pMethods->xShmMap(cut(f)->real, region, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return cut(f)->real->pMethods->xShmLock(cut(f)->real, offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) {
    cut(f)->real->pMethods->xShmBarrier(cut(f)->real);
}
int xShmUnmap(sqlite3_file* f, int deleteFlag) {
    return cut(f)->real->pMethods->xShmUnmap(cut(f)->real, deleteFlag);
}

// Version 2: no xFetch, so SQLite never reads the real file through a memory mapping.
const sqlite3_io_methods kMethods = {.iVersion = 2,
                                     .xClose = xClose,
                                     .xRead = xRead,
                                     .xWrite = xWrite,
                                     .xTruncate = xTruncate,
                                     .xSync = xSync,
                                     .xFileSize = xFileSize,
                                     .xLock = xLock,
                                     .xUnlock = xUnlock,
                                     .xCheckReservedLock = xCheckReservedLock,
                                     .xFileControl = xFileControl,
                                     .xSectorSize = xSectorSize,
                                     .xDeviceCharacteristics = xDeviceCharacteristics,
                                     .xShmMap = xShmMap,
                                     .xShmLock = xShmLock,
                                     .xShmBarrier = xShmBarrier,
                                     .xShmUnmap = xShmUnmap,
                                     .xFetch = nullptr,
                                     .xUnfetch = nullptr};

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* outFlags) {
    std::lock_guard lock(g_state->mutex);
    auto* file = cut(f);
    file->base.pMethods = nullptr;
    if (g_state->off)
        return SQLITE_CANTOPEN;
    file->real = static_cast<sqlite3_file*>(sqlite3_malloc(g_state->os->szOsFile));
    if (file->real == nullptr)
        return SQLITE_NOMEM;
    std::memset(file->real, 0, static_cast<std::size_t>(g_state->os->szOsFile));
    const int rc = g_state->os->xOpen(g_state->os, name, file->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        sqlite3_free(file->real);
        return rc;
    }
    std::shared_ptr<Image> image;
    if (name == nullptr) {
        image = std::make_shared<Image>();
    } else if (auto found = g_state->cache.find(name); found != g_state->cache.end()) {
        image = found->second;
    } else {
        image = std::make_shared<Image>(Image{name, readDisk(name), {}, false});
        g_state->cache.emplace(name, image);
    }
    file->image = new std::shared_ptr<Image>(std::move(image));
    file->base.pMethods = &kMethods;
    ++g_state->openFiles;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir) {
    std::lock_guard lock(g_state->mutex);
    if (g_state->off)
        return SQLITE_IOERR_DELETE;
    g_state->cache.erase(name);
    return g_state->os->xDelete(g_state->os, name, syncDir);
}

int xAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    std::lock_guard lock(g_state->mutex);
    // The unix VFS counts an empty file as missing; a file whose bytes are still only in the page
    // cache must count as it would on a running system.
    if (flags == SQLITE_ACCESS_EXISTS) {
        if (const auto found = g_state->cache.find(name); found != g_state->cache.end()) {
            *out = found->second->bytes.empty() ? 0 : 1;
            return SQLITE_OK;
        }
    }
    return g_state->os->xAccess(g_state->os, name, flags, out);
}

int xFullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return g_state->os->xFullPathname(g_state->os, name, n, out);
}
void* xDlOpen(sqlite3_vfs*, const char* name) {
    return g_state->os->xDlOpen(g_state->os, name);
}
void xDlError(sqlite3_vfs*, int n, char* out) {
    g_state->os->xDlError(g_state->os, n, out);
}
void (*xDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return g_state->os->xDlSym(g_state->os, handle, symbol);
}
void xDlClose(sqlite3_vfs*, void* handle) {
    g_state->os->xDlClose(g_state->os, handle);
}
int xRandomness(sqlite3_vfs*, int n, char* out) {
    return g_state->os->xRandomness(g_state->os, n, out);
}
int xSleep(sqlite3_vfs*, int micros) {
    return g_state->os->xSleep(g_state->os, micros);
}
int xCurrentTime(sqlite3_vfs*, double* out) {
    return g_state->os->xCurrentTime(g_state->os, out);
}
int xGetLastError(sqlite3_vfs*, int n, char* out) {
    return g_state->os->xGetLastError(g_state->os, n, out);
}
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    return g_state->os->xCurrentTimeInt64(g_state->os, out);
}

} // namespace

PowerCutVfs::PowerCutVfs() {
    assert(g_state == nullptr && "one power-cut VFS at a time");
    auto state = std::make_unique<State>();
    state->os = sqlite3_vfs_find("unix");
    if (state->os == nullptr)
        throw std::runtime_error("power-cut VFS: SQLite has no \"unix\" VFS");
    auto& v = state->vfs;
    v.iVersion = 2;
    v.szOsFile = sizeof(CutFile);
    v.mxPathname = state->os->mxPathname;
    v.zName = "power-cut";
    v.xOpen = xOpen;
    v.xDelete = xDelete;
    v.xAccess = xAccess;
    v.xFullPathname = xFullPathname;
    v.xDlOpen = xDlOpen;
    v.xDlError = xDlError;
    v.xDlSym = xDlSym;
    v.xDlClose = xDlClose;
    v.xRandomness = xRandomness;
    v.xSleep = xSleep;
    v.xCurrentTime = xCurrentTime;
    v.xGetLastError = xGetLastError;
    v.xCurrentTimeInt64 = xCurrentTimeInt64;
    g_state = state.release();
    // The default, so that the store's own sqlite3_open_v2 uses it without any change to the kiosk.
    if (sqlite3_vfs_register(&g_state->vfs, 1) != SQLITE_OK) {
        delete g_state;
        g_state = nullptr;
        throw std::runtime_error("power-cut VFS: cannot register");
    }
}

PowerCutVfs::~PowerCutVfs() {
    assert(g_state->openFiles == 0 && "every connection is closed before the VFS goes");
    sqlite3_vfs_unregister(&g_state->vfs);
    delete g_state;
    g_state = nullptr;
}

void PowerCutVfs::cutAfter(std::uint64_t n) {
    std::lock_guard lock(g_state->mutex);
    g_state->cutAt = g_state->operations + n;
}

void PowerCutVfs::cutNow() {
    std::lock_guard lock(g_state->mutex);
    g_state->off = true;
}

std::uint64_t PowerCutVfs::operations() const {
    std::lock_guard lock(g_state->mutex);
    return g_state->operations;
}

bool PowerCutVfs::isOff() const {
    std::lock_guard lock(g_state->mutex);
    return g_state->off;
}

int PowerCutVfs::openFiles() const {
    std::lock_guard lock(g_state->mutex);
    return g_state->openFiles;
}

void PowerCutVfs::reboot(Unsynced unsynced, std::mt19937& random) {
    std::lock_guard lock(g_state->mutex);
    if (!g_state->off || g_state->openFiles != 0)
        throw std::logic_error("power-cut VFS: reboot only after a cut, with every connection closed");
    if (unsynced == Unsynced::SomeLost) {
        std::bernoulli_distribution half(0.5);
        for (auto& [path, image] : g_state->cache)
            writeDisk(*image, image->resized && half(random), [&] { return half(random); });
    }
    g_state->cache.clear();
    g_state->operations = 0;
    g_state->cutAt = 0;
    g_state->off = false;
}

void PowerCutVfs::flushAll() {
    std::lock_guard lock(g_state->mutex);
    for (auto& [path, image] : g_state->cache)
        sync(*image);
}

} // namespace kiosk::test
