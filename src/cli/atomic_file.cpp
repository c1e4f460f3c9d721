// Files written through a temporary file and a rename, removed if the run is stopped.

#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

namespace scorecard::cli {
namespace fs = std::filesystem;

namespace {

// The temporary file being written, removed by the signal handler if the run is stopped.
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_active = 0;

extern "C" void remove_temp_and_reraise(int signal_number) {
  if (g_temp_active) unlink(g_temp_path);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

std::string errno_text(int error) { return std::strerror(error); }

}  // namespace

namespace {

// Where a write to path lands: path itself, or, through symbolic links, the file they
// name (so that a link to a published file stays a link, and the file is replaced).
fs::path resolve_links(const std::string& path) {
  fs::path at(path);
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(at, ec))) return at;
    const fs::path next = fs::read_symlink(at, ec);
    if (ec) return at;
    at = next.is_absolute() ? next : at.parent_path() / next;
  }
  throw std::runtime_error(fmt::format("cannot write \"{}\": too many levels of symbolic links", path));
}

}  // namespace

AtomicFile::AtomicFile(const std::string& path) : m_path(path) {
  const fs::path target = resolve_links(path);
  m_target = target.string();
  // Renaming over a device, a pipe or a directory would replace it: refuse.
  std::error_code ec;
  const auto existing = fs::status(target, ec);
  if (!ec && fs::exists(existing) && !fs::is_regular_file(existing)) {
    throw std::runtime_error(fmt::format("cannot write \"{}\": it exists and is not a regular file", path));
  }
  // A file that exists keeps its permissions; a new one gets what the umask gives.
  struct stat old {};
  const bool replacing = ::stat(m_target.c_str(), &old) == 0;
  // A file-size limit (ulimit -f) must end in an error message, not in SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  m_temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  if (m_temp.size() >= sizeof g_temp_path) throw std::runtime_error(fmt::format("cannot write \"{}\": path too long", path));
  std::memcpy(g_temp_path, m_temp.c_str(), m_temp.size() + 1);
  const int fd = mkstemp(g_temp_path);
  if (fd < 0) throw std::runtime_error(fmt::format("cannot write \"{}\": {}", path, errno_text(errno)));
  m_temp = g_temp_path;
  g_temp_active = 1;
  std::signal(SIGINT, remove_temp_and_reraise);
  std::signal(SIGTERM, remove_temp_and_reraise);
  const mode_t mask = umask(0);
  umask(mask);
  const bool chmod_ok = fchmod(fd, replacing ? (old.st_mode & 07777) : (0666 & ~mask)) == 0;
  const int chmod_error = errno;
  close(fd);
  if (!chmod_ok) fail(chmod_error);
  m_stream.open(m_temp, std::ios::binary | std::ios::trunc);
  if (!m_stream) fail(errno);
}

AtomicFile::~AtomicFile() {
  if (m_done) return;
  m_stream.close();
  unlink(m_temp.c_str());
  g_temp_active = 0;
}

void AtomicFile::fail(int error) {
  m_stream.close();
  unlink(m_temp.c_str());
  g_temp_active = 0;
  m_done = true;
  throw std::runtime_error(fmt::format("cannot write \"{}\": {}", m_path, errno_text(error)));
}

void AtomicFile::commit() {
  m_stream.flush();
  if (!m_stream) fail(errno != 0 ? errno : EIO);
  m_stream.close();
  if (m_stream.fail()) fail(errno != 0 ? errno : EIO);
  // Flush to disk before the rename, so that a crash leaves the old file or the new one.
  const int fd = ::open(m_temp.c_str(), O_RDONLY);
  if (fd < 0 || fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) close(fd);
    fail(error);
  }
  close(fd);
  if (std::rename(m_temp.c_str(), m_target.c_str()) != 0) fail(errno);
  m_done = true;
  g_temp_active = 0;
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

void write_file_atomically(const std::string& path, const std::string& content) {
  if (path == "-") {
    std::cout << content << std::flush;
    return;
  }
  AtomicFile file(path);
  file.stream() << content;
  file.commit();
}

}  // namespace scorecard::cli
