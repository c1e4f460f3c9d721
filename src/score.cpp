// Answers -> criterion tiers -> overall tier.

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include <scorecard/score.hpp>
#include <scorecard/text_util.hpp>

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
bool holds(const Condition& condition, const std::vector<Answer>& answers, std::vector<std::string>& reasons) {
  const Answer* a = find_answer(answers, condition.question);
  if (!a || a->value == k_unclear) return false;
  if (std::find(condition.values.begin(), condition.values.end(), a->value) == condition.values.end()) return false;
  reasons.push_back(fmt::format("{} is {}", a->question, a->value));
  return true;
}

bool rule_matches(const Rule& rule, const std::vector<Answer>& answers, std::vector<std::string>& reasons) {
  std::vector<std::string> found;
  for (const auto& c : rule.when) {
    if (!holds(c, answers, found)) return false;
  }
  if (!rule.when_any.empty()) {
    bool any = false;
    for (const auto& c : rule.when_any) any = holds(c, answers, found) || any;
    if (!any) return false;
  }
  reasons = std::move(found);
  return true;
}

}  // namespace

std::string_view to_string(Origin origin) {
  switch (origin) {
    case Origin::recorded: return "recorded";
    case Origin::computed: return "computed";
    case Origin::missing: break;
  }
  return "missing";
}

RuleMatch match_rules(const Criterion& criterion, const std::vector<Answer>& answers) {
  for (std::size_t i = 0; i < criterion.rules.size(); ++i) {
    std::vector<std::string> reasons;
    if (rule_matches(criterion.rules[i], answers, reasons)) {
      return {static_cast<int>(i), criterion.rules[i].tier, std::move(reasons)};
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
          result.gates.push_back(fmt::format("tier {} requires {} at tier {} or better (it is {})", tier, c->title,
                                             req.tier, actual ? std::to_string(*actual) : "missing"));
          lowered = true;
        }
      }
    }
    if (lowered) ++tier;
  }
  result.tier = tier;
  return result;
}

JurisdictionScore score_jurisdiction(const Rubric& rubric, Jurisdiction jurisdiction) {
  JurisdictionScore score;
  std::vector<std::optional<int>> tiers;
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

Summary summarize(const Rubric& rubric, const std::vector<JurisdictionScore>& scores) {
  Summary summary;
  for (const auto& t : rubric.tiers) summary.tiers.push_back({t.number, 0, 0});
  for (const auto& s : scores) {
    ++summary.jurisdictions;
    const long long population = s.jurisdiction.population.value_or(0);
    if (s.jurisdiction.population) {
      ++summary.with_population;
      summary.residents += population;
    }
    if (!s.overall.tier || !rubric.find_tier(*s.overall.tier)) {
      ++summary.unrated;
      continue;
    }
    TierCount& count = summary.tiers[static_cast<std::size_t>(*s.overall.tier - 1)];
    ++count.jurisdictions;
    count.residents += population;
    if (!s.jurisdiction.population) ++count.unknown_population;
  }
  return summary;
}

std::string summary_sentence(const Rubric& rubric, const Summary& summary, const TierCount& tier) {
  const Tier* t = rubric.find_tier(tier.tier);
  const std::string label = t ? t->short_label : std::to_string(tier.tier);
  if (summary.with_population == summary.jurisdictions) {
    return fmt::format("{} of {} residents live under {} policies ({} of {} jurisdiction{})",
                       format_residents(tier.residents), format_residents(summary.residents), label,
                       tier.jurisdictions, summary.jurisdictions, summary.jurisdictions == 1 ? "" : "s");
  }
  std::string text = fmt::format("{} of {} jurisdiction{} {} rated {}", tier.jurisdictions, summary.jurisdictions,
                                 summary.jurisdictions == 1 ? "" : "s", tier.jurisdictions == 1 ? "is" : "are", label);
  if (tier.residents > 0) {
    text += fmt::format(", home to {} of the {} residents counted", format_residents(tier.residents),
                        format_residents(summary.residents));
  }
  if (tier.unknown_population > 0) text += fmt::format("; population unknown for {}", tier.unknown_population);
  return text;
}

void sort_scores(std::vector<JurisdictionScore>& scores, const Rubric& rubric, const std::string& key, bool reverse) {
  auto overall_less = [](const JurisdictionScore& a, const JurisdictionScore& b) {
    const int ta = a.overall.tier.value_or(1000);
    const int tb = b.overall.tier.value_or(1000);
    if (ta != tb) return ta < tb;
    if (std::abs(a.overall.mean - b.overall.mean) > k_epsilon) return a.overall.mean < b.overall.mean;
    return false;
  };
  auto name_less = [](const JurisdictionScore& a, const JurisdictionScore& b) {
    if (a.jurisdiction.name != b.jurisdiction.name) return a.jurisdiction.name < b.jurisdiction.name;
    return a.jurisdiction.id < b.jurisdiction.id;
  };
  // Compares on the key only: -1, 0 or 1. Ties fall back to the default order, never reversed.
  std::function<int(const JurisdictionScore&, const JurisdictionScore&)> primary;
  if (key == "name") {
    primary = [&](const auto& a, const auto& b) { return name_less(a, b) ? -1 : name_less(b, a) ? 1 : 0; };
  } else if (key == "population") {
    primary = [](const auto& a, const auto& b) {
      const long long pa = a.jurisdiction.population.value_or(-1);
      const long long pb = b.jurisdiction.population.value_or(-1);
      return pa > pb ? -1 : pa < pb ? 1 : 0;
    };
  } else if (key == "overall") {
    primary = [&](const auto& a, const auto& b) { return overall_less(a, b) ? -1 : overall_less(b, a) ? 1 : 0; };
  } else {
    const Criterion* c = rubric.find_criterion(key);
    const auto index = c ? static_cast<std::size_t>(c - rubric.criteria.data()) : 0;
    primary = [index](const auto& a, const auto& b) {
      const int ta = a.criteria.at(index).tier.value_or(1000);
      const int tb = b.criteria.at(index).tier.value_or(1000);
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    };
  }
  const bool by_population = key == "population";
  // An order of indices is sorted, then each score is moved once: a JurisdictionScore is
  // large, and a national data set has tens of thousands.
  std::vector<std::size_t> by_index(scores.size());
  for (std::size_t i = 0; i < by_index.size(); ++i) by_index[i] = i;
  std::stable_sort(by_index.begin(), by_index.end(), [&](std::size_t ia, std::size_t ib) {
    const JurisdictionScore& a = scores[ia];
    const JurisdictionScore& b = scores[ib];
    if (by_population && a.jurisdiction.population.has_value() != b.jurisdiction.population.has_value()) {
      return a.jurisdiction.population.has_value();  // unknown population always last
    }
    int order = primary(a, b);
    if (reverse) order = -order;
    if (order != 0) return order < 0;
    if (overall_less(a, b)) return true;
    if (overall_less(b, a)) return false;
    return name_less(a, b);
  });
  std::vector<JurisdictionScore> sorted;
  sorted.reserve(scores.size());
  for (const std::size_t i : by_index) sorted.push_back(std::move(scores[i]));
  scores = std::move(sorted);
}

}  // namespace scorecard
