// scorecard rubric show|check: the methodology, and its calibration.

#include <iostream>

#include <fmt/format.h>

#include <scorecard/score.hpp>

#include "app.hpp"

namespace scorecard::cli {

std::vector<Command> setup_rubric(CLI::App& app) {
  CLI::App* rubric = app.add_subcommand("rubric", "Show or check the rubric (the built-in one, or --rubric FILE)");
  rubric->require_subcommand(1);
  CLI::App* show = rubric->add_subcommand("show", "Print the methodology: tiers, criteria, questions, rules and the "
                                                  "overall rule");
  CLI::App* check = rubric->add_subcommand("check", "Verify that the rubric is well-formed and reproduces its "
                                                    "calibration cases");
  CLI::App* schema = rubric->add_subcommand("schema", "Print the JSON Schema of jurisdiction files for this rubric "
                                                      "(for editors; docs/schema/jurisdiction.schema.json)");
  Command schema_command{schema, [](Context& context) {
                           const Rubric* r = context.rubric();
                           if (!r) return k_exit_invalid;
                           render_jurisdiction_schema(*r, std::cout);
                           return k_exit_ok;
                         }};
  Command show_command{show, [](Context& context) {
                         const Rubric* r = context.rubric();
                         if (!r) return k_exit_invalid;
                         render_rubric_text(*r, std::cout);
                         return k_exit_ok;
                       }};
  Command check_command{check, [](Context& context) {
                          const Rubric* r = context.rubric();
                          if (!r) return k_exit_invalid;
                          const auto results = check_calibration(*r);
                          render_calibration(*r, results, std::cout);
                          Diagnostics problems;
                          for (const auto& result : results) {
                            if (result.reproduced()) continue;
                            problems.push_back(
                                {Severity::error, result.calibration->where,
                                 fmt::format("calibration case \"{}\" expects overall tier {} but the rule gives {}",
                                             result.calibration->jurisdiction, result.calibration->expect,
                                             result.result.tier ? std::to_string(*result.result.tier) : "none")});
                          }
                          if (results.empty()) {
                            problems.push_back({Severity::warning, {r->source_name, 0, 0},
                                                "the rubric has no calibration cases; nothing to verify"});
                          }
                          context.print(problems);
                          return has_errors(problems) ? k_exit_invalid : k_exit_ok;
                        }};
  return {show_command, check_command, schema_command};
}

}  // namespace scorecard::cli
