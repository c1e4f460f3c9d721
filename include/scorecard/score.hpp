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

// A criterion's tier: recorded in the file, computed from its answers, set (or computed
// from answers changed) by a --what-if, or missing.
enum class Origin { recorded, computed, what_if, missing };
std::string_view to_string(Origin origin);

// What a tier belongs to: the overall tier, or one criterion, by id. Renderers name it.
struct Subject {
  std::string criterion;  // empty: the overall tier

  static Subject overall() { return {}; }
  static Subject of(std::string criterion_id) { return {std::move(criterion_id)}; }
  bool is_overall() const { return criterion.empty(); }
  bool operator==(const Subject&) const = default;
};

// One condition of a rule that held: the question and the answer that satisfied it.
struct HeldCondition {
  std::string question;
  std::string answer;
  bool operator==(const HeldCondition&) const = default;
};

// Which rule of a criterion matched a set of answers, and the conditions that made it match
// (none for the unconditional last rule).
struct RuleMatch {
  int rule_index = -1;  // index into Criterion::rules
  int tier = 0;
  std::vector<HeldCondition> held;
};

// An answer that differs between two states of a criterion; nullopt is no answer.
struct AnswerChange {
  std::string criterion;
  std::string question;
  std::optional<std::string> from;
  std::optional<std::string> to;
  bool operator==(const AnswerChange&) const = default;
};

RuleMatch match_rules(const Criterion& criterion, const std::vector<Answer>& answers);

struct CriterionResult {
  std::string criterion;
  std::optional<int> tier;  // the tier used
  Origin origin = Origin::missing;
  std::optional<RuleMatch> computed;  // present when the file gave answers
  // Origin::what_if: the tier was computed from answers a what-if changed (false: a what-if
  // set the tier itself).
  bool from_answers = false;
  bool disagrees() const { return origin == Origin::recorded && computed && computed->tier != tier; }
};

// A gate of the overall rule that held a jurisdiction below a tier: the tier it guards, the
// criterion it names, the tier that criterion needs and the tier it has (none: no tier).
struct GateFailure {
  int tier = 0;
  std::string criterion;
  int required = 0;
  std::optional<int> actual;
  bool operator==(const GateFailure&) const = default;
};

struct OverallResult {
  std::optional<int> tier;  // empty when no criterion has a tier
  double mean = 0.0;        // weighted mean of the criterion tiers
  int mean_tier = 0;        // the tier the cut-offs give before gates
  std::vector<GateFailure> gates;  // gates that lowered the tier, in the order they did
};

// criterion_tiers: one entry per rubric criterion, in rubric order.
OverallResult overall_tier(const Rubric& rubric, std::span<const std::optional<int>> criterion_tiers);

CriterionResult score_criterion(const Criterion& criterion, const CriterionData* data);

struct JurisdictionScore {
  Jurisdiction jurisdiction;
  std::vector<CriterionResult> criteria;  // rubric order
  OverallResult overall;
  // Whether a tier comes from a --what-if: then the overall tier is hypothetical too.
  bool hypothetical() const;
};

// A rating given by tier id becomes the tier's number (and rating_name is cleared); an id
// the rubric does not have becomes no rating (validate reports it).
void resolve_ratings(const Rubric& rubric, Jurisdiction& jurisdiction);

// Resolves the ratings, then scores.
JurisdictionScore score_jurisdiction(const Rubric& rubric, Jurisdiction jurisdiction);

struct CalibrationResult {
  const CalibrationCase* calibration = nullptr;
  OverallResult result;
  bool reproduced() const { return result.tier == calibration->expect; }
};

std::vector<CalibrationResult> check_calibration(const Rubric& rubric);

}  // namespace scorecard
