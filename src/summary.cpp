// How many jurisdictions and residents each overall tier covers, and the sentence for it.

#include <fmt/format.h>

#include <scorecard/summary.hpp>
#include <scorecard/text_util.hpp>

namespace scorecard {

std::unordered_set<std::string_view> held_governments(const std::vector<JurisdictionScore>& scores) {
  std::unordered_set<std::string_view> present;
  for (const auto& s : scores) present.insert(s.jurisdiction.id);
  std::unordered_set<std::string_view> held;
  for (const auto& s : scores) {
    for (const auto& ref : s.jurisdiction.within) {
      if (ref.id != s.jurisdiction.id && present.count(ref.id)) held.insert(ref.id);
    }
  }
  return held;
}

Summary summarize(const Rubric& rubric, const std::vector<JurisdictionScore>& scores) {
  Summary summary;
  for (const auto& t : rubric.tiers) summary.tiers.push_back({t.number, 0, 0});
  const std::unordered_set<std::string_view> held = held_governments(scores);
  for (const auto& s : scores) {
    ++summary.jurisdictions;
    const bool known = s.jurisdiction.population.has_value();
    // A government that holds others of these counts as a jurisdiction, not by its
    // residents: they are counted where they live.
    const bool holds = known && held.count(s.jurisdiction.id) > 0;
    const bool counted = known && !holds;
    const long long population = counted ? *s.jurisdiction.population : 0;
    const bool rounded = counted && s.jurisdiction.population_rounded();
    if (holds) ++summary.holding_others;
    if (counted) {
      ++summary.with_population;
      summary.residents += population;
      summary.residents_approximate = summary.residents_approximate || rounded;
    }
    TierCount* count = &summary.not_rated;
    if (!s.overall.tier || !rubric.find_tier(*s.overall.tier)) {
      ++summary.unrated;
    } else {
      count = &summary.tiers[static_cast<std::size_t>(*s.overall.tier - 1)];
    }
    ++count->jurisdictions;
    count->residents += population;
    count->approximate = count->approximate || rounded;
    if (!known) ++count->unknown_population;
  }
  return summary;
}

namespace {

std::string residents_text(long long residents, bool approximate) {
  return (approximate ? "about " : "") + format_residents(residents);
}

// live: "live under On Track policies"; rated: "rated On Track".
std::string sentence(const Summary& summary, const TierCount& tier, std::string_view live, std::string_view rated) {
  if (summary.with_population + summary.holding_others == summary.jurisdictions) {
    return fmt::format("{} of {} residents live {} ({} of {} jurisdiction{})",
                       residents_text(tier.residents, tier.approximate),
                       residents_text(summary.residents, summary.residents_approximate), live,
                       group_thousands(static_cast<long long>(tier.jurisdictions)),
                       group_thousands(static_cast<long long>(summary.jurisdictions)), summary.jurisdictions == 1 ? "" : "s");
  }
  std::string text = fmt::format("{} of {} jurisdiction{} {} {}", group_thousands(static_cast<long long>(tier.jurisdictions)),
                                 group_thousands(static_cast<long long>(summary.jurisdictions)),
                                 summary.jurisdictions == 1 ? "" : "s", tier.jurisdictions == 1 ? "is" : "are", rated);
  if (tier.residents > 0) {
    text += fmt::format(", home to {} of {}{} residents counted", residents_text(tier.residents, tier.approximate),
                        summary.residents_approximate ? "" : "the ",
                        residents_text(summary.residents, summary.residents_approximate));
  }
  if (tier.unknown_population > 0) {
    text += fmt::format("; population unknown for {}", group_thousands(static_cast<long long>(tier.unknown_population)));
  }
  return text;
}

}  // namespace

std::string summary_sentence(const Rubric& rubric, const Summary& summary, const TierCount& tier) {
  const Tier* t = rubric.find_tier(tier.tier);
  const std::string label = t ? t->short_label : std::to_string(tier.tier);
  return sentence(summary, tier, fmt::format("under {} policies", label), "rated " + label);
}

std::string population_note(const Summary& summary) {
  const std::size_t unknown = summary.jurisdictions - summary.with_population - summary.holding_others;
  std::vector<std::string> parts;
  if (unknown > 0) {
    parts.push_back(fmt::format("{} of {} jurisdiction{} {} no population figure", unknown, summary.jurisdictions,
                                summary.jurisdictions == 1 ? "" : "s", unknown == 1 ? "has" : "have"));
  }
  if (summary.holding_others > 0) {
    parts.push_back(fmt::format("{} {} others of these {} left out, so that no one is counted twice",
                                summary.holding_others,
                                summary.holding_others == 1 ? "government that holds" : "governments that hold",
                                summary.holding_others == 1 ? "is" : "are"));
  }
  if (parts.empty()) return {};
  return join(parts, "; ") + "; residents count only the others";
}

std::string not_rated_sentence(const Summary& summary) {
  if (summary.not_rated.jurisdictions == 0) return {};
  return sentence(summary, summary.not_rated, "in jurisdictions not rated", "not rated");
}

}  // namespace scorecard
