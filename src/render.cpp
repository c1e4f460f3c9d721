#include <scorecard/render.hpp>

namespace scorecard {

std::optional<Format> parse_format(std::string_view text) {
  if (text == "table") return Format::table;
  if (text == "json") return Format::json;
  if (text == "csv") return Format::csv;
  if (text == "markdown") return Format::markdown;
  if (text == "html") return Format::html;
  return std::nullopt;
}

}  // namespace scorecard
