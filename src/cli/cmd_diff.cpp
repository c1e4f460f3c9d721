// scorecard diff OLD NEW: what changed between two files, directories or JSON exports.

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <scorecard/diff.hpp>
#include <scorecard/snapshot.hpp>

#include "output.hpp"

namespace scorecard::cli {
namespace {

bool is_json_export(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && std::filesystem::path(path).extension() == ".json";
}

// A JSON export, or jurisdiction files scored with the rubric in use; files gets the paths read.
std::optional<Snapshot> read_side(Context& context, const std::string& path, std::vector<std::string>& files) {
  if (is_json_export(path)) {
    files.push_back(path);
    SnapshotLoad load = load_export_file(path);
    context.print(load.diagnostics);
    return std::move(load.snapshot);
  }
  Dataset& dataset = context.load({path}, false);
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
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("diff", "Show tier, answer, note and source changes between two files, "
                                             "directories or JSON exports");
  sub->add_option("OLD", options->before, "The earlier version: a file, a directory or a JSON export")->required();
  sub->add_option("NEW", options->after, "The later version: a file, a directory or a JSON export")->required();
  add_format_option(*sub, options->format, ReportKind::diff);
  sub->add_option("-o,--output", options->output, "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  return {sub, [options](Context& context) {
            if (!context.rubric()) return k_exit_invalid;
            refuse_to_overwrite_input(options->output, {options->before, options->after}, "diff");
            std::vector<std::string> files;
            auto before = read_side(context, options->before, files);
            auto after = read_side(context, options->after, files);
            refuse_to_overwrite_input(options->output, files, "diff");  // a file inside a directory too
            if (!before || !after) return k_exit_invalid;
            std::ostringstream text;
            render_diff(diff_snapshots(*before, *after), *parse_format(options->format), text);
            return write_output(options->output, text.str());
          }};
}

}  // namespace scorecard::cli
