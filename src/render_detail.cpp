// Text helpers every text renderer shares: colour, tier cells, padding, prose width.

#include <algorithm>

#include <fmt/color.h>
#include <fmt/format.h>

#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace detail {

std::string as_of_banner(std::string_view as_of) {
  return fmt::format("As of {}: each jurisdiction is rated by the policies in force that day.", as_of);
}

std::string paint(const Rubric& rubric, int tier, std::string_view text, const RenderOptions& options) {
  const Tier* t = rubric.find_tier(tier);
  if (!options.color || !t || t->terminal_color.empty()) return std::string(text);
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

}  // namespace detail

}  // namespace scorecard
