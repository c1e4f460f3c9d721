#pragma once
// Shared helpers for the unit tests.

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <scorecard/diagnostic.hpp>

namespace scorecard::test {

// Each diagnostic as "file:line:col: severity: message", for exact comparison.
inline std::vector<std::string> lines(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

// text with the first occurrence of from replaced by to; from must occur.
inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// A complete, valid jurisdiction for the built-in rubric; tests append or edit text.
inline const char* const k_valid_file = R"(name: Testville
state: IL
kind: city
population: 1000
sources:
  law: {title: Testville ordinance 1, url: "https://example.org/law", date: 2020-02-29}
criteria:
  custody: {rating: 1, sources: [law]}
  interviews: {rating: 1, sources: [law]}
  rights_trainings: {rating: 3, sources: [law]}
  release_notification: {rating: 1, sources: [law]}
  information_sharing: {rating: 2, sources: [law]}
  status_inquiry: {rating: 1, sources: [law]}
  collaboration: {rating: 3, sources: [law]}
  contracts: {rating: 1, sources: [law]}
)";

// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() / ("scorecard-test-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    const std::filesystem::path file = path / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file.string();
  }
};

}  // namespace scorecard::test
