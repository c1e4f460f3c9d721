// Dates, and a jurisdiction as of a day.

#include <algorithm>

#include <fmt/format.h>

#include <scorecard/timeline.hpp>

#include "yaml_util.hpp"

namespace scorecard {
namespace {

// Days from 1970-01-01 to a civil date (proleptic Gregorian), and back: H. Hinnant's
// algorithms (days_from_civil, civil_from_days).
int days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int year;
  int month;
  int day;
};

Civil civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

int number(std::string_view text, std::size_t from, std::size_t count) {
  int out = 0;
  for (std::size_t i = from; i < from + count; ++i) out = out * 10 + (text[i] - '0');
  return out;
}

// The first and the last day of a valid date of any precision.
std::optional<std::pair<int, int>> day_range(std::string_view date) {
  if (!detail::is_valid_date(date)) return std::nullopt;
  const int year = number(date, 0, 4);
  if (date.size() == 4) return std::pair(days_from_civil(year, 1, 1), days_from_civil(year, 12, 31));
  const int month = number(date, 5, 2);
  if (date.size() == 7) {
    const int next = month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1);
    return std::pair(days_from_civil(year, month, 1), next - 1);
  }
  const int day = days_from_civil(year, month, number(date, 8, 2));
  return std::pair(day, day);
}

template <class State>
std::optional<int> start_of(const State& state, const Jurisdiction& j) {
  if (!state.since().empty()) return first_day(state.since());
  if (!j.reviewed.empty()) return first_day(j.reviewed);
  return std::nullopt;
}

// The state of `current` (or of its history) in force on day: nullptr before the first.
// States without a valid date are taken as always in force (an error of the file already).
template <class State>
const State* in_force(const State& current, const Jurisdiction& j, int day) {
  const auto start = start_of(current, j);
  if (!start || *start <= day) return &current;
  // Earlier states run most recent first (validate insists): the first that began on or
  // before the day, by bisection, so that a long history costs a logarithm per day.
  const auto& earlier = current.history();
  const auto it = std::partition_point(earlier.begin(), earlier.end(), [&](const State& s) {
    const auto from = start_of(s, j);
    return from && *from > day;
  });
  return it == earlier.end() ? nullptr : &*it;
}

// A copy of a state without its earlier states: today's state holds them, and they are
// set aside while it is copied.
template <class State>
State without_history(State& state) {
  if (!state.dates || state.dates->history.empty()) return state;
  std::vector<State> earlier = std::move(state.dates->history);
  State copy = state;
  state.dates->history = std::move(earlier);
  return copy;
}

// The state of c in force on day, as a criterion entry of its own (no history); before the
// first state, an entry marked not_yet.
CriterionData criterion_as_of(CriterionData& c, const Jurisdiction& j, int day) {
  if (!c.is_mapping) return without_history(c);
  const CriterionData* state = in_force(c, j, day);
  if (state == &c) return without_history(c);
  if (state) {
    CriterionData chosen = *state;  // an earlier state has no history of its own
    chosen.where = c.where;         // the criterion's key, as for today's state
    return chosen;
  }
  CriterionData none;
  none.id = c.id;
  none.where = c.where;
  none.is_mapping = true;
  none.not_yet = true;
  const CriterionData& first = c.history().empty() ? c : c.history().back();
  if (!first.since().empty()) {  // undated: known from the review on, said without a date
    none.dated().since = std::string(first.since());
    none.dated().since_where = first.since_where();
  }
  return none;
}

std::optional<Binding> binding_as_of(Binding& b, const Jurisdiction& j, int day) {
  const Binding* state = in_force(b, j, day);
  if (!state) return std::nullopt;
  Binding chosen = state == &b ? without_history(b) : *state;
  chosen.where = b.where;
  return chosen;
}

}  // namespace

std::optional<int> parse_day(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return first_day(text);
}

std::optional<int> first_day(std::string_view date) {
  const auto range = day_range(date);
  if (!range) return std::nullopt;
  return range->first;
}

std::optional<int> last_day(std::string_view date) {
  const auto range = day_range(date);
  if (!range) return std::nullopt;
  return range->second;
}

std::string format_day(int day) {
  const Civil c = civil_from_days(day);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::optional<int> state_start(const CriterionData& state, const Jurisdiction& j) { return start_of(state, j); }
std::optional<int> state_start(const Binding& state, const Jurisdiction& j) { return start_of(state, j); }

void project_as_of(Jurisdiction& j, int day) {
  for (auto& c : j.criteria) c = criterion_as_of(c, j, day);
  std::vector<Binding> kept;
  kept.reserve(j.binds.size());
  for (auto& b : j.binds) {
    if (auto state = binding_as_of(b, j, day)) kept.push_back(std::move(*state));
  }
  j.binds = std::move(kept);
}

Jurisdiction copy_as_of(Jurisdiction& j, int day) {
  // Everything but the criteria and bindings, copied as they are; those, state by state.
  std::vector<CriterionData> criteria = std::move(j.criteria);
  std::vector<Binding> binds = std::move(j.binds);
  Jurisdiction out = j;
  j.criteria = std::move(criteria);
  j.binds = std::move(binds);
  out.criteria.reserve(j.criteria.size());
  for (auto& c : j.criteria) out.criteria.push_back(criterion_as_of(c, j, day));
  for (auto& b : j.binds) {
    if (auto state = binding_as_of(b, j, day)) out.binds.push_back(std::move(*state));
  }
  return out;
}

std::optional<Age> parse_age(std::string_view text) {
  Age age;
  if (text.empty()) return std::nullopt;
  std::size_t i = 0;
  while (i < text.size()) {
    long long n = 0;
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 6) n = n * 10 + (text[i++] - '0');
    if (i == start || i == text.size()) return std::nullopt;
    const int value = static_cast<int>(n);
    switch (text[i++]) {
      case 'y': age.years += value; break;
      case 'm': age.months += value; break;
      case 'w': age.days += 7 * value; break;
      case 'd': age.days += value; break;
      default: return std::nullopt;
    }
  }
  if (age.years > 10000 || age.months > 120000 || age.days > 3650000) return std::nullopt;
  return age;
}

int subtract_age(int day, const Age& age) {
  const Civil c = civil_from_days(day);
  long long months = static_cast<long long>(c.year) * 12 + (c.month - 1) - age.years * 12LL - age.months;
  const int year = static_cast<int>(months >= 0 ? months / 12 : (months - 11) / 12);
  const int month = static_cast<int>(months - static_cast<long long>(year) * 12) + 1;
  const int next = month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1);
  const int length = next - days_from_civil(year, month, 1);
  return days_from_civil(year, month, std::min(c.day, length)) - age.days;
}

bool has_timeline(const Jurisdiction& j) {
  for (const auto& c : j.criteria) {
    if (!c.since().empty() || !c.history().empty()) return true;
  }
  for (const auto& b : j.binds) {
    if (!b.since().empty() || !b.history().empty()) return true;
  }
  return false;
}

}  // namespace scorecard
