// explain, what-if changes and rubric impact.

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <scorecard/explain.hpp>
#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace {

using Json = nlohmann::ordered_json;

std::string num(double value) { return fmt::format("{:g}", value); }

std::vector<std::optional<int>> tiers_of(const JurisdictionScore& s) {
  std::vector<std::optional<int>> tiers;
  for (const auto& c : s.criteria) tiers.push_back(c.tier);
  return tiers;
}

// "(2×1 + 2×3 + 1×3 ...) / 11 = 18/11 = 1.636"
std::string arithmetic(const Rubric& rubric, const std::vector<std::optional<int>>& tiers) {
  std::vector<std::string> terms;
  double sum = 0;
  double weights = 0;
  for (std::size_t i = 0; i < rubric.criteria.size() && i < tiers.size(); ++i) {
    if (!tiers[i]) continue;
    terms.push_back(fmt::format("{}×{}", num(rubric.criteria[i].weight), *tiers[i]));
    sum += rubric.criteria[i].weight * *tiers[i];
    weights += rubric.criteria[i].weight;
  }
  if (weights <= 0) return "no criterion has a tier";
  return fmt::format("({}) / {} = {}/{} = {}", join(terms, " + "), num(weights), num(sum), num(weights),
                     format_mean(sum / weights));
}

std::string cutoff_text(const Rubric& rubric, const OverallResult& r) {
  if (!r.tier) return {};
  double lower = -1;
  for (const auto& cut : rubric.overall.cutoffs) {
    if (cut.tier == r.mean_tier) {
      return lower < 0 ? fmt::format("{} is at most {:.2f}: tier {}", format_mean(r.mean), cut.max_mean, cut.tier)
                       : fmt::format("{} is above {:.2f} and at most {:.2f}: tier {}", format_mean(r.mean), lower,
                                     cut.max_mean, cut.tier);
    }
    lower = cut.max_mean;
  }
  return fmt::format("{} is above {:.2f}: tier {}", format_mean(r.mean), lower, r.mean_tier);
}

std::string title_of(const Rubric& rubric, const std::string& id) {
  const Criterion* c = rubric.find_criterion(id);
  return c ? c->title : id;
}

std::string tier_name(const Rubric& rubric, int tier) {
  const Tier* t = rubric.find_tier(tier);
  return t ? fmt::format("{} {}", tier, t->label) : std::to_string(tier);
}

std::string coverage_text(const Coverage& c) {
  return fmt::format("{} of {} criteria rated ({} recorded, {} computed from answers); {} of {} questions answered, {} "
                     "unclear",
                     c.rated, c.criteria, c.recorded, c.computed, c.answered, c.questions, c.unclear);
}

std::string change_text(const AnswerChange& a) { return fmt::format("{}: {} -> {}", a.question, a.from, a.to); }

const std::vector<Answer>* answers_of(const JurisdictionScore& s, const std::string& criterion) {
  const CriterionData* d = s.jurisdiction.find_criterion(criterion);
  return d && d->has_answers ? &d->answers : nullptr;
}

// The plans explain shows: the next tier up and, when different, the top tier.
std::vector<ImprovementPlan> plans_for(const Rubric& rubric, const JurisdictionScore& s) {
  std::vector<ImprovementPlan> plans;
  if (!s.overall.tier || *s.overall.tier <= 1) return plans;
  const auto tiers = tiers_of(s);
  plans.push_back(plan_improvement(rubric, tiers, *s.overall.tier - 1));
  if (*s.overall.tier - 1 > 1) plans.push_back(plan_improvement(rubric, tiers, 1));
  return plans;
}

void text_plan(const Rubric& rubric, const JurisdictionScore& s, const ImprovementPlan& plan, std::ostream& out) {
  out << "  To reach " << tier_name(rubric, plan.target) << ":\n";
  if (plan.alternatives.empty()) {
    out << "    not reachable by improving the rated criteria\n";
    return;
  }
  const Improvement& first = plan.alternatives.front();
  const std::size_t ways = plan.alternatives.size() + plan.more;
  out << fmt::format("    {} criteri{}, {} tier step{}; {}\n", first.changes.size(),
                     first.changes.size() == 1 ? "on" : "a", first.steps, first.steps == 1 ? "" : "s",
                     ways == 1 ? "the only way this small" : fmt::format("{} equally small ways", ways));
  for (std::size_t n = 0; n < plan.alternatives.size(); ++n) {
    const Improvement& imp = plan.alternatives[n];
    std::vector<std::string> parts;
    for (const auto& c : imp.changes) parts.push_back(fmt::format("{} {} -> {}", title_of(rubric, c.criterion), c.from, c.to));
    out << "    " << (plan.alternatives.size() > 1 ? fmt::format("{}. ", n + 1) : std::string("- ")) << "raise "
        << join(parts, ", ") << " (weighted mean " << format_mean(imp.result.mean) << ")\n";
    for (const auto& c : imp.changes) {
      const auto* answers = answers_of(s, c.criterion);
      if (!answers) continue;
      const Criterion* criterion = rubric.find_criterion(c.criterion);
      if (auto a = answers_for_tier(*criterion, *answers, c.to)) {
        std::vector<std::string> changes;
        for (const auto& change : a->changes) changes.push_back(change_text(change));
        out << "       " << criterion->title << " answers: " << join(changes, "; ") << " (rule "
            << a->match.rule_index + 1 << ")\n";
      }
    }
  }
  if (plan.more > 0) out << fmt::format("    ... and {} more as small\n", plan.more);
  if (!plan.exhaustive) out << "    (the rubric has too many criteria to search every combination)\n";
}

Json json_plan(const Rubric& rubric, const JurisdictionScore& s, const ImprovementPlan& plan) {
  Json alternatives = Json::array();
  for (const auto& imp : plan.alternatives) {
    Json changes = Json::array();
    for (const auto& c : imp.changes) {
      Json change = {{"criterion", c.criterion}, {"from", c.from}, {"to", c.to}, {"answers", nullptr}};
      if (const auto* answers = answers_of(s, c.criterion)) {
        if (auto a = answers_for_tier(*rubric.find_criterion(c.criterion), *answers, c.to)) {
          Json list = Json::array();
          for (const auto& x : a->changes) list.push_back({{"question", x.question}, {"from", x.from}, {"to", x.to}});
          change["answers"] = {{"changes", list}, {"rule", a->match.rule_index + 1}};
        }
      }
      changes.push_back(change);
    }
    alternatives.push_back({{"changes", changes},
                            {"criteria", imp.changes.size()},
                            {"steps", imp.steps},
                            {"mean", std::round(imp.result.mean * 1000.0) / 1000.0},
                            {"tier", imp.result.tier ? Json(*imp.result.tier) : Json(nullptr)}});
  }
  return {{"target", plan.target},
          {"reachable", !plan.alternatives.empty()},
          {"alternatives", alternatives},
          {"more", plan.more},
          {"exhaustive", plan.exhaustive}};
}

}  // namespace

void render_explain_text(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                         const RenderOptions& options, std::ostream& out) {
  for (std::size_t n = 0; n < scores.size(); ++n) {
    const auto& s = scores[n];
    if (n > 0) out << '\n' << std::string(72, '-') << "\n\n";
    out << s.jurisdiction.name << (s.jurisdiction.state.empty() ? "" : ", " + s.jurisdiction.state) << '\n';
    out << "Overall: "
        << (s.overall.tier ? detail::paint(rubric, *s.overall.tier, tier_name(rubric, *s.overall.tier), options)
                           : std::string("not rated"))
        << '\n';
    const auto tiers = tiers_of(s);
    out << "  weighted mean = " << arithmetic(rubric, tiers) << '\n';
    if (s.overall.tier) out << "  " << cutoff_text(rubric, s.overall) << '\n';
    for (const auto& g : s.overall.gates) out << "  gate: " << g << '\n';
    out << "Coverage: " << coverage_text(coverage(rubric, s.jurisdiction)) << "\n\nCriteria\n";
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
      const Criterion& c = rubric.criteria[i];
      const CriterionResult& r = s.criteria[i];
      out << "  " << c.title << ": "
          << (r.tier ? detail::paint(rubric, *r.tier, tier_name(rubric, *r.tier), options) : std::string("not rated"))
          << '\n';
      if (r.origin == Origin::recorded) {
        out << "    recorded";
        if (r.computed) {
          out << fmt::format("; its answers give tier {} (rule {}{})", r.computed->tier, r.computed->rule_index + 1,
                             r.computed->reasons.empty() ? "" : ": " + join(r.computed->reasons, ", "));
        }
        out << '\n';
      } else if (r.origin == Origin::computed) {
        out << fmt::format("    computed: rule {} matched{}\n", r.computed->rule_index + 1,
                           r.computed->reasons.empty() ? " (no earlier rule did)"
                                                       : " because " + join(r.computed->reasons, " and "));
      }
      const auto* answers = answers_of(s, c.id);
      if (answers && r.tier && *r.tier > 1) {
        if (auto a = answers_for_tier(c, *answers, *r.tier - 1)) {
          std::vector<std::string> changes;
          for (const auto& change : a->changes) changes.push_back(change_text(change));
          out << fmt::format("    to reach tier {}: {} (rule {})\n", a->match.tier, join(changes, "; "),
                             a->match.rule_index + 1);
        }
      }
      const CriterionData* data = s.jurisdiction.find_criterion(c.id);
      if (data && !data->sources.empty()) {
        std::vector<std::string> ids;
        for (const auto& ref : data->sources) ids.push_back(ref.id);
        out << "    sources: " << join(ids, ", ") << '\n';
      }
    }
    out << "\nWhat it takes\n";
    const auto plans = plans_for(rubric, s);
    if (plans.empty()) out << "  Already at the top tier.\n";
    for (const auto& plan : plans) text_plan(rubric, s, plan, out);
  }
}

void render_explain_markdown(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out) {
  for (std::size_t n = 0; n < scores.size(); ++n) {
    const auto& s = scores[n];
    if (n > 0) out << '\n';
    out << "## " << detail::markdown_text(s.jurisdiction.name) << "\n\n**Overall:** "
        << detail::markdown_text(s.overall.tier ? tier_name(rubric, *s.overall.tier) : "not rated") << "\n\n"
        << "- Weighted mean: " << detail::markdown_text(arithmetic(rubric, tiers_of(s))) << '\n';
    if (s.overall.tier) out << "- " << detail::markdown_text(cutoff_text(rubric, s.overall)) << '\n';
    for (const auto& g : s.overall.gates) out << "- Gate: " << detail::markdown_text(g) << '\n';
    out << "- Coverage: " << detail::markdown_text(coverage_text(coverage(rubric, s.jurisdiction))) << "\n\n"
        << "| Criterion | Tier | How |\n|:---|:---|:---|\n";
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
      const CriterionResult& r = s.criteria[i];
      std::string how(to_string(r.origin));
      if (r.computed) {
        how += fmt::format("; rule {}{}", r.computed->rule_index + 1,
                           r.computed->reasons.empty() ? "" : ": " + join(r.computed->reasons, ", "));
      }
      out << "| " << detail::markdown_text(rubric.criteria[i].title) << " | "
          << detail::markdown_text(r.tier ? tier_name(rubric, *r.tier) : "not rated") << " | "
          << detail::markdown_text(how) << " |\n";
    }
    out << "\n### What it takes\n\n";
    const auto plans = plans_for(rubric, s);
    if (plans.empty()) out << "Already at the top tier.\n";
    for (const auto& plan : plans) {
      out << "**To reach " << detail::markdown_text(tier_name(rubric, plan.target)) << ":**";
      if (plan.alternatives.empty()) {
        out << " not reachable by improving the rated criteria.\n\n";
        continue;
      }
      out << "\n\n";
      for (const auto& imp : plan.alternatives) {
        std::vector<std::string> parts;
        for (const auto& c : imp.changes) parts.push_back(fmt::format("{} {} → {}", title_of(rubric, c.criterion), c.from, c.to));
        out << "- raise " << detail::markdown_text(join(parts, ", ")) << " (weighted mean " << format_mean(imp.result.mean)
            << ")\n";
      }
      if (plan.more > 0) out << fmt::format("- … and {} more as small\n", plan.more);
      out << '\n';
    }
  }
}

void render_explain_json(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out) {
  Json list = Json::array();
  for (const auto& s : scores) {
    const Coverage c = coverage(rubric, s.jurisdiction);
    Json criteria = Json::array();
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
      const CriterionResult& r = s.criteria[i];
      Json item = {{"id", rubric.criteria[i].id},
                   {"tier", r.tier ? Json(*r.tier) : Json(nullptr)},
                   {"origin", std::string(to_string(r.origin))},
                   {"rule", r.computed ? Json(r.computed->rule_index + 1) : Json(nullptr)},
                   {"reasons", r.computed ? Json(r.computed->reasons) : Json::array()},
                   {"next", nullptr}};
      const auto* answers = answers_of(s, rubric.criteria[i].id);
      if (answers && r.tier && *r.tier > 1) {
        if (auto a = answers_for_tier(rubric.criteria[i], *answers, *r.tier - 1)) {
          Json changes = Json::array();
          for (const auto& x : a->changes) changes.push_back({{"question", x.question}, {"from", x.from}, {"to", x.to}});
          item["next"] = {{"tier", a->match.tier}, {"rule", a->match.rule_index + 1}, {"changes", changes}};
        }
      }
      criteria.push_back(item);
    }
    Json plans = Json::array();
    for (const auto& plan : plans_for(rubric, s)) plans.push_back(json_plan(rubric, s, plan));
    list.push_back({{"id", s.jurisdiction.id},
                    {"name", s.jurisdiction.name},
                    {"overall",
                     {{"tier", s.overall.tier ? Json(*s.overall.tier) : Json(nullptr)},
                      {"mean", std::round(s.overall.mean * 1000.0) / 1000.0},
                      {"arithmetic", arithmetic(rubric, tiers_of(s))},
                      {"mean_tier", s.overall.mean_tier},
                      {"gates", s.overall.gates}}},
                    {"coverage",
                     {{"criteria", c.criteria},
                      {"rated", c.rated},
                      {"recorded", c.recorded},
                      {"computed", c.computed},
                      {"questions", c.questions},
                      {"answered", c.answered},
                      {"unclear", c.unclear}}},
                    {"criteria", criteria},
                    {"what_it_takes", plans}});
  }
  out << Json{{"rubric", {{"id", rubric.id}, {"version", rubric.version}}}, {"jurisdictions", list}}.dump(2) << '\n';
}

void render_what_if_changes(const Rubric& rubric, const std::vector<JurisdictionScore>& before,
                            const std::vector<JurisdictionScore>& after, std::ostream& out) {
  std::map<std::string, const JurisdictionScore*> old;
  for (const auto& s : before) old[s.jurisdiction.id] = &s;
  std::size_t changed = 0;
  out << "\nWhat if:\n";
  for (const auto& s : after) {
    const auto it = old.find(s.jurisdiction.id);
    if (it == old.end()) continue;
    std::vector<std::string> parts;
    auto tier = [](const std::optional<int>& t) { return t ? std::to_string(*t) : std::string("none"); };
    if (it->second->overall.tier != s.overall.tier) {
      parts.push_back(fmt::format("overall {} -> {}", tier(it->second->overall.tier), tier(s.overall.tier)));
    }
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
      if (it->second->criteria[i].tier != s.criteria[i].tier) {
        parts.push_back(fmt::format("{} {} -> {}", rubric.criteria[i].id, tier(it->second->criteria[i].tier),
                                    tier(s.criteria[i].tier)));
      }
    }
    if (parts.empty()) continue;
    ++changed;
    out << "  " << s.jurisdiction.name << ": " << join(parts, ", ") << '\n';
  }
  if (changed == 0) out << "  no tier changes\n";
}

void render_rubric_impact(const Rubric& old_rubric, const std::vector<JurisdictionScore>& before,
                          const Rubric& new_rubric, const std::vector<JurisdictionScore>& after, std::ostream& out) {
  std::map<std::string, const JurisdictionScore*> old;
  for (const auto& s : before) old[s.jurisdiction.id] = &s;
  out << fmt::format("Impact of rubric {} {} (was {} {}) on {} jurisdiction{}\n\n", new_rubric.id, new_rubric.version,
                     old_rubric.id, old_rubric.version, after.size(), after.size() == 1 ? "" : "s");
  std::vector<std::vector<std::string>> rows;
  auto tier = [](const std::optional<int>& t) { return t ? std::to_string(*t) : std::string("—"); };
  for (const auto& s : after) {
    const auto it = old.find(s.jurisdiction.id);
    if (it == old.end()) continue;
    std::vector<std::string> criteria;
    for (std::size_t i = 0; i < new_rubric.criteria.size(); ++i) {
      const Criterion* c = old_rubric.find_criterion(new_rubric.criteria[i].id);
      const std::optional<int> was =
          c ? it->second->criteria[static_cast<std::size_t>(c - old_rubric.criteria.data())].tier : std::nullopt;
      if (was != s.criteria[i].tier) criteria.push_back(fmt::format("{} {} -> {}", new_rubric.criteria[i].id, tier(was), tier(s.criteria[i].tier)));
    }
    const bool overall = it->second->overall.tier != s.overall.tier;
    if (!overall && criteria.empty()) continue;
    std::string direction = "same";
    if (overall) direction = s.overall.tier.value_or(99) < it->second->overall.tier.value_or(99) ? "better" : "worse";
    rows.push_back({s.jurisdiction.name, tier(it->second->overall.tier), tier(s.overall.tier), direction,
                    criteria.empty() ? "—" : join(criteria, ", ")});
  }
  if (rows.empty()) {
    out << "No jurisdiction changes tier.\n";
    return;
  }
  std::vector<std::string> header = {"Jurisdiction", "Was", "Now", "Overall", "Criteria"};
  std::vector<std::size_t> width(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    width[i] = display_width(header[i]);
    for (const auto& r : rows) width[i] = std::max(width[i], display_width(r[i]));
  }
  auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "  " : "") + detail::pad(cells[i], i + 1 == cells.size() ? 0 : width[i]);
    out << line << '\n';
  };
  emit(header);
  for (const auto& r : rows) emit(r);
  out << fmt::format("\n{} of {} jurisdictions change\n", rows.size(), after.size());
}

}  // namespace scorecard
