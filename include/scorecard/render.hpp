#pragma once
// Renderers. Each writes one format to a stream. Every report has one entry point that
// switches on the Format (render_scores, render_explanations, render_check, render_diff);
// the per-format functions below it are public for tests and embedders.

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <scorecard/check.hpp>
#include <scorecard/diff.hpp>
#include <scorecard/explain.hpp>
#include <scorecard/history.hpp>
#include <scorecard/report.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

// One format vocabulary for every command (docs/cli.md). "text" is the human form: cards,
// a table, a report; "table" is accepted as another name for it.
enum class Format { text, json, csv, markdown, html, junit, site };
std::optional<Format> parse_format(std::string_view text);
std::string_view to_string(Format format);

// What a command reports, and so which formats it can be written in.
enum class ReportKind {
  cards,    // score: a card per jurisdiction
  table,    // compare: a row per jurisdiction
  export_,  // export: files for websites and spreadsheets
  explain,  // explain
  check,    // check
  diff,     // diff
  history,  // history
};
std::vector<Format> formats_of(ReportKind kind);
std::vector<std::string> format_names(ReportKind kind);  // for option checks, help and completion

// What produced an export, recorded in its JSON so that it can be reproduced.
struct ExportInfo {
  std::string sort = "overall";
  bool reverse = false;
  std::vector<std::string> filters;
  std::vector<std::string> what_if;
  bool answers_only = false;  // recorded tiers were set aside
  std::string generated_at;  // ISO 8601 UTC, only with --timestamp; empty otherwise
  unsigned threads = 0;      // for rendering large exports; 0 = one per core (not written)
  std::string as_of;         // YYYY-MM-DD: rated as of that day; empty: the latest states
  // html: each jurisdiction's history and the tiers year by year, up to today (a day
  // number) or as_of; nullptr: none shown.
  const History* history = nullptr;
  int today = 0;
};

// The colours a terminal shows: the 8 named ones (a tier's terminal_color), 256 (the
// rubric's palette, the nearest of xterm's colours) or 24-bit (the palette itself).
enum class ColorDepth { basic, xterm256, truecolor };

struct RenderOptions {
  bool color = false;     // ANSI colours for tier cells
  std::size_t width = 0;  // terminal width to fit; 0 = no limit
  ColorDepth depth = ColorDepth::basic;
};

struct HtmlOptions {
  std::string title;  // the page heading; the rubric's title when empty
  std::string intro;  // a paragraph of the publisher's own, optional
  std::string lang = "en";  // the page's language: its own words, and the rubric's translation
};

// What the whole-report entry points need beyond the report itself.
struct OutputSettings {
  RenderOptions render;
  HtmlOptions html;
  std::string generated_at;  // ISO 8601 UTC, recorded in exports when set
  unsigned threads = 0;      // for rendering large exports; 0 = one per core
  const History* history = nullptr;  // the page's timelines and chart (ExportInfo::history)
  int today = 0;
};

// What an export records of the run that made it (its order, filters, what-ifs, day).
ExportInfo export_info(const Report& report, const OutputSettings& settings);

// score, compare and export: the report in format (one of formats_of(kind)); the text of a
// what-if run ends with what the what-ifs changed.
void render_scores(const Report& report, ReportKind kind, Format format, const OutputSettings& settings,
                   std::ostream& out);

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
// as_of: the day rated as of (a column of every row; empty for the latest states).
void render_csv(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out,
                std::string_view as_of = {});

// A GitHub-flavoured Markdown table with a legend.
void render_markdown_table(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out);

// score --format markdown: a section per jurisdiction with its criteria and citations.
void render_markdown_cards(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out);

// export --format html: one self-contained page (no network requests, strict CSP): the
// comparison table, sortable and filterable with a script and complete without one, a
// details panel per jurisdiction with its citations, a legend and the methodology.
void render_html(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const HtmlOptions& options,
                 const ExportInfo& info, std::ostream& out);

// export --format site: the files of a small web site, each given to write with its path
// below the site's folder and a function that writes its bytes: index.html (the page, its
// names linking to the jurisdictions' pages), jurisdictions/ID.html (a page per
// jurisdiction: its card, history, sources and the methodology, no script), scorecard.json
// and scorecard.csv. Every page is self-contained, with its own CSP.
inline constexpr std::string_view k_site_places = "jurisdictions";
// The languages the page is offered in (HtmlOptions::lang): "en", "es"; and them for people.
bool page_language_offered(std::string_view lang);
std::string page_languages_text();
using SiteWriter = std::function<void(const std::string& path, const std::function<void(std::ostream&)>& body)>;
void render_site(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const HtmlOptions& options,
                 const ExportInfo& info, const SiteWriter& write);

// The JSON Schema (draft-07) of jurisdiction files for this rubric, for editors.
void render_jurisdiction_schema(const Rubric& rubric, std::ostream& out);

// rubric show: the methodology as readable text.
void render_rubric_text(const Rubric& rubric, std::ostream& out);

// rubric check: one line per calibration case and a verdict.
void render_calibration(const Rubric& rubric, const std::vector<CalibrationResult>& results,
                        std::ostream& out);

// rubric check PATH...: each calibration case against the files, rated as of the
// calibration's day.
void render_calibration_data(const Rubric& rubric, const std::vector<CalibrationDataResult>& results,
                             std::ostream& out);
// check, in text, Markdown, JSON or JUnit XML.
void render_check(const Rubric& rubric, const CheckReport& report, Format format, std::ostream& out);

// One failure in words, as the reports say it (for annotations and messages).
std::string check_failure_text(const Rubric& rubric, const CheckFailure& failure);
std::string check_warning_text(const Rubric& rubric, const CheckFailure& failure);  // --not-rated warn

// check: failures with their reasons, improvements, added and removed ids, a summary line.
void render_check_text(const Rubric& rubric, const CheckReport& report, std::ostream& out);

// check --junit: a testcase per jurisdiction (failure: the reasons) and one per invalid
// file (error: its diagnostics).
void render_check_junit(const Rubric& rubric, const CheckReport& report, std::ostream& out);

// check --markdown and GITHUB_STEP_SUMMARY: verdict, counts, failures, tier changes.
void render_check_markdown(const Rubric& rubric, const CheckReport& report, std::ostream& out);

// check --format json: the same facts as objects.
void render_check_json(const Rubric& rubric, const CheckReport& report, std::ostream& out);

// history: each jurisdiction's tier changes, oldest first, with their causes and sources.
void render_history(const Rubric& rubric, const History& history, Format format, const RenderOptions& options,
                    std::ostream& out);
void render_history_text(const Rubric& rubric, const History& history, const RenderOptions& options, std::ostream& out);
void render_history_markdown(const Rubric& rubric, const History& history, std::ostream& out);
void render_history_json(const Rubric& rubric, const History& history, std::ostream& out);
// diff OLD NEW, in text, Markdown or JSON.
void render_diff(const DiffResult& diff, Format format, std::ostream& out);
void render_diff_text(const DiffResult& diff, std::ostream& out);
void render_diff_markdown(const DiffResult& diff, std::ostream& out);
void render_diff_json(const DiffResult& diff, std::ostream& out);

// explain: why each tier, the weighted-mean arithmetic, coverage, and the fewest changes
// that lift the overall tier a step and to the top (with the answers that would do it).
// The same facts in each format, what-if changes included.
void render_explanations(const Rubric& rubric, const ExplainReport& report, Format format,
                         const RenderOptions& options, std::ostream& out);
void render_explain_text(const Rubric& rubric, const ExplainReport& report, const RenderOptions& options,
                         std::ostream& out);
void render_explain_markdown(const Rubric& rubric, const ExplainReport& report, std::ostream& out);
void render_explain_json(const Rubric& rubric, const ExplainReport& report, std::ostream& out);

// What --what-if changed: a line per jurisdiction whose tiers moved.
// "--what-if q=yes changes no tier: no rule of "c" reads "q"", or "... of the jurisdictions read".
std::string idle_what_if_text(const IdleWhatIf& idle);

// The "What if:" section of a text report: the tiers the what-ifs moved, and each what-if
// that moved none.
void render_what_if_changes(const std::vector<TierChanges>& changes, const std::vector<IdleWhatIf>& idle,
                            std::ostream& out);
// The same as a Markdown section.
void render_what_if_changes_markdown(const std::vector<TierChanges>& changes, const std::vector<IdleWhatIf>& idle,
                                     std::ostream& out);

// rubric impact: jurisdictions whose tiers differ between two rubrics (tier_changes of the
// two scorings), out of the given number of jurisdictions.
void render_rubric_impact(const Rubric& old_rubric, const Rubric& new_rubric, const std::vector<TierChanges>& changes,
                          const std::vector<HiddenChange>& hidden, std::size_t jurisdictions, std::ostream& out);

// Text safe in XML content and attributes (escaped; characters XML forbids are dropped).
std::string xml_escape(std::string_view text);

}  // namespace scorecard
