#pragma once
// Checks a loaded jurisdiction against a rubric: unknown or missing criteria, questions
// and answers, tiers out of range, undefined sources, uncited criteria, and recorded
// tiers that disagree with the tier computed from answers.

#include <scorecard/diagnostic.hpp>
#include <scorecard/model.hpp>
#include <scorecard/rubric.hpp>

namespace scorecard {

Diagnostics validate_jurisdiction(const Jurisdiction& jurisdiction, const Rubric& rubric);

}  // namespace scorecard
