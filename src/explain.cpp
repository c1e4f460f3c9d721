// Improvement plans, answer plans, coverage and what-if.

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include <fmt/format.h>

#include <scorecard/explain.hpp>
#include <scorecard/text_util.hpp>

namespace scorecard {
namespace {

// The improvement search (docs/cli.md "explain"). The overall tier only gets better as a
// criterion does, so "overall tier T or better" is, for some tier T' no worse than T: a
// weighted sum of the criterion tiers low enough for T''s cut-off, and every criterion
// T''s gates name at its required tier. The fewest criteria follow greedily (those that
// can lower the sum most); the fewest steps among them, and every alternative that small,
// come from a table of the most each suffix of the criteria can lower the sum with a given
// number of criteria and of steps, which prunes the enumeration to the branches that lead
// to an answer. Each alternative is checked by overall_tier itself.
constexpr std::size_t k_max_cells = std::size_t{1} << 22;  // per tier's table; past it, a greedy plan (not exact)
constexpr std::size_t k_max_counted = 100'000;             // equally small ways counted; past it, "at least"
constexpr std::size_t k_max_visits = 20'000'000;           // a safety net for the enumeration
constexpr double k_max_answer_combinations = 1e6;         // answer plans: criteria past it are not searched

struct Item {
  std::size_t index = 0;  // in the rubric
  int from = 0;           // the tier now
  double weight = 0;
  int least = 1;  // the fewest steps when it is changed (a gate's requirement can ask more)
  bool forced = false;  // a gate of this tier needs it changed
};

// One tier T' that would do: what its cut-off and gates ask.
struct TierSearch {
  int tier = 0;
  double need = 0;  // how much the weighted sum must fall (relaxed by a rounding margin)
  std::vector<Item> items;
  std::size_t forced = 0;
  std::size_t most_items = 0, most_steps = 0;  // the table's bounds
  std::vector<double> table;  // [(j * (most_items + 1) + c) * (most_steps + 1) + s]
  double& at(std::size_t j, std::size_t c, std::size_t s) {
    return table[(j * (most_items + 1) + c) * (most_steps + 1) + s];
  }
};

constexpr double k_impossible = -1e300;

// The fewest criteria that can lower the weighted sum by need, with the forced ones among
// them; nullopt when even all of them cannot.
std::optional<std::size_t> fewest_criteria(const TierSearch& t) {
  double reach = 0;
  std::vector<double> others;
  for (const auto& item : t.items) {
    const double most = item.weight * (item.from - 1);
    if (item.forced) {
      reach += most;
    } else {
      others.push_back(most);
    }
  }
  std::sort(others.rbegin(), others.rend());
  std::size_t count = t.forced;
  for (std::size_t i = 0; reach < t.need && i < others.size(); ++i, ++count) reach += others[i];
  if (reach < t.need) return std::nullopt;
  return count;
}

// The table of what each suffix of the items can do with exactly c of them and s steps.
bool build_table(TierSearch& t, std::size_t most_items) {
  const std::size_t m = t.items.size();
  t.most_items = std::min(most_items, m);
  int widest = 0;
  for (const auto& item : t.items) widest = std::max(widest, item.from - 1);
  t.most_steps = t.most_items * static_cast<std::size_t>(widest);
  const std::size_t cells = (m + 1) * (t.most_items + 1) * (t.most_steps + 1);
  if (cells > k_max_cells) return false;
  t.table.assign(cells, k_impossible);
  t.at(m, 0, 0) = 0;
  for (std::size_t j = m; j-- > 0;) {
    const Item& item = t.items[j];
    for (std::size_t c = 0; c <= t.most_items; ++c) {
      for (std::size_t s = 0; s <= t.most_steps; ++s) {
        double best = item.forced ? k_impossible : t.at(j + 1, c, s);
        if (c > 0) {
          for (int d = item.least; d < item.from && static_cast<std::size_t>(d) <= s; ++d) {
            const double rest = t.at(j + 1, c - 1, s - static_cast<std::size_t>(d));
            if (rest > k_impossible) best = std::max(best, rest + item.weight * d);
          }
        }
        t.at(j, c, s) = best;
      }
    }
  }
  return true;
}

struct Enumeration {
  const Rubric& rubric;
  std::span<const std::optional<int>> tiers;
  std::size_t max_alternatives = 0;
  ImprovementPlan& plan;
  std::vector<std::optional<int>> trial;
  std::vector<std::pair<std::size_t, int>> chosen;  // item, steps
  std::size_t visits = 0;
  bool stopped = false;
  std::vector<std::vector<std::pair<std::size_t, int>>> ways;  // each way: criterion, steps

  // The ways found, in the order of their criteria in the rubric (the same criteria
  // together, the smallest change first), the first max_alternatives of them in the plan.
  void finish() {
    std::sort(ways.begin(), ways.end(), [](const auto& a, const auto& b) {
      if (a.size() != b.size()) return a.size() < b.size();
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].first != b[i].first) return a[i].first < b[i].first;
      }
      return a < b;
    });
    for (const auto& way : ways) {
      if (plan.alternatives.size() >= max_alternatives) {
        ++plan.more;
        continue;
      }
      Improvement improvement;
      for (const auto& [i, d] : way) {
        improvement.changes.push_back({rubric.criteria[i].id, *tiers[i], *tiers[i] - d});
        trial[i] = *tiers[i] - d;
        improvement.steps += d;
      }
      improvement.result = overall_tier(rubric, trial);
      for (const auto& [i, d] : way) trial[i] = tiers[i];
      plan.alternatives.push_back(std::move(improvement));
    }
  }

  // Every way from item j on with exactly c more criteria and s more steps that lowers the
  // sum by at least still_needed and gives tier t.tier.
  void walk(TierSearch& t, std::size_t j, std::size_t c, std::size_t s, double still_needed) {
    if (stopped) return;
    if (++visits > k_max_visits || ways.size() >= k_max_counted + max_alternatives) {
      stopped = true;
      return;
    }
    if (t.at(j, c, s) < still_needed) return;
    if (j == t.items.size()) {
      const OverallResult result = overall_tier(rubric, trial);
      // Counted once, under the tier it gives (a way to tier 1 also passes tier 2's test).
      if (!result.tier || *result.tier != t.tier) return;
      std::vector<std::pair<std::size_t, int>> way;  // criterion, steps
      for (const auto& [i, d] : chosen) way.emplace_back(t.items[i].index, d);
      ways.push_back(std::move(way));
      return;
    }
    const Item& item = t.items[j];
    if (c > 0) {
      // The smallest change first: each criterion one step, then more.
      for (int d = item.least; d < item.from && static_cast<std::size_t>(d) <= s; ++d) {
        trial[item.index] = item.from - d;
        chosen.emplace_back(j, d);
        walk(t, j + 1, c - 1, s - static_cast<std::size_t>(d), still_needed - item.weight * d);
        chosen.pop_back();
      }
      trial[item.index] = item.from;
    }
    if (!item.forced) walk(t, j + 1, c, s, still_needed);
  }
};

// Past the table's size: the fewest criteria (exact), each lowered as little as the target
// allows, one criterion at a time (not always the fewest steps).
void greedy_plan(const Rubric& rubric, std::span<const std::optional<int>> tiers, int target, TierSearch& t,
                 std::size_t count, ImprovementPlan& plan) {
  std::vector<std::size_t> order(t.items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (t.items[a].forced != t.items[b].forced) return t.items[a].forced;
    return t.items[a].weight * (t.items[a].from - 1) > t.items[b].weight * (t.items[b].from - 1);
  });
  order.resize(count);
  std::sort(order.begin(), order.end());
  std::vector<std::optional<int>> trial(tiers.begin(), tiers.end());
  for (const std::size_t i : order) trial[t.items[i].index] = 1;
  auto reaches = [&] {
    const OverallResult r = overall_tier(rubric, trial);
    return r.tier && *r.tier <= target;
  };
  if (!reaches()) return;
  for (const std::size_t i : order) {
    const Item& item = t.items[i];
    auto& tier = trial[item.index];
    while (*tier + 1 <= item.from - item.least) {
      tier = *tier + 1;
      if (!reaches()) {
        tier = *tier - 1;
        break;
      }
    }
  }
  Improvement improvement;
  improvement.result = overall_tier(rubric, trial);
  for (const std::size_t i : order) {
    const Item& item = t.items[i];
    improvement.changes.push_back({rubric.criteria[item.index].id, item.from, *trial[item.index]});
    improvement.steps += item.from - *trial[item.index];
  }
  plan.alternatives.push_back(std::move(improvement));
}

}  // namespace

ImprovementPlan plan_improvement(const Rubric& rubric, std::span<const std::optional<int>> tiers, int target,
                                 std::size_t max_alternatives) {
  ImprovementPlan plan;
  plan.target = target;
  const std::size_t n = std::min(tiers.size(), rubric.criteria.size());
  {
    const OverallResult now = overall_tier(rubric, tiers);
    // Already there, or not rated overall (a better tier of a rated criterion changes no coverage).
    if (!now.tier || *now.tier <= target) return plan;
  }
  double sum = 0, weights = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!tiers[i]) continue;
    sum += rubric.criteria[i].weight * *tiers[i];
    weights += rubric.criteria[i].weight;
  }
  std::vector<TierSearch> searches;
  for (int tier = 1; tier <= target; ++tier) {
    const Cutoff* cutoff = nullptr;  // the loosest cut-off that gives this tier or better
    for (const auto& c : rubric.overall.cutoffs) {
      if (c.tier <= tier) cutoff = &c;
    }
    if (!cutoff) continue;
    TierSearch t;
    t.tier = tier;
    const double allowed = (cutoff->max_mean + 1e-9) * weights;
    t.need = sum - allowed - 1e-9 * std::max(1.0, std::abs(sum));
    std::vector<int> least(n, 1);
    std::vector<bool> forced(n, false);
    bool possible = true;
    for (const auto& gate : rubric.overall.gates) {
      if (gate.tier != tier) continue;
      for (const auto& req : gate.requirements) {
        const Criterion* c = rubric.find_criterion(req.criterion);
        const auto i = static_cast<std::size_t>(c - rubric.criteria.data());
        if (i >= n || !tiers[i]) {
          possible = false;  // a criterion without a tier cannot meet a gate
        } else if (*tiers[i] > req.tier) {
          forced[i] = true;
          least[i] = std::max(least[i], *tiers[i] - req.tier);
        }
      }
    }
    if (!possible) continue;
    for (std::size_t i = 0; i < n; ++i) {
      if (!tiers[i] || *tiers[i] <= 1) continue;
      t.items.push_back({i, *tiers[i], rubric.criteria[i].weight, least[i], forced[i]});
      if (forced[i]) ++t.forced;
    }
    searches.push_back(std::move(t));
  }
  // The fewest criteria any tier allows.
  std::optional<std::size_t> fewest;
  for (const auto& t : searches) {
    if (const auto count = fewest_criteria(t); count && (!fewest || *count < *fewest)) fewest = count;
  }
  if (!fewest) return plan;  // not reachable: exact
  Enumeration walk{rubric, tiers, max_alternatives, plan, {tiers.begin(), tiers.end()}, {}, 0, false, {}};
  // Rounding can make the table promise what overall_tier refuses: then one criterion more.
  for (std::size_t most = *fewest; most <= n && walk.ways.empty(); ++most) {
    bool tables = true;
    for (auto& t : searches) tables = tables && build_table(t, most);
    if (!tables) {
      for (auto& t : searches) {
        if (fewest_criteria(t) == most) {
          greedy_plan(rubric, tiers, target, t, most, plan);
          if (!plan.alternatives.empty()) break;
        }
      }
      plan.exhaustive = false;
      return plan;
    }
    std::size_t widest = 0;
    for (const auto& t : searches) widest = std::max(widest, t.most_steps);
    for (std::size_t c = *fewest; c <= most && walk.ways.empty(); ++c) {
      for (std::size_t s = c; s <= widest && walk.ways.empty(); ++s) {
        for (auto& t : searches) {
          if (c > t.most_items || s > t.most_steps || t.at(0, c, s) < t.need) continue;
          walk.walk(t, 0, c, s, t.need);
        }
      }
    }
  }
  walk.finish();
  // Stopped with a way found: the smallest is known and only the count is short.
  plan.exhaustive = !(walk.stopped && plan.alternatives.empty());
  plan.more_is_lower_bound = walk.stopped && !plan.alternatives.empty();
  return plan;  // alternatives in rubric order of their criteria, the smallest change first
}

std::optional<AnswerPlan> answers_for_tier(const Criterion& criterion, const std::vector<Answer>& answers, int target) {
  const std::size_t q = criterion.questions.size();
  if (q == 0 || q > 8) return std::nullopt;  // larger criteria are not searched
  // Nor those whose answers combine in more ways than this (8 questions of 5 answers: 390,625).
  double combinations = 1;
  for (const auto& question : criterion.questions) combinations *= static_cast<double>(question.values.size());
  if (combinations > k_max_answer_combinations) return std::nullopt;
  auto current = [&](const std::string& question) -> std::optional<std::string> {
    for (const auto& a : answers) {
      if (a.question == question) return a.value;
    }
    return std::nullopt;
  };
  std::optional<AnswerPlan> best;      // reaches exactly the target
  std::optional<AnswerPlan> fallback;  // reaches a better tier, with as few changes
  auto match_exact = [&](const AnswerPlan& plan) { return plan.match.tier == target; };
  // Subsets of questions by size, each question given every other value; the first
  // combination (in rubric order) of the smallest size that reaches the target wins.
  for (std::size_t k = 1; k <= q && !best && !fallback; ++k) {
    std::vector<std::size_t> pick(k);
    std::vector<std::string> chosen(k);
    std::function<void(std::size_t)> values = [&](std::size_t j) {
      if (best) return;
      if (j == k) {
        std::vector<Answer> trial = answers;
        for (std::size_t m = 0; m < k; ++m) {
          const std::string& id = criterion.questions[pick[m]].id;
          auto it = std::find_if(trial.begin(), trial.end(), [&](const Answer& a) { return a.question == id; });
          if (it != trial.end()) {
            it->value = chosen[m];
          } else {
            trial.push_back({id, chosen[m], {}, {}, {}, {}});
          }
        }
        RuleMatch match = match_rules(criterion, trial);
        if (match.rule_index < 0 || match.tier > target) return;
        AnswerPlan plan;
        for (std::size_t m = 0; m < k; ++m) {
          const std::string& id = criterion.questions[pick[m]].id;
          plan.changes.push_back({criterion.id, id, current(id), chosen[m]});
        }
        plan.match = std::move(match);
        // Prefer the smallest policy change: exactly the target tier over a better one.
        if (match_exact(plan)) {
          best = std::move(plan);
        } else if (!fallback) {
          fallback = std::move(plan);
        }
        return;
      }
      const Question& question = criterion.questions[pick[j]];
      for (const auto& value : question.values) {
        if (value == current(question.id)) continue;
        chosen[j] = value;
        values(j + 1);
      }
    };
    std::function<void(std::size_t, std::size_t)> subset = [&](std::size_t start, std::size_t depth) {
      if (best) return;
      if (depth == k) {
        values(0);
        return;
      }
      for (std::size_t s = start; s + (k - depth) <= q; ++s) {
        pick[depth] = s;
        subset(s + 1, depth + 1);
      }
    };
    subset(0, 0);
  }
  return best ? best : fallback;
}

Coverage coverage(const Rubric& rubric, const JurisdictionScore& score) {
  Coverage c;
  c.criteria = rubric.criteria.size();
  const Jurisdiction& j = score.jurisdiction;
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    const Criterion& criterion = rubric.criteria[i];
    for (const auto& q : criterion.questions) c.questions += q.scored ? 1 : 0;
    if (i < score.criteria.size()) {
      const CriterionResult& r = score.criteria[i];
      if (r.tier) ++c.rated;
      if (r.origin == Origin::recorded) ++c.recorded;
      if (r.origin == Origin::computed) ++c.computed;
      if (r.origin == Origin::what_if && r.tier) ++c.what_if;
    }
    const CriterionData* data = j.find_criterion(criterion.id);
    if (!data) continue;
    for (const auto& a : data->answers) {
      const Question* q = criterion.find_question(a.question);
      if (!q || !q->scored) continue;
      (a.value == k_unclear ? c.unclear : c.answered) += 1;
    }
  }
  return c;
}

WhatIfParse parse_what_if(const std::string& text, const Rubric& rubric) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    return {std::nullopt, fmt::format("invalid --what-if \"{}\"; expected CRITERION=TIER or QUESTION=ANSWER", text)};
  }
  const std::string key = text.substr(0, eq);
  const std::string value = text.substr(eq + 1);
  WhatIf w;
  w.text = text;
  // The criteria that ask QUESTION (or CRITERION.QUESTION).
  std::string criterion_id;
  std::string question_id = key;
  if (const auto dot = key.find('.'); dot != std::string::npos) {
    criterion_id = key.substr(0, dot);
    question_id = key.substr(dot + 1);
  }
  std::vector<const Criterion*> owners;
  for (const auto& c : rubric.criteria) {
    if (c.find_question(question_id) && (criterion_id.empty() || criterion_id == c.id)) owners.push_back(&c);
  }
  // CRITERION=TIER, unless the value is no tier and a question has the same id.
  if (const Criterion* c = rubric.find_criterion(key)) {
    const auto tier = rubric.parse_tier(value);
    if (tier) {
      w.criterion = c->id;
      w.tier = *tier;
      return {w, {}};
    }
    if (owners.empty()) {
      return {std::nullopt, fmt::format("invalid --what-if \"{}\": \"{}\" is not a tier ({})", text, value,
                                        rubric.tier_choices())};
    }
  }
  if (owners.empty()) {
    return {std::nullopt, fmt::format("invalid --what-if \"{}\": \"{}\" is neither a criterion nor a question{}", text,
                                      key, did_you_mean(key, rubric.what_if_keys()))};
  }
  if (owners.size() > 1) {
    return {std::nullopt, fmt::format("invalid --what-if \"{}\": several criteria ask \"{}\"; write CRITERION.{}", text,
                                      question_id, question_id)};
  }
  const Question* q = owners[0]->find_question(question_id);
  if (value != k_unclear && std::find(q->values.begin(), q->values.end(), value) == q->values.end()) {
    return {std::nullopt, fmt::format("invalid --what-if \"{}\": \"{}\" is not an answer to \"{}\"; expected one of "
                                      "{}, {}{}",
                                      text, value, q->id, join(q->values, ", "), k_unclear, did_you_mean(value, q->values))};
  }
  w.criterion = owners[0]->id;
  w.question = q->id;
  w.answer = value;
  return {w, {}};
}

bool rules_read(const Criterion& criterion, std::string_view question) {
  auto reads = [question](const std::vector<Condition>& conditions) {
    return std::any_of(conditions.begin(), conditions.end(), [question](const Condition& c) { return c.question == question; });
  };
  return std::any_of(criterion.rules.begin(), criterion.rules.end(),
                     [&](const Rule& rule) { return reads(rule.when) || reads(rule.when_any); });
}

WhatIfScore score_what_if(const Rubric& rubric, Jurisdiction j, const std::vector<WhatIf>& what_ifs,
                          const ScoreOptions& options) {
  WhatIfScore out;
  out.moved.assign(what_ifs.size(), false);
  resolve_ratings(rubric, j);
  // Answers only: the recorded tiers are set aside first, so that a tier a what-if sets
  // still counts.
  std::vector<std::pair<std::string, int>> set_aside;
  if (options.answers_only) {
    for (auto& c : j.criteria) {
      if (c.rating) set_aside.emplace_back(c.id, *c.rating);
      c.rating.reset();
    }
  }
  // Each criterion a what-if touches: its state before the what-ifs, and what they did. The
  // what-ifs on one criterion apply in order, and are judged together at the end: answers
  // that only together decide a tier count together.
  struct Touched {
    std::string criterion;
    CriterionData original;
    bool had_entry = false;
    bool answers_changed = false;  // since the last tier what-if
    bool tier_last = false;        // a tier what-if came after every answer what-if
    std::vector<std::size_t> what_ifs;
  };
  std::vector<Touched> touched;
  auto entry = [&](const std::string& id) -> CriterionData& {
    for (auto& c : j.criteria) {
      if (c.id == id) return c;
    }
    j.criteria.push_back({});
    j.criteria.back().id = id;
    j.criteria.back().is_mapping = true;
    return j.criteria.back();
  };
  for (std::size_t i = 0; i < what_ifs.size(); ++i) {
    const WhatIf& w = what_ifs[i];
    const Criterion* criterion = rubric.find_criterion(w.criterion);
    if (!criterion) continue;  // parse_what_if names only the rubric's criteria
    if (!w.tier && !rules_read(*criterion, w.question)) continue;  // an answer no rule reads moves nothing
    auto t = std::find_if(touched.begin(), touched.end(), [&](const Touched& x) { return x.criterion == w.criterion; });
    if (t == touched.end()) {
      Touched fresh;
      fresh.criterion = w.criterion;
      fresh.had_entry = j.find_criterion(w.criterion) != nullptr;
      if (const CriterionData* d = j.find_criterion(w.criterion)) fresh.original = *d;
      touched.push_back(std::move(fresh));
      t = touched.end() - 1;
    }
    t->what_ifs.push_back(i);
    CriterionData& data = entry(w.criterion);
    if (w.tier) {
      data.rating = *w.tier;
      t->tier_last = true;
      continue;
    }
    data.has_answers = true;
    bool found = false;
    for (auto& a : data.answers) {
      if (a.question == w.question) {
        // The what-if's answer is the file's own now: it no longer comes from elsewhere.
        a.value = w.answer;
        a.from = nullptr;
        a.own.clear();
        found = true;
      }
    }
    if (!found) data.answers.push_back({w.question, w.answer, {}, {}, {}, {}});
    t->answers_changed = true;
    t->tier_last = false;
  }
  std::vector<std::string> set;  // criteria whose tier now comes from a what-if
  for (const Touched& t : touched) {
    const Criterion* criterion = rubric.find_criterion(t.criterion);
    CriterionData& data = entry(t.criterion);
    // Tiers are numbered from 1, so 0 stands for "not rated" (a plain int: g++ 12 warns that an
    // optional<int> chosen by ?: "may be used uninitialized").
    const int before = t.had_entry ? score_criterion(*criterion, &t.original).tier.value_or(0) : 0;
    bool from_what_if = t.tier_last;
    if (!t.tier_last && t.answers_changed) {
      // The tier is computed from the answers, unless the criterion had answers and the same
      // rule still matches (or the same tiers stay open), or the answers decide no tier and
      // a tier is recorded (by the file or a what-if): then that tier stands, and no answer
      // is made up.
      const RuleMatch match_before = match_rules(*criterion, t.original.answers);
      const RuleMatch match_after = match_rules(*criterion, data.answers);
      const bool same = t.original.has_answers && match_after.rule_index == match_before.rule_index &&
                        match_after.possible == match_before.possible;
      if (same || (!match_after.decided() && data.rating)) {
        const std::optional<int> rating = data.rating;
        data.answers = t.original.answers;
        data.has_answers = t.original.has_answers;
        data.rating = rating;
        from_what_if = rating != t.original.rating;  // a tier what-if before the answers still counts
      } else {
        data.rating.reset();
        from_what_if = true;
      }
    }
    if (from_what_if) set.push_back(t.criterion);
    const bool moved = score_criterion(*criterion, &data).tier.value_or(0) != before;
    for (std::size_t i : t.what_ifs) out.moved[i] = out.moved[i] || moved;
  }
  out.score = score_jurisdiction(rubric, std::move(j));
  for (auto& r : out.score.criteria) {
    for (const auto& [id, tier] : set_aside) {
      if (id == r.criterion) r.set_aside = tier;
    }
  }
  for (auto& r : out.score.criteria) {
    // Also a criterion the changed answers leave not rated: its "no tier" is hypothetical too.
    if (std::find(set.begin(), set.end(), r.criterion) != set.end()) {
      r.from_answers = r.origin == Origin::computed || r.origin == Origin::missing;
      r.origin = Origin::what_if;
    }
  }
  return out;
}

}  // namespace scorecard

namespace scorecard {
namespace {

const std::vector<Answer>* answers_of(const Jurisdiction& j, const std::string& criterion) {
  const CriterionData* d = j.find_criterion(criterion);
  return d && d->has_answers ? &d->answers : nullptr;
}

std::optional<CutoffBand> band_of(const Rubric& rubric, const OverallResult& r) {
  if (!r.tier) return std::nullopt;
  CutoffBand band;
  band.tier = r.mean_tier;
  std::optional<double> lower;
  for (const auto& cut : rubric.overall.cutoffs) {
    if (cut.tier == r.mean_tier) {
      band.above = lower;
      band.at_most = cut.max_mean;
      return band;
    }
    lower = cut.max_mean;
  }
  band.above = lower;
  return band;
}

ExplainedPlan explained_plan(const Rubric& rubric, const Jurisdiction& j, const ImprovementPlan& plan) {
  ExplainedPlan out{plan.target, {}, plan.more, plan.exhaustive, plan.more_is_lower_bound};
  // The same criterion raised to the same tier in many alternatives is searched once.
  std::map<std::pair<std::string, int>, std::optional<AnswerPlan>> searched;
  for (const auto& imp : plan.alternatives) {
    ExplainedImprovement e{{}, imp.steps, imp.result};
    for (const auto& change : imp.changes) {
      PlannedChange planned{change, std::nullopt};
      if (const auto* answers = answers_of(j, change.criterion)) {
        const auto key = std::make_pair(change.criterion, change.to);
        auto it = searched.find(key);
        if (it == searched.end()) {
          it = searched.emplace(key, answers_for_tier(*rubric.find_criterion(change.criterion), *answers, change.to)).first;
        }
        planned.answers = it->second;
      }
      e.changes.push_back(std::move(planned));
    }
    out.alternatives.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Explanation explain(const Rubric& rubric, const JurisdictionScore& s) {
  Explanation e;
  const Jurisdiction& j = s.jurisdiction;
  e.id = j.id;
  e.name = j.name;
  e.state = j.state;
  e.overall = s.overall;
  std::vector<std::optional<int>> tiers;
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    const Criterion& c = rubric.criteria[i];
    const CriterionResult& r = s.criteria[i];
    tiers.push_back(r.tier);
    if (!r.tier) e.unrated.push_back(c.id);
    if (r.tier) {
      e.terms.push_back({c.id, c.weight, *r.tier});
      e.weight_sum += c.weight;
      e.weighted_sum += c.weight * *r.tier;
    }
    CriterionExplanation ce{c.id,           r.tier,  r.origin,       r.computed ? std::optional<RuleMatch>(*r.computed) : std::nullopt,
                            std::nullopt,   {},      {},             r.from_answers,
                            r.in_file,      r.set_aside,    {},      {},
                            r.not_yet};
    if (const auto* answers = answers_of(j, c.id); answers && r.tier && *r.tier > 1) {
      ce.next = answers_for_tier(c, *answers, *r.tier - 1);
    }
    if (const CriterionData* data = j.find_criterion(c.id)) {
      if (data->not_yet) ce.first_state = std::string(data->since());
      for (const auto& ref : data->sources) ce.sources.push_back(ref.id);
      if (r.disagrees()) ce.disagreement = data->disagreement;
      for (const auto& a : data->answers) {
        if (a.inherited()) ce.inherited.push_back(a);
      }
    }
    e.criteria.push_back(std::move(ce));
  }
  e.band = band_of(rubric, s.overall);
  if (!s.overall.tier) {
    const CriteriaCoverage& cov = s.overall.coverage;
    e.rate_at_least = std::max(cov.missing.size(), cov.needed > cov.rated ? cov.needed - cov.rated : std::size_t{0});
  }
  e.coverage = coverage(rubric, s);
  if (s.overall.tier && *s.overall.tier > 1) {
    e.plans.push_back(explained_plan(rubric, j, plan_improvement(rubric, tiers, *s.overall.tier - 1)));
    if (*s.overall.tier - 1 > 1) e.plans.push_back(explained_plan(rubric, j, plan_improvement(rubric, tiers, 1)));
  }
  return e;
}

}  // namespace scorecard
