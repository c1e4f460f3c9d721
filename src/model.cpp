// The model's own methods: lookups on jurisdictions and rubrics, and the rubric's
// vocabulary (tier names, sort, filter and what-if keys), defined here once for the
// loader, the CLI, completion, filters, check and what-if.

#include <algorithm>
#include <charconv>

#include <scorecard/model.hpp>
#include <scorecard/rubric.hpp>
#include <scorecard/text_util.hpp>

#include "lookup.hpp"

namespace scorecard {

const CriterionData* Jurisdiction::find_criterion(std::string_view criterion_id) const {
  return detail::find_by_id(criteria, criterion_id);
}

CriterionData* Jurisdiction::find_criterion(std::string_view criterion_id) {
  return detail::find_by_id(criteria, criterion_id);
}

std::string_view to_string(Provenance::Via via) {
  switch (via) {
    case Provenance::Via::jail_authority: return "jail_authority";
    case Provenance::Via::at_least: return "at_least";
    case Provenance::Via::at_most: return "at_most";
  }
  return "jail_authority";
}

const Source* Jurisdiction::find_source(std::string_view source_id) const {
  return detail::find_by_id(sources, source_id);
}

const Question* Criterion::find_question(std::string_view question_id) const {
  return detail::find_by_id(questions, question_id);
}

std::size_t Criterion::scored_questions() const {
  return static_cast<std::size_t>(std::count_if(questions.begin(), questions.end(), [](const Question& q) { return q.scored; }));
}

const std::vector<std::string>& jurisdiction_kinds() {
  static const std::vector<std::string> kinds = {"city", "county", "parish", "borough", "state", "other"};
  return kinds;
}

bool is_us_postal_code(std::string_view code) {
  static constexpr std::string_view k_codes[] = {
      "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID", "IL", "IN", "KS",
      "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY",
      "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY"};
  return std::find(std::begin(k_codes), std::end(k_codes), code) != std::end(k_codes);
}

std::string jurisdiction_kinds_text() {
  std::vector<std::string> kinds = jurisdiction_kinds();
  const std::string last = kinds.back();
  kinds.pop_back();
  return join(kinds, ", ") + " or " + last;
}

Rubric Rubric::translated(std::string_view language, bool& complete) const {
  Rubric out = *this;
  complete = true;
  if (language == lang) return out;
  const auto found = translations.find(std::string(language));
  if (found == translations.end()) {
    complete = false;
    return out;
  }
  const RubricTranslation& t = found->second;
  out.lang = std::string(language);
  // Each word the translation has replaces the rubric's; each it lacks leaves it incomplete.
  auto take = [&](std::string& word, const std::string& translation) {
    if (!translation.empty()) {
      word = translation;
    } else if (!word.empty()) {
      complete = false;
    }
  };
  take(out.title, t.title);
  take(out.description, t.description);
  take(out.overall.provenance, t.provenance);
  for (auto& tier : out.tiers) {
    const auto it = t.tiers.find(tier.number);
    const RubricTranslation::TierWords none;
    const auto& words = it == t.tiers.end() ? none : it->second;
    take(tier.label, words.label);
    take(tier.short_label, words.short_label);
  }
  for (auto& c : out.criteria) {
    const auto it = t.criteria.find(c.id);
    const RubricTranslation::CriterionWords none;
    const auto& words = it == t.criteria.end() ? none : it->second;
    take(c.title, words.title);
    take(c.description, words.description);
    for (std::size_t r = 0; r < c.rules.size(); ++r) {
      const auto because = words.because.find(static_cast<int>(r + 1));
      take(c.rules[r].because, because == words.because.end() ? std::string() : because->second);
    }
  }
  return out;
}

const Criterion* Rubric::find_criterion(std::string_view criterion_id) const {
  return detail::find_by_id(criteria, criterion_id);
}

std::optional<std::size_t> Rubric::index_of(std::string_view criterion_id) const {
  const Criterion* c = find_criterion(criterion_id);
  if (!c) return std::nullopt;
  return static_cast<std::size_t>(c - criteria.data());
}

const Tier* Rubric::find_tier(int number) const {
  if (number < 1 || number > worst_tier()) return nullptr;
  return &tiers[static_cast<std::size_t>(number - 1)];
}

int Question::protection_rank(std::string_view answer) const {
  for (std::size_t i = 0; i < protective_order.size(); ++i) {
    if (protective_order[i] == answer) return static_cast<int>(i);
  }
  return -1;
}

bool Inheritance::binds(std::string_view kind) const {
  return std::find(binding_kinds.begin(), binding_kinds.end(), kind) != binding_kinds.end();
}

std::vector<std::string> Rubric::criterion_ids() const {
  std::vector<std::string> ids;
  ids.reserve(criteria.size());
  for (const auto& c : criteria) ids.push_back(c.id);
  return ids;
}

const std::vector<std::string>& reserved_words() {
  static const std::vector<std::string> k_words = {
      "overall", "name",     "population", "state",          "kind",     "tier",  "id",    "file",
      "score",   "label",    "origin",     "jail_authority", "reviewed", "sources", "criteria", "answers",
      "rating",  "note",     "unclear",    "coverage", "none",    "given"};
  return k_words;
}

bool is_rubric_id(std::string_view text) {
  if (text.empty() || !(text[0] >= 'a' && text[0] <= 'z')) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::optional<int> Rubric::parse_tier(std::string_view text) const {
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || !find_tier(number)) return std::nullopt;
    return number;
  }
  for (const auto& t : tiers) {
    if (t.id == text) return t.number;
  }
  return std::nullopt;
}

std::vector<std::string> Rubric::tier_words() const {
  std::vector<std::string> words;
  for (const auto& t : tiers) words.push_back(std::to_string(t.number));
  for (const auto& t : tiers) words.push_back(t.id);
  return words;
}

std::string Rubric::tier_choices() const {
  std::vector<std::string> ids;
  for (const auto& t : tiers) ids.push_back(t.id);
  return "1 to " + std::to_string(worst_tier()) + ", or " + join(ids, ", ");
}

std::vector<std::string> Rubric::sort_keys() const {
  std::vector<std::string> keys = {"overall", "name", "population"};
  for (const auto& c : criteria) keys.push_back(c.id);
  return keys;
}

std::vector<std::string> Rubric::filter_keys() const {
  std::vector<std::string> keys = {"state", "kind", "tier"};
  for (const auto& c : criteria) keys.push_back(c.id);
  return keys;
}

std::vector<std::string> Rubric::what_if_keys() const {
  std::vector<std::string> keys = criterion_ids();
  for (const auto& c : criteria) {
    for (const auto& q : c.questions) keys.push_back(q.id);
  }
  for (const auto& c : criteria) {
    for (const auto& q : c.questions) keys.push_back(c.id + "." + q.id);
  }
  return keys;
}

}  // namespace scorecard
