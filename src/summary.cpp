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
    const bool rounded = s.jurisdiction.population_rounded();
    if (s.jurisdiction.population) {
      ++summary.with_population;
      summary.residents += population;
      summary.residents_approximate = summary.residents_approximate || rounded;
    }
    if (!s.overall.tier || !rubric.find_tier(*s.overall.tier)) {
      ++summary.unrated;
      ++summary.not_rated.jurisdictions;
      summary.not_rated.residents += population;
      summary.not_rated.approximate = summary.not_rated.approximate || rounded;
      if (!s.jurisdiction.population) ++summary.not_rated.unknown_population;
      continue;
    }
    TierCount& count = summary.tiers[static_cast<std::size_t>(*s.overall.tier - 1)];
    ++count.jurisdictions;
    count.residents += population;
    count.approximate = count.approximate || rounded;
    if (!s.jurisdiction.population) ++count.unknown_population;
  }
  return summary;
}

namespace {

std::string residents_text(long long residents, bool approximate) {
  return (approximate ? "about " : "") + format_residents(residents);
}

// live: "live under On Track policies"; rated: "rated On Track".
std::string sentence(const Summary& summary, const TierCount& tier, std::string_view live, std::string_view rated) {
  if (summary.with_population == summary.jurisdictions) {
    return fmt::format("{} of {} residents live {} ({} of {} jurisdiction{})",
                       residents_text(tier.residents, tier.approximate),
                       residents_text(summary.residents, summary.residents_approximate), live, tier.jurisdictions, summary.jurisdictions,
                       summary.jurisdictions == 1 ? "" : "s");
  }
  std::string text = fmt::format("{} of {} jurisdiction{} {} {}", tier.jurisdictions, summary.jurisdictions,
                                 summary.jurisdictions == 1 ? "" : "s", tier.jurisdictions == 1 ? "is" : "are", rated);
  if (tier.residents > 0) {
    text += fmt::format(", home to {} of the {} residents counted", residents_text(tier.residents, tier.approximate),
                        residents_text(summary.residents, summary.residents_approximate));
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
