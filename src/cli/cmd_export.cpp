// scorecard export PATH... --format json|csv|markdown|html [-o FILE]: files for websites
// and spreadsheets.

#include <memory>

#include "output.hpp"

namespace scorecard::cli {

Command setup_export(CLI::App& app) {
  auto command = std::make_shared<ReportCommand>();
  command->kind = ReportKind::export_;
  command->format = "json";
  CLI::App* sub = setup_report_command(app, *command, "export",
                                       "Write the comparison as JSON, CSV, Markdown or a ready web page, for "
                                       "websites, spreadsheets and pull requests");
  sub->add_option("--title", command->html.title, "html: the page heading (default: the rubric's title)")
      ->type_name("TEXT");
  sub->add_option("--intro", command->html.intro, "html: a paragraph of your own under the heading")
      ->type_name("TEXT");
  sub->add_flag("--timestamp", command->timestamp,
                "Record the time of the export in the JSON (generated_at); off by default so that exports of "
                "the same data are byte-identical");
  return {sub, [command](Context& context) { return run_report_command(context, *command, "export"); }};
}

}  // namespace scorecard::cli
