// scorecard validate PATH...: every problem in every file, in one run.

#include <iostream>
#include <memory>

#include "app.hpp"
#include "github.hpp"
#include "output.hpp"

namespace scorecard::cli {

Command setup_validate(CLI::App& app) {
  struct Options {
    ReportRequest request;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("validate", "Check files against the rubric and report every problem as "
                                                 "FILE:LINE:COL: error|warning: message");
  sub->add_option("PATH", options->request.paths, "Jurisdiction files or directories (searched recursively)")
      ->required();
  sub->add_flag("--strict", options->request.strict, "Treat warnings as errors");
  add_as_of_option(*sub, options->request);
  add_max_age_option(*sub, options->request);
  return {sub, [options](Context& context) {
            if (!context.rubric()) return k_exit_invalid;
            options->request.sort.clear();  // the order given
            Dataset& dataset = context.report(options->request, "validate", true).dataset;
            const bool failed = has_errors(dataset.diagnostics);
            // Under GitHub Actions each problem is also an annotation on the file's line.
            if (github_actions()) annotate(std::cout, dataset.diagnostics);
            if (!context.options().quiet) {
              const std::string& as_of = options->request.as_of;
              std::cerr << "scorecard: " << Context::summary(dataset) << (as_of.empty() ? "" : " as of " + as_of)
                        << (failed ? "" : "; all valid") << '\n';
            }
            return failed ? k_exit_invalid : k_exit_ok;
          }};
}

}  // namespace scorecard::cli
