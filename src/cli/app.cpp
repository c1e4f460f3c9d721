#include "app.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/color.h>
#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>
#include <scorecard/timeline.hpp>
#include <scorecard/version.hpp>

#include "output.hpp"
#include "progress.hpp"
#include "terminal.hpp"

namespace scorecard::cli {

const Rubric* Context::rubric() {
  if (m_tried) return m_loaded ? &*m_loaded : nullptr;
  m_tried = true;
  if (m_options.rubric_path.empty()) {
    m_loaded = builtin_rubric();
    return &*m_loaded;
  }
  RubricLoad load = load_rubric_file(m_options.rubric_path);
  print(load.diagnostics);
  if (!load.rubric) {
    std::cerr << fmt::format("scorecard: error: cannot use the rubric \"{}\" ({} error{})\n", m_options.rubric_path,
                             count(load.diagnostics, Severity::error),
                             count(load.diagnostics, Severity::error) == 1 ? "" : "s");
    return nullptr;
  }
  m_loaded = std::move(load.rubric);
  return &*m_loaded;
}

void Context::print(const Diagnostics& diagnostics) const {
  const bool color = use_color(m_options.color, 2);
  for (const auto& d : diagnostics) {
    std::string line = format_diagnostic(d);
    if (color) {
      // Colour only the severity word, as compilers do.
      const std::string word = fmt::format("{}:", to_string(d.severity));
      const auto at = line.find(" " + word + " ");
      if (at != std::string::npos) {
        const auto style = fmt::fg(d.severity == Severity::error ? fmt::terminal_color::red
                                                                 : fmt::terminal_color::magenta) |
                           fmt::emphasis::bold;
        line = line.substr(0, at + 1) + fmt::format(style, "{}", word) + line.substr(at + 1 + word.size());
      }
    }
    std::cerr << line << '\n';
  }
}

RenderOptions Context::render_options() const {
  return {use_color(m_options.color, 1), terminal_width(), color_depth()};
}

std::string Context::summary(const Dataset& dataset, bool with_warnings) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::string text = plural(count(dataset.diagnostics, Severity::error), "error");
  if (with_warnings) text += ", " + plural(count(dataset.diagnostics, Severity::warning), "warning");
  if (!dataset.files.empty()) text += " in " + plural(dataset.files.size(), "file");
  return text;
}

Report& Context::report(ReportRequest request, const std::string& command, bool show_warnings) {
  request.rubric = rubric();
  request.threads = m_options.jobs;
  request.today = today();
  if (const auto problems = check_request(request); !problems.empty()) throw UsageError(problems.front(), command);
  // Reachable from a static pointer to the end, so leak checkers do not count it as a leak.
  static auto* const reports = new std::deque<Report>();
  request.progress = file_progress(m_options.quiet);
  Report& report = reports->emplace_back(build_report(std::move(request)));
  end_progress();
  Diagnostics shown;
  for (const auto& d : report.dataset.diagnostics) {
    if (d.severity == Severity::error || show_warnings) shown.push_back(d);
  }
  print(shown);
  // A what-if that changes nothing is said, whatever the format (the report itself may be JSON).
  if (!m_options.quiet) {
    for (const auto& idle : report.idle_what_ifs) std::cerr << "scorecard: warning: " << idle_what_if_text(idle) << '\n';
  }
  return report;
}

Dataset& Context::load(const std::vector<std::string>& paths, bool show_warnings, bool strict,
                       const std::string& as_of) {
  ReportRequest request;
  request.paths = paths;
  request.as_of = as_of;
  request.sort.clear();
  request.strict = strict;
  return report(std::move(request), "", show_warnings).dataset;
}

namespace {

const std::vector<std::string> k_commands = {"score",  "compare", "export", "validate",   "check",   "diff",   "explain",
                                            "history", "rubric",  "init",   "completion", "manpage", "help"};

// "scroe" -> a usage error naming the closest command, before CLI11 sees it.
std::optional<std::string> unknown_command(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--rubric" || arg == "--color" || arg == "-o" || arg == "--output" || arg == "--format" ||
        arg == "-j" || arg == "--jobs") {
      ++i;  // skip the option's value
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    if (std::find(k_commands.begin(), k_commands.end(), arg) != k_commands.end()) return std::nullopt;
    return fmt::format("unknown command \"{}\"{}", arg, did_you_mean(arg, k_commands));
  }
  return std::nullopt;
}

int usage_error(std::string message, const std::string& command) {
  // CLI11's messages start with a capital; ours do not.
  // Only an ordinary capitalised word: "NEW is required" keeps its option name.
  if (message.size() > 1 && message[0] >= 'A' && message[0] <= 'Z' && message[1] >= 'a' && message[1] <= 'z') {
    message[0] = static_cast<char>(message[0] - 'A' + 'a');
  }
  std::cerr << "scorecard: error: " << message << '\n'
            << "Run 'scorecard" << (command.empty() ? "" : " " + command) << " --help' for usage.\n";
  return k_exit_usage;
}

// " (did you mean \"--sort\"?)" for an option the command does not have, from the names of
// its options and the tool's.
std::string option_hint(const CLI::App& app, int argc, const char* const* argv) {
  std::vector<std::string> names;
  const CLI::App* current = &app;
  while (true) {
    for (const CLI::Option* option : current->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    }
    const auto subs = current->get_subcommands();
    if (subs.empty()) break;
    current = subs.front();
  }
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.size() < 3 || arg.substr(0, 2) != "--") continue;
    if (const auto eq = arg.find('='); eq != std::string_view::npos) arg = arg.substr(0, eq);
    if (std::find(names.begin(), names.end(), arg) != names.end()) continue;
    return did_you_mean(arg, names);
  }
  return {};
}

// The deepest subcommand that was parsed, as "compare" or "rubric check".
std::string parsed_command(const CLI::App& app) {
  std::string path;
  const CLI::App* current = &app;
  while (true) {
    const auto subs = current->get_subcommands();
    if (subs.empty()) break;
    current = subs.front();
    path += (path.empty() ? "" : " ") + current->get_name();
  }
  return path;
}

// A result that never reached standard output (a full disk, a closed descriptor) is an
// error, not a success: exit 3 with the reason.
int checked_stdout(int code) {
  errno = 0;
  std::cout.flush();
  if (!std::cout.fail() && std::fflush(stdout) == 0) return code;
  const int error = errno;
  std::cerr << "scorecard: error: cannot write to standard output" << (error != 0 ? ": " : "")
            << (error != 0 ? std::strerror(error) : "") << '\n';
  return k_exit_invalid;
}

// --help at the terminal's width (80 in a pipe, at most 100): descriptions wrapped under
// their column, and a command's help closing with the global options it also takes.
class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(std::size_t width) : m_width(width) {}

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return entry(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    return entry(sub->get_display_name(true), sub->get_description());
  }
  std::string make_description(const CLI::App* app) const override {
    std::string out;
    for (const auto& line : wrap(app->get_description(), m_width)) out += line + '\n';
    return out;
  }
  std::string make_footer(const CLI::App* app) const override {
    std::string out;
    if (const CLI::App* root = app->get_parent()) {
      while (root->get_parent()) root = root->get_parent();
      out += "Global options (before or after the command):\n";
      for (const CLI::Option* opt : root->get_options()) {
        if (opt->get_positional() || opt->get_name() == "--help" || opt->get_name() == "--version") continue;
        out += make_option(opt, false);
      }
      out += '\n';
    }
    std::istringstream footer(app->get_footer());
    for (std::string paragraph; std::getline(footer, paragraph);) {
      for (const auto& line : wrap(paragraph, m_width)) out += line + '\n';
    }
    return out;
  }

 private:
  // "  NAME   description" with the description wrapped at the column, or under it when
  // NAME reaches it.
  std::string entry(const std::string& name, const std::string& description) const {
    const std::size_t column = get_column_width();
    std::string out = "  " + name;
    if (description.empty()) return out + '\n';
    const std::vector<std::string> lines = wrap(description, m_width > column + 20 ? m_width - column : 20);
    if (out.size() >= column) {
      out += '\n' + std::string(column, ' ');
    } else {
      out += std::string(column - out.size(), ' ');
    }
    out += join(lines, "\n" + std::string(column, ' '));
    return out + '\n';
  }

  std::size_t m_width;
};

}  // namespace

int run(int argc, const char* const* argv) {
  CLI::App app{"Rate how far US cities and counties keep their jails and police out of federal immigration "
               "enforcement, from YAML files with citations.",
               "scorecard"};
  app.set_version_flag("--version", fmt::format("scorecard (policy-scorecard) {}", version()));
  const std::size_t width = terminal_width();
  app.formatter(std::make_shared<HelpFormatter>(width == 0 ? 80 : std::clamp<std::size_t>(width, 60, 100)));
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Run 'scorecard help COMMAND' (or 'scorecard COMMAND --help') for a command's options.\n"
             "Exit codes: 0 ok, 1 check failed, 2 usage error, 3 invalid input, 70 internal error. "
             "Docs: 'man scorecard', and docs/cli.md.");

  GlobalOptions options;
  app.add_option("--rubric", options.rubric_path, "Rubric file to use instead of the built-in CPD rubric")
      ->type_name("FILE");
  app.add_option("--color", options.color, "Colour output: auto (when a terminal), always or never; NO_COLOR is honoured")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  app.add_flag("-q,--quiet", options.quiet, "Print no notes or summaries, only results and errors");
  app.add_option("-j,--jobs", options.jobs, "Threads that read and score files (default: one per core)")
      ->type_name("N")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            unsigned n = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec == std::errc() && end == value.data() + value.size() && n >= 1 && n <= 1024) return {};
            return fmt::format("expected a number of threads from 1 to 1024, found \"{}\"", value);
          },
          "", "N"));

  std::vector<Command> commands = {setup_score(app),    setup_compare(app), setup_export(app),
                                  setup_validate(app), setup_check(app),   setup_diff(app),
                                  setup_explain(app),  setup_history(app), setup_init(app)};
  for (auto& c : setup_rubric(app)) commands.push_back(std::move(c));
  commands.push_back(setup_completion(app));
  commands.push_back(setup_manpage(app));

  if (auto message = unknown_command(argc, argv)) return usage_error(*message, "");
  // "scorecard" alone, and "scorecard help [COMMAND...]": the help of the tool or of the command.
  std::vector<const char*> args(argv, argv + argc);
  if (argc == 1) args.push_back("--help");
  if (argc >= 2 && std::string_view(argv[1]) == "help") {
    if (argc >= 3 && std::find(k_commands.begin(), k_commands.end(), argv[2]) == k_commands.end()) {
      return usage_error(fmt::format("unknown command \"{}\"{}", argv[2], did_you_mean(argv[2], k_commands)), "");
    }
    args.erase(args.begin() + 1);
    args.push_back("--help");
  }
  argc = static_cast<int>(args.size());
  argv = args.data();
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ExtrasError& e) {
    return usage_error(std::string(e.what()) + option_hint(app, argc, argv), parsed_command(app));
  } catch (const CLI::RequiredError& e) {
    // Global options but no command: say which there are.
    if (parsed_command(app).empty() && std::string_view(e.what()).find("subcommand") != std::string_view::npos) {
      return usage_error(fmt::format("a command is required: {}", join(k_commands, ", ")), "");
    }
    return usage_error(e.what(), parsed_command(app));
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what(), parsed_command(app));
  }

  Context context(options);
  try {
    for (auto& command : commands) {
      if (command.app->parsed()) return checked_stdout(command.run(context));
    }
  } catch (const UsageError& e) {
    return usage_error(e.what(), e.command());
  } catch (const LoadError& e) {
    std::cerr << "scorecard: error: " << e.what() << '\n';
    return k_exit_invalid;
  } catch (const std::bad_alloc&) {
    // From any thread: workers hand their exceptions to this one.
    std::cerr << "scorecard: error: out of memory (fewer files at once, or fewer threads with -j, need less)\n";
    return 71;  // EX_OSERR: the system's limit, not bad input
  } catch (const std::exception& e) {
    std::cerr << "scorecard: internal error: " << e.what() << '\n';
    return 70;  // EX_SOFTWARE: a bug, never bad input
  }
  return usage_error("no command given", "");
}

}  // namespace scorecard::cli
