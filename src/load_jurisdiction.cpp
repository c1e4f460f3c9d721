// Jurisdiction files: YAML -> Jurisdiction, reporting structural problems with positions.

#include <cctype>
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include <scorecard/load.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/text_util.hpp>

#include "yaml_util.hpp"

namespace scorecard {
namespace {

using detail::MapEntry;
using detail::YamlContext;

Position position(const YamlContext& ctx, const detail::YamlNode& node) {
  const SourceLocation at = ctx.at(node);
  return {at.line, at.column};
}

const std::vector<std::string> k_root_keys = {"id",       "name",    "state",   "kind",    "population", "jail_authority",
                                              "within",   "binds",   "reviewed", "sources", "criteria"};
const std::vector<std::string> k_binding_keys = {"at_least", "at_most", "sources", "note", "since", "history"};
const std::vector<std::string> k_earlier_binding_keys = {"at_least", "at_most", "sources", "note", "since"};
const std::vector<std::string> k_source_keys = {"title", "url", "date", "pinpoint"};
const std::vector<std::string> k_criterion_keys = {"rating", "answers", "sources",   "note",
                                                   "disagreement", "since", "history"};
// An earlier state (under "history"): a criterion's keys, without a history of its own.
const std::vector<std::string> k_earlier_keys = {"rating", "answers", "sources", "note", "disagreement", "since"};
// More than the United States as a whole (about 335 million); far from overflowing a sum.
constexpr long long k_max_population = 1'000'000'000;

bool is_slug(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_state_code(std::string_view text) {
  return text.size() == 2 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string file_stem(const std::string& display_name) {
  return std::filesystem::path(display_name).stem().string();
}

void read_slug(const MapEntry& entry, const YamlContext& ctx, std::string& out) {
  if (auto text = detail::read_string(entry, ctx)) {
    if (is_slug(*text)) {
      out = *text;
    } else {
      ctx.error(entry.value, fmt::format("\"{}\" must use only a-z, 0-9 and '-', found \"{}\"", entry.key, *text));
    }
  }
}

void read_date(const MapEntry& entry, const YamlContext& ctx, std::string& out) {
  if (auto text = detail::read_string(entry, ctx)) {
    if (detail::is_valid_date(*text)) {
      out = *text;
    } else {
      ctx.error(entry.value, fmt::format("invalid date \"{}\" for \"{}\"; expected YYYY-MM-DD, YYYY-MM or YYYY",
                                         *text, entry.key));
    }
  }
}

// "population": a number (an exact figure), or a mapping with the figure's value, what it
// is rounded to and the source that gives it.
const std::vector<std::string> k_population_keys = {"value", "rounded_to", "source"};

std::optional<long long> read_population_value(const MapEntry& entry, const YamlContext& ctx) {
  auto value = detail::read_integer(entry, ctx);
  if (!value) return std::nullopt;
  if (*value < 0) {
    ctx.error(entry.value, fmt::format("\"population\" cannot be negative, found {}", *value));
    return std::nullopt;
  }
  if (*value > k_max_population) {
    // Bounded so that no sum of populations can overflow.
    ctx.error(entry.value, fmt::format("\"population\" {} is more than any jurisdiction has; at most {}",
                                       group_thousands(*value), group_thousands(k_max_population)));
    return std::nullopt;
  }
  return value;
}

void read_population(const MapEntry& entry, const YamlContext& ctx, Jurisdiction& j) {
  if (!entry.value.IsMap()) {
    j.population = read_population_value(entry, ctx);
    return;
  }
  const auto fields = detail::read_mapping(entry.value, ctx);
  detail::check_known_keys(fields, k_population_keys, ctx, "\"population\"");
  std::optional<long long> value;
  if (const auto* v = detail::require_entry(fields, "value", entry.value, ctx, "\"population\"")) {
    value = read_population_value(*v, ctx);
  }
  long long rounded_to = 1;
  if (const auto* r = detail::find_entry(fields, "rounded_to")) {
    auto unit = detail::read_integer(*r, ctx);
    if (unit) {
      long long power = 1;
      while (power < *unit && power <= k_max_population) power *= 10;
      if (*unit < 1 || power != *unit || *unit > k_max_population) {
        ctx.error(r->value, fmt::format("\"rounded_to\" must be a power of ten (1, 10, 100, 1000, ...), found {}",
                                        *unit));
        unit.reset();
      } else if (value && *value % *unit != 0) {
        ctx.error(r->value, fmt::format("population {} is not rounded to {}; give the figure as the source rounds it",
                                        group_thousands(*value), group_thousands(*unit)));
        unit.reset();
      }
    }
    if (!unit) value.reset();
    else rounded_to = *unit;
  }
  if (const auto* source = detail::find_entry(fields, "source")) {
    j.population_source_where = position(ctx, source->value);
    read_slug(*source, ctx, j.population_source);
  }
  j.population = value;
  j.population_rounded_to = value ? rounded_to : 1;
}

void read_sources(const MapEntry& entry, const YamlContext& ctx, Jurisdiction& j) {
  if (!entry.value.IsMap()) {
    ctx.error(entry.value.IsNull() ? entry.key_node : entry.value,
              fmt::format("expected a mapping of source ids to citations for \"sources\", found {}",
                          detail::kind_name(entry.value)));
    return;
  }
  for (const auto& source_entry : detail::read_mapping(entry.value, ctx)) {
    Source source;
    source.id = source_entry.key;
    source.where = position(ctx, source_entry.key_node);
    if (!is_slug(source.id)) {
      ctx.error(source_entry.key_node,
                fmt::format("source id \"{}\" must use only a-z, 0-9 and '-'", source.id));
    }
    if (!source_entry.value.IsMap()) {
      ctx.error(source_entry.value.IsNull() ? source_entry.key_node : source_entry.value,
                fmt::format("expected a mapping with \"title\" and \"url\" for source \"{}\", found {}", source.id,
                            detail::kind_name(source_entry.value)));
      j.sources.push_back(std::move(source));
      continue;
    }
    const std::string where = fmt::format("source \"{}\"", source.id);
    const auto fields = detail::read_mapping(source_entry.value, ctx);
    detail::check_known_keys(fields, k_source_keys, ctx, where);
    if (const auto* title = detail::require_entry(fields, "title", source_entry.value, ctx, where)) {
      if (auto text = detail::read_string(*title, ctx)) source.title = *text;
    }
    if (const auto* url = detail::find_entry(fields, "url")) {
      if (auto text = detail::read_string(*url, ctx)) {
        const std::size_t scheme = text->rfind("https://", 0) == 0 ? 8 : text->rfind("http://", 0) == 0 ? 7 : 0;
        const std::size_t host_end = text->find_first_of("/?#", scheme);
        if (scheme == 0) {
          ctx.error(url->value, fmt::format("url of source \"{}\" must start with https:// or http://", source.id));
        } else if (host_end == scheme || scheme == text->size()) {
          ctx.error(url->value, fmt::format("url of source \"{}\" has no host after {}", source.id, text->substr(0, scheme)));
        } else if (text->find_first_of(" \t\n\r") != std::string::npos) {
          ctx.error(url->value, fmt::format("url of source \"{}\" holds a space; write it as %20", source.id));
        } else {
          source.url = *text;
        }
      }
    }
    if (const auto* date = detail::find_entry(fields, "date")) read_date(*date, ctx, source.date);
    if (const auto* pinpoint = detail::find_entry(fields, "pinpoint")) {
      if (auto text = detail::read_string(*pinpoint, ctx)) source.pinpoint = *text;
    }
    j.sources.push_back(std::move(source));
  }
}

// A mapping of question ids to answers ("answers", "at_least", "at_most"); false when the
// value is not a mapping (reported).
bool read_answers(const MapEntry& entry, const YamlContext& ctx, std::string_view where, std::vector<Answer>& out) {
  if (!entry.value.IsMap()) {
    ctx.error(entry.value.IsNull() ? entry.key_node : entry.value,
              fmt::format("expected a mapping of question ids to answers for \"{}\" in {}, found {}", entry.key, where,
                          detail::kind_name(entry.value)));
    return false;
  }
  const auto entries = detail::read_mapping(entry.value, ctx);
  out.reserve(entries.size());
  for (const auto& answer_entry : entries) {
    if (auto value = detail::read_string(answer_entry, ctx)) {
      Answer answer;
      answer.question = std::string(answer_entry.key);
      answer.value = *value;
      answer.key_where = position(ctx, answer_entry.key_node);
      answer.value_where = position(ctx, answer_entry.value);
      out.push_back(std::move(answer));
    }
  }
  return true;
}

void read_source_refs(const MapEntry& entry, const YamlContext& ctx, std::vector<SourceRef>& out) {
  // "sources: law" for "[law]": said, and the one id taken, so that nothing else follows from it.
  if (entry.value.IsScalar() && !entry.value.Scalar().empty()) {
    const std::string id(entry.value.Scalar());
    ctx.error(entry.value, fmt::format("expected a list for \"{}\", found a string; write [{}]", entry.key, id));
    out.push_back({id, position(ctx, entry.value)});
    return;
  }
  if (auto ids = detail::read_string_list(entry, ctx)) {
    for (const auto& [id, node] : *ids) out.push_back({id, position(ctx, node)});
  }
}

// "within": one government's id or a list of them.
void read_within(const MapEntry& entry, const YamlContext& ctx, Jurisdiction& j) {
  auto add = [&](const std::string& id, const detail::YamlNode& node) {
    if (!is_slug(id)) {
      ctx.error(node, fmt::format("\"within\" must name governments by id (a-z, 0-9 and '-'), found \"{}\"", id));
    } else if (std::any_of(j.within.begin(), j.within.end(), [&](const Reference& r) { return r.id == id; })) {
      ctx.error(node, fmt::format("\"{}\" is named twice in \"within\"", id));
    } else {
      j.within.push_back({id, position(ctx, node)});
    }
  };
  if (entry.value.IsScalar()) {
    add(std::string(entry.value.Scalar()), entry.value);
    return;
  }
  if (auto ids = detail::read_string_list(entry, ctx)) {
    for (const auto& [id, node] : *ids) add(id, node);
  }
}

// The earlier states of a criterion or a binding: a list of mappings, each read by
// read_state(mapping entry, index) into a new state.
template <class State, class ReadState>
void read_history(const MapEntry& entry, const YamlContext& ctx, std::string_view where, std::vector<State>& out,
                  ReadState&& read_state) {
  if (!entry.value.IsSequence()) {
    ctx.error(entry.value.IsNull() ? entry.key_node : entry.value,
              fmt::format("expected a list of earlier states for \"history\" of {}, found {}", where,
                          detail::kind_name(entry.value)));
    return;
  }
  for (const auto& item : entry.value.items()) {
    if (!ctx.spend(item)) return;
    if (!item.IsMap()) {
      ctx.error(item, fmt::format("expected a mapping with \"since\" for an earlier state of {}, found {}", where,
                                  detail::kind_name(item)));
      continue;
    }
    State state;
    state.where = position(ctx, item);
    read_state(item, state);
    if (state.since_where().line == 0) {
      ctx.error(item, fmt::format("an earlier state of {} needs \"since\": the date it took effect", where));
    }
    out.push_back(std::move(state));
  }
}

template <class State>
void read_since(const std::vector<MapEntry>& fields, const YamlContext& ctx, State& state) {
  if (const auto* since_entry = detail::find_entry(fields, "since")) {
    auto& dates = state.dated();
    dates.since_where = position(ctx, since_entry->value);
    read_date(*since_entry, ctx, dates.since);
  }
}

// One state of a binding: its floor and ceiling, sources, note and since.
void read_binding_state(const detail::YamlNode& node, const YamlContext& ctx, std::string_view where,
                        const detail::YamlNode& key_node, bool earlier, Binding& b) {
  const auto fields = detail::read_mapping(node, ctx);
  detail::check_known_keys(fields, earlier ? k_earlier_binding_keys : k_binding_keys, ctx, where);
  const auto* at_least = detail::find_entry(fields, "at_least");
  const auto* at_most = detail::find_entry(fields, "at_most");
  if (at_least) read_answers(*at_least, ctx, where, b.at_least);
  if (at_most) read_answers(*at_most, ctx, where, b.at_most);
  if (!at_least && !at_most) {
    ctx.error(earlier ? node : key_node, fmt::format("{} needs \"at_least\" or \"at_most\"", where));
  }
  if (const auto* sources = detail::find_entry(fields, "sources")) read_source_refs(*sources, ctx, b.sources);
  if (const auto* note = detail::find_entry(fields, "note")) {
    if (auto text = detail::read_string(*note, ctx, true)) b.note = *text;
  }
  read_since(fields, ctx, b);
  if (earlier) return;
  if (const auto* history = detail::find_entry(fields, "history")) {
    read_history(*history, ctx, where, b.dated().history, [&](const detail::YamlNode& item, Binding& state) {
      state.criterion = b.criterion;
      read_binding_state(item, ctx, fmt::format("an earlier state of {}", where), item, true, state);
    });
  }
}

// "binds": per criterion, the answers every government within must at least give (a floor)
// or may at most give (a ceiling), with the sources of the law that says so.
void read_binds(const MapEntry& entry, const YamlContext& ctx, Jurisdiction& j) {
  if (!entry.value.IsMap()) {
    ctx.error(entry.value.IsNull() ? entry.key_node : entry.value,
              fmt::format("expected a mapping of criterion ids for \"binds\", found {}", detail::kind_name(entry.value)));
    return;
  }
  for (const auto& criterion_entry : detail::read_mapping(entry.value, ctx)) {
    Binding b;
    b.criterion = criterion_entry.key;
    b.where = position(ctx, criterion_entry.key_node);
    const std::string where = fmt::format("\"binds\" of criterion \"{}\"", b.criterion);
    if (!criterion_entry.value.IsMap()) {
      ctx.error(criterion_entry.value.IsNull() ? criterion_entry.key_node : criterion_entry.value,
                fmt::format("expected a mapping with \"at_least\" or \"at_most\" for {}, found {}", where,
                            detail::kind_name(criterion_entry.value)));
      continue;
    }
    read_binding_state(criterion_entry.value, ctx, where, criterion_entry.key_node, false, b);
    j.binds.push_back(std::move(b));
  }
}

// One state of a criterion (earlier: one under "history", which has none of its own).
void read_criterion(const detail::YamlNode& node, const YamlContext& ctx, bool earlier, CriterionData& c) {
  const std::string where = earlier ? fmt::format("an earlier state of criterion \"{}\"", c.id)
                                    : fmt::format("criterion \"{}\"", c.id);
  const auto fields = detail::read_mapping(node, ctx);
  detail::check_known_keys(fields, earlier ? k_earlier_keys : k_criterion_keys, ctx, where);
  if (const auto* rating = detail::find_entry(fields, "rating"); rating && !rating->value.IsScalar() && !rating->value.IsNull()) {
    c.rating_where = position(ctx, rating->value);  // there is one, if not a tier: no "needs a rating" besides
    ctx.error(rating->value, fmt::format("\"rating\" must be a tier (a number such as 2, or a tier's id), found {}",
                                         detail::kind_name(rating->value)));
  } else if (rating) {
    c.rating_where = position(ctx, rating->value);
    // A tier number or a tier id; the validator checks either against the rubric's tiers.
    const std::string_view text = rating->value.IsScalar() ? rating->value.Scalar() : std::string_view();
    if (!text.empty() && (std::isalpha(static_cast<unsigned char>(text.front())) != 0)) {
      c.rating_name = std::string(text);
    } else if (auto value = detail::read_integer(*rating, ctx)) {
      c.rating = static_cast<int>(std::clamp<long long>(*value, -1000, 1000));  // range: the validator's
    }
  }
  if (const auto* answers = detail::find_entry(fields, "answers")) {
    c.has_answers = read_answers(*answers, ctx, where, c.answers);
  }
  if (const auto* sources = detail::find_entry(fields, "sources")) read_source_refs(*sources, ctx, c.sources);
  if (const auto* note = detail::find_entry(fields, "note")) {
    if (auto text = detail::read_string(*note, ctx, true)) c.note = *text;
  }
  if (const auto* disagreement = detail::find_entry(fields, "disagreement")) {
    c.disagreement_where = position(ctx, disagreement->key_node);
    if (auto text = detail::read_string(*disagreement, ctx)) c.disagreement = *text;
  }
  read_since(fields, ctx, c);
  if (earlier) return;
  if (const auto* history = detail::find_entry(fields, "history")) {
    read_history(*history, ctx, where, c.dated().history, [&](const detail::YamlNode& item, CriterionData& state) {
      state.id = c.id;
      state.is_mapping = true;
      read_criterion(item, ctx, true, state);
    });
  }
}

void read_criteria(const MapEntry& entry, const YamlContext& ctx, Jurisdiction& j) {
  j.criteria_where = position(ctx, entry.key_node);
  if (!entry.value.IsMap()) {
    ctx.error(entry.value.IsNull() ? entry.key_node : entry.value,
              fmt::format("expected a mapping of criterion ids for \"criteria\", found {}",
                          detail::kind_name(entry.value)));
    return;
  }
  const auto entries = detail::read_mapping(entry.value, ctx);
  j.criteria.reserve(entries.size());
  for (const auto& criterion_entry : entries) {
    CriterionData c;
    c.id = criterion_entry.key;
    c.where = position(ctx, criterion_entry.key_node);
    if (criterion_entry.value.IsMap()) {
      c.is_mapping = true;
      read_criterion(criterion_entry.value, ctx, false, c);
    } else {
      ctx.error(criterion_entry.value.IsNull() ? criterion_entry.key_node : criterion_entry.value,
                fmt::format("expected a mapping with \"rating\" or \"answers\" for criterion \"{}\", found {}", c.id,
                            detail::kind_name(criterion_entry.value)));
    }
    j.criteria.push_back(std::move(c));
  }
}

void read_root(const detail::YamlNode& root, const YamlContext& ctx, Jurisdiction& j) {
  const auto entries = detail::read_mapping(root, ctx);
  detail::check_known_keys(entries, k_root_keys, ctx, "the jurisdiction");

  if (const auto* id = detail::find_entry(entries, "id")) {
    j.id_where = position(ctx, id->value);
    read_slug(*id, ctx, j.id);
  } else {
    j.id_where = position(ctx, root);
    j.id = file_stem(ctx.file);
    if (!is_slug(j.id)) {
      ctx.error(j.at(j.id_where), fmt::format("the file name \"{}\" is not a valid id; add an \"id\" key using only "
                                        "a-z, 0-9 and '-'",
                                        j.id));
    }
  }
  if (const auto* name = detail::require_entry(entries, "name", root, ctx, "the jurisdiction")) {
    if (auto text = detail::read_string(*name, ctx)) j.name = *text;
  }
  if (const auto* state = detail::find_entry(entries, "state")) {
    if (auto text = detail::read_string(*state, ctx)) {
      if (is_state_code(*text)) {
        j.state = *text;
        if (!is_us_postal_code(*text)) {
          ctx.warning(ctx.at(state->value), fmt::format("\"state\" \"{}\" is not a US postal code (the 50 states, DC, AS, GU, "
                                                "MP, PR and VI)",
                                                *text));
        }
      } else {
        std::string upper = *text;
        for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        ctx.error(state->value, fmt::format("\"state\" must be a two-letter postal code such as \"IL\", found \"{}\"{}",
                                            *text, is_state_code(upper) ? fmt::format(" (capitals: \"{}\")", upper) : ""));
      }
    }
  }
  if (const auto* kind = detail::find_entry(entries, "kind")) {
    if (auto text = detail::read_string(*kind, ctx)) {
      const auto& kinds = jurisdiction_kinds();
      if (std::find(kinds.begin(), kinds.end(), *text) != kinds.end()) {
        j.kind = *text;
      } else {
        ctx.error(kind->value, fmt::format("\"kind\" must be one of {}; found \"{}\"{}", join(kinds, ", "), *text,
                                           did_you_mean(*text, kinds)));
      }
    }
  }
  if (const auto* population = detail::find_entry(entries, "population")) read_population(*population, ctx, j);
  if (const auto* jail = detail::find_entry(entries, "jail_authority")) {
    j.jail_authority_where = position(ctx, jail->value);
    read_slug(*jail, ctx, j.jail_authority);
  }
  if (const auto* within = detail::find_entry(entries, "within")) read_within(*within, ctx, j);
  if (const auto* binds = detail::find_entry(entries, "binds")) read_binds(*binds, ctx, j);
  if (const auto* reviewed = detail::find_entry(entries, "reviewed")) {
    j.reviewed_where = position(ctx, reviewed->value);
    read_date(*reviewed, ctx, j.reviewed);
  }
  if (const auto* sources = detail::find_entry(entries, "sources")) read_sources(*sources, ctx, j);
  if (const auto* criteria = detail::require_entry(entries, "criteria", root, ctx, "the jurisdiction")) {
    read_criteria(*criteria, ctx, j);
  }
}

}  // namespace

JurisdictionLoad load_jurisdiction_from_string(std::string_view text, const std::string& display_name) {
  JurisdictionLoad result;
  detail::read_yaml_mapping(text, display_name, result.diagnostics, "a mapping of keys to values at the top of the file",
                            [&](const detail::YamlNode& root, const YamlContext& ctx) {
                              Jurisdiction j;
                              j.file = display_name;
                              j.where = position(ctx, root);
                              read_root(root, ctx, j);
                              result.jurisdiction = std::move(j);
                            });
  sort_by_position(result.diagnostics);
  return result;
}

JurisdictionLoad load_jurisdiction_file(const std::string& path) {
  return load_from_file<JurisdictionLoad>(path, load_jurisdiction_from_string);
}

}  // namespace scorecard
