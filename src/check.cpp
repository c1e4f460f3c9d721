// The CI gate.

#include <map>

#include <scorecard/check.hpp>

namespace scorecard {

std::string_view to_string(FailureKind kind) {
  switch (kind) {
    case FailureKind::below_minimum: return "below_minimum";
    case FailureKind::below_requirement: return "below_requirement";
    case FailureKind::worse_than_baseline: return "worse_than_baseline";
    case FailureKind::invalid_file: break;
  }
  return "invalid_file";
}

CheckReport run_check(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const CheckOptions& options) {
  CheckReport report;
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
      failure.errors = std::move(list);
      outcome.failures.push_back(std::move(failure));
      ++report.invalid;
      report.outcomes.push_back(std::move(outcome));
    }
  }
  std::map<std::string, const JurisdictionDiff*> by_id;
  DiffResult diff;
  if (options.baseline) {
    diff = diff_snapshots(*options.baseline, snapshot_from_scores(rubric, scores, ""));
    for (const auto& d : diff.jurisdictions) {
      by_id[d.id] = &d;
      if (d.status == DiffStatus::added) report.added.push_back(d.id);
      if (d.status == DiffStatus::removed) report.removed.push_back(d.id);
    }
  }
  for (const auto& s : scores) {
    CheckOutcome outcome{s.jurisdiction.id, s.jurisdiction.name, s.jurisdiction.file, {}, {}};
    if (options.min_tier && (!s.overall.tier || *s.overall.tier > *options.min_tier)) {
      outcome.failures.push_back({FailureKind::below_minimum, Subject::overall(), s.overall.tier, options.min_tier, {}, {}});
    }
    for (const auto& req : options.requirements) {
      const Criterion* c = rubric.find_criterion(req.criterion);
      const auto& tier = s.criteria.at(static_cast<std::size_t>(c - rubric.criteria.data())).tier;
      if (!tier || *tier > req.tier) {
        outcome.failures.push_back({FailureKind::below_requirement, Subject::of(c->id), tier, req.tier, {}, {}});
      }
    }
    if (const auto it = by_id.find(s.jurisdiction.id); it != by_id.end()) {
      for (const auto& change : it->second->tiers) {
        if (change.worse()) {
          outcome.failures.push_back(
              {FailureKind::worse_than_baseline, change.subject, change.to, {}, change.from, {}});
        } else {
          outcome.improvements.push_back(change);
        }
      }
    }
    (outcome.passed() ? report.passed : report.failed) += 1;
    report.outcomes.push_back(std::move(outcome));
  }
  return report;
}

}  // namespace scorecard
