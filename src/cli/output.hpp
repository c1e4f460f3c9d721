#pragma once
// What score, compare and export share: output formats, -o, sorting, filtering, and
// writing files atomically.

#include <fstream>
#include <string>
#include <vector>

#include "app.hpp"

namespace scorecard::cli {

struct OutputOptions {
  std::string format = "table";
  std::string output;  // -o FILE; empty = stdout
  std::string sort = "overall";
  bool reverse = false;
  std::vector<std::string> filters;
  bool timestamp = false;
  bool keep_order = false;  // score: jurisdictions in the order given
  std::vector<std::string> what_if;  // hypothetical changes, applied before scoring
  std::string title;        // html
  std::string intro;        // html
};

// Adds --format (one of formats), -o, --what-if, and unless keep_order --sort, --reverse, --filter.
void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats);

// Parses --what-if texts (usage errors name the command) and re-scores every jurisdiction
// with them; before keeps the original scores.
std::vector<JurisdictionScore> apply_what_if_options(const Rubric& rubric, const std::vector<std::string>& texts,
                                                     const std::vector<JurisdictionScore>& before,
                                                     const std::string& command);

// Loads paths, then sorts, filters, renders and writes the result. score_cards: the
// table and markdown formats print cards (score) rather than a table.
int produce(Context& context, const std::vector<std::string>& paths, const OutputOptions& options,
            const std::string& command, bool score_cards);

// Throws UsageError when output names one of files (an export never overwrites its input).
void refuse_to_overwrite_input(const std::string& output, const std::vector<std::string>& files,
                               const std::string& command);

// A file written through a temporary file in the same directory and renamed over path on
// commit(), so that a failed or interrupted run leaves any previous file as it was. The
// temporary file is removed if commit() is never reached, and by SIGINT or SIGTERM.
// Errors throw std::runtime_error with a readable message.
class AtomicFile {
 public:
  explicit AtomicFile(const std::string& path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  std::ostream& stream() { return m_stream; }
  void commit();

 private:
  [[noreturn]] void fail(int error);

  std::string m_path;
  std::string m_temp;
  std::ofstream m_stream;
  bool m_done = false;
};

// The same for a whole string at once; "-" writes to standard output.
void write_file_atomically(const std::string& path, const std::string& content);

// A command's result: to standard output when path is empty or "-", else atomically to
// path. Returns the exit code (3, after saying why, when the file cannot be written).
int write_output(const std::string& path, const std::string& content);

}  // namespace scorecard::cli
