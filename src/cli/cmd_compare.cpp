// scorecard compare PATH...: one table, a row per jurisdiction.

#include <memory>

#include "output.hpp"

namespace scorecard::cli {

Command setup_compare(CLI::App& app) {
  auto command = std::make_shared<ReportCommand>();
  command->kind = ReportKind::table;
  command->format = "text";
  CLI::App* sub = setup_report_command(app, *command, "compare",
                                       "Compare jurisdictions in one table: population, the criteria and the "
                                       "overall tier");
  return {sub, [command](Context& context) { return run_report_command(context, *command, "compare"); }};
}

}  // namespace scorecard::cli
