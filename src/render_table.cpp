// compare: the comparison table, with a legend.

#include <algorithm>

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace {

struct Column {
  std::string header;
  bool right_align = false;
  std::size_t width = 0;
};

}  // namespace

void render_compare_table(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                          const RenderOptions& options, std::ostream& out) {
  std::vector<Column> columns = {{"Jurisdiction", false, 0}, {"State", false, 0}, {"Population", true, 0}};
  for (const auto& c : rubric.criteria) columns.push_back({c.abbrev, true, 0});
  columns.push_back({"Rated", true, 0});
  columns.push_back({"Overall", false, 0});
  columns.push_back({"Score", true, 0});

  // Plain cell text first, so that widths ignore colour codes.
  std::vector<std::vector<std::string>> rows;
  bool any_not_rated = false;
  for (const auto& s : scores) {
    const auto& j = s.jurisdiction;
    std::vector<std::string> row = {j.name, j.state.empty() ? "—" : j.state,
                                    j.population ? population_text(*j.population, j.population_rounded_to) : "—"};
    for (const auto& c : s.criteria) {
      any_not_rated = any_not_rated || !c.rated();
      row.push_back((c.tier ? std::to_string(*c.tier) : std::string(detail::k_not_rated_mark)) +
                    detail::what_if_mark(c.origin == Origin::what_if));
    }
    row.push_back(detail::coverage_cell(s.overall.coverage));
    row.push_back(detail::tier_cell(rubric, s.overall.tier, true) + detail::what_if_mark(s.hypothetical()));
    row.push_back(s.overall.tier ? format_mean(s.overall.mean) : "—");
    rows.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    columns[i].width = display_width(columns[i].header);
    for (const auto& row : rows) columns[i].width = std::max(columns[i].width, display_width(row[i]));
  }
  // Fit a terminal by narrowing the name column (never below 12 columns).
  if (options.width > 0) {
    std::size_t total = columns.size() - 1;
    for (const auto& c : columns) total += c.width;
    if (total > options.width) {
      const std::size_t excess = total - options.width;
      columns[0].width = std::max<std::size_t>(12, columns[0].width > excess ? columns[0].width - excess : 0);
    }
  }

  auto emit_row = [&](const std::vector<std::string>& cells, const JurisdictionScore* s) {
    std::string line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) line += ' ';
      std::string text = i == 0 ? truncate_display(cells[i], columns[i].width) : cells[i];
      std::string padded = detail::pad(text, columns[i].width, columns[i].right_align);
      if (s) {
        const std::size_t first_criterion = 3;
        const std::size_t rated_column = first_criterion + rubric.criteria.size();  // not painted
        const std::size_t overall_column = rated_column + 1;
        if (i >= first_criterion && i < rated_column) {
          const auto& tier = s->criteria[i - first_criterion].tier;
          if (tier) padded = detail::paint(rubric, *tier, padded, options);
        } else if (i == overall_column && s->overall.tier) {
          padded = detail::paint(rubric, *s->overall.tier, padded, options);
        }
      }
      line += padded;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };

  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.header);
  emit_row(header, nullptr);
  for (std::size_t r = 0; r < rows.size(); ++r) emit_row(rows[r], &scores[r]);

  // Legend.
  const std::size_t width = detail::prose_width(options);
  out << '\n';
  std::vector<std::string> tiers;
  for (const auto& t : rubric.tiers) tiers.push_back(detail::paint(rubric, t.number, fmt::format("{} {}", t.number, t.label), options));
  out << "Tiers: " << join(tiers, " · ") << '\n';
  std::vector<std::string> criteria;
  for (const auto& c : rubric.criteria) {
    if (c.abbrev != c.title) criteria.push_back(fmt::format("{} = {}", c.abbrev, c.title));
  }
  if (!criteria.empty()) {
    for (const auto& line : wrap("Columns: " + join(criteria, ", ") + ".", width)) out << line << '\n';
  }
  std::string rated = fmt::format("Rated: criteria with a tier, of all; {}.", detail::coverage_rule_text(rubric));
  if (any_not_rated) {
    rated += fmt::format(" {} = not rated: the file's evidence decides no tier ('scorecard explain' says why).",
                         detail::k_not_rated_mark);
  }
  for (const auto& line : wrap(rated, width)) out << line << '\n';
  for (const auto& line :
       wrap(fmt::format("Score: the weighted mean of the criterion tiers (lower is better). {} jurisdiction{}; "
                        "'scorecard rubric show' explains the method.",
                        scores.size(), scores.size() == 1 ? "" : "s"),
            width)) {
    out << line << '\n';
  }
}

}  // namespace scorecard
