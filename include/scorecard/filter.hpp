#pragma once
// Selecting jurisdictions: --filter state=CA --filter tier<=2 --filter custody=1.

#include <optional>
#include <string>
#include <vector>

#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

enum class Comparison { equal, not_equal, less, less_equal, greater, greater_equal };

// KEY OP VALUE. Keys: state, kind (=, != with a comma-separated list of values), tier (the
// overall tier) and any criterion id (all six operators with a tier number or id; = and !=
// with "none", not rated). A comparison with a tier never selects a jurisdiction not rated.
enum class FilterField { state, kind, overall_tier, criterion_tier };

struct Filter {
  std::string text;  // as given, for reports
  std::string key;
  FilterField field = FilterField::state;
  std::size_t criterion = 0;  // criterion_tier: its index in the rubric
  Comparison op = Comparison::equal;
  std::vector<std::string> values;  // state/kind: any of these; tiers: one number
  int tier = 0;  // 0: "none" (not rated)
};

struct FilterParse {
  std::optional<Filter> filter;
  std::string error;  // set when filter is not
};

FilterParse parse_filter(const std::string& text, const Rubric& rubric);

bool matches(const JurisdictionScore& score, const Filter& filter);

// Keeps the scores that match every filter, in order.
void apply_filters(std::vector<JurisdictionScore>& scores, const std::vector<Filter>& filters);

}  // namespace scorecard
