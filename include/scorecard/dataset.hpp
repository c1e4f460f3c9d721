#pragma once
// Many files at once: expand paths, load, validate and score every file, and check
// what spans files (duplicate ids).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <scorecard/diagnostic.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

// Files named directly are kept as given; directories are searched recursively for
// *.yaml and *.yml, sorted by path. Missing paths and directories without YAML files
// are errors.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diagnostics);

struct Dataset {
  std::vector<std::string> files;
  std::vector<JurisdictionScore> scores;  // only files without errors are scored
  Diagnostics diagnostics;                // every file's, sorted by file then position
};

// Time: rate by the states in force on a day (include/scorecard/timeline.hpp), and the day
// that dates may not be after.
struct TimeOptions {
  std::optional<int> as_of;  // none: each criterion's latest state
  std::optional<int> today;  // none: dates in the future are not checked
};

// Told, after each file is read, how many of how many are: called from the reading
// threads, so it must be safe to call from several at once.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// Files are loaded, validated and scored by `threads` workers (0: one per core); the
// result does not depend on the number of threads. Each file's YAML tree is dropped as
// soon as it is read, and positions once the file is validated.
Dataset load_dataset(const std::vector<std::string>& paths, const Rubric& rubric, unsigned threads = 0,
                     const ScoreOptions& options = {}, const TimeOptions& time = {}, const Progress& progress = {});

// load_dataset in two steps, for rating the same files as of several days: the files read
// and checked for what does not depend on the day (and ids unique), then rated as of one
// day (a copy of the set for each day).
struct LoadedFiles {
  std::vector<std::string> files;
  // One per file, each in the slot its score will take (so that rating moves the vector
  // rather than copying 25,000 jurisdictions into another); loaded[i]: read, maybe with errors.
  std::vector<JurisdictionScore> slots;
  const Jurisdiction& jurisdiction(std::size_t i) const { return slots[i].jurisdiction; }
  std::vector<char> loaded;
  std::vector<Diagnostics> problems;  // each file's
  Diagnostics diagnostics;            // of the paths themselves
  unsigned threads = 0;
};
LoadedFiles load_files(const std::vector<std::string>& paths, const Rubric& rubric, unsigned threads = 0,
                       std::optional<int> today = std::nullopt, const Progress& progress = {});
Dataset rate_files(LoadedFiles files, const Rubric& rubric, const ScoreOptions& options = {},
                   std::optional<int> as_of = std::nullopt);

}  // namespace scorecard
