// scorecard rubric show|check: the methodology, and its calibration.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include <scorecard/diff.hpp>
#include <scorecard/score.hpp>
#include <scorecard/snapshot.hpp>

#include "app.hpp"

namespace scorecard::cli {

std::vector<Command> setup_rubric(CLI::App& app) {
  CLI::App* rubric = app.add_subcommand("rubric", "Show or check the rubric (the built-in one, or --rubric FILE)");
  rubric->require_subcommand(1);
  CLI::App* show = rubric->add_subcommand("show", "Print the methodology: tiers, criteria, questions, rules and the "
                                                  "overall rule");
  CLI::App* check = rubric->add_subcommand("check", "Verify that the rubric is well-formed and reproduces its "
                                                    "calibration cases (and, given PATH, that the files do, as of "
                                                    "the calibration's date)");
  auto check_paths = std::make_shared<std::vector<std::string>>();
  check->add_option("PATH", *check_paths, "Jurisdiction files or directories holding the calibration's jurisdictions");
  CLI::App* schema = rubric->add_subcommand("schema", "Print the JSON Schema of jurisdiction files for this rubric "
                                                      "(for editors; docs/schema/jurisdiction.schema.json)");
  Command schema_command{schema, [](Context& context) {
                           const Rubric* r = context.rubric();
                           if (!r) return k_exit_invalid;
                           render_jurisdiction_schema(*r, std::cout);
                           return k_exit_ok;
                         }};
  struct ImpactOptions {
    std::string rubric;
    std::vector<std::string> paths;
  };
  auto impact_options = std::make_shared<ImpactOptions>();
  CLI::App* impact = rubric->add_subcommand("impact", "Show which jurisdictions would change tier under another rubric "
                                                      "(a methodology change)");
  impact->add_option("NEW_RUBRIC", impact_options->rubric, "The rubric to compare with the one in use")->required();
  impact->add_option("PATH", impact_options->paths, "Jurisdiction files or directories")->required();
  Command impact_command{impact, [impact_options](Context& context) {
                           const Rubric* old_rubric = context.rubric();
                           if (!old_rubric) return k_exit_invalid;
                           RubricLoad load = load_rubric_file(impact_options->rubric);
                           context.print(load.diagnostics);
                           if (!load.rubric) return k_exit_invalid;
                           Dataset& before = context.load(impact_options->paths, false);
                           if (has_errors(before.diagnostics)) return k_exit_invalid;
                           Dataset after = load_dataset(impact_options->paths, *load.rubric);
                           Diagnostics errors;
                           for (const auto& d : after.diagnostics) {
                             if (d.severity == Severity::error) errors.push_back(d);
                           }
                           context.print(errors);
                           if (!errors.empty()) {
                             std::cerr << "scorecard: the files do not validate under " << impact_options->rubric << '\n';
                             return k_exit_invalid;
                           }
                           const auto changes = tier_changes(snapshot_from_scores(*old_rubric, before.scores, ""),
                                                             snapshot_from_scores(*load.rubric, after.scores, ""));
                           render_rubric_impact(*old_rubric, *load.rubric, changes,
                                                hidden_changes(before.scores, after.scores), after.scores.size(),
                                                std::cout);
                           return k_exit_ok;
                         }};
  Command show_command{show, [](Context& context) {
                         const Rubric* r = context.rubric();
                         if (!r) return k_exit_invalid;
                         render_rubric_text(*r, std::cout);
                         return k_exit_ok;
                       }};
  Command check_command{check, [check_paths](Context& context) {
                          const Rubric* r = context.rubric();
                          if (!r) return k_exit_invalid;
                          const auto results = check_calibration(*r);
                          render_calibration(*r, results, std::cout);
                          Diagnostics problems;
                          if (!check_paths->empty()) {
                            const Dataset& data = context.load(*check_paths, false, false, r->overall.calibration_as_of);
                            if (has_errors(data.diagnostics)) return k_exit_invalid;
                            const auto found = check_calibration_data(*r, data.scores);
                            render_calibration_data(*r, found, std::cout);
                            for (const auto& f : found) {
                              if (f.reproduced()) continue;
                              problems.push_back(
                                  {Severity::error, f.calibration->where,
                                   f.score ? fmt::format("calibration case \"{}\" is not reproduced by {}{}",
                                                         f.calibration->jurisdiction, f.score->jurisdiction.file,
                                                         r->overall.calibration_as_of.empty()
                                                             ? std::string()
                                                             : " as of " + r->overall.calibration_as_of)
                                           : fmt::format("calibration case \"{}\" is not among the files read",
                                                         f.calibration->jurisdiction)});
                            }
                          }
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
  return {show_command, check_command, schema_command, impact_command};
}

}  // namespace scorecard::cli
