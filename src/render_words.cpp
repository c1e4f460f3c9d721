// How results are said: the one place that turns the library's typed results (rule
// matches, gates, tier changes, check failures) into English. Every renderer and every
// diagnostic that names a result says it through these.

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard::detail {

std::string tier_number(const std::optional<int>& tier) { return tier ? std::to_string(*tier) : "none"; }

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string held_text(const std::vector<HeldCondition>& held, std::string_view separator) {
  std::vector<std::string> parts;
  parts.reserve(held.size());
  for (const auto& h : held) parts.push_back(fmt::format("{} is {}", h.question, h.answer));
  return join(parts, separator);
}

std::string rule_match_text(const RuleMatch& match) {
  if (match.held.empty()) return fmt::format("rule {}: no earlier rule matched", match.rule_index + 1);
  return fmt::format("rule {}: {}", match.rule_index + 1, held_text(match.held, ", "));
}

std::string criterion_title(const Rubric& rubric, std::string_view id) {
  const Criterion* c = rubric.find_criterion(id);
  return c ? c->title : std::string(id);
}

std::string gate_text(const Rubric& rubric, const GateFailure& gate) {
  return fmt::format("tier {} requires {} at tier {} or better (it is {})", gate.tier,
                     criterion_title(rubric, gate.criterion), gate.required,
                     gate.actual ? std::to_string(*gate.actual) : "missing");
}

std::string subject_id(const Subject& subject) { return subject.is_overall() ? "overall" : subject.criterion; }

std::string subject_title(const Rubric& rubric, const Subject& subject) {
  return subject.is_overall() ? "overall tier" : criterion_title(rubric, subject.criterion);
}

std::string answer_value(const std::optional<std::string>& answer) { return answer ? *answer : "(none)"; }

std::string answer_change_text(const AnswerChange& change, bool qualified) {
  return fmt::format("{}{}: {} -> {}", qualified ? change.criterion + "." : "", change.question,
                     answer_value(change.from), answer_value(change.to));
}

std::string source_change_text(const SourceChange& change) {
  return fmt::format("{}: {} {}{}", change.criterion, change.id, change.source.title,
                     change.source.url.empty() ? "" : " <" + change.source.url + ">");
}

std::string tier_change_text(const TierChange& change) {
  return fmt::format("{} {} -> {} ({})", subject_id(change.subject), tier_number(change.from), tier_number(change.to),
                     change.worse() ? "worse" : "better");
}

std::string check_failure_text(const Rubric& rubric, const CheckFailure& f) {
  switch (f.kind) {
    case FailureKind::below_minimum:
      return fmt::format("overall tier {} is worse than --min-tier {}", tier_number(f.actual), tier_number(f.required));
    case FailureKind::below_requirement:
      return fmt::format("{} tier {} is worse than required ({}={})", subject_title(rubric, f.subject),
                         tier_number(f.actual), f.subject.criterion, tier_number(f.required));
    case FailureKind::worse_than_baseline:
      return fmt::format("{} is worse than in the baseline: {} -> {}", subject_title(rubric, f.subject),
                         tier_number(f.baseline), tier_number(f.actual));
    case FailureKind::removed:
      return fmt::format("removed since the baseline, where its overall tier was {}; --allow-removed accepts that",
                         tier_number(f.baseline));
    case FailureKind::invalid_file: break;
  }
  std::string text = fmt::format("invalid file: {}", plural(f.errors.size(), "error"));
  if (!f.errors.empty()) {
    const Diagnostic& first = f.errors.front();
    text += first.where.line > 0 ? fmt::format("; the first at line {}: {}", first.where.line, first.message)
                                 : fmt::format("; the first: {}", first.message);
  }
  return text;
}

std::string rename_text(const CheckReport::Rename& r) {
  return fmt::format("renamed since the baseline: {} -> {} (same name and state; compared with {}'s baseline tiers)",
                     r.from, r.to, r.from);
}

std::string improvement_text(const Rubric& rubric, const TierChange& change) {
  return fmt::format("{} is better than in the baseline: {} -> {}", subject_title(rubric, change.subject),
                     tier_number(change.from), tier_number(change.to));
}

std::string what_if_mark(bool hypothetical) { return hypothetical ? std::string(k_what_if_mark) : std::string(); }

std::string what_if_banner(const std::vector<std::string>& what_if) {
  return fmt::format("What if (hypothetical): as if {}. Tiers marked {} come from these what-ifs, not from the files.",
                     join(what_if, ", "), k_what_if_mark);
}

}  // namespace scorecard::detail

namespace scorecard {

std::string idle_what_if_text(const IdleWhatIf& idle) {
  if (idle.unread) {
    return fmt::format("--what-if {} changes no tier: no rule of \"{}\" reads \"{}\"", idle.text, idle.criterion,
                       idle.question);
  }
  return fmt::format("--what-if {} changes no tier of the jurisdictions read", idle.text);
}

}  // namespace scorecard
