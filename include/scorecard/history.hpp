#pragma once
// History: each jurisdiction's tiers over time. The files are read once and rated as of
// every day a state of any of them begins (include/scorecard/timeline.hpp), so that a
// change in a county's or a state's law shows in the cities that inherit from it; each
// change of a tier is listed with the day, the tier before and after, and its causes: the
// states that began that day (the jurisdiction's own, or those of the governments it takes
// answers from), with their notes and sources.

#include <optional>
#include <string>
#include <vector>

#include <scorecard/dataset.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

// A state that began on the day of a change.
struct HistoryCause {
  std::string government;  // its id: the jurisdiction itself, or one it inherits from
  std::string name;
  std::string criterion;   // the government's criterion (for a binding: the one it bounds)
  // own: the jurisdiction's own state; jail_authority, at_least, at_most: as Provenance::Via.
  std::string via;
  std::string since;       // as written; empty for an undated state
  bool undated = false;    // the state has no since: it counts from the file's reviewed date
  std::string note;
  std::vector<Source> sources;
};

// A tier on a day: its value before and after (none: not rated), and why. A state that
// began without moving the tier is listed too (from == to), with its cause.
struct HistoryChange {
  Subject subject;
  std::optional<int> from;
  std::optional<int> to;
  std::vector<HistoryCause> causes;  // criteria only; the overall tier follows its criteria
};

struct HistoryEvent {
  std::string date;  // YYYY-MM-DD
  std::vector<HistoryChange> changes;
};

struct JurisdictionHistory {
  std::string id;
  std::string name;
  std::string file;
  std::vector<HistoryEvent> events;  // oldest first
  // Rated by the latest states: each criterion's tier (rubric order) and the overall result
  // (not the whole JurisdictionScore: a national history would hold every file twice).
  std::vector<std::optional<int>> now_tiers;
  OverallResult now;
  // Each criterion's tier (rubric order), then the overall tier, before the first event:
  // what holds at every date (undated states of a file without a review date).
  std::vector<std::optional<int>> baseline;
  // The tier of a criterion (by rubric index; the rubric's size for the overall tier) on a
  // day (YYYY-MM-DD), from the baseline and the events up to that day.
  std::optional<int> tier_on(const Rubric& rubric, std::size_t index, std::string_view day) const;
};

struct History {
  std::vector<std::string> files;
  Diagnostics diagnostics;  // of the latest states, as validate reports them
  std::vector<JurisdictionHistory> jurisdictions;  // the files without errors, in their order
  std::size_t days = 0;  // the days rated
};

History build_history(const std::vector<std::string>& paths, const Rubric& rubric, unsigned threads = 0,
                      std::optional<int> today = std::nullopt);

}  // namespace scorecard
