#pragma once
// The jurisdiction file, as loaded: plain data plus the position of everything a
// diagnostic may need to point at. Nothing here knows the rubric.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <scorecard/diagnostic.hpp>

namespace scorecard {

// Where something stands in its jurisdiction's file (1-based; 0 = unknown). The file is
// the Jurisdiction's own, so a position costs 8 bytes, not a copy of the path.
struct Position {
  int line = 0;
  int column = 0;
};

// An optional value kept on the heap, copied deeply: the size of a pointer when empty, for
// what most criteria of a national data set (ratings without answers, undated) never have.
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(T value) : m_value(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit, as std::optional
  Boxed(const Boxed& other) : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  ~Boxed() = default;
  explicit operator bool() const { return m_value != nullptr; }
  const T& operator*() const { return *m_value; }
  T& operator*() { return *m_value; }
  const T* operator->() const { return m_value.get(); }
  T* operator->() { return m_value.get(); }

 private:
  std::unique_ptr<T> m_value;
};

// Since when a state of a criterion (or a binding) holds, and the states before it, most
// recent first (include/scorecard/timeline.hpp): on the heap, and only when the file gives
// them, so that an undated state costs a pointer.
template <class State>
struct Dated {
  struct Dates {
    std::string since;  // YYYY-MM-DD, YYYY-MM or YYYY
    Position since_where;
    std::vector<State> history;
  };
  Boxed<Dates> dates;

  std::string_view since() const { return dates ? std::string_view(dates->since) : std::string_view(); }
  Position since_where() const { return dates ? dates->since_where : Position{}; }
  const std::vector<State>& history() const {
    static const std::vector<State> none;
    return dates ? dates->history : none;
  }
  Dates& dated() {
    if (!dates) dates = Dates{};
    return *dates;
  }
};

// Visits a state and then its earlier states, most recent first.
template <class State, class Visit>
void for_each_state(const State& top, Visit&& visit) {
  visit(top);
  for (const auto& earlier : top.history()) visit(earlier);
}

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

// Where an answer a jurisdiction did not give itself comes from: the government that runs
// its jail, or a government whose law sets a floor (at_least) or a ceiling (at_most) on it.
// Shared by every answer inherited from the same government's criterion.
struct Provenance {
  enum class Via { jail_authority, at_least, at_most };
  std::string government;  // its id
  std::string name;        // its name, for people
  Via via = Via::jail_authority;
  std::string criterion;        // the government's criterion the answer comes from
  std::vector<Source> sources;  // what the government cites for it
  // Via the jail authority: where the authority's own answer came from, when it is not its
  // own either (its state's floor, or the government that runs its jail).
  std::shared_ptr<const Provenance> upstream;
};
std::string_view to_string(Provenance::Via via);

struct Answer {
  std::string question;
  std::string value;
  Position key_where;
  Position value_where;
  // Set when the answer is inherited (nothing: the file's own). own: the file's own answer
  // that a floor or ceiling replaced, or that was "unclear"; empty when it had none.
  std::shared_ptr<const Provenance> from;
  std::string own;
  bool inherited() const { return from != nullptr; }
};

// One criterion's entry in a jurisdiction file (its state in force today, and its earlier
// states under Dated::history).
struct CriterionData : Dated<CriterionData> {
  std::string id;
  Position where;  // the criterion's key
  bool is_mapping = false;  // false when the value was not a mapping (already reported)
  // Rated as of a day before the first state: no rating, no answers, and since() is the
  // first state's date. (Beside is_mapping, in its padding.)
  bool not_yet = false;
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

// A reference to another government, by id.
struct Reference {
  std::string id;
  Position where;
};

// What a government's law requires of (at_least: a floor) or forbids to (at_most: a
// ceiling) the governments within it, for one criterion's questions.
struct Binding : Dated<Binding> {
  std::string criterion;
  Position where;
  std::vector<Answer> at_least;
  std::vector<Answer> at_most;
  std::vector<SourceRef> sources;
  std::string note;
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
  Position jail_authority_where;
  std::vector<Reference> within;  // the governments it lies within (its county, its state)
  std::vector<Binding> binds;     // what its law requires of or forbids to those within it
  std::string reviewed;
  Position reviewed_where;  // its value
  std::vector<Source> sources;
  Position criteria_where;
  std::vector<CriterionData> criteria;

  const CriterionData* find_criterion(std::string_view criterion_id) const;
  const Source* find_source(std::string_view source_id) const;
  CriterionData* find_criterion(std::string_view criterion_id);

  // A diagnostic location in this file.
  SourceLocation at(Position position) const { return {file, position.line, position.column}; }
};

}  // namespace scorecard
