#pragma once
// Checks a loaded jurisdiction against a rubric: unknown or missing criteria, questions
// and answers, tiers out of range, undefined sources, uncited criteria, and recorded
// tiers that disagree with the tier computed from answers.

#include <optional>

#include <scorecard/diagnostic.hpp>
#include <scorecard/model.hpp>
#include <scorecard/rubric.hpp>

namespace scorecard {

// all: every check. structure: all but the checks of what the answers give (agreement with a
// recorded tier, coverage), which a data set runs once inherited answers are in
// (validate_answers).
enum class ValidateScope { all, structure };

// Every state of each criterion is checked (answers, rating, sources), and their dates: in
// order, one state a day and, given today (a day number, include/scorecard/timeline.hpp),
// none in the future.
Diagnostics validate_jurisdiction(const Jurisdiction& jurisdiction, const Rubric& rubric,
                                  ValidateScope scope = ValidateScope::all, std::optional<int> today = std::nullopt);

// Whether each criterion's answers (its own and any it inherits) agree with its recorded
// tier, and rate it. Only the state in force is checked (the latest, or the one a data set
// was rated as of): the answers it inherits are known for that day alone.
// A review older than a data repository allows: `reviewed` before the day `oldest`
// (a partial date counts to its last day), or no `reviewed` at all; errors, naming the
// age as given (max_age, e.g. "2y").
Diagnostics check_review_age(const Jurisdiction& jurisdiction, int oldest, std::string_view max_age);

Diagnostics validate_answers(const Jurisdiction& jurisdiction, const Rubric& rubric);

}  // namespace scorecard
