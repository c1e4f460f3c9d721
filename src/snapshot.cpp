// Snapshots from scores, or from a JSON export.

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <scorecard/load.hpp>
#include <scorecard/snapshot.hpp>
#include <scorecard/text_util.hpp>

namespace scorecard {
namespace {

// Ordered, so that criteria keep the export's (the rubric's) order.
using Json = nlohmann::ordered_json;

// Reads the parts of an export that a comparison needs; reports what is missing or mistyped
// with its JSON pointer.
class ExportReader {
 public:
  ExportReader(const std::string& file, Diagnostics& diagnostics) : m_file(file), m_diagnostics(diagnostics) {}

  std::optional<Snapshot> read(const Json& doc) {
    if (!doc.is_object()) return fail("", "expected a JSON object (a scorecard export)");
    const auto version = doc.find("schema_version");
    if (version == doc.end() || !version->is_number_integer()) {
      return fail("/schema_version", "missing; is this a scorecard export (scorecard export --format json)?");
    }
    if (*version != 1 && *version != 2 && *version != 3 && *version != 4) {
      return fail("/schema_version", fmt::format("unsupported version {}; this tool reads 1 to 4", version->dump()));
    }
    Snapshot snapshot;
    snapshot.origin = m_file;
    if (auto rubric = doc.find("rubric"); rubric != doc.end() && rubric->is_object()) {
      if (auto id = rubric->find("id"); id != rubric->end() && id->is_string()) snapshot.rubric_id = id->get<std::string>();
      if (auto v = rubric->find("version"); v != rubric->end() && v->is_string()) {
        snapshot.rubric_version = v->get<std::string>();
      }
      if (auto criteria = rubric->find("criteria"); criteria != rubric->end() && criteria->is_array()) {
        for (const auto& c : *criteria) {
          if (c.is_object() && c.contains("id") && c["id"].is_string() && c.contains("title") && c["title"].is_string()) {
            snapshot.criterion_titles[c["id"].get<std::string>()] = c["title"].get<std::string>();
          }
        }
      }
    }
    if (auto options = doc.find("options"); options != doc.end() && options->is_object()) {
      if (auto a = options->find("answers_only"); a != options->end() && a->is_boolean()) snapshot.answers_only = a->get<bool>();
      if (auto a = options->find("as_of"); a != options->end() && a->is_string()) snapshot.as_of = a->get<std::string>();
      for (const auto& [key, out] : {std::pair<const char*, std::vector<std::string>*>{"filters", &snapshot.filters},
                                     std::pair<const char*, std::vector<std::string>*>{"what_if", &snapshot.what_if}}) {
        if (auto list = options->find(key); list != options->end() && list->is_array()) {
          for (const auto& item : *list) {
            if (item.is_string()) out->push_back(item.get<std::string>());
          }
        }
      }
    }
    const auto list = doc.find("jurisdictions");
    if (list == doc.end() || !list->is_array()) return fail("/jurisdictions", "expected a list of jurisdictions");
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (auto j = jurisdiction((*list)[i], fmt::format("/jurisdictions/{}", i))) snapshot.jurisdictions.push_back(*j);
    }
    if (has_errors(m_diagnostics)) return std::nullopt;
    return snapshot;
  }

 private:
  std::nullopt_t fail(const std::string& pointer, const std::string& message) {
    m_diagnostics.push_back({Severity::error, {m_file, 0, 0},
                             pointer.empty() ? message : fmt::format("{}: {}", pointer, message)});
    return std::nullopt;
  }

  std::optional<std::string> string_at(const Json& object, const char* key, const std::string& pointer,
                                       bool nullable = false) {
    const auto it = object.find(key);
    if (it != object.end() && it->is_string()) return it->get<std::string>();
    if (nullable && (it == object.end() || it->is_null())) return std::string();
    fail(pointer + "/" + key, nullable ? "expected a string or null" : "expected a string");
    return std::nullopt;
  }

  // Reads "tier" (a number or null) into tier; false after reporting a problem.
  bool tier_at(const Json& object, const std::string& pointer, std::optional<int>& tier) {
    const auto it = object.find("tier");
    if (it != object.end() && it->is_null()) {
      tier.reset();
      return true;
    }
    if (it != object.end() && it->is_number_integer() && *it >= 1 && *it <= 1000) {
      tier = it->get<int>();
      return true;
    }
    fail(pointer + "/tier", "expected a tier number or null");
    return false;
  }

  std::optional<SnapshotJurisdiction> jurisdiction(const Json& j, const std::string& pointer) {
    if (!j.is_object()) return fail(pointer, "expected an object");
    SnapshotJurisdiction out;
    auto id = string_at(j, "id", pointer);
    auto name = string_at(j, "name", pointer);
    auto file = string_at(j, "file", pointer, true);
    if (!id || !name || !file) return std::nullopt;
    out.id = *id;
    out.name = *name;
    out.file = *file;
    for (const auto& [key, field] : {std::pair<const char*, std::string*>{"state", &out.state},
                                     std::pair<const char*, std::string*>{"kind", &out.kind},
                                     std::pair<const char*, std::string*>{"reviewed", &out.reviewed},
                                     std::pair<const char*, std::string*>{"jail_authority", &out.jail_authority}}) {
      if (const auto value = j.find(key); value != j.end() && value->is_string()) *field = value->get<std::string>();
    }
    if (const auto p = j.find("population"); p != j.end() && p->is_number_integer()) {
      long long rounded_to = 1;
      if (const auto r = j.find("population_rounded_to"); r != j.end() && r->is_number_integer()) {
        rounded_to = r->get<long long>();
      }
      out.population = population_text(p->get<long long>(), rounded_to);
    }
    const auto overall = j.find("overall");
    if (overall == j.end() || !overall->is_object()) return fail(pointer + "/overall", "expected an object");
    if (!tier_at(*overall, pointer + "/overall", out.overall)) return std::nullopt;
    const auto criteria = j.find("criteria");
    if (criteria == j.end() || !criteria->is_object()) return fail(pointer + "/criteria", "expected an object");
    for (const auto& [key, value] : criteria->items()) {
      const std::string at = fmt::format("{}/criteria/{}", pointer, key);
      if (!value.is_object()) return fail(at, "expected an object");
      // A criterion must be one a rubric could have: never the overall tier's own name.
      const auto& reserved = reserved_words();
      if (!is_rubric_id(key) || std::find(reserved.begin(), reserved.end(), key) != reserved.end()) {
        return fail(at, fmt::format("\"{}\" cannot be a criterion id (ids use a-z, 0-9, '_' and '-' and are none of "
                                    "the tool's own words, such as \"overall\")",
                                    key));
      }
      SnapshotCriterion c;
      c.id = key;
      const bool tier_ok = tier_at(value, at, c.tier);
      auto note = string_at(value, "note", at, true);
      if (!tier_ok || !note) return std::nullopt;
      c.note = *note;
      if (auto answers = value.find("answers"); answers != value.end() && answers->is_object()) {
        for (const auto& [q, a] : answers->items()) {
          if (a.is_string()) c.answers[q] = a.get<std::string>();
        }
      }
      if (auto sources = value.find("sources"); sources != value.end() && sources->is_array()) {
        for (const auto& s : *sources) {
          if (!s.is_object() || !s.contains("id") || !s["id"].is_string()) continue;
          const std::string title = s.value("title", std::string());
          const std::string url = s.contains("url") && s["url"].is_string() ? s["url"].get<std::string>() : "";
          c.sources[s["id"].get<std::string>()] = {title, url};
        }
      }
      out.criteria.push_back(std::move(c));
    }
    return out;
  }

  const std::string& m_file;
  Diagnostics& m_diagnostics;
};

}  // namespace

const SnapshotCriterion* SnapshotJurisdiction::find(std::string_view criterion_id) const {
  for (const auto& c : criteria) {
    if (c.id == criterion_id) return &c;
  }
  return nullptr;
}

const SnapshotJurisdiction* Snapshot::find(std::string_view id) const {
  for (const auto& j : jurisdictions) {
    if (j.id == id) return &j;
  }
  return nullptr;
}

Snapshot snapshot_from_scores(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                              const std::string& origin) {
  Snapshot snapshot;
  snapshot.origin = origin;
  snapshot.rubric_id = rubric.id;
  snapshot.rubric_version = rubric.version;
  for (const auto& c : rubric.criteria) snapshot.criterion_titles[c.id] = c.title;
  for (const auto& s : scores) {
    SnapshotJurisdiction j;
    j.id = s.jurisdiction.id;
    j.name = s.jurisdiction.name;
    j.file = s.jurisdiction.file;
    j.state = s.jurisdiction.state;
    j.kind = s.jurisdiction.kind;
    if (s.jurisdiction.population) {
      j.population = population_text(*s.jurisdiction.population, s.jurisdiction.population_rounded_to);
    }
    j.reviewed = s.jurisdiction.reviewed;
    j.jail_authority = s.jurisdiction.jail_authority;
    j.overall = s.overall.tier;
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
      SnapshotCriterion c;
      c.id = rubric.criteria[i].id;
      c.tier = s.criteria[i].tier;
      if (const CriterionData* data = s.jurisdiction.find_criterion(c.id)) {
        for (const auto& a : data->answers) c.answers[a.question] = a.value;
        c.note = data->note;
        for (const auto& ref : data->sources) {
          if (const Source* source = s.jurisdiction.find_source(ref.id)) {
            c.sources[ref.id] = {source->title, source->url};
          }
        }
      }
      j.criteria.push_back(std::move(c));
    }
    snapshot.jurisdictions.push_back(std::move(j));
  }
  return snapshot;
}

namespace {

// A JSON document holds a value per "," or opening bracket (outside strings). A real export
// holds about 140 a jurisdiction, one per 40 bytes; "[0,0,…]" holds one per 2 bytes and
// takes 30 times its size to read. And an object's keys are kept in order (ordered_json),
// each found by a walk over the others, so an object of 200,000 keys takes minutes: an
// export's objects hold a dozen keys, or one per criterion or question.
constexpr std::size_t k_max_json_values = 20'000'000;
constexpr std::size_t k_max_json_keys = 256;

struct ShapeProblem {
  std::size_t at = std::string_view::npos;
  std::string message;
};

ShapeProblem json_shape_problem(std::string_view text) {
  std::size_t values = 0;
  std::vector<std::size_t> keys;  // per open container: keys so far (arrays: npos)
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == ',' || c == '[' || c == '{') {
      if (++values > k_max_json_values) {
        return {i, fmt::format("the file holds more than {} JSON values; an export holds about 140 a jurisdiction, "
                               "so this is not one (refused before parsing, to bound memory)",
                               group_thousands(static_cast<long long>(k_max_json_values)))};
      }
      if (c == '[') keys.push_back(std::string_view::npos);
      if (c == '{') keys.push_back(0);
    } else if (c == ']' || c == '}') {
      if (!keys.empty()) keys.pop_back();
    } else if (c == ':' && !keys.empty() && keys.back() != std::string_view::npos && ++keys.back() > k_max_json_keys) {
      return {i, fmt::format("an object holds more than {} keys; an export's objects hold a dozen, or one per "
                             "criterion or question, so this is not one (refused before parsing)",
                             group_thousands(static_cast<long long>(k_max_json_keys)))};
    }
  }
  return {};
}

}  // namespace

SnapshotLoad load_export_from_string(std::string_view text, const std::string& display_name) {
  SnapshotLoad result;
  if (ShapeProblem problem = json_shape_problem(text); problem.at != std::string_view::npos) {
    result.diagnostics.push_back({Severity::error, location_of(text, problem.at, display_name), std::move(problem.message)});
    return result;
  }
  Json doc;
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    const std::string what = e.what();
    const auto colon = what.rfind(": ");
    result.diagnostics.push_back({Severity::error, location_of(text, e.byte > 0 ? e.byte - 1 : 0, display_name),
                                  "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2))});
    return result;
  } catch (const Json::exception& e) {
    // Number overflow ("1e999") is an out_of_range error, with the number but no position.
    std::string what = e.what();
    if (const auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
    SourceLocation where{display_name, 0, 0};
    const auto quote = what.find('\'');
    if (quote != std::string::npos) {
      const std::string number = what.substr(quote + 1, what.find('\'', quote + 1) - quote - 1);
      if (const auto at = text.find(number); !number.empty() && at != std::string_view::npos) {
        where = location_of(text, at, display_name);
      }
    }
    result.diagnostics.push_back({Severity::error, where, "invalid JSON: " + what});
    return result;
  }
  result.snapshot = ExportReader(display_name, result.diagnostics).read(doc);
  return result;
}

SnapshotLoad load_export_file(const std::string& path) {
  return load_from_file<SnapshotLoad>(path, load_export_from_string, k_json_limit);
}

}  // namespace scorecard
