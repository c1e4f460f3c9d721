// export --format html: the advocates' page.

#include <algorithm>
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

#include "page_words.hpp"
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
    return std::equal(prefix.begin(), prefix.end(), url.begin(),
                      [](char p, char u) { return std::tolower(static_cast<unsigned char>(u)) == p; });
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
using detail::PageWords;

std::string tier_label(const Rubric& rubric, const PageWords& w, const std::optional<int>& tier,
                       bool short_label = false) {
  const Tier* t = tier ? rubric.find_tier(*tier) : nullptr;
  if (!t) return std::string(w.not_rated);
  return short_label ? t->short_label : t->label;
}

std::string tier_mark(const std::optional<int>& tier) {
  return tier ? std::to_string(*tier) : std::string(detail::k_not_rated_mark);
}

// A sentence with its first letter a capital ("about 3.4 million..." starts a list item).
std::string capitalized(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// Below this width (in rem) the table would not fit, and the page shows a card per
// jurisdiction instead: the name and the overall tier first, the rest a tap away.
double table_width_rem(const Rubric& rubric) { return 36.0 + 5.25 * static_cast<double>(rubric.criteria.size()); }

std::string css(const Rubric& rubric) {
  std::string out;
  for (const auto& t : rubric.tiers) {
    out += fmt::format(".tier-{0} {{ background: {1}; color: {2}; }} .f{0} {{ fill: {1}; }}\n", t.number, t.color,
                       detail::text_color_on(t.color));
  }
  out += detail::page_css_text();
  // Where the table fits it is shown; below, the cards carry each jurisdiction.
  out += fmt::format("@media screen and (max-width: {:g}rem) {{ .overview {{ display: none; }} }}\n"
                     "@media screen and (min-width: {:g}rem) {{ .place summary .where {{ display: none; }} }}\n",
                     table_width_rem(rubric) - 0.01, table_width_rem(rubric));
  return out;
}

// What the page's pieces share.
struct Page {
  Rubric rubric;  // in the page's language
  const PageWords& w;
  const HtmlOptions& options;
  const ExportInfo& info;
  int end_day = 0;  // the pictures of time end on the day rated as of, or today
  std::unordered_map<std::string_view, const JurisdictionHistory*> histories;
  bool site = false;  // export --format site: names link to each jurisdiction's own page
  std::string translation_note;  // said when the rubric has no translation into the page's language
  std::unordered_map<std::string_view, std::string_view> names;  // the jurisdictions on the page, by id
  std::string style;       // the one stylesheet of every page of the run
  std::string style_hash;  // its CSP hash, computed once for a site's thousands of pages

  Page(const Rubric& r, const PageWords& words, const HtmlOptions& o, const ExportInfo& i,
       const std::vector<JurisdictionScore>& scores)
      : w(words), options(o), info(i) {
    for (const auto& s : scores) names.emplace(s.jurisdiction.id, s.jurisdiction.name);
    bool complete = true;
    rubric = r.translated(words.lang, complete);
    if (!complete) translation_note = words.translation_missing;
    style = css(rubric);
    style_hash = detail::csp_hash(style);
    end_day = !info.as_of.empty() ? parse_day(info.as_of).value_or(info.today) : info.today;
    if (info.history) {
      for (const auto& h : info.history->jurisdictions) histories.emplace(h.id, &h);
    }
  }
  const JurisdictionHistory* history_of(const std::string& id) const {
    const auto it = histories.find(id);
    return it == histories.end() ? nullptr : it->second;
  }
  // Where a jurisdiction's card is: "#chicago" on the page, "jurisdictions/chicago.html"
  // from a site's index.
  std::string link_to(const Jurisdiction& j) const {
    return site ? std::string(k_site_places) + "/" + card_link(j.id) : card_link(j.id);
  }
  // The same from a card: "#cook-county", or its page beside this one in a site.
  std::string card_link(std::string_view id) const {
    return site ? html_escape(id) + ".html" : "#" + html_escape(id);
  }
};

std::string source_text(const Source& source) {
  std::string text = html_escape(source.title);
  const std::string href = detail::safe_href(source.url);
  if (!href.empty()) text = "<a href=\"" + href + "\">" + text + "</a>";
  if (!source.pinpoint.empty()) text += ", " + html_escape(source.pinpoint);
  if (!source.date.empty()) text += " (" + html_escape(source.date) + ")";
  return text;
}

// A badge with the tier's number (or ?) and its label beside it.
std::string badge(const Page& p, const std::optional<int>& tier, bool short_label = false) {
  return fmt::format("<span class=\"badge tier-{}\">{}</span>{}", tier.value_or(0), tier_mark(tier),
                     html_escape(tier_label(p.rubric, p.w, tier, short_label)));
}

// A jurisdiction's card: what it is, its overall tier, each criterion with its reason, note
// and sources (listed once, numbered), its history, and a link to itself. heading: the
// level of the card's own headings (3 inside the page's list, 2 on a page of its own).
void render_card(const Page& p, const JurisdictionScore& s, int heading, std::ostream& out) {
  const auto& j = s.jurisdiction;
  const PageWords& w = p.w;
  const std::string id = html_escape(j.id);
  out << "<div class=\"card\" id=\"" << id << "\">\n<p class=\"meta\">";
  std::vector<std::string> meta;
  if (!j.kind.empty()) meta.push_back(html_escape(w.kind(j.kind)));
  if (j.population) meta.push_back(std::string(w.population) + " " + w.population_figure(*j.population, j.population_rounded_to));
  if (!j.jail_authority.empty()) {
    // The government that runs the jail, by name and linked to its card when it is here.
    const auto it = p.names.find(j.jail_authority);
    meta.push_back(std::string(w.jail_run_by) + " " +
                   (it == p.names.end() ? html_escape(j.jail_authority)
                                        : "<a href=\"" + p.card_link(j.jail_authority) + "\">" + html_escape(it->second) + "</a>"));
  }
  if (!j.reviewed.empty()) meta.push_back(std::string(w.reviewed) + " " + html_escape(j.reviewed));
  out << join(meta, " · ") << "</p>\n<p>" << w.overall << ": " << badge(p, s.overall.tier) << " ("
      << (s.overall.tier ? std::string(w.weighted_mean) + " " + format_mean(s.overall.mean)
                         : html_escape(w.coverage(s.overall.coverage)))
      << ")";
  for (const auto& g : s.overall.gates) out << "; " << html_escape(w.gate(p.rubric, g));
  out << ".</p>\n<dl>\n";
  for (std::size_t i = 0; i < p.rubric.criteria.size(); ++i) {
    const Criterion& c = p.rubric.criteria[i];
    const CriterionResult& r = s.criteria[i];
    const CriterionData* data = j.find_criterion(c.id);
    out << "<dt>" << fmt::format("<span class=\"badge tier-{}\">{}</span>", r.tier.value_or(0), tier_mark(r.tier))
        << html_escape(c.title) << "</dt>\n<dd>" << (r.tier ? html_escape(tier_label(p.rubric, w, r.tier)) + ". " : std::string())
        << html_escape(w.origin(c, r, data));
    if (data) {
      // Answers from another government: said in words, with the source they come from.
      for (const auto& line : w.inherited(data->answers)) {
        out << "<br>" << w.answers << " " << html_escape(line) << ".";
      }
      if (!data->note.empty()) out << "<br>" << html_escape(data->note);
      std::vector<std::size_t> numbers;
      for (const auto& ref : data->sources) {
        for (std::size_t k = 0; k < j.sources.size(); ++k) {
          if (j.sources[k].id == ref.id) numbers.push_back(k + 1);
        }
      }
      if (!numbers.empty()) {
        out << " <span class=\"cite\">" << w.cited << " " << detail::source_links(j.id, std::move(numbers)) << "</span>";
      }
    }
    out << "</dd>\n";
  }
  out << "</dl>\n";
  if (!j.sources.empty()) {
    out << fmt::format("<h{0}>{1}</h{0}>\n<ol class=\"sources\">\n", heading, w.sources_heading);
    for (std::size_t k = 0; k < j.sources.size(); ++k) {
      out << "<li id=\"" << id << "_s" << k + 1 << "\">" << source_text(j.sources[k]) << "</li>\n";
    }
    out << "</ol>\n";
  }
  if (const JurisdictionHistory* h = p.history_of(j.id)) {
    detail::html_history(p.rubric, w, j, *h, p.end_day, heading, out);
  }
  if (!p.site) out << "<p class=\"permalink\"><a href=\"#" << id << "\">" << w.permalink << "</a></p>\n";
  out << "</div>\n";
}

void render_methodology(const Page& p, int heading, std::ostream& out) {
  const Rubric& rubric = p.rubric;
  const PageWords& w = p.w;
  out << fmt::format("<section class=\"methodology\" aria-labelledby=\"sc_methodology\">\n<h{0} id=\"sc_methodology\">{1}</h{0}>\n",
                     heading, w.methodology_heading);
  if (!rubric.description.empty()) out << "<p>" << html_escape(rubric.description) << "</p>\n";
  out << "<ul>\n";
  for (const auto& c : rubric.criteria) {
    out << "<li><strong>" << html_escape(c.title) << "</strong> (" << w.weight << " " << fmt::format("{:g}", c.weight) << ")";
    if (!c.description.empty()) out << ": " << html_escape(c.description);
    out << "</li>\n";
  }
  out << "</ul>\n<p>" << w.mean_rule << " ";
  std::vector<std::string> cuts;
  for (const auto& cut : rubric.overall.cutoffs) {
    cuts.push_back(detail::fill_words(w.up_to, {{"mean", fmt::format("{:.2f}", cut.max_mean)}, {"tier", std::to_string(cut.tier)}}));
  }
  cuts.push_back(detail::fill_words(w.anything_higher, {{"tier", std::to_string(rubric.worst_tier())}}));
  out << html_escape(join(cuts, "; ")) << ".";
  for (const auto& gate : rubric.overall.gates) {
    std::vector<std::string> reqs;
    for (const auto& r : gate.requirements) {
      const Criterion* c = rubric.find_criterion(r.criterion);
      reqs.push_back(detail::fill_words(w.or_better, {{"criterion", c ? c->title : r.criterion}, {"tier", std::to_string(r.tier)}}));
    }
    out << " " << html_escape(detail::fill_words(w.also_requires, {{"tier", std::to_string(gate.tier)}, {"what", join(reqs, ", ")}}));
  }
  out << " " << html_escape(capitalized(w.coverage_rule(rubric))) << html_escape(w.coverage_rest) << "</p>\n";
  if (!rubric.overall.provenance.empty()) out << "<p>" << html_escape(rubric.overall.provenance) << "</p>\n";
  out << "<p>" << html_escape(detail::fill_words(w.rubric_version, {{"id", rubric.id}, {"version", rubric.version}})) << "</p>\n";
  out << fmt::format("<h{0}>{1}</h{0}>\n<ul class=\"legend\">\n", heading + 1, w.legend_heading);
  for (const auto& t : rubric.tiers) {
    out << "<li><span class=\"badge tier-" << t.number << "\">" << t.number << "</span>" << html_escape(t.label) << "</li>\n";
  }
  out << "<li><span class=\"badge tier-0\">" << detail::k_not_rated_mark << "</span>" << html_escape(w.legend_not_rated)
      << "</li>\n</ul>\n</section>\n";
}

// The head of a page: its own strict CSP (the hashes of its one style and one script), no
// referrer, and share tags (title, description) for link previews.
void render_head(const Page& p, const std::string& title, const std::string& description, std::string_view script,
                 std::ostream& out) {
  out << "<!doctype html>\n<html lang=\"" << p.w.lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      << (script.empty() ? std::string() : "script-src " + detail::csp_hash(script) + "; ") << "style-src "
      << p.style_hash << "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"generator\" content=\"policy-scorecard " << html_escape(version()) << "\">\n"
      << "<meta name=\"description\" content=\"" << html_escape(description) << "\">\n"
      << "<meta property=\"og:type\" content=\"website\">\n"
      << "<meta property=\"og:title\" content=\"" << html_escape(title) << "\">\n"
      << "<meta property=\"og:description\" content=\"" << html_escape(description) << "\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>" << p.style << "</style>\n</head>\n<body>\n";
}

// The banners every page of a run carries: rated as of a day, answers only, what-ifs.
void render_banners(const Page& p, std::ostream& out) {
  const ExportInfo& info = p.info;
  if (!p.translation_note.empty()) out << "<p class=\"what-if\" role=\"note\">" << html_escape(p.translation_note) << "</p>\n";
  if (!info.as_of.empty()) {
    out << "<p class=\"what-if\" role=\"note\"><strong>" << html_escape(p.w.as_of(info.as_of)) << "</strong></p>\n";
  }
  if (info.answers_only) {
    out << "<p class=\"what-if\" role=\"note\"><strong>" << html_escape(p.w.answers_only) << "</strong></p>\n";
  }
  if (!info.what_if.empty()) {
    out << "<p class=\"what-if\" role=\"note\"><strong>" << html_escape(p.w.what_if(info.what_if))
        << "</strong></p>\n";
  }
}

// "Data reviewed 2019-12 to 2026-12.", from the files' reviewed dates; empty without any.
std::string reviewed_line(const PageWords& w, const std::vector<JurisdictionScore>& scores) {
  std::string first;
  std::string last;
  for (const auto& s : scores) {
    const std::string& r = s.jurisdiction.reviewed;
    if (r.empty()) continue;
    if (first.empty() || r < first) first = r;
    if (last.empty() || r > last) last = r;
  }
  if (first.empty()) return {};
  return detail::fill_words(w.data_reviewed, {{"range", first == last ? first : detail::fill_words(w.range_to, {{"from", first}, {"to", last}})}});
}

std::string summary_text(const Rubric& rubric, const PageWords& w, const Summary& summary) {
  std::vector<std::string> lines;
  for (const auto& t : summary.tiers) lines.push_back(capitalized(w.summary(rubric, summary, t)) + ".");
  if (const std::string line = w.not_rated_summary(summary); !line.empty()) lines.push_back(capitalized(line) + ".");
  return join(lines, " ");
}

void render_header(const Page& p, const std::string& title, const std::vector<JurisdictionScore>& scores,
                   const Summary& summary, std::ostream& out) {
  out << "<header>\n<h1>" << html_escape(title) << "</h1>\n";
  if (!p.options.intro.empty()) out << "<p class=\"intro\">" << detail::html_linked(p.options.intro) << "</p>\n";
  render_banners(p, out);
  if (const std::string line = reviewed_line(p.w, scores); !line.empty()) out << "<p class=\"reviewed\">" << line << "</p>\n";
  // After the banners, since the summary counts the hypothetical tiers too.
  out << "<ul class=\"summary\">\n";
  for (const auto& t : summary.tiers) out << "<li>" << html_escape(capitalized(p.w.summary(p.rubric, summary, t))) << ".</li>\n";
  if (const std::string line = p.w.not_rated_summary(summary); !line.empty()) {
    out << "<li>" << html_escape(capitalized(line)) << ".</li>\n";
  }
  out << "</ul>\n</header>\n";
}

void render_controls(const Page& p, std::ostream& out) {
  const PageWords& w = p.w;
  out << "<div class=\"controls\" id=\"sc_controls\" hidden>\n"
      << "<label for=\"sc_search\">" << w.search_label << "<input type=\"search\" id=\"sc_search\" placeholder=\""
      << w.search_placeholder << "\" autocomplete=\"off\"></label>\n"
      << "<label for=\"sc_tier\">" << w.filter_label << "<select id=\"sc_tier\"><option value=\"\">" << w.filter_all << "</option>";
  for (const auto& t : p.rubric.tiers) {
    out << "<option value=\"" << t.number << "\">" << t.number << " " << html_escape(t.label) << "</option>";
  }
  out << "<option value=\"none\">" << w.not_rated_option << "</option></select></label>\n"
      << "<label for=\"sc_sort\">" << w.sort_label << "<select id=\"sc_sort\"><option value=\"\">" << w.sort_page_order
      << "</option>";
  // The table's columns, by index (the script sorts the table and the cards by them).
  std::vector<std::string> columns = {std::string(w.col_jurisdiction), std::string(w.col_state), std::string(w.col_population)};
  for (const auto& c : p.rubric.criteria) columns.push_back(c.title);
  columns.insert(columns.end(), {std::string(w.col_rated), std::string(w.col_overall), std::string(w.col_score)});
  for (std::size_t k = 0; k < columns.size(); ++k) out << "<option value=\"" << k << "\">" << html_escape(columns[k]) << "</option>";
  out << "</select></label>\n<p id=\"sc_status\" role=\"status\" aria-live=\"polite\" data-text=\"" << w.status_template
      << "\" data-one=\"" << w.status_one << "\"></p>\n</div>\n";
}

// What the search box matches: the name and state (the script folds case and accents).
std::string search_text(const Jurisdiction& j) { return html_escape(j.name + " " + j.state); }

// The attributes the script filters and sorts by, on a row and on its card.
std::string place_attributes(const JurisdictionScore& s, std::size_t order) {
  return fmt::format(" data-id=\"{}\" data-order=\"{}\" data-tier=\"{}\" data-search=\"{}\"", html_escape(s.jurisdiction.id),
                     order, s.overall.tier ? std::to_string(*s.overall.tier) : "none", search_text(s.jurisdiction));
}

void render_table(const Page& p, const std::vector<JurisdictionScore>& scores, std::ostream& out) {
  const PageWords& w = p.w;
  const Rubric& rubric = p.rubric;
  out << "<section class=\"overview\" aria-label=\"" << w.overview_label << "\">\n<div class=\"table-wrap\">\n<table id=\"sc_table\">\n<caption>"
      << scores.size() << " " << (scores.size() == 1 ? w.jurisdiction_one : w.jurisdiction_other) << ". " << w.caption
      << "</caption>\n<thead><tr>\n"
      << "<th scope=\"col\" data-type=\"text\">" << w.col_jurisdiction << "</th>\n"
      << "<th scope=\"col\" data-type=\"text\">" << w.col_state << "</th>\n"
      << "<th scope=\"col\" data-type=\"number\" data-first=\"descending\" class=\"num\">" << w.col_population << "</th>\n";
  for (const auto& c : rubric.criteria) {
    out << "<th scope=\"col\" data-type=\"number\" class=\"c\">" << html_escape(c.title) << "</th>\n";
  }
  out << "<th scope=\"col\" data-type=\"number\" data-first=\"descending\" class=\"num\" title=\"" << w.col_rated_title << "\">"
      << w.col_rated << "</th>\n<th scope=\"col\" data-type=\"number\">" << w.col_overall << "</th>\n"
      << "<th scope=\"col\" data-type=\"number\" class=\"num\">" << w.col_score << "</th>\n</tr></thead>\n<tbody>\n";
  for (std::size_t n = 0; n < scores.size(); ++n) {
    const auto& s = scores[n];
    const auto& j = s.jurisdiction;
    out << "<tr" << place_attributes(s, n) << ">\n<th scope=\"row\" data-sort=\"" << html_escape(j.name) << "\"><a href=\""
        << p.link_to(j) << "\">" << html_escape(j.name) << "</a></th>\n<td data-sort=\"" << html_escape(j.state) << "\">"
        << html_escape(j.state) << "</td>\n<td class=\"num\" data-sort=\"" << (j.population ? std::to_string(*j.population) : "")
        << "\">" << (j.population ? w.population_figure(*j.population, j.population_rounded_to) : "—") << "</td>\n";
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
      const auto& tier = s.criteria[i].tier;
      const bool what_if = s.criteria[i].origin == Origin::what_if;
      out << "<td class=\"tier tier-" << tier.value_or(0) << "\" data-sort=\"" << (tier ? std::to_string(*tier) : "") << "\">"
          << tier_mark(tier) << detail::what_if_mark(what_if) << "<span class=\"sr\"> "
          << html_escape(tier_label(rubric, w, tier, true)) << (what_if ? " " + std::string(w.hypothetical) : "") << "</span></td>\n";
    }
    out << "<td class=\"num\" data-sort=\"" << s.overall.coverage.rated << "\">" << detail::coverage_cell(s.overall.coverage)
        << "</td>\n<td class=\"tier overall tier-" << s.overall.tier.value_or(0) << "\" data-sort=\""
        << (s.overall.tier ? fmt::format("{:.4f}", *s.overall.tier * 10 + s.overall.mean) : "") << "\">"
        << (s.overall.tier ? std::to_string(*s.overall.tier) + " " : "") << html_escape(tier_label(rubric, w, s.overall.tier, true))
        << (s.hypothetical() ? std::string(detail::k_what_if_mark) + "<span class=\"sr\"> " + std::string(w.hypothetical) + "</span>" : "")
        << "</td>\n<td class=\"num\" data-sort=\"" << (s.overall.tier ? format_mean(s.overall.mean) : "") << "\">"
        << (s.overall.tier ? format_mean(s.overall.mean) : "—") << "</td>\n</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n<p class=\"notes\">" << html_escape(w.score_note) << " " << html_escape(w.rated_note)
      << " " << html_escape(w.coverage_rule(rubric)) << ".</p>\n</section>\n";
}

// The first line of a card, open or closed: the name, where and what it is, the overall tier.
// On a jurisdiction's own page (with_name false) the heading names it and the card says its kind.
void render_summary_line(const Page& p, const JurisdictionScore& s, std::ostream& out, bool with_name = true) {
  const auto& j = s.jurisdiction;
  std::vector<std::string> where;
  if (!j.state.empty()) where.push_back(html_escape(j.state));
  if (!j.kind.empty() && with_name) where.push_back(html_escape(p.w.kind(j.kind)));
  if (with_name) out << "<span class=\"name\">" << html_escape(j.name) << "</span> ";
  if (!where.empty()) out << "<span class=\"where\">" << join(where, " · ") << "</span> ";
  out << "<span class=\"rating\">" << badge(p, s.overall.tier)
      << (s.hypothetical() ? std::string(detail::k_what_if_mark) + "<span class=\"sr\"> " + std::string(p.w.hypothetical) + "</span>" : "")
      << "</span>";
}

void render_places(const Page& p, const std::vector<JurisdictionScore>& scores, std::ostream& out) {
  out << "<section class=\"places\" aria-labelledby=\"sc_places\">\n<h2 id=\"sc_places\">" << p.w.places_heading
      << "</h2>\n<p class=\"hint\">" << p.w.places_intro << "</p>\n<div id=\"sc_list\">\n";
  for (std::size_t n = 0; n < scores.size(); ++n) {
    const auto& s = scores[n];
    if (p.site) {
      out << "<p class=\"place\"" << place_attributes(s, n) << "><a href=\"" << p.link_to(s.jurisdiction) << "\">";
      render_summary_line(p, s, out);
      out << "</a></p>\n";
      continue;
    }
    out << "<details class=\"place\"" << place_attributes(s, n) << "><summary>";
    render_summary_line(p, s, out);
    out << "</summary>\n";
    render_card(p, s, 3, out);
    out << "</details>\n";
  }
  out << "</div>\n</section>\n";
}

// up: the way from the page to the site's top ("" or "../").
void render_footer(const Page& p, std::string_view up, std::ostream& out) {
  out << "<footer><p>" << html_escape(detail::fill_words(p.w.made_with, {{"version", std::string(version())}})) << " " << p.w.no_requests;
  if (p.site) {
    out << " " << p.w.files_beside << fmt::format(" <a href=\"{0}scorecard.json\">scorecard.json</a>, <a href=\"{0}scorecard.csv\">scorecard.csv</a>.", up);
  }
  out << "</p></footer>\n";
}

// A page of one jurisdiction in a site: its card (with history and sources) and the
// methodology, linking back to the index; no script, so its CSP allows none.
void render_place_page(const Page& p, const JurisdictionScore& s, const std::string& site_title, std::ostream& out) {
  const Jurisdiction& j = s.jurisdiction;
  const std::string title = j.name + " — " + site_title;
  std::string description = j.name;
  if (!j.state.empty()) description += " (" + j.state + ")";
  description += ": " + std::string(p.w.overall) + " " + p.w.tier_words(p.rubric, s.overall.tier) + ". " + site_title + ".";
  render_head(p, title, description, {}, out);
  out << "<header>\n<nav class=\"back\"><a href=\"../index.html\">" << p.w.back_to_index << "</a></nav>\n<h1>"
      << html_escape(j.name) << "</h1>\n<p class=\"place-line\">";
  render_summary_line(p, s, out, false);
  out << "</p>\n";
  render_banners(p, out);
  out << "</header>\n<main>\n";
  render_card(p, s, 2, out);
  render_methodology(p, 2, out);
  out << "</main>\n";
  render_footer(p, "../", out);
  out << "</body>\n</html>\n";
}

// The page of every jurisdiction: the single page, or a site's index (names linking to
// the jurisdictions' pages). Nothing to show (a filter that matched none) says so instead.
void render_index(const Page& p, const std::vector<JurisdictionScore>& scores, std::ostream& out) {
  const std::string title = p.options.title.empty() ? p.rubric.title : p.options.title;
  const std::string_view script = detail::page_js_text();
  const Summary summary = summarize(p.rubric, scores);
  render_head(p, title, p.options.intro.empty() ? summary_text(p.rubric, p.w, summary) : p.options.intro,
              scores.empty() ? std::string_view() : script, out);
  if (scores.empty()) {
    out << "<header>\n<h1>" << html_escape(title) << "</h1>\n";
    if (!p.options.intro.empty()) out << "<p class=\"intro\">" << detail::html_linked(p.options.intro) << "</p>\n";
    render_banners(p, out);
    out << "</header>\n<main>\n<p class=\"what-if\" role=\"note\">" << p.w.nothing_to_show << "</p>\n";
    render_methodology(p, 2, out);
    out << "</main>\n";
    render_footer(p, "", out);
    out << "</body>\n</html>\n";
    return;
  }
  render_header(p, title, scores, summary, out);
  out << "<main>\n";
  render_controls(p, out);
  render_table(p, scores, out);
  render_places(p, scores, out);
  if (p.info.history) detail::html_tier_chart(p.rubric, p.w, *p.info.history, scores, p.end_day, out);
  render_methodology(p, 2, out);
  out << "</main>\n";
  render_footer(p, "", out);
  out << "<script>" << script << "</script>\n</body>\n</html>\n";
}

const PageWords& words_for(const HtmlOptions& options) {
  const PageWords* words = detail::page_words(options.lang);
  if (!words) throw std::runtime_error("the page is not offered in '" + options.lang + "' (offered: " + detail::page_languages() + ")");
  return *words;
}

}  // namespace

void render_html(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const HtmlOptions& options,
                 const ExportInfo& info, std::ostream& out) {
  const Page p(rubric, words_for(options), options, info, scores);
  render_index(p, scores, out);
}

void render_site(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const HtmlOptions& options,
                 const ExportInfo& info, const SiteWriter& write) {
  Page p(rubric, words_for(options), options, info, scores);
  p.site = true;
  const std::string title = options.title.empty() ? p.rubric.title : options.title;
  // The pages and the data first, the index last: a run that fails midway leaves no index
  // linking to pages it did not write.
  for (const auto& s : scores) {
    write(std::string(k_site_places) + "/" + s.jurisdiction.id + ".html",
          [&](std::ostream& out) { render_place_page(p, s, title, out); });
  }
  write("scorecard.json", [&](std::ostream& out) { render_json(rubric, scores, info, out); });
  write("scorecard.csv", [&](std::ostream& out) { render_csv(rubric, scores, out, info.as_of); });
  write("index.html", [&](std::ostream& out) { render_index(p, scores, out); });
}

}  // namespace scorecard
