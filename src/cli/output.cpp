#include "output.hpp"

#include "atomic_file.hpp"

#include <scorecard/timeline.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

namespace scorecard::cli {
namespace fs = std::filesystem;

bool same_path(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

std::string now_utc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && end != epoch) t = static_cast<std::time_t>(value);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

int today() {
  if (const char* text = std::getenv("SCORECARD_TODAY")) {
    if (const auto day = parse_day(text)) return *day;
    throw UsageError(fmt::format("SCORECARD_TODAY \"{}\" is not a date; expected YYYY-MM-DD", text), "");
  }
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return *parse_day(text);
}

namespace {

// "--filter state=ZZ --filter tier<=2", as given.
std::vector<std::string> filter_flags(const std::vector<std::string>& filters) {
  std::vector<std::string> out;
  out.reserve(filters.size());
  for (const auto& f : filters) out.push_back("--filter " + f);
  return out;
}

std::map<const CLI::Option*, std::vector<std::string>>& format_options() {
  static std::map<const CLI::Option*, std::vector<std::string>> options;
  return options;
}

}  // namespace

const std::vector<std::string>* format_choices(const CLI::Option* option) {
  const auto it = format_options().find(option);
  return it == format_options().end() ? nullptr : &it->second;
}

void add_format_option(CLI::App& command, std::string& format, ReportKind kind) {
  const std::vector<std::string> names = format_names(kind);
  const std::vector<Format> formats = formats_of(kind);
  CLI::Option* option = command.add_option("--format", format, "Output format: " + join(names, ", "));
  format_options()[option] = names;
  option
      ->check(CLI::Validator(
          [names, formats](std::string& value) -> std::string {
            const auto f = parse_format(value);
            if (f && std::find(formats.begin(), formats.end(), *f) != formats.end()) return {};
            // A format another command writes says which; else the nearest name.
            std::string hint = did_you_mean(value, names);
            if (f && hint.empty()) {
              const char* other = *f == Format::junit ? "check" : *f == Format::text ? "compare" : "export";
              hint = fmt::format(" ({} is written by 'scorecard {}')", value, other);
            }
            return fmt::format("{} not in {{{}}}{}", value, join(names, ","), hint);
          },
          "", "FORMAT"))
      ->type_name("FORMAT")
      ->default_str(format);
}

void add_output_option(CLI::App& command, std::string& output) {
  command.add_option("-o,--output", output, "Write to FILE (atomically) instead of standard output; - is standard output")
      ->type_name("FILE");
}

void add_what_if_option(CLI::App& command, std::vector<std::string>& what_if, const std::string& help) {
  command.add_option("--what-if", what_if, help)->type_name("CHANGE");
}

void add_answers_only_option(CLI::App& command, ReportRequest& request) {
  command.add_flag("--answers-only", request.scoring.answers_only,
                   "Set recorded tiers aside and rate every criterion from its answers alone (what the rules say)");
}

void add_as_of_option(CLI::App& command, ReportRequest& request) {
  command.add_option("--as-of", request.as_of,
                     "Rate by the policies in force on DATE (YYYY-MM-DD): each criterion's state since then")
      ->type_name("DATE")
      ->check(CLI::Validator([](std::string& value) { return value.empty() ? std::string("needs a date (YYYY-MM-DD)") : std::string(); },
                             "", "DATE"));
}

void add_max_age_option(CLI::App& command, ReportRequest& request) {
  command.add_option("--max-age", request.max_age,
                     "Fail files whose \"reviewed\" date is older than AGE (such as 2y, 18m, 90d) or missing")
      ->type_name("AGE");
}

void add_order_options(CLI::App& command, ReportRequest& request) {
  command.add_option("--sort", request.sort, "Sort by overall (default), name, population or a criterion id")
      ->type_name("KEY");
  command.add_flag("--reverse", request.reverse, "Reverse the sort order");
  command.add_option("--filter", request.filters,
                     "Keep jurisdictions matching KEY OP VALUE, e.g. state=CA, kind=county, tier<=2, custody=1 "
                     "(repeatable; all must match)")
      ->type_name("EXPR");
}

void refuse_to_overwrite_input(const std::string& output, const std::vector<std::string>& files,
                               const std::string& command) {
  if (output.empty()) return;
  for (const auto& file : files) {
    if (file == output || same_path(file, output)) {
      throw UsageError(fmt::format("refusing to write to \"{}\": it is one of the input files", output), command);
    }
  }
}

// A site is written into a folder (made if missing) that is not a file and holds no input.
void refuse_site_folder(const std::string& folder, const std::vector<std::string>& inputs, const std::string& command) {
  std::error_code ec;
  if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) {
    throw UsageError(fmt::format("refusing to write the site to \"{}\": it is a file, not a folder", folder), command);
  }
  const fs::path out = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  auto within = [](const fs::path& inner, const fs::path& outer) {
    const auto [stop, rest] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
    return stop == outer.end();
  };
  for (const auto& input : inputs) {
    const fs::path in = fs::weakly_canonical(fs::absolute(input, ec), ec);
    // The site's folder is an input folder or inside one; or an input (a file, a folder) is
    // inside the site's folder, where its pages would land beside the data.
    if (fs::is_directory(in, ec) && within(out, in)) {
      throw UsageError(fmt::format("refusing to write the site to \"{}\": it is inside the input folder \"{}\"", folder, input),
                       command);
    }
    if (within(in, out)) {
      throw UsageError(fmt::format("refusing to write the site to \"{}\": the input \"{}\" is inside it; give the site a "
                                   "folder of its own",
                                   folder, input),
                       command);
    }
  }
}

// Each file of the site, atomically: a failed run leaves the files it had not reached as they were.
void write_site(const Report& report, const OutputSettings& settings, const std::string& folder) {
  const fs::path root(folder);
  std::error_code ec;
  fs::create_directories(root / std::string(k_site_places), ec);
  if (ec) throw std::runtime_error(fmt::format("cannot make the folder \"{}\": {}", (root / std::string(k_site_places)).string(), ec.message()));
  render_site(report.rubric(), report.scores(), settings.html, export_info(report, settings), [&](const std::string& path, const auto& body) {
    AtomicFile file((root / path).string());
    body(file.stream());
    file.commit();
  });
}

int write_output(const std::string& path, const std::string& content) {
  try {
    write_file_atomically(path.empty() ? "-" : path, content);
  } catch (const std::runtime_error& e) {
    std::cerr << "scorecard: error: " << e.what() << '\n';
    return k_exit_invalid;
  }
  return k_exit_ok;
}

CLI::App* setup_report_command(CLI::App& app, ReportCommand& command, const std::string& name,
                               const std::string& description) {
  CLI::App* sub = app.add_subcommand(name, description);
  const bool files = command.kind == ReportKind::cards;
  sub->add_option(files ? "FILE" : "PATH", command.request.paths,
                  files ? "Jurisdiction files or directories"
                        : "Jurisdiction files or directories (searched recursively)")
      ->required();
  add_format_option(*sub, command.format, command.kind);
  add_what_if_option(*sub, command.request.what_if,
                     "Re-score as if CRITERION=TIER or QUESTION=ANSWER (repeatable) and show what changes");
  add_output_option(*sub, command.output);
  add_answers_only_option(*sub, command.request);
  add_as_of_option(*sub, command.request);
  if (command.kind != ReportKind::cards) add_order_options(*sub, command.request);
  return sub;
}

int run_report_command(Context& context, ReportCommand& command, const std::string& name) {
  const Format format = *parse_format(command.format);
  // Mistakes in the command line, before any file is read.
  const bool to_file = !command.output.empty() && command.output != "-";
  if (format == Format::site && !to_file) {
    throw UsageError("--format site writes a folder of files: give it with -o DIR", name);
  }
  if (command.kind == ReportKind::export_ && command.html.lang != "en" && format != Format::html && format != Format::site) {
    throw UsageError(fmt::format("--lang is for the web page (--format html or site); {} is the same in every language",
                                 command.format),
                     name);
  }
  if (command.kind == ReportKind::export_ && !page_language_offered(command.html.lang)) {
    throw UsageError(fmt::format("--lang {}: the page is offered in {}", command.html.lang, page_languages_text()), name);
  }
  if (format == Format::site) refuse_site_folder(command.output, command.request.paths, name);
  if (!context.rubric()) return k_exit_invalid;
  if (command.kind == ReportKind::cards) command.request.sort.clear();  // score keeps the order given
  const Report& report = context.report(command.request, name, false);
  refuse_to_overwrite_input(command.output, report.dataset.files, name);
  if (!report.valid()) {
    if (!context.options().quiet) {
      std::cerr << "scorecard: " << Context::summary(report.dataset, false) << "; nothing "
                << (name == "score" ? "scored" : name == "export" ? "exported" : "compared") << '\n';
    }
    return k_exit_invalid;
  }
  // An empty result is said, whatever the format (the output itself may be CSV or JSON).
  if (report.scores().empty() && !command.request.filters.empty() && !context.options().quiet) {
    std::cerr << fmt::format("scorecard: warning: no jurisdiction matches {} (of {} scored)\n",
                             join(filter_flags(command.request.filters), " "), report.scored_before_filters);
  }
  OutputSettings settings;
  settings.render = context.render_options();
  if (to_file) {  // a file has no width, and colours only when asked for
    settings.render.color = context.options().color == "always";
    settings.render.width = 0;
  }
  settings.html = command.html;
  if (command.timestamp) settings.generated_at = now_utc();
  settings.threads = context.options().jobs;
  settings.today = today();
  // The page shows each jurisdiction's history and the tiers year by year.
  std::optional<History> history;
  if (command.kind == ReportKind::export_ && (format == Format::html || format == Format::site)) {
    history = build_history(command.request.paths, report.rubric(), context.options().jobs, settings.today);
    settings.history = &*history;
  }
  try {
    if (format == Format::site) {
      write_site(report, settings, command.output);
    } else {
      std::optional<AtomicFile> file;
      if (to_file) file.emplace(command.output);
      render_scores(report, command.kind, format, settings, file ? file->stream() : std::cout);
      if (file) file->commit();
    }
  } catch (const std::runtime_error& e) {
    std::cerr << "scorecard: error: " << e.what() << '\n';
    return k_exit_invalid;
  }
  const std::size_t warnings = count(report.dataset.diagnostics, Severity::warning);
  if (warnings > 0 && !context.options().quiet) {
    std::cerr << fmt::format("scorecard: {} warning{}; run 'scorecard validate' to see {}\n", warnings,
                             warnings == 1 ? "" : "s", warnings == 1 ? "it" : "them");
  }
  return k_exit_ok;
}

}  // namespace scorecard::cli
