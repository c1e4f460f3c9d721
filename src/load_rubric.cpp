// Rubric files: YAML -> Rubric, checking that the rubric is well-formed (every reference
// resolves, every rule can be reached, the overall rule is complete).

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>

#include <scorecard/load.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/text_util.hpp>
#include <scorecard/timeline.hpp>

#include "yaml_util.hpp"

namespace scorecard {
namespace {

using detail::MapEntry;
using detail::YamlContext;

const std::vector<std::string> k_root_keys = {"id",       "version", "lang",        "title",       "description", "tiers",
                                              "answer_types", "criteria", "overall", "inheritance", "translations"};
const std::vector<std::string> k_translation_keys = {"title", "description", "provenance", "tiers", "criteria"};
const std::vector<std::string> k_tier_translation_keys = {"label", "short_label"};
const std::vector<std::string> k_criterion_translation_keys = {"title", "description", "because"};
const std::vector<std::string> k_tier_keys = {"tier", "id", "label", "short_label", "color", "terminal_color"};
const std::vector<std::string> k_criterion_keys = {"id", "title", "abbrev", "description", "weight",
                                                   "optional", "questions", "rules"};
const std::vector<std::string> k_question_keys = {"id", "text", "type", "scored", "protective_order"};
const std::vector<std::string> k_inheritance_keys = {"jail_authority", "binding"};
const std::vector<std::string> k_rule_keys = {"tier", "when", "when_any", "because"};
const std::vector<std::string> k_overall_keys = {"method", "cutoffs", "gates", "min_rated", "provenance", "calibration"};
const std::vector<std::string> k_cutoff_keys = {"tier", "max_mean"};
const std::vector<std::string> k_gate_keys = {"tier", "requires"};
const std::vector<std::string> k_calibration_keys = {"jurisdiction", "tiers", "expect"};
const std::vector<std::string> k_methods = {"weighted_mean"};
const std::vector<std::string> k_terminal_colors = {"black", "red",     "green", "yellow",
                                                    "blue",  "magenta", "cyan",  "white"};

using AnswerTypes = std::map<std::string, std::vector<std::string>>;

class RubricReader {
 public:
  RubricReader(const YamlContext& ctx, Rubric& rubric) : m_ctx(ctx), m_rubric(rubric) {}

  void read(const detail::YamlNode& root) {
    const auto entries = detail::read_mapping(root, m_ctx);
    detail::check_known_keys(entries, k_root_keys, m_ctx, "the rubric");
    for (const char* key : {"id", "version", "title"}) {
      if (const auto* e = detail::require_entry(entries, key, root, m_ctx, "the rubric")) {
        if (auto text = detail::read_string(*e, m_ctx)) field(key) = *text;
      }
    }
    if (const auto* e = detail::find_entry(entries, "description")) {
      if (auto text = detail::read_string(*e, m_ctx)) m_rubric.description = *text;
    }
    if (const auto* e = detail::require_entry(entries, "tiers", root, m_ctx, "the rubric")) read_tiers(*e);
    if (const auto* e = detail::find_entry(entries, "answer_types")) read_answer_types(*e);
    if (const auto* e = detail::require_entry(entries, "criteria", root, m_ctx, "the rubric")) read_criteria(*e);
    if (const auto* e = detail::require_entry(entries, "overall", root, m_ctx, "the rubric")) read_overall(*e);
    if (const auto* e = detail::find_entry(entries, "inheritance")) read_inheritance(*e);
    if (const auto* e = detail::find_entry(entries, "lang")) {
      if (auto text = read_language(*e, e->value)) m_rubric.lang = *text;
    }
    if (const auto* e = detail::find_entry(entries, "translations")) read_translations(*e);
  }

 private:
  std::string& field(std::string_view key) {
    if (key == "id") return m_rubric.id;
    if (key == "version") return m_rubric.version;
    return m_rubric.title;
  }

  // Each list item must be a mapping; returns its entries after checking the keys.
  std::optional<std::vector<MapEntry>> item_mapping(const detail::YamlNode& item, const std::vector<std::string>& keys,
                                                    std::string_view where) {
    if (!item.IsMap()) {
      m_ctx.error(item, fmt::format("expected a mapping in {}, found {}", where, detail::kind_name(item)));
      return std::nullopt;
    }
    auto entries = detail::read_mapping(item, m_ctx);
    detail::check_known_keys(entries, keys, m_ctx, where);
    return entries;
  }

  // Reads a list of mappings: read(item, entries) for each item that is a mapping with
  // known keys; what is not is reported.
  template <class Read>
  void for_each_item(const MapEntry& e, const std::vector<std::string>& keys, std::string_view where, Read&& read) {
    if (!expect_list(e)) return;
    for (const auto& item : e.value.items()) {
      // Every item spends the alias budget, an empty mapping too: *name can repeat a list.
      if (!m_ctx.spend(item)) return;
      if (auto entries = item_mapping(item, keys, where)) read(item, *entries);
    }
  }

  bool expect_list(const MapEntry& e) {
    if (e.value.IsSequence()) return true;
    m_ctx.error(e.value.IsNull() ? e.key_node : e.value,
                fmt::format("expected a list for \"{}\", found {}", e.key, detail::kind_name(e.value)));
    return false;
  }

  bool expect_map(const MapEntry& e) {
    if (e.value.IsMap()) return true;
    m_ctx.error(e.value.IsNull() ? e.key_node : e.value,
                fmt::format("expected a mapping for \"{}\", found {}", e.key, detail::kind_name(e.value)));
    return false;
  }

  // A tier number that must name one of the rubric's tiers.
  // A tier by number or by id (the tiers are read first).
  std::optional<int> read_tier(const MapEntry& e) {
    if (e.value.IsScalar()) {
      const std::string_view text = e.value.Scalar();
      if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        if (auto tier = m_rubric.parse_tier(text)) return tier;
        std::vector<std::string> ids;
        for (const auto& t : m_rubric.tiers) ids.push_back(t.id);
        m_ctx.error(e.value, fmt::format("unknown tier \"{}\"{}; use {}", text, did_you_mean(text, ids),
                                         m_rubric.tier_choices()));
        return std::nullopt;
      }
    }
    auto value = detail::read_integer(e, m_ctx);
    if (!value) return std::nullopt;
    if (*value < 1 || *value > m_rubric.worst_tier()) {
      m_ctx.error(e.value, fmt::format("tier {} is out of range; the rubric's tiers are 1 to {}", *value,
                                       m_rubric.worst_tier()));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  // An id that the filter and what-if syntax can name, and that is none of the tool's own
  // words; false after reporting why not.
  bool check_id(const MapEntry& id, const std::string& text, std::string_view what) const {
    if (!is_rubric_id(text)) {
      m_ctx.error(id.value, fmt::format("{} id \"{}\" must start with a lowercase letter and use only a-z, 0-9, '_' "
                                        "and '-' (the filter and what-if syntax use the other characters)",
                                        what, text));
      return false;
    }
    const auto& reserved = reserved_words();
    if (std::find(reserved.begin(), reserved.end(), text) != reserved.end()) {
      m_ctx.error(id.value, fmt::format("{} id \"{}\" is a word the tool itself uses (in sort keys, filters or "
                                        "exports); choose another, such as \"{}_policy\"",
                                        what, text, text));
      return false;
    }
    return true;
  }

  void read_tiers(const MapEntry& e) {
    for_each_item(e, k_tier_keys, "a tier", [&](const detail::YamlNode& item, const std::vector<MapEntry>& entries) {
      Tier tier;
      const std::string where = "a tier";
      if (const auto* n = detail::require_entry(entries, "tier", item, m_ctx, where)) {
        if (auto value = detail::read_integer(*n, m_ctx)) {
          if (*value != static_cast<long long>(m_rubric.tiers.size()) + 1) {
            m_ctx.error(n->value, fmt::format("tiers must be numbered 1, 2, 3... in order; expected {}, found {}",
                                              m_rubric.tiers.size() + 1, *value));
          }
        }
      }
      tier.number = static_cast<int>(m_rubric.tiers.size()) + 1;
      if (const auto* id = detail::require_entry(entries, "id", item, m_ctx, where)) {
        if (auto text = detail::read_string(*id, m_ctx); text && check_id(*id, *text, "tier")) {
          tier.id = *text;
          for (const auto& other : m_rubric.tiers) {
            if (other.id == tier.id) m_ctx.error(id->value, fmt::format("duplicate tier id \"{}\"", tier.id));
          }
        }
      }
      if (const auto* label = detail::require_entry(entries, "label", item, m_ctx, where)) {
        if (auto text = detail::read_string(*label, m_ctx)) tier.label = *text;
      }
      tier.short_label = tier.label;
      if (const auto* s = detail::find_entry(entries, "short_label")) {
        if (auto text = detail::read_string(*s, m_ctx)) tier.short_label = *text;
      }
      tier.color = "#808080";
      if (const auto* c = detail::find_entry(entries, "color")) {
        if (auto text = detail::read_string(*c, m_ctx)) {
          const bool hex = text->size() == 7 && (*text)[0] == '#' &&
                           std::all_of(text->begin() + 1, text->end(), [](char ch) { return std::isxdigit(ch) != 0; });
          if (hex) {
            tier.color = *text;
          } else {
            m_ctx.error(c->value, fmt::format("\"color\" must be \"#RRGGBB\", found \"{}\"", *text));
          }
        }
      }
      if (const auto* c = detail::find_entry(entries, "terminal_color")) {
        if (auto text = detail::read_string(*c, m_ctx)) {
          if (std::find(k_terminal_colors.begin(), k_terminal_colors.end(), *text) != k_terminal_colors.end()) {
            tier.terminal_color = *text;
          } else {
            m_ctx.error(c->value, fmt::format("unknown terminal_color \"{}\"; use one of {}{}", *text,
                                              join(k_terminal_colors, ", "), did_you_mean(*text, k_terminal_colors)));
          }
        }
      }
      m_rubric.tiers.push_back(std::move(tier));
    });
    if (m_rubric.tiers.size() < 2) m_ctx.error(e.key_node, "a rubric needs at least two tiers");
  }

  void read_answer_types(const MapEntry& e) {
    if (!expect_map(e)) return;
    for (const auto& type : detail::read_mapping(e.value, m_ctx)) {
      auto values = detail::read_string_list(type, m_ctx);
      if (!values) continue;
      std::vector<std::string> names;
      for (const auto& [value, node] : *values) {
        if (value == k_unclear) {
          m_ctx.error(node, "\"unclear\" is an answer of every type and must not be listed");
        } else if (std::find(names.begin(), names.end(), value) != names.end()) {
          m_ctx.error(node, fmt::format("duplicate answer \"{}\" in type \"{}\"", value, type.key));
        } else {
          names.push_back(value);
        }
      }
      if (names.empty()) m_ctx.error(type.value.IsNull() ? type.key_node : type.value,
                                     fmt::format("answer type \"{}\" has no answers", type.key));
      m_types[std::string(type.key)] = std::move(names);
    }
  }

  void read_criteria(const MapEntry& e) {
    for_each_item(e, k_criterion_keys, "a criterion", [&](const detail::YamlNode& item, const std::vector<MapEntry>& entries) {
      Criterion c;
      if (const auto* id = detail::require_entry(entries, "id", item, m_ctx, "a criterion")) {
        if (auto text = detail::read_string(*id, m_ctx)) {
          c.id = *text;
          check_id(*id, c.id, "criterion");
          if (m_rubric.find_criterion(c.id)) {
            m_ctx.error(id->value, fmt::format("duplicate criterion id \"{}\"", c.id));
          }
        }
      }
      const std::string where = fmt::format("criterion \"{}\"", c.id);
      if (const auto* title = detail::require_entry(entries, "title", item, m_ctx, where)) {
        if (auto text = detail::read_string(*title, m_ctx)) c.title = *text;
      }
      c.abbrev = c.title.substr(0, 6);
      if (const auto* abbrev = detail::find_entry(entries, "abbrev")) {
        if (auto text = detail::read_string(*abbrev, m_ctx)) c.abbrev = *text;
      }
      if (const auto* d = detail::find_entry(entries, "description")) {
        if (auto text = detail::read_string(*d, m_ctx)) c.description = *text;
      }
      if (const auto* w = detail::find_entry(entries, "weight")) {
        if (auto value = detail::read_number(*w, m_ctx)) {
          if (*value <= 0 || *value > 1000) {
            m_ctx.error(w->value, fmt::format("weight of {} must be above 0 and at most 1000", where));
          } else {
            c.weight = *value;
          }
        }
      }
      if (const auto* o = detail::find_entry(entries, "optional")) {
        if (auto value = detail::read_bool(*o, m_ctx)) c.optional = *value;
      }
      if (const auto* q = detail::find_entry(entries, "questions")) read_questions(*q, c);
      if (const auto* r = detail::require_entry(entries, "rules", item, m_ctx, where)) read_rules(*r, item, c);
      mark_scored(c);
      m_rubric.criteria.push_back(std::move(c));
    });
    if (m_rubric.criteria.empty()) m_ctx.error(e.key_node, "a rubric needs at least one criterion");
  }

  void read_questions(const MapEntry& e, Criterion& c) {
    const std::string where = fmt::format("a question of criterion \"{}\"", c.id);
    for_each_item(e, k_question_keys, where, [&](const detail::YamlNode& item, const std::vector<MapEntry>& entries) {
      Question q;
      if (const auto* id = detail::require_entry(entries, "id", item, m_ctx, where)) {
        if (auto text = detail::read_string(*id, m_ctx)) {
          q.id = *text;
          check_id(*id, q.id, "question");
          if (c.find_question(q.id)) m_ctx.error(id->value, fmt::format("duplicate question id \"{}\"", q.id));
        }
      }
      if (const auto* text = detail::require_entry(entries, "text", item, m_ctx, where)) {
        if (auto value = detail::read_string(*text, m_ctx)) q.text = *value;
      }
      if (const auto* type = detail::require_entry(entries, "type", item, m_ctx, where)) {
        if (auto value = detail::read_string(*type, m_ctx)) {
          q.type = *value;
          if (auto it = m_types.find(q.type); it != m_types.end()) {
            q.values = it->second;
          } else {
            std::vector<std::string> names;
            for (const auto& [name, values] : m_types) names.push_back(name);
            m_ctx.error(type->value, fmt::format("unknown answer type \"{}\"{}", q.type, did_you_mean(q.type, names)));
          }
        }
      }
      if (const auto* scored = detail::find_entry(entries, "scored")) {
        if (auto value = detail::read_bool(*scored, m_ctx)) q.marked_unscored = !*value;
      }
      q.protective_order = q.values;
      if (const auto* order = detail::find_entry(entries, "protective_order")) read_protective_order(*order, q);
      c.questions.push_back(std::move(q));
    });
  }

  // The question's answers from most to least protective, each once: a reordering of its
  // type's answers.
  void read_protective_order(const MapEntry& e, Question& q) {
    auto values = detail::read_string_list(e, m_ctx);
    if (!values) return;
    std::vector<std::string> order;
    for (const auto& [value, node] : *values) order.push_back(value);
    std::vector<std::string> sorted_order = order;
    std::vector<std::string> sorted_values = q.values;
    std::sort(sorted_order.begin(), sorted_order.end());
    std::sort(sorted_values.begin(), sorted_values.end());
    if (q.values.empty()) return;  // an unknown type, reported
    if (sorted_order != sorted_values) {
      m_ctx.error(e.value, fmt::format("\"protective_order\" of question \"{}\" must list each answer of type \"{}\" "
                                       "once ({}), from most to least protective",
                                       q.id, q.type, join(q.values, ", ")));
      return;
    }
    q.protective_order = std::move(order);
  }

  // inheritance: which questions whoever runs the jail answers (criterion ids stand for all
  // their questions), and the kinds of government whose laws bind those within them.
  void read_inheritance(const MapEntry& e) {
    if (!expect_map(e)) return;
    const auto entries = detail::read_mapping(e.value, m_ctx);
    detail::check_known_keys(entries, k_inheritance_keys, m_ctx, "\"inheritance\"");
    if (const auto* jail = detail::find_entry(entries, "jail_authority")) {
      if (auto ids = detail::read_string_list(*jail, m_ctx)) {
        for (const auto& [id, node] : *ids) mark_jail_question(id, node);
      }
    }
    if (const auto* binding = detail::find_entry(entries, "binding")) {
      if (auto kinds = detail::read_string_list(*binding, m_ctx)) {
        for (const auto& [kind, node] : *kinds) {
          const auto& known = jurisdiction_kinds();
          if (std::find(known.begin(), known.end(), kind) == known.end()) {
            m_ctx.error(node, fmt::format("\"{}\" is not a kind of government; expected {}{}", kind,
                                          jurisdiction_kinds_text(), did_you_mean(kind, known)));
          } else if (!m_rubric.inheritance.binds(kind)) {
            m_rubric.inheritance.binding_kinds.push_back(kind);
          }
        }
      }
    }
  }

  void mark_jail_question(const std::string& id, const detail::YamlNode& node) {
    std::vector<std::string> known;
    for (auto& c : m_rubric.criteria) {
      if (c.id == id) {
        for (auto& q : c.questions) q.from_jail_authority = true;
        return;
      }
      known.push_back(c.id);
      for (auto& q : c.questions) {
        if (q.id == id) {
          q.from_jail_authority = true;
          return;
        }
        known.push_back(q.id);
      }
    }
    m_ctx.error(node, fmt::format("\"{}\" in \"inheritance.jail_authority\" is neither a criterion nor a question{}",
                                  id, did_you_mean(id, known)));
  }

  // A question is scored when a rule reads it; one marked `scored: false` must not be read.
  static void mark_scored(Criterion& c) {
    for (auto& q : c.questions) {
      q.scored = std::any_of(c.rules.begin(), c.rules.end(), [&](const Rule& r) {
        auto reads = [&](const Condition& condition) { return condition.question == q.id; };
        return std::any_of(r.when.begin(), r.when.end(), reads) || std::any_of(r.when_any.begin(), r.when_any.end(), reads);
      });
    }
  }

  std::vector<Condition> read_conditions(const MapEntry& e, const Criterion& c) {
    std::vector<Condition> conditions;
    if (!expect_map(e)) return conditions;
    std::vector<std::string> question_ids;
    for (const auto& q : c.questions) question_ids.push_back(q.id);
    for (const auto& entry : detail::read_mapping(e.value, m_ctx)) {
      const Question* q = c.find_question(entry.key);
      if (!q) {
        m_ctx.error(entry.key_node, fmt::format("unknown question \"{}\" in a rule of criterion \"{}\"{}", entry.key,
                                                c.id, did_you_mean(entry.key, question_ids)));
        continue;
      }
      if (q->marked_unscored) {
        m_ctx.error(entry.key_node, fmt::format("question \"{}\" is marked \"scored: false\", so no rule may read it; "
                                                "remove the mark or the condition",
                                                q->id));
        continue;
      }
      Condition condition{q->id, {}};
      std::vector<std::pair<std::string, detail::YamlNode>> values;
      if (entry.value.IsSequence()) {
        if (auto list = detail::read_string_list(entry, m_ctx)) values = *list;
      } else if (auto text = detail::read_string(entry, m_ctx)) {
        values.emplace_back(*text, entry.value);
      }
      for (const auto& [value, node] : values) {
        if (value == k_unclear) {
          m_ctx.error(node, "\"unclear\" never satisfies a condition and cannot be used in a rule");
        } else if (!q->values.empty() &&  // an unknown type is reported once, at the question
                   std::find(q->values.begin(), q->values.end(), value) == q->values.end()) {
          m_ctx.error(node, fmt::format("\"{}\" is not an answer of question \"{}\" (type \"{}\": {}){}", value,
                                        q->id, q->type, join(q->values, ", "), did_you_mean(value, q->values)));
        } else {
          condition.values.push_back(value);
        }
      }
      if (!condition.values.empty()) conditions.push_back(std::move(condition));
    }
    if (conditions.empty() && e.value.IsMap()) m_ctx.error(e.key_node, fmt::format("\"{}\" has no valid condition", e.key));
    return conditions;
  }

  void read_rules(const MapEntry& e, const detail::YamlNode& parent, Criterion& c) {
    const std::string where = fmt::format("a rule of criterion \"{}\"", c.id);
    bool after_catch_all = false;  // an earlier rule has no condition at all
    for_each_item(e, k_rule_keys, where, [&](const detail::YamlNode& item, const std::vector<MapEntry>& entries) {
      Rule rule;
      rule.where = m_ctx.at(item);
      if (after_catch_all) {
        m_ctx.error(item, fmt::format("rule can never match: an earlier rule of criterion \"{}\" has no condition",
                                      c.id));
      }
      if (const auto* tier = detail::require_entry(entries, "tier", item, m_ctx, where)) {
        if (auto value = read_tier(*tier)) rule.tier = *value;
      }
      if (const auto* when = detail::find_entry(entries, "when")) rule.when = read_conditions(*when, c);
      if (const auto* any = detail::find_entry(entries, "when_any")) rule.when_any = read_conditions(*any, c);
      if (const auto* because = detail::find_entry(entries, "because")) {
        if (auto text = detail::read_string(*because, m_ctx)) rule.because = *text;
      }
      // A rule whose conditions were all invalid is not a catch-all: its errors suffice.
      if (!detail::find_entry(entries, "when") && !detail::find_entry(entries, "when_any")) after_catch_all = true;
      c.rules.push_back(std::move(rule));
    });
    if (c.rules.empty() || !c.rules.back().unconditional()) {
      m_ctx.error(c.rules.empty() ? m_ctx.at(parent) : c.rules.back().where,
                  fmt::format("the last rule of criterion \"{}\" must have no condition, so that every "
                              "jurisdiction gets a tier",
                              c.id));
    }
  }

  // A language: two or three lowercase letters ("en", "es"), as in a page's lang attribute.
  std::optional<std::string> read_language_text(std::string_view text, const detail::YamlNode& where) {
    const bool ok = (text.size() == 2 || text.size() == 3) &&
                    std::all_of(text.begin(), text.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (ok) return std::string(text);
    m_ctx.error(where, fmt::format("\"{}\" is not a language; use its two-letter code in lowercase, such as en or es",
                                   text));
    return std::nullopt;
  }

  std::optional<std::string> read_language(const MapEntry& e, const detail::YamlNode& where) {
    auto text = detail::read_string(e, m_ctx);
    if (!text) return std::nullopt;
    return read_language_text(*text, where);
  }

  // translations: {es: {title, description, provenance, tiers: {TIER: {label, short_label}},
  // criteria: {ID: {title, description, because: {RULE: text}}}}}: every tier and criterion
  // named must be the rubric's.
  void read_translations(const MapEntry& e) {
    if (!expect_map(e)) return;
    for (const auto& lang : detail::read_mapping(e.value, m_ctx)) {
      const auto language = read_language_text(lang.key, lang.key_node);
      if (language && *language == m_rubric.lang) {
        m_ctx.error(lang.key_node, fmt::format("the rubric is written in \"{}\"; a translation into it has no place", lang.key));
        continue;
      }
      if (!language || !expect_map(lang)) continue;
      RubricTranslation& t = m_rubric.translations[*language];
      const auto entries = detail::read_mapping(lang.value, m_ctx);
      const std::string where = fmt::format("translation \"{}\"", lang.key);
      detail::check_known_keys(entries, k_translation_keys, m_ctx, where);
      for (const auto& [key, word] : {std::pair<const char*, std::string*>{"title", &t.title},
                                      {"description", &t.description}, {"provenance", &t.provenance}}) {
        if (const auto* f = detail::find_entry(entries, key)) {
          if (auto text = detail::read_string(*f, m_ctx)) *word = *text;
        }
      }
      if (const auto* tiers = detail::find_entry(entries, "tiers"); tiers && expect_map(*tiers)) {
        std::map<int, std::string_view> seen;  // a tier by number and by id is one tier
        for (const auto& tier : detail::read_mapping(tiers->value, m_ctx)) {
          const std::optional<int> number = m_rubric.parse_tier(tier.key);
          if (!number) {
            m_ctx.error(tier.key_node, fmt::format("{} names no tier \"{}\"; use {}", where, tier.key, m_rubric.tier_choices()));
            continue;
          }
          if (const auto [it, fresh] = seen.emplace(*number, tier.key); !fresh) {
            m_ctx.error(tier.key_node, fmt::format("{} translates tier {} twice (\"{}\" and \"{}\")", where, *number, it->second,
                                                   tier.key));
            continue;
          }
          if (!expect_map(tier)) continue;
          const auto fields = detail::read_mapping(tier.value, m_ctx);
          detail::check_known_keys(fields, k_tier_translation_keys, m_ctx, fmt::format("{}, tier {}", where, tier.key));
          auto& words = t.tiers[*number];
          if (const auto* f = detail::find_entry(fields, "label")) words.label = detail::read_string(*f, m_ctx).value_or("");
          if (const auto* f = detail::find_entry(fields, "short_label")) {
            words.short_label = detail::read_string(*f, m_ctx).value_or("");
          }
        }
      }
      if (const auto* criteria = detail::find_entry(entries, "criteria"); criteria && expect_map(*criteria)) {
        for (const auto& c : detail::read_mapping(criteria->value, m_ctx)) {
          const Criterion* criterion = m_rubric.find_criterion(c.key);
          if (!criterion) {
            m_ctx.error(c.key_node, fmt::format("{} names no criterion \"{}\"{}", where, c.key,
                                                did_you_mean(c.key, m_rubric.criterion_ids())));
            continue;
          }
          if (!expect_map(c)) continue;
          const auto fields = detail::read_mapping(c.value, m_ctx);
          detail::check_known_keys(fields, k_criterion_translation_keys, m_ctx, fmt::format("{}, criterion \"{}\"", where, c.key));
          auto& words = t.criteria[std::string(c.key)];
          if (const auto* f = detail::find_entry(fields, "title")) words.title = detail::read_string(*f, m_ctx).value_or("");
          if (const auto* f = detail::find_entry(fields, "description")) {
            words.description = detail::read_string(*f, m_ctx).value_or("");
          }
          if (const auto* because = detail::find_entry(fields, "because"); because && expect_map(*because)) {
            for (const auto& rule : detail::read_mapping(because->value, m_ctx)) {
              int number = 0;
              const auto [end, ec] = std::from_chars(rule.key.data(), rule.key.data() + rule.key.size(), number);
              if (ec != std::errc() || end != rule.key.data() + rule.key.size() || number < 1 ||
                  static_cast<std::size_t>(number) > criterion->rules.size()) {
                m_ctx.error(rule.key_node, fmt::format("criterion \"{}\" has no rule \"{}\"; its rules are 1 to {}", c.key,
                                                       rule.key, criterion->rules.size()));
                continue;
              }
              if (auto text = detail::read_string(rule, m_ctx)) words.because[number] = *text;
            }
          }
        }
      }
    }
  }

  void read_overall(const MapEntry& e) {
    if (!expect_map(e)) return;
    const auto entries = detail::read_mapping(e.value, m_ctx);
    detail::check_known_keys(entries, k_overall_keys, m_ctx, "\"overall\"");
    OverallRule& overall = m_rubric.overall;
    if (const auto* m = detail::require_entry(entries, "method", e.value, m_ctx, "\"overall\"")) {
      if (auto text = detail::read_string(*m, m_ctx)) {
        if (std::find(k_methods.begin(), k_methods.end(), *text) == k_methods.end()) {
          m_ctx.error(m->value, fmt::format("unknown overall method \"{}\"; supported: {}{}", *text,
                                            join(k_methods, ", "), did_you_mean(*text, k_methods)));
        } else {
          overall.method = *text;
        }
      }
    }
    if (const auto* n = detail::find_entry(entries, "min_rated")) read_min_rated(*n);
    if (const auto* p = detail::find_entry(entries, "provenance")) {
      if (auto text = detail::read_string(*p, m_ctx)) overall.provenance = *text;
    }
    if (const auto* c = detail::require_entry(entries, "cutoffs", e.value, m_ctx, "\"overall\"")) read_cutoffs(*c);
    if (const auto* g = detail::find_entry(entries, "gates")) read_gates(*g);
    if (const auto* c = detail::find_entry(entries, "calibration")) read_calibration(*c);
  }

  // "all" (the default: every criterion that is not optional) or a number of criteria.
  void read_min_rated(const MapEntry& e) {
    if (e.value.IsScalar() && e.value.Scalar() == "all") return;
    const auto count = static_cast<long long>(m_rubric.criteria.size());
    const std::string expected = fmt::format("\"min_rated\" must be \"all\" or a number of criteria from 1 to {}", count);
    long long number = 0;
    const std::string_view text = e.value.IsScalar() ? e.value.Scalar() : std::string_view();
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (!e.value.IsScalar() || text.empty() || ec != std::errc() || end != text.data() + text.size()) {
      m_ctx.error(e.value, e.value.IsScalar() ? fmt::format("{}, found \"{}\"", expected, text) : expected);
      return;
    }
    const std::optional<long long> value = number;
    if (*value < 1 || (count > 0 && *value > count)) {
      m_ctx.error(e.value, fmt::format("{}, found {}", expected, *value));
      return;
    }
    m_rubric.overall.min_rated = static_cast<std::size_t>(*value);
  }

  void read_cutoffs(const MapEntry& e) {
    for_each_item(e, k_cutoff_keys, "a cut-off", [&](const detail::YamlNode& item, const std::vector<MapEntry>& entries) {
      Cutoff cutoff;
      const auto* tier = detail::require_entry(entries, "tier", item, m_ctx, "a cut-off");
      const auto* max = detail::require_entry(entries, "max_mean", item, m_ctx, "a cut-off");
      if (!tier || !max) return;
      auto t = read_tier(*tier);
      auto m = detail::read_number(*max, m_ctx);
      if (!t || !m) return;
      cutoff.tier = *t;
      cutoff.max_mean = *m;
      auto& cutoffs = m_rubric.overall.cutoffs;
      if (!cutoffs.empty() && (cutoff.tier <= cutoffs.back().tier || cutoff.max_mean < cutoffs.back().max_mean)) {
        m_ctx.error(item, "cut-offs must go from the best tier to the worst, with rising max_mean");
        return;
      }
      cutoffs.push_back(cutoff);
    });
  }

  void read_gates(const MapEntry& e) {
    for_each_item(e, k_gate_keys, "a gate", [&](const detail::YamlNode& item, const std::vector<MapEntry>& entries) {
      Gate gate;
      if (const auto* tier = detail::require_entry(entries, "tier", item, m_ctx, "a gate")) {
        if (auto t = read_tier(*tier)) gate.tier = *t;
      }
      if (const auto* req = detail::require_entry(entries, "requires", item, m_ctx, "a gate")) {
        if (expect_map(*req)) {
          for (const auto& r : detail::read_mapping(req->value, m_ctx)) {
            if (!m_rubric.find_criterion(r.key)) {
              m_ctx.error(r.key_node, fmt::format("unknown criterion \"{}\" in a gate{}", r.key,
                                                  did_you_mean(r.key, m_rubric.criterion_ids())));
              continue;
            }
            if (auto t = read_tier(r)) gate.requirements.push_back({std::string(r.key), *t});
          }
        }
      }
      if (gate.tier > 0 && !gate.requirements.empty()) m_rubric.overall.gates.push_back(std::move(gate));
    });
  }

  // A list of cases, or a mapping with the day they are checked as of and the cases.
  void read_calibration(const MapEntry& top) {
    const MapEntry* cases = &top;
    std::vector<MapEntry> fields;
    if (top.value.IsMap()) {
      fields = detail::read_mapping(top.value, m_ctx);
      detail::check_known_keys(fields, {"as_of", "cases"}, m_ctx, "\"calibration\"");
      if (const auto* as_of = detail::find_entry(fields, "as_of")) {
        if (auto text = detail::read_string(*as_of, m_ctx)) {
          if (parse_day(*text)) {
            m_rubric.overall.calibration_as_of = *text;
          } else {
            m_ctx.error(as_of->value, fmt::format("\"as_of\" of \"calibration\" must be a date (YYYY-MM-DD), found \"{}\"",
                                                  *text));
          }
        }
      }
      cases = detail::require_entry(fields, "cases", top.value, m_ctx, "\"calibration\"");
      if (!cases) return;
    }
    const MapEntry& e = *cases;
    for_each_item(e, k_calibration_keys, "a calibration case", [&](const detail::YamlNode& item, const std::vector<MapEntry>& entries) {
      CalibrationCase c;
      c.where = m_ctx.at(item);
      bool ok = true;
      if (const auto* j = detail::require_entry(entries, "jurisdiction", item, m_ctx, "a calibration case")) {
        if (auto text = detail::read_string(*j, m_ctx)) c.jurisdiction = *text;
      }
      if (const auto* t = detail::require_entry(entries, "tiers", item, m_ctx, "a calibration case")) {
        if (auto list = detail::read_string_list(*t, m_ctx)) {
          if (list->size() != m_rubric.criteria.size()) {
            m_ctx.error(t->value, fmt::format("expected {} tiers, one per criterion in rubric order, found {}",
                                              m_rubric.criteria.size(), list->size()));
            ok = false;
          }
          for (const auto& [text, node] : *list) {
            auto tier = read_tier(MapEntry{"tiers", t->key_node, node});
            if (!tier) ok = false;
            c.tiers.push_back(tier.value_or(0));
          }
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
      if (const auto* x = detail::require_entry(entries, "expect", item, m_ctx, "a calibration case")) {
        if (auto t = read_tier(*x)) c.expect = *t; else ok = false;
      } else {
        ok = false;
      }
      if (ok) m_rubric.overall.calibration.push_back(std::move(c));
    });
  }

  const YamlContext& m_ctx;
  Rubric& m_rubric;
  AnswerTypes m_types;
};

}  // namespace

RubricLoad load_rubric_from_string(std::string_view text, const std::string& display_name) {
  RubricLoad result;
  Rubric rubric;
  rubric.source_name = display_name;
  const bool read = detail::read_yaml_mapping(
      text, display_name, result.diagnostics, "a mapping at the top of the rubric",
      [&](const detail::YamlNode& root, const YamlContext& ctx) { RubricReader(ctx, rubric).read(root); });
  sort_by_position(result.diagnostics);
  limit_per_file(result.diagnostics, display_name);
  if (read && !has_errors(result.diagnostics)) result.rubric = std::move(rubric);
  return result;
}

RubricLoad load_rubric_file(const std::string& path) { return load_from_file<RubricLoad>(path, load_rubric_from_string); }

}  // namespace scorecard
