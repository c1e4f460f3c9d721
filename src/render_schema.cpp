// rubric schema: the JSON Schema (draft-07) of jurisdiction files for a rubric, for editors.

#include <scorecard/render.hpp>

#include "json_writer.hpp"

namespace scorecard {
namespace {

void slug(detail::JsonWriter& w) {
  w.begin_object().field("type", "string").field("pattern", "^[a-z0-9-]+$").end_object();
}

void ref(detail::JsonWriter& w, std::string_view target) { w.begin_object().field("$ref", target).end_object(); }

// "since" and, for today's state, "history": its earlier states (of definition `earlier`).
void time_properties(detail::JsonWriter& w, bool earlier, const std::string& earlier_definition) {
  w.key("since").begin_object().field("description", "Since when this state holds: the date it took effect");
  w.key("allOf").begin_array();
  ref(w, "#/definitions/date");
  w.end_array().end_object();
  if (earlier) return;
  w.key("history").begin_object().field("type", "array");
  w.field("description", "The earlier states, most recent first, each with its own since");
  w.key("items");
  ref(w, "#/definitions/" + earlier_definition);
  w.end_object();
}

void binding(detail::JsonWriter& w, const Criterion& c, bool earlier) {
  w.begin_object().field("type", "object").field("additionalProperties", false);
  if (earlier) w.key("required").strings({"since"});
  w.key("properties").begin_object();
  for (const char* bound : {"at_least", "at_most"}) {
    w.key(bound).begin_object().field("type", "object").field("additionalProperties", false);
    w.key("properties").begin_object();
    for (const auto& q : c.questions) w.key(q.id).begin_object().key("enum").strings(q.values).end_object();
    w.end_object().end_object();
  }
  w.key("sources").begin_object().field("type", "array").key("items");
  slug(w);
  w.end_object().key("note").begin_object().field("type", "string").end_object();
  time_properties(w, earlier, "earlier_binding_" + c.id);
  w.end_object().end_object();
}

void criterion(detail::JsonWriter& w, const Rubric& rubric, const Criterion& c, bool earlier) {
  w.begin_object().field("type", "object");
  w.field("description", (earlier ? "An earlier state of " : "") + c.title + (c.description.empty() ? "" : ": " + c.description));
  w.field("additionalProperties", false);
  if (earlier) w.key("required").strings({"since"});
  w.key("anyOf").begin_array();
  // Each branch names its key under "properties" too, as ajv's strict mode (strictRequired) asks.
  for (const char* key : {"rating", "answers"}) {
    w.begin_object().key("required").strings({key}).key("properties").begin_object().key(key);
    w.begin_object().end_object().end_object().end_object();
  }
  w.end_array().key("properties").begin_object();
  w.key("rating").begin_object().field("description", "The recorded tier (1 is best), by number or id").key("enum");
  w.begin_array();
  for (const auto& t : rubric.tiers) w.value(t.number);
  for (const auto& t : rubric.tiers) w.value(t.id);
  w.end_array().end_object();
  w.key("answers").begin_object().field("type", "object").field("additionalProperties", false);
  w.key("properties").begin_object();
  for (const auto& q : c.questions) {
    w.key(q.id).begin_object().field("description", q.text).key("enum").begin_array();
    for (const auto& v : q.values) w.value(v);
    w.value(k_unclear).end_array().end_object();
  }
  w.end_object().end_object();
  w.key("sources").begin_object().field("type", "array").key("items");
  slug(w);
  w.end_object().key("note").begin_object().field("type", "string").end_object();
  w.key("disagreement").begin_object().field("type", "string").field("minLength", 1);
  w.field("description", "Why the recorded tier is kept when its answers give another (silences validate's warning)");
  w.end_object();
  time_properties(w, earlier, "earlier_criterion_" + c.id);
  w.end_object().end_object();
}

void definitions(const Rubric& rubric, detail::JsonWriter& w) {
  w.begin_object().key("date").begin_object().field("description", "YYYY-MM-DD, YYYY-MM or YYYY");
  w.key("oneOf").begin_array();
  w.begin_object().field("type", "string");
  w.field("pattern", "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$").end_object();
  w.begin_object().field("type", "integer").field("minimum", 1000).field("maximum", 9999).end_object();
  w.end_array().end_object();
  w.key("source").begin_object().field("type", "object").field("description", "A citation: the evidence behind a tier");
  w.field("additionalProperties", false).key("required").strings({"title"}).key("properties").begin_object();
  w.key("title").begin_object().field("type", "string").field("minLength", 1).end_object();
  w.key("url").begin_object().field("type", "string").field("pattern", "^https?://").end_object();
  w.key("date");
  ref(w, "#/definitions/date");
  w.key("pinpoint").begin_object().field("type", "string").field("description", "A section, page or paragraph");
  w.end_object().end_object().end_object();
  for (const auto& c : rubric.criteria) {
    for (const bool earlier : {false, true}) {
      w.key((earlier ? "earlier_binding_" : "binding_") + c.id);
      binding(w, c, earlier);
      w.key((earlier ? "earlier_criterion_" : "criterion_") + c.id);
      criterion(w, rubric, c, earlier);
    }
  }
  w.end_object();
}

}  // namespace

void render_jurisdiction_schema(const Rubric& rubric, std::ostream& out) {
  detail::JsonWriter w(out);
  w.begin_object().field("$schema", "http://json-schema.org/draft-07/schema#");
  w.field("title", "policy-scorecard jurisdiction file");
  w.field("description", "Generated by `scorecard rubric schema` from rubric " + rubric.id + " " + rubric.version +
                             ". Do not edit: regenerate it.");
  w.field("type", "object").field("additionalProperties", false).key("required").strings({"name", "criteria"});
  w.key("properties").begin_object().key("id");
  slug(w);
  w.key("name").begin_object().field("type", "string").field("minLength", 1).end_object();
  w.key("state").begin_object().field("type", "string").field("pattern", "^[A-Z]{2}$").end_object();
  w.key("kind").begin_object().key("enum").strings(jurisdiction_kinds()).end_object();
  w.key("population").begin_object().field("description", "Residents: an exact figure, or one as its source rounds it");
  w.key("oneOf").begin_array();
  w.begin_object().field("type", "integer").field("minimum", 0).end_object();
  w.begin_object().field("type", "object").field("additionalProperties", false).key("required").strings({"value"});
  w.key("properties").begin_object();
  w.key("value").begin_object().field("type", "integer").field("minimum", 0).end_object();
  w.key("rounded_to").begin_object().field("description", "The figure is rounded to this power of ten (100000 for 8.6m)");
  w.key("enum").begin_array();
  for (long long unit = 1; unit <= 1'000'000'000; unit *= 10) w.value(unit);
  w.end_array().end_object();
  w.key("source").begin_object().field("type", "string").field("pattern", "^[a-z0-9-]+$");
  w.field("description", "The id of the source, under sources, that gives the figure").end_object();
  w.end_object().end_object().end_array().end_object();
  w.key("jail_authority");
  slug(w);
  w.key("within").begin_object().field("description", "The governments it lies within (its county, its state), by id");
  w.key("oneOf").begin_array();
  slug(w);
  w.begin_object().field("type", "array").field("uniqueItems", true).key("items");
  slug(w);
  w.end_object().end_array().end_object();
  w.key("binds").begin_object().field("type", "object").field("additionalProperties", false);
  w.field("description", "What its law requires of (at_least) or forbids to (at_most) every government within it");
  w.key("properties").begin_object();
  for (const auto& c : rubric.criteria) {
    w.key(c.id);
    ref(w, "#/definitions/binding_" + c.id);
  }
  w.end_object().end_object();
  w.key("reviewed");
  ref(w, "#/definitions/date");
  w.key("sources").begin_object().field("type", "object").key("propertyNames");
  slug(w);
  w.key("additionalProperties");
  ref(w, "#/definitions/source");
  w.end_object();
  std::vector<std::string> required;
  for (const auto& c : rubric.criteria) {
    if (!c.optional) required.push_back(c.id);
  }
  w.key("criteria").begin_object().field("type", "object").field("additionalProperties", false);
  w.key("required").strings(required).key("properties").begin_object();
  for (const auto& c : rubric.criteria) {
    w.key(c.id);
    ref(w, "#/definitions/criterion_" + c.id);
  }
  w.end_object().end_object().end_object().key("definitions");
  definitions(rubric, w);
  w.end_object();
  w.flush();
  out << '\n';
}

}  // namespace scorecard
