// The CI gate.

#include <fmt/format.h>

#include <scorecard/check.hpp>

namespace scorecard {
namespace {

std::string tier_text(const std::optional<int>& tier) { return tier ? std::to_string(*tier) : "none"; }

std::string criterion_title(const Rubric& rubric, const std::string& id) {
  if (id == "overall") return "overall tier";
  const Criterion* c = rubric.find_criterion(id);
  return c ? c->title : id;
}

}  // namespace

CheckReport run_check(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const CheckOptions& options) {
  CheckReport report;
  std::optional<DiffResult> diff;
  if (options.baseline) {
    diff = diff_snapshots(*options.baseline, snapshot_from_scores(rubric, scores, ""));
    for (const auto& d : diff->jurisdictions) {
      if (d.status == DiffStatus::added) report.added.push_back(d.id);
      if (d.status == DiffStatus::removed) report.removed.push_back(d.id);
    }
  }
  for (const auto& s : scores) {
    CheckOutcome outcome{s.jurisdiction.id, s.jurisdiction.name, s.jurisdiction.file, {}, {}};
    if (options.min_tier && (!s.overall.tier || *s.overall.tier > *options.min_tier)) {
      outcome.failures.push_back(fmt::format("overall tier {} is worse than --min-tier {}", tier_text(s.overall.tier),
                                             *options.min_tier));
    }
    for (const auto& req : options.requirements) {
      const Criterion* c = rubric.find_criterion(req.criterion);
      const auto& tier = s.criteria.at(static_cast<std::size_t>(c - rubric.criteria.data())).tier;
      if (!tier || *tier > req.tier) {
        outcome.failures.push_back(fmt::format("{} tier {} is worse than required ({}={})", c->title, tier_text(tier),
                                               req.criterion, req.tier));
      }
    }
    if (diff) {
      for (const auto& d : diff->jurisdictions) {
        if (d.id != s.jurisdiction.id) continue;
        for (const auto& change : d.tiers) {
          const std::string what = fmt::format("{} {} than in the baseline: {} -> {}",
                                               criterion_title(rubric, change.criterion),
                                               change.worse() ? "is worse" : "is better", tier_text(change.from),
                                               tier_text(change.to));
          (change.worse() ? outcome.failures : outcome.improvements).push_back(what);
        }
      }
    }
    (outcome.passed() ? report.passed : report.failed) += 1;
    report.outcomes.push_back(std::move(outcome));
  }
  return report;
}

}  // namespace scorecard
