#pragma once
// Checks a loaded jurisdiction against a rubric: unknown or missing criteria, questions
// and answers, tiers out of range, undefined sources, uncited criteria, and recorded
// tiers that disagree with the tier computed from answers.

#include <scorecard/diagnostic.hpp>
#include <scorecard/model.hpp>
#include <scorecard/rubric.hpp>

namespace scorecard {

// all: every check. structure: all but the checks of what the answers give (agreement with a
// recorded tier, coverage), which a data set runs once inherited answers are in
// (validate_answers).
enum class ValidateScope { all, structure };

Diagnostics validate_jurisdiction(const Jurisdiction& jurisdiction, const Rubric& rubric,
                                  ValidateScope scope = ValidateScope::all);

// Whether each criterion's answers (its own and any it inherits) agree with its recorded
// tier, and rate it.
Diagnostics validate_answers(const Jurisdiction& jurisdiction, const Rubric& rubric);

}  // namespace scorecard
