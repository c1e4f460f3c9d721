#pragma once
// Results in a comparable form, read either from scored jurisdiction files or from a JSON
// export: what `check --baseline` and `diff` compare.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <scorecard/diagnostic.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

struct SnapshotSource {
  std::string title;
  std::string url;  // may be empty
  bool operator==(const SnapshotSource&) const = default;
};

struct SnapshotCriterion {
  std::string id;
  std::optional<int> tier;
  std::map<std::string, std::string> answers;
  std::string note;
  std::map<std::string, SnapshotSource> sources;  // by source id
};

struct SnapshotJurisdiction {
  std::string id;
  std::string name;
  std::string file;
  std::optional<int> overall;
  std::vector<SnapshotCriterion> criteria;
  std::string state;  // may be empty
  // What diff reports besides tiers, as the export shows them (empty: not given).
  std::string kind;
  std::string population;  // as text: "2,722,586", "8.6m"
  std::string reviewed;
  std::string jail_authority;

  const SnapshotCriterion* find(std::string_view criterion_id) const;
};

struct Snapshot {
  std::string origin;  // the path it was read from
  std::string rubric_id;       // the rubric it was scored with
  std::string rubric_version;
  std::vector<std::string> filters;  // an export's --filter options: it may hold only some jurisdictions
  std::vector<std::string> what_if;  // an export's --what-if options: its results are hypothetical
  bool answers_only = false;         // exported with --answers-only: recorded tiers set aside
  std::string as_of;                 // exported with --as-of: rated as of that day
  std::vector<SnapshotJurisdiction> jurisdictions;
  std::map<std::string, std::string> criterion_titles;  // id -> title, for reports

  const SnapshotJurisdiction* find(std::string_view id) const;
};

Snapshot snapshot_from_scores(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                              const std::string& origin);

struct SnapshotLoad {
  std::optional<Snapshot> snapshot;
  Diagnostics diagnostics;
};

// Reads a JSON export (schema_version 1 or 2); problems are reported with line and column.
SnapshotLoad load_export_from_string(std::string_view text, const std::string& display_name);
SnapshotLoad load_export_file(const std::string& path);

}  // namespace scorecard
