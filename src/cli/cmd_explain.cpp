// scorecard explain FILE...: why each tier, and the fewest changes that would lift it.

#include <iostream>
#include <memory>
#include <sstream>

#include "output.hpp"

namespace scorecard::cli {

Command setup_explain(CLI::App& app) {
  struct Options {
    ReportRequest request;
    std::string format = "text";
    std::string output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("explain", "Explain every tier (rule, answers, arithmetic, gates) and the fewest "
                                                "policy changes that would lift the overall tier");
  sub->add_option("FILE", options->request.paths, "Jurisdiction files or directories")->required();
  add_format_option(*sub, options->format, ReportKind::explain);
  add_what_if_option(*sub, options->request.what_if, "Explain as if CRITERION=TIER or QUESTION=ANSWER (repeatable)");
  add_answers_only_option(*sub, options->request);
  add_as_of_option(*sub, options->request);
  sub->add_option("-o,--output", options->output, "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  return {sub, [options](Context& context) {
            if (!context.rubric()) return k_exit_invalid;
            options->request.sort.clear();  // the order given
            const Report& report = context.report(options->request, "explain", false);
            refuse_to_overwrite_input(options->output, report.dataset.files, "explain");
            if (!report.valid()) {
              if (!context.options().quiet) {
                std::cerr << "scorecard: " << Context::summary(report.dataset, false) << "; nothing explained\n";
              }
              return k_exit_invalid;
            }
            RenderOptions render = context.render_options();
            if (!options->output.empty()) render.color = context.options().color == "always";
            std::ostringstream text;
            render_explanations(report.rubric(), explain_report(report), *parse_format(options->format), render, text);
            return write_output(options->output, text.str());
          }};
}

}  // namespace scorecard::cli
