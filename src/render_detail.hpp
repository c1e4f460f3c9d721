#pragma once
// Private helpers shared by the text renderers.

#include <string>
#include <string_view>

#include <scorecard/render.hpp>
#include <scorecard/rubric.hpp>

namespace scorecard::detail {

// text, coloured with the tier's terminal colour when options.color is set.
std::string paint(const Rubric& rubric, int tier, std::string_view text, const RenderOptions& options);

// "1 On Track" style cell text, or "—" when there is no tier.
std::string tier_cell(const Rubric& rubric, const std::optional<int>& tier, bool short_label);

// Pads text (measured in display columns) to width, on the left or the right.
std::string pad(std::string_view text, std::size_t width, bool right_align = false);

// A CSV cell: quoted when needed, formula-like text neutralised.
std::string csv_cell(std::string_view text);

// Text safe inside Markdown (table cells included): specials escaped, newlines folded.
std::string markdown_text(std::string_view text);

// Text safe in HTML text and in quoted attribute values.
std::string html_escape(std::string_view text);

// A URL allowed in a link (http, https or mailto), escaped for an attribute; empty if not allowed.
std::string safe_href(std::string_view url);

// WCAG contrast ratio of two "#RRGGBB" colours, and the better text colour (black or white)
// on a background.
double contrast_ratio(std::string_view a, std::string_view b);
std::string text_color_on(std::string_view background);

// Width for wrapped prose: the terminal's, capped for readability; 100 when unknown.
std::size_t prose_width(const RenderOptions& options);

}  // namespace scorecard::detail
