// The CI gate.

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <scorecard/check.hpp>

namespace scorecard {

std::string_view to_string(FailureKind kind) {
  switch (kind) {
    case FailureKind::below_minimum: return "below_minimum";
    case FailureKind::below_requirement: return "below_requirement";
    case FailureKind::worse_than_baseline: return "worse_than_baseline";
    case FailureKind::removed: return "removed";
    case FailureKind::not_rated: return "not_rated";
    case FailureKind::invalid_file: break;
  }
  return "invalid_file";
}

Diagnostics baseline_problems(const Snapshot& baseline, const Rubric& rubric, bool any_rubric) {
  Diagnostics problems;
  auto error = [&](std::string message) {
    problems.push_back({Severity::error, {baseline.origin, 0, 0}, std::move(message)});
  };
  const bool same_rubric = baseline.rubric_id == rubric.id && baseline.rubric_version == rubric.version;
  if (!same_rubric && !any_rubric) {
    error(fmt::format("the baseline was scored with rubric {} {}, and this check uses {} {}: tiers of two rubrics "
                      "cannot be compared; pass --any-rubric if that is meant",
                      baseline.rubric_id.empty() ? "(unknown)" : baseline.rubric_id, baseline.rubric_version, rubric.id,
                      rubric.version));
  }
  if (!baseline.filters.empty()) {
    error(fmt::format("the baseline was exported with --filter {}: it may hold only some jurisdictions; export the "
                      "baseline without filters",
                      fmt::join(baseline.filters, ", --filter ")));
  }
  if (baseline.answers_only) {
    error("the baseline was exported with --answers-only: its recorded tiers were set aside; export the baseline "
          "without --answers-only");
  }
  if (!baseline.what_if.empty()) {
    error(fmt::format("the baseline was exported with --what-if {}: its results are hypothetical; export the "
                      "baseline without --what-if",
                      fmt::join(baseline.what_if, ", --what-if ")));
  }
  return problems;
}

CheckReport run_check(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const CheckOptions& options) {
  CheckReport report;
  report.answers_only = options.answers_only;
  report.as_of = options.as_of;
  if (options.diagnostics) {
    std::map<std::string, std::vector<Diagnostic>> errors;  // by path
    for (const auto& d : *options.diagnostics) {
      if (d.severity == Severity::error) errors[d.where.file].push_back(d);
    }
    for (auto& [file, list] : errors) {
      CheckOutcome outcome;
      outcome.file = file;
      CheckFailure failure;
      failure.kind = FailureKind::invalid_file;
      failure.where = list.front().where;
      failure.errors = std::move(list);
      outcome.failures.push_back(std::move(failure));
      ++report.invalid;
      report.outcomes.push_back(std::move(outcome));
    }
  }
  // The invalid files, by path and by file name (a baseline made elsewhere has other paths).
  std::set<std::string> invalid_files;
  for (const auto& o : report.outcomes) {
    invalid_files.insert(o.file);
    invalid_files.insert(std::filesystem::path(o.file).filename().string());
  }
  // Per id of the data set: the tier changes against the baseline (under its old id when
  // it was renamed).
  std::map<std::string, std::vector<TierChange>> changes;
  std::vector<const SnapshotJurisdiction*> gone;  // removed: neither renamed nor invalid
  if (options.baseline) {
    const Snapshot now = snapshot_from_scores(rubric, scores, "");
    const DiffResult diff = diff_snapshots(*options.baseline, now);
    std::vector<const SnapshotJurisdiction*> added;
    std::vector<const SnapshotJurisdiction*> removed;
    for (const auto& d : diff.jurisdictions) {
      if (d.status == DiffStatus::added) added.push_back(now.find(d.id));
      if (d.status == DiffStatus::removed) removed.push_back(options.baseline->find(d.id));
      if (d.status == DiffStatus::changed) changes[d.id] = d.tiers;
    }
    for (const SnapshotJurisdiction* r : removed) {
      // A likely rename: exactly one new id and one old id with the same name and state.
      const SnapshotJurisdiction* match = nullptr;
      std::size_t matches = 0;
      for (const SnapshotJurisdiction* a : added) {
        if (a && !r->name.empty() && a->name == r->name && a->state == r->state) {
          match = a;
          ++matches;
        }
      }
      std::size_t same_removed = 0;  // and the old id must be the only one of that name and state
      for (const SnapshotJurisdiction* other : removed) {
        same_removed += other->name == r->name && other->state == r->state ? 1u : 0u;
      }
      if (matches == 1 && same_removed == 1) {
        report.renamed.push_back({r->id, match->id});
        Snapshot was;
        was.jurisdictions.push_back(*r);
        was.jurisdictions.back().id = match->id;
        Snapshot is;
        is.jurisdictions.push_back(*match);
        const DiffResult d = diff_snapshots(was, is);
        if (!d.jurisdictions.empty()) changes[match->id] = d.jurisdictions.front().tiers;
        std::erase(added, match);
        continue;
      }
      // A file that is invalid now is reported as invalid, not as gone.
      if (!r->file.empty() && (invalid_files.count(r->file) ||
                               invalid_files.count(std::filesystem::path(r->file).filename().string()))) {
        continue;
      }
      report.removed.push_back(r->id);
      gone.push_back(r);
    }
    for (const SnapshotJurisdiction* a : added) {
      if (a) report.added.push_back(a->id);
    }
  }
  for (const auto& s : scores) {
    const Jurisdiction& j = s.jurisdiction;
    // A criterion's failure points at its key (or, when the file lacks it, at "criteria").
    auto where = [&j](const Subject& subject) {
      if (subject.is_overall()) return j.at(j.id_where.line > 0 ? j.id_where : j.where);
      const CriterionData* data = j.find_criterion(subject.criterion);
      return j.at(data ? data->where : j.criteria_where);
    };
    CheckOutcome outcome{j.id, j.name, j.file, {}, {}, {}};
    auto not_rated = [&](CheckFailure failure) {
      failure.kind = FailureKind::not_rated;
      (options.not_rated_warns ? outcome.warnings : outcome.failures).push_back(std::move(failure));
    };
    if (options.min_tier && !s.overall.tier) {
      CheckFailure f{FailureKind::not_rated, Subject::overall(), {}, options.min_tier, {}, {}, where(Subject::overall()),
                     s.overall.coverage};
      not_rated(std::move(f));
    } else if (options.min_tier && *s.overall.tier > *options.min_tier) {
      outcome.failures.push_back({FailureKind::below_minimum, Subject::overall(), s.overall.tier, options.min_tier, {},
                                  {}, where(Subject::overall()), {}});
    }
    for (const auto& req : options.requirements) {
      const Criterion* c = rubric.find_criterion(req.criterion);
      const auto& tier = s.criteria.at(static_cast<std::size_t>(c - rubric.criteria.data())).tier;
      if (!tier) {
        not_rated({FailureKind::not_rated, Subject::of(c->id), {}, req.tier, {}, {}, where(Subject::of(c->id)), {}});
      } else if (*tier > req.tier) {
        outcome.failures.push_back({FailureKind::below_requirement, Subject::of(c->id), tier, req.tier, {}, {},
                                    where(Subject::of(c->id)), {}});
      }
    }
    if (const auto it = changes.find(s.jurisdiction.id); it != changes.end()) {
      for (const auto& change : it->second) {
        if (change.worse()) {
          outcome.failures.push_back(
              {FailureKind::worse_than_baseline, change.subject, change.to, {}, change.from, {}, where(change.subject), {}});
        } else {
          outcome.improvements.push_back(change);
        }
      }
    }
    (outcome.passed() ? report.passed : report.failed) += 1;
    if (outcome.passed() && !outcome.warnings.empty()) ++report.warned;
    if (!s.overall.tier) ++report.not_rated;
    report.outcomes.push_back(std::move(outcome));
  }
  if (!options.allow_removed) {
    for (const SnapshotJurisdiction* r : gone) {
      CheckOutcome outcome{r->id, r->name, r->file, {}, {}, {}};
      outcome.failures.push_back(
          {FailureKind::removed, Subject::overall(), std::nullopt, {}, r->overall, {}, {r->file, 0, 0}, {}});
      ++report.failed;
      report.outcomes.push_back(std::move(outcome));
    }
  }
  return report;
}

}  // namespace scorecard
