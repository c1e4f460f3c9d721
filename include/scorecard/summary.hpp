#pragma once
// The summary of a set of scores: jurisdictions and residents per overall tier.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

// How many jurisdictions, and how many residents, each overall tier covers.
struct TierCount {
  int tier = 0;
  std::size_t jurisdictions = 0;
  long long residents = 0;  // of the jurisdictions with a known population
  std::size_t unknown_population = 0;
  bool approximate = false;  // residents include a rounded figure: "about"
};

struct Summary {
  std::size_t jurisdictions = 0;
  std::size_t with_population = 0;  // counted: a population, and no other of these within it
  // Governments with a population that another of these jurisdictions lies within (a county
  // and its city): left out of the sums, so that no one is counted twice (and so their
  // residents outside those jurisdictions are not counted at all).
  std::size_t holding_others = 0;
  long long residents = 0;
  bool residents_approximate = false;  // residents include a rounded figure
  std::vector<TierCount> tiers;  // one per rubric tier, in order
  std::size_t unrated = 0;        // jurisdictions without an overall tier
  TierCount not_rated;            // the same jurisdictions, with their residents (tier 0)
};

Summary summarize(const Rubric& rubric, const std::vector<JurisdictionScore>& scores);

// The ids of the jurisdictions another of these lies within (`within`): governments whose
// residents are counted where they live, among these scores (a filter changes them).
std::unordered_set<std::string_view> held_governments(const std::vector<JurisdictionScore>& scores);

// With every population known: "4.1 million of 17.9 million residents live under On Track
// policies (2 of 12 jurisdictions)". Otherwise it never claims more than it knows: "2 of 12
// jurisdictions are rated On Track, home to 2.7 million of the 4.8 million residents
// counted; population unknown for 1". A sum that includes a rounded figure says "about".
std::string summary_sentence(const Rubric& rubric, const Summary& summary, const TierCount& tier);

// What the residents leave out, or empty: "8 of 30 jurisdictions have no population figure;
// 6 governments that hold others loaded with them are left out, so that no one is counted
// twice; residents count only the others".
std::string population_note(const Summary& summary);

// The same for the jurisdictions not rated overall: "0.9 million of 17.9 million residents
// live in jurisdictions not rated (1 of 12 jurisdictions)"; empty when every one is rated.
std::string not_rated_sentence(const Summary& summary);

}  // namespace scorecard
