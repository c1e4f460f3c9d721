#pragma once
// The CI gate: every jurisdiction at or above a minimum tier, required criteria met, and
// nothing worse than in a baseline export.

#include <optional>
#include <string>
#include <vector>

#include <scorecard/diff.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>
#include <scorecard/snapshot.hpp>

namespace scorecard {

struct CheckOptions {
  std::optional<int> min_tier;             // the overall tier must be this or better
  std::vector<Requirement> requirements;   // criterion -> tier or better
  const Snapshot* baseline = nullptr;      // no tier may be worse than here
};

struct CheckOutcome {
  std::string id;
  std::string name;
  std::string file;
  std::vector<std::string> failures;      // why it fails, in words
  std::vector<std::string> improvements;  // tiers better than the baseline
  bool passed() const { return failures.empty(); }
};

struct CheckReport {
  std::vector<CheckOutcome> outcomes;  // one per jurisdiction, in input order
  std::vector<std::string> added;      // ids not in the baseline
  std::vector<std::string> removed;    // ids only in the baseline
  std::size_t passed = 0;
  std::size_t failed = 0;
};

CheckReport run_check(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const CheckOptions& options);

}  // namespace scorecard
