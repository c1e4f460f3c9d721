// export --format html: the advocates' page.

#include <cctype>
#include <cmath>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/summary.hpp>
#include <scorecard/text_util.hpp>
#include <scorecard/timeline.hpp>
#include <scorecard/version.hpp>

#include "render_detail.hpp"
#include "sha256.hpp"

namespace scorecard {
namespace detail {

std::string_view page_css_text();  // generated from src/html/page.css
std::string_view page_js_text();   // generated from src/html/page.js

std::string html_escape(std::string_view text) {
  return escape_each(text, [](char c) -> const char* {
    switch (c) {
      case '&': return "&amp;";
      case '<': return "&lt;";
      case '>': return "&gt;";
      case '"': return "&quot;";
      case '\'': return "&#39;";
      default: return nullptr;
    }
  });
}

std::string html_linked(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t next = std::string_view::npos;
    for (const std::string_view scheme : {"https://", "http://"}) {
      const std::size_t found = text.find(scheme, at);
      if (found != std::string_view::npos && (next == std::string_view::npos || found < next)) next = found;
    }
    // An address starts a word: "xhttps://" is text.
    while (next != std::string_view::npos && next > 0 && std::isspace(static_cast<unsigned char>(text[next - 1])) == 0 &&
           text[next - 1] != '(' && text[next - 1] != '"') {
      std::size_t later = std::string_view::npos;
      for (const std::string_view scheme : {"https://", "http://"}) {
        const std::size_t found = text.find(scheme, next + 1);
        if (found != std::string_view::npos && (later == std::string_view::npos || found < later)) later = found;
      }
      next = later;
    }
    if (next == std::string_view::npos) break;
    std::size_t end = next;
    while (end < text.size() && std::isspace(static_cast<unsigned char>(text[end])) == 0 && text[end] != '<' &&
           text[end] != '>' && text[end] != '"') {
      ++end;
    }
    while (end > next && std::string_view(".,;:!?)'").find(text[end - 1]) != std::string_view::npos) --end;
    const std::string_view url = text.substr(next, end - next);
    const std::string href = safe_href(url);
    out += html_escape(text.substr(at, next - at));
    if (href.empty() || url.find("://") + 3 >= url.size()) {
      out += html_escape(url);
    } else {
      out += "<a href=\"" + href + "\" rel=\"noopener noreferrer\">" + html_escape(url) + "</a>";
    }
    at = end;
  }
  out += html_escape(text.substr(at));
  return out;
}

std::string safe_href(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  if (!starts("https://") && !starts("http://") && !starts("mailto:")) return {};
  return html_escape(url);
}

namespace {

double channel(int value) {
  const double c = value / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::string_view hex) {
  if (hex.size() != 7 || hex[0] != '#') return 0.0;
  auto part = [&](std::size_t at) { return std::stoi(std::string(hex.substr(at, 2)), nullptr, 16); };
  return 0.2126 * channel(part(1)) + 0.7152 * channel(part(3)) + 0.0722 * channel(part(5));
}

}  // namespace

double contrast_ratio(std::string_view a, std::string_view b) {
  const double x = luminance(a) + 0.05;
  const double y = luminance(b) + 0.05;
  return x > y ? x / y : y / x;
}

std::string text_color_on(std::string_view background) {
  return contrast_ratio(background, "#000000") >= contrast_ratio(background, "#FFFFFF") ? "#000000" : "#FFFFFF";
}

}  // namespace detail

namespace {

using detail::html_escape;

std::string tier_label(const Rubric& rubric, const std::optional<int>& tier, bool short_label = false) {
  const Tier* t = tier ? rubric.find_tier(*tier) : nullptr;
  if (!t) return "not rated";
  return short_label ? t->short_label : t->label;
}

std::string css(const Rubric& rubric) {
  std::string out;
  for (const auto& t : rubric.tiers) {
    out += fmt::format(".tier-{0}, .badge.tier-{0} {{ background: {1}; color: {2}; }}\n", t.number, t.color,
                       detail::text_color_on(t.color));
  }
  out += detail::page_css_text();
  return out;
}

// JSON inside <script type="application/json">: nothing in it may close the element or
// be read as markup, so <, > and & are written as \u escapes (as are U+2028 and U+2029).
// A stream buffer that escapes what passes through it on its way to another: the page
// streams its data as the JSON export does, with no copy of the document in memory.
class ScriptSafeBuffer : public std::streambuf {
 public:
  explicit ScriptSafeBuffer(std::ostream& out) : m_out(out) {}

  // Writes what is held back (an unfinished E2 80 sequence, not U+2028 or U+2029).
  void finish() {
    m_out.write(m_held.data(), static_cast<std::streamsize>(m_held.size()));
    m_held.clear();
  }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    put(&ch, 1);
    return c;
  }

  std::streamsize xsputn(const char* text, std::streamsize n) override {
    put(text, static_cast<std::size_t>(n));
    return n;
  }

 private:
  void put(const char* text, std::size_t n) {
    std::size_t start = 0;  // the start of the run not yet written
    auto flush_to = [&](std::size_t i) {
      if (i > start) m_out.write(text + start, static_cast<std::streamsize>(i - start));
    };
    for (std::size_t i = 0; i < n; ++i) {
      const char c = text[i];
      if (!m_held.empty()) {
        // Inside a possible E2 80 A8 / E2 80 A9.
        m_held += c;
        if (m_held.size() == 2 && c == '\x80') {
          start = i + 1;
          continue;
        }
        if (m_held.size() == 3 && (c == '\xA8' || c == '\xA9')) {
          m_out << (c == '\xA8' ? "\\u2028" : "\\u2029");
          m_held.clear();
          start = i + 1;
          continue;
        }
        // Not one of them: write the held bytes but the last, and read the last again.
        m_out.write(m_held.data(), static_cast<std::streamsize>(m_held.size() - 1));
        m_held.clear();
        start = i;
      }
      const char* escape = c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : c == '&' ? "\\u0026" : nullptr;
      if (escape) {
        flush_to(i);
        m_out << escape;
        start = i + 1;
      } else if (c == '\xE2') {
        flush_to(i);
        m_held = c;
        start = i + 1;
      }
    }
    flush_to(n);
  }

  std::ostream& m_out;
  std::string m_held;
};

}  // namespace

namespace detail {

void write_script_safe(std::ostream& out, const std::function<void(std::ostream&)>& write) {
  ScriptSafeBuffer safe(out);
  std::ostream data(&safe);
  write(data);
  data.flush();
  safe.finish();
}

}  // namespace detail

namespace {

std::string origin_text(const Criterion& c, const CriterionResult& r, const CriterionData* data) {
  if (!r.rated()) {
    return (r.origin == Origin::what_if ? "Hypothetical: not rated: " : "Not rated: ") + detail::not_rated_reason(r) + ".";
  }
  switch (r.origin) {
    case Origin::recorded:
      if (r.disagrees()) {
        return fmt::format("Recorded tier; {}.{}", detail::answers_give_text(*r.computed, r.tier),
                           data && !data->disagreement.empty() ? " Kept because: " + data->disagreement
                                                               : "");
      }
      return "Recorded tier.";
    case Origin::computed: {
      if (r.computed->every_answer) return "Computed from the answers: " + detail::rule_match_text(*r.computed) + ".";
      const Rule& rule = c.rules[static_cast<std::size_t>(r.computed->rule_index)];
      std::string text = fmt::format("Computed from the answers (rule {}{}).", r.computed->rule_index + 1,
                                     r.computed->held.empty() ? "" : ": " + detail::held_text(r.computed->held, ", "));
      if (!rule.because.empty()) text += " " + rule.because;
      return text;
    }
    case Origin::what_if:
      if (!r.from_answers) return "Hypothetical: set by a what-if.";
      return fmt::format("Hypothetical: computed from answers a what-if changed (rule {}).", r.computed->rule_index + 1);
    case Origin::missing: break;
  }
  return "Not rated.";
}

void render_details(const Rubric& rubric, const JurisdictionScore& s, const JurisdictionHistory* history, int end_day,
                    std::string_view as_of, std::ostream& out) {
  const auto& j = s.jurisdiction;
  out << "<div class=\"card\"><h3>" << html_escape(j.name) << "</h3>\n<p class=\"meta\">";
  std::vector<std::string> meta;
  if (!j.kind.empty()) meta.push_back(html_escape(j.kind));
  if (j.population) meta.push_back("population " + population_text(*j.population, j.population_rounded_to));
  if (!j.jail_authority.empty()) meta.push_back("jail run by " + html_escape(j.jail_authority));
  if (!j.reviewed.empty()) meta.push_back("reviewed " + html_escape(j.reviewed));
  out << join(meta, " · ") << "</p>\n<p>Overall: <span class=\"badge tier-" << s.overall.tier.value_or(0) << "\">"
      << (s.overall.tier ? std::to_string(*s.overall.tier) : std::string(detail::k_not_rated_mark)) << "</span>"
      << html_escape(tier_label(rubric, s.overall.tier)) << " ("
      << (s.overall.tier ? "weighted mean " + format_mean(s.overall.mean)
                         : html_escape(detail::coverage_text(s.overall.coverage)))
      << ")";
  for (const auto& g : s.overall.gates) out << "; " << html_escape(detail::gate_text(rubric, g));
  out << ".</p>\n<dl>\n";
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    const Criterion& c = rubric.criteria[i];
    const CriterionResult& r = s.criteria[i];
    const CriterionData* data = j.find_criterion(c.id);
    out << "<dt><span class=\"badge tier-" << r.tier.value_or(0) << "\">"
        << (r.tier ? std::to_string(*r.tier) : std::string(detail::k_not_rated_mark))
        << "</span>" << html_escape(c.title) << "</dt>\n<dd>"
        << (r.tier ? html_escape(tier_label(rubric, r.tier)) + ". " : std::string())
        << html_escape(origin_text(c, r, data));
    if (data) {
      // Answers from another government: said in words, and their sources listed with the others.
      for (const auto& line : detail::inherited_lines(data->answers)) out << "<br>Answers: " << html_escape(line) << ".";
    }
    if (data && !data->note.empty()) out << "<br>" << html_escape(data->note);
    if (data && !data->sources.empty()) {
      out << "\n<ul class=\"sources\">";
      for (const auto& ref : data->sources) {
        const Source* source = j.find_source(ref.id);
        if (!source) continue;
        std::string text = html_escape(source->title);
        if (!source->pinpoint.empty()) text += ", " + html_escape(source->pinpoint);
        const std::string href = detail::safe_href(source->url);
        out << "<li>";
        if (href.empty()) {
          out << text;
        } else {
          out << "<a href=\"" << href << "\" rel=\"noopener noreferrer\">" << text << "</a>";
        }
        if (!source->date.empty()) out << " (" << html_escape(source->date) << ")";
        out << "</li>";
      }
      out << "</ul>";
    }
    out << "</dd>\n";
  }
  out << "</dl>";
  if (history) detail::html_history(rubric, *history, end_day, as_of, out);
  out << "</div>";
}

void render_methodology(const Rubric& rubric, std::ostream& out) {
  out << "<section class=\"methodology\" aria-labelledby=\"methodology\">\n<h2 id=\"methodology\">Methodology</h2>\n";
  if (!rubric.description.empty()) out << "<p>" << html_escape(rubric.description) << "</p>\n";
  out << "<ul>\n";
  for (const auto& c : rubric.criteria) {
    out << "<li><strong>" << html_escape(c.title) << "</strong> (weight " << fmt::format("{:g}", c.weight) << ")";
    if (!c.description.empty()) out << ": " << html_escape(c.description);
    out << "</li>\n";
  }
  out << "</ul>\n<p>The overall tier comes from the weighted mean of the criterion tiers (lower is better): ";
  std::vector<std::string> cuts;
  for (const auto& cut : rubric.overall.cutoffs) {
    cuts.push_back(fmt::format("up to {:.2f} is tier {}", cut.max_mean, cut.tier));
  }
  cuts.push_back(fmt::format("anything higher is tier {}", rubric.worst_tier()));
  out << html_escape(join(cuts, "; ")) << ".";
  for (const auto& gate : rubric.overall.gates) {
    std::vector<std::string> reqs;
    for (const auto& r : gate.requirements) {
      const Criterion* c = rubric.find_criterion(r.criterion);
      reqs.push_back(fmt::format("{} at tier {}", c ? c->title : r.criterion, r.tier));
    }
    out << " Tier " << gate.tier << " also requires " << html_escape(join(reqs, ", ")) << " or better.";
  }
  std::string coverage = detail::coverage_rule_text(rubric);
  coverage[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(coverage[0])));
  out << " " << html_escape(coverage)
      << "; with fewer, a jurisdiction is not rated overall. A criterion is not rated when it records no tier and "
         "its answers leave open a question that could change it: an unclear or missing answer is no evidence, "
         "not a \"no\".";
  out << "</p>\n";
  if (!rubric.overall.provenance.empty()) out << "<p>" << html_escape(rubric.overall.provenance) << "</p>\n";
  out << "<p>Rubric <code>" << html_escape(rubric.id) << "</code>, version " << html_escape(rubric.version)
      << ".</p>\n</section>\n";
}

}  // namespace

void render_html(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const HtmlOptions& options,
                 const ExportInfo& info, std::ostream& out) {
  const std::string title = options.title.empty() ? rubric.title : options.title;
  const std::string style = css(rubric);
  const std::string script(detail::page_js_text());
  const std::size_t columns = 6 + rubric.criteria.size();
  // The pictures of time end on the day rated as of, or today.
  const int end_day = !info.as_of.empty() ? parse_day(info.as_of).value_or(info.today) : info.today;
  std::unordered_map<std::string_view, const JurisdictionHistory*> histories;
  if (info.history) {
    for (const auto& h : info.history->jurisdictions) histories.emplace(h.id, &h);
  }
  auto history_of = [&](const std::string& id) -> const JurisdictionHistory* {
    const auto it = histories.find(id);
    return it == histories.end() ? nullptr : it->second;
  };

  out << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
      << detail::csp_hash(script) << "; style-src " << detail::csp_hash(style)
      << "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"generator\" content=\"policy-scorecard " << html_escape(version()) << "\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n<header>\n<h1>"
      << html_escape(title) << "</h1>\n";
  if (!options.intro.empty()) out << "<p class=\"intro\">" << detail::html_linked(options.intro) << "</p>\n";
  if (!info.as_of.empty()) {
    out << "<p class=\"what-if\" role=\"note\"><strong>" << html_escape(detail::as_of_banner(info.as_of))
        << "</strong></p>\n";
  }
  // Before the summary, which counts the hypothetical tiers too.
  if (info.answers_only) {
    out << "<p class=\"what-if\" role=\"note\"><strong>" << html_escape(detail::k_answers_only_banner)
        << "</strong></p>\n";
  }
  if (!info.what_if.empty()) {
    out << "<p class=\"what-if\" role=\"note\"><strong>" << html_escape(detail::what_if_banner(info.what_if))
        << "</strong></p>\n";
  }
  const Summary summary = summarize(rubric, scores);
  out << "<ul class=\"summary\">\n";
  for (const auto& t : summary.tiers) out << "<li>" << html_escape(summary_sentence(rubric, summary, t)) << ".</li>\n";
  if (const std::string line = not_rated_sentence(summary); !line.empty()) out << "<li>" << html_escape(line) << ".</li>\n";
  out << "</ul>\n</header>\n<main>\n";

  out << "<div class=\"controls\" id=\"controls\" hidden>\n"
      << "<label for=\"search\">Find a city, county or state<input type=\"search\" id=\"search\" "
         "placeholder=\"Name or state\" autocomplete=\"off\"></label>\n"
      << "<label for=\"tier-filter\">Overall tier<select id=\"tier-filter\"><option value=\"\">All tiers</option>";
  for (const auto& t : rubric.tiers) {
    out << "<option value=\"" << t.number << "\">" << t.number << " " << html_escape(t.label) << "</option>";
  }
  out << "<option value=\"none\">Not rated</option>";
  out << "</select></label>\n<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</div>\n";

  out << "<div class=\"table-wrap\">\n<table id=\"scorecard\">\n<caption>" << scores.size()
      << (scores.size() == 1 ? " jurisdiction" : " jurisdictions")
      << ". Tier 1 is best. Choose a name for its policies and sources; choose a column heading to sort.</caption>\n"
      << "<thead><tr>\n"
      << "<th scope=\"col\" data-type=\"text\" aria-sort=\"none\"><button type=\"button\">Jurisdiction</button></th>\n"
      << "<th scope=\"col\" data-type=\"text\" aria-sort=\"none\"><button type=\"button\">State</button></th>\n"
      << "<th scope=\"col\" data-type=\"number\" data-first=\"descending\" aria-sort=\"none\" class=\"num\"><button "
         "type=\"button\">Population</button></th>\n";
  for (const auto& c : rubric.criteria) {
    out << "<th scope=\"col\" data-type=\"number\" aria-sort=\"none\" title=\"" << html_escape(c.description)
        << "\"><button type=\"button\">" << html_escape(c.title) << "</button></th>\n";
  }
  out << "<th scope=\"col\" data-type=\"number\" data-first=\"descending\" aria-sort=\"none\" class=\"num\" "
         "title=\"Criteria with a tier, of all\"><button type=\"button\">Rated</button></th>\n"
      << "<th scope=\"col\" data-type=\"number\" aria-sort=\"none\"><button type=\"button\">Overall</button></th>\n"
      << "<th scope=\"col\" data-type=\"number\" aria-sort=\"none\" class=\"num\"><button "
         "type=\"button\">Score</button></th>\n</tr></thead>\n<tbody>\n";

  for (std::size_t n = 0; n < scores.size(); ++n) {
    const auto& s = scores[n];
    const auto& j = s.jurisdiction;
    const std::string id = html_escape(j.id);
    std::string search = j.name + " " + j.state;
    for (auto& ch : search) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out << "<tr class=\"row\" id=\"row-" << id << "\" data-details=\"details-" << id << "\" data-order=\"" << n
        << "\" data-tier=\"" << (s.overall.tier ? std::to_string(*s.overall.tier) : "none") << "\" data-search=\""
        << html_escape(search) << "\">\n<th scope=\"row\" data-sort=\"" << html_escape(j.name)
        << "\"><button type=\"button\" class=\"open\" aria-controls=\"details-" << id << "\">" << html_escape(j.name)
        << "</button></th>\n<td data-sort=\"" << html_escape(j.state) << "\">" << html_escape(j.state) << "</td>\n"
        << "<td class=\"num\" data-sort=\"" << (j.population ? std::to_string(*j.population) : "") << "\">"
        << (j.population ? population_text(*j.population, j.population_rounded_to) : "—") << "</td>\n";
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
      const auto& tier = s.criteria[i].tier;
      out << "<td class=\"tier tier-" << tier.value_or(0) << "\" data-sort=\"" << (tier ? std::to_string(*tier) : "")
          << "\">" << (tier ? std::to_string(*tier) : std::string(detail::k_not_rated_mark))
          << detail::what_if_mark(s.criteria[i].origin == Origin::what_if) << "<span class=\"sr\"> "
          << html_escape(tier_label(rubric, tier))
          << (s.criteria[i].origin == Origin::what_if ? " (hypothetical)" : "") << "</span></td>\n";
    }
    out << "<td class=\"num\" data-sort=\"" << s.overall.coverage.rated << "\">"
        << detail::coverage_cell(s.overall.coverage) << "</td>\n";
    out << "<td class=\"tier overall tier-" << s.overall.tier.value_or(0) << "\" data-sort=\""
        << (s.overall.tier ? fmt::format("{:.4f}", *s.overall.tier * 10 + s.overall.mean) : "") << "\">"
        << (s.overall.tier ? std::to_string(*s.overall.tier) + " " : "") << html_escape(tier_label(rubric, s.overall.tier, true))
        << (s.hypothetical() ? std::string(detail::k_what_if_mark) + "<span class=\"sr\"> (hypothetical)</span>" : "")
        << "</td>\n<td class=\"num\" data-sort=\"" << (s.overall.tier ? format_mean(s.overall.mean) : "") << "\">"
        << (s.overall.tier ? format_mean(s.overall.mean) : "—") << "</td>\n</tr>\n";
    out << "<tr class=\"details\" id=\"details-" << id << "\"><td colspan=\"" << columns << "\">";
    render_details(rubric, s, history_of(j.id), end_day, info.as_of, out);
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n";
  if (info.history) detail::html_tier_chart(rubric, *info.history, scores, end_day, out);

  out << "<h2>Tiers</h2>\n<ul class=\"legend\">\n";
  for (const auto& t : rubric.tiers) {
    out << "<li><span class=\"badge tier-" << t.number << "\">" << t.number << "</span>" << html_escape(t.label)
        << "</li>\n";
  }
  out << "<li><span class=\"badge tier-0\">" << detail::k_not_rated_mark
      << "</span>Not rated: the evidence recorded decides no tier. Unclear or missing answers are no evidence, "
         "not a \"no\".</li>\n";
  out << "</ul>\n<p>Score: the weighted mean of the criterion tiers (lower is better), from which the overall tier "
         "comes (see the methodology below). A dash (—) is a figure the data does not have: a population no source "
         "gives, or the score of a jurisdiction not rated overall.</p>\n";
  out << "<p>Rated: criteria with a tier, of all; " << html_escape(detail::coverage_rule_text(rubric))
      << ".</p>\n";
  render_methodology(rubric, out);
  out << "</main>\n<footer><p>Made with policy-scorecard " << html_escape(version())
      << ". This page makes no network requests; the data below is also embedded as JSON.</p></footer>\n"
      << "<script type=\"application/json\" id=\"scorecard-data\">";
  detail::write_script_safe(out, [&](std::ostream& data) { render_json(rubric, scores, info, data); });
  out << "</script>\n<script>" << script << "</script>\n</body>\n</html>\n";
}

}  // namespace scorecard
