// Differences between two snapshots.

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include <scorecard/diff.hpp>

namespace scorecard {
namespace {

int rank(const std::optional<int>& tier) { return tier.value_or(1'000'000); }

void compare_criterion(const std::string& id, const SnapshotCriterion* before, const SnapshotCriterion* after,
                       JurisdictionDiff& out) {
  static const SnapshotCriterion k_empty;
  const SnapshotCriterion& a = before ? *before : k_empty;
  const SnapshotCriterion& b = after ? *after : k_empty;
  if (a.tier != b.tier) out.tiers.push_back({Subject::of(id), a.tier, b.tier});
  std::set<std::string> questions;
  for (const auto& [q, v] : a.answers) questions.insert(q);
  for (const auto& [q, v] : b.answers) questions.insert(q);
  for (const auto& q : questions) {
    const auto x = a.answers.find(q);
    const auto y = b.answers.find(q);
    std::optional<std::string> from;
    std::optional<std::string> to;
    if (x != a.answers.end()) from = x->second;
    if (y != b.answers.end()) to = y->second;
    if (from != to) out.answers.push_back({id, q, from, to});
  }
  if (a.note != b.note) {
    out.notes.push_back(id);
    out.note_changes.push_back({id, a.note, b.note});
  }
  for (const auto& [source, cited] : b.sources) {
    if (!a.sources.count(source)) out.sources_added.push_back({id, source, cited});
  }
  for (const auto& [source, cited] : a.sources) {
    if (!b.sources.count(source)) out.sources_removed.push_back({id, source, cited});
  }
}

}  // namespace

bool TierChange::worse() const { return rank(to) > rank(from); }

std::string_view to_string(DiffStatus status) {
  switch (status) {
    case DiffStatus::added: return "added";
    case DiffStatus::removed: return "removed";
    case DiffStatus::changed: return "changed";
    case DiffStatus::unchanged: break;
  }
  return "unchanged";
}

bool JurisdictionDiff::any_worse() const {
  return std::any_of(tiers.begin(), tiers.end(), [](const TierChange& t) { return t.worse(); });
}

std::size_t DiffResult::count(DiffStatus status) const {
  return static_cast<std::size_t>(std::count_if(jurisdictions.begin(), jurisdictions.end(),
                                                [&](const JurisdictionDiff& d) { return d.status == status; }));
}

DiffResult diff_snapshots(const Snapshot& before, const Snapshot& after) {
  std::set<std::string> ids;
  for (const auto& j : before.jurisdictions) ids.insert(j.id);
  for (const auto& j : after.jurisdictions) ids.insert(j.id);
  DiffResult result;
  for (const auto& id : ids) {
    const SnapshotJurisdiction* a = before.find(id);
    const SnapshotJurisdiction* b = after.find(id);
    JurisdictionDiff d;
    d.id = id;
    d.name = b ? b->name : a->name;
    d.file = b ? b->file : a->file;
    if (!a || !b) {
      d.status = a ? DiffStatus::removed : DiffStatus::added;
      const SnapshotJurisdiction& side = a ? *a : *b;
      Standing standing{side.overall, {}};
      for (const auto& c : side.criteria) standing.criteria.emplace_back(c.id, c.tier);
      d.standing = std::move(standing);
      result.jurisdictions.push_back(std::move(d));
      continue;
    }
    if (a->name != b->name) d.name_before = a->name;
    for (const auto& [field, member] : {std::pair{"state", &SnapshotJurisdiction::state},
                                        std::pair{"kind", &SnapshotJurisdiction::kind},
                                        std::pair{"population", &SnapshotJurisdiction::population},
                                        std::pair{"reviewed", &SnapshotJurisdiction::reviewed},
                                        std::pair{"jail_authority", &SnapshotJurisdiction::jail_authority}}) {
      if ((*a).*member != (*b).*member) d.fields.push_back({field, (*a).*member, (*b).*member});
    }
    if (a->overall != b->overall) d.tiers.push_back({Subject::overall(), a->overall, b->overall});
    std::vector<std::string> criteria;  // the new side's order, then any only in the old one
    for (const auto& c : b->criteria) criteria.push_back(c.id);
    for (const auto& c : a->criteria) {
      if (!b->find(c.id)) criteria.push_back(c.id);
    }
    for (const auto& c : criteria) compare_criterion(c, a->find(c), b->find(c), d);
    const bool changed = !d.tiers.empty() || !d.answers.empty() || !d.notes.empty() || !d.sources_added.empty() ||
                         !d.sources_removed.empty() || a->name != b->name || !d.fields.empty();
    d.status = changed ? DiffStatus::changed : DiffStatus::unchanged;
    result.jurisdictions.push_back(std::move(d));
  }
  return result;
}

std::vector<TierChanges> tier_changes(const Snapshot& before, const Snapshot& after) {
  std::vector<TierChanges> out;
  for (const auto& b : after.jurisdictions) {
    const SnapshotJurisdiction* a = before.find(b.id);
    if (!a) continue;
    TierChanges changes{b.id, b.name, a->overall, b.overall, {}};
    if (a->overall != b.overall) changes.tiers.push_back({Subject::overall(), a->overall, b.overall});
    for (const auto& c : b.criteria) {
      const SnapshotCriterion* old = a->find(c.id);
      const std::optional<int> was = old ? old->tier : std::nullopt;
      if (was != c.tier) changes.tiers.push_back({Subject::of(c.id), was, c.tier});
    }
    if (!changes.tiers.empty()) out.push_back(std::move(changes));
  }
  return out;
}

std::vector<HiddenChange> hidden_changes(const std::vector<JurisdictionScore>& before,
                                         const std::vector<JurisdictionScore>& after) {
  std::unordered_map<std::string_view, const JurisdictionScore*> by_id;
  for (const auto& s : before) by_id.emplace(s.jurisdiction.id, &s);
  std::vector<HiddenChange> out;
  for (const auto& s : after) {
    const auto it = by_id.find(s.jurisdiction.id);
    if (it == by_id.end()) continue;
    for (const auto& c : s.criteria) {
      if (c.origin != Origin::recorded || !c.tier) continue;
      const auto old = std::find_if(it->second->criteria.begin(), it->second->criteria.end(),
                                    [&](const CriterionResult& r) { return r.criterion == c.criterion; });
      if (old == it->second->criteria.end() || old->origin != Origin::recorded || old->tier != c.tier) continue;
      const std::optional<int> was = old->computed && old->computed->decided() ? std::optional<int>(old->computed->tier) : std::nullopt;
      const std::optional<int> now = c.computed && c.computed->decided() ? std::optional<int>(c.computed->tier) : std::nullopt;
      if (was != now) out.push_back({s.jurisdiction.id, s.jurisdiction.name, c.criterion, was, now, *c.tier});
    }
  }
  return out;
}

}  // namespace scorecard
