#pragma once
// Governments inside governments. A jurisdiction may name the governments it lies within
// (`within`: its county, its state) and the one that runs its jail (`jail_authority`), by
// id; the references resolve against the jurisdictions loaded together. Resolving them
// adds the answers a jurisdiction inherits, as its rubric's `inheritance` declares:
//
// - for the questions whoever runs the jail answers, a jurisdiction without an answer of
//   its own (none, or "unclear") takes its jail authority's;
// - a government of a binding kind (a state) bounds every government within it, directly
//   or through others: an answer less protective than its `at_least` is raised to it (a
//   floor), one more protective than its `at_most` is lowered to it (a ceiling). A missing
//   answer stays missing under a floor (it may be better than the floor), and becomes the
//   ceiling only when the ceiling is the least protective answer (then nothing else is
//   possible).
//
// Every inherited answer keeps where it came from (Answer::from). Nothing here changes a
// recorded tier.

#include <string>
#include <vector>

#include <scorecard/diagnostic.hpp>
#include <scorecard/model.hpp>
#include <scorecard/rubric.hpp>

namespace scorecard {

// The jurisdictions are the valid ones of a data set, with unique ids. Linear in their
// number (and in the references between them). Unresolved references are warnings; a
// government within itself through others, or a jail authority whose own jail authority
// leads back, is an error of each file on the cycle (which then inherits nothing). Returns
// each jurisdiction's diagnostics, in the order given. invalid: the ids of files loaded
// with errors, so that a reference to one says so instead of "not among the files loaded".
std::vector<Diagnostics> resolve_governments(const Rubric& rubric, const std::vector<Jurisdiction*>& jurisdictions,
                                             const std::vector<std::string>& invalid = {});

}  // namespace scorecard
