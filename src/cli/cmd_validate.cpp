// scorecard validate PATH...: every problem in every file, in one run.

#include <iostream>
#include <memory>

#include "app.hpp"
#include "github.hpp"

namespace scorecard::cli {

Command setup_validate(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    bool strict = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("validate", "Check files against the rubric and report every problem as "
                                                 "FILE:LINE:COL: error|warning: message");
  sub->add_option("PATH", options->paths, "Jurisdiction files or directories (searched recursively)")->required();
  sub->add_flag("--strict", options->strict, "Treat warnings as errors");
  return {sub, [options](Context& context) {
            if (!context.rubric()) return k_exit_invalid;
            Dataset& dataset = context.load(options->paths, true, options->strict);
            const bool failed = has_errors(dataset.diagnostics);
            // Under GitHub Actions each problem is also an annotation on the file's line.
            if (github_actions()) annotate(std::cout, dataset.diagnostics);
            if (!context.options().quiet) {
              std::cerr << "scorecard: " << Context::summary(dataset) << (failed ? "" : "; all valid") << '\n';
            }
            return failed ? k_exit_invalid : k_exit_ok;
          }};
}

}  // namespace scorecard::cli
