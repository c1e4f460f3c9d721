#pragma once
// The one pipeline from files to results. A command builds a ReportRequest (paths, rubric,
// what-ifs, filters, sort) and makes one call; the library loads, validates, scores,
// applies the what-ifs, filters and sorts, in that order, and returns the Report that
// every renderer reads.

#include <optional>
#include <string>
#include <vector>

#include <scorecard/dataset.hpp>
#include <scorecard/diff.hpp>
#include <scorecard/explain.hpp>
#include <scorecard/filter.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

struct ReportRequest {
  const Rubric* rubric = nullptr;
  std::vector<std::string> paths;    // files or directories
  std::vector<std::string> what_if;  // CRITERION=TIER, QUESTION=ANSWER, CRITERION.QUESTION=ANSWER
  std::vector<std::string> filters;  // KEY OP VALUE; all must match
  std::string sort = "overall";      // a sort key (Rubric::sort_keys); empty keeps the input order
  bool reverse = false;
  bool strict = false;   // warnings count as errors
  ScoreOptions scoring;  // answers_only: recorded ratings set aside
  unsigned threads = 0;  // 0: one per core
  // YYYY-MM-DD: rate by the states in force that day (empty: the latest states).
  std::string as_of;
  std::optional<int> today;  // a day number: dates after it are errors (none: not checked)
  // An age ("2y", "18m"; include/scorecard/timeline.hpp): a file reviewed longer ago than
  // this before today, or never, has an error (check_review_age). Needs today.
  std::string max_age;
  Progress progress;  // told as files are read (none: not told)
};

// What is wrong with a request before any file is read (an unknown sort key, a filter or a
// what-if that does not parse): usage errors, one sentence each. Empty when it is good.
std::vector<std::string> check_request(const ReportRequest& request);

// A what-if that changed no tier of any jurisdiction read, and why: no rule of its
// criterion reads its question (unread), or every tier it touches stays as it was.
struct IdleWhatIf {
  std::string text;  // as given
  std::string criterion;
  std::string question;  // empty for CRITERION=TIER
  bool unread = false;
};

struct Report {
  ReportRequest request;
  std::vector<WhatIf> what_ifs;  // parsed from request.what_if
  // Files and every diagnostic; scores of the files without errors, after the what-ifs,
  // filtered and sorted.
  Dataset dataset;
  // With what-ifs: the jurisdictions whose tiers the what-ifs moved, and how.
  std::vector<TierChanges> what_if_changes;
  std::vector<IdleWhatIf> idle_what_ifs;
  std::size_t scored_before_filters = 0;  // the jurisdictions the filters chose among

  const Rubric& rubric() const { return *request.rubric; }
  // The day the report rates as of, as every output says it: empty for the latest states.
  const std::string& as_of() const { return request.as_of; }
  const std::vector<JurisdictionScore>& scores() const { return dataset.scores; }
  bool valid() const { return !has_errors(dataset.diagnostics); }
};

// Runs the pipeline. The request must pass check_request; files with errors are reported
// in the diagnostics and left out of the scores.
Report build_report(ReportRequest request);

// explain: the explanation of each of a report's jurisdictions, in its order, and what its
// what-ifs changed.
struct ExplainReport {
  std::vector<Explanation> explanations;
  std::vector<std::string> what_if;         // as given
  std::vector<TierChanges> what_if_changes;  // with what-ifs: the tiers they moved
  std::vector<IdleWhatIf> idle_what_ifs;
  bool answers_only = false;  // recorded tiers were set aside
  std::string as_of;          // rated as of this day (empty: the latest states)
};
ExplainReport explain_report(const Report& report);

}  // namespace scorecard
