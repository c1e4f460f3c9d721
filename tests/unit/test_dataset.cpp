#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <fstream>

#include <scorecard/dataset.hpp>
#include <scorecard/timeline.hpp>

#include "helpers.hpp"
#include "workers.hpp"

using namespace scorecard;
namespace fs = std::filesystem;
using scorecard::test::TempDir;

TEST_CASE("directories are searched recursively for YAML files in a stable order", "[dataset]") {
  TempDir dir;
  dir.write("b.yaml", "x");
  dir.write("sub/a.yml", "x");
  dir.write("a.yaml", "x");
  dir.write("notes.txt", "x");
  Diagnostics d;
  const auto files = expand_paths({dir.path.string()}, d);
  CHECK(d.empty());
  REQUIRE(files.size() == 3);
  CHECK(fs::path(files[0]).filename() == "a.yaml");
  CHECK(fs::path(files[1]).filename() == "b.yaml");
  CHECK(fs::path(files[2]).filename() == "a.yml");
}

TEST_CASE("a directory search leaves out hidden files and folders, which a path names directly", "[dataset]") {
  TempDir dir;
  const std::string city = dir.write("cities/a.yaml", "x");
  dir.write(".pre-commit-config.yaml", "x");
  dir.write(".github/workflows/ci.yml", "x");
  dir.write("cities/.draft.yaml", "x");
  dir.write(".git/objects/b.yaml", "x");
  Diagnostics d;
  CHECK(expand_paths({dir.path.string()}, d) == std::vector<std::string>{city});
  // Named, a hidden file or folder is read: the search is what leaves them out.
  const std::string named = (dir.path / ".github").string();
  CHECK(expand_paths({named}, d) == std::vector<std::string>{named + "/workflows/ci.yml"});
  CHECK(expand_paths({(dir.path / ".pre-commit-config.yaml").string()}, d).size() == 1);
  CHECK(d.empty());
}

TEST_CASE("missing paths and directories without YAML are errors, and a file named twice is read once", "[dataset]") {
  TempDir dir;
  dir.write("readme.txt", "x");
  const std::string file = dir.write("one.yaml", "x");
  Diagnostics d;
  const auto files = expand_paths({"/nonexistent/path", (dir.path / "readme.txt").string(), file, file}, d);
  CHECK(files == std::vector<std::string>{(dir.path / "readme.txt").string(), file});
  CHECK(test::lines(d) == std::vector<std::string>{"/nonexistent/path: error: no such file or directory"});
  TempDir empty;
  Diagnostics e;
  CHECK(expand_paths({empty.path.string()}, e).empty());
  CHECK(test::lines(e) ==
        std::vector<std::string>{empty.path.string() + ": error: directory holds no YAML files (*.yaml, *.yml)"});
}

TEST_CASE("a file reached through a directory, another spelling or a link is read once", "[dataset]") {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "x");
  const std::string b = dir.write("sub/b.yaml", "x");
  fs::create_symlink(a, dir.path / "c.yaml");
  const std::string root = dir.path.string();
  Diagnostics d;
  const auto files = expand_paths({root, a, root + "/./sub/b.yaml", root + "/", root + "/sub/../a.yaml"}, d);
  CHECK(files == std::vector<std::string>{a, b});
  CHECK(d.empty());
}

TEST_CASE("one bad file does not stop the others, and duplicate ids are errors", "[dataset]") {
  TempDir dir;
  dir.write("a.yaml", std::string(test::k_valid_file) + "id: same\n");
  dir.write("b.yaml", std::string(test::k_valid_file) + "id: same\n");
  dir.write("c.yaml", "name: [broken\n");
  dir.write("d.yaml", test::k_valid_file);
  const Dataset data = load_dataset({dir.path.string()}, builtin_rubric());
  CHECK(data.files.size() == 4);
  REQUIRE(data.scores.size() == 2);
  CHECK(data.scores[0].jurisdiction.id == "same");
  CHECK(data.scores[1].jurisdiction.id == "d");
  REQUIRE(count(data.diagnostics, Severity::error) == 2);
  CHECK(data.diagnostics[0].message == "duplicate jurisdiction id \"same\" (also in " + (dir.path / "a.yaml").string() + ")");
  CHECK(data.diagnostics[0].where.line == 16);
}

TEST_CASE("the bundled data reproduces CPD's 96 criterion tiers and 12 overall tiers as of 2019-12-19", "[dataset][data]") {
  const Rubric& rubric = builtin_rubric();
  REQUIRE(rubric.overall.calibration_as_of == "2019-12-19");
  TimeOptions time;
  time.as_of = parse_day(rubric.overall.calibration_as_of);
  time.today = parse_day("2026-12-02");
  const Dataset data = load_dataset({std::string(SCORECARD_SOURCE_DIR) + "/data/jurisdictions"}, rubric, 0, {}, time);
  CHECK_FALSE(has_errors(data.diagnostics));
  // CPD's 12 cities among the others the data holds (counties, states, more cities).
  REQUIRE(data.scores.size() >= rubric.overall.calibration.size());
  std::size_t criterion_tiers = 0;
  for (const auto& expected : rubric.overall.calibration) {
    INFO(expected.jurisdiction);
    const auto it = std::find_if(data.scores.begin(), data.scores.end(),
                                 [&](const JurisdictionScore& s) { return s.jurisdiction.id == expected.jurisdiction; });
    REQUIRE(it != data.scores.end());
    for (std::size_t i = 0; i < expected.tiers.size(); ++i) {
      INFO(rubric.criteria[i].id);
      CHECK(it->criteria[i].tier == expected.tiers[i]);
      ++criterion_tiers;
    }
    CHECK(it->overall.tier == expected.expect);
  }
  CHECK(criterion_tiers == 96);
  CHECK(check_calibration_data(rubric, data.scores).size() == 12);
  for (const auto& r : check_calibration_data(rubric, data.scores)) CHECK(r.reproduced());
  // Today, two of the cities have changed since CPD's review: Chicago's 2021 ordinance and
  // Louisville's return to 48-hour holds in 2025.
  const Dataset today = load_dataset({std::string(SCORECARD_SOURCE_DIR) + "/data/jurisdictions"}, rubric);
  std::vector<std::string> changed;
  for (const auto& r : check_calibration_data(rubric, today.scores)) {
    if (!r.reproduced()) changed.push_back(r.calibration->jurisdiction);
  }
  CHECK(changed == std::vector<std::string>{"chicago", "louisville"});
}

TEST_CASE("a directory walk follows no directory link, descends into every directory but hidden ones, and reads a linked file once", "[dataset]") {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "x");
  const std::string nested = dir.write("x.yaml/deep/er/b.yml", "x");
  fs::create_symlink(a, dir.path / "c.yaml");             // the same file again
  fs::create_directory_symlink(dir.path, dir.path / "loop.yaml");  // a cycle, not followed
  fs::create_symlink(dir.path / "nowhere", dir.path / "d.yaml");
  dir.write(".hidden/e.yaml", "x");  // left out: hidden (the test before says why)
  Diagnostics d;
  const auto files = expand_paths({dir.path.string()}, d);
  CHECK(files == std::vector<std::string>{a, nested});
  CHECK(test::lines(d) ==
        std::vector<std::string>{(dir.path / "d.yaml").string() + ": error: broken symbolic link (to \"" +
                                 (dir.path / "nowhere").string() + "\", which does not exist)"});
}

TEST_CASE("an exception in a worker thread reaches the caller, after every thread ended", "[dataset]") {
  std::atomic<int> done{0};
  std::atomic<int> next{0};
  auto work = [&] {
    for (int i = next++; i < 64; i = next++) {
      if (i == 40) throw std::runtime_error("item 40");
      ++done;
    }
  };
  CHECK_THROWS_WITH(detail::run_on_threads(4, work), "item 40");
  CHECK(done == 63);  // the other threads finished their items
  std::atomic<int> count{0};
  detail::run_on_threads(3, [&] { ++count; }, [&] { count += 10; });
  CHECK(count == 13);
  CHECK_THROWS_WITH(detail::run_on_threads(2, [] {}, [] { throw std::runtime_error("meanwhile"); }), "meanwhile");
}
