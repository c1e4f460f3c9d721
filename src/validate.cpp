// Rubric-dependent checks of a loaded jurisdiction.

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include <scorecard/score.hpp>
#include <scorecard/text_util.hpp>
#include <scorecard/validate.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace {

void check_answers(const Jurisdiction& j, const CriterionData& data, const Criterion& criterion, Diagnostics& out) {
  std::vector<std::string> question_ids;
  for (const auto& q : criterion.questions) question_ids.push_back(q.id);
  for (const auto& answer : data.answers) {
    const Question* q = criterion.find_question(answer.question);
    if (!q) {
      out.push_back({Severity::error, j.at(answer.key_where),
                     fmt::format("unknown question \"{}\" for criterion \"{}\"{}", answer.question, criterion.id,
                                 did_you_mean(answer.question, question_ids))});
      continue;
    }
    if (answer.value == k_unclear) continue;
    if (std::find(q->values.begin(), q->values.end(), answer.value) == q->values.end()) {
      out.push_back({Severity::error, j.at(answer.value_where),
                     fmt::format("\"{}\" is not an answer to \"{}\"; expected one of {}, {}{}", answer.value,
                                 answer.question, join(q->values, ", "), k_unclear,
                                 did_you_mean(answer.value, q->values))});
    }
  }
}

void check_sources(const Jurisdiction& j, const CriterionData& data, const std::vector<std::string>& source_ids,
                   const std::unordered_set<std::string>& defined, Diagnostics& out) {
  for (const auto& ref : data.sources) {
    if (!defined.count(ref.id)) {
      out.push_back({Severity::error, j.at(ref.where),
                     fmt::format("source \"{}\" is not defined under \"sources\"{}", ref.id,
                                 did_you_mean(ref.id, source_ids))});
    }
  }
  if (data.sources.empty()) {
    out.push_back({Severity::warning, j.at(data.where), fmt::format("criterion \"{}\" cites no source", data.id)});
  }
}

// The scored questions a criterion leaves unclear or unanswered.
std::vector<const Question*> open_questions(const Criterion& criterion, const CriterionData& data) {
  std::vector<const Question*> open;
  for (const auto& q : criterion.questions) {
    if (!q.scored) continue;
    const auto it = std::find_if(data.answers.begin(), data.answers.end(),
                                 [&](const Answer& a) { return a.question == q.id; });
    if (it == data.answers.end() || it->value == k_unclear) open.push_back(&q);
  }
  return open;
}

// Whether some answers to the open questions make the rules give tier; nullopt when there
// are too many combinations to try.
std::optional<bool> reachable(const Criterion& criterion, std::vector<Answer> answers,
                              const std::vector<const Question*>& open, int tier) {
  constexpr std::size_t k_max_combinations = 4096;
  std::size_t combinations = 1;
  std::vector<std::size_t> slot;  // where each open question's answer sits in answers
  for (const Question* q : open) {
    if (q->values.empty()) return std::nullopt;
    combinations *= q->values.size();
    if (combinations > k_max_combinations) return std::nullopt;
    const auto it = std::find_if(answers.begin(), answers.end(), [&](const Answer& a) { return a.question == q->id; });
    if (it != answers.end()) {
      slot.push_back(static_cast<std::size_t>(it - answers.begin()));
    } else {
      slot.push_back(answers.size());
      answers.push_back({q->id, {}, {}, {}});
    }
  }
  std::vector<std::size_t> pick(open.size(), 0);  // an odometer over the open questions' values
  for (std::size_t n = 0; n < combinations; ++n) {
    for (std::size_t i = 0; i < open.size(); ++i) answers[slot[i]].value = open[i]->values[pick[i]];
    if (match_rules(criterion, answers).tier == tier) return true;
    for (std::size_t i = 0; i < open.size() && ++pick[i] == open[i]->values.size(); ++i) pick[i] = 0;
  }
  return false;
}

// Both a recorded tier and answers: the two should agree. While questions are open, they
// disagree only when no answers to those questions would give the recorded tier. A file
// may acknowledge a disagreement with a reason ("disagreement"); a reason where the tiers
// agree is stale, and said so.
void check_agreement(const Jurisdiction& j, const CriterionData& data, const Criterion& criterion, const Rubric& rubric,
                     Diagnostics& out) {
  if (data.rating && !rubric.find_tier(*data.rating)) return;  // the rating is an error already
  auto stale = [&](std::string_view why) {
    if (data.disagreement.empty()) return;  // none, or not text (an error of the loader)
    out.push_back({Severity::warning, j.at(data.disagreement_where),
                   fmt::format("criterion \"{}\" explains a disagreement, but {}; remove \"disagreement\"", data.id,
                               why)});
  };
  if (!data.rating || !data.has_answers) {
    stale(!data.rating ? "it records no tier" : "it has no answers");
    return;
  }
  const RuleMatch match = match_rules(criterion, data.answers);
  if (match.tier == *data.rating) return stale(fmt::format("its answers give its recorded tier {}", *data.rating));
  const std::vector<const Question*> open = open_questions(criterion, data);
  std::string open_clause;
  if (!open.empty()) {
    const std::optional<bool> can = reachable(criterion, data.answers, open, *data.rating);
    if (can == true) {
      return stale(fmt::format("answers to its unclear or unanswered questions can give its recorded tier {}",
                               *data.rating));
    }
    const std::string count = fmt::format("{} unclear or unanswered question{}", open.size(), open.size() == 1 ? "" : "s");
    open_clause = can == false ? fmt::format("; no answers to its {} would give tier {}", count, *data.rating)
                               : fmt::format("; its {} count as no policy", count);
  }
  if (!data.disagreement.empty()) return;  // acknowledged, with a reason explain shows
  std::string why = match.held.empty() ? "no rule with a condition matched" : detail::held_text(match.held, ", ");
  out.push_back({Severity::warning, j.at(data.rating_where),
                 fmt::format("recorded tier {} for \"{}\" differs from tier {} computed from its answers (rule {}: "
                             "{}){}; if that is meant, say why under \"disagreement\"",
                             *data.rating, data.id, match.tier, match.rule_index + 1, why, open_clause)});
}

// A tier computed while questions are unclear or unanswered counts them as no policy:
// say so, so that an unfinished file is never mistaken for a researched one.
void check_coverage(const Jurisdiction& j, const CriterionData& data, const Criterion& criterion, Diagnostics& out) {
  if (data.rating || !data.has_answers) return;
  const std::size_t open = open_questions(criterion, data).size();
  if (open == 0) return;
  out.push_back({Severity::warning, j.at(data.where),
                 fmt::format("criterion \"{}\" has {} unclear or unanswered question{}; its computed tier counts "
                             "{} as no policy",
                             data.id, open, open == 1 ? "" : "s", open == 1 ? "it" : "them")});
}

}  // namespace

Diagnostics validate_jurisdiction(const Jurisdiction& j, const Rubric& rubric) {
  Diagnostics out;
  const std::vector<std::string> criterion_ids = rubric.criterion_ids();
  std::vector<std::string> source_ids;
  std::unordered_set<std::string> defined;
  std::unordered_set<std::string> cited;
  for (const auto& s : j.sources) {
    source_ids.push_back(s.id);
    defined.insert(s.id);
  }
  for (const auto& c : j.criteria) {
    for (const auto& ref : c.sources) cited.insert(ref.id);
  }
  for (const auto& stored : j.criteria) {
    // A rating by tier id is checked as the tier it names (a copy only for those).
    std::optional<CriterionData> named;
    if (!stored.rating_name.empty()) {
      named = stored;
      named->rating = rubric.parse_tier(stored.rating_name);
      if (!named->rating) {
        std::vector<std::string> ids;
        for (const auto& t : rubric.tiers) ids.push_back(t.id);
        out.push_back({Severity::error, j.at(stored.rating_where),
                       fmt::format("rating \"{}\" is not a tier{}; expected {}", stored.rating_name,
                                   did_you_mean(stored.rating_name, ids), rubric.tier_choices())});
      }
    }
    const CriterionData& data = named ? *named : stored;
    const Criterion* criterion = rubric.find_criterion(data.id);
    if (!criterion) {
      out.push_back({Severity::error, j.at(data.where),
                     fmt::format("unknown criterion \"{}\"{}", data.id, did_you_mean(data.id, criterion_ids))});
      continue;
    }
    if (!data.is_mapping) continue;
    if (data.rating_where.line == 0 && !data.has_answers) {
      out.push_back({Severity::error, j.at(data.where),
                     fmt::format("criterion \"{}\" needs a \"rating\" or \"answers\"", data.id)});
    }
    if (data.rating && !rubric.find_tier(*data.rating)) {
      out.push_back({Severity::error, j.at(data.rating_where),
                     fmt::format("rating {} is out of range; the tiers are 1 to {}", *data.rating,
                                 rubric.worst_tier())});
    }
    check_answers(j, data, *criterion, out);
    check_sources(j, data, source_ids, defined, out);
    // A rating that names no tier is one error, not also "no rating" warnings.
    if (!named || named->rating) {
      check_agreement(j, data, *criterion, rubric, out);
      check_coverage(j, data, *criterion, out);
    }
  }
  if (j.criteria_where.line > 0) {
    for (const auto& criterion : rubric.criteria) {
      if (!criterion.optional && !j.find_criterion(criterion.id)) {
        out.push_back({Severity::error, j.at(j.criteria_where), fmt::format("missing criterion \"{}\"", criterion.id)});
      }
    }
  }
  for (const auto& source : j.sources) {
    if (!cited.count(source.id)) out.push_back({Severity::warning, j.at(source.where), fmt::format("source \"{}\" is never cited", source.id)});
  }
  return out;
}

}  // namespace scorecard
