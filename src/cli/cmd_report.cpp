// scorecard score FILE... (a card per jurisdiction), compare PATH... (one table) and
// export PATH... (files for websites and spreadsheets): one report, three layouts.

#include <memory>

#include "output.hpp"

namespace scorecard::cli {
namespace {

std::pair<CLI::App*, std::shared_ptr<ReportCommand>> setup(CLI::App& app, ReportKind kind, const std::string& name,
                                                           const std::string& format, const std::string& description) {
  auto command = std::make_shared<ReportCommand>();
  command->kind = kind;
  command->format = format;
  return {setup_report_command(app, *command, name, description), command};
}

Command runs(CLI::App* sub, const std::shared_ptr<ReportCommand>& command, const std::string& name) {
  return {sub, [command, name](Context& context) { return run_report_command(context, *command, name); }};
}

}  // namespace

Command setup_score(CLI::App& app) {
  auto [sub, command] = setup(app, ReportKind::cards, "score", "text",
                              "Print a card per jurisdiction: each criterion's tier, why, note and citations, then "
                              "the overall tier");
  return runs(sub, command, "score");
}

Command setup_compare(CLI::App& app) {
  auto [sub, command] = setup(app, ReportKind::table, "compare", "text",
                              "Compare jurisdictions in one table: population, the criteria and the overall tier");
  return runs(sub, command, "compare");
}

Command setup_export(CLI::App& app) {
  auto [sub, command] = setup(app, ReportKind::export_, "export", "json",
                              "Write the comparison as JSON, CSV, Markdown, a ready web page (html) or a small web "
                              "site (site: a page per jurisdiction), for websites, spreadsheets and pull requests");
  sub->add_option("--title", command->html.title, "html, site: the page heading (default: the rubric's title)")
      ->type_name("TEXT");
  sub->add_option("--intro", command->html.intro, "html, site: a paragraph of your own under the heading")
      ->type_name("TEXT");
  sub->add_option("--lang", command->html.lang,
                  "html, site: the page's language, en or es (the rubric's translation, when it has one)")
      ->type_name("LANG")
      ->default_str("en");
  sub->add_flag("--timestamp", command->timestamp,
                "Record the time of the export in the JSON (generated_at); off by default so that exports of "
                "the same data are byte-identical");
  return runs(sub, command, "export");
}

}  // namespace scorecard::cli
