// Answers -> criterion tiers -> overall tier.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
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
  // What the comparisons read, copied into one compact array: a JurisdictionScore is large,
  // and a national data set has tens of thousands, so comparing them in place misses the
  // cache at every step. The scores are then moved once, into their sorted places.
  struct Entry {
    std::size_t index;
    int tier;              // overall tier; 1000 when there is none
    double mean;
    int criterion_tier;    // the sort key's criterion tier; 1000 when there is none
    long long population;  // -1 when unknown
    bool has_population;
    std::array<std::uint64_t, 3> name_prefix;  // the name's first 24 bytes, big-endian, zero-padded
    std::string_view name;
    std::string_view id;
  };
  // Names compare on their first 24 bytes, held in the entry, and only read the name itself
  // when those are equal: unsigned byte order, as std::string_view compares.
  auto prefix_of = [](std::string_view name) {
    std::array<std::uint64_t, 3> prefix{};
    for (std::size_t k = 0; k < 24; ++k) {
      prefix[k / 8] = (prefix[k / 8] << 8) | (k < name.size() ? static_cast<unsigned char>(name[k]) : 0u);
    }
    return prefix;
  };
  enum class By { name, population, overall, criterion };
  const By by = key == "name" ? By::name : key == "population" ? By::population : key == "overall" ? By::overall
                                                                                                      : By::criterion;
  const Criterion* criterion = rubric.find_criterion(key);
  const std::size_t criterion_index = criterion ? static_cast<std::size_t>(criterion - rubric.criteria.data()) : 0;
  const bool by_criterion = by == By::criterion;
  std::vector<Entry> entries;
  entries.reserve(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const JurisdictionScore& s = scores[i];
    const std::optional<int> criterion_tier =
        by_criterion && criterion_index < s.criteria.size() ? s.criteria[criterion_index].tier : std::nullopt;
    entries.push_back({i, s.overall.tier.value_or(1000), s.overall.mean, criterion_tier.value_or(1000),
                       s.jurisdiction.population.value_or(-1), s.jurisdiction.population.has_value(),
                       prefix_of(s.jurisdiction.name), s.jurisdiction.name, s.jurisdiction.id});
  }
  auto overall_less = [](const Entry& a, const Entry& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (std::abs(a.mean - b.mean) > k_epsilon) return a.mean < b.mean;
    return false;
  };
  auto name_less = [](const Entry& a, const Entry& b) {
    if (a.name_prefix != b.name_prefix) return a.name_prefix < b.name_prefix;
    if (a.name != b.name) return a.name < b.name;
    return a.id < b.id;
  };
  // Compares on the key only: -1, 0 or 1. Ties fall back to the default order, never reversed.
  auto primary = [&](const Entry& a, const Entry& b) {
    switch (by) {
      case By::name: return name_less(a, b) ? -1 : name_less(b, a) ? 1 : 0;
      case By::population: return a.population > b.population ? -1 : a.population < b.population ? 1 : 0;
      case By::overall: return overall_less(a, b) ? -1 : overall_less(b, a) ? 1 : 0;
      case By::criterion: break;
    }
    return a.criterion_tier < b.criterion_tier ? -1 : a.criterion_tier > b.criterion_tier ? 1 : 0;
  };
  const bool by_population = by == By::population;
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (by_population && a.has_population != b.has_population) {
      return a.has_population;  // unknown population always last
    }
    int order = primary(a, b);
    if (reverse) order = -order;
    if (order != 0) return order < 0;
    if (overall_less(a, b)) return true;
    if (overall_less(b, a)) return false;
    return name_less(a, b);
  });
  // Each score moves once, in place, following the permutation's cycles: no second array
  // of scores to allocate and free. A slot once filled points at itself.
  for (std::size_t start = 0; start < scores.size(); ++start) {
    if (entries[start].index == start) continue;
    JurisdictionScore held = std::move(scores[start]);
    std::size_t at = start;
    while (entries[at].index != start) {
      const std::size_t from = entries[at].index;
      scores[at] = std::move(scores[from]);
      entries[at].index = at;
      at = from;
    }
    scores[at] = std::move(held);
    entries[at].index = at;
  }
}

}  // namespace scorecard
