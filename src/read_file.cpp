// Reading a whole input file, with the size limit: the one place the loaders touch the
// file system for their input.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include <scorecard/load.hpp>

namespace scorecard {

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diagnostics, InputLimit limit) {
  const std::size_t max = limit.bytes;
  auto fail = [&](std::string message) {
    diagnostics.push_back({Severity::error, {path, 0, 0}, std::move(message)});
    return std::nullopt;
  };
  // One open, one fstat and the reads: at national scale every system call per file counts.
  // "-" is standard input (validate -, a file piped in).
  const bool standard_input = path == "-";
  const int fd = standard_input ? ::dup(STDIN_FILENO) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == EACCES || errno == EPERM) return fail("cannot be read (permission denied?)");
    if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP || errno == ENAMETOOLONG) return fail("no such file");
    return fail(fmt::format("cannot be read: {}", std::strerror(errno)));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) return fail("cannot be read");
  if (S_ISDIR(info.st_mode)) return fail("is a directory, not a file");
  // Refuse big regular files before reading them; other files (pipes) are read up to the limit.
  if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > max) {
    return fail(fmt::format("file is {} bytes, over the {} MiB limit for {}", info.st_size, max / (std::size_t{1024} * 1024),
                            limit.what));
  }
  std::string text;
  std::size_t size = S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0;
  text.resize(std::max<std::size_t>(size, 4096) + 1);  // one byte more, to see the end in one read
  size = 0;
  for (;;) {
    if (size == text.size()) text.resize(std::min(text.size() * 2, max + 2));
    const ssize_t got = ::read(fd, text.data() + size, text.size() - size);
    if (got < 0) {
      if (errno == EINTR) continue;
      return fail(errno == EISDIR ? "is a directory, not a file" : "cannot be read");
    }
    if (got == 0) break;
    size += static_cast<std::size_t>(got);
    if (size > max) return fail(fmt::format("file is over the {} MiB limit for {}", max / (std::size_t{1024} * 1024), limit.what));
  }
  text.resize(size);
  return text;
}

}  // namespace scorecard
