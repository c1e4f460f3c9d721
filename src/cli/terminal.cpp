#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace scorecard::cli {

bool use_color(std::string_view mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(fd) != 0;
}

ColorDepth color_depth() {
  const char* colorterm = std::getenv("COLORTERM");
  if (colorterm && (std::string_view(colorterm) == "truecolor" || std::string_view(colorterm) == "24bit")) {
    return ColorDepth::truecolor;
  }
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term).find("256color") != std::string_view::npos) return ColorDepth::xterm256;
  return ColorDepth::basic;
}

std::size_t terminal_width() {
  // COLUMNS, when set, is the width wanted (also in a pipe: COLUMNS=80 scorecard compare | less).
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && value > 0 && value <= 10000) return static_cast<std::size_t>(value);
  }
  if (isatty(STDOUT_FILENO) == 0) return 0;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace scorecard::cli
