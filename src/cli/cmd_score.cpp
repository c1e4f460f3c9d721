// scorecard score FILE...: one card per jurisdiction.

#include <memory>

#include "output.hpp"

namespace scorecard::cli {

Command setup_score(CLI::App& app) {
  auto command = std::make_shared<ReportCommand>();
  command->kind = ReportKind::cards;
  command->format = "text";
  CLI::App* sub = setup_report_command(app, *command, "score",
                                       "Print a card per jurisdiction: each criterion's tier, why, note and "
                                       "citations, then the overall tier");
  return {sub, [command](Context& context) { return run_report_command(context, *command, "score"); }};
}

}  // namespace scorecard::cli
