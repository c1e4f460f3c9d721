#pragma once
// The words of the exported page (export --format html and site), in each language the page
// is offered in. Everything a reader sees that does not come from the data or the rubric is
// here; the rubric's own words (titles, tier labels, descriptions) come translated from the
// rubric file (Rubric::translations).

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <scorecard/history.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>
#include <scorecard/summary.hpp>

namespace scorecard::detail {

struct PageWords {
  std::string_view lang;  // the page's lang attribute: "en", "es"
  // The comparison table.
  std::string_view overview_label;  // the table's section, for screen readers
  std::string_view caption;  // after the count of jurisdictions
  std::string_view jurisdiction_one, jurisdiction_other;
  std::string_view col_jurisdiction, col_state, col_population, col_rated, col_rated_title, col_overall, col_score;
  std::string_view hypothetical;  // "(hypothetical)"
  // The controls (shown once the script runs).
  std::string_view search_label, search_placeholder, filter_label, filter_all, not_rated_option;
  std::string_view sort_label, sort_page_order, status_template, status_one;  // {shown}, {total}
  std::string_view nothing_to_show;  // no jurisdiction (a filter matched none)
  // The places and their panels.
  std::string_view places_heading, places_intro, overall, weighted_mean, population, jail_run_by, reviewed;
  std::string_view answers;  // "Answers:", before answers inherited from another government
  std::string_view sources_heading, cited, history_heading, permalink, back_to_index, not_rated;
  std::string_view data_reviewed;  // "Data reviewed {range}."
  std::string_view range_to;       // "2019-12 to 2026-12"
  // The legend, the methodology and the footer.
  std::string_view legend_heading, legend_not_rated, score_note, rated_note;
  std::string_view methodology_heading, weight, mean_rule, up_to, anything_higher, also_requires, or_better;
  std::string_view coverage_rest, rubric_version;  // "Rubric {id}, version {version}."
  std::string_view made_with, no_requests, files_beside;
  // Pictures of time.
  std::string_view timeline_title;   // {name} {from} {to}
  std::string_view chart_heading, chart_intro, chart_title, chart_per_tier, chart_numbers, chart_numbers_caption;
  std::string_view chart_year, chart_jurisdictions, chart_residents, residents, about, not_rated_grey;
  std::string_view translation_missing;  // the rubric has no (complete) translation into this language

  // Sentences made from results: English's are render_words.cpp's; Spanish's page_words.cpp's.
  std::string (*summary)(const Rubric&, const Summary&, const TierCount&);
  std::string (*not_rated_summary)(const Summary&);  // empty when every jurisdiction is rated
  std::string (*origin)(const Criterion&, const CriterionResult&, const CriterionData*);
  std::string (*coverage)(const CriteriaCoverage&);
  std::string (*coverage_rule)(const Rubric&);
  std::string (*gate)(const Rubric&, const GateFailure&);
  std::vector<std::string> (*inherited)(const std::vector<Answer>&);
  std::string (*tier_words)(const Rubric&, const std::optional<int>&);
  std::string (*subject_heading)(const Rubric&, const Subject&);
  std::string (*change)(const Rubric&, const HistoryChange&, std::string_view arrow);
  std::string (*cause)(const Rubric&, const HistoryCause&, std::string_view self);
  std::string (*as_of)(std::string_view day);
  std::string (*what_if)(const std::vector<std::string>&);
  std::string_view answers_only;
  std::string (*kind)(std::string_view kind);  // "city" in the page's language
  std::string (*population_figure)(long long value, long long rounded_to);
};

// The words for a language ("en", "es"), or nullptr when the page is not offered in it.
const PageWords* page_words(std::string_view lang);

// The page's words with their {name}s filled in.
std::string fill_words(std::string_view text, std::initializer_list<std::pair<std::string_view, std::string>> values);

// Links to a card's numbered sources ("1, 3, 4": #ID_s1...), sorted, each once.
std::string source_links(std::string_view id, std::vector<std::size_t> numbers);

// Every language the page is offered in, for messages: "en, es".
std::string page_languages();

}  // namespace scorecard::detail
