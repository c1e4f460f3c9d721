// Rubric-dependent checks of a loaded jurisdiction.

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include <scorecard/score.hpp>
#include <scorecard/text_util.hpp>
#include <scorecard/timeline.hpp>
#include <scorecard/validate.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace {

// " (since DATE)" for a dated state: said in the messages about one state of several.
template <class State>
std::string since_text(const State& state) {
  return state.since().empty() ? std::string() : fmt::format(" (since {})", state.since());
}

// The dates of a criterion's (or a binding's) states: today's state says since when it
// holds once it keeps earlier ones; most recent first, one state a day, none in the future;
// a state later than the file's review means the review date is stale.
template <class State>
void check_dates(const Jurisdiction& j, const State& top, const std::string& what, std::optional<int> today,
                 Diagnostics& out) {
  if (!top.history().empty() && top.since_where().line == 0) {
    out.push_back({Severity::error, j.at(top.where),
                   fmt::format("{} keeps earlier states under \"history\" but does not say \"since\" when this state "
                               "took effect",
                               what)});
  }
  const auto reviewed = last_day(j.reviewed);
  const State* newer = nullptr;
  for_each_state(top, [&](const State& state) {
    const auto day = first_day(state.since());
    if (!day) return;
    if (today && *day > *today) {
      out.push_back({Severity::error, j.at(state.since_where()),
                     fmt::format("{}: a state since {} is in the future (today is {})", what, state.since(),
                                 format_day(*today))});
    } else if (reviewed && *day > *reviewed) {
      out.push_back({Severity::warning, j.at(state.since_where()),
                     fmt::format("{}: a state since {} is later than the file's \"reviewed\" date {}; update "
                                 "\"reviewed\"",
                                 what, state.since(), j.reviewed)});
    }
    if (newer) {
      const int later = *first_day(newer->since());
      if (*day == later) {
        out.push_back({Severity::error, j.at(state.since_where()),
                       fmt::format("{} has two states since the same day: {} and {}", what, newer->since(), state.since())});
      } else if (*day > later) {
        out.push_back({Severity::error, j.at(state.since_where()),
                       fmt::format("{}: the state since {} is listed after the one since {}; list earlier states "
                                   "most recent first",
                                   what, state.since(), newer->since())});
      }
    }
    newer = &state;
  });
}

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

// The source ids a criterion (or a binding) cites: each defined; none at all is a warning,
// `uncited` at `where`.
void check_source_refs(const Jurisdiction& j, const std::vector<SourceRef>& refs, Position where, std::string uncited,
                       const std::vector<std::string>& source_ids, const std::unordered_set<std::string>& defined,
                       Diagnostics& out) {
  std::unordered_set<std::string_view> seen;
  for (const auto& ref : refs) {
    if (!seen.insert(ref.id).second) {
      out.push_back({Severity::warning, j.at(ref.where), fmt::format("source \"{}\" is cited twice here", ref.id)});
    }
    if (!defined.count(ref.id)) {
      out.push_back({Severity::error, j.at(ref.where),
                     fmt::format("source \"{}\" is not defined under \"sources\"{}", ref.id,
                                 did_you_mean(ref.id, source_ids))});
    }
  }
  if (refs.empty()) out.push_back({Severity::warning, j.at(where), std::move(uncited)});
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
  if (match.decided() && match.tier == *data.rating) {
    return stale(fmt::format("its answers give its recorded tier {}", *data.rating));
  }
  const bool possible =
      std::find(match.possible.begin(), match.possible.end(), *data.rating) != match.possible.end();
  if (!match.decided() && possible) {
    return stale(fmt::format("answers to its open questions can give its recorded tier {}", *data.rating));
  }
  if (!data.disagreement.empty()) return;  // acknowledged, with a reason explain shows
  std::string computed;
  if (match.decided()) {
    const std::string why = match.held.empty() ? "no rule with a condition matched" : detail::held_text(match.held, ", ");
    computed = fmt::format("tier {} computed from its answers (rule {}: {})", match.tier, match.rule_index + 1, why);
  } else {
    computed = fmt::format("the {} its answers allow ({})", detail::tier_list_text(match.possible) + (match.approximate ? " (at most)" : ""),
                           detail::open_questions_text(match));
  }
  // Inherited answers name the governments they come from and their dates, beside the
  // date the recorded tier was reviewed.
  const std::vector<std::string> inherited = detail::inherited_lines(data.answers);
  if (!inherited.empty()) {
    computed += fmt::format(", with answers not its own: {}", join(inherited, "; "));
  }
  const std::string recorded =
      inherited.empty() || j.reviewed.empty() ? std::string() : fmt::format(" (reviewed {})", j.reviewed);
  out.push_back({Severity::warning, j.at(data.rating_where),
                 fmt::format("recorded tier {}{} for \"{}\" differs from {}; if that is meant, say why under "
                             "\"disagreement\"",
                             *data.rating, recorded, data.id, computed)});
}

// Answers that leave a deciding question open and record no tier: the criterion is not
// rated. Say so, and what would rate it, so that an unfinished file is never mistaken for
// a researched one. Open questions that cannot change the tier are not counted.
void check_coverage(const Jurisdiction& j, const CriterionData& data, const Criterion& criterion, Diagnostics& out) {
  if (data.rating || !data.has_answers) return;
  const RuleMatch match = match_rules(criterion, data.answers);
  if (match.decided()) return;
  out.push_back({Severity::warning, j.at(data.where),
                 fmt::format("criterion \"{}\" is not rated: {} ({}); answer {} or record a rating", data.id,
                             detail::open_questions_text(match), join(match.open, ", "),
                             match.open.size() == 1 ? "it" : "them")});
}

// What a government's law requires of or forbids to those within it: criteria and questions
// of the rubric, answers of the question (not "unclear": a bound is a known rule), defined
// sources; and a kind of government the rubric lets bind.
void check_binds(const Jurisdiction& j, const Rubric& rubric, const std::vector<std::string>& source_ids,
                 const std::unordered_set<std::string>& defined, std::optional<int> today, Diagnostics& out) {
  if (j.binds.empty()) return;
  if (!rubric.inheritance.binds(j.kind)) {
    const auto& kinds = rubric.inheritance.binding_kinds;
    out.push_back({Severity::warning, j.at(j.binds.front().where),
                   fmt::format("\"binds\" has no effect: {}", kinds.empty()
                                   ? std::string("the rubric lets no government bind those within it")
                                   : fmt::format("the rubric lets only governments of kind {} bind those within them, "
                                                 "and this one is {}",
                                                 join(kinds, " or "), j.kind.empty() ? "of no kind" : "of kind " + j.kind))});
  }
  const std::vector<std::string> criterion_ids = rubric.criterion_ids();
  for (const auto& top : j.binds) {
    const Criterion* criterion = rubric.find_criterion(top.criterion);
    if (!criterion) {
      out.push_back({Severity::error, j.at(top.where), fmt::format("unknown criterion \"{}\" in \"binds\"{}",
                                                                   top.criterion, did_you_mean(top.criterion, criterion_ids))});
      continue;
    }
    std::vector<std::string> question_ids;
    for (const auto& q : criterion->questions) question_ids.push_back(q.id);
    for_each_state(top, [&](const Binding& b) {
      for (const auto* list : {&b.at_least, &b.at_most}) {
        for (const auto& answer : *list) {
          const Question* q = criterion->find_question(answer.question);
          if (!q) {
            out.push_back({Severity::error, j.at(answer.key_where),
                           fmt::format("unknown question \"{}\" for criterion \"{}\"{}", answer.question,
                                       criterion->id, did_you_mean(answer.question, question_ids))});
          } else if (std::find(q->values.begin(), q->values.end(), answer.value) == q->values.end()) {
            out.push_back({Severity::error, j.at(answer.value_where),
                           fmt::format("\"{}\" is not an answer to \"{}\" that can bind; expected one of {}{}",
                                       answer.value, answer.question, join(q->values, ", "),
                                       did_you_mean(answer.value, q->values))});
          }
        }
      }
      for (const auto& lo : b.at_least) {
        for (const auto& hi : b.at_most) {
          const Question* q = criterion->find_question(lo.question);
          if (q && lo.question == hi.question && q->protection_rank(lo.value) >= 0 && q->protection_rank(hi.value) >= 0 &&
              q->protection_rank(lo.value) < q->protection_rank(hi.value)) {
            out.push_back({Severity::error, j.at(hi.value_where),
                           fmt::format("\"{}\": at_most \"{}\" is less protective than at_least \"{}\"", hi.question,
                                       hi.value, lo.value)});
          }
        }
      }
      check_source_refs(j, b.sources, b.where,
                        fmt::format("\"binds\" of criterion \"{}\"{} cites no source", b.criterion, since_text(b)),
                        source_ids, defined, out);
    });
    check_dates(j, top, fmt::format("\"binds\" of criterion \"{}\"", top.criterion), today, out);
  }
}

}  // namespace

Diagnostics check_review_age(const Jurisdiction& j, int oldest, std::string_view max_age) {
  if (j.reviewed.empty()) {
    return {{Severity::error, j.at(j.where),
             fmt::format("no \"reviewed\" date: --max-age {} needs the date the research was last checked", max_age)}};
  }
  const auto last = last_day(j.reviewed);
  if (!last || *last >= oldest) return {};
  return {{Severity::error, j.at(j.reviewed_where),
           fmt::format("reviewed {}, more than {} ago (before {}): check the research again and update \"reviewed\"",
                       j.reviewed, max_age, format_day(oldest))}};
}

Diagnostics validate_answers(const Jurisdiction& j, const Rubric& rubric) {
  Diagnostics out;
  for (const auto& stored : j.criteria) {
    const Criterion* criterion = rubric.find_criterion(stored.id);
    if (!criterion || !stored.is_mapping) continue;
    // A rating by tier id is checked as the tier it names; one that names no tier is one
    // error (validate_jurisdiction's), not also "no rating" warnings.
    std::optional<CriterionData> named;
    if (!stored.rating_name.empty()) {
      named = stored;
      named->rating = rubric.parse_tier(stored.rating_name);
      if (!named->rating) continue;
    }
    const CriterionData& data = named ? *named : stored;
    check_agreement(j, data, *criterion, rubric, out);
    check_coverage(j, data, *criterion, out);
  }
  return out;
}

Diagnostics validate_jurisdiction(const Jurisdiction& j, const Rubric& rubric, ValidateScope scope,
                                  std::optional<int> today) {
  Diagnostics out;
  const std::vector<std::string> criterion_ids = rubric.criterion_ids();
  std::vector<std::string> source_ids;
  std::unordered_set<std::string> defined;
  std::unordered_set<std::string> cited;
  for (const auto& s : j.sources) {
    source_ids.push_back(s.id);
    defined.insert(s.id);
    // The placeholder of `scorecard init`, still there.
    if (s.title.rfind("TODO", 0) == 0) {
      out.push_back({Severity::warning, j.at(s.where),
                     fmt::format("source \"{}\" still has the template's title (\"{}\"); give the title of what it cites", s.id,
                                 s.title)});
    }
  }
  for (const auto& c : j.criteria) {
    for_each_state(c, [&](const CriterionData& state) {
      for (const auto& ref : state.sources) cited.insert(ref.id);
    });
  }
  for (const auto& b : j.binds) {
    for_each_state(b, [&](const Binding& state) {
      for (const auto& ref : state.sources) cited.insert(ref.id);
    });
  }
  check_binds(j, rubric, source_ids, defined, today, out);
  for (const auto& ref : j.within) {
    if (ref.id == j.id) {
      out.push_back({Severity::error, j.at(ref.where), fmt::format("\"{}\" cannot lie within itself", j.id)});
    }
  }
  if (!j.population_source.empty()) {
    cited.insert(j.population_source);
    if (!defined.count(j.population_source)) {
      out.push_back({Severity::error, j.at(j.population_source_where),
                     fmt::format("source \"{}\" of \"population\" is not defined under \"sources\"{}",
                                 j.population_source, did_you_mean(j.population_source, source_ids))});
    }
  }
  std::vector<std::string> tier_ids;
  for (const auto& t : rubric.tiers) tier_ids.push_back(t.id);
  for (const auto& top : j.criteria) {
    const Criterion* criterion = rubric.find_criterion(top.id);
    if (!criterion) {
      out.push_back({Severity::error, j.at(top.where),
                     fmt::format("unknown criterion \"{}\"{}", top.id, did_you_mean(top.id, criterion_ids))});
      continue;
    }
    if (!top.is_mapping) continue;
    for_each_state(top, [&](const CriterionData& stored) {
      const std::string label = fmt::format("criterion \"{}\"{}", stored.id, since_text(stored));
      // A rating by tier id is checked as the tier it names (a copy only for those).
      std::optional<CriterionData> named;
      if (!stored.rating_name.empty()) {
        named = stored;
        named->rating = rubric.parse_tier(stored.rating_name);
        if (!named->rating) {
          out.push_back({Severity::error, j.at(stored.rating_where),
                         fmt::format("rating \"{}\" is not a tier{}; expected {}", stored.rating_name,
                                     did_you_mean(stored.rating_name, tier_ids), rubric.tier_choices())});
        }
      }
      const CriterionData& data = named ? *named : stored;
      if (data.rating_where.line == 0 && !data.has_answers) {
        out.push_back({Severity::error, j.at(data.where), fmt::format("{} needs a \"rating\" or \"answers\"", label)});
      }
      if (data.rating && !rubric.find_tier(*data.rating)) {
        out.push_back({Severity::error, j.at(data.rating_where),
                       fmt::format("rating {} is out of range; the tiers are 1 to {}", *data.rating,
                                   rubric.worst_tier())});
      }
      check_answers(j, data, *criterion, out);
      check_source_refs(j, data.sources, data.where, fmt::format("{} cites no source", label), source_ids, defined,
                        out);
    });
    check_dates(j, top, fmt::format("criterion \"{}\"", top.id), today, out);
  }
  if (today && !j.reviewed.empty() && *first_day(j.reviewed) > *today) {
    out.push_back({Severity::error, j.at(j.reviewed_where),
                   fmt::format("\"reviewed\" {} is in the future (today is {})", j.reviewed, format_day(*today))});
  }
  if (scope == ValidateScope::all) {
    Diagnostics more = validate_answers(j, rubric);
    out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
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
