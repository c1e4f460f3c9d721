// Table order.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <scorecard/sort.hpp>

namespace scorecard {
namespace {

// Means within this of each other are equal, as in the overall rule's cut-offs.
constexpr double k_epsilon = 1e-9;

// The tier of a jurisdiction or criterion that is not rated: after every real one.
constexpr int k_no_tier = 1000;

}  // namespace

void sort_scores(std::vector<JurisdictionScore>& scores, const Rubric& rubric, const std::string& key, bool reverse) {
  // What the comparisons read, copied into one compact array: a JurisdictionScore is large,
  // and a national data set has tens of thousands, so comparing them in place misses the
  // cache at every step. The scores are then moved once, into their sorted places.
  struct Entry {
    std::size_t index;
    int tier;              // overall tier; k_no_tier when there is none
    double mean;
    int criterion_tier;    // the sort key's criterion tier; k_no_tier when there is none
    long long population;  // -1 when unknown
    bool has_population;
    std::array<std::uint64_t, 3> name_prefix;  // the name's first 24 bytes, big-endian, zero-padded
    std::string_view name;
    std::string_view id;
  };
  // Names compare on their first 24 bytes, held in the entry, and only read the name itself
  // when those are equal: unsigned byte order, as std::string_view compares.
  auto prefix_of = [](std::string_view name) {
    std::array<std::uint64_t, 3> prefix{};
    for (std::size_t k = 0; k < 24; ++k) {
      prefix[k / 8] = (prefix[k / 8] << 8) | (k < name.size() ? static_cast<unsigned char>(name[k]) : 0u);
    }
    return prefix;
  };
  enum class By { name, population, overall, criterion };
  const By by = key == "name" ? By::name : key == "population" ? By::population : key == "overall" ? By::overall
                                                                                                      : By::criterion;
  const Criterion* criterion = rubric.find_criterion(key);
  const std::size_t criterion_index = criterion ? static_cast<std::size_t>(criterion - rubric.criteria.data()) : 0;
  const bool by_criterion = by == By::criterion;
  std::vector<Entry> entries;
  entries.reserve(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const JurisdictionScore& s = scores[i];
    const std::optional<int> criterion_tier =
        by_criterion && criterion_index < s.criteria.size() ? s.criteria[criterion_index].tier : std::nullopt;
    entries.push_back({i, s.overall.tier.value_or(k_no_tier), s.overall.mean, criterion_tier.value_or(k_no_tier),
                       s.jurisdiction.population.value_or(-1), s.jurisdiction.population.has_value(),
                       prefix_of(s.jurisdiction.name), s.jurisdiction.name, s.jurisdiction.id});
  }
  auto overall_less = [](const Entry& a, const Entry& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (std::abs(a.mean - b.mean) > k_epsilon) return a.mean < b.mean;
    return false;
  };
  auto name_less = [](const Entry& a, const Entry& b) {
    if (a.name_prefix != b.name_prefix) return a.name_prefix < b.name_prefix;
    if (a.name != b.name) return a.name < b.name;
    return a.id < b.id;
  };
  // Compares on the key only: -1, 0 or 1. Ties fall back to the default order, never reversed.
  auto primary = [&](const Entry& a, const Entry& b) {
    switch (by) {
      case By::name: return name_less(a, b) ? -1 : name_less(b, a) ? 1 : 0;
      case By::population: return a.population > b.population ? -1 : a.population < b.population ? 1 : 0;
      case By::overall: return overall_less(a, b) ? -1 : overall_less(b, a) ? 1 : 0;
      case By::criterion: break;
    }
    return a.criterion_tier < b.criterion_tier ? -1 : a.criterion_tier > b.criterion_tier ? 1 : 0;
  };
  const bool by_population = by == By::population;
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (by_population && a.has_population != b.has_population) {
      return a.has_population;  // unknown population always last
    }
    // Not rated always last, reversed or not: no tier is not the worst tier.
    if (by == By::overall && (a.tier == k_no_tier) != (b.tier == k_no_tier)) return b.tier == k_no_tier;
    if (by_criterion && (a.criterion_tier == k_no_tier) != (b.criterion_tier == k_no_tier)) {
      return b.criterion_tier == k_no_tier;
    }
    int order = primary(a, b);
    if (reverse) order = -order;
    if (order != 0) return order < 0;
    if (overall_less(a, b)) return true;
    if (overall_less(b, a)) return false;
    return name_less(a, b);
  });
  // Each score moves once, in place, following the permutation's cycles: no second array
  // of scores to allocate and free. A slot once filled points at itself.
  for (std::size_t start = 0; start < scores.size(); ++start) {
    if (entries[start].index == start) continue;
    JurisdictionScore held = std::move(scores[start]);
    std::size_t at = start;
    while (entries[at].index != start) {
      const std::size_t from = entries[at].index;
      scores[at] = std::move(scores[from]);
      entries[at].index = at;
      at = from;
    }
    scores[at] = std::move(held);
    entries[at].index = at;
  }
}

}  // namespace scorecard
