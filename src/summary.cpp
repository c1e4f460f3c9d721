// How many jurisdictions and residents each overall tier covers, and the sentence for it.

#include <fmt/format.h>

#include <scorecard/summary.hpp>
#include <scorecard/text_util.hpp>

namespace scorecard {

Summary summarize(const Rubric& rubric, const std::vector<JurisdictionScore>& scores) {
  Summary summary;
  for (const auto& t : rubric.tiers) summary.tiers.push_back({t.number, 0, 0});
  for (const auto& s : scores) {
    ++summary.jurisdictions;
    const long long population = s.jurisdiction.population.value_or(0);
    if (s.jurisdiction.population) {
      ++summary.with_population;
      summary.residents += population;
    }
    if (!s.overall.tier || !rubric.find_tier(*s.overall.tier)) {
      ++summary.unrated;
      ++summary.not_rated.jurisdictions;
      summary.not_rated.residents += population;
      if (!s.jurisdiction.population) ++summary.not_rated.unknown_population;
      continue;
    }
    TierCount& count = summary.tiers[static_cast<std::size_t>(*s.overall.tier - 1)];
    ++count.jurisdictions;
    count.residents += population;
    if (!s.jurisdiction.population) ++count.unknown_population;
  }
  return summary;
}

namespace {

// live: "live under On Track policies"; rated: "rated On Track".
std::string sentence(const Summary& summary, const TierCount& tier, std::string_view live, std::string_view rated) {
  if (summary.with_population == summary.jurisdictions) {
    return fmt::format("{} of {} residents live {} ({} of {} jurisdiction{})", format_residents(tier.residents),
                       format_residents(summary.residents), live, tier.jurisdictions, summary.jurisdictions,
                       summary.jurisdictions == 1 ? "" : "s");
  }
  std::string text = fmt::format("{} of {} jurisdiction{} {} {}", tier.jurisdictions, summary.jurisdictions,
                                 summary.jurisdictions == 1 ? "" : "s", tier.jurisdictions == 1 ? "is" : "are", rated);
  if (tier.residents > 0) {
    text += fmt::format(", home to {} of the {} residents counted", format_residents(tier.residents),
                        format_residents(summary.residents));
  }
  if (tier.unknown_population > 0) text += fmt::format("; population unknown for {}", tier.unknown_population);
  return text;
}

}  // namespace

std::string summary_sentence(const Rubric& rubric, const Summary& summary, const TierCount& tier) {
  const Tier* t = rubric.find_tier(tier.tier);
  const std::string label = t ? t->short_label : std::to_string(tier.tier);
  return sentence(summary, tier, fmt::format("under {} policies", label), "rated " + label);
}

std::string not_rated_sentence(const Summary& summary) {
  if (summary.not_rated.jurisdictions == 0) return {};
  return sentence(summary, summary.not_rated, "in jurisdictions not rated", "not rated");
}

}  // namespace scorecard
