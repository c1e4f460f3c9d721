#pragma once
// Private helpers shared by the text renderers.

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include <scorecard/check.hpp>
#include <scorecard/diff.hpp>
#include <scorecard/render.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

#include "json_writer.hpp"

namespace scorecard::detail {

// text, coloured with the tier's terminal colour when options.color is set.
std::string paint(const Rubric& rubric, int tier, std::string_view text, const RenderOptions& options);

// "1 On Track" style cell text, or "—" when there is no tier.
std::string tier_cell(const Rubric& rubric, const std::optional<int>& tier, bool short_label);

// Pads text (measured in display columns) to width, on the left or the right.
std::string pad(std::string_view text, std::size_t width, bool right_align = false);

// A CSV cell: quoted when needed, formula-like text neutralised.
std::string csv_cell(std::string_view text);

// Text safe inside Markdown (table cells included): specials escaped, newlines folded.
std::string markdown_text(std::string_view text);

// A Markdown link to url (any text, any address: nothing in either can end it).
std::string markdown_link(std::string_view text, std::string_view url);

// Text for one line of an HTML block inside Markdown (<details><summary>): escaped, and
// line ends folded, since a blank line would end the block.
std::string html_line(std::string_view text);

// Text as a Markdown code span (a path, an id) that also survives in a table cell.
std::string markdown_code(std::string_view text);

// Text safe in HTML text and in quoted attribute values.
std::string html_escape(std::string_view text);

// A URL allowed in a link (http, https or mailto), escaped for an attribute; empty if not allowed.
std::string safe_href(std::string_view url);

// WCAG contrast ratio of two "#RRGGBB" colours, and the better text colour (black or white)
// on a background.
double contrast_ratio(std::string_view a, std::string_view b);
std::string text_color_on(std::string_view background);

// Width for wrapped prose: the terminal's, capped for readability; 100 when unknown.
std::size_t prose_width(const RenderOptions& options);

// Results that several JSON documents carry, written the same way in each (render_json.cpp).
void write_conditions(JsonWriter& w, const std::vector<HeldCondition>& held);  // [{question, answer}]
void write_gates(JsonWriter& w, const std::vector<GateFailure>& gates);  // [{tier, criterion, required, actual}]
// "status" (rated, not_rated) and "reason" (null when rated).
void write_status(JsonWriter& w, bool rated, std::string_view reason);
// KEY: the weighted mean, three decimals, or null when the jurisdiction is not rated.
void write_mean(JsonWriter& w, std::string_view key, const OverallResult& overall);
// What a criterion's answers give: {tier, rule, conditions, [because], open, possible,
// every_answer, approximate}; "because" only with the criterion given.
void write_computed(JsonWriter& w, const RuleMatch& match, const Criterion* criterion);

// Results in words (render_words.cpp): the only place typed results become English.
std::string tier_number(const std::optional<int>& tier);  // "3", or "not rated"
std::string plural(std::size_t n, std::string_view word);  // "1 file", "2 files"
std::string held_text(const std::vector<HeldCondition>& held, std::string_view separator);  // "q is a, r is b"
std::string rule_match_text(const RuleMatch& match);  // "rule 2: q is a", "rule 3: no earlier rule matched"
std::string tier_list_text(const std::vector<int>& tiers);  // "tier 2", "tiers 1, 2 or 3"
std::string possible_tiers_text(const RuleMatch& match);  // undecided: "tiers 1, 2 or 3 possible"
// "2 of 3 deciding questions unclear", "1 unclear and 1 unanswered of 3 deciding questions"
std::string open_questions_text(const RuleMatch& match);
// "1 On Track to a Strong Policy", or "not rated".
std::string tier_words(const Rubric& rubric, const std::optional<int>& tier);
// A tier on a day of history: "not rated -> 1 On Track to a Strong Policy", or "unchanged,
// 2 Making Progress With Need for Improvement" for a state that moved no tier.
std::string history_change_text(const Rubric& rubric, const HistoryChange& change, std::string_view arrow);
// A state that began on a day of history: "its own policy since 2016-01-04", "Cook County,
// which runs the jail (Custody), since 2011-09-07", "Texas law (a ceiling) (Custody), since
// 2017-09-25" (self: the jurisdiction whose history it is).
std::string history_cause_text(const Rubric& rubric, const HistoryCause& cause, std::string_view self);
// The first sentence of a note, for one line of history: up to a full stop after a word of
// three letters or more (not the "U.S." of an abbreviation), a ")" or a quote, before a capital.
std::string first_sentence(std::string_view note);
// Why a criterion has no tier: "not in the file", "no rating or answers", open_questions_text.
std::string not_rated_reason(const CriterionResult& result, std::string_view first_state = {});
// Beside a tier recorded or set by a what-if: "its answers give the same tier (rule 1: ...)",
// "its answers would give tier 2 (...)", "its answers decide no tier (1 of 2 deciding ...)".
std::string answers_give_text(const RuleMatch& match, const std::optional<int>& tier);
// Where inherited answers come from: "from Cook County, which runs the jail: Policy for
// Responding to ICE Detainers, 2011-09-07 (and 3 more)"; "at least, by California law: ...";
// "at most, by Texas law: ..."; with "; its answer at least, by Illinois law" when the jail
// authority's answer is not its own. The source named is the first with a date (else the first).
// The words of those sentences, for the page in other languages (page_words.cpp); each
// {} is filled in order: the government's name; a count; a question, its answer and the
// own answer's note.
struct ProvenanceWords {
  std::string_view jail_authority = "from {}, which runs the jail";
  std::string_view at_least = "at least, by {} law";
  std::string_view at_most = "at most, by {} law";
  std::string_view more = " (and {} more)";
  std::string_view upstream = "; its answer {}";
  std::string_view answer = "{} is {}{}";
  std::string_view own = " (its own: {})";
};
std::string provenance_text(const Provenance& from, const ProvenanceWords& words = {});
// One line per government a criterion's answers come from: "detainer_hold_prohibited is
// any_conviction, judicial_warrant_required is yes, from Cook County, which runs the jail:
// ..."; none for its own answers.
std::vector<std::string> inherited_lines(const std::vector<Answer>& answers, const ProvenanceWords& words = {});
std::string coverage_cell(const CriteriaCoverage& coverage);  // "6/8"
std::string coverage_rule_text(const Rubric& rubric);  // "an overall tier needs all 8 criteria rated"
std::string coverage_text(const CriteriaCoverage& coverage);  // "6 of 8 criteria rated; the rubric needs all 8"
inline constexpr std::string_view k_not_rated = "not rated";
// Every output of a run with --answers-only says so.
inline constexpr std::string_view k_answers_only_banner =
    "Answers only: recorded tiers are set aside; every tier is computed from the files' answers alone.";
// Text for HTML with each http(s) address in it as a link: an address runs to the next
// space, less a final . , ; : ! ? ) or quote (sentence punctuation); everything escaped.
std::string html_linked(std::string_view text);
// The page's pictures of time (render_timeline.cpp): a jurisdiction's timeline (an SVG and
// the list of its changes, citing the card's numbered sources; heading: the level of its
// heading), and the overall tiers year by year up to end_day (two SVG charts and a table of
// the numbers); nothing when no state is dated.
struct PageWords;
void html_history(const Rubric& rubric, const PageWords& words, const Jurisdiction& jurisdiction,
                  const JurisdictionHistory& history, int end_day, int heading, std::ostream& out);
void html_tier_chart(const Rubric& rubric, const PageWords& words, const History& history,
                     const std::vector<JurisdictionScore>& scores, int end_day, std::ostream& out);
// Every output of a run with --as-of says so: "As of 2019-12-19: ...".
std::string as_of_banner(std::string_view as_of);
inline constexpr std::string_view k_not_rated_mark = "?";  // a criterion without a tier, in tables
std::string criterion_title(const Rubric& rubric, std::string_view id);  // the title, or the id when unknown
std::string gate_text(const Rubric& rubric, const GateFailure& gate);
std::string subject_id(const Subject& subject);                         // "overall" or the criterion id
std::string subject_title(const Rubric& rubric, const Subject& subject);  // "overall tier" or the title
std::string subject_heading(const Rubric& rubric, const Subject& subject);  // "Overall" or the title, as a row's label
std::string answer_value(const std::optional<std::string>& answer);     // the answer, or "(none)"
std::string answer_change_text(const AnswerChange& change, bool qualified);  // "[criterion.]q: a -> b"
std::string source_change_text(const SourceChange& change);  // "custody: id Title <url>"
std::string tier_change_text(const TierChange& change);      // "custody 2 -> 1 (better)"
std::string check_failure_text(const Rubric& rubric, const CheckFailure& failure);
// A not_rated failure that --not-rated warn turned into a warning: the same, without the hint.
std::string check_warning_text(const Rubric& rubric, const CheckFailure& failure);
std::string improvement_text(const Rubric& rubric, const TierChange& change);
std::string rename_text(const CheckReport::Rename& rename);  // "renamed since the baseline: a -> b (...)"

// What-ifs: every output of a what-if run says it is hypothetical, and marks the tiers a
// what-if gave with k_what_if_mark.
inline constexpr std::string_view k_what_if_mark = "*";
std::string what_if_mark(bool hypothetical);  // k_what_if_mark or ""
// "What if (hypothetical): as if a, b. Tiers marked * come from these what-ifs, not from the files."
std::string what_if_banner(const std::vector<std::string>& what_if);

}  // namespace scorecard::detail
