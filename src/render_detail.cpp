// Text helpers every text renderer shares: colour, tier cells, padding, prose width.

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include <fmt/color.h>
#include <fmt/format.h>

#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard::detail {

std::string as_of_banner(std::string_view as_of) {
  return fmt::format("As of {}: each jurisdiction is rated by the policies in force that day.", as_of);
}

namespace {

// The index of the colour of xterm's 256 nearest to rgb: of its 6x6x6 cube or its 24 greys.
int xterm256(int r, int g, int b) {
  static constexpr int k_levels[] = {0, 95, 135, 175, 215, 255};
  auto level = [](int v) {
    int best = 0;
    for (int i = 1; i < 6; ++i) {
      if (std::abs(k_levels[i] - v) < std::abs(k_levels[best] - v)) best = i;
    }
    return best;
  };
  auto distance = [&](int r2, int g2, int b2) {
    return (r - r2) * (r - r2) + (g - g2) * (g - g2) + (b - b2) * (b - b2);
  };
  const int ri = level(r), gi = level(g), bi = level(b);
  const int cube = 16 + 36 * ri + 6 * gi + bi;
  const int cube_distance = distance(k_levels[ri], k_levels[gi], k_levels[bi]);
  const int grey_index = std::clamp(((r + g + b) / 3 - 8 + 5) / 10, 0, 23);
  const int grey = 8 + 10 * grey_index;
  return distance(grey, grey, grey) < cube_distance ? 232 + grey_index : cube;
}

}  // namespace

std::string paint(const Rubric& rubric, int tier, std::string_view text, const RenderOptions& options) {
  const Tier* t = rubric.find_tier(tier);
  if (!options.color || !t) return std::string(text);
  // The rubric's palette ("#RRGGBB", checked by the loader) where the terminal shows it.
  char* end = nullptr;
  const unsigned long rgb = t->color.size() == 7 && t->color[0] == '#' ? std::strtoul(t->color.c_str() + 1, &end, 16) : 0;
  if (options.depth != ColorDepth::basic && end == t->color.c_str() + 7) {
    if (options.depth == ColorDepth::truecolor) {
      return fmt::format(fmt::fg(fmt::rgb(static_cast<std::uint32_t>(rgb))) | fmt::emphasis::bold, "{}", text);
    }
    const int index = xterm256(static_cast<int>(rgb >> 16 & 0xff), static_cast<int>(rgb >> 8 & 0xff),
                               static_cast<int>(rgb & 0xff));
    return fmt::format("\x1b[1;38;5;{}m{}\x1b[0m", index, text);
  }
  if (t->terminal_color.empty()) return std::string(text);
  static const std::pair<std::string_view, fmt::terminal_color> k_colors[] = {
      {"black", fmt::terminal_color::black},   {"red", fmt::terminal_color::red},
      {"green", fmt::terminal_color::green},   {"yellow", fmt::terminal_color::yellow},
      {"blue", fmt::terminal_color::blue},     {"magenta", fmt::terminal_color::magenta},
      {"cyan", fmt::terminal_color::cyan},     {"white", fmt::terminal_color::white}};
  for (const auto& [name, color] : k_colors) {
    if (name == t->terminal_color) return fmt::format(fmt::fg(color) | fmt::emphasis::bold, "{}", text);
  }
  return std::string(text);
}

std::string tier_cell(const Rubric& rubric, const std::optional<int>& tier, bool short_label) {
  if (!tier) return std::string(k_not_rated);
  const Tier* t = rubric.find_tier(*tier);
  if (!t) return std::to_string(*tier);
  return fmt::format("{} {}", *tier, short_label ? t->short_label : t->label);
}

std::string pad(std::string_view text, std::size_t width, bool right_align) {
  const std::size_t w = display_width(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right_align ? fill + std::string(text) : std::string(text) + fill;
}

std::size_t prose_width(const RenderOptions& options) {
  if (options.width == 0) return 100;
  return std::clamp<std::size_t>(options.width, 40, 100);
}

}  // namespace scorecard::detail
