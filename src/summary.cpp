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
      continue;
    }
    TierCount& count = summary.tiers[static_cast<std::size_t>(*s.overall.tier - 1)];
    ++count.jurisdictions;
    count.residents += population;
    if (!s.jurisdiction.population) ++count.unknown_population;
  }
  return summary;
}

std::string summary_sentence(const Rubric& rubric, const Summary& summary, const TierCount& tier) {
  const Tier* t = rubric.find_tier(tier.tier);
  const std::string label = t ? t->short_label : std::to_string(tier.tier);
  if (summary.with_population == summary.jurisdictions) {
    return fmt::format("{} of {} residents live under {} policies ({} of {} jurisdiction{})",
                       format_residents(tier.residents), format_residents(summary.residents), label,
                       tier.jurisdictions, summary.jurisdictions, summary.jurisdictions == 1 ? "" : "s");
  }
  std::string text = fmt::format("{} of {} jurisdiction{} {} rated {}", tier.jurisdictions, summary.jurisdictions,
                                 summary.jurisdictions == 1 ? "" : "s", tier.jurisdictions == 1 ? "is" : "are", label);
  if (tier.residents > 0) {
    text += fmt::format(", home to {} of the {} residents counted", format_residents(tier.residents),
                        format_residents(summary.residents));
  }
  if (tier.unknown_population > 0) text += fmt::format("; population unknown for {}", tier.unknown_population);
  return text;
}

}  // namespace scorecard
