// scorecard compare PATH...: one table, a row per jurisdiction.

#include <memory>

#include "output.hpp"

namespace scorecard::cli {

Command setup_compare(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("compare", "Compare jurisdictions in one table: population, the criteria and the "
                                                "overall tier");
  sub->add_option("PATH", options->paths, "Jurisdiction files or directories (searched recursively)")->required();
  add_output_options(*sub, options->output, {"table", "json", "csv", "markdown"});
  return {sub, [options](Context& context) { return produce(context, options->paths, options->output, "compare", false); }};
}

}  // namespace scorecard::cli
