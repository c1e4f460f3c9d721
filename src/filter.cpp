#include <algorithm>

#include <fmt/format.h>

#include <scorecard/filter.hpp>
#include <scorecard/text_util.hpp>

namespace scorecard {
namespace {

struct Operator {
  std::string_view text;
  Comparison op;
};

// Longest first, so that "<=" is not read as "<".
constexpr Operator k_operators[] = {{"<=", Comparison::less_equal}, {">=", Comparison::greater_equal},
                                    {"!=", Comparison::not_equal},  {"<", Comparison::less},
                                    {">", Comparison::greater},     {"=", Comparison::equal}};

bool compare(int actual, Comparison op, int wanted) {
  switch (op) {
    case Comparison::equal: return actual == wanted;
    case Comparison::not_equal: return actual != wanted;
    case Comparison::less: return actual < wanted;
    case Comparison::less_equal: return actual <= wanted;
    case Comparison::greater: return actual > wanted;
    case Comparison::greater_equal: return actual >= wanted;
  }
  return false;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string item = text.substr(start, comma - start);
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

}  // namespace

FilterParse parse_filter(const std::string& text, const Rubric& rubric) {
  std::size_t at = std::string::npos;
  const Operator* found = nullptr;
  for (const auto& candidate : k_operators) {
    const std::size_t pos = text.find(candidate.text);
    if (pos != std::string::npos && (pos < at || (pos == at && candidate.text.size() > found->text.size()))) {
      at = pos;
      found = &candidate;
    }
  }
  const std::vector<std::string> keys = rubric.filter_keys();
  if (!found || at == 0) {
    return {std::nullopt, fmt::format("invalid filter \"{}\"; expected KEY=VALUE or KEY<=TIER with KEY one of {}",
                                      text, join(keys, ", "))};
  }
  Filter filter;
  filter.text = text;
  filter.key = text.substr(0, at);
  filter.op = found->op;
  const std::string value = text.substr(at + found->text.size());
  if (std::find(keys.begin(), keys.end(), filter.key) == keys.end()) {
    return {std::nullopt, fmt::format("unknown filter key \"{}\"{}; use one of {}", filter.key,
                                      did_you_mean(filter.key, keys), join(keys, ", "))};
  }
  if (filter.key == "state" || filter.key == "kind") {
    filter.field = filter.key == "state" ? FilterField::state : FilterField::kind;
    if (filter.op != Comparison::equal && filter.op != Comparison::not_equal) {
      return {std::nullopt, fmt::format("filter \"{}\": {} takes = or != only", text, filter.key)};
    }
    filter.values = split_list(value);
    if (filter.values.empty()) return {std::nullopt, fmt::format("filter \"{}\" has no value", text)};
    return {filter, {}};
  }
  if (filter.key == "tier") {
    filter.field = FilterField::overall_tier;
  } else {
    filter.field = FilterField::criterion_tier;
    filter.criterion = *rubric.index_of(filter.key);
  }
  // "none": not rated (tier 0), with = or != only.
  if (value == "none") {
    if (filter.op != Comparison::equal && filter.op != Comparison::not_equal) {
      return {std::nullopt, fmt::format("filter \"{}\": \"none\" (not rated) takes = or != only", text)};
    }
    return {filter, {}};
  }
  const std::optional<int> tier = rubric.parse_tier(value);
  if (!tier) {
    std::vector<std::string> names;
    for (const auto& t : rubric.tiers) names.push_back(fmt::format("{} ({})", t.number, t.id));
    return {std::nullopt, fmt::format("filter \"{}\": \"{}\" is not a tier; use {}, or none (not rated)", text, value,
                                      join(names, ", "))};
  }
  filter.tier = *tier;
  return {filter, {}};
}

bool matches(const JurisdictionScore& score, const Filter& filter) {
  if (filter.field == FilterField::state || filter.field == FilterField::kind) {
    const std::string& actual = filter.field == FilterField::state ? score.jurisdiction.state : score.jurisdiction.kind;
    // States compare without regard to case ("ca" finds "CA").
    auto same = [&](const std::string& wanted) {
      return actual.size() == wanted.size() &&
             std::equal(actual.begin(), actual.end(), wanted.begin(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) ==
                                                    std::tolower(static_cast<unsigned char>(b)); });
    };
    const bool any = std::any_of(filter.values.begin(), filter.values.end(), same);
    return filter.op == Comparison::equal ? any : !any;
  }
  const std::optional<int> actual = filter.field == FilterField::overall_tier ? score.overall.tier
                                    : filter.criterion < score.criteria.size() ? score.criteria[filter.criterion].tier
                                                                               : std::nullopt;
  if (filter.tier == 0) return filter.op == Comparison::equal ? !actual : actual.has_value();  // none: not rated
  return actual && compare(*actual, filter.op, filter.tier);
}

void apply_filters(std::vector<JurisdictionScore>& scores, const std::vector<Filter>& filters) {
  if (filters.empty()) return;
  std::erase_if(scores, [&](const JurisdictionScore& s) {
    return !std::all_of(filters.begin(), filters.end(), [&](const Filter& f) { return matches(s, f); });
  });
}

}  // namespace scorecard
