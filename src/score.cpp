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

bool CriterionResult::disagrees() const {
  if (origin != Origin::recorded || !computed || !tier) return false;
  if (computed->decided()) return computed->tier != *tier;
  return std::find(computed->possible.begin(), computed->possible.end(), *tier) == computed->possible.end();
}

bool JurisdictionScore::hypothetical() const {
  return std::any_of(criteria.begin(), criteria.end(), [](const CriterionResult& r) { return r.origin == Origin::what_if; });
}

namespace {

// Three-valued logic for answers that may be open: a condition on an open question holds
// or not depending on the answer it gets, unless its values are every answer there is.
enum class Truth { no, maybe, yes };

Truth condition_truth(const Criterion& criterion, const Condition& condition, const std::vector<Answer>& answers) {
  const Answer* a = find_answer(answers, condition.question);
  if (a && a->value != k_unclear) {
    const bool in = std::find(condition.values.begin(), condition.values.end(), a->value) != condition.values.end();
    return in ? Truth::yes : Truth::no;
  }
  const Question* q = criterion.find_question(condition.question);
  const bool covers_all = q && !q->values.empty() && std::all_of(q->values.begin(), q->values.end(), [&](const std::string& v) {
    return std::find(condition.values.begin(), condition.values.end(), v) != condition.values.end();
  });
  return covers_all ? Truth::yes : Truth::maybe;
}

Truth rule_truth(const Criterion& criterion, const Rule& rule, const std::vector<Answer>& answers) {
  Truth all = Truth::yes;
  for (const auto& c : rule.when) all = std::min(all, condition_truth(criterion, c, answers));
  if (all == Truth::no || rule.when_any.empty()) return all;
  Truth any = Truth::no;
  for (const auto& c : rule.when_any) any = std::max(any, condition_truth(criterion, c, answers));
  return std::min(all, any);
}

// The conditions of a rule that hold on the file's known answers (a rule that holds whatever
// the open answers are may rest on a condition naming every answer: that one is not named).
std::vector<HeldCondition> known_held(const Rule& rule, const std::vector<Answer>& answers) {
  std::vector<HeldCondition> held;
  for (const auto* list : {&rule.when, &rule.when_any}) {
    for (const auto& c : *list) {
      std::vector<HeldCondition> one;
      if (holds(c, answers, one)) held.insert(held.end(), one.begin(), one.end());
    }
  }
  return held;
}

RuleMatch first_match(const Criterion& criterion, const std::vector<Answer>& answers) {
  for (std::size_t i = 0; i < criterion.rules.size(); ++i) {
    std::vector<HeldCondition> held;
    if (rule_matches(criterion.rules[i], answers, held)) {
      return {static_cast<int>(i), criterion.rules[i].tier, std::move(held), {}, 0, 0, {}, false, false};
    }
  }
  return {};  // unreachable for a loaded rubric: the last rule is unconditional
}

void add_tier(std::vector<int>& tiers, int tier) {
  if (std::find(tiers.begin(), tiers.end(), tier) == tiers.end()) tiers.push_back(tier);
}

// The tiers every combination of answers to the open questions gives; nullopt when there
// are more than k_max_open_combinations.
std::optional<std::vector<int>> tiers_of_every_answer(const Criterion& criterion, std::vector<Answer> answers,
                                                      const std::vector<const Question*>& open) {
  std::size_t combinations = 1;
  std::vector<std::size_t> slot;  // where each open question's answer sits in answers
  for (const Question* q : open) {
    if (q->values.empty()) return std::nullopt;
    combinations *= q->values.size();
    if (combinations > k_max_open_combinations) return std::nullopt;
    const auto it = std::find_if(answers.begin(), answers.end(), [&](const Answer& a) { return a.question == q->id; });
    if (it != answers.end()) {
      slot.push_back(static_cast<std::size_t>(it - answers.begin()));
    } else {
      slot.push_back(answers.size());
      answers.push_back({q->id, {}, {}, {}, {}, {}});
    }
  }
  std::vector<int> tiers;
  std::vector<std::size_t> pick(open.size(), 0);  // an odometer over the open questions' values
  for (std::size_t n = 0; n < combinations; ++n) {
    for (std::size_t i = 0; i < open.size(); ++i) answers[slot[i]].value = open[i]->values[pick[i]];
    add_tier(tiers, first_match(criterion, answers).tier);
    for (std::size_t i = 0; i < open.size() && ++pick[i] == open[i]->values.size(); ++i) pick[i] = 0;
  }
  return tiers;
}

}  // namespace

RuleMatch match_rules(const Criterion& criterion, const std::vector<Answer>& answers) {
  std::vector<const Question*> open;
  std::size_t unclear = 0;
  std::size_t deciding = 0;
  for (const auto& q : criterion.questions) {
    if (!q.scored) continue;
    ++deciding;
    const Answer* a = find_answer(answers, q.id);
    if (!a || a->value == k_unclear) open.push_back(&q);
    if (a && a->value == k_unclear) ++unclear;
  }
  if (open.empty()) {
    RuleMatch match = first_match(criterion, answers);
    match.deciding = deciding;
    return match;
  }
  // Rule by rule: a rule that may hold adds its tier and the search goes on; the first rule
  // that holds whatever the open answers are ends it. One tier found: the answers decide.
  std::vector<int> possible;
  std::size_t sure = criterion.rules.size();
  for (std::size_t i = 0; i < criterion.rules.size(); ++i) {
    const Truth t = rule_truth(criterion, criterion.rules[i], answers);
    if (t == Truth::no) continue;
    add_tier(possible, criterion.rules[i].tier);
    if (t == Truth::yes) {
      sure = i;
      break;
    }
  }
  RuleMatch match;
  bool approximate = false;
  if (possible.size() > 1) {
    // Rule by rule over-counts when rules read the same question: try every combination.
    if (auto every = tiers_of_every_answer(criterion, answers, open)) {
      possible = std::move(*every);
    } else {
      approximate = true;
    }
  }
  if (possible.size() == 1 && sure < criterion.rules.size() && criterion.rules[sure].tier == possible[0]) {
    match = {static_cast<int>(sure), possible[0], known_held(criterion.rules[sure], answers), {}, 0, 0, {}, false, false};
    match.every_answer = match.held.empty() && !criterion.rules[sure].unconditional();
  } else if (possible.size() == 1) {
    // Decided only by trying every combination: several rules give the tier, depending on
    // the open answers; no condition is named, as none decides it alone.
    match.tier = possible[0];
    match.every_answer = true;
    for (std::size_t i = 0; i < criterion.rules.size(); ++i) {
      if (criterion.rules[i].tier == possible[0]) {
        match.rule_index = static_cast<int>(i);
        break;
      }
    }
  } else {
    std::sort(possible.begin(), possible.end());
    match.possible = std::move(possible);
    match.approximate = approximate;
  }
  for (const Question* q : open) match.open.push_back(q->id);
  match.open_unclear = unclear;
  match.deciding = deciding;
  return match;
}

CriterionResult score_criterion(const Criterion& criterion, const CriterionData* data, const ScoreOptions& options) {
  CriterionResult result;
  result.criterion = criterion.id;
  if (!data) return result;
  result.in_file = true;
  result.not_yet = data->not_yet;
  if (data->has_answers) result.computed = match_rules(criterion, data->answers);
  if (data->rating && options.answers_only) result.set_aside = data->rating;
  if (data->rating && !options.answers_only) {
    result.tier = data->rating;
    result.origin = Origin::recorded;
  } else if (result.computed && result.computed->decided()) {
    result.tier = result.computed->tier;
    result.origin = Origin::computed;
  }
  return result;
}

OverallResult overall_tier(const Rubric& rubric, std::span<const std::optional<int>> tiers) {
  OverallResult result;
  CriteriaCoverage& coverage = result.coverage;
  coverage.criteria = rubric.criteria.size();
  double weighted = 0;
  double weights = 0;
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    const bool rated = i < tiers.size() && tiers[i];
    if (!rated) {
      if (!rubric.overall.min_rated && !rubric.criteria[i].optional) coverage.missing.push_back(rubric.criteria[i].id);
      continue;
    }
    ++coverage.rated;
    weighted += rubric.criteria[i].weight * *tiers[i];
    weights += rubric.criteria[i].weight;
  }
  // At least one criterion, even when every criterion is optional.
  coverage.needed = std::max<std::size_t>(1, rubric.overall.min_rated.value_or(static_cast<std::size_t>(std::count_if(
                                                 rubric.criteria.begin(), rubric.criteria.end(),
                                                 [](const Criterion& c) { return !c.optional; }))));
  coverage.enough = coverage.rated >= coverage.needed && coverage.missing.empty();
  if (!coverage.enough || weights <= 0) return result;
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

JurisdictionScore score_jurisdiction(const Rubric& rubric, Jurisdiction jurisdiction, const ScoreOptions& options) {
  resolve_ratings(rubric, jurisdiction);
  JurisdictionScore score;
  std::vector<std::optional<int>> tiers;
  score.criteria.reserve(rubric.criteria.size());
  tiers.reserve(rubric.criteria.size());
  for (const auto& criterion : rubric.criteria) {
    score.criteria.push_back(score_criterion(criterion, jurisdiction.find_criterion(criterion.id), options));
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

std::vector<CalibrationDataResult> check_calibration_data(const Rubric& rubric,
                                                          const std::vector<JurisdictionScore>& scores) {
  std::vector<CalibrationDataResult> results;
  for (const auto& c : rubric.overall.calibration) {
    CalibrationDataResult r;
    r.calibration = &c;
    for (const auto& s : scores) {
      if (s.jurisdiction.id == c.jurisdiction) r.score = &s;
    }
    if (r.score) {
      for (std::size_t i = 0; i < c.tiers.size() && i < r.score->criteria.size(); ++i) {
        if (r.score->criteria[i].tier != c.tiers[i]) {
          r.mismatches.push_back({Subject::of(rubric.criteria[i].id), r.score->criteria[i].tier, c.tiers[i]});
        }
      }
      if (r.score->overall.tier != c.expect) r.mismatches.push_back({Subject::overall(), r.score->overall.tier, c.expect});
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace scorecard
