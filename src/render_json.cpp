// The JSON export (score, compare and export --format json), streamed.

#include <algorithm>
#include <atomic>
#include <cmath>
#include <sstream>
#include <filesystem>
#include <functional>
#include <thread>
#include <unordered_set>

#include <scorecard/render.hpp>
#include <scorecard/summary.hpp>
#include <scorecard/version.hpp>

#include "json_writer.hpp"
#include "render_detail.hpp"
#include "workers.hpp"

namespace scorecard {
namespace {

// Three decimals, as printed in tables, so that exports diff cleanly.
double rounded(double value) { return std::round(value * 1000.0) / 1000.0; }

// A path fit to publish: an absolute path (which would show a home directory on a public
// page) becomes relative to the working directory when it lies below it, else its file
// name alone. Relative paths are kept as given.
std::string published_path(const std::string& path) {
  if (path.empty() || path[0] != '/') return path;
  static const std::filesystem::path cwd = [] {  // once, not per file
    std::error_code ec;
    auto dir = std::filesystem::current_path(ec);
    return ec ? std::filesystem::path() : dir;
  }();
  if (!cwd.empty()) {
    const std::filesystem::path relative = std::filesystem::path(path).lexically_relative(cwd);
    if (!relative.empty() && *relative.begin() != "..") return relative.string();
  }
  return std::filesystem::path(path).filename().string();
}

void write_rubric(const Rubric& rubric, detail::JsonWriter& w) {
  w.begin_object().field("id", rubric.id).field("version", rubric.version).field("title", rubric.title);
  w.key("tiers").begin_array();
  for (const auto& t : rubric.tiers) {
    w.begin_object()
        .field("tier", t.number)
        .field("id", t.id)
        .field("label", t.label)
        .field("short_label", t.short_label)
        .field("color", t.color)
        .end_object();
  }
  w.end_array().key("criteria").begin_array();
  for (const auto& c : rubric.criteria) {
    w.begin_object()
        .field("id", c.id)
        .field("title", c.title)
        .field("abbrev", c.abbrev)
        .field("description", c.description)
        .field("weight", c.weight)
        .field("optional", c.optional)
        .end_object();
  }
  w.end_array().key("overall").begin_object().field("method", rubric.overall.method).key("cutoffs").begin_array();
  for (const auto& cut : rubric.overall.cutoffs) w.begin_object().field("tier", cut.tier).field("max_mean", cut.max_mean).end_object();
  w.end_array().key("gates").begin_array();
  for (const auto& g : rubric.overall.gates) {
    w.begin_object().field("tier", g.tier).key("requires").begin_object();
    for (const auto& r : g.requirements) w.field(r.criterion, r.tier);
    w.end_object().end_object();
  }
  w.end_array().key("min_rated");
  if (rubric.overall.min_rated) {
    w.value(*rubric.overall.min_rated);
  } else {
    w.value("all");
  }
  w.key("provenance").string_or_null(rubric.overall.provenance).end_object().end_object();
}

}  // namespace

namespace detail {

void write_conditions(JsonWriter& w, const std::vector<HeldCondition>& held) {
  w.begin_array();
  for (const auto& h : held) w.begin_object().field("question", h.question).field("answer", h.answer).end_object();
  w.end_array();
}

void write_status(JsonWriter& w, bool rated, std::string_view reason) {
  w.field("status", rated ? "rated" : "not_rated").key("reason");
  if (rated) {
    w.null();
  } else {
    w.value(reason);
  }
}

void write_mean(JsonWriter& w, std::string_view key, const OverallResult& overall) {
  w.key(key);
  if (overall.rated()) {
    w.value(rounded(overall.mean));
  } else {
    w.null();
  }
}

void write_computed(JsonWriter& w, const RuleMatch& m, const Criterion* criterion) {
  w.begin_object().key("tier");
  if (m.decided()) {
    w.value(m.tier).field("rule", m.rule_index + 1);
  } else {
    w.null().key("rule").null();
  }
  w.key("conditions");
  write_conditions(w, m.held);
  if (criterion) {
    w.key("because");
    if (m.decided() && !m.every_answer) {
      w.string_or_null(criterion->rules[static_cast<std::size_t>(m.rule_index)].because);
    } else {
      w.null();
    }
  }
  w.key("open").strings(m.open).key("possible").begin_array();
  for (int t : m.possible) w.value(t);
  w.end_array().field("every_answer", m.every_answer).field("approximate", m.approximate).end_object();
}

void write_gates(JsonWriter& w, const std::vector<GateFailure>& gates) {
  w.begin_array();
  for (const auto& g : gates) {
    w.begin_object().field("tier", g.tier).field("criterion", g.criterion).field("required", g.required);
    w.key("actual").value_or_null(g.actual).end_object();
  }
  w.end_array();
}

}  // namespace detail

namespace {

using detail::write_gates;

void write_label(const Rubric& rubric, detail::JsonWriter& w, const std::optional<int>& tier) {
  const Tier* t = tier ? rubric.find_tier(*tier) : nullptr;
  if (t) {
    w.value(t->label);
  } else {
    w.null();
  }
}

void write_source(detail::JsonWriter& w, const Source& s) {
  w.begin_object().field("id", s.id).field("title", s.title);
  w.key("url").string_or_null(s.url).key("date").string_or_null(s.date).key("pinpoint").string_or_null(s.pinpoint);
  w.end_object();
}

void write_criterion(const Rubric& rubric, const Criterion& criterion, const CriterionResult& r, const Jurisdiction& j,
                     detail::JsonWriter& w) {
  const CriterionData* data = j.find_criterion(criterion.id);
  w.begin_object().key("tier");
  w.value_or_null(r.tier);
  w.key("label");
  write_label(rubric, w, r.tier);
  w.field("origin", to_string(r.origin));
  detail::write_status(w, r.rated(), r.rated() ? std::string() : detail::not_rated_reason(r));
  w.key("computed");
  if (r.computed) {
    detail::write_computed(w, *r.computed, &criterion);
  } else {
    w.null();
  }
  w.key("set_aside").value_or_null(r.set_aside);
  w.key("answers").begin_object();
  if (data) {
    for (const auto& a : data->answers) w.field(a.question, a.value);
  }
  // Where each answer that is not the file's own comes from.
  w.end_object().key("inherited").begin_object();
  if (data) {
    for (const auto& a : data->answers) {
      if (!a.inherited()) continue;
      const Provenance& from = *a.from;
      w.key(a.question).begin_object().field("from", from.government).field("name", from.name);
      w.field("via", to_string(from.via)).field("criterion", from.criterion).key("own").string_or_null(a.own);
      w.key("upstream");
      if (from.upstream) {
        w.begin_object().field("from", from.upstream->government).field("name", from.upstream->name);
        w.field("via", to_string(from.upstream->via)).end_object();
      } else {
        w.null();
      }
      w.field("text", detail::provenance_text(from)).key("sources").begin_array();
      for (const auto& s : from.sources) write_source(w, s);
      w.end_array().end_object();
    }
  }
  w.end_object().key("note");
  if (data) {
    w.string_or_null(data->note);
  } else {
    w.null();
  }
  w.key("sources").begin_array();
  if (data) {
    for (const auto& ref : data->sources) {
      if (const Source* s = j.find_source(ref.id)) write_source(w, *s);
    }
  }
  w.end_array().end_object();
}

void write_jurisdiction(const Rubric& rubric, const JurisdictionScore& s, bool holds_others, detail::JsonWriter& w) {
  const auto& j = s.jurisdiction;
  w.begin_object().field("id", j.id).field("name", j.name);
  w.key("state").string_or_null(j.state).key("kind").string_or_null(j.kind).key("population");
  if (j.population) {
    w.value(*j.population);
  } else {
    w.null();
  }
  w.key("population_rounded_to");
  if (j.population_rounded()) {
    w.value(j.population_rounded_to);
  } else {
    w.null();
  }
  w.key("population_source").string_or_null(j.population_source);
  w.key("jail_authority").string_or_null(j.jail_authority).key("within").begin_array();
  for (const auto& ref : j.within) w.value(ref.id);
  w.end_array().field("holds_others", holds_others).key("reviewed").string_or_null(j.reviewed);
  w.field("file", published_path(j.file)).key("overall").begin_object().key("tier");
  w.value_or_null(s.overall.tier);
  w.key("label");
  write_label(rubric, w, s.overall.tier);
  detail::write_status(w, s.overall.rated(), s.overall.rated() ? std::string() : detail::coverage_text(s.overall.coverage));
  detail::write_mean(w, "score", s.overall);
  const CriteriaCoverage& coverage = s.overall.coverage;
  w.key("coverage").begin_object().field("rated", coverage.rated).field("criteria", coverage.criteria);
  w.field("needed", coverage.needed).key("missing").begin_array();
  for (const auto& id : coverage.missing) w.value(id);
  w.end_array().end_object().key("gates");
  write_gates(w, s.overall.gates);
  w.end_object().key("criteria").begin_object();
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    w.key(rubric.criteria[i].id);
    write_criterion(rubric, rubric.criteria[i], s.criteria[i], j, w);
  }
  w.end_object().end_object();
}

void write_summary(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, detail::JsonWriter& w) {
  const Summary summary = summarize(rubric, scores);
  w.begin_object()
      .field("jurisdictions", summary.jurisdictions)
      .field("with_population", summary.with_population)
      .field("holding_others", summary.holding_others)
      .field("residents", summary.residents)
      .field("residents_approximate", summary.residents_approximate)
      .field("unrated", summary.unrated)
      .key("not_rated")
      .begin_object()
      .field("jurisdictions", summary.not_rated.jurisdictions)
      .field("residents", summary.not_rated.residents)
      .field("residents_approximate", summary.not_rated.approximate)
      .field("unknown_population", summary.not_rated.unknown_population)
      .key("sentence")
      .string_or_null(not_rated_sentence(summary))
      .end_object()
      .key("tiers")
      .begin_array();
  for (const auto& t : summary.tiers) {
    w.begin_object()
        .field("tier", t.tier)
        .field("label", rubric.find_tier(t.tier)->label)
        .field("jurisdictions", t.jurisdictions)
        .field("residents", t.residents)
        .field("residents_approximate", t.approximate)
        .field("unknown_population", t.unknown_population)
        .field("sentence", summary_sentence(rubric, summary, t))
        .end_object();
  }
  w.end_array().key("population_note").string_or_null(population_note(summary));
  w.end_object();
}

}  // namespace

void render_json(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const ExportInfo& info,
                 std::ostream& out) {
  detail::JsonWriter w(out);
  w.begin_object().field("schema_version", 4).key("generator").begin_object();
  w.field("name", "policy-scorecard").field("version", std::string(version())).end_object();
  if (!info.generated_at.empty()) w.field("generated_at", info.generated_at);
  w.key("options").begin_object().field("sort", info.sort).field("reverse", info.reverse).key("filters").begin_array();
  for (const auto& f : info.filters) w.value(f);
  w.end_array().key("what_if").begin_array();
  for (const auto& f : info.what_if) w.value(f);
  w.end_array().field("answers_only", info.answers_only).key("as_of").string_or_null(info.as_of);
  w.end_object().key("rubric");
  write_rubric(rubric, w);
  w.key("summary");
  write_summary(rubric, scores, w);
  const std::unordered_set<std::string_view> held = held_governments(scores);
  w.key("jurisdictions").begin_array();
  // Jurisdictions are rendered in parallel, a batch at a time, and written in order: the
  // bytes do not depend on the number of threads, and memory holds two batches of text.
  // While this thread writes a batch, the other threads render the next one; then this
  // thread joins them.
  constexpr std::size_t k_batch = 512;
  const unsigned threads = std::max(1u, info.threads != 0 ? info.threads : std::thread::hardware_concurrency());
  struct Batch {
    std::size_t begin = 0, end = 0;
    std::atomic<std::size_t> next{0};
    std::vector<std::string> texts;
  };
  auto render = [&](Batch& batch) {
    for (std::size_t i = batch.next++; i < batch.end; i = batch.next++) {
      std::string& text = batch.texts[i - batch.begin];
      detail::JsonWriter fragment(text, 2);
      write_jurisdiction(rubric, scores[i], held.count(scores[i].jurisdiction.id) > 0, fragment);
    }
  };
  auto start = [&](Batch& batch, std::size_t begin) {
    batch.begin = begin;
    batch.end = std::min(scores.size(), begin + k_batch);
    batch.next = begin;
    batch.texts.assign(batch.end - batch.begin, std::string());
  };
  auto render_with_helpers = [&](Batch& batch, const std::function<void()>& meanwhile) {
    detail::run_on_threads(threads, [&] { render(batch); }, meanwhile);
  };
  Batch current;
  Batch ahead;
  start(current, 0);
  render_with_helpers(current, {});
  for (std::size_t begin = 0; begin < scores.size(); begin += k_batch) {
    auto write = [&] {
      for (const auto& text : current.texts) w.raw(text);
    };
    if (begin + k_batch < scores.size()) {
      start(ahead, begin + k_batch);
      render_with_helpers(ahead, write);
    } else {
      write();
    }
    std::swap(current.texts, ahead.texts);
  }
  w.end_array().end_object();
  w.flush();
  out << '\n';
}

}  // namespace scorecard
