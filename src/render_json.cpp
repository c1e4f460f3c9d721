// JSON for score and compare: the only file that sees nlohmann/json.

#include <cmath>

#include <nlohmann/json.hpp>

#include <scorecard/render.hpp>
#include <scorecard/version.hpp>

namespace scorecard {
namespace {

using Json = nlohmann::ordered_json;

// Three decimals, as printed in tables, so that exports diff cleanly.
double rounded(double value) { return std::round(value * 1000.0) / 1000.0; }

Json optional_string(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json tier_label(const Rubric& rubric, const std::optional<int>& tier) {
  if (!tier) return nullptr;
  const Tier* t = rubric.find_tier(*tier);
  return t ? Json(t->label) : Json(nullptr);
}

Json rubric_json(const Rubric& rubric) {
  Json tiers = Json::array();
  for (const auto& t : rubric.tiers) {
    tiers.push_back({{"tier", t.number}, {"id", t.id}, {"label", t.label}, {"short_label", t.short_label},
                     {"color", t.color}});
  }
  Json criteria = Json::array();
  for (const auto& c : rubric.criteria) {
    criteria.push_back({{"id", c.id}, {"title", c.title}, {"abbrev", c.abbrev}, {"description", c.description},
                        {"weight", c.weight}, {"optional", c.optional}});
  }
  Json cutoffs = Json::array();
  for (const auto& cut : rubric.overall.cutoffs) cutoffs.push_back({{"tier", cut.tier}, {"max_mean", cut.max_mean}});
  Json gates = Json::array();
  for (const auto& g : rubric.overall.gates) {
    Json requires_ = Json::object();
    for (const auto& r : g.requirements) requires_[r.criterion] = r.tier;
    gates.push_back({{"tier", g.tier}, {"requires", requires_}});
  }
  return {{"id", rubric.id},
          {"version", rubric.version},
          {"title", rubric.title},
          {"tiers", tiers},
          {"criteria", criteria},
          {"overall",
           {{"method", rubric.overall.method},
            {"cutoffs", cutoffs},
            {"gates", gates},
            {"provenance", optional_string(rubric.overall.provenance)}}}};
}

Json criterion_json(const Rubric& rubric, const Criterion& criterion, const CriterionResult& r, const Jurisdiction& j) {
  Json out = {{"tier", r.tier ? Json(*r.tier) : Json(nullptr)},
              {"label", tier_label(rubric, r.tier)},
              {"origin", std::string(to_string(r.origin))}};
  if (r.computed) {
    const Rule& rule = criterion.rules[static_cast<std::size_t>(r.computed->rule_index)];
    out["computed"] = {{"tier", r.computed->tier},
                       {"rule", r.computed->rule_index + 1},
                       {"reasons", r.computed->reasons},
                       {"because", optional_string(rule.because)}};
  } else {
    out["computed"] = nullptr;
  }
  const CriterionData* data = j.find_criterion(criterion.id);
  Json answers = Json::object();
  Json sources = Json::array();
  if (data) {
    for (const auto& a : data->answers) answers[a.question] = a.value;
    for (const auto& ref : data->sources) {
      const Source* s = j.find_source(ref.id);
      if (!s) continue;
      sources.push_back({{"id", s->id},
                         {"title", s->title},
                         {"url", optional_string(s->url)},
                         {"date", optional_string(s->date)},
                         {"pinpoint", optional_string(s->pinpoint)}});
    }
  }
  out["answers"] = answers;
  out["note"] = data ? optional_string(data->note) : Json(nullptr);
  out["sources"] = sources;
  return out;
}

Json jurisdiction_json(const Rubric& rubric, const JurisdictionScore& s) {
  const auto& j = s.jurisdiction;
  Json criteria = Json::object();
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    criteria[rubric.criteria[i].id] = criterion_json(rubric, rubric.criteria[i], s.criteria[i], j);
  }
  return {{"id", j.id},
          {"name", j.name},
          {"state", optional_string(j.state)},
          {"kind", optional_string(j.kind)},
          {"population", j.population ? Json(*j.population) : Json(nullptr)},
          {"jail_authority", optional_string(j.jail_authority)},
          {"reviewed", optional_string(j.reviewed)},
          {"file", j.file},
          {"overall",
           {{"tier", s.overall.tier ? Json(*s.overall.tier) : Json(nullptr)},
            {"label", tier_label(rubric, s.overall.tier)},
            {"score", rounded(s.overall.mean)},
            {"gates", s.overall.gates}}},
          {"criteria", criteria}};
}

Json summary_json(const Rubric& rubric, const std::vector<JurisdictionScore>& scores) {
  const Summary summary = summarize(rubric, scores);
  Json tiers = Json::array();
  for (const auto& t : summary.tiers) {
    tiers.push_back({{"tier", t.tier},
                     {"label", rubric.find_tier(t.tier)->label},
                     {"jurisdictions", t.jurisdictions},
                     {"residents", t.residents},
                     {"unknown_population", t.unknown_population},
                     {"sentence", summary_sentence(rubric, summary, t)}});
  }
  const std::size_t unknown = summary.jurisdictions - summary.with_population;
  return {{"jurisdictions", summary.jurisdictions},
          {"with_population", summary.with_population},
          {"residents", summary.residents},
          {"unrated", summary.unrated},
          {"tiers", tiers},
          {"population_note", unknown == 0 ? Json(nullptr)
                                           : Json(std::to_string(unknown) + " of " +
                                                  std::to_string(summary.jurisdictions) +
                                                  " jurisdictions have no population figure; residents count "
                                                  "only the others")}};
}

}  // namespace

void render_json(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const ExportInfo& info,
                 std::ostream& out) {
  Json doc = {{"schema_version", 1},
              {"generator", {{"name", "policy-scorecard"}, {"version", std::string(version())}}}};
  if (!info.generated_at.empty()) doc["generated_at"] = info.generated_at;
  doc["options"] = {{"sort", info.sort}, {"reverse", info.reverse}, {"filters", info.filters}, {"what_if", info.what_if}};
  doc["rubric"] = rubric_json(rubric);
  doc["summary"] = summary_json(rubric, scores);
  Json list = Json::array();
  for (const auto& s : scores) list.push_back(jurisdiction_json(rubric, s));
  doc["jurisdictions"] = std::move(list);
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

void render_jurisdiction_schema(const Rubric& rubric, std::ostream& out) {
  const Json slug = {{"type", "string"}, {"pattern", "^[a-z0-9-]+$"}};
  Json tiers = Json::array();
  for (const auto& t : rubric.tiers) tiers.push_back(t.number);
  Json definitions = {
      {"date",
       {{"description", "YYYY-MM-DD, YYYY-MM or YYYY"},
        {"oneOf",
         {{{"type", "string"},
           {"pattern", "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"}},
          {{"type", "integer"}, {"minimum", 1000}, {"maximum", 9999}}}}}},
      {"source",
       {{"type", "object"},
        {"description", "A citation: the evidence behind a tier"},
        {"additionalProperties", false},
        {"required", {"title"}},
        {"properties",
         {{"title", {{"type", "string"}, {"minLength", 1}}},
          {"url", {{"type", "string"}, {"pattern", "^https?://"}}},
          {"date", {{"$ref", "#/definitions/date"}}},
          {"pinpoint", {{"type", "string"}, {"description", "A section, page or paragraph"}}}}}}}};
  Json criteria_properties = Json::object();
  Json required_criteria = Json::array();
  for (const auto& c : rubric.criteria) {
    Json answers = Json::object();
    for (const auto& q : c.questions) {
      Json values = q.values;
      values.push_back(std::string(k_unclear));
      answers[q.id] = {{"description", q.text}, {"enum", values}};
    }
    definitions["criterion_" + c.id] = {
        {"type", "object"},
        {"description", c.title + (c.description.empty() ? "" : ": " + c.description)},
        {"additionalProperties", false},
        {"anyOf", {{{"required", {"rating"}}}, {{"required", {"answers"}}}}},
        {"properties",
         {{"rating", {{"description", "The recorded tier (1 is best)"}, {"enum", tiers}}},
          {"answers",
           {{"type", "object"}, {"additionalProperties", false}, {"properties", answers}}},
          {"sources", {{"type", "array"}, {"items", slug}}},
          {"note", {{"type", "string"}}}}}};
    criteria_properties[c.id] = {{"$ref", "#/definitions/criterion_" + c.id}};
    if (!c.optional) required_criteria.push_back(c.id);
  }
  Json schema = {
      {"$schema", "http://json-schema.org/draft-07/schema#"},
      {"title", "policy-scorecard jurisdiction file"},
      {"description", "Generated by `scorecard rubric schema` from rubric " + rubric.id + " " + rubric.version +
                          ". Do not edit: regenerate it."},
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"name", "criteria"}},
      {"properties",
       {{"id", slug},
        {"name", {{"type", "string"}, {"minLength", 1}}},
        {"state", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}}},
        {"kind", {{"enum", {"city", "county", "state", "other"}}}},
        {"population", {{"type", "integer"}, {"minimum", 0}}},
        {"jail_authority", slug},
        {"reviewed", {{"$ref", "#/definitions/date"}}},
        {"sources",
         {{"type", "object"},
          {"propertyNames", slug},
          {"additionalProperties", {{"$ref", "#/definitions/source"}}}}},
        {"criteria",
         {{"type", "object"},
          {"additionalProperties", false},
          {"required", required_criteria},
          {"properties", criteria_properties}}}}},
      {"definitions", definitions}};
  out << schema.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace scorecard
