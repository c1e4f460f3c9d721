#pragma once
// Policy over time. A criterion's entry (and a binding) may say `since` when it took effect
// and keep its earlier states under `history`, most recent first, each with its own date,
// answers or rating, sources and note. Rating a jurisdiction "as of" a day takes, for
// each criterion, the state in force that day: the latest one whose `since` is on or
// before it. Before the first state, the criterion is not rated (it is not the worst tier:
// nothing is known). A state without `since` (a file with no history) is known to hold
// from the file's `reviewed` date on, and at every date when the file has none.
//
// Days are counted from 1970-01-01 (negative before). A partial date ("2017-02", "2017")
// counts from its first day when it starts a state and to its last day when it says how
// recent a review is.

#include <optional>
#include <string>
#include <string_view>

#include <scorecard/model.hpp>

namespace scorecard {

// YYYY-MM-DD (a real calendar date) as a day number; nullopt for anything else.
std::optional<int> parse_day(std::string_view text);
// YYYY-MM-DD, YYYY-MM or YYYY: its first or its last day; nullopt for anything else.
std::optional<int> first_day(std::string_view date);
std::optional<int> last_day(std::string_view date);
std::string format_day(int day);  // YYYY-MM-DD

// The day a state starts, as the rules above read it: its own since, else the file's
// reviewed date, else nullopt (always in force).
std::optional<int> state_start(const CriterionData& state, const Jurisdiction& j);
std::optional<int> state_start(const Binding& state, const Jurisdiction& j);

// The jurisdiction as of a day: every criterion and binding replaced by its state in force
// then, history dropped. A criterion with no state in force yet keeps its entry with no
// rating and no answers, marked not_yet (since: its first state's date), so it is not
// rated and is not "missing"; a binding with none in force is dropped.
void project_as_of(Jurisdiction& j, int day);
// The same as a new jurisdiction, copying only the states in force (j is left as it was;
// it is borrowed to set its criteria aside while the rest is copied).
Jurisdiction copy_as_of(Jurisdiction& j, int day);

// An age such as "2y", "18m", "90d", "2w" or "1y6m": years, months, weeks and days.
struct Age {
  int years = 0;
  int months = 0;
  int days = 0;
};
std::optional<Age> parse_age(std::string_view text);
// The day an age before day: months count in calendar months (2020-03-31 less 1m is
// 2020-02-29).
int subtract_age(int day, const Age& age);

// Whether any criterion or binding of the file records more than one state or a date.
bool has_timeline(const Jurisdiction& j);

}  // namespace scorecard
