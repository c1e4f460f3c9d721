// The page's pictures of time: each jurisdiction's timeline and the tiers year by year.
// Inline SVG drawn here, its colours by class from the page's one stylesheet (the CSP allows
// no inline style), a <title> for each picture and each bar of the chart, and the same facts
// in text beside it.

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include <scorecard/summary.hpp>
#include <scorecard/text_util.hpp>
#include <scorecard/timeline.hpp>

#include "page_words.hpp"
#include "render_detail.hpp"

namespace scorecard::detail {
namespace {

constexpr int k_label_width = 150;
constexpr int k_bar_width = 480;
constexpr int k_row = 16;

// The top of a chart's scale: "36", "18m", "420k".
std::string scale_text(double top) {
  const auto value = static_cast<long long>(top);
  if (value >= 999'500'000) return fmt::format("{:.3g}bn", top / 1e9);
  if (value >= 1'000'000) return fmt::format("{:.3g}m", top / 1e6);
  if (value >= 10'000) return fmt::format("{}k", value / 1000);
  return std::to_string(value);
}

std::string year_of(int day) { return format_day(day).substr(0, 4); }

// A coordinate to a tenth, without a trailing ".0".
std::string coordinate(double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}


}  // namespace

void html_history(const Rubric& rubric, const PageWords& w, const Jurisdiction& j, const JurisdictionHistory& h,
                  int end_day, int heading, std::ostream& out) {
  // The changes up to the last day shown (today, or the day rated as of). A history is shown
  // once the file dates a state (its own or one it inherits): undated states only say
  // what the review found.
  std::vector<const HistoryEvent*> events;
  bool dated = false;
  for (const auto& e : h.events) {
    if (*parse_day(e.date) > end_day) continue;
    events.push_back(&e);
    for (const auto& c : e.changes) {
      for (const auto& cause : c.causes) dated = dated || !cause.undated;
    }
  }
  if (!dated) return;
  out << fmt::format("<h{0}>{1}</h{0}>\n", heading, w.history_heading);
  const int start = *first_day(events.front()->date.substr(0, 4));
  const int end = std::max(end_day, start + 1);
  auto x = [&](int day) {
    return k_label_width + static_cast<double>(day - start) * k_bar_width / static_cast<double>(end - start);
  };
  const std::size_t n = rubric.criteria.size();
  const int height = static_cast<int>(n + 1) * k_row + 22;
  const std::string label_id = html_escape(h.id) + "_timeline";
  // Focusable, since on a phone it scrolls in its box (the script leaves that to the boxes
  // that do).
  out << "<figure class=\"timeline scroll\" tabindex=\"0\"><svg role=\"img\" aria-labelledby=\"" << label_id << "\" viewBox=\"0 0 "
      << k_label_width + k_bar_width + 10 << ' ' << height << "\" width=\"" << k_label_width + k_bar_width + 10
      << "\" height=\"" << height << "\">\n<title id=\"" << label_id << "\">"
      << html_escape(fill_words(w.timeline_title, {{"name", h.name}, {"from", year_of(start)}, {"to", format_day(end_day)}}))
      << "</title>\n";
  // The segments of each row between the days its tier changed, in one pass over the events.
  std::vector<std::vector<std::pair<int, std::optional<int>>>> segments(n + 1);
  std::unordered_map<std::string_view, std::size_t> row_of;
  for (std::size_t row = 0; row <= n; ++row) {
    segments[row].emplace_back(start, h.tier_on(rubric, row, format_day(start)));
    row_of.emplace(row < n ? std::string_view(rubric.criteria[row].id) : std::string_view(), row);
  }
  for (const HistoryEvent* e : events) {
    const int day = *parse_day(e->date);
    for (const auto& c : e->changes) {
      const auto it = row_of.find(c.subject.criterion);
      if (it == row_of.end() || segments[it->second].back().second == c.to) continue;
      if (segments[it->second].back().first == day) {
        segments[it->second].back().second = c.to;
      } else {
        segments[it->second].emplace_back(day, c.to);
      }
    }
  }
  for (std::size_t row = 0; row <= n; ++row) {
    const Subject subject = row < n ? Subject::of(rubric.criteria[row].id) : Subject::overall();
    const int y = static_cast<int>(row) * k_row;
    std::string name = w.subject_heading(rubric, subject);
    if (display_width(name) > 24) name = truncate_display(name, 24);
    out << "<text x=\"0\" y=\"" << y + 11 << "\"" << (row == n ? " class=\"b\"" : "") << ">" << html_escape(name) << "</text>\n";
    const auto& changes = segments[row];
    for (std::size_t k = 0; k < changes.size(); ++k) {
      const int from = changes[k].first;
      const int to = k + 1 < changes.size() ? changes[k + 1].first : end_day;
      if (to <= from) continue;
      // No tooltip: the list below says each change, and the picture's title says so.
      out << "<rect x=\"" << coordinate(x(from)) << "\" y=\"" << y + 2 << "\" width=\""
          << coordinate(std::max(x(to) - x(from), 0.5)) << "\" height=\"" << k_row - 4 << "\" class=\"f"
          << changes[k].second.value_or(0) << "\"/>\n";
    }
  }
  // Years along the bottom: a tick each year, a label as often as fits.
  const int axis = static_cast<int>(n + 1) * k_row + 2;
  const int first_year = std::stoi(year_of(start));
  const int last_year = std::stoi(year_of(end));
  const int every = std::max(1, (last_year - first_year + 1) / 8 + ((last_year - first_year + 1) % 8 ? 1 : 0));
  std::string ticks;
  std::string labels;
  for (int year = first_year; year <= last_year; ++year) {
    const double at = x(*first_day(std::to_string(year)));
    ticks += fmt::format("M{} {}v5", coordinate(at), axis - 2);
    if ((year - first_year) % every == 0) {
      labels += fmt::format("<text x=\"{}\" y=\"{}\" class=\"a\">{}</text>\n", coordinate(at + 1), axis + 14, year);
    }
  }
  out << "<path d=\"" << ticks << "\"/>\n" << labels << "</svg></figure>\n<ol class=\"history\">\n";
  // A source of the card is cited by its number; another government's by its title.
  auto cite = [&](const HistoryCause& cause) -> std::string {
    if (cause.sources.empty()) return {};
    std::vector<std::size_t> numbers;
    if (cause.government == j.id) {
      for (const Source& src : cause.sources) {
        for (std::size_t k = 0; k < j.sources.size(); ++k) {
          if (j.sources[k].id == src.id) numbers.push_back(k + 1);
        }
      }
    }
    if (!numbers.empty()) return " (" + std::string(w.cited) + " " + source_links(j.id, std::move(numbers)) + ")";
    const Source& src = cause.sources.front();
    const std::string href = safe_href(src.url);
    std::string text = href.empty() ? html_escape(src.title) : "<a href=\"" + href + "\">" + html_escape(src.title) + "</a>";
    if (cause.sources.size() > 1) text += fmt::format(" +{}", cause.sources.size() - 1);
    return " (" + text + ")";
  };
  for (const HistoryEvent* event : events) {
    const HistoryEvent& e = *event;
    for (const auto& c : e.changes) {
      out << "<li><time datetime=\"" << e.date << "\">" << e.date << "</time> " << html_escape(w.subject_heading(rubric, c.subject))
          << ": " << html_escape(w.change(rubric, c, "→"));
      for (const auto& cause : c.causes) {
        std::string head = w.cause(rubric, cause, h.id);
        head[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(head[0])));
        out << ". " << html_escape(head);
        // The note of a state still in force is in the card above; an earlier one's first sentence here.
        const CriterionData* now = cause.government == j.id ? j.find_criterion(cause.criterion) : nullptr;
        if (const std::string s = first_sentence(cause.note); !s.empty() && !(now && now->note == cause.note)) {
          out << ": " << html_escape(s);
        }
        out << cite(cause);
      }
      out << ".</li>\n";
    }
  }
  out << "</ol>\n";
}

void html_tier_chart(const Rubric& rubric, const PageWords& w, const History& history,
                     const std::vector<JurisdictionScore>& scores, int end_day, std::ostream& out) {
  std::map<std::string_view, const JurisdictionHistory*> by_id;
  for (const auto& h : history.jurisdictions) by_id.emplace(h.id, &h);
  std::vector<std::pair<const JurisdictionScore*, const JurisdictionHistory*>> shown;
  std::optional<int> first;
  for (const auto& s : scores) {
    const auto it = by_id.find(s.jurisdiction.id);
    if (it == by_id.end()) continue;
    shown.emplace_back(&s, it->second);
    if (!it->second->events.empty()) {
      const int day = *parse_day(it->second->events.front().date);
      if (day <= end_day) first = first ? std::min(*first, day) : day;
    }
  }
  if (!first) return;  // nothing dated by the last day: no picture of time
  const std::unordered_set<std::string_view> held = held_governments(scores);
  const int first_year = std::stoi(year_of(*first));
  const int last_year = std::stoi(year_of(end_day));
  const std::size_t n = rubric.criteria.size();
  // Per year (as of 31 December, or the last day for the last year): jurisdictions and
  // residents per tier, index 0 for not rated.
  struct Year {
    int year;
    std::string day;
    std::vector<std::size_t> count;
    std::vector<long long> residents;
    bool approximate = false;
  };
  std::vector<Year> years;
  for (int year = first_year; year <= last_year; ++year) {
    Year y{year, year == last_year ? format_day(end_day) : std::to_string(year) + "-12-31",
           std::vector<std::size_t>(rubric.tiers.size() + 1), std::vector<long long>(rubric.tiers.size() + 1), false};
    for (const auto& [s, h] : shown) {
      const auto tier = h->tier_on(rubric, n, y.day);
      const std::size_t slot = tier ? static_cast<std::size_t>(*tier) : 0;
      if (slot >= y.count.size()) continue;
      ++y.count[slot];
      const Jurisdiction& j = s->jurisdiction;
      if (j.population && !held.count(j.id)) {
        y.residents[slot] += *j.population;
        y.approximate = y.approximate || j.population_rounded();
      }
    }
    years.push_back(std::move(y));
  }
  out << "<section class=\"chart\" aria-labelledby=\"sc_over_time\"><h2 id=\"sc_over_time\">" << w.chart_heading
      << "</h2>\n<p>" << html_escape(fill_words(w.chart_intro, {{"day", format_day(end_day)}})) << "</p>\n";
  const int bar = std::max(6, std::min(28, 600 / static_cast<int>(years.size())));
  const int gap = 2;
  const int plot = 160;
  const int width = 40 + static_cast<int>(years.size()) * (bar + gap);
  auto chart = [&](const std::string& id, const std::string& what, auto&& value, auto&& total_of, auto&& text_of) {
    double top = 1;
    for (const auto& y : years) top = std::max(top, static_cast<double>(total_of(y)));
    out << "<figure><svg role=\"img\" aria-labelledby=\"" << id << "\" viewBox=\"0 0 " << width << ' ' << plot + 24
        << "\" width=\"" << width << "\" height=\"" << plot + 24 << "\">\n<title id=\"" << id << "\">"
        << html_escape(fill_words(w.chart_title, {{"what", what}, {"from", std::to_string(first_year)},
                                                  {"to", std::to_string(last_year)}}))
        << "</title>\n";
    for (std::size_t k = 0; k < years.size(); ++k) {
      const Year& y = years[k];
      const int x0 = 40 + static_cast<int>(k) * (bar + gap);
      double base = plot;
      // Tier 1 at the bottom, then 2, 3..., not rated on top.
      std::vector<std::size_t> order;
      for (std::size_t t = 1; t < y.count.size(); ++t) order.push_back(t);
      order.push_back(0);
      for (const std::size_t t : order) {
        const auto v = static_cast<double>(value(y, t));
        if (v <= 0) continue;
        const double h = v * plot / top;
        const std::optional<int> tier = t == 0 ? std::nullopt : std::optional<int>(static_cast<int>(t));
        out << "<rect x=\"" << x0 << "\" y=\"" << coordinate(base - h) << "\" width=\"" << bar << "\" height=\""
            << coordinate(h) << "\" class=\"f" << t << "\"><title>"
            << html_escape(fmt::format("{}: {} {}", y.year, text_of(y, t), w.tier_words(rubric, tier))) << "</title></rect>\n";
        base -= h;
      }
      if (years.size() <= 12 || (y.year - first_year) % 5 == 0 || k + 1 == years.size()) {
        out << fmt::format("<text x=\"{}\" y=\"{}\" class=\"a\">{}</text>\n", x0, plot + 14, y.year);
      }
    }
    out << fmt::format("<path d=\"M38 {0}H{1}M38 0V{0}\"/>\n", plot, width)
        << "<text x=\"0\" y=\"9\" class=\"a\">" << html_escape(scale_text(top)) << "</text>\n"
        << "<text x=\"0\" y=\"" << plot << "\" class=\"a\">0</text>\n"
        << "</svg><figcaption>" << html_escape(fill_words(w.chart_per_tier, {{"what", what}})) << "</figcaption></figure>\n";
  };
  chart("sc_chart_j", std::string(w.chart_jurisdictions), [](const Year& y, std::size_t t) { return y.count[t]; },
        [](const Year& y) {
          std::size_t total = 0;
          for (const auto c : y.count) total += c;
          return total;
        },
        [](const Year& y, std::size_t t) { return t < y.count.size() ? std::to_string(y.count[t]) : std::string(); });
  chart("sc_chart_r", std::string(w.chart_residents), [](const Year& y, std::size_t t) { return y.residents[t]; },
        [](const Year& y) {
          long long total = 0;
          for (const auto r : y.residents) total += r;
          return total;
        },
        [&](const Year& y, std::size_t t) {
          return t < y.residents.size() ? (y.approximate ? std::string(w.about) + " " : std::string()) +
                                              group_thousands(y.residents[t]) + " " + std::string(w.residents)
                                        : std::string();
        });
  out << "<ul class=\"chart-legend\">";
  for (const auto& t : rubric.tiers) {
    out << "<li><span class=\"badge tier-" << t.number << "\">" << t.number << "</span>" << html_escape(t.label) << "</li>";
  }
  out << "<li><span class=\"badge unrated-fill\">?</span>" << w.not_rated_grey << "</li></ul>\n";
  // The numbers, readable without the pictures.
  out << "<details><summary>" << w.chart_numbers << "</summary>\n<div class=\"scroll\" tabindex=\"0\"><table class=\"numbers\"><caption>"
      << w.chart_numbers_caption << "</caption>\n<thead><tr><th scope=\"col\">" << w.chart_year << "</th>";
  for (const auto& t : rubric.tiers) out << "<th scope=\"col\">" << t.number << " " << html_escape(t.short_label) << "</th>";
  out << "<th scope=\"col\">" << w.not_rated_option << "</th></tr></thead>\n<tbody>\n";
  for (const auto& y : years) {
    out << "<tr><th scope=\"row\">" << y.year << "</th>";
    std::vector<std::size_t> order;
    for (std::size_t t = 1; t < y.count.size(); ++t) order.push_back(t);
    order.push_back(0);
    for (const std::size_t t : order) {
      out << "<td>" << y.count[t];
      if (y.residents[t] > 0) {
        out << " (" << (y.approximate ? std::string(w.about) + " " : std::string()) << group_thousands(y.residents[t]) << ")";
      }
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></div></details>\n</section>\n";
}

}  // namespace scorecard::detail
