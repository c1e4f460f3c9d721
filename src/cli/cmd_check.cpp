// scorecard check PATH...: the CI gate for scorecard data repositories.

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include <scorecard/check.hpp>
#include <scorecard/text_util.hpp>

#include "github.hpp"
#include "output.hpp"

namespace scorecard::cli {
namespace {

Requirement parse_requirement(const std::string& text, const Rubric& rubric) {
  const auto eq = text.find('=');
  const std::string id = text.substr(0, eq);
  if (eq == std::string::npos || !rubric.find_criterion(id)) {
    throw UsageError(fmt::format("invalid --require \"{}\"{}; expected CRITERION=TIER with CRITERION one of {}", text,
                                 did_you_mean(id, rubric.criterion_ids()), join(rubric.criterion_ids(), ", ")),
                     "check");
  }
  const std::string value = text.substr(eq + 1);
  const auto tier = rubric.parse_tier(value);
  if (!tier) {
    throw UsageError(fmt::format("invalid --require \"{}\": \"{}\" is not a tier ({})", text, value,
                                 rubric.tier_choices()),
                     "check");
  }
  return {id, *tier};
}

}  // namespace

Command setup_check(CLI::App& app) {
  struct Options {
    ReportRequest request;
    std::string min_tier;
    std::vector<std::string> requires_;
    std::string baseline;
    std::string format = "text";
    std::string output;
    std::string junit;
    std::string markdown;
    bool allow_removed = false;
    bool any_rubric = false;
    std::string not_rated = "fail";
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("check", "CI gate: validate, then fail (exit 1) on jurisdictions below a "
                                              "minimum, missing a required criterion tier, or worse than a baseline");
  sub->add_option("PATH", options->request.paths, "Jurisdiction files or directories (searched recursively)")
      ->required();
  CLI::Option* min_tier = sub->add_option("--min-tier", options->min_tier, "Fail when an overall tier is worse than TIER (a number or a tier id)")
      ->type_name("TIER");
  sub->add_option("--require", options->requires_, "Fail when CRITERION's tier is worse than TIER (repeatable)")
      ->type_name("CRITERION=TIER");
  sub->add_option("--baseline", options->baseline,
                  "A JSON export (scorecard export) to compare with: any tier worse than there fails")
      ->type_name("OLD.json");
  sub->add_flag("--allow-removed", options->allow_removed,
                "With --baseline: a jurisdiction of the baseline that is gone (not renamed) is reported, not failed");
  sub->add_flag("--any-rubric", options->any_rubric,
                "With --baseline: compare with a baseline scored under another rubric (id or version)");
  sub->add_option("--not-rated", options->not_rated,
                  "What --min-tier and --require do with a tier that is not rated: fail (the default: it cannot "
                  "show it meets the bar) or warn (pass, with a warning)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return value == "fail" || value == "warn" ? "" : value + " not in {fail,warn}";
          },
          "", "WHAT"))
      ->type_name("fail|warn");
  add_format_option(*sub, options->format, ReportKind::check);
  add_output_option(*sub, options->output);
  sub->add_option("--junit", options->junit, "Also write a JUnit XML report to FILE")->type_name("FILE");
  sub->add_option("--markdown", options->markdown, "Also write a Markdown summary to FILE")->type_name("FILE");
  sub->add_flag("--strict", options->request.strict, "Treat warnings as errors");
  add_answers_only_option(*sub, options->request);
  add_as_of_option(*sub, options->request);
  add_max_age_option(*sub, options->request);
  return {sub, [options, min_tier](Context& context) {
            const Rubric* rubric = context.rubric();
            if (!rubric) return k_exit_invalid;
            CheckOptions check;
            if (min_tier->count() > 0) {  // given, even as "": an empty value is not a way to turn the gate off
              check.min_tier = rubric->parse_tier(options->min_tier);
              if (!check.min_tier) {
                throw UsageError(fmt::format("--min-tier \"{}\" is not a tier ({})", options->min_tier,
                                             rubric->tier_choices()),
                                 "check");
              }
            }
            for (const auto& text : options->requires_) check.requirements.push_back(parse_requirement(text, *rubric));
            check.allow_removed = options->allow_removed;
            check.not_rated_warns = options->not_rated == "warn";
            check.answers_only = options->request.scoring.answers_only;
            check.as_of = options->request.as_of;
            // Two reports to one file would leave only the last.
            const std::vector<std::pair<std::string, std::string>> outputs = {
                {"-o", options->output}, {"--junit", options->junit}, {"--markdown", options->markdown}};
            for (std::size_t a = 0; a < outputs.size(); ++a) {
              for (std::size_t b = a + 1; b < outputs.size(); ++b) {
                const std::string& x = outputs[a].second;
                if (!x.empty() && x != "-" && (x == outputs[b].second || same_path(x, outputs[b].second))) {
                  throw UsageError(fmt::format("refusing to write two reports to \"{}\" ({} and {})", x,
                                               outputs[a].first, outputs[b].first),
                                   "check");
                }
              }
            }
            const Format format = *parse_format(options->format);
            const bool github = github_actions();
            // Workflow commands go where the report is not: standard output for the text report.
            std::ostream& annotations = format == Format::text && options->output.empty() ? std::cout : std::cerr;
            std::optional<Snapshot> baseline;
            if (!options->baseline.empty()) {
              SnapshotLoad load = load_export_file(options->baseline);
              context.print(load.diagnostics);
              if (github) annotate(annotations, load.diagnostics);
              if (load.snapshot) {
                Diagnostics problems = baseline_problems(*load.snapshot, *rubric, options->any_rubric);
                context.print(problems);
                if (github) annotate(annotations, problems);
                if (!problems.empty()) return k_exit_invalid;
              }
              if (!load.snapshot) return k_exit_invalid;
              baseline = std::move(load.snapshot);
              check.baseline = &*baseline;
            }
            options->request.sort.clear();  // the order given
            const Report& report = context.report(options->request, "check", true);
            const Dataset& dataset = report.dataset;
            for (const auto& out : {options->output, options->junit, options->markdown}) {
              refuse_to_overwrite_input(out, dataset.files, "check");
              if (!options->baseline.empty() && !out.empty() && out == options->baseline) {
                throw UsageError(fmt::format("refusing to write to \"{}\": it is the baseline", out), "check");
              }
            }
            if (github) annotate(annotations, dataset.diagnostics);
            check.diagnostics = &dataset.diagnostics;
            const CheckReport result = run_check(*rubric, dataset.scores, check);
            std::ostringstream text;
            render_check(*rubric, result, format, text);
            if (options->output.empty()) std::cout << text.str() << std::flush;
            if (github) {
              for (const auto& o : result.outcomes) {
                if (o.invalid()) continue;  // its errors were annotated above
                for (const auto& f : o.failures) {
                  annotations << github_annotation(Severity::error, f.where,
                                                   o.id + ": " + check_failure_text(*rubric, f))
                              << '\n';
                }
                for (const auto& f : o.warnings) {
                  annotations << github_annotation(Severity::warning, f.where,
                                                   o.id + ": " + check_warning_text(*rubric, f))
                              << '\n';
                }
              }
            }
            std::ostringstream markdown;
            render_check_markdown(*rubric, result, markdown);
            try {
              if (!options->output.empty()) write_file_atomically(options->output, text.str());
              if (!options->junit.empty()) {
                std::ostringstream junit;
                render_check_junit(*rubric, result, junit);
                write_file_atomically(options->junit, junit.str());
              }
              // --markdown "$GITHUB_STEP_SUMMARY" means the summary: appended once, keeping the
              // earlier steps' (a replacement would lose them).
              const char* summary = step_summary_path();
              const bool to_summary = summary && !options->markdown.empty() && same_path(options->markdown, summary);
              if (!options->markdown.empty() && !to_summary) write_file_atomically(options->markdown, markdown.str());
              append_step_summary(markdown.str());
            } catch (const std::runtime_error& e) {
              std::cerr << "scorecard: error: " << e.what() << '\n';
              return k_exit_invalid;
            }
            if (!report.valid()) {
              if (!context.options().quiet) std::cerr << "scorecard: " << Context::summary(dataset) << '\n';
              return k_exit_invalid;
            }
            return result.failed > 0 ? k_exit_failed : k_exit_ok;
          }};
}

}  // namespace scorecard::cli
