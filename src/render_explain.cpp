// explain (text, Markdown, JSON) from an Explanation; what-if changes and rubric impact
// from the tier changes the diff module computes.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <scorecard/explain.hpp>
#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "json_writer.hpp"
#include "render_detail.hpp"

namespace scorecard {
namespace {

std::string num(double value) { return fmt::format("{:g}", value); }

// "(2×1 + 2×3 + 1×3 ...) / 11 = 18/11 = 1.636"
std::string arithmetic(const Explanation& e) {
  if (!e.overall.rated()) return "none, as it is not rated (" + detail::coverage_text(e.overall.coverage) + ")";
  if (e.terms.empty()) return "no criterion has a tier";
  std::vector<std::string> terms;
  for (const auto& t : e.terms) terms.push_back(fmt::format("{}×{}", num(t.weight), t.tier));
  return fmt::format("({}) / {} = {}/{} = {}", join(terms, " + "), num(e.weight_sum), num(e.weighted_sum),
                     num(e.weight_sum), format_mean(e.overall.mean));
}

std::string band_text(const Explanation& e) {
  if (!e.band) return {};
  const CutoffBand& b = *e.band;
  const std::string mean = format_mean(e.overall.mean);
  if (!b.at_most) return fmt::format("{} is above {:.2f}: tier {}", mean, b.above.value_or(0), b.tier);
  if (!b.above) return fmt::format("{} is at most {:.2f}: tier {}", mean, *b.at_most, b.tier);
  return fmt::format("{} is above {:.2f} and at most {:.2f}: tier {}", mean, *b.above, *b.at_most, b.tier);
}

std::string tier_name(const Rubric& rubric, int tier) {
  const Tier* t = rubric.find_tier(tier);
  return t ? fmt::format("{} {}", tier, t->label) : std::to_string(tier);
}

std::string coverage_text(const Coverage& c) {
  const std::size_t unanswered = c.questions >= c.answered + c.unclear ? c.questions - c.answered - c.unclear : 0;
  return fmt::format("{} of {} criteri{} rated ({} recorded, {} computed from answers{}); {} of {} deciding questions "
                     "answered, {} unclear{}",
                     c.rated, c.criteria, c.criteria == 1 ? "on" : "a", c.recorded, c.computed,
                     c.what_if ? fmt::format(", {} set by a what-if", c.what_if) : "", c.answered, c.questions, c.unclear,
                     unanswered ? fmt::format(", {} unanswered", unanswered) : "");
}

std::string answer_changes(const AnswerPlan& plan) {
  std::vector<std::string> changes;
  for (const auto& change : plan.changes) changes.push_back(detail::answer_change_text(change, false));
  return join(changes, "; ");
}

bool hypothetical(const Explanation& e) {
  return std::any_of(e.criteria.begin(), e.criteria.end(),
                     [](const CriterionExplanation& c) { return c.origin == Origin::what_if; });
}

// The criterion's result, as the words helpers read it.
CriterionResult result_of(const CriterionExplanation& c) {
  CriterionResult r;
  r.criterion = c.criterion;
  r.tier = c.tier;
  r.origin = c.origin;
  if (c.computed) r.computed = *c.computed;
  r.from_answers = c.from_answers;
  r.in_file = c.in_file;
  r.set_aside = c.set_aside;
  r.not_yet = c.not_yet;
  return r;
}

std::string matched_text(const RuleMatch& m) {
  if (m.every_answer) return fmt::format("every answer to its open questions gives tier {}", m.tier);
  return fmt::format("rule {} matched{}{}", m.rule_index + 1,
                     m.held.empty() ? " (no earlier rule did)" : " because " + detail::held_text(m.held, " and "),
                     m.open.empty() ? "" : "; the open questions cannot change it");
}

// "recorded; its answers give the same tier (rule 3)", "computed: rule 2 matched because q is a",
// "not rated: 2 of 2 deciding questions unclear; tiers 1, 2 or 3 possible"
std::string how_text(const CriterionExplanation& c) {
  const std::string set_aside =
      c.set_aside ? fmt::format(" (recorded tier {} set aside: answers only)", *c.set_aside) : "";
  if (!c.tier) {
    std::string reason = detail::not_rated_reason(result_of(c), c.first_state);
    if (c.computed && !c.computed->decided()) {
      return fmt::format("{}; {}", reason, detail::possible_tiers_text(*c.computed));
    }
    return reason;
  }
  if (c.origin == Origin::recorded) {
    if (!c.computed) return "recorded";
    return "recorded; " + detail::answers_give_text(*c.computed, c.tier) +
           (c.disagreement.empty() ? "" : "; kept because: " + c.disagreement);
  }
  if (c.origin == Origin::what_if) {
    if (!c.computed) return "set by a what-if (hypothetical)";
    if (!c.from_answers) return "set by a what-if (hypothetical); " + detail::answers_give_text(*c.computed, c.tier);
    return "computed from answers a what-if changed (hypothetical): " + matched_text(*c.computed);
  }
  return "computed: " + matched_text(*c.computed) + set_aside;
}

// how_text, then where its answers that are not the file's own come from.
std::string with_inherited(const CriterionExplanation& c) {
  std::string text = how_text(c);
  for (const auto& line : detail::inherited_lines(c.inherited)) text += "; answers: " + line;
  return text;
}

// A criterion without a tier whose answers leave questions open: what would rate it.
std::optional<std::string> to_rate_text(const CriterionExplanation& c) {
  if (c.tier || !c.computed || c.computed->open.empty()) return std::nullopt;
  return fmt::format("to rate it: answer {} (or record a rating)", join(c.computed->open, ", "));
}

std::string next_text(const AnswerPlan& next) {
  return fmt::format("to reach tier {}: {} (rule {})", next.match.tier, answer_changes(next), next.match.rule_index + 1);
}

// "3 criteria, 6 tier steps; the only way this small"
std::string plan_size_text(const ExplainedPlan& plan) {
  const ExplainedImprovement& first = plan.alternatives.front();
  const std::size_t ways = plan.alternatives.size() + plan.more;
  return fmt::format("{} criteri{}, {} tier step{}; {}", first.changes.size(), first.changes.size() == 1 ? "on" : "a",
                     group_thousands(first.steps), first.steps == 1 ? "" : "s",
                     !plan.exhaustive            ? std::string("found without an exact search")
                     : ways == 1                 ? std::string("the only way this small")
                     : plan.more_is_lower_bound ? fmt::format("at least {} equally small ways", group_thousands(static_cast<long long>(ways)))
                                                 : fmt::format("{} equally small ways", group_thousands(static_cast<long long>(ways))));
}

std::string raise_text(const Rubric& rubric, const ExplainedImprovement& imp, std::string_view arrow) {
  std::vector<std::string> parts;
  for (const auto& c : imp.changes) {
    parts.push_back(fmt::format("{} {} {} {}", detail::criterion_title(rubric, c.target.criterion), c.target.from, arrow,
                                c.target.to));
  }
  return "raise " + join(parts, ", ");
}

std::string plan_answers_text(const Rubric& rubric, const PlannedChange& c) {
  return fmt::format("{} answers: {} (rule {})", detail::criterion_title(rubric, c.target.criterion),
                     answer_changes(*c.answers), c.answers->match.rule_index + 1);
}

// "Dallas: overall 3 -> 2, custody 3 -> 1"
std::string what_if_line(const TierChanges& c) {
  std::vector<std::string> parts;
  for (const auto& t : c.tiers) {
    parts.push_back(fmt::format("{} {} -> {}", detail::subject_id(t.subject), detail::tier_number(t.from),
                                detail::tier_number(t.to)));
  }
  return c.name + ": " + join(parts, ", ");
}

constexpr std::string_view k_not_exhaustive =
    "not exact: the rubric is too large to search; this is the fewest criteria, not always the fewest tier steps";

// "... and 12 more as small", "... and at least 99,950 more as small (counting stopped)"
std::string more_text(const ExplainedPlan& plan, std::string_view dots) {
  return fmt::format("{} and {}{} more as small{}", dots, plan.more_is_lower_bound ? "at least " : "",
                     group_thousands(static_cast<long long>(plan.more)), plan.more_is_lower_bound ? " (counting stopped)" : "");
}

// An empty plan: unreachable, or (when the search was cut short) not found.
std::string titles(const Rubric& rubric, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto& id : ids) out.push_back(detail::criterion_title(rubric, id));
  return join_and(out);
}

std::string unreachable_text(const Rubric& rubric, const Explanation& e, const ExplainedPlan& plan) {
  if (plan.exhaustive && !e.unrated.empty()) {
    return fmt::format("not reachable by improving the rated criteria; rating {} may change that",
                       titles(rubric, e.unrated));
  }
  if (plan.exhaustive) return "not reachable by improving the rated criteria";
  return "no way found: the rubric is too large to search";
}

// What it takes for a jurisdiction without an overall tier, or at the top.
std::string no_plan_text(const Rubric& rubric, const Explanation& e) {
  if (e.overall.tier) return "Already at the top tier.";
  const std::vector<std::string>& unrated = e.overall.coverage.missing.empty() ? e.unrated : e.overall.coverage.missing;
  const std::string which = e.rate_at_least >= unrated.size() || unrated.size() == 1
                                ? titles(rubric, unrated)
                                : fmt::format("at least {} of {}", e.rate_at_least, titles(rubric, unrated));
  return fmt::format("Not rated overall ({}). Rate {} first: the criteria above say what each lacks.",
                     detail::coverage_text(e.overall.coverage), which);
}

void text_plan(const Rubric& rubric, const Explanation& e, const ExplainedPlan& plan, std::ostream& out) {
  out << "  To reach " << tier_name(rubric, plan.target) << ":\n";
  if (plan.alternatives.empty()) {
    out << "    " << unreachable_text(rubric, e, plan) << '\n';
    return;
  }
  out << "    " << plan_size_text(plan) << '\n';
  for (std::size_t n = 0; n < plan.alternatives.size(); ++n) {
    const ExplainedImprovement& imp = plan.alternatives[n];
    out << "    " << (plan.alternatives.size() > 1 ? fmt::format("{}. ", n + 1) : std::string("- "))
        << raise_text(rubric, imp, "->") << " (weighted mean " << format_mean(imp.result.mean) << ")\n";
    for (const auto& c : imp.changes) {
      if (c.answers) out << "       " << plan_answers_text(rubric, c) << '\n';
    }
  }
  if (plan.more > 0) out << "    " << more_text(plan, "...") << '\n';
  if (!plan.exhaustive) out << "    (" << k_not_exhaustive << ")\n";
}

void markdown_plan(const Rubric& rubric, const Explanation& e, const ExplainedPlan& plan, std::ostream& out) {
  out << "**To reach " << detail::markdown_text(tier_name(rubric, plan.target)) << ":**";
  if (plan.alternatives.empty()) {
    out << ' ' << detail::markdown_text(unreachable_text(rubric, e, plan)) << ".\n\n";
    return;
  }
  out << ' ' << detail::markdown_text(plan_size_text(plan)) << ".\n\n";
  for (const auto& imp : plan.alternatives) {
    out << "- " << detail::markdown_text(raise_text(rubric, imp, "→")) << " (weighted mean "
        << format_mean(imp.result.mean) << ")\n";
    for (const auto& c : imp.changes) {
      if (c.answers) out << "  - " << detail::markdown_text(plan_answers_text(rubric, c)) << '\n';
    }
  }
  if (plan.more > 0) out << "- " << more_text(plan, "…") << '\n';
  if (!plan.exhaustive) out << "\n_(" << k_not_exhaustive << ")_\n";
  out << '\n';
}

void write_answer_plan(detail::JsonWriter& w, const std::optional<AnswerPlan>& plan) {
  if (!plan) {
    w.null();
    return;
  }
  w.begin_object().field("tier", plan->match.tier).field("rule", plan->match.rule_index + 1).key("changes").begin_array();
  for (const auto& x : plan->changes) {
    w.begin_object().field("question", x.question).key("from").value_or_null(x.from).field("to", *x.to).end_object();
  }
  w.end_array().end_object();
}

double rounded(double value) { return std::round(value * 1000.0) / 1000.0; }

void write_plan(detail::JsonWriter& w, const ExplainedPlan& plan) {
  w.begin_object().field("target", plan.target).field("reachable", !plan.alternatives.empty());
  w.key("alternatives").begin_array();
  for (const auto& imp : plan.alternatives) {
    w.begin_object().key("changes").begin_array();
    for (const auto& c : imp.changes) {
      w.begin_object().field("criterion", c.target.criterion).field("from", c.target.from).field("to", c.target.to);
      w.key("answers");
      write_answer_plan(w, c.answers);
      w.end_object();
    }
    w.end_array().field("criteria", imp.changes.size()).field("steps", imp.steps).field("mean", rounded(imp.result.mean));
    w.key("tier").value_or_null(imp.result.tier).end_object();
  }
  w.end_array()
      .field("more", plan.more)
      .field("more_is_lower_bound", plan.more_is_lower_bound)
      .field("exhaustive", plan.exhaustive)
      .end_object();
}

}  // namespace

void render_explain_text(const Rubric& rubric, const ExplainReport& report, const RenderOptions& options,
                         std::ostream& out) {
  const auto& list = report.explanations;
  if (!report.as_of.empty()) {
    for (const auto& line : wrap(detail::as_of_banner(report.as_of), detail::prose_width(options))) out << line << '\n';
    out << '\n';
  }
  if (report.answers_only) {
    for (const auto& line : wrap(std::string(detail::k_answers_only_banner), detail::prose_width(options))) {
      out << line << '\n';
    }
    out << '\n';
  }
  if (!report.what_if.empty()) {
    for (const auto& line : wrap(detail::what_if_banner(report.what_if), detail::prose_width(options))) {
      out << line << '\n';
    }
    out << '\n';
  }
  for (std::size_t n = 0; n < list.size(); ++n) {
    const Explanation& e = list[n];
    if (n > 0) out << '\n' << std::string(72, '-') << "\n\n";
    out << e.name << (e.state.empty() ? "" : ", " + e.state) << '\n';
    out << "Overall: "
        << (e.overall.tier ? detail::paint(rubric, *e.overall.tier, tier_name(rubric, *e.overall.tier), options)
                           : std::string("not rated"))
        << detail::what_if_mark(hypothetical(e)) << '\n';
    out << "  weighted mean" << (e.overall.rated() ? " = " : ": ") << arithmetic(e) << '\n';
    if (e.band) out << "  " << band_text(e) << '\n';
    for (const auto& g : e.overall.gates) out << "  gate: " << detail::gate_text(rubric, g) << '\n';
    out << "Coverage: " << coverage_text(e.coverage) << "\n\nCriteria\n";
    for (std::size_t i = 0; i < e.criteria.size(); ++i) {
      const CriterionExplanation& c = e.criteria[i];
      out << "  " << rubric.criteria[i].title << ": "
          << (c.tier ? detail::paint(rubric, *c.tier, tier_name(rubric, *c.tier), options) : std::string("not rated"))
          << detail::what_if_mark(c.origin == Origin::what_if) << '\n';
      out << "    " << how_text(c) << '\n';
      for (const auto& line : detail::inherited_lines(c.inherited)) out << "    answers: " << line << '\n';
      if (c.next) out << "    " << next_text(*c.next) << '\n';
      if (auto rate = to_rate_text(c)) out << "    " << *rate << '\n';
      if (!c.sources.empty()) out << "    sources: " << join(c.sources, ", ") << '\n';
    }
    out << "\nWhat it takes\n";
    if (e.plans.empty()) out << "  " << no_plan_text(rubric, e) << '\n';
    for (const auto& plan : e.plans) text_plan(rubric, e, plan, out);
  }
  if (!report.what_if.empty()) render_what_if_changes(report.what_if_changes, report.idle_what_ifs, out);
}

void render_explain_markdown(const Rubric& rubric, const ExplainReport& report, std::ostream& out) {
  const auto& list = report.explanations;
  if (!report.as_of.empty()) out << "> **" << detail::markdown_text(detail::as_of_banner(report.as_of)) << "**\n\n";
  if (report.answers_only) out << "> **" << detail::markdown_text(detail::k_answers_only_banner) << "**\n\n";
  if (!report.what_if.empty()) out << "> **" << detail::markdown_text(detail::what_if_banner(report.what_if)) << "**\n\n";
  for (std::size_t n = 0; n < list.size(); ++n) {
    const Explanation& e = list[n];
    if (n > 0) out << '\n';
    out << "## " << detail::markdown_text(e.name + (e.state.empty() ? "" : ", " + e.state)) << "\n\n**Overall:** "
        << detail::markdown_text((e.overall.tier ? tier_name(rubric, *e.overall.tier) : "not rated") +
                                 detail::what_if_mark(hypothetical(e)))
        << "\n\n"
        << "- Weighted mean: " << detail::markdown_text(arithmetic(e)) << '\n';
    if (e.band) out << "- " << detail::markdown_text(band_text(e)) << '\n';
    for (const auto& g : e.overall.gates) out << "- Gate: " << detail::markdown_text(detail::gate_text(rubric, g)) << '\n';
    out << "- Coverage: " << detail::markdown_text(coverage_text(e.coverage)) << "\n\n"
        << "| Criterion | Tier | How | Next tier | Sources |\n|:---|:---|:---|:---|:---|\n";
    for (std::size_t i = 0; i < e.criteria.size(); ++i) {
      const CriterionExplanation& c = e.criteria[i];
      out << "| " << detail::markdown_text(rubric.criteria[i].title) << " | "
          << detail::markdown_text((c.tier ? tier_name(rubric, *c.tier) : "not rated") +
                                   detail::what_if_mark(c.origin == Origin::what_if))
          << " | " << detail::markdown_text(with_inherited(c)) << " | "
          << (c.next ? detail::markdown_text(next_text(*c.next)) : to_rate_text(c) ? detail::markdown_text(*to_rate_text(c)) : "")
          << " | " << detail::markdown_text(join(c.sources, ", ")) << " |\n";
    }
    out << "\n### What it takes\n\n";
    if (e.plans.empty()) out << detail::markdown_text(no_plan_text(rubric, e)) << '\n';
    for (const auto& plan : e.plans) markdown_plan(rubric, e, plan, out);
  }
  if (!report.what_if.empty()) render_what_if_changes_markdown(report.what_if_changes, report.idle_what_ifs, out);
}

void render_explain_json(const Rubric& rubric, const ExplainReport& report, std::ostream& out) {
  const auto& list = report.explanations;
  detail::JsonWriter w(out);
  w.begin_object().key("rubric").begin_object().field("id", rubric.id).field("version", rubric.version).end_object();
  w.field("answers_only", report.answers_only).key("as_of").string_or_null(report.as_of);
  w.key("what_if").strings(report.what_if).key("what_if_changes").begin_array();
  for (const auto& c : report.what_if_changes) {
    w.begin_object().field("id", c.id).field("name", c.name).key("tiers").begin_array();
    for (const auto& t : c.tiers) {
      w.begin_object().field("subject", detail::subject_id(t.subject)).key("from").value_or_null(t.from);
      w.key("to").value_or_null(t.to).field("change", t.worse() ? "worse" : "better").end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().key("jurisdictions").begin_array();
  for (const auto& e : list) {
    w.begin_object().field("id", e.id).field("name", e.name).key("state").string_or_null(e.state);
    w.key("overall").begin_object().key("tier").value_or_null(e.overall.tier);
    detail::write_status(w, e.overall.rated(), e.overall.rated() ? std::string() : detail::coverage_text(e.overall.coverage));
    detail::write_mean(w, "mean", e.overall);
    w.key("terms").begin_array();
    for (const auto& t : e.terms) {
      w.begin_object().field("criterion", t.criterion).field("weight", t.weight).field("tier", t.tier).end_object();
    }
    w.end_array().field("weights", e.weight_sum).field("weighted_sum", e.weighted_sum);
    w.key("cutoff");
    if (e.band) {
      w.begin_object().field("tier", e.band->tier).key("above").value_or_null(e.band->above);
      w.key("at_most").value_or_null(e.band->at_most).end_object();
    } else {
      w.null();
    }
    w.key("mean_tier").value_or_null(e.overall.tier ? std::optional<int>(e.overall.mean_tier) : std::nullopt);
    w.key("gates");
    detail::write_gates(w, e.overall.gates);
    const Coverage& c = e.coverage;
    w.end_object().key("coverage").begin_object().field("criteria", c.criteria).field("rated", c.rated);
    w.field("needed", e.overall.coverage.needed);
    w.field("recorded", c.recorded).field("computed", c.computed).field("questions", c.questions);
    w.field("what_if", c.what_if).field("answered", c.answered).field("unclear", c.unclear);
    w.field("unanswered", c.questions >= c.answered + c.unclear ? c.questions - c.answered - c.unclear : 0).end_object();
    w.key("criteria").begin_array();
    for (const auto& ce : e.criteria) {
      w.begin_object().field("id", ce.criterion).key("tier").value_or_null(ce.tier).field("origin", to_string(ce.origin));
      detail::write_status(w, ce.tier.has_value(), ce.tier ? std::string() : detail::not_rated_reason(result_of(ce), ce.first_state));
      w.key("set_aside").value_or_null(ce.set_aside);
      w.key("computed");
      if (ce.computed) {
        detail::write_computed(w, *ce.computed, nullptr);
      } else {
        w.null();
      }
      w.key("next");
      write_answer_plan(w, ce.next);
      w.key("disagreement").string_or_null(ce.disagreement);
      w.key("inherited").begin_object();
      for (const auto& a : ce.inherited) {
        w.key(a.question).begin_object().field("answer", a.value).field("from", a.from->government);
        w.field("name", a.from->name).field("via", to_string(a.from->via)).key("own").string_or_null(a.own);
        w.field("text", detail::provenance_text(*a.from)).end_object();
      }
      w.end_object().key("sources").strings(ce.sources).end_object();
    }
    w.end_array().key("rate_first");
    if (e.overall.tier) {
      w.null();
    } else {
      const auto& ids = e.overall.coverage.missing.empty() ? e.unrated : e.overall.coverage.missing;
      w.begin_object().key("criteria").strings(ids).field("at_least", std::min(e.rate_at_least, ids.size())).end_object();
    }
    w.key("what_it_takes").begin_array();
    for (const auto& plan : e.plans) write_plan(w, plan);
    w.end_array().end_object();
  }
  w.end_array().end_object();
  w.flush();
  out << '\n';
}

void render_what_if_changes(const std::vector<TierChanges>& changes, const std::vector<IdleWhatIf>& idle,
                            std::ostream& out) {
  out << "\nWhat if:\n";
  for (const auto& c : changes) out << "  " << what_if_line(c) << '\n';
  if (changes.empty()) out << "  no tier changes\n";
  for (const auto& i : idle) out << "  " << idle_what_if_text(i) << '\n';
}

void render_what_if_changes_markdown(const std::vector<TierChanges>& changes, const std::vector<IdleWhatIf>& idle,
                                     std::ostream& out) {
  out << "\n### What if\n\n";
  for (const auto& c : changes) out << "- " << detail::markdown_text(what_if_line(c)) << '\n';
  if (changes.empty()) out << "No tier changes.\n";
  if (!idle.empty()) out << '\n';
  for (const auto& i : idle) out << "- " << detail::markdown_text(idle_what_if_text(i)) << '\n';
}

void render_rubric_impact(const Rubric& old_rubric, const Rubric& new_rubric, const std::vector<TierChanges>& changes,
                          const std::vector<HiddenChange>& hidden, std::size_t jurisdictions, std::ostream& out) {
  out << fmt::format("Impact of rubric {} {} (was {} {}) on {}\n\n", new_rubric.id, new_rubric.version, old_rubric.id,
                     old_rubric.version, detail::plural(jurisdictions, "jurisdiction"));
  auto tier = [](const std::optional<int>& t) { return t ? std::to_string(*t) : std::string("—"); };
  // Changes the recorded tiers hide: the new rules give other tiers than the files record.
  auto emit_hidden = [&] {
    if (hidden.empty()) return;
    out << fmt::format("\nRecorded tiers hide {} in the tiers computed from answers:\n",
                       detail::plural(hidden.size(), "change"));
    for (const auto& h : hidden) {
      out << fmt::format("  {}: {} computed {} -> {} (recorded {})\n", h.name, h.criterion, tier(h.from), tier(h.to),
                         h.recorded);
    }
    out << "The recorded tiers are used; review them against the new rules.\n";
  };
  if (changes.empty()) {
    out << "No jurisdiction changes tier.\n";
    emit_hidden();
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : changes) {
    std::vector<std::string> criteria;
    for (const auto& t : c.tiers) {
      if (!t.subject.is_overall()) criteria.push_back(fmt::format("{} {} -> {}", t.subject.criterion, tier(t.from), tier(t.to)));
    }
    std::string direction = "same";
    if (c.overall_before != c.overall_after) {
      direction = TierChange{Subject::overall(), c.overall_before, c.overall_after}.worse() ? "worse" : "better";
    }
    rows.push_back({c.name, tier(c.overall_before), tier(c.overall_after), direction,
                    criteria.empty() ? "—" : join(criteria, ", ")});
  }
  const std::vector<std::string> header = {"Jurisdiction", "Was", "Now", "Overall", "Criteria"};
  std::vector<std::size_t> width(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    width[i] = display_width(header[i]);
    for (const auto& r : rows) width[i] = std::max(width[i], display_width(r[i]));
  }
  auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      line += (i ? "  " : "") + detail::pad(cells[i], i + 1 == cells.size() ? 0 : width[i]);
    }
    out << line << '\n';
  };
  emit(header);
  for (const auto& r : rows) emit(r);
  out << fmt::format("\n{} of {} jurisdictions change\n", rows.size(), jurisdictions);
  emit_hidden();
}

}  // namespace scorecard
