// scorecard export PATH... --format json|csv|markdown [-o FILE]: files for websites and
// spreadsheets.

#include <memory>

#include "output.hpp"

namespace scorecard::cli {

Command setup_export(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    OutputOptions output;
  };
  auto options = std::make_shared<Options>();
  options->output.format = "json";
  CLI::App* sub = app.add_subcommand("export", "Write the comparison as JSON, CSV, Markdown or a ready web "
                                               "page, for websites, spreadsheets and pull requests");
  sub->add_option("PATH", options->paths, "Jurisdiction files or directories (searched recursively)")->required();
  add_output_options(*sub, options->output, {"json", "csv", "markdown", "html"});
  sub->add_option("--title", options->output.title, "html: the page heading (default: the rubric's title)")
      ->type_name("TEXT");
  sub->add_option("--intro", options->output.intro, "html: a paragraph of your own under the heading")
      ->type_name("TEXT");
  sub->add_flag("--timestamp", options->output.timestamp,
                "Record the time of the export in the JSON (generated_at); off by default so that exports of "
                "the same data are byte-identical");
  return {sub, [options](Context& context) { return produce(context, options->paths, options->output, "export", false); }};
}

}  // namespace scorecard::cli
