// score cards, rubric show and rubric check: readable text.

#include <algorithm>

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace {

// Writes text wrapped to width at the given indent; lines after the first hang two
// columns deeper so that each item stays visible as one block.
void emit_wrapped(std::ostream& out, std::string_view text, std::size_t indent, std::size_t width,
                  std::string_view prefix = {}) {
  const std::size_t room = width > indent + 22 ? width - indent - 2 : 20;
  const auto lines = wrap(std::string(prefix) + std::string(text), room);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out << std::string(indent + (i > 0 ? 2 : 0), ' ') << lines[i] << '\n';
  }
}

std::string origin_text(const CriterionResult& r, const CriterionData* data) {
  if (!r.rated()) return detail::not_rated_reason(r);
  const std::string answers = r.computed ? detail::answers_give_text(*r.computed, r.tier) : "";
  if (r.disagrees() && data && !data->disagreement.empty()) {
    return fmt::format("recorded; {}; kept because: {}", answers, data->disagreement);
  }
  switch (r.origin) {
    case Origin::computed: return fmt::format("computed from answers ({})", detail::rule_match_text(*r.computed));
    case Origin::recorded: return r.computed ? "recorded; " + answers : "recorded";
    case Origin::what_if:
      if (!r.from_answers) return r.computed ? "set by a what-if (hypothetical); " + answers : "set by a what-if (hypothetical)";
      return fmt::format("computed from answers a what-if changed (hypothetical; {})",
                         detail::rule_match_text(*r.computed));
    case Origin::missing: break;
  }
  return std::string(detail::k_not_rated);
}

std::string header_line(const Jurisdiction& j) {
  std::vector<std::string> parts;
  std::string title = j.name;
  if (!j.state.empty()) title += ", " + j.state;
  parts.push_back(title);
  if (!j.kind.empty()) parts.push_back(j.kind);
  if (j.population) parts.push_back("population " + population_text(*j.population, j.population_rounded_to));
  if (!j.jail_authority.empty()) parts.push_back("jail run by " + j.jail_authority);
  if (!j.reviewed.empty()) parts.push_back("reviewed " + j.reviewed);
  return join(parts, " · ");
}

std::string source_text(const Source& s) {
  std::string text = s.title;
  if (!s.pinpoint.empty()) text += ", " + s.pinpoint;
  if (!s.date.empty()) text += " (" + s.date + ")";
  if (!s.url.empty()) text += " <" + s.url + ">";
  return text;
}

void render_card(const Rubric& rubric, const JurisdictionScore& s, const RenderOptions& options, std::ostream& out) {
  const std::size_t width = detail::prose_width(options);
  const auto& j = s.jurisdiction;
  out << header_line(j) << '\n';
  if (s.overall.tier) {
    out << "Overall: " << detail::paint(rubric, *s.overall.tier, detail::tier_cell(rubric, s.overall.tier, false), options)
        << detail::what_if_mark(s.hypothetical()) << " (weighted mean " << format_mean(s.overall.mean) << ")\n";
  } else {
    out << "Overall: not rated" << detail::what_if_mark(s.hypothetical()) << " ("
        << detail::coverage_text(s.overall.coverage) << ")\n";
  }
  for (const auto& gate : s.overall.gates) emit_wrapped(out, detail::gate_text(rubric, gate), 2, width, "gate: ");

  std::size_t title_width = 0;
  for (const auto& c : rubric.criteria) title_width = std::max(title_width, display_width(c.title));
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    const Criterion& c = rubric.criteria[i];
    const CriterionResult& r = s.criteria[i];
    out << '\n'
        << "  " << detail::pad(c.title, title_width) << "  "
        << (r.tier ? detail::paint(rubric, *r.tier, detail::tier_cell(rubric, r.tier, false), options)
                   : std::string(detail::k_not_rated))
        << detail::what_if_mark(r.origin == Origin::what_if) << '\n';
    emit_wrapped(out, origin_text(r, j.find_criterion(c.id)), 4, width);
    const bool from_rule = r.origin == Origin::computed || (r.origin == Origin::what_if && r.from_answers);
    if (from_rule && r.computed && r.computed->decided() && !r.computed->every_answer) {
      const Rule& rule = c.rules[static_cast<std::size_t>(r.computed->rule_index)];
      if (!rule.because.empty()) emit_wrapped(out, rule.because, 4, width, "why: ");
    }
    const CriterionData* data = j.find_criterion(c.id);
    if (data) {
      for (const auto& line : detail::inherited_lines(data->answers)) emit_wrapped(out, line, 4, width, "answers: ");
    }
    if (data && !data->note.empty()) emit_wrapped(out, data->note, 4, width, "note: ");
    if (data && !data->sources.empty()) {
      std::vector<std::string> ids;
      for (const auto& ref : data->sources) ids.push_back(ref.id);
      emit_wrapped(out, join(ids, ", "), 4, width, "sources: ");
    }
  }
  if (!j.sources.empty()) {
    out << "\nSources\n";
    for (const auto& source : j.sources) emit_wrapped(out, source_text(source), 2, width, "[" + source.id + "] ");
  }
}

std::string condition_text(const Condition& c) {
  return fmt::format("{} is {}", c.question, join(c.values, " or "));
}

std::string rule_text(const Rule& rule) {
  std::vector<std::string> parts;
  for (const auto& c : rule.when) parts.push_back(condition_text(c));
  std::string text = fmt::format("tier {} ", rule.tier);
  if (rule.unconditional()) return text + "otherwise";
  text += "when " + join(parts, " and ");
  if (!rule.when_any.empty()) {
    std::vector<std::string> any;
    for (const auto& c : rule.when_any) any.push_back(condition_text(c));
    text += (parts.empty() ? "" : " and ") + std::string(any.size() > 1 ? "any of: " : "") + join(any, "; ");
  }
  return text;
}

std::string weight_text(double weight) { return fmt::format("{:g}", weight); }

}  // namespace

void render_score_cards(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                        const RenderOptions& options, std::ostream& out) {
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (i > 0) out << '\n' << std::string(std::min<std::size_t>(detail::prose_width(options), 72), '-') << "\n\n";
    render_card(rubric, scores[i], options, out);
  }
}

void render_rubric_text(const Rubric& rubric, std::ostream& out) {
  const std::size_t width = 100;
  out << rubric.title << '\n' << "rubric " << rubric.id << ", version " << rubric.version << "\n\n";
  if (!rubric.description.empty()) {
    emit_wrapped(out, rubric.description, 0, width);
    out << '\n';
  }
  out << "Tiers (1 is best)\n";
  for (const auto& t : rubric.tiers) out << fmt::format("  {}  {:<10} {}\n", t.number, t.id, t.label);

  out << "\nCriteria\n";
  for (const auto& c : rubric.criteria) {
    out << fmt::format("\n  {} ({}), weight {}{}\n", c.title, c.id, weight_text(c.weight),
                       c.optional ? ", optional" : "");
    if (!c.description.empty()) emit_wrapped(out, c.description, 4, width);
    if (!c.questions.empty()) out << "    Questions:\n";
    for (const auto& q : c.questions) {
      std::vector<std::string> values = q.values;
      values.emplace_back(k_unclear);
      out << fmt::format("      {} [{}]{}{}\n", q.id, join(values, " | "), q.scored ? "" : " (recorded, not scored)",
                         q.from_jail_authority ? " (answered by whoever runs the jail)" : "");
      emit_wrapped(out, q.text, 8, width);
      if (q.protective_order != q.values) {
        emit_wrapped(out, join(q.protective_order, ", "), 8, width, "most protective first: ");
      }
    }
    out << "    Rules (the first that matches gives the tier):\n";
    for (const auto& r : c.rules) {
      emit_wrapped(out, rule_text(r), 6, width);
      if (!r.because.empty()) emit_wrapped(out, r.because, 8, width, "why: ");
    }
  }

  const auto& overall = rubric.overall;
  out << "\nOverall tier\n";
  std::vector<std::string> weights;
  for (const auto& c : rubric.criteria) weights.push_back(fmt::format("{} {}", c.id, weight_text(c.weight)));
  emit_wrapped(out, fmt::format("The weighted mean of the criterion tiers. Weights: {}.", join(weights, ", ")), 2,
               width);
  std::vector<std::string> cuts;
  for (const auto& cut : overall.cutoffs) cuts.push_back(fmt::format("mean <= {:.2f} gives tier {}", cut.max_mean, cut.tier));
  cuts.push_back(fmt::format("a higher mean gives tier {}", rubric.worst_tier()));
  emit_wrapped(out, join(cuts, "; ") + ".", 2, width);
  for (const auto& gate : overall.gates) {
    std::vector<std::string> reqs;
    for (const auto& r : gate.requirements) reqs.push_back(fmt::format("{} at tier {}", r.criterion, r.tier));
    emit_wrapped(out,
                 fmt::format("Gate: tier {} is reached only with {} or better; otherwise the next tier applies.",
                             gate.tier, join(reqs, ", ")),
                 2, width);
  }
  emit_wrapped(out,
               fmt::format("Coverage: {}. A criterion is not rated when it records no tier and its answers leave "
                           "open a question that could change its tier (\"unclear\" or no answer is no evidence, "
                           "not a \"no\"); below the coverage needed the jurisdiction is not rated overall.",
                           detail::coverage_rule_text(rubric)),
               2, width);
  if (!overall.provenance.empty()) emit_wrapped(out, overall.provenance, 2, width, "Provenance: ");
  const auto& kinds = rubric.inheritance.binding_kinds;
  if (!kinds.empty()) {
    emit_wrapped(out,
                 fmt::format("Bounds: the laws of a government of kind {} bind every government within it: a "
                             "floor (at_least) raises a less protective answer, a ceiling (at_most) lowers a more "
                             "protective one; answers compare most protective first, as each type lists them.",
                             join(kinds, " or ")),
                 2, width);
  }
  if (!overall.calibration.empty()) {
    emit_wrapped(out,
                 fmt::format("Calibration: {} published result{} that the rule must reproduce; "
                             "'scorecard rubric check' verifies them.",
                             overall.calibration.size(), overall.calibration.size() == 1 ? "" : "s"),
                 2, width);
  }
}

void render_calibration_data(const Rubric& rubric, const std::vector<CalibrationDataResult>& results,
                             std::ostream& out) {
  const std::string& as_of = rubric.overall.calibration_as_of;
  out << fmt::format("the files{}:\n", as_of.empty() ? std::string() : " as of " + as_of);
  std::size_t name_width = 12;
  for (const auto& r : results) name_width = std::max(name_width, display_width(r.calibration->jurisdiction));
  std::size_t reproduced = 0;
  auto tier = [](const std::optional<int>& t) { return t ? std::to_string(*t) : std::string(detail::k_not_rated); };
  for (const auto& r : results) {
    std::string verdict;
    if (!r.score) {
      verdict = "not among the files";
    } else if (r.reproduced()) {
      verdict = "ok";
      ++reproduced;
    } else {
      std::vector<std::string> parts;
      for (const auto& m : r.mismatches) {
        parts.push_back(fmt::format("{} {} (expected {})", detail::subject_id(m.subject), tier(m.got), m.expected));
      }
      verdict = "MISMATCH: " + join(parts, ", ");
    }
    out << fmt::format("  {}  {}\n", detail::pad(r.calibration->jurisdiction, name_width), verdict);
  }
  out << fmt::format("{} of {} calibration cases reproduced by the files{}\n", reproduced, results.size(),
                     as_of.empty() ? std::string() : " as of " + as_of);
}

void render_calibration(const Rubric& rubric, const std::vector<CalibrationResult>& results, std::ostream& out) {
  out << fmt::format("rubric {} {}: {} criteria, {} calibration case{}\n", rubric.id, rubric.version,
                     rubric.criteria.size(), results.size(), results.size() == 1 ? "" : "s");
  std::size_t name_width = 12;
  for (const auto& r : results) name_width = std::max(name_width, display_width(r.calibration->jurisdiction));
  std::size_t reproduced = 0;
  for (const auto& r : results) {
    std::vector<std::string> tiers;
    for (int t : r.calibration->tiers) tiers.push_back(std::to_string(t));
    const bool ok = r.reproduced();
    reproduced += ok ? 1 : 0;
    out << fmt::format("  {}  {}  mean {}  expected {}  got {}  {}\n", detail::pad(r.calibration->jurisdiction, name_width),
                       join(tiers, " "), format_mean(r.result.mean), r.calibration->expect,
                       r.result.tier ? std::to_string(*r.result.tier) : "—", ok ? "ok" : "MISMATCH");
  }
  out << fmt::format("{} of {} calibration cases reproduced\n", reproduced, results.size());
  std::vector<std::string> unscored;
  std::size_t questions = 0;
  for (const auto& c : rubric.criteria) {
    questions += c.questions.size();
    for (const auto& q : c.questions) {
      if (!q.scored) unscored.push_back(fmt::format("{}.{}{}", c.id, q.id, q.marked_unscored ? "" : " (no rule reads it)"));
    }
  }
  if (unscored.empty()) return;
  out << fmt::format("{} of {} questions decide no tier (recorded, not scored):\n", unscored.size(), questions);
  for (const auto& q : unscored) out << "  " << q << '\n';
}

}  // namespace scorecard
