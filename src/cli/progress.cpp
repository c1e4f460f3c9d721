#include "progress.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

namespace scorecard::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct State {
  std::mutex mutex;
  Clock::time_point start = Clock::now();
  Clock::time_point last{};
  Clock::duration quiet_for = std::chrono::seconds(1);  // runs shorter than this show nothing
  bool shown = false;
};

State& state() {
  static State s;
  return s;
}

constexpr auto k_every = std::chrono::milliseconds(200);

}  // namespace

Progress file_progress(bool quiet) {
  if (quiet || isatty(STDERR_FILENO) == 0) return {};
  const char* ci = std::getenv("CI");
  if (ci && *ci) return {};  // a CI log is not a terminal, even when it pretends to be
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return {};
  state().start = Clock::now();
  // For tests: SCORECARD_PROGRESS_AFTER=MS shows it after MS milliseconds instead of a second.
  if (const char* after = std::getenv("SCORECARD_PROGRESS_AFTER")) {
    char* end = nullptr;
    const long ms = std::strtol(after, &end, 10);
    if (end != after && *end == '\0' && ms >= 0) state().quiet_for = std::chrono::milliseconds(ms);
  }
  return [](std::size_t done, std::size_t total) {
    State& s = state();
    const auto now = Clock::now();
    if (now - s.start < s.quiet_for) return;
    std::unique_lock lock(s.mutex, std::try_to_lock);  // a busy printer is skipped, not waited for
    if (!lock.owns_lock() || (s.shown && now - s.last < k_every && done < total)) return;
    s.last = now;
    s.shown = true;
    const double elapsed = std::chrono::duration<double>(now - s.start).count();
    const double left = done > 0 ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0;
    const std::string line =
        fmt::format("scorecard: reading {} of {} files ({}%), about {:.0f} s left", group_thousands(static_cast<long long>(done)),
                    group_thousands(static_cast<long long>(total)), total > 0 ? done * 100 / total : 100, left);
    std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    std::fflush(stderr);
  };
}

void end_progress() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  if (!s.shown) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  s.shown = false;
}

}  // namespace scorecard::cli
