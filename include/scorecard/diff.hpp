#pragma once
// What changed between two snapshots: tiers (better or worse), answers, notes, sources.

#include <optional>
#include <string>
#include <vector>

#include <scorecard/snapshot.hpp>

namespace scorecard {

struct TierChange {
  std::string criterion;  // a criterion id, or "overall"
  std::optional<int> from;
  std::optional<int> to;

  // Lower tiers are better; a tier that disappears counts as worse.
  bool worse() const;
  bool better() const { return !worse() && from != to; }
};

enum class DiffStatus { added, removed, changed, unchanged };
std::string_view to_string(DiffStatus status);

struct JurisdictionDiff {
  std::string id;
  std::string name;
  std::string file;  // the new file where there is one
  DiffStatus status = DiffStatus::unchanged;
  std::vector<TierChange> tiers;            // overall first, then criteria in order
  std::vector<std::string> answers;         // "custody.detainer_hold_prohibited: none -> any_conviction"
  std::vector<std::string> notes;           // criterion ids whose note changed
  std::vector<std::string> sources_added;   // "custody: id"
  std::vector<std::string> sources_removed;

  bool any_worse() const;
};

struct DiffResult {
  std::vector<JurisdictionDiff> jurisdictions;  // every id of either side, sorted by id
  std::size_t count(DiffStatus status) const;
};

DiffResult diff_snapshots(const Snapshot& before, const Snapshot& after);

}  // namespace scorecard
