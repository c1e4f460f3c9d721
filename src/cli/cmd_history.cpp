// scorecard history PATH...: each jurisdiction's tier changes over time, with their causes.

#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include <scorecard/history.hpp>

#include "output.hpp"

namespace scorecard::cli {

Command setup_history(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("history", "List each jurisdiction's tier changes over time (each criterion and "
                                                "the overall tier), with the date, the cause and its sources");
  sub->add_option("PATH", options->paths, "Jurisdiction files or directories (searched recursively); load a city's "
                                          "county and state too, so that their changes show")
      ->required();
  add_format_option(*sub, options->format, ReportKind::history);
  add_output_option(*sub, options->output);
  return {sub, [options](Context& context) {
            const Rubric* rubric = context.rubric();
            if (!rubric) return k_exit_invalid;
            const History history = build_history(options->paths, *rubric, context.options().jobs, today());
            refuse_to_overwrite_input(options->output, history.files, "history");
            Diagnostics errors;
            for (const auto& d : history.diagnostics) {
              if (d.severity == Severity::error) errors.push_back(d);
            }
            context.print(errors);
            if (!errors.empty()) {
              if (!context.options().quiet) {
                const std::string count =
                    errors.size() == 1 ? std::string("1 error") : std::to_string(errors.size()) + " errors";
                std::cerr << "scorecard: " << count
                          << (history.files.empty() ? std::string()
                                                    : fmt::format(" in {} file{}", history.files.size(),
                                                                  history.files.size() == 1 ? "" : "s"))
                          << "; nothing listed\n";
              }
              return k_exit_invalid;
            }
            RenderOptions render = context.render_options();
            if (!options->output.empty()) render = {context.options().color == "always", 0};
            std::ostringstream text;
            render_history(*rubric, history, *parse_format(options->format), render, text);
            return write_output(options->output, text.str());
          }};
}

}  // namespace scorecard::cli
