#pragma once
// What the CLI needs to know about its terminal.

#include <cstddef>
#include <string_view>

namespace scorecard::cli {

// --color auto|always|never, NO_COLOR (when set and not empty), TERM=dumb and whether the
// stream (1 = stdout, 2 = stderr) is a terminal; the flag wins over the environment.
bool use_color(std::string_view mode, int fd);

// Columns of the terminal on stdout, or 0 when stdout is not a terminal.
std::size_t terminal_width();

}  // namespace scorecard::cli
