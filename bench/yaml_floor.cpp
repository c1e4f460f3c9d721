// The floor for any yaml-cpp program: lists the .yaml files under DIR, reads each, and runs
// yaml-cpp 0.7's event parser (YAML::Parser::HandleNextDocument) over it with a handler that
// does nothing, on the same threads as scorecard (one per core, or -j N) taking files from a
// shared counter as scorecard does. No tree, no checks, no scoring, no output.
//
// Usage: scorecard_yaml_floor [-j N] DIR...
// Prints the number of files and events, so that the work cannot be optimised away.
// Built by bench/bench.py (cmake --build build --target scorecard_yaml_floor); it is a
// measuring tool, not part of scorecard.

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <streambuf>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace {

class Count : public YAML::EventHandler {
 public:
  std::size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override {}
};

class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

void list(const std::string& dir, std::vector<std::string>& out) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (const dirent* entry = ::readdir(d)) {
    const std::string_view name = entry->d_name;
    if (name.starts_with('.')) continue;
    const std::string path = dir + "/" + std::string(name);
    if (entry->d_type == DT_DIR) {
      list(path, out);
    } else if (name.ends_with(".yaml") || name.ends_with(".yml")) {
      out.push_back(path);
    }
  }
  ::closedir(d);
}

bool read_file(const std::string& path, std::string& text) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    ::close(fd);
    return false;
  }
  text.resize(static_cast<std::size_t>(info.st_size));
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  text.resize(got);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-j") == 0 && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else {
      list(argv[i], files);
    }
  }
  std::sort(files.begin(), files.end());
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> events{0};
  std::atomic<std::size_t> errors{0};
  auto work = [&] {
    Count handler;
    std::string text;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      if (!read_file(files[i], text)) {
        ++errors;
        continue;
      }
      ViewBuffer buffer(text);
      std::istream input(&buffer);
      try {
        YAML::Parser parser(input);
        while (parser.HandleNextDocument(handler)) {
        }
      } catch (const YAML::Exception&) {
        ++errors;
      }
    }
    events += handler.events;
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  std::printf("%zu files, %zu events, %zu errors\n", files.size(), events.load(), errors.load());
  return errors.load() == 0 ? 0 : 1;
}
