// GitHub-flavoured Markdown: a table for READMEs and pull requests, or cards.

#include <algorithm>

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/summary.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace detail {

std::string markdown_text(std::string_view text) {
  std::string out = escape_each(text, [](char c) -> const char* {
    switch (c) {
      case '\r': return "";
      case '\n': return " ";
      case '\\': return "\\\\";
      case '`': return "\\`";
      case '*': return "\\*";
      case '_': return "\\_";
      case '[': return "\\[";
      case ']': return "\\]";
      case '<': return "\\<";
      case '>': return "\\>";
      case '|': return "\\|";
      case '~': return "\\~";
      case '#': return "\\#";
      case '&': return "\\&";  // an entity in the data is shown as written
      default: return nullptr;
    }
  });
  // Trailing spaces mean a line break in Markdown; the newlines above must not add any.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string markdown_link(std::string_view text, std::string_view url) {
  // A destination in <...>: what would end it or be read as an escape is percent-encoded.
  const std::string destination = escape_each(url, [](char c) -> const char* {
    switch (c) {
      case '<': return "%3C";
      case '>': return "%3E";
      case ' ': return "%20";
      case '\\': return "%5C";
      case '\r': return "%0D";
      case '\n': return "%0A";
      default: return nullptr;
    }
  });
  return fmt::format("[{}](<{}>)", markdown_text(text), destination);
}

std::string html_line(std::string_view text) {
  // In an HTML block a blank line ends the block: line ends fold to spaces.
  return html_escape(escape_each(text, [](char c) -> const char* { return c == '\r' || c == '\n' ? " " : nullptr; }));
}

std::string markdown_code(std::string_view text) {
  // Nothing is escaped inside a code span, so the text goes in as it is, but for what would
  // end the span or the table cell: line ends fold to spaces, a | is the only character
  // that GFM tables let a backslash escape there, and the fence is longer than any run of
  // backticks in the text.
  std::string body = escape_each(text, [](char c) -> const char* {
    switch (c) {
      case '\r': return "";
      case '\n': return " ";
      case '|': return "\\|";
      default: return nullptr;
    }
  });
  std::size_t longest = 0;
  for (std::size_t i = 0, run = 0; i < body.size(); ++i) {
    run = body[i] == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

}  // namespace detail

namespace {

// A URL inside <...> in a Markdown link: the characters that would end it are encoded.

std::string tier_text(const Rubric& rubric, const std::optional<int>& tier) {
  return detail::markdown_text(detail::tier_cell(rubric, tier, true));
}

void emit_legend(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out) {
  out << "\n**Tiers:** ";
  std::vector<std::string> tiers;
  for (const auto& t : rubric.tiers) tiers.push_back(fmt::format("{} = {}", t.number, detail::markdown_text(t.label)));
  out << join(tiers, "; ") << ". Lower is better.\n";
  bool any_not_rated = false;
  for (const auto& s : scores) {
    for (const auto& c : s.criteria) any_not_rated = any_not_rated || !c.rated();
  }
  out << "\n**Rated:** criteria with a tier, of all; " << detail::markdown_text(detail::coverage_rule_text(rubric)) << '.';
  if (any_not_rated) {
    out << ' ' << detail::markdown_text(std::string(detail::k_not_rated_mark))
        << " = not rated: the file's evidence decides no tier.";
  }
  out << '\n';
  const Summary summary = summarize(rubric, scores);
  if (summary.jurisdictions > 0) {
    out << '\n';
    for (const auto& t : summary.tiers) out << "- " << summary_sentence(rubric, summary, t) << '\n';
    if (const std::string s = not_rated_sentence(summary); !s.empty()) out << "- " << s << '\n';
  }
  out << "\n*Score: the weighted mean of the criterion tiers (rubric " << detail::markdown_text(rubric.id) << ' '
      << detail::markdown_text(rubric.version) << ").*\n";
}

}  // namespace

void render_markdown_table(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out) {
  std::vector<std::string> header = {"Jurisdiction", "State", "Population"};
  std::string align = "|:---|:---|---:|";
  for (const auto& c : rubric.criteria) {
    header.push_back(detail::markdown_text(c.title));
    align += ":---:|";
  }
  header.emplace_back("Rated");
  header.emplace_back("Overall");
  header.emplace_back("Score");
  align += "---:|:---|---:|";
  out << "| " << join(header, " | ") << " |\n" << align << '\n';
  for (const auto& s : scores) {
    const auto& j = s.jurisdiction;
    std::vector<std::string> row = {detail::markdown_text(j.name), detail::markdown_text(j.state),
                                    j.population ? population_text(*j.population, j.population_rounded_to) : "—"};
    for (const auto& c : s.criteria) {
      row.push_back((c.tier ? std::to_string(*c.tier) : detail::markdown_text(detail::k_not_rated_mark)) +
                    detail::markdown_text(detail::what_if_mark(c.origin == Origin::what_if)));
    }
    row.push_back(detail::coverage_cell(s.overall.coverage));
    row.push_back(tier_text(rubric, s.overall.tier) + detail::markdown_text(detail::what_if_mark(s.hypothetical())));
    row.push_back(s.overall.tier ? format_mean(s.overall.mean) : "—");
    out << "| " << join(row, " | ") << " |\n";
  }
  emit_legend(rubric, scores, out);
}

void render_markdown_cards(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out) {
  for (std::size_t n = 0; n < scores.size(); ++n) {
    const auto& s = scores[n];
    const auto& j = s.jurisdiction;
    if (n > 0) out << '\n';
    out << "## " << detail::markdown_text(j.name) << (j.state.empty() ? "" : ", " + detail::markdown_text(j.state))
        << "\n\n";
    out << "**Overall:** " << detail::markdown_text(detail::tier_cell(rubric, s.overall.tier, false) +
                                                    detail::what_if_mark(s.hypothetical()));
    if (s.overall.tier) out << " (weighted mean " << format_mean(s.overall.mean) << ")";
    if (!s.overall.tier) out << " (" << detail::markdown_text(detail::coverage_text(s.overall.coverage)) << ")";
    out << "\n\n| Criterion | Tier | How | Note | Sources |\n|:---|:---|:---|:---|:---|\n";
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
      const Criterion& c = rubric.criteria[i];
      const CriterionResult& r = s.criteria[i];
      const CriterionData* data = j.find_criterion(c.id);
      std::vector<std::string> refs;
      if (data) {
        for (const auto& ref : data->sources) {
          const Source* source = j.find_source(ref.id);
          if (source && !source->url.empty()) {
            refs.push_back(detail::markdown_link(ref.id, source->url));
          } else {
            refs.push_back(detail::markdown_text(ref.id));
          }
        }
      }
      std::string how(r.origin == Origin::what_if ? "what-if (hypothetical)" : to_string(r.origin));
      if (r.origin == Origin::computed) how += fmt::format(" (rule {})", r.computed->rule_index + 1);
      if (!r.rated()) how = detail::markdown_text(detail::not_rated_reason(r));
      if (r.disagrees()) {
        how += "; " + detail::markdown_text(detail::answers_give_text(*r.computed, r.tier));
        if (data && !data->disagreement.empty()) how += "; kept because: " + detail::markdown_text(data->disagreement);
      }
      if (data) {
        for (const auto& line : detail::inherited_lines(data->answers)) how += "; answers: " + detail::markdown_text(line);
      }
      out << "| " << detail::markdown_text(c.title) << " | "
          << detail::markdown_text(detail::tier_cell(rubric, r.tier, false) +
                                   detail::what_if_mark(r.origin == Origin::what_if))
          << " | " << how << " | "
          << (data ? detail::markdown_text(data->note) : "") << " | " << join(refs, ", ") << " |\n";
    }
  }
}

}  // namespace scorecard
