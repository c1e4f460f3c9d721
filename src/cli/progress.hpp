#pragma once
// Signs of life on standard error for long runs: "reading 12,345 of 25,000 files (49%),
// about 3 s left", only on a terminal, only after a second, never in CI or with --quiet.

#include <scorecard/dataset.hpp>

namespace scorecard::cli {

// A progress callback for the files a run reads, or none when nothing should be shown.
Progress file_progress(bool quiet);

// Clears the progress line, if one was shown (before results or messages are printed).
void end_progress();

}  // namespace scorecard::cli
