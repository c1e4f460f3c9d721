// scorecard explain FILE...: why each tier, and the fewest changes that would lift it.

#include <iostream>
#include <memory>
#include <sstream>

#include <scorecard/explain.hpp>

#include "output.hpp"

namespace scorecard::cli {

Command setup_explain(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    std::vector<std::string> what_if;
    std::string output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("explain", "Explain every tier (rule, answers, arithmetic, gates) and the fewest "
                                                "policy changes that would lift the overall tier");
  sub->add_option("FILE", options->paths, "Jurisdiction files or directories")->required();
  sub->add_option("--format", options->format, "Output format: text, markdown, json")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->default_str("text");
  sub->add_option("--what-if", options->what_if, "Explain as if CRITERION=TIER or QUESTION=ANSWER (repeatable)")
      ->type_name("CHANGE");
  sub->add_option("-o,--output", options->output, "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  return {sub, [options](Context& context) {
            const Rubric* rubric = context.rubric();
            if (!rubric) return k_exit_invalid;
            for (const auto& text : options->what_if) {
              if (auto parsed = parse_what_if(text, *rubric); !parsed.what_if) throw UsageError(parsed.error, "explain");
            }
            Dataset& dataset = context.load(options->paths, false);
            refuse_to_overwrite_input(options->output, dataset.files, "explain");
            if (has_errors(dataset.diagnostics)) {
              if (!context.options().quiet) std::cerr << "scorecard: " << Context::summary(dataset, false) << "; nothing explained\n";
              return k_exit_invalid;
            }
            std::vector<JurisdictionScore> before;
            if (!options->what_if.empty()) {
              before = dataset.scores;
              dataset.scores = apply_what_if_options(*rubric, options->what_if, before, "explain");
            }
            std::ostringstream text;
            if (options->format == "json") {
              render_explain_json(*rubric, dataset.scores, text);
            } else if (options->format == "markdown") {
              render_explain_markdown(*rubric, dataset.scores, text);
            } else {
              RenderOptions render = context.render_options();
              if (!options->output.empty()) render.color = context.options().color == "always";
              render_explain_text(*rubric, dataset.scores, render, text);
              if (!options->what_if.empty()) render_what_if_changes(*rubric, before, dataset.scores, text);
            }
            return write_output(options->output, text.str());
          }};
}

}  // namespace scorecard::cli
