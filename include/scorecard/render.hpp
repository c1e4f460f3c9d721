#pragma once
// Renderers. Each writes one format to a stream; the CLI chooses which.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <scorecard/check.hpp>
#include <scorecard/diff.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

enum class Format { table, json, csv, markdown, html };
std::optional<Format> parse_format(std::string_view text);

// What produced an export, recorded in its JSON so that it can be reproduced.
struct ExportInfo {
  std::string sort = "overall";
  bool reverse = false;
  std::vector<std::string> filters;
  std::vector<std::string> what_if;
  std::string generated_at;  // ISO 8601 UTC, only with --timestamp; empty otherwise
  unsigned threads = 0;      // for rendering large exports; 0 = one per core (not written)
};

struct RenderOptions {
  bool color = false;     // ANSI colours for tier cells
  std::size_t width = 0;  // terminal width to fit; 0 = no limit
};

// compare: one row per jurisdiction.
void render_compare_table(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                          const RenderOptions& options, std::ostream& out);

// score: one card per jurisdiction.
void render_score_cards(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                        const RenderOptions& options, std::ostream& out);

// The same document for score, compare and export; deterministic bytes for the same input
// (docs/schema/scorecard.schema.json).
void render_json(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const ExportInfo& info,
                 std::ostream& out);

// One row per jurisdiction, RFC 4180, cells neutralised against formula injection.
void render_csv(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out);

// A GitHub-flavoured Markdown table with a legend.
void render_markdown_table(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out);

// score --format markdown: a section per jurisdiction with its criteria and citations.
void render_markdown_cards(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out);

struct HtmlOptions {
  std::string title;  // the page heading; the rubric's title when empty
  std::string intro;  // a paragraph of the publisher's own, optional
};

// export --format html: one self-contained page (no network requests, strict CSP): the
// comparison table, sortable and filterable with a script and complete without one, a
// details panel per jurisdiction with its citations, a legend and the methodology.
void render_html(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const HtmlOptions& options,
                 const ExportInfo& info, std::ostream& out);

// The JSON Schema (draft-07) of jurisdiction files for this rubric, for editors.
void render_jurisdiction_schema(const Rubric& rubric, std::ostream& out);

// rubric show: the methodology as readable text.
void render_rubric_text(const Rubric& rubric, std::ostream& out);

// rubric check: one line per calibration case and a verdict.
void render_calibration(const Rubric& rubric, const std::vector<CalibrationResult>& results,
                        std::ostream& out);

// check: failures with their reasons, improvements, added and removed ids, a summary line.
void render_check_text(const CheckReport& report, std::ostream& out);

// check --junit: a testcase per jurisdiction (failure: the reasons) and one per invalid
// file (error: its diagnostics).
void render_check_junit(const CheckReport& report, const Diagnostics& invalid, std::ostream& out);

// check --markdown and GITHUB_STEP_SUMMARY: verdict, counts, failures, tier changes.
void render_check_markdown(const CheckReport& report, std::ostream& out);

// diff OLD NEW.
void render_diff_text(const DiffResult& diff, std::ostream& out);
void render_diff_markdown(const DiffResult& diff, std::ostream& out);
void render_diff_json(const DiffResult& diff, std::ostream& out);

// explain: why each tier, the weighted-mean arithmetic, coverage, and the fewest changes
// that lift the overall tier a step and to the top (with the answers that would do it).
void render_explain_text(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                         const RenderOptions& options, std::ostream& out);
void render_explain_markdown(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out);
void render_explain_json(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out);

// What --what-if changed: a line per jurisdiction whose tiers moved.
void render_what_if_changes(const Rubric& rubric, const std::vector<JurisdictionScore>& before,
                            const std::vector<JurisdictionScore>& after, std::ostream& out);

// rubric impact: jurisdictions whose tiers differ between two rubrics.
void render_rubric_impact(const Rubric& old_rubric, const std::vector<JurisdictionScore>& before,
                          const Rubric& new_rubric, const std::vector<JurisdictionScore>& after, std::ostream& out);

// Text safe in XML content and attributes (escaped; characters XML forbids are dropped).
std::string xml_escape(std::string_view text);

}  // namespace scorecard
