#pragma once
// What the CLI needs to know about its terminal.

#include <cstddef>
#include <string_view>

#include <scorecard/render.hpp>

namespace scorecard::cli {

// --color auto|always|never, NO_COLOR (when set and not empty), TERM=dumb and whether the
// stream (1 = stdout, 2 = stderr) is a terminal; the flag wins over the environment.
bool use_color(std::string_view mode, int fd);

// The width to fit: COLUMNS when set to a number (also in a pipe), else the columns of the
// terminal on stdout, or 0 (no limit) when stdout is not a terminal.
std::size_t terminal_width();

// The colours the terminal shows: COLORTERM=truecolor or 24bit, TERM=*256color*, else the 8.
ColorDepth color_depth();

}  // namespace scorecard::cli
