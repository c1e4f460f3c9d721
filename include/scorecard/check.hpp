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
  const Diagnostics* diagnostics = nullptr;  // the data set's: each file with errors fails
  bool allow_removed = false;  // a jurisdiction of the baseline that is gone is reported, not failed
  // A jurisdiction (or required criterion) that is not rated cannot show it meets the bar:
  // it fails, or with this set it passes with a warning.
  bool not_rated_warns = false;
  bool answers_only = false;  // the scores set recorded tiers aside (said in every report)
  std::string as_of;          // the scores are as of this day (said in every report)
};

enum class FailureKind {
  below_minimum,        // the overall tier is worse than the minimum
  below_requirement,    // a criterion is worse than a required tier
  worse_than_baseline,  // a tier is worse than in the baseline
  removed,              // in the baseline, and gone (not renamed, not an invalid file)
  not_rated,            // --min-tier or --require on a tier that is not rated
  invalid_file,         // the file does not load or validate
};
std::string_view to_string(FailureKind kind);

// Why a jurisdiction fails, as data: what (the subject), the tier it has and the tier it
// needed (required for the first two kinds, baseline for worse_than_baseline and removed,
// whose subject is the overall tier). An invalid file
// carries its errors instead.
struct CheckFailure {
  FailureKind kind = FailureKind::below_minimum;
  Subject subject;
  std::optional<int> actual;
  std::optional<int> required;
  std::optional<int> baseline;
  std::vector<Diagnostic> errors;  // invalid_file
  // Where in the jurisdiction's file the failure points: the criterion's key, or for the
  // overall tier the id (line 0 when unknown, as for a jurisdiction that is gone).
  SourceLocation where;
  CriteriaCoverage coverage;  // not_rated of the overall tier: how far it is rated
};

struct CheckOutcome {
  std::string id;    // empty for an invalid file
  std::string name;  // empty for an invalid file
  std::string file;
  std::vector<CheckFailure> failures;
  std::vector<TierChange> improvements;  // tiers better than in the baseline
  std::vector<CheckFailure> warnings;    // not_rated, with CheckOptions::not_rated_warns
  bool passed() const { return failures.empty(); }
  bool invalid() const { return !failures.empty() && failures.front().kind == FailureKind::invalid_file; }
};

struct CheckReport {
  // One per invalid path (sorted by path), then one per jurisdiction, in input order.
  std::vector<CheckOutcome> outcomes;
  std::vector<std::string> added;      // ids not in the baseline
  std::vector<std::string> removed;    // ids only in the baseline (failures unless allowed)
  // Likely renames: an id only in the baseline and one only here with the same name and
  // state; the new id is compared with the old one's baseline tiers.
  struct Rename {
    std::string from;
    std::string to;
  };
  std::vector<Rename> renamed;
  std::size_t passed = 0;   // jurisdictions
  std::size_t failed = 0;   // jurisdictions
  std::size_t invalid = 0;  // files with errors
  std::size_t warned = 0;   // jurisdictions that passed with a not-rated warning
  std::size_t not_rated = 0;  // jurisdictions without an overall tier, failed, warned or passed
  bool answers_only = false;  // CheckOptions::answers_only
  std::string as_of;          // CheckOptions::as_of
  std::size_t jurisdictions() const { return passed + failed; }
};

// Why a snapshot cannot serve as a baseline: scored under another rubric (id or version;
// allowed with any_rubric), exported with filters (it may hold only some jurisdictions) or
// with what-ifs (its results are hypothetical). Errors at the baseline's file.
Diagnostics baseline_problems(const Snapshot& baseline, const Rubric& rubric, bool any_rubric);

CheckReport run_check(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const CheckOptions& options);

}  // namespace scorecard
