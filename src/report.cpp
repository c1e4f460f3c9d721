// The pipeline: load, validate, score, what-if, filter, sort.

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include <scorecard/report.hpp>
#include <scorecard/snapshot.hpp>
#include <scorecard/sort.hpp>
#include <scorecard/text_util.hpp>
#include <scorecard/timeline.hpp>
#include <scorecard/validate.hpp>

namespace scorecard {
namespace {

// Parses each text with parse(text, rubric), which returns {optional value, error}; the
// errors go to problems when given.
template <class Parse>
auto parse_all(const std::vector<std::string>& texts, const Rubric& rubric, Parse&& parse,
               std::vector<std::string>* problems) {
  std::vector<std::decay_t<decltype(*parse(texts.front(), rubric).first)>> values;
  for (const auto& text : texts) {
    auto [value, error] = parse(text, rubric);
    if (value) {
      values.push_back(std::move(*value));
    } else if (problems) {
      problems->push_back(std::move(error));
    }
  }
  return values;
}

std::vector<Filter> parse_filters(const ReportRequest& request, std::vector<std::string>* problems) {
  return parse_all(request.filters, *request.rubric, [](const std::string& text, const Rubric& rubric) {
    FilterParse p = parse_filter(text, rubric);
    return std::pair(std::move(p.filter), std::move(p.error));
  }, problems);
}

std::vector<WhatIf> parse_what_ifs(const ReportRequest& request, std::vector<std::string>* problems) {
  return parse_all(request.what_if, *request.rubric, [](const std::string& text, const Rubric& rubric) {
    WhatIfParse p = parse_what_if(text, rubric);
    return std::pair(std::move(p.what_if), std::move(p.error));
  }, problems);
}

// Drops the scores of files that have an error (after --strict made warnings errors).
void drop_invalid(Dataset& dataset) {
  std::unordered_set<std::string> invalid;
  for (const auto& d : dataset.diagnostics) {
    if (d.severity == Severity::error) invalid.insert(d.where.file);
  }
  if (invalid.empty()) return;
  std::erase_if(dataset.scores, [&](const JurisdictionScore& s) { return invalid.count(s.jurisdiction.file) > 0; });
}

// Adds diagnostics to their files' in the data set, keeping the order of files and, in
// each, of positions.
void merge_by_file(Dataset& dataset, std::unordered_map<std::string, Diagnostics>& more) {
  const std::unordered_set<std::string> files(dataset.files.begin(), dataset.files.end());
  std::unordered_map<std::string, Diagnostics> of_file;
  Diagnostics merged;  // first the paths' own problems, as load_dataset orders them
  for (auto& d : dataset.diagnostics) {
    if (files.count(d.where.file)) {
      of_file[d.where.file].push_back(std::move(d));
    } else {
      merged.push_back(std::move(d));
    }
  }
  for (const auto& file : dataset.files) {
    Diagnostics& list = of_file[file];
    if (auto it = more.find(file); it != more.end()) {
      list.insert(list.end(), it->second.begin(), it->second.end());
      sort_by_position(list);
    }
    merged.insert(merged.end(), std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()));
  }
  dataset.diagnostics = std::move(merged);
}

}  // namespace

std::vector<std::string> check_request(const ReportRequest& request) {
  std::vector<std::string> problems;
  const Rubric& rubric = *request.rubric;
  if (!request.sort.empty()) {
    const std::vector<std::string> keys = rubric.sort_keys();
    if (std::find(keys.begin(), keys.end(), request.sort) == keys.end()) {
      problems.push_back(fmt::format("unknown sort key \"{}\"{}; use overall, name, population or one of: {}",
                                     request.sort, did_you_mean(request.sort, keys), join(rubric.criterion_ids(), ", ")));
    }
  }
  if (!request.as_of.empty() && !parse_day(request.as_of)) {
    problems.push_back(fmt::format("--as-of \"{}\" is not a date; expected YYYY-MM-DD (years 1000 to 9999), such as "
                                   "2019-12-19",
                                   request.as_of));
  } else if (!request.as_of.empty() && request.today && *parse_day(request.as_of) > *request.today) {
    problems.push_back(fmt::format("--as-of {} is after today ({}): no policy of that day is known yet",
                                   request.as_of, format_day(*request.today)));
  }
  if (!request.max_age.empty() && !parse_age(request.max_age)) {
    problems.push_back(fmt::format("--max-age \"{}\" is not an age; expected a number and a unit: d (days), w "
                                   "(weeks), m (months) or y (years), such as 2y or 18m, up to 10000y",
                                   request.max_age));
  }
  parse_filters(request, &problems);
  parse_what_ifs(request, &problems);
  return problems;
}

Report build_report(ReportRequest request) {
  Report report;
  const Rubric& rubric = *request.rubric;
  report.what_ifs = parse_what_ifs(request, nullptr);
  const std::vector<Filter> filters = parse_filters(request, nullptr);
  TimeOptions time;
  time.today = request.today;
  if (!request.as_of.empty()) time.as_of = parse_day(request.as_of);
  report.dataset = load_dataset(request.paths, rubric, request.threads, request.scoring, time, request.progress);
  if (!request.max_age.empty() && request.today) {
    // Stale reviews are errors of their files, found once the data is rated (they change
    // no one's inherited answers), and those files are left out as files with errors are.
    const int oldest = subtract_age(*request.today, *parse_age(request.max_age));
    std::unordered_map<std::string, Diagnostics> by_file;
    for (const auto& s : report.dataset.scores) {
      Diagnostics found = check_review_age(s.jurisdiction, oldest, request.max_age);
      if (!found.empty()) by_file[s.jurisdiction.file] = std::move(found);
    }
    if (!by_file.empty()) merge_by_file(report.dataset, by_file);
  }
  if (request.strict) promote_warnings(report.dataset.diagnostics);
  if (request.strict || !request.max_age.empty()) drop_invalid(report.dataset);
  auto& scores = report.dataset.scores;
  std::optional<Snapshot> before;
  if (!report.what_ifs.empty()) {
    before = snapshot_from_scores(rubric, scores, "");
    std::vector<bool> moved(report.what_ifs.size(), false);
    for (auto& s : scores) {
      WhatIfScore as_if = score_what_if(rubric, std::move(s.jurisdiction), report.what_ifs, request.scoring);
      for (std::size_t i = 0; i < moved.size(); ++i) moved[i] = moved[i] || as_if.moved[i];
      s = std::move(as_if.score);
    }
    for (std::size_t i = 0; i < moved.size(); ++i) {
      if (moved[i]) continue;
      const WhatIf& w = report.what_ifs[i];
      const Criterion* c = rubric.find_criterion(w.criterion);
      report.idle_what_ifs.push_back({w.text, w.criterion, w.question, !w.tier && c && !rules_read(*c, w.question)});
    }
  }
  report.scored_before_filters = scores.size();
  apply_filters(scores, filters);
  if (!request.sort.empty()) sort_scores(scores, rubric, request.sort, request.reverse);
  // In the report's order: a line per jurisdiction shown whose tiers moved.
  if (before) report.what_if_changes = tier_changes(*before, snapshot_from_scores(rubric, scores, ""));
  report.request = std::move(request);
  return report;
}

ExplainReport explain_report(const Report& report) {
  ExplainReport out;
  out.explanations.reserve(report.scores().size());
  for (const auto& s : report.scores()) out.explanations.push_back(explain(report.rubric(), s));
  out.what_if = report.request.what_if;
  out.what_if_changes = report.what_if_changes;
  out.idle_what_ifs = report.idle_what_ifs;
  out.answers_only = report.request.scoring.answers_only;
  out.as_of = report.request.as_of;
  return out;
}

}  // namespace scorecard
