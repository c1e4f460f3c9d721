#pragma once
// What changed between two snapshots: tiers (better or worse), answers, notes, sources.

#include <optional>
#include <string>
#include <vector>

#include <scorecard/snapshot.hpp>

namespace scorecard {

struct TierChange {
  Subject subject;
  std::optional<int> from;
  std::optional<int> to;

  // Lower tiers are better; a tier that disappears counts as worse.
  bool worse() const;
  bool better() const { return !worse() && from != to; }
  bool operator==(const TierChange&) const = default;
};

// A source a criterion cites in one snapshot and not in the other.
struct SourceChange {
  std::string criterion;
  std::string id;
  SnapshotSource source;
  bool operator==(const SourceChange&) const = default;
};

// A fact about a jurisdiction besides its tiers (state, kind, population, reviewed,
// jail_authority), as text; empty when not given on that side.
struct FieldChange {
  std::string field;
  std::string from;
  std::string to;
  bool operator==(const FieldChange&) const = default;
};

// A criterion's note, before and after.
struct NoteChange {
  std::string criterion;
  std::string from;
  std::string to;
  bool operator==(const NoteChange&) const = default;
};

// The tiers of a jurisdiction only one side has: an added one's, or a removed one's last.
struct Standing {
  std::optional<int> overall;
  std::vector<std::pair<std::string, std::optional<int>>> criteria;  // in that side's order
};

enum class DiffStatus { added, removed, changed, unchanged };
std::string_view to_string(DiffStatus status);

struct JurisdictionDiff {
  std::string id;
  std::string name;
  std::string file;  // the new file where there is one
  DiffStatus status = DiffStatus::unchanged;
  std::string name_before;  // set when the name changed
  std::vector<TierChange> tiers;            // overall first, then criteria in order
  std::vector<AnswerChange> answers;        // in criterion order, then by question
  std::vector<std::string> notes;           // criterion ids whose note changed
  std::vector<NoteChange> note_changes;     // the same, with the notes' text
  std::vector<FieldChange> fields;          // state, kind, population, reviewed, jail_authority
  std::optional<Standing> standing;         // added or removed: the tiers on the side that has it
  std::vector<SourceChange> sources_added;
  std::vector<SourceChange> sources_removed;

  bool any_worse() const;
};

struct DiffResult {
  std::vector<JurisdictionDiff> jurisdictions;  // every id of either side, sorted by id
  // The days each side was rated as of (diff --from/--to; empty: its latest states).
  std::string before_as_of;
  std::string after_as_of;
  std::size_t count(DiffStatus status) const;
};

DiffResult diff_snapshots(const Snapshot& before, const Snapshot& after);

// The tier changes between two scorings of the same jurisdictions (a what-if, another
// rubric): one entry per jurisdiction of after whose tiers moved, in after's order.
struct TierChanges {
  std::string id;
  std::string name;
  std::optional<int> overall_before;
  std::optional<int> overall_after;
  std::vector<TierChange> tiers;  // overall first, then criteria in after's rubric order
};
std::vector<TierChanges> tier_changes(const Snapshot& before, const Snapshot& after);

// A change that a recorded tier hides: the tier a criterion's answers give moved between two
// scorings of the same files (under two rubrics), while the recorded tier, which is used,
// stayed. nullopt: the answers give no tier under that scoring.
struct HiddenChange {
  std::string id;
  std::string name;
  std::string criterion;
  std::optional<int> from;
  std::optional<int> to;
  int recorded = 0;
};
// By jurisdiction id, in after's order; criteria in after's rubric order.
std::vector<HiddenChange> hidden_changes(const std::vector<JurisdictionScore>& before,
                                         const std::vector<JurisdictionScore>& after);

}  // namespace scorecard
