// scorecard score FILE...: one card per jurisdiction.

#include <memory>

#include "output.hpp"

namespace scorecard::cli {

Command setup_score(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  options->output.keep_order = true;
  CLI::App* sub = app.add_subcommand("score", "Print a card per jurisdiction: each criterion's tier, why, note and "
                                              "citations, then the overall tier");
  sub->add_option("FILE", options->paths, "Jurisdiction files or directories")->required();
  add_output_options(*sub, options->output, {"table", "json", "csv", "markdown"});
  return {sub, [options](Context& context) { return produce(context, options->paths, options->output, "score", true); }};
}

}  // namespace scorecard::cli
