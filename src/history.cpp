// History: the files rated as of every day a state begins, and what changed each day.

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <scorecard/history.hpp>
#include <scorecard/timeline.hpp>

namespace scorecard {
namespace {

// Where a criterion's answers came from on one day: (government, via, criterion).
using Origin3 = std::tuple<std::string, Provenance::Via, std::string>;

std::vector<Origin3> origins(const CriterionData* data) {
  std::vector<Origin3> out;
  if (!data) return out;
  for (const auto& a : data->answers) {
    for (const Provenance* p = a.from.get(); p; p = p->upstream.get()) {
      Origin3 o{p->government, p->via, p->criterion};
      if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(std::move(o));
    }
  }
  return out;
}

std::vector<Source> cited(const Jurisdiction& j, const std::vector<SourceRef>& refs) {
  std::vector<Source> out;
  for (const auto& r : refs) {
    if (const Source* s = j.find_source(r.id)) out.push_back(*s);
  }
  return out;
}

template <class State>
HistoryCause cause_of(const Jurisdiction& j, const State& state, std::string criterion, std::string via) {
  HistoryCause c;
  c.government = j.id;
  c.name = j.name;
  c.criterion = std::move(criterion);
  c.via = std::move(via);
  c.since = std::string(state.since());
  c.undated = state.since().empty();
  c.note = state.note;
  c.sources = cited(j, state.sources);
  return c;
}

// The files reached from seeds along edges (each file's neighbours), seeds included.
std::vector<char> reachable(const std::vector<std::size_t>& seeds, const std::vector<std::vector<std::size_t>>& edges) {
  std::vector<char> seen(edges.size(), 0);
  std::vector<std::size_t> stack(seeds.begin(), seeds.end());
  while (!stack.empty()) {
    const std::size_t i = stack.back();
    stack.pop_back();
    if (seen[i]) continue;
    seen[i] = 1;
    for (const std::size_t next : edges[i]) stack.push_back(next);
  }
  return seen;
}

}  // namespace

History build_history(const std::vector<std::string>& paths, const Rubric& rubric, unsigned threads,
                      std::optional<int> today) {
  LoadedFiles loaded = load_files(paths, rubric, threads, today);
  const std::size_t files = loaded.slots.size();
  // The days each file's states begin, and the files whose states begin on each day.
  std::map<int, std::vector<std::size_t>> starting;
  for (std::size_t i = 0; i < files; ++i) {
    if (!loaded.loaded[i]) continue;
    const Jurisdiction& j = loaded.jurisdiction(i);
    std::set<int> own;
    for (const auto& c : j.criteria) {
      for_each_state(c, [&](const CriterionData& state) {
        if (auto day = state_start(state, j)) own.insert(*day);
      });
    }
    for (const auto& b : j.binds) {
      for_each_state(b, [&](const Binding& state) {
        if (auto day = state_start(state, j)) own.insert(*day);
      });
    }
    for (const int day : own) starting[day].push_back(i);
  }
  std::set<int> days;
  for (const auto& [day, list] : starting) days.insert(day);
  // The governments above each file (its jail authority, those it lies within) and below.
  std::unordered_map<std::string_view, std::size_t> by_file_id;
  for (std::size_t i = 0; i < files; ++i) {
    if (loaded.loaded[i]) by_file_id.emplace(loaded.jurisdiction(i).id, i);
  }
  std::vector<std::vector<std::size_t>> above(files);
  std::vector<std::vector<std::size_t>> below(files);
  for (std::size_t i = 0; i < files; ++i) {
    if (!loaded.loaded[i]) continue;
    const Jurisdiction& j = loaded.jurisdiction(i);
    auto link = [&](const std::string& id) {
      const auto it = by_file_id.find(id);
      if (it == by_file_id.end() || it->second == i) return;
      above[i].push_back(it->second);
      below[it->second].push_back(i);
    };
    if (!j.jail_authority.empty()) link(j.jail_authority);
    for (const auto& r : j.within) link(r.id);
  }
  // The files a day can change (those whose states begin then, and every file below them),
  // with every file above those, which their resolution reads: rated alone, they rate as
  // the whole set would.
  auto subset_for = [&](const std::vector<std::size_t>& seeds, std::vector<char>& changed, int day) {
    changed = reachable(seeds, below);
    std::vector<std::size_t> changed_files;
    for (std::size_t i = 0; i < files; ++i) {
      if (changed[i]) changed_files.push_back(i);
    }
    const std::vector<char> needed = reachable(changed_files, above);
    LoadedFiles subset;
    subset.threads = loaded.threads;
    for (std::size_t i = 0; i < files; ++i) {
      if (!needed[i]) continue;
      subset.files.push_back(loaded.files[i]);
      // Only the states in force that day are copied: a long history costs no copy per day.
      JurisdictionScore slot;
      if (loaded.loaded[i]) slot.jurisdiction = copy_as_of(loaded.slots[i].jurisdiction, day);
      subset.slots.push_back(std::move(slot));
      subset.loaded.push_back(loaded.loaded[i]);
      subset.problems.push_back(loaded.problems[i]);
    }
    return subset;
  };
  History history;
  history.days = days.size();
  Dataset latest = rate_files(loaded, rubric);
  history.files = std::move(latest.files);
  history.diagnostics = std::move(latest.diagnostics);
  std::unordered_map<std::string, std::size_t> index;
  for (auto& s : latest.scores) {
    index.emplace(s.jurisdiction.id, history.jurisdictions.size());
    JurisdictionHistory h;
    h.id = s.jurisdiction.id;
    h.name = s.jurisdiction.name;
    h.file = s.jurisdiction.file;
    for (const auto& c : s.criteria) h.now_tiers.push_back(c.tier);
    h.now = s.overall;
    history.jurisdictions.push_back(std::move(h));
  }
  const std::size_t n = rubric.criteria.size();
  // Per jurisdiction: each criterion's tier and the overall tier the day before, and where
  // each criterion's answers came from.
  std::vector<std::vector<std::optional<int>>> before(history.jurisdictions.size(),
                                                      std::vector<std::optional<int>>(n + 1));
  std::vector<std::vector<std::vector<Origin3>>> came_from(history.jurisdictions.size(),
                                                           std::vector<std::vector<Origin3>>(n));
  // The day before the first: what holds at every date (undated states of files without a
  // review date) is the starting point, not a change.
  std::vector<int> rated_days;
  if (!days.empty()) rated_days.push_back(*days.begin() - 1);
  rated_days.insert(rated_days.end(), days.begin(), days.end());
  std::vector<char> changed;
  for (const int day : rated_days) {
    const bool baseline = !days.empty() && day < *days.begin();
    const Dataset rated = baseline ? rate_files(loaded, rubric, {}, day)
                                   : rate_files(subset_for(starting[day], changed, day), rubric);
    std::unordered_map<std::string_view, const Jurisdiction*> by_id;
    for (const auto& s : rated.scores) by_id.emplace(s.jurisdiction.id, &s.jurisdiction);
    // The state of government's criterion (or binding) that began on this day, if any.
    auto began = [&](const Origin3& o) -> std::optional<HistoryCause> {
      const auto& [government, via, criterion] = o;
      const auto it = by_id.find(government);
      if (it == by_id.end()) return std::nullopt;
      const Jurisdiction& g = *it->second;
      if (via == Provenance::Via::jail_authority) {
        const CriterionData* c = g.find_criterion(criterion);
        if (!c || c->not_yet || state_start(*c, g) != day) return std::nullopt;
        return cause_of(g, *c, criterion, std::string(to_string(via)));
      }
      for (const auto& b : g.binds) {
        if (b.criterion == criterion && state_start(b, g) == day) return cause_of(g, b, criterion, std::string(to_string(via)));
      }
      return std::nullopt;
    };
    for (const auto& s : rated.scores) {
      const auto found = index.find(s.jurisdiction.id);
      if (found == index.end()) continue;
      if (!baseline && !changed[by_file_id.at(s.jurisdiction.id)]) continue;  // read only for resolution
      const std::size_t k = found->second;
      const Jurisdiction& j = s.jurisdiction;
      HistoryEvent event;
      event.date = format_day(day);
      for (std::size_t i = 0; i < n; ++i) {
        const std::string& id = rubric.criteria[i].id;
        const CriterionData* data = j.find_criterion(id);
        HistoryChange change{Subject::of(id), before[k][i], s.criteria[i].tier, {}};
        if (data && !data->not_yet && state_start(*data, j) == day) change.causes.push_back(cause_of(j, *data, id, "own"));
        std::vector<Origin3> now = origins(data);
        std::vector<Origin3> candidates = now;
        for (const auto& o : came_from[k][i]) {
          if (std::find(candidates.begin(), candidates.end(), o) == candidates.end()) candidates.push_back(o);
        }
        for (const auto& o : candidates) {
          if (auto c = began(o)) change.causes.push_back(std::move(*c));
        }
        came_from[k][i] = std::move(now);
        const bool moved = change.from != change.to;
        // A state that began without moving the tier is worth a line when it is dated: an
        // undated one only says the file was reviewed.
        const bool dated_cause = std::any_of(change.causes.begin(), change.causes.end(),
                                             [](const HistoryCause& c) { return !c.undated; });
        if (moved || dated_cause) event.changes.push_back(std::move(change));
        before[k][i] = s.criteria[i].tier;
      }
      if (before[k][n] != s.overall.tier) {
        event.changes.push_back({Subject::overall(), before[k][n], s.overall.tier, {}});
        before[k][n] = s.overall.tier;
      }
      if (baseline) history.jurisdictions[k].baseline = before[k];
      if (!event.changes.empty() && !baseline) history.jurisdictions[k].events.push_back(std::move(event));
    }
  }
  for (auto& h : history.jurisdictions) {
    if (h.baseline.empty()) {  // no day at all: what holds now held always
      h.baseline = h.now_tiers;
      h.baseline.push_back(h.now.tier);
    }
  }
  return history;
}

std::optional<int> JurisdictionHistory::tier_on(const Rubric& rubric, std::size_t index, std::string_view day) const {
  std::optional<int> tier = index < baseline.size() ? baseline[index] : std::nullopt;
  const std::string_view criterion = index < rubric.criteria.size() ? std::string_view(rubric.criteria[index].id) : "";
  for (const auto& e : events) {
    if (e.date > day) break;
    for (const auto& c : e.changes) {
      if (c.subject.criterion == criterion) tier = c.to;
    }
  }
  return tier;
}

}  // namespace scorecard
