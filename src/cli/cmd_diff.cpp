// scorecard diff OLD NEW: what changed between two files, directories or JSON exports.

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include <scorecard/diff.hpp>
#include <scorecard/snapshot.hpp>
#include <scorecard/timeline.hpp>

#include "output.hpp"

namespace scorecard::cli {
namespace {

bool is_json_export(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && std::filesystem::path(path).extension() == ".json";
}

// A JSON export, or jurisdiction files scored with the rubric in use; files gets the paths read.
std::optional<Snapshot> read_side(Context& context, const std::string& path, std::vector<std::string>& files,
                                  const std::string& as_of, const char* option) {
  if (is_json_export(path)) {
    if (!as_of.empty()) {
      throw UsageError(fmt::format("{} rates files and directories as of a day; \"{}\" is a JSON export, rated when "
                                   "it was made",
                                   option, path),
                       "diff");
    }
    files.push_back(path);
    SnapshotLoad load = load_export_file(path);
    context.print(load.diagnostics);
    return std::move(load.snapshot);
  }
  Dataset& dataset = context.load({path}, false, false, as_of);
  files.insert(files.end(), dataset.files.begin(), dataset.files.end());
  if (has_errors(dataset.diagnostics)) return std::nullopt;
  return snapshot_from_scores(*context.rubric(), dataset.scores, path);
}

}  // namespace

Command setup_diff(CLI::App& app) {
  struct Options {
    std::string before;
    std::string after;
    std::string format = "text";
    std::string output;
    std::string from;
    std::string to;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("diff", "Show tier, answer, note and source changes between two files, "
                                             "directories or JSON exports");
  sub->add_option("OLD", options->before, "The earlier version: a file, a directory or a JSON export")->required();
  sub->add_option("NEW", options->after,
                  "The later version: a file, a directory or a JSON export (default: OLD again, with --from or --to)");
  sub->add_option("--from", options->from, "Rate OLD as of DATE (YYYY-MM-DD): what the same data said then")
      ->type_name("DATE");
  sub->add_option("--to", options->to, "Rate NEW as of DATE (YYYY-MM-DD)")->type_name("DATE");
  add_format_option(*sub, options->format, ReportKind::diff);
  sub->add_option("-o,--output", options->output, "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  return {sub, [options](Context& context) {
            if (!context.rubric()) return k_exit_invalid;
            if (options->after.empty()) {
              if (options->from.empty() && options->to.empty()) {
                throw UsageError("diff needs NEW, or --from and --to to compare one data set at two dates", "diff");
              }
              options->after = options->before;
            }
            for (const auto* day : {&options->from, &options->to}) {
              if (!day->empty() && !parse_day(*day)) {
                throw UsageError(fmt::format("{} \"{}\" is not a date; expected YYYY-MM-DD, such as 2014-01-01",
                                             day == &options->from ? "--from" : "--to", *day),
                                 "diff");
              }
            }
            refuse_to_overwrite_input(options->output, {options->before, options->after}, "diff");
            std::vector<std::string> files;
            auto before = read_side(context, options->before, files, options->from, "--from");
            auto after = read_side(context, options->after, files, options->to, "--to");
            refuse_to_overwrite_input(options->output, files, "diff");  // a file inside a directory too
            if (!before || !after) return k_exit_invalid;
            std::ostringstream text;
            DiffResult diff = diff_snapshots(*before, *after);
            // A JSON export was rated as of the day it says, if any.
            diff.before_as_of = options->from.empty() ? before->as_of : options->from;
            diff.after_as_of = options->to.empty() ? after->as_of : options->to;
            render_diff(diff, *parse_format(options->format), text);
            return write_output(options->output, text.str());
          }};
}

}  // namespace scorecard::cli
