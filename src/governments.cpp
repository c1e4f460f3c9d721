// Governments inside governments: references between files, and inherited answers.

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include <scorecard/governments.hpp>
#include <scorecard/text_util.hpp>

namespace scorecard {
namespace {

constexpr std::size_t k_none = static_cast<std::size_t>(-1);

struct Graph {
  // For each jurisdiction: the indices of the governments it lies within (resolved), and
  // of its jail authority (k_none: none, itself, or not loaded).
  std::vector<std::vector<std::size_t>> within;
  std::vector<std::size_t> jail;
};

// A depth-first walk over edges(i) without recursion: post-order (each node after the nodes
// its edges reach) and, for each edge that closes a cycle, its source and its position among
// the source's edges.
template <class Edges>
void walk(std::size_t n, Edges&& edges, std::vector<std::size_t>& order,
          std::vector<std::pair<std::size_t, std::size_t>>& back_edges) {
  std::vector<char> state(n, 0);  // 0 unvisited, 1 on the path, 2 done
  std::vector<std::pair<std::size_t, std::size_t>> stack;  // node, next edge
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start] != 0) continue;
    stack.emplace_back(start, 0);
    state[start] = 1;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      const std::vector<std::size_t>& out = edges(node);
      if (next == out.size()) {
        state[node] = 2;
        order.push_back(node);
        stack.pop_back();
        continue;
      }
      const std::size_t edge = next++;
      const std::size_t to = out[edge];
      if (state[to] == 1) {
        back_edges.emplace_back(node, edge);
      } else if (state[to] == 0) {
        state[to] = 1;
        stack.emplace_back(to, 0);
      }
    }
  }
}

// The governments on the cycle a back edge from -> to closes, in edge order from `from`:
// from, to, ..., the one whose edge leads back to from.
std::vector<std::size_t> cycle_members(std::size_t from, std::size_t to, const std::vector<std::vector<std::size_t>>& edges) {
  // The shortest path from `to` back to `from` (breadth first).
  std::unordered_map<std::size_t, std::size_t> parent{{to, to}};
  std::vector<std::size_t> queue{to};
  for (std::size_t head = 0; head < queue.size() && !parent.count(from); ++head) {
    for (std::size_t next : edges[queue[head]]) {
      if (next != k_none && parent.emplace(next, queue[head]).second) queue.push_back(next);
    }
  }
  std::vector<std::size_t> back;  // from, ..., to
  if (parent.count(from)) {
    for (std::size_t at = from; at != to; at = parent[at]) back.push_back(at);
  }
  std::vector<std::size_t> members{from};
  if (to != from) members.push_back(to);
  std::copy_if(back.rbegin(), back.rend(), std::back_inserter(members),
               [&](std::size_t node) { return node != from && node != to; });
  return members;
}

// "\"a\" is within \"b\", \"b\" is within \"a\"".
std::string cycle_text(const std::vector<Jurisdiction*>& js, const std::vector<std::size_t>& members,
                       std::string_view relation) {
  std::vector<std::string> links;
  for (std::size_t i = 0; i < members.size(); ++i) {
    links.push_back(fmt::format("\"{}\" {} \"{}\"", js[members[i]]->id, relation,
                                js[members[(i + 1) % members.size()]]->id));
  }
  return join(links, ", ");
}

class Resolver {
 public:
  Resolver(const Rubric& rubric, const std::vector<Jurisdiction*>& js) : m_rubric(rubric), m_js(js), m_out(js.size()) {}

  std::vector<Diagnostics> run(const std::vector<std::string>& invalid) {
    index(invalid);
    check_cycles();
    // The tightest floor and ceiling on each question, from every binding government each
    // jurisdiction lies within; then each jurisdiction after its jail authority, which has
    // its own bounds by then, so that a chain passes down what the last one answers.
    const std::vector<Limits> limits = binding_limits();
    for (std::size_t i : m_jail_order) {
      if (m_on_cycle[i]) continue;
      inherit_from_jail(i);
      bound(i, limits[i]);
    }
    return std::move(m_out);
  }

 private:
  void warn(std::size_t i, Position at, std::string message) {
    m_out[i].push_back({Severity::warning, m_js[i]->at(at), std::move(message)});
  }

  void index(const std::vector<std::string>& invalid) {
    std::unordered_map<std::string_view, std::size_t> by_id;
    by_id.reserve(m_js.size());
    for (std::size_t i = 0; i < m_js.size(); ++i) by_id.emplace(m_js[i]->id, i);
    const std::unordered_set<std::string_view> broken(invalid.begin(), invalid.end());
    m_graph.within.resize(m_js.size());
    m_graph.jail.assign(m_js.size(), k_none);
    for (std::size_t i = 0; i < m_js.size(); ++i) {
      const Jurisdiction& j = *m_js[i];
      for (const auto& ref : j.within) {
        const auto it = by_id.find(ref.id);
        if (it == by_id.end()) {
          warn(i, ref.where, broken.count(ref.id) ? fmt::format("\"within\" names \"{}\", whose file has errors: nothing is "
                                                        "inherited from it",
                                                        ref.id)
                                          : fmt::format("\"within\" names \"{}\", which is not among the files loaded: "
                                                        "nothing is inherited from it (load its file too)",
                                                        ref.id));
        } else if (it->second != i) {
          m_graph.within[i].push_back(it->second);
        }
      }
      if (j.jail_authority == j.id) {
        warn(i, j.jail_authority_where,
             fmt::format("\"jail_authority\" names this jurisdiction itself; leave it out when it runs its own jail"));
      } else if (!j.jail_authority.empty()) {
        const auto it = by_id.find(j.jail_authority);
        if (it == by_id.end()) {
          warn(i, j.jail_authority_where,
               broken.count(j.jail_authority)
                   ? fmt::format("jail authority \"{}\" has errors in its file: its answers are not inherited",
                                 j.jail_authority)
                   : fmt::format("jail authority \"{}\" is not among the files loaded: its answers are not inherited "
                                 "(load its file too)",
                                 j.jail_authority));
        } else {
          m_graph.jail[i] = it->second;
        }
      }
    }
  }

  // A cycle is an error of each file on it; its edges are dropped, so that nothing is
  // inherited around it and the walks below end.
  void check_cycles() {
    m_on_cycle.assign(m_js.size(), 0);
    std::vector<std::pair<std::size_t, std::size_t>> back;
    std::vector<std::size_t> order;
    walk(m_js.size(), [&](std::size_t i) -> const std::vector<std::size_t>& { return m_graph.within[i]; }, order, back);
    for (const auto& [from, edge] : back) {
      const std::size_t to = m_graph.within[from][edge];
      report_cycle(from, to, m_graph.within, "is within");
    }
    for (const auto& [from, edge] : back) m_graph.within[from][edge] = k_none;
    for (auto& edges : m_graph.within) edges.erase(std::remove(edges.begin(), edges.end(), k_none), edges.end());
    m_within_order = std::move(order);  // each government after those it lies within

    std::vector<std::vector<std::size_t>> jail_edges(m_js.size());
    for (std::size_t i = 0; i < m_js.size(); ++i) {
      if (m_graph.jail[i] != k_none) jail_edges[i].push_back(m_graph.jail[i]);
    }
    back.clear();
    order.clear();
    walk(m_js.size(), [&](std::size_t i) -> const std::vector<std::size_t>& { return jail_edges[i]; }, order, back);
    for (const auto& [from, edge] : back) report_cycle(from, jail_edges[from][edge], jail_edges, "has its jail run by");
    for (const auto& [from, edge] : back) m_graph.jail[from] = k_none;
    m_jail_order = std::move(order);  // each jurisdiction after its jail authority
  }

  void report_cycle(std::size_t from, std::size_t to, const std::vector<std::vector<std::size_t>>& edges,
                    std::string_view relation) {
    const std::vector<std::size_t> members = cycle_members(from, to, edges);
    const std::string text = cycle_text(m_js, members, relation);
    for (std::size_t m : members) {
      if (m_on_cycle[m]) continue;
      m_on_cycle[m] = 1;
      const Jurisdiction& j = *m_js[m];
      const Position at = relation == "is within" ? (j.within.empty() ? j.where : j.within.front().where)
                                                  : j.jail_authority_where;
      m_out[m].push_back({Severity::error, j.at(at), fmt::format("a cycle of governments: {}", text)});
    }
  }

  // One provenance per government and criterion (or binding), shared by every answer
  // inherited from it.
  std::shared_ptr<const Provenance> provenance(std::size_t government, std::string_view criterion, Provenance::Via via,
                                               const std::vector<SourceRef>& refs,
                                               std::shared_ptr<const Provenance> upstream = nullptr) {
    const auto key = std::make_tuple(government, std::string(criterion), via, upstream.get());
    auto it = m_provenance.find(key);
    if (it != m_provenance.end()) return it->second;
    const Jurisdiction& g = *m_js[government];
    auto p = std::make_shared<Provenance>();
    p->upstream = std::move(upstream);
    p->government = g.id;
    p->name = g.name;
    p->via = via;
    p->criterion = std::string(criterion);
    for (const auto& ref : refs) {
      if (const Source* s = g.find_source(ref.id)) p->sources.push_back(*s);
    }
    for (auto& source : p->sources) source.where = {};
    return m_provenance.emplace(key, std::move(p)).first->second;
  }

  CriterionData& entry(Jurisdiction& j, const Criterion& c) {
    if (CriterionData* data = j.find_criterion(c.id)) return *data;
    CriterionData data;
    data.id = c.id;
    data.is_mapping = true;
    j.criteria.push_back(std::move(data));
    return j.criteria.back();
  }

  static Answer* find_answer(CriterionData& data, std::string_view question) {
    for (auto& a : data.answers) {
      if (a.question == question) return &a;
    }
    return nullptr;
  }

  // Sets an answer the file does not give (or gives as "unclear") from elsewhere.
  static void inherit(CriterionData& data, const std::string& question, const std::string& value,
                      std::shared_ptr<const Provenance> from) {
    if (Answer* own = find_answer(data, question)) {
      own->own = own->inherited() ? own->own : own->value;
      own->value = value;
      own->from = std::move(from);
    } else {
      Answer a;
      a.question = question;
      a.value = value;
      a.from = std::move(from);
      data.answers.push_back(std::move(a));
    }
    data.has_answers = true;
  }

  void inherit_from_jail(std::size_t i) {
    const std::size_t a = m_graph.jail[i];
    if (a == k_none) return;
    Jurisdiction& j = *m_js[i];
    Jurisdiction& authority = *m_js[a];
    for (const auto& c : m_rubric.criteria) {
      CriterionData* theirs = authority.find_criterion(c.id);
      if (!theirs) continue;
      for (const auto& q : c.questions) {
        if (!q.from_jail_authority) continue;
        const Answer* given = find_answer(*theirs, q.id);
        if (!given || given->value == k_unclear) continue;
        CriterionData& mine = entry(j, c);
        const Answer* own = find_answer(mine, q.id);
        if (own && own->value != k_unclear) continue;
        // Named after the government that runs the jail, and, when its answer is not its
        // own either, where that came from.
        inherit(mine, q.id, given->value,
                provenance(a, c.id, Provenance::Via::jail_authority, theirs->sources,
                           given->inherited() ? given->from : nullptr));
      }
    }
  }

  // The tightest floor and ceiling on one question, and the binding that sets it.
  struct Limit {
    const Criterion* criterion = nullptr;
    const Question* question = nullptr;
    int rank = 0;
    const std::string* value = nullptr;
    std::size_t government = 0;
    const Binding* binding = nullptr;
  };
  struct Limits {
    std::vector<Limit> floors;    // at most one per question: the most protective
    std::vector<Limit> ceilings;  // at most one per question: the least protective
  };

  // Keeps, per question, the tighter limit: the higher floor, the lower ceiling.
  static void tighten(std::vector<Limit>& limits, const Limit& limit, bool floor) {
    for (auto& kept : limits) {
      if (kept.question != limit.question) continue;
      if (floor ? limit.rank < kept.rank : limit.rank > kept.rank) kept = limit;
      return;
    }
    limits.push_back(limit);
  }

  // Each jurisdiction's limits: those of the governments it lies within, and theirs, merged
  // per question, in an order that puts each government after those it lies within. Each
  // edge costs at most the number of bounded questions: linear in the files.
  std::vector<Limits> binding_limits() const {
    std::vector<Limits> limits(m_js.size());
    for (std::size_t i : m_within_order) {
      Limits& mine = limits[i];
      for (std::size_t up : m_graph.within[i]) {
        for (const auto& l : limits[up].floors) tighten(mine.floors, l, true);
        for (const auto& l : limits[up].ceilings) tighten(mine.ceilings, l, false);
        const Jurisdiction& g = *m_js[up];
        if (g.binds.empty() || !m_rubric.inheritance.binds(g.kind)) continue;
        for (const auto& binding : g.binds) {
          const Criterion* c = m_rubric.find_criterion(binding.criterion);
          if (!c) continue;
          for (const auto* list : {&binding.at_least, &binding.at_most}) {
            const bool floor = list == &binding.at_least;
            for (const auto& a : *list) {
              const Question* q = c->find_question(a.question);
              const int rank = q ? q->protection_rank(a.value) : -1;
              if (rank < 0) continue;
              tighten(floor ? mine.floors : mine.ceilings, {c, q, rank, &a.value, up, &binding}, floor);
            }
          }
        }
      }
    }
    return limits;
  }

  void bound(std::size_t i, const Limits& limits) {
    Jurisdiction& j = *m_js[i];
    // A floor is a lower bound, not an answer: it raises a less protective answer and never
    // fills a missing one (the answer may be better than the floor).
    for (const auto& floor : limits.floors) {
      CriterionData& mine = entry(j, *floor.criterion);
      const Answer* current = find_answer(mine, floor.question->id);
      if (current && current->value != k_unclear && floor.question->protection_rank(current->value) > floor.rank) {
        inherit(mine, floor.question->id, *floor.value,
                provenance(floor.government, floor.criterion->id, Provenance::Via::at_least, floor.binding->sources));
      }
    }
    // A ceiling lowers a more protective answer, and fills a missing one only when it is the
    // least protective answer (then nothing else is possible).
    for (const auto& ceiling : limits.ceilings) {
      const Question* q = ceiling.question;
      CriterionData& mine = entry(j, *ceiling.criterion);
      const Answer* current = find_answer(mine, q->id);
      const bool known = current && current->value != k_unclear;
      const bool least = static_cast<std::size_t>(ceiling.rank) + 1 == q->protective_order.size();
      if ((known && q->protection_rank(current->value) < ceiling.rank) || (!known && least)) {
        inherit(mine, q->id, *ceiling.value,
                provenance(ceiling.government, ceiling.criterion->id, Provenance::Via::at_most, ceiling.binding->sources));
      }
    }
  }

  const Rubric& m_rubric;
  const std::vector<Jurisdiction*>& m_js;
  std::vector<Diagnostics> m_out;
  Graph m_graph;
  std::vector<char> m_on_cycle;
  std::vector<std::size_t> m_within_order;
  std::vector<std::size_t> m_jail_order;
  std::map<std::tuple<std::size_t, std::string, Provenance::Via, const Provenance*>, std::shared_ptr<const Provenance>>
      m_provenance;
};

}  // namespace

std::vector<Diagnostics> resolve_governments(const Rubric& rubric, const std::vector<Jurisdiction*>& jurisdictions,
                                             const std::vector<std::string>& invalid) {
  return Resolver(rubric, jurisdictions).run(invalid);
}

}  // namespace scorecard
