#pragma once
// The jurisdiction file, as loaded: plain data plus the position of everything a
// diagnostic may need to point at. Nothing here knows the rubric.

#include <optional>
#include <string>
#include <vector>

#include <scorecard/diagnostic.hpp>

namespace scorecard {

// Where something stands in its jurisdiction's file (1-based; 0 = unknown). The file is
// the Jurisdiction's own, so a position costs 8 bytes, not a copy of the path.
struct Position {
  int line = 0;
  int column = 0;
};

// A citation: the evidence behind a tier.
struct Source {
  std::string id;
  std::string title;
  std::string url;       // http(s) address, may be empty
  std::string date;      // YYYY-MM-DD, YYYY-MM or YYYY; may be empty
  std::string pinpoint;  // section, page...; may be empty
  Position where;
};

struct SourceRef {
  std::string id;
  Position where;
};

struct Answer {
  std::string question;
  std::string value;
  Position key_where;
  Position value_where;
};

// One criterion's entry in a jurisdiction file.
struct CriterionData {
  std::string id;
  Position where;  // the criterion's key
  bool is_mapping = false;  // false when the value was not a mapping (already reported)
  std::optional<int> rating;
  std::string rating_name;  // a rating given as a tier id ("strong"): the rubric resolves it
  Position rating_where;
  std::vector<Answer> answers;
  bool has_answers = false;
  std::vector<SourceRef> sources;
  std::string note;
  // Why the recorded tier is kept over a different tier its answers give: a known,
  // deliberate disagreement. It silences validate's warning; it is shown in explain.
  std::string disagreement;
  Position disagreement_where;
};

struct Jurisdiction {
  std::string file;  // as given on the command line
  Position where;  // the root mapping
  std::string id;
  Position id_where;
  std::string name;
  std::string state;
  std::string kind;  // city | county | state | other, or empty
  std::optional<long long> population;
  // 1: the figure is exact; otherwise it is rounded to this (a power of ten: 100000 for
  // "8.6m") and is printed and summed as rounded.
  long long population_rounded_to = 1;
  std::string population_source;  // a source id, may be empty
  Position population_source_where;
  bool population_rounded() const { return population && population_rounded_to > 1; }
  std::string jail_authority;
  std::string reviewed;
  std::vector<Source> sources;
  Position criteria_where;
  std::vector<CriterionData> criteria;

  const CriterionData* find_criterion(std::string_view criterion_id) const;
  const Source* find_source(std::string_view source_id) const;

  // A diagnostic location in this file.
  SourceLocation at(Position position) const { return {file, position.line, position.column}; }
};

}  // namespace scorecard
