#pragma once
// Explaining tiers and planning improvements: the fewest criterion changes that lift the
// overall tier, the answer changes that would produce a criterion tier, what-if
// re-scoring, and research coverage. Pure functions over the rubric; no criterion by name.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <scorecard/model.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

struct TierTarget {
  std::string criterion;
  int from = 0;
  int to = 0;
};

// One way to reach a target overall tier: the criteria to improve and what they become.
struct Improvement {
  std::vector<TierTarget> changes;  // in rubric order
  int steps = 0;                    // total tier steps
  OverallResult result;             // the overall result after the changes
};

struct ImprovementPlan {
  int target = 0;
  // Every improvement with the fewest changed criteria and, among those, the fewest tier
  // steps; empty when the target cannot be reached.
  std::vector<Improvement> alternatives;
  std::size_t more = 0;     // equally small alternatives left out beyond the limit
  bool exhaustive = true;   // false when the plan is not proven the smallest (a rubric too large to search)
  bool more_is_lower_bound = false;  // counting stopped: at least `more` more
};

// Criteria without a tier (optional and missing) are left as they are.
ImprovementPlan plan_improvement(const Rubric& rubric, std::span<const std::optional<int>> tiers, int target,
                                 std::size_t max_alternatives = 50);

// The fewest answer changes that make the criterion's rules give target or better, with
// the rule that would then match; nullopt when no answers reach it.
struct AnswerPlan {
  std::vector<AnswerChange> changes;
  RuleMatch match;
};
std::optional<AnswerPlan> answers_for_tier(const Criterion& criterion, const std::vector<Answer>& answers, int target);

// How much of the rubric a file answers, so that "unclear" and unanswered never pass
// silently for a policy.
struct Coverage {
  std::size_t criteria = 0;   // in the rubric
  std::size_t rated = 0;      // with a tier (recorded or computed)
  std::size_t recorded = 0;   // with a recorded rating
  std::size_t computed = 0;   // tier from answers only
  std::size_t what_if = 0;    // tier (or no tier) from a --what-if
  std::size_t questions = 0;  // scored questions of the rubric
  std::size_t answered = 0;   // answered with something other than "unclear"
  std::size_t unclear = 0;    // answered "unclear"
};
// From a score: its tiers (as scored, what-ifs and answers-only included) and its file's answers.
Coverage coverage(const Rubric& rubric, const JurisdictionScore& score);

// Everything explain says about one jurisdiction, as data: computed once, rendered as
// text, Markdown or JSON with the same facts.
struct WeightedTerm {
  std::string criterion;
  double weight = 1.0;
  int tier = 0;
};

// The cut-off band the weighted mean fell in: above the previous cut-off (if any), at
// most this one (if any: a mean above every cut-off has none).
struct CutoffBand {
  int tier = 0;
  std::optional<double> above;
  std::optional<double> at_most;
};

struct CriterionExplanation {
  std::string criterion;
  std::optional<int> tier;
  Origin origin = Origin::missing;
  std::optional<RuleMatch> computed;  // what its answers give, when it has answers
  std::optional<AnswerPlan> next;     // the fewest answer changes to the next tier up
  std::vector<std::string> sources;   // the ids it cites
  std::string disagreement;           // the file's reason for keeping a recorded tier its answers do not give
  bool from_answers = false;          // Origin::what_if: computed from answers a what-if changed
  bool in_file = false;               // the file has an entry for it
  std::optional<int> set_aside;       // a recorded tier set aside (answers only)
  std::vector<Answer> inherited;      // its answers that are not the file's own, with where they come from
  std::string first_state;            // rated as of a day before its first state: that state's since, if dated
  bool not_yet = false;               // rated as of a day before its first state
};

struct PlannedChange {
  TierTarget target;
  std::optional<AnswerPlan> answers;  // answer changes that give the target, when it has answers
};

struct ExplainedImprovement {
  std::vector<PlannedChange> changes;
  int steps = 0;
  OverallResult result;
};

struct ExplainedPlan {
  int target = 0;
  std::vector<ExplainedImprovement> alternatives;
  std::size_t more = 0;
  bool exhaustive = true;
  bool more_is_lower_bound = false;
};

struct Explanation {
  std::string id;
  std::string name;
  std::string state;
  OverallResult overall;
  std::vector<WeightedTerm> terms;  // the criteria with a tier, in rubric order
  double weight_sum = 0;
  double weighted_sum = 0;
  std::optional<CutoffBand> band;   // set when the jurisdiction has an overall tier
  Coverage coverage;
  std::vector<CriterionExplanation> criteria;  // rubric order
  std::vector<ExplainedPlan> plans;  // to the next tier up and, when different, to the top; empty at the top
  // The criteria without a tier, in rubric order, and (not rated overall) how many of them
  // must be rated for an overall tier.
  std::vector<std::string> unrated;
  std::size_t rate_at_least = 0;
};

Explanation explain(const Rubric& rubric, const JurisdictionScore& score);

// --what-if CRITERION=TIER, QUESTION=ANSWER or CRITERION.QUESTION=ANSWER.
struct WhatIf {
  std::string text;
  std::string criterion;
  std::optional<int> tier;  // set for CRITERION=TIER
  std::string question;     // set for an answer
  std::string answer;
};
struct WhatIfParse {
  std::optional<WhatIf> what_if;
  std::string error;
};
WhatIfParse parse_what_if(const std::string& text, const Rubric& rubric);

// Whether a rule of criterion reads question (a what-if on a question no rule reads can
// change no tier).
bool rules_read(const Criterion& criterion, std::string_view question);

// A jurisdiction scored as if the what-ifs held, in order. A tier replaces the criterion's
// rating. An answer to a question no rule reads changes nothing. Any other answer replaces
// (or adds) that answer, and the tier is computed from the answers, except where the
// criterion had answers and the same rule still matches (or the same tiers stay open), or
// where the answers decide no tier and a tier is recorded: then the recorded tier stands.
// So a what-if removes nothing it does not replace. The criteria whose tier comes from a
// what-if have Origin::what_if, also when the changed answers leave them not rated.
struct WhatIfScore {
  JurisdictionScore score;
  std::vector<bool> moved;  // per what-if: whether it changed a criterion tier here
};
WhatIfScore score_what_if(const Rubric& rubric, Jurisdiction jurisdiction, const std::vector<WhatIf>& what_ifs,
                          const ScoreOptions& options = {});

}  // namespace scorecard
