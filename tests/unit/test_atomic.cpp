#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/atomic_file.hpp"

using namespace scorecard::cli;
namespace fs = std::filesystem;

namespace {

// A fresh directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    char name[] = "/tmp/scorecard-atomic-XXXXXX";
    REQUIRE(mkdtemp(name) != nullptr);
    path = name;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const char* name) const { return (path / name).string(); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string error_of(const std::string& path) {
  try {
    AtomicFile file(path);
    file.commit();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("an atomic file appears only on commit, whole, and leaves no temporary file", "[atomic]") {
  TempDir dir;
  const std::string path = dir.file("out.json");
  {
    AtomicFile file(path);
    file.stream() << "new";
    CHECK_FALSE(fs::exists(path));
    CHECK(dir.entries() == 1);  // the temporary file, beside the target
    file.commit();
  }
  CHECK(read(path) == "new");
  CHECK(dir.entries() == 1);
}

TEST_CASE("an atomic file that is never committed leaves the old file as it was", "[atomic]") {
  TempDir dir;
  const std::string path = dir.file("out.json");
  std::ofstream(path) << "old";
  {
    AtomicFile file(path);
    file.stream() << "half of the new";
  }
  CHECK(read(path) == "old");
  CHECK(dir.entries() == 1);
}

TEST_CASE("an atomic file gets the permissions the umask gives a new file", "[atomic]") {
  TempDir dir;
  const mode_t old_mask = umask(027);
  {
    AtomicFile file(dir.file("out"));
    file.commit();
  }
  umask(old_mask);
  struct stat st {};
  REQUIRE(stat(dir.file("out").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
}

TEST_CASE("what cannot be written is an error that says why, not a crash", "[atomic]") {
  TempDir dir;
  CHECK(error_of(dir.file("missing/out")) ==
        "cannot write \"" + dir.file("missing/out") + "\": No such file or directory");
  fs::create_directory(dir.path / "sub");
  CHECK(error_of(dir.file("sub")) == "cannot write \"" + dir.file("sub") + "\": it exists and is not a regular file");
  CHECK(error_of("/dev/null") == "cannot write \"/dev/null\": it exists and is not a regular file");
  CHECK(error_of(std::string(5000, 'a')).find("path too long") != std::string::npos);
}

TEST_CASE("write_file_atomically writes a whole string, and - is standard output", "[atomic]") {
  TempDir dir;
  write_file_atomically(dir.file("a.txt"), "text\n");
  CHECK(read(dir.file("a.txt")) == "text\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("an atomic file keeps the permissions of the file it replaces", "[atomic]") {
  TempDir dir;
  const std::string path = dir.file("private.json");
  std::ofstream(path) << "old";
  REQUIRE(chmod(path.c_str(), 0600) == 0);
  write_file_atomically(path, "new");
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(read(path) == "new");
}

TEST_CASE("an atomic file writes through a symbolic link, which stays a link", "[atomic]") {
  TempDir dir;
  fs::create_directory(dir.path / "published");
  const std::string target = dir.file("published/scorecard.json");
  std::ofstream(target) << "old";
  fs::create_symlink("published/scorecard.json", dir.path / "latest.json");
  fs::create_symlink("latest.json", dir.path / "link-to-link.json");
  write_file_atomically(dir.file("link-to-link.json"), "new");
  CHECK(fs::is_symlink(dir.path / "latest.json"));
  CHECK(fs::is_symlink(dir.path / "link-to-link.json"));
  CHECK(read(target) == "new");
  CHECK(dir.entries() == 3);  // no temporary file left beside the links
  CHECK(std::distance(fs::directory_iterator(dir.path / "published"), fs::directory_iterator()) == 1);
  // A loop of links is an error, not a hang.
  fs::create_symlink("b", dir.path / "a");
  fs::create_symlink("a", dir.path / "b");
  CHECK(error_of(dir.file("a")) == "cannot write \"" + dir.file("a") + "\": too many levels of symbolic links");
}
