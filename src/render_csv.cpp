// CSV for spreadsheets: RFC 4180 (CRLF, quotes doubled), UTF-8, formula-safe.

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace detail {

std::string csv_cell(std::string_view text) {
  std::string cell(text);
  // A cell a spreadsheet would read as a formula gets a leading apostrophe, which the
  // spreadsheet shows as text (OWASP's advice on CSV injection).
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                        cell[0] == '\r')) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace detail

void render_csv(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out,
                std::string_view as_of) {
  auto emit = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out << ',';
      out << detail::csv_cell(cells[i]);
    }
    out << "\r\n";
  };
  std::vector<std::string> header = {"id",       "name",       "state", "kind", "population", "population_rounded_to", "jail_authority",
                                     "reviewed", "overall_tier", "overall_label", "score", "overall_status", "criteria_rated",
                                     "criteria_total"};
  for (const auto& c : rubric.criteria) {
    header.push_back(c.id + "_tier");
    header.push_back(c.id + "_label");
  }
  header.emplace_back("what_if");  // the criteria whose tiers a --what-if gave; empty in a run without
  header.emplace_back("set_aside");  // the criteria whose recorded tiers --answers-only set aside
  header.emplace_back("as_of");      // the day rated as of (--as-of); empty for the latest states
  emit(header);
  auto label = [&](const std::optional<int>& tier) {
    const Tier* t = tier ? rubric.find_tier(*tier) : nullptr;
    return t ? t->label : std::string(detail::k_not_rated);
  };
  for (const auto& s : scores) {
    const auto& j = s.jurisdiction;
    std::vector<std::string> row = {j.id,
                                    j.name,
                                    j.state,
                                    j.kind,
                                    j.population ? std::to_string(*j.population) : "",
                                    j.population_rounded() ? std::to_string(j.population_rounded_to) : "",
                                    j.jail_authority,
                                    j.reviewed,
                                    s.overall.tier ? std::to_string(*s.overall.tier) : "",
                                    label(s.overall.tier),
                                    s.overall.tier ? format_mean(s.overall.mean) : "",
                                    s.overall.rated() ? "rated" : "not_rated",
                                    std::to_string(s.overall.coverage.rated),
                                    std::to_string(s.overall.coverage.criteria)};
    for (const auto& c : s.criteria) {
      row.push_back(c.tier ? std::to_string(*c.tier) : "");
      row.push_back(label(c.tier));
    }
    std::vector<std::string> what_if;
    for (const auto& c : s.criteria) {
      if (c.origin == Origin::what_if) what_if.push_back(c.criterion);
    }
    row.push_back(join(what_if, " "));
    std::vector<std::string> set_aside;
    for (const auto& c : s.criteria) {
      if (c.set_aside) set_aside.push_back(c.criterion);
    }
    row.push_back(join(set_aside, " "));
    row.emplace_back(as_of);
    emit(row);
  }
}

}  // namespace scorecard
