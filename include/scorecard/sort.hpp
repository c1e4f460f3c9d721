#pragma once
// Table order for a set of scores.

#include <string>
#include <vector>

#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

// Table order. key: "overall", "name", "population" or a criterion id.
// overall: best tier first, then lower mean, then name. population: largest first,
// unknown last. criterion: best tier first, then overall order. Not rated (no tier) comes
// after every tier. reverse flips the order (unknown populations and not rated stay last).
void sort_scores(std::vector<JurisdictionScore>& scores, const Rubric& rubric,
                 const std::string& key, bool reverse);

}  // namespace scorecard
