// Answers -> criterion tiers -> overall tier.

#include <algorithm>

#include <scorecard/score.hpp>

namespace scorecard {
namespace {

// Means are compared with a small tolerance so that 16/11 <= 1.4545... is not lost to rounding.
constexpr double k_epsilon = 1e-9;

const Answer* find_answer(const std::vector<Answer>& answers, std::string_view question) {
  for (const auto& a : answers) {
    if (a.question == question) return &a;
  }
  return nullptr;
}

// The answer satisfies the condition; "unclear" and a missing answer never do.
bool holds(const Condition& condition, const std::vector<Answer>& answers, std::vector<HeldCondition>& held) {
  const Answer* a = find_answer(answers, condition.question);
  if (!a || a->value == k_unclear) return false;
  if (std::find(condition.values.begin(), condition.values.end(), a->value) == condition.values.end()) return false;
  held.push_back({a->question, a->value});
  return true;
}

bool rule_matches(const Rule& rule, const std::vector<Answer>& answers, std::vector<HeldCondition>& held) {
  std::vector<HeldCondition> found;
  for (const auto& c : rule.when) {
    if (!holds(c, answers, found)) return false;
  }
  if (!rule.when_any.empty()) {
    bool any = false;
    for (const auto& c : rule.when_any) any = holds(c, answers, found) || any;
    if (!any) return false;
  }
  held = std::move(found);
  return true;
}

}  // namespace

std::string_view to_string(Origin origin) {
  switch (origin) {
    case Origin::recorded: return "recorded";
    case Origin::computed: return "computed";
    case Origin::what_if: return "what_if";
    case Origin::missing: break;
  }
  return "missing";
}

bool JurisdictionScore::hypothetical() const {
  return std::any_of(criteria.begin(), criteria.end(), [](const CriterionResult& r) { return r.origin == Origin::what_if; });
}

RuleMatch match_rules(const Criterion& criterion, const std::vector<Answer>& answers) {
  for (std::size_t i = 0; i < criterion.rules.size(); ++i) {
    std::vector<HeldCondition> held;
    if (rule_matches(criterion.rules[i], answers, held)) {
      return {static_cast<int>(i), criterion.rules[i].tier, std::move(held)};
    }
  }
  return {};  // unreachable for a loaded rubric: the last rule is unconditional
}

CriterionResult score_criterion(const Criterion& criterion, const CriterionData* data) {
  CriterionResult result;
  result.criterion = criterion.id;
  if (!data) return result;
  if (data->has_answers) result.computed = match_rules(criterion, data->answers);
  if (data->rating) {
    result.tier = data->rating;
    result.origin = Origin::recorded;
  } else if (result.computed) {
    result.tier = result.computed->tier;
    result.origin = Origin::computed;
  }
  return result;
}

OverallResult overall_tier(const Rubric& rubric, std::span<const std::optional<int>> tiers) {
  OverallResult result;
  double weighted = 0;
  double weights = 0;
  for (std::size_t i = 0; i < rubric.criteria.size() && i < tiers.size(); ++i) {
    if (!tiers[i]) continue;
    weighted += rubric.criteria[i].weight * *tiers[i];
    weights += rubric.criteria[i].weight;
  }
  if (weights <= 0) return result;
  result.mean = weighted / weights;
  int tier = rubric.worst_tier();
  for (const auto& cutoff : rubric.overall.cutoffs) {
    if (result.mean <= cutoff.max_mean + k_epsilon) {
      tier = cutoff.tier;
      break;
    }
  }
  result.mean_tier = tier;
  // Gates: a tier is reached only if every criterion it names is at that tier or better;
  // otherwise the jurisdiction falls to the next tier, whose gates are checked in turn.
  for (bool lowered = true; lowered && tier < rubric.worst_tier();) {
    lowered = false;
    for (const auto& gate : rubric.overall.gates) {
      if (gate.tier != tier) continue;
      for (const auto& req : gate.requirements) {
        const Criterion* c = rubric.find_criterion(req.criterion);
        const auto index = static_cast<std::size_t>(c - rubric.criteria.data());
        const std::optional<int> actual = index < tiers.size() ? tiers[index] : std::nullopt;
        if (!actual || *actual > req.tier) {
          result.gates.push_back({tier, c->id, req.tier, actual});
          lowered = true;
        }
      }
    }
    if (lowered) ++tier;
  }
  result.tier = tier;
  return result;
}

void resolve_ratings(const Rubric& rubric, Jurisdiction& jurisdiction) {
  for (auto& c : jurisdiction.criteria) {
    if (c.rating_name.empty()) continue;
    c.rating = rubric.parse_tier(c.rating_name);
    c.rating_name.clear();
  }
}

JurisdictionScore score_jurisdiction(const Rubric& rubric, Jurisdiction jurisdiction) {
  resolve_ratings(rubric, jurisdiction);
  JurisdictionScore score;
  std::vector<std::optional<int>> tiers;
  score.criteria.reserve(rubric.criteria.size());
  tiers.reserve(rubric.criteria.size());
  for (const auto& criterion : rubric.criteria) {
    score.criteria.push_back(score_criterion(criterion, jurisdiction.find_criterion(criterion.id)));
    tiers.push_back(score.criteria.back().tier);
  }
  score.overall = overall_tier(rubric, tiers);
  score.jurisdiction = std::move(jurisdiction);
  return score;
}

std::vector<CalibrationResult> check_calibration(const Rubric& rubric) {
  std::vector<CalibrationResult> results;
  for (const auto& c : rubric.overall.calibration) {
    std::vector<std::optional<int>> tiers(c.tiers.begin(), c.tiers.end());
    results.push_back({&c, overall_tier(rubric, tiers)});
  }
  return results;
}

}  // namespace scorecard
