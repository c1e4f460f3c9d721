#pragma once
// Scoring: answers -> criterion tier (first matching rule), criterion tiers -> overall
// tier (the rubric's overall rule). Pure functions; no I/O.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <scorecard/model.hpp>
#include <scorecard/rubric.hpp>

namespace scorecard {

// A criterion's tier: recorded in the file, computed from its answers, set (or computed
// from answers changed) by a --what-if, or missing: the criterion is not rated (not in the
// file, neither rating nor answers, or answers that leave deciding questions open).
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

// What a criterion's rules make of a set of answers. "unclear" and a missing answer are
// the absence of evidence, not a "no": a rule that reads such a question may or may not
// hold. When every way of answering the open questions gives the same tier, the answers
// decide it (rule_index, tier and held: the first rule that holds whatever the open
// answers are, and the conditions that made it hold; none for the unconditional last rule).
// Otherwise the criterion is undecided: not rated, with the tiers still possible.
struct RuleMatch {
  int rule_index = -1;  // index into Criterion::rules; -1: undecided
  int tier = 0;         // 0: undecided
  std::vector<HeldCondition> held;
  std::vector<std::string> open;  // scored questions unanswered or unclear, in rubric order
  std::size_t open_unclear = 0;   // of open: answered "unclear" (the others have no answer)
  std::size_t deciding = 0;       // the criterion's scored questions
  std::vector<int> possible;      // undecided: the tiers answers to the open questions could give, best first
  // Undecided with too many open combinations to try (over k_max_open_combinations):
  // possible may hold tiers no combination gives.
  bool approximate = false;
  // Decided only because every combination of answers to the open questions gives the
  // same tier, through different rules or a rule whose conditions name every answer:
  // rule_index is the first rule of that tier, and no condition that held explains it.
  bool every_answer = false;
  bool decided() const { return rule_index >= 0; }
};

// Open questions are tried in every combination up to this many; beyond it, rule by rule.
inline constexpr std::size_t k_max_open_combinations = 4096;

// An answer that differs between two states of a criterion; nullopt is no answer.
struct AnswerChange {
  std::string criterion;
  std::string question;
  std::optional<std::string> from;
  std::optional<std::string> to;
  bool operator==(const AnswerChange&) const = default;
};

RuleMatch match_rules(const Criterion& criterion, const std::vector<Answer>& answers);

// How a jurisdiction is scored. answers_only: recorded ratings are set aside and every
// criterion is computed from its answers alone (for methodology work: what the rules say).
struct ScoreOptions {
  bool answers_only = false;
};

struct CriterionResult {
  std::string criterion;
  std::optional<int> tier;  // the tier used; none: not rated
  Origin origin = Origin::missing;
  Boxed<RuleMatch> computed;          // present when the file gave answers
  bool in_file = false;               // the file has an entry for the criterion
  bool not_yet = false;               // rated as of a day before the criterion's first state
  std::optional<int> set_aside;       // a recorded tier ScoreOptions::answers_only set aside
  bool rated() const { return tier.has_value(); }
  // Origin::what_if: the tier was computed from answers a what-if changed (false: a what-if
  // set the tier itself).
  bool from_answers = false;
  // A recorded tier its answers cannot give: a different decided tier, or one outside the
  // tiers undecided answers allow.
  bool disagrees() const;
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

// How many criteria have a tier, against what the rubric's overall rule needs.
struct CriteriaCoverage {
  std::size_t rated = 0;     // criteria with a tier
  std::size_t criteria = 0;  // criteria in the rubric
  // Criteria the overall rule needs rated and that are not (with min_rated: all).
  std::vector<std::string> missing;
  std::size_t needed = 0;    // with a min_rated number: how many it needs
  bool enough = false;
};

struct OverallResult {
  std::optional<int> tier;  // empty: not rated (coverage below what the overall rule needs)
  double mean = 0.0;        // weighted mean of the criterion tiers (set only with a tier)
  int mean_tier = 0;        // the tier the cut-offs give before gates
  std::vector<GateFailure> gates;  // gates that lowered the tier, in the order they did
  CriteriaCoverage coverage;
  bool rated() const { return tier.has_value(); }
};

// criterion_tiers: one entry per rubric criterion, in rubric order.
OverallResult overall_tier(const Rubric& rubric, std::span<const std::optional<int>> criterion_tiers);

CriterionResult score_criterion(const Criterion& criterion, const CriterionData* data, const ScoreOptions& options = {});

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
JurisdictionScore score_jurisdiction(const Rubric& rubric, Jurisdiction jurisdiction, const ScoreOptions& options = {});

struct CalibrationResult {
  const CalibrationCase* calibration = nullptr;
  OverallResult result;
  bool reproduced() const { return result.tier == calibration->expect; }
};

std::vector<CalibrationResult> check_calibration(const Rubric& rubric);

// The calibration cases against data (rated as of Overall::calibration_as_of): whether each
// case's jurisdiction is among the scores, and each tier that differs from the case's.
struct CalibrationMismatch {
  Subject subject;
  std::optional<int> got;
  int expected = 0;
};
struct CalibrationDataResult {
  const CalibrationCase* calibration = nullptr;
  const JurisdictionScore* score = nullptr;  // nullptr: not among the data
  std::vector<CalibrationMismatch> mismatches;
  bool reproduced() const { return score && mismatches.empty(); }
};
std::vector<CalibrationDataResult> check_calibration_data(const Rubric& rubric,
                                                          const std::vector<JurisdictionScore>& scores);

}  // namespace scorecard
