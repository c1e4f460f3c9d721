#pragma once
// What the commands that print results share: the --format option in the one format
// vocabulary, -o, the report options (sort, filter, what-if), refusing to overwrite an
// input, and writing a result.

#include <string>
#include <vector>

#include <scorecard/render.hpp>

#include "app.hpp"
#include "atomic_file.hpp"

namespace scorecard::cli {

// --format FORMAT with the formats of kind; "table" is accepted as "text".
void add_format_option(CLI::App& command, std::string& format, ReportKind kind);

// The values each --format option accepts (by option), for completion and the man page.
const std::vector<std::string>* format_choices(const CLI::Option* option);

// -o FILE.
void add_output_option(CLI::App& command, std::string& output);

// --what-if CHANGE (repeatable).
void add_what_if_option(CLI::App& command, std::vector<std::string>& what_if, const std::string& help);
// --answers-only: ScoreOptions::answers_only.
void add_answers_only_option(CLI::App& command, ReportRequest& request);

// --as-of DATE: ReportRequest::as_of.
void add_as_of_option(CLI::App& command, ReportRequest& request);

// --max-age AGE: ReportRequest::max_age.
void add_max_age_option(CLI::App& command, ReportRequest& request);

// --sort, --reverse and --filter into a request.
void add_order_options(CLI::App& command, ReportRequest& request);

// Whether a and b name the same file (also through links, or before either exists).
bool same_path(const std::string& a, const std::string& b);

// Throws UsageError when output names one of files (an export never overwrites its input).
void refuse_to_overwrite_input(const std::string& output, const std::vector<std::string>& files,
                               const std::string& command);

// A command's result: to standard output when path is empty or "-", else atomically to
// path. Returns the exit code (3, after saying why, when the file cannot be written).
int write_output(const std::string& path, const std::string& content);

// ISO 8601 UTC now; SOURCE_DATE_EPOCH (reproducible builds) wins over the clock.
std::string now_utc();

// Today (UTC) as a day number, for the dates that may not be in the future and for
// --max-age: the clock's, or SCORECARD_TODAY (YYYY-MM-DD) when set, to repeat a run as of
// another day. Not SOURCE_DATE_EPOCH: a build's time is not the day data is checked.
int today();

// score, compare and export: one command that builds a request, runs the pipeline and
// renders its report.
struct ReportCommand {
  ReportKind kind = ReportKind::table;
  ReportRequest request;
  std::string format;
  std::string output;
  bool timestamp = false;
  HtmlOptions html;
};

// Declares the command's PATH argument and options; run() does the rest.
CLI::App* setup_report_command(CLI::App& app, ReportCommand& command, const std::string& name,
                               const std::string& description);
int run_report_command(Context& context, ReportCommand& command, const std::string& name);

}  // namespace scorecard::cli
