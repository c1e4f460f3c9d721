#pragma once
// The rubric: tiers, criteria, questions, rating rules and the overall rule. Everything
// domain-specific lives here as data; the engine knows no criterion by name.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <scorecard/diagnostic.hpp>

namespace scorecard {

// The answer every question accepts; it never satisfies a rule's condition.
inline constexpr std::string_view k_unclear = "unclear";

struct Tier {
  int number = 0;           // 1 is best
  std::string id;           // short id, e.g. "strong"
  std::string label;        // e.g. "On Track to a Strong Policy"
  std::string short_label;  // e.g. "On Track"
  std::string color;        // "#RRGGBB" for web output
  std::string terminal_color;  // green, yellow, red, blue, magenta, cyan, white
};

struct Question {
  std::string id;
  std::string text;
  std::string type;                 // name of the answer type
  std::vector<std::string> values;  // the type's values, without "unclear"
  // Whether a rule reads it. false: recorded for footnotes only (marked `scored: false`, or
  // read by no rule); its answer never changes a tier, and an open one leaves nothing unrated.
  bool scored = true;
  bool marked_unscored = false;     // the rubric says `scored: false`
  // The answers from most to least protective, for a state's floor (at_least) and ceiling
  // (at_most): the type's own order unless the question gives `protective_order`.
  std::vector<std::string> protective_order;
  // Answered by whoever runs the jail: a jurisdiction whose jail another government runs
  // inherits that government's answer when it has none of its own.
  bool from_jail_authority = false;
  // Position in protective_order (0: most protective); -1 when not an answer.
  int protection_rank(std::string_view answer) const;
};

struct Condition {
  std::string question;
  std::vector<std::string> values;  // the answer must be one of these
};

struct Rule {
  int tier = 0;
  std::vector<Condition> when;      // all must hold
  std::vector<Condition> when_any;  // at least one must hold (if any are given)
  std::string because;              // optional explanation shown with the result
  SourceLocation where;

  bool unconditional() const { return when.empty() && when_any.empty(); }
};

struct Criterion {
  std::string id;
  std::string title;
  std::string abbrev;  // column header in narrow tables
  std::string description;
  double weight = 1.0;
  bool optional = false;
  std::vector<Question> questions;
  std::vector<Rule> rules;  // first match wins; the last one is unconditional

  const Question* find_question(std::string_view question_id) const;
  std::size_t scored_questions() const;  // the questions a rule reads
};

struct Cutoff {
  int tier = 0;
  double max_mean = 0.0;
};

struct Requirement {
  std::string criterion;
  int tier = 0;  // the criterion must be at this tier or better
};

struct Gate {
  int tier = 0;  // the overall tier this gate guards
  std::vector<Requirement> requirements;
};

struct CalibrationCase {
  std::string jurisdiction;
  std::vector<int> tiers;  // one per criterion, in rubric order
  int expect = 0;
  SourceLocation where;
};

struct OverallRule {
  std::string method;          // "weighted_mean"
  std::vector<Cutoff> cutoffs;  // ascending; a mean above every cut-off gets the worst tier
  std::vector<Gate> gates;
  // How many criteria need a tier for an overall tier; none ("all"): every criterion that is
  // not optional. Below it the jurisdiction is not rated overall.
  std::optional<std::size_t> min_rated;
  std::string provenance;
  std::vector<CalibrationCase> calibration;
  // The day the cases are checked as of (YYYY-MM-DD; empty: the latest states): a
  // published table rates the policies of its day.
  std::string calibration_as_of;
};

// How governments inside governments share answers (the rubric's `inheritance`): which
// questions whoever runs the jail answers is on each Question; here, the kinds of
// government whose `binds` (floors and ceilings) apply to the governments within them.
struct Inheritance {
  std::vector<std::string> binding_kinds;  // e.g. state
  bool binds(std::string_view kind) const;
};

// The rubric's words in another language (its file's translations.LANG): each is optional,
// and what is missing stays in the rubric's own language.
struct RubricTranslation {
  struct TierWords {
    std::string label, short_label;
  };
  struct CriterionWords {
    std::string title, description;
    std::map<int, std::string> because;  // by rule number, from 1
  };
  std::string title, description, provenance;
  std::map<int, TierWords> tiers;  // by tier number
  std::map<std::string, CriterionWords> criteria;
};

struct Rubric {
  std::string source_name;  // file it was loaded from, for diagnostics
  std::string id;
  std::string version;
  std::string lang = "en";  // the language its words are written in
  std::string title;
  std::string description;
  std::vector<Tier> tiers;  // numbered 1..N in order
  std::vector<Criterion> criteria;
  OverallRule overall;
  Inheritance inheritance;
  std::map<std::string, RubricTranslation> translations;  // by language: "es"

  // The rubric with its words in lang: itself in its own language, else its translation's
  // words wherever it has them. complete: every title, label, description and reason of the
  // rubric was translated (always, in its own language).
  Rubric translated(std::string_view language, bool& complete) const;

  const Criterion* find_criterion(std::string_view criterion_id) const;
  std::optional<std::size_t> index_of(std::string_view criterion_id) const;  // position in criteria
  const Tier* find_tier(int number) const;
  int worst_tier() const { return static_cast<int>(tiers.size()); }
  std::vector<std::string> criterion_ids() const;

  // The rubric's vocabulary, defined once (model.cpp) for the CLI, completion, filters,
  // check and what-if.
  // A tier by number ("2"; any count of tiers) or by id ("strong"); nullopt for neither.
  std::optional<int> parse_tier(std::string_view text) const;
  std::vector<std::string> tier_words() const;  // every number, then every id
  std::string tier_choices() const;              // "1 to 3, or strong, progress, room"
  std::vector<std::string> sort_keys() const;    // overall, name, population, criterion ids
  std::vector<std::string> filter_keys() const;  // state, kind, tier, criterion ids
  std::vector<std::string> what_if_keys() const;  // criterion ids, question ids, CRITERION.QUESTION
};

// Words the tool's own syntax and outputs use (sort and filter keys, export fields); no
// criterion, question or tier id may be one of them.
const std::vector<std::string>& reserved_words();

// The kinds of government a jurisdiction file may name (kind:) and a rubric's inheritance may
// bind: city, county, parish (Louisiana's counties), borough (Alaska's), state, other.
const std::vector<std::string>& jurisdiction_kinds();
std::string jurisdiction_kinds_text();  // "city, county, parish, borough, state or other"

// The US postal codes a jurisdiction's state may be: the 50 states, DC and the five
// inhabited territories (AS, GU, MP, PR, VI).
bool is_us_postal_code(std::string_view code);

// Lowercase letters, digits, '_' and '-', starting with a letter: the characters an id may
// use without clashing with the filter (= < > ! ,) and what-if (= .) syntax.
bool is_rubric_id(std::string_view text);

struct RubricLoad {
  std::optional<Rubric> rubric;  // set when there is no error
  Diagnostics diagnostics;
};

RubricLoad load_rubric_from_string(std::string_view text, const std::string& display_name);
RubricLoad load_rubric_file(const std::string& path);

// The CPD rubric compiled into the binary (data/rubrics/cpd-ice.yaml). Throws LoadError
// if it does not load, which a test guards against.
const Rubric& builtin_rubric();
std::string_view builtin_rubric_text();

}  // namespace scorecard
