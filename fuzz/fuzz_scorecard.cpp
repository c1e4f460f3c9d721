// libFuzzer target: any bytes through every path the CLI offers for untrusted input.
// The same input is read as a jurisdiction file, as a rubric and as a JSON export; whatever
// loads is validated, scored and rendered in every format, and compared with itself.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <scorecard/check.hpp>
#include <scorecard/diff.hpp>
#include <scorecard/governments.hpp>
#include <scorecard/timeline.hpp>
#include <scorecard/load.hpp>
#include <scorecard/render.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/sort.hpp>
#include <scorecard/score.hpp>
#include <scorecard/snapshot.hpp>
#include <scorecard/validate.hpp>

namespace {

using namespace scorecard;

void render_everything(const Rubric& rubric, const std::vector<JurisdictionScore>& scores) {
  std::ostringstream out;
  render_compare_table(rubric, scores, {true, 80}, out);
  render_score_cards(rubric, scores, {false, 0}, out);
  render_json(rubric, scores, {}, out);
  render_csv(rubric, scores, out);
  render_markdown_table(rubric, scores, out);
  render_markdown_cards(rubric, scores, out);
  render_html(rubric, scores, {"t", "i"}, {}, out);
  const Snapshot snapshot = snapshot_from_scores(rubric, scores, "fuzz");
  const DiffResult diff = diff_snapshots(snapshot, snapshot);
  for (Format f : formats_of(ReportKind::diff)) render_diff(diff, f, out);
  CheckOptions options;
  options.min_tier = 1;
  options.baseline = &snapshot;
  const CheckReport report = run_check(rubric, scores, options);
  for (Format f : formats_of(ReportKind::check)) render_check(rubric, report, f, out);
  ExplainReport explanations;
  for (const auto& s : scores) explanations.explanations.push_back(explain(rubric, s));
  for (Format f : formats_of(ReportKind::explain)) render_explanations(rubric, explanations, f, {}, out);
}

void as_jurisdiction(std::string_view text) {
  JurisdictionLoad load = load_jurisdiction_from_string(text, "fuzz.yaml");
  if (!load.jurisdiction) return;
  const Rubric& rubric = builtin_rubric();
  Diagnostics more = validate_jurisdiction(*load.jurisdiction, rubric, ValidateScope::all, parse_day("2026-12-02"));
  load.diagnostics.insert(load.diagnostics.end(), more.begin(), more.end());
  for (const auto& d : load.diagnostics) (void)format_diagnostic(d);
  if (has_errors(load.diagnostics)) return;
  // As of a day inside the history, when it has one: the state in force then is checked,
  // scored and rendered too.
  if (has_timeline(*load.jurisdiction)) {
    Jurisdiction then = *load.jurisdiction;
    project_as_of(then, *parse_day("2015-06-01"));
    for (const auto& d : validate_answers(then, rubric)) (void)format_diagnostic(d);
    render_everything(rubric, {score_jurisdiction(rubric, std::move(then))});
  }
  std::vector<JurisdictionScore> scores = {score_jurisdiction(rubric, std::move(*load.jurisdiction))};
  sort_scores(scores, rubric, "population", true);
  render_everything(rubric, scores);
}

// The input as up to eight files, split at "\n---\n" (files a.yaml to h.yaml), resolved together:
// references, cycles, inherited answers and their provenance in every output.
void as_governments(std::string_view text) {
  std::vector<Jurisdiction> files;
  for (std::size_t start = 0, n = 0; start <= text.size() && n < 8; ++n) {
    std::size_t end = text.find("\n---\n", start);
    if (end == std::string_view::npos) end = text.size();
    JurisdictionLoad load = load_jurisdiction_from_string(text.substr(start, end - start), std::string(1, char('a' + n)) + ".yaml");
    // Files the loader reads without error, even those validate would refuse (a missing
    // criterion): the resolver must hold on whatever loads.
    if (load.jurisdiction && !has_errors(load.diagnostics)) files.push_back(std::move(*load.jurisdiction));
    start = end + 5;
  }
  if (files.size() < 2) return;
  // Every file as of a day inside any history, every other input.
  if (text.size() % 2 == 0) {
    for (auto& j : files) project_as_of(j, *parse_day("2015-06-01"));
  }
  std::vector<Jurisdiction*> pointers;
  pointers.reserve(files.size());
  for (auto& j : files) pointers.push_back(&j);
  const Rubric& rubric = builtin_rubric();
  for (const auto& found : resolve_governments(rubric, pointers)) {
    for (const auto& d : found) (void)format_diagnostic(d);
  }
  std::vector<JurisdictionScore> scores;
  for (auto& j : files) {
    for (const auto& d : validate_answers(j, rubric)) (void)format_diagnostic(d);
    scores.push_back(score_jurisdiction(rubric, std::move(j)));
  }
  render_everything(rubric, scores);
}

void as_rubric(std::string_view text) {
  RubricLoad load = load_rubric_from_string(text, "fuzz-rubric.yaml");
  if (!load.rubric) return;
  std::ostringstream out;
  render_rubric_text(*load.rubric, out);
  render_calibration(*load.rubric, check_calibration(*load.rubric), out);
  render_jurisdiction_schema(*load.rubric, out);
  // Score the bundled-style test jurisdiction under the fuzzed rubric.
  JurisdictionLoad j = load_jurisdiction_from_string("name: X\ncriteria: {}\n", "x.yaml");
  if (j.jurisdiction) render_everything(*load.rubric, {score_jurisdiction(*load.rubric, std::move(*j.jurisdiction))});
}

void as_export(std::string_view text) {
  SnapshotLoad load = load_export_from_string(text, "fuzz.json");
  if (!load.snapshot) return;
  const DiffResult diff = diff_snapshots(*load.snapshot, *load.snapshot);
  std::ostringstream out;
  render_diff_text(diff, out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  as_jurisdiction(text);
  as_governments(text);
  as_rubric(text);
  as_export(text);
  return 0;
}
