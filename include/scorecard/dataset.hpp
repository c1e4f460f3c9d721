#pragma once
// Many files at once: expand paths, load, validate and score every file, and check
// what spans files (duplicate ids).

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

// Files are loaded, validated and scored by `threads` workers (0: one per core); the
// result does not depend on the number of threads. Each file's YAML tree is dropped as
// soon as it is read, and positions once the file is validated.
Dataset load_dataset(const std::vector<std::string>& paths, const Rubric& rubric, unsigned threads = 0,
                     const ScoreOptions& options = {});

}  // namespace scorecard
