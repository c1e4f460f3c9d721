// scorecard compare PATH...: one table, a row per jurisdiction.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

#include "app.hpp"

namespace scorecard::cli {

Command setup_compare(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "table";
    std::string sort = "overall";
    bool reverse = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("compare", "Compare jurisdictions in one table: population, the criteria and the "
                                                "overall tier");
  sub->add_option("PATH", options->paths, "Jurisdiction files or directories (searched recursively)")->required();
  sub->add_option("--format", options->format, "Output format: table or json")
      ->check(CLI::IsMember({"table", "json"}));
  sub->add_option("--sort", options->sort, "Sort by overall (default), name, population or a criterion id")
      ->type_name("KEY");
  sub->add_flag("--reverse", options->reverse, "Reverse the sort order");
  return {sub, [options](Context& context) {
            const Rubric* rubric = context.rubric();
            if (!rubric) return k_exit_invalid;
            std::vector<std::string> keys = {"overall", "name", "population"};
            for (const auto& id : rubric->criterion_ids()) keys.push_back(id);
            if (std::find(keys.begin(), keys.end(), options->sort) == keys.end()) {
              throw UsageError(fmt::format("unknown sort key \"{}\"{}; use overall, name, population or one of: {}",
                                           options->sort, did_you_mean(options->sort, keys),
                                           join(rubric->criterion_ids(), ", ")),
                               "compare");
            }
            Dataset dataset = context.load(options->paths, false);
            if (has_errors(dataset.diagnostics)) {
              if (!context.options().quiet) std::cerr << "scorecard: " << Context::summary(dataset, false) << "; nothing compared\n";
              return k_exit_invalid;
            }
            sort_scores(dataset.scores, *rubric, options->sort, options->reverse);
            if (options->format == "json") {
              render_json(*rubric, dataset.scores, std::cout);
            } else {
              render_compare_table(*rubric, dataset.scores, context.render_options(), std::cout);
            }
            const std::size_t warnings = count(dataset.diagnostics, Severity::warning);
            if (warnings > 0 && !context.options().quiet) {
              std::cerr << fmt::format("scorecard: {} warning{}; run 'scorecard validate' to see {}\n", warnings,
                                       warnings == 1 ? "" : "s", warnings == 1 ? "it" : "them");
            }
            return k_exit_ok;
          }};
}

}  // namespace scorecard::cli
