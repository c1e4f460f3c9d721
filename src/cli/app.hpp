#pragma once
// The CLI's shared state: global options, and helpers every subcommand uses to load the
// rubric and the data and to report diagnostics.

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

// GCC 12 reports a false -Wnull-dereference inside CLI11's own headers (CLI::detail::split)
// when they are inlined; it is theirs, not ours, so it is silenced for them alone.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>
#pragma GCC diagnostic pop

#include <scorecard/dataset.hpp>
#include <scorecard/diagnostic.hpp>
#include <scorecard/render.hpp>
#include <scorecard/report.hpp>
#include <scorecard/rubric.hpp>

namespace scorecard::cli {

// Exit codes (docs/cli.md).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_failed = 1;  // reserved for `check`
inline constexpr int k_exit_usage = 2;
inline constexpr int k_exit_invalid = 3;

struct GlobalOptions {
  std::string rubric_path;
  std::string color = "auto";
  bool quiet = false;
  unsigned jobs = 0;  // -j: worker threads, 0 = one per core
};

// A usage error found after parsing (e.g. an unknown --sort key); exits 2.
class UsageError : public std::runtime_error {
 public:
  UsageError(const std::string& message, std::string command)
      : std::runtime_error(message), m_command(std::move(command)) {}
  const std::string& command() const { return m_command; }

 private:
  std::string m_command;
};

class Context {
 public:
  explicit Context(const GlobalOptions& options) : m_options(options) {}

  const GlobalOptions& options() const { return m_options; }

  // The rubric from --rubric, or the built-in one. nullptr after printing errors.
  const Rubric* rubric();

  // Runs the library's pipeline for request (with this rubric and -j): a problem with the
  // request itself is a UsageError of command, thrown before any file is read. Prints
  // errors (and warnings when show_warnings) to stderr. The report lives until the process
  // ends and is never freed: the operating system takes the memory back at once, where
  // freeing 25,000 files value by value takes a tenth of a run.
  Report& report(ReportRequest request, const std::string& command, bool show_warnings);

  // The same for paths alone, in the order given.
  Dataset& load(const std::vector<std::string>& paths, bool show_warnings, bool strict = false,
                const std::string& as_of = {});

  void print(const Diagnostics& diagnostics) const;
  RenderOptions render_options() const;  // for stdout

  // One line summary of a dataset's problems: "2 errors, 1 warning in 12 files", or
  // without warnings (for commands that do not print them) "2 errors in 12 files".
  static std::string summary(const Dataset& dataset, bool with_warnings = true);

 private:
  const GlobalOptions& m_options;
  std::optional<Rubric> m_loaded;
  bool m_tried = false;
};

struct Command {
  CLI::App* app = nullptr;
  std::function<int(Context&)> run;
};

// One per subcommand (cmd_*.cpp).
Command setup_score(CLI::App& app);
Command setup_compare(CLI::App& app);
Command setup_validate(CLI::App& app);
Command setup_export(CLI::App& app);
Command setup_check(CLI::App& app);
Command setup_diff(CLI::App& app);
Command setup_explain(CLI::App& app);
Command setup_history(CLI::App& app);
Command setup_init(CLI::App& app);
Command setup_completion(CLI::App& app);
Command setup_manpage(CLI::App& app);
std::vector<Command> setup_rubric(CLI::App& app);

// Parses argv and runs the chosen subcommand; returns the exit code.
int run(int argc, const char* const* argv);

}  // namespace scorecard::cli
