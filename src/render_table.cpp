// compare: the comparison table, with a legend. It fits the width it is given by taking
// narrower shapes in turn (docs/cli.md "compare"): short headings and populations, numbered
// criteria, the criteria packed into one column, then fewer columns.

#include <algorithm>
#include <functional>
#include <optional>

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace {

// One shape of the table; each in k_shapes is narrower than the one before.
struct Shape {
  bool short_headings = false;  // "St", "Pop." and populations as "2.7m"
  bool numbered = false;        // criteria headed 1, 2, 3 … (named in the legend)
  bool packed = false;          // the criteria's tiers side by side in one column
  bool population = true;
  bool overall_label = true;  // "1 On Track", or the number only
  bool score = true;
};

constexpr Shape k_shapes[] = {
    {},
    {true, false, false, true, true, true},
    {true, true, false, true, true, true},
    {true, true, true, true, true, true},
    {true, true, true, false, true, true},
    {true, true, true, false, false, true},
    {true, true, true, false, false, false},
};

// The name column gives way to a narrower shape only below this many columns, and never
// goes below the last.
constexpr std::size_t k_name_comfort = 18;
constexpr std::size_t k_name_floor = 12;

// A cell: pieces of text, each painted with its tier's colour when it has one.
struct Piece {
  std::string text;
  std::optional<int> tier;
};
struct Cell {
  std::vector<Piece> pieces;
  std::size_t width() const {
    std::size_t w = 0;
    for (const auto& p : pieces) w += display_width(p.text);
    return w;
  }
};
Cell plain(std::string text) { return {{{std::move(text), std::nullopt}}}; }

struct Column {
  Cell header;
  bool right_align = false;
  std::vector<Cell> cells;  // one per row
  std::size_t width = 0;
};

struct Table {
  std::vector<Column> columns;
  std::size_t total() const {
    std::size_t sum = columns.empty() ? 0 : columns.size() - 1;
    for (const auto& c : columns) sum += c.width;
    return sum;
  }
};

std::string criterion_cell(const CriterionResult& c) {
  return (c.tier ? std::to_string(*c.tier) : std::string(detail::k_not_rated_mark)) +
         detail::what_if_mark(c.origin == Origin::what_if);
}

Table build(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, const Shape& shape) {
  Table table;
  table.columns.reserve(rubric.criteria.size() + 6);  // add() hands out references that must stay valid
  auto add = [&](std::string header, bool right_align) -> Column& {
    table.columns.push_back({plain(std::move(header)), right_align, {}, 0});
    return table.columns.back();
  };
  Column& name = add("Jurisdiction", false);
  Column& state = add(shape.short_headings ? "St" : "State", false);
  for (const auto& s : scores) {
    name.cells.push_back(plain(s.jurisdiction.name));
    state.cells.push_back(plain(s.jurisdiction.state.empty() ? "—" : s.jurisdiction.state));
  }
  if (shape.population) {
    Column& population = add(shape.short_headings ? "Pop." : "Population", true);
    for (const auto& s : scores) {
      const auto& p = s.jurisdiction.population;
      population.cells.push_back(plain(!p                     ? "—"
                                       : shape.short_headings ? short_population(*p)
                                                              : population_text(*p, s.jurisdiction.population_rounded_to)));
    }
  }
  const std::size_t n = rubric.criteria.size();
  if (shape.packed) {
    // Each criterion keeps its own width inside the column, so the tiers line up under a
    // heading of their numbers' last digits; a space between them when a tier has two digits.
    std::vector<std::size_t> widths(n, 1);
    bool wide_tier = false;
    for (const auto& s : scores) {
      for (std::size_t i = 0; i < n && i < s.criteria.size(); ++i) {
        const std::string text = criterion_cell(s.criteria[i]);
        widths[i] = std::max(widths[i], display_width(text));
        wide_tier = wide_tier || (s.criteria[i].tier && *s.criteria[i].tier >= 10);
      }
    }
    const std::string gap = wide_tier ? " " : "";
    auto packed = [&](auto&& piece_of) {
      Cell cell;
      for (std::size_t i = 0; i < n; ++i) {
        Piece piece = piece_of(i);
        piece.text = detail::pad(piece.text, widths[i]) + (i + 1 < n ? gap : "");
        cell.pieces.push_back(std::move(piece));
      }
      return cell;
    };
    Column& criteria = add("", false);
    criteria.header = packed([](std::size_t i) { return Piece{std::to_string((i + 1) % 10), std::nullopt}; });
    for (const auto& s : scores) {
      criteria.cells.push_back(packed([&](std::size_t i) {
        return i < s.criteria.size() ? Piece{criterion_cell(s.criteria[i]), s.criteria[i].tier} : Piece{"", {}};
      }));
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      Column& column = add(shape.numbered ? std::to_string(i + 1) : rubric.criteria[i].abbrev, true);
      for (const auto& s : scores) {
        const auto& c = s.criteria[i];
        column.cells.push_back({{{criterion_cell(c), c.tier}}});
      }
    }
  }
  Column& rated = add("Rated", true);
  Column& overall = add("Overall", false);
  for (const auto& s : scores) {
    rated.cells.push_back(plain(detail::coverage_cell(s.overall.coverage)));
    std::string text = shape.overall_label ? detail::tier_cell(rubric, s.overall.tier, true)
                       : s.overall.tier ? std::to_string(*s.overall.tier)
                                        : std::string(detail::k_not_rated_mark);
    overall.cells.push_back({{{text + detail::what_if_mark(s.hypothetical()), s.overall.tier}}});
  }
  if (shape.score) {
    Column& score = add("Score", true);
    for (const auto& s : scores) score.cells.push_back(plain(s.overall.tier ? format_mean(s.overall.mean) : "—"));
  }
  for (auto& column : table.columns) {
    column.width = column.header.width();
    for (const auto& cell : column.cells) column.width = std::max(column.width, cell.width());
  }
  return table;
}

// Lines of "Tiers: a · b · c" (items joined by sep), each item kept whole on a line where
// it fits, else broken at its spaces; the lines after the first are indented under the
// first item. paint(i, text) colours text of item i.
std::vector<std::string> wrap_items(std::string_view prefix, const std::vector<std::string>& items,
                                    const std::function<std::string(std::size_t, std::string_view)>& paint,
                                    std::string_view sep, std::size_t width) {
  std::string_view sep_at_break = sep;
  while (!sep_at_break.empty() && sep_at_break.back() == ' ') sep_at_break.remove_suffix(1);
  const std::size_t indent = display_width(prefix);
  std::vector<std::string> lines;
  std::string line(prefix);
  std::size_t used = indent;
  auto new_line = [&](std::string_view ending) {
    lines.push_back(line + std::string(ending));
    line = std::string(indent, ' ');
    used = indent;
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t w = display_width(items[i]);
    // An item that is not the last keeps room for the separator a break would leave after it.
    const std::size_t after = i + 1 < items.size() ? display_width(sep_at_break) : 0;
    if (i > 0) {
      if (used + display_width(sep) + w + after > width) {
        new_line(sep_at_break);
      } else {
        line += sep;
        used += display_width(sep);
      }
    }
    if (used + w + after <= width) {
      line += paint(i, items[i]);
      used += w;
      continue;
    }
    // Too long for a line of its own: word by word.
    bool first_word = true;
    for (const auto& word : wrap(items[i], 1)) {
      const std::size_t ww = display_width(word);
      if (!first_word && used + 1 + ww > width) new_line("");
      if (!first_word && used > indent) {
        line += ' ';
        ++used;
      }
      line += paint(i, word);
      used += ww;
      first_word = false;
    }
  }
  lines.push_back(line);
  return lines;
}

}  // namespace

void render_compare_table(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                          const RenderOptions& options, std::ostream& out) {
  // The first shape that fits with the name at a comfortable width (or whole, when shorter);
  // else the narrowest, whose name column gives way down to its floor.
  std::size_t chosen = 0;
  Table table = build(rubric, scores, k_shapes[0]);
  if (options.width > 0) {
    for (std::size_t i = 0;; ++i) {
      if (i > 0) table = build(rubric, scores, k_shapes[i]);
      const std::size_t name = table.columns[0].width;
      const std::size_t comfortable = table.total() - name + std::min(name, k_name_comfort);
      chosen = i;
      if (comfortable <= options.width || i + 1 == std::size(k_shapes)) break;
    }
    if (table.total() > options.width) {
      const std::size_t excess = table.total() - options.width;
      auto& name = table.columns[0].width;
      name = std::max(k_name_floor, name > excess ? name - excess : 0);
    }
  }
  const Shape& shape = k_shapes[chosen];

  auto emit_row = [&](auto&& cell_of, bool painted) {
    std::string line;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const Column& column = table.columns[i];
      if (i > 0) line += ' ';
      const Cell& cell = cell_of(column);
      std::string text;
      std::size_t width = 0;
      if (i == 0) {
        text = truncate_display(cell.pieces.front().text, column.width);
        width = display_width(text);
      } else {
        for (const auto& p : cell.pieces) {
          text += painted && p.tier ? detail::paint(rubric, *p.tier, p.text, options) : p.text;
        }
        width = cell.width();
      }
      const std::string fill(width < column.width ? column.width - width : 0, ' ');
      line += column.right_align ? fill + text : text + fill;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  emit_row([](const Column& c) -> const Cell& { return c.header; }, false);
  for (std::size_t r = 0; r < scores.size(); ++r) {
    emit_row([r](const Column& c) -> const Cell& { return c.cells[r]; }, true);
  }

  // Legend.
  const std::size_t width = detail::prose_width(options);
  out << '\n';
  std::vector<std::string> tiers;
  for (const auto& t : rubric.tiers) tiers.push_back(fmt::format("{} {}", t.number, t.label));
  auto paint_tier = [&](std::size_t i, std::string_view text) {
    return detail::paint(rubric, rubric.tiers[i].number, text, options);
  };
  for (const auto& line : wrap_items("Tiers: ", tiers, paint_tier, " · ", width)) out << line << '\n';
  std::vector<std::string> columns;
  if (shape.short_headings) {
    columns.emplace_back("St = State");
    if (shape.population) columns.emplace_back("Pop. = Population");
  }
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    const auto& c = rubric.criteria[i];
    if (shape.numbered) {
      columns.push_back(fmt::format("{} = {}", i + 1, c.title));
    } else if (c.abbrev != c.title) {
      columns.push_back(fmt::format("{} = {}", c.abbrev, c.title));
    }
  }
  if (!columns.empty()) {
    columns.back() += '.';
    auto unpainted = [](std::size_t, std::string_view text) { return std::string(text); };
    for (const auto& line : wrap_items("Columns: ", columns, unpainted, ", ", width)) out << line << '\n';
  }
  std::string rated = fmt::format("Rated: criteria with a tier, of all; {}.", detail::coverage_rule_text(rubric));
  const bool any_not_rated = std::any_of(scores.begin(), scores.end(), [](const JurisdictionScore& s) {
    return std::any_of(s.criteria.begin(), s.criteria.end(), [](const CriterionResult& c) { return !c.rated(); });
  });
  if (any_not_rated) {
    rated += fmt::format(" {} = not rated: the file's evidence decides no tier ('scorecard explain' says why).",
                         detail::k_not_rated_mark);
  }
  for (const auto& line : wrap(rated, width)) out << line << '\n';
  const std::string score = shape.score ? "Score: the weighted mean of the criterion tiers (lower is better)"
                                        : "The weighted mean of the criterion tiers (the score) is left out to fit";
  for (const auto& line : wrap(fmt::format("{}. {} jurisdiction{}; 'scorecard rubric show' explains the method.",
                                           score, scores.size(), scores.size() == 1 ? "" : "s"),
                               width)) {
    out << line << '\n';
  }
}

}  // namespace scorecard
