// How results are said: the one place that turns the library's typed results (rule
// matches, gates, tier changes, check failures) into English. Every renderer and every
// diagnostic that names a result says it through these.

#include <algorithm>

#include <cctype>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard::detail {

std::string tier_number(const std::optional<int>& tier) { return tier ? std::to_string(*tier) : std::string(k_not_rated); }

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string held_text(const std::vector<HeldCondition>& held, std::string_view separator) {
  std::vector<std::string> parts;
  parts.reserve(held.size());
  for (const auto& h : held) parts.push_back(fmt::format("{} is {}", h.question, h.answer));
  return join(parts, separator);
}

std::string rule_match_text(const RuleMatch& match) {
  if (!match.decided()) return fmt::format("undecided: {}", possible_tiers_text(match));
  if (match.every_answer) return fmt::format("every answer to its open questions gives tier {}", match.tier);
  const std::string open = match.open.empty() ? "" : "; the open questions cannot change it";
  if (match.held.empty()) return fmt::format("rule {}: no earlier rule matched{}", match.rule_index + 1, open);
  return fmt::format("rule {}: {}{}", match.rule_index + 1, held_text(match.held, ", "), open);
}

std::string tier_list_text(const std::vector<int>& tiers) {
  std::vector<std::string> names;
  names.reserve(tiers.size());
  for (int t : tiers) names.push_back(std::to_string(t));
  return names.size() == 1 ? "tier " + names[0] : "tiers " + join_or(names);
}

std::string possible_tiers_text(const RuleMatch& match) {
  std::string text = tier_list_text(match.possible) + " possible";
  if (match.approximate) text += " (an upper bound: too many combinations of answers to try them all)";
  return text;
}

std::string open_questions_text(const RuleMatch& match) {
  const std::size_t unclear = match.open_unclear;
  const std::size_t unanswered = match.open.size() - unclear;
  const std::string of = fmt::format("of {} deciding question{}", match.deciding, match.deciding == 1 ? "" : "s");
  if (unanswered == 0) return fmt::format("{} {} unclear", unclear, of);
  if (unclear == 0) return fmt::format("{} {} unanswered", unanswered, of);
  return fmt::format("{} unclear and {} unanswered {}", unclear, unanswered, of);
}

std::string first_sentence(std::string_view note) {
  // Titles, months and the like that end in a full stop mid-sentence.
  static const std::vector<std::string_view> k_abbreviations = {
      "Gov", "Sen", "Rep", "Gen", "Inc", "Corp", "Dept", "Sec", "Art", "Ord", "Res", "Stat", "Ave", "Jan", "Feb",
      "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Nos", "Vol", "etc", "approx", "Mrs", "Ste"};
  std::size_t end = std::string_view::npos;
  std::size_t quotes = 0;  // double quotes before the full stop: an odd count is inside a quotation
  std::size_t counted = 0;
  for (std::size_t at = note.find(". "); at != std::string_view::npos; at = note.find(". ", at + 1)) {
    for (; counted < at; ++counted) if (note[counted] == '"') ++quotes;
    std::size_t word = at;
    while (word > 0 && std::isalnum(static_cast<unsigned char>(note[word - 1])) != 0) --word;
    const std::string_view before = note.substr(word, at - word);
    const bool closes = at > 0 && (note[at - 1] == ')' || note[at - 1] == '"');
    const bool abbreviation =
        !closes && (at - word < 3 || (word > 0 && note[word - 1] == '.') ||
                    std::find(k_abbreviations.begin(), k_abbreviations.end(), before) != k_abbreviations.end());
    if (quotes % 2 == 1) continue;
    const bool capital = at + 2 < note.size() && (std::isupper(static_cast<unsigned char>(note[at + 2])) != 0);
    if (!abbreviation && capital) {
      end = at;
      break;
    }
  }
  std::string out(end == std::string_view::npos ? note : note.substr(0, end + 1));
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}


std::string tier_words(const Rubric& rubric, const std::optional<int>& tier) {
  const Tier* t = tier ? rubric.find_tier(*tier) : nullptr;
  return t ? fmt::format("{} {}", t->number, t->label) : std::string(k_not_rated);
}

std::string history_change_text(const Rubric& rubric, const HistoryChange& c, std::string_view arrow) {
  if (c.from == c.to) return "unchanged, " + tier_words(rubric, c.to);
  return fmt::format("{} {} {}", tier_words(rubric, c.from), arrow, tier_words(rubric, c.to));
}

std::string history_cause_text(const Rubric& rubric, const HistoryCause& c, std::string_view self) {
  const std::string since = c.undated ? std::string("as reviewed (undated)") : "since " + c.since;
  const std::string criterion =
      c.criterion.empty() || c.government == self ? std::string() : " (" + criterion_title(rubric, c.criterion) + ")";
  if (c.via == "own") return fmt::format("its own policy {}", since);
  if (c.via == "jail_authority") return fmt::format("{}, which runs the jail{}, {}", c.name, criterion, since);
  return fmt::format("{} law ({}){}, {}", c.name, c.via == "at_least" ? "a floor" : "a ceiling", criterion, since);
}

std::string not_rated_reason(const CriterionResult& result, std::string_view first_state) {
  const std::string set_aside =
      result.set_aside ? fmt::format(" (recorded tier {} set aside: answers only)", *result.set_aside) : "";
  if (!result.in_file) return "not in the file";
  if (result.not_yet) {
    return first_state.empty() ? std::string("no policy recorded yet on this day (the file's first state for it begins later)")
                               : fmt::format("no policy recorded yet on this day (the file's first state for it is since {})",
                                             first_state);
  }
  if (!result.computed) return (result.set_aside ? "no answers" : "no rating or answers") + set_aside;
  return open_questions_text(*result.computed) + set_aside;
}

std::string answers_give_text(const RuleMatch& match, const std::optional<int>& tier) {
  if (!match.decided()) {
    return fmt::format("its answers decide no tier ({}; {})", open_questions_text(match),
                       possible_tiers_text(match));
  }
  if (tier && match.tier == *tier) return fmt::format("its answers give the same tier ({})", rule_match_text(match));
  return fmt::format("its answers would give tier {} ({})", match.tier, rule_match_text(match));
}

std::string coverage_rule_text(const Rubric& rubric) {
  const std::size_t all = rubric.criteria.size();
  const auto required = static_cast<std::size_t>(
      std::count_if(rubric.criteria.begin(), rubric.criteria.end(), [](const Criterion& c) { return !c.optional; }));
  if (rubric.overall.min_rated) {
    return fmt::format("an overall tier needs at least {} of the {} criteria rated", *rubric.overall.min_rated, all);
  }
  if (required == 0) return "an overall tier needs at least 1 criterion rated";
  if (required == all) return fmt::format("an overall tier needs all {} criteria rated", all);
  return fmt::format("an overall tier needs every criterion that is not optional rated ({} of the {})", required, all);
}

std::string coverage_cell(const CriteriaCoverage& coverage) { return fmt::format("{}/{}", coverage.rated, coverage.criteria); }

std::string coverage_text(const CriteriaCoverage& coverage) {
  std::string text =
      fmt::format("{} of {} criteri{} rated", coverage.rated, coverage.criteria, coverage.criteria == 1 ? "on" : "a");
  if (coverage.enough) return text;
  if (!coverage.missing.empty()) {
    if (coverage.needed == coverage.criteria) return text + fmt::format("; the rubric needs all {}", coverage.needed);
    return text + fmt::format("; the rubric needs every criterion that is not optional, and {} {} not rated",
                              join_and(coverage.missing), coverage.missing.size() == 1 ? "is" : "are");
  }
  return text + fmt::format("; the rubric needs at least {}", coverage.needed);
}

std::string criterion_title(const Rubric& rubric, std::string_view id) {
  const Criterion* c = rubric.find_criterion(id);
  return c ? c->title : std::string(id);
}

std::string gate_text(const Rubric& rubric, const GateFailure& gate) {
  return fmt::format("tier {} requires {} at tier {} or better (it is {})", gate.tier,
                     criterion_title(rubric, gate.criterion), gate.required, tier_number(gate.actual));
}

std::string subject_id(const Subject& subject) { return subject.is_overall() ? "overall" : subject.criterion; }

std::string subject_title(const Rubric& rubric, const Subject& subject) {
  return subject.is_overall() ? "overall tier" : criterion_title(rubric, subject.criterion);
}

std::string subject_heading(const Rubric& rubric, const Subject& subject) {
  return subject.is_overall() ? "Overall" : criterion_title(rubric, subject.criterion);
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

std::string check_warning_text(const Rubric& rubric, const CheckFailure& f) {
  if (f.kind != FailureKind::not_rated) return detail::check_failure_text(rubric, f);
  if (f.subject.is_overall()) {
    return fmt::format("not rated ({}), so it cannot show it meets --min-tier {}", coverage_text(f.coverage),
                       tier_number(f.required));
  }
  return fmt::format("{} is not rated, so it cannot show it meets {}={}", subject_title(rubric, f.subject),
                     f.subject.criterion, tier_number(f.required));
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
    case FailureKind::not_rated: return detail::check_warning_text(rubric, f) + "; --not-rated warn accepts that";
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

namespace {

// "from Cook County, which runs the jail", "at least, by California law".
std::string provenance_head(const Provenance& from, const ProvenanceWords& words) {
  switch (from.via) {
    case Provenance::Via::jail_authority: return fmt::format(fmt::runtime(words.jail_authority), from.name);
    case Provenance::Via::at_least: return fmt::format(fmt::runtime(words.at_least), from.name);
    case Provenance::Via::at_most: return fmt::format(fmt::runtime(words.at_most), from.name);
  }
  return {};
}

}  // namespace

std::string provenance_text(const Provenance& from, const ProvenanceWords& words) {
  std::string text = provenance_head(from, words);
  if (!from.sources.empty()) {
    const auto dated =
        std::find_if(from.sources.begin(), from.sources.end(), [](const Source& s) { return !s.date.empty(); });
    const Source& source = dated != from.sources.end() ? *dated : from.sources.front();
    text += fmt::format(": {}{}", source.title, source.date.empty() ? "" : ", " + source.date);
    if (from.sources.size() > 1) text += fmt::format(fmt::runtime(words.more), from.sources.size() - 1);
  }
  // One step up only: a chain of jail authorities names the next, not every one.
  if (from.upstream) text += fmt::format(fmt::runtime(words.upstream), provenance_head(*from.upstream, words));
  return text;
}

std::vector<std::string> inherited_lines(const std::vector<Answer>& answers, const ProvenanceWords& words) {
  std::vector<std::pair<const Provenance*, std::vector<std::string>>> groups;
  for (const auto& a : answers) {
    if (!a.inherited()) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == a.from.get(); });
    if (it == groups.end()) {
      groups.push_back({a.from.get(), {}});
      it = groups.end() - 1;
    }
    it->second.push_back(fmt::format(fmt::runtime(words.answer), a.question, a.value,
                                     a.own.empty() ? std::string() : fmt::format(fmt::runtime(words.own), a.own)));
  }
  std::vector<std::string> lines;
  lines.reserve(groups.size());
  for (const auto& [from, questions] : groups) lines.push_back(join(questions, ", ") + ", " + provenance_text(*from, words));
  return lines;
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
