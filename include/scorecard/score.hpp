#pragma once
// Scoring: answers -> criterion tier (first matching rule), criterion tiers -> overall
// tier (the rubric's overall rule). Pure functions; no I/O.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <scorecard/model.hpp>
#include <scorecard/rubric.hpp>

namespace scorecard {

enum class Origin { recorded, computed, missing };
std::string_view to_string(Origin origin);

// Which rule of a criterion matched a set of answers, and the answers that made it match.
struct RuleMatch {
  int rule_index = -1;  // index into Criterion::rules
  int tier = 0;
  std::vector<std::string> reasons;  // e.g. "detainer_hold_prohibited is any_conviction"
};

RuleMatch match_rules(const Criterion& criterion, const std::vector<Answer>& answers);

struct CriterionResult {
  std::string criterion;
  std::optional<int> tier;  // the tier used
  Origin origin = Origin::missing;
  std::optional<RuleMatch> computed;  // present when the file gave answers
  bool disagrees() const { return origin == Origin::recorded && computed && computed->tier != tier; }
};

struct OverallResult {
  std::optional<int> tier;  // empty when no criterion has a tier
  double mean = 0.0;        // weighted mean of the criterion tiers
  int mean_tier = 0;        // the tier the cut-offs give before gates
  std::vector<std::string> gates;  // gates that lowered the tier, in words
};

// criterion_tiers: one entry per rubric criterion, in rubric order.
OverallResult overall_tier(const Rubric& rubric, std::span<const std::optional<int>> criterion_tiers);

CriterionResult score_criterion(const Criterion& criterion, const CriterionData* data);

struct JurisdictionScore {
  Jurisdiction jurisdiction;
  std::vector<CriterionResult> criteria;  // rubric order
  OverallResult overall;
};

JurisdictionScore score_jurisdiction(const Rubric& rubric, Jurisdiction jurisdiction);

struct CalibrationResult {
  const CalibrationCase* calibration = nullptr;
  OverallResult result;
  bool reproduced() const { return result.tier == calibration->expect; }
};

std::vector<CalibrationResult> check_calibration(const Rubric& rubric);

// How many jurisdictions, and how many residents, each overall tier covers.
struct TierCount {
  int tier = 0;
  std::size_t jurisdictions = 0;
  long long residents = 0;  // of the jurisdictions with a known population
  std::size_t unknown_population = 0;
};

struct Summary {
  std::size_t jurisdictions = 0;
  std::size_t with_population = 0;
  long long residents = 0;
  std::vector<TierCount> tiers;  // one per rubric tier, in order
  std::size_t unrated = 0;        // jurisdictions without an overall tier
};

Summary summarize(const Rubric& rubric, const std::vector<JurisdictionScore>& scores);

// With every population known: "4.1 million of 17.9 million residents live under On Track
// policies (2 of 12 jurisdictions)". Otherwise it never claims more than it knows: "2 of 12
// jurisdictions are rated On Track, home to 2.7 million of the 4.8 million residents
// counted; population unknown for 1".
std::string summary_sentence(const Rubric& rubric, const Summary& summary, const TierCount& tier);

// Table order. key: "overall", "name", "population" or a criterion id.
// overall: best tier first, then lower mean, then name. population: largest first,
// unknown last. criterion: best tier first, then overall order. reverse flips the
// order (unknown populations stay last).
void sort_scores(std::vector<JurisdictionScore>& scores, const Rubric& rubric,
                 const std::string& key, bool reverse);

}  // namespace scorecard
