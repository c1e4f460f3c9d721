#pragma once
// The jurisdiction file, as loaded: plain data plus the position of everything a
// diagnostic may need to point at. Nothing here knows the rubric.

#include <optional>
#include <string>
#include <vector>

#include <scorecard/diagnostic.hpp>

namespace scorecard {

// A citation: the evidence behind a tier.
struct Source {
  std::string id;
  std::string title;
  std::string url;       // http(s) address, may be empty
  std::string date;      // YYYY-MM-DD, YYYY-MM or YYYY; may be empty
  std::string pinpoint;  // section, page...; may be empty
  SourceLocation where;
};

struct SourceRef {
  std::string id;
  SourceLocation where;
};

struct Answer {
  std::string question;
  std::string value;
  SourceLocation key_where;
  SourceLocation value_where;
};

// One criterion's entry in a jurisdiction file.
struct CriterionData {
  std::string id;
  SourceLocation where;  // the criterion's key
  bool is_mapping = false;  // false when the value was not a mapping (already reported)
  std::optional<int> rating;
  SourceLocation rating_where;
  std::vector<Answer> answers;
  bool has_answers = false;
  std::vector<SourceRef> sources;
  std::string note;
};

struct Jurisdiction {
  std::string file;  // as given on the command line
  SourceLocation where;  // the root mapping
  std::string id;
  SourceLocation id_where;
  std::string name;
  std::string state;
  std::string kind;  // city | county | state | other, or empty
  std::optional<long long> population;
  std::string jail_authority;
  std::string reviewed;
  std::vector<Source> sources;
  SourceLocation criteria_where;
  std::vector<CriterionData> criteria;

  const CriterionData* find_criterion(std::string_view criterion_id) const;
  const Source* find_source(std::string_view source_id) const;

  // Frees the positions kept for diagnostics (all but id_where), once validation is done:
  // at national scale they are most of the memory a loaded file takes.
  void drop_positions();
};

}  // namespace scorecard
