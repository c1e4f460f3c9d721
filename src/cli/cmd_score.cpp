// scorecard score FILE...: one card per jurisdiction.

#include <iostream>
#include <memory>

#include "app.hpp"

namespace scorecard::cli {

Command setup_score(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "table";
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("score", "Print a card per jurisdiction: each criterion's tier, why, note and "
                                              "citations, then the overall tier");
  sub->add_option("FILE", options->paths, "Jurisdiction files or directories")->required();
  sub->add_option("--format", options->format, "Output format: table or json")
      ->check(CLI::IsMember({"table", "json"}));
  return {sub, [options](Context& context) {
            const Rubric* rubric = context.rubric();
            if (!rubric) return k_exit_invalid;
            Dataset dataset = context.load(options->paths, false);
            if (has_errors(dataset.diagnostics)) {
              if (!context.options().quiet) std::cerr << "scorecard: " << Context::summary(dataset, false) << "; nothing scored\n";
              return k_exit_invalid;
            }
            if (options->format == "json") {
              render_json(*rubric, dataset.scores, std::cout);
            } else {
              render_score_cards(*rubric, dataset.scores, context.render_options(), std::cout);
            }
            return k_exit_ok;
          }};
}

}  // namespace scorecard::cli
