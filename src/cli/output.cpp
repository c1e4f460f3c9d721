#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include <scorecard/explain.hpp>
#include <scorecard/filter.hpp>
#include <scorecard/text_util.hpp>

namespace scorecard::cli {
namespace fs = std::filesystem;

namespace {

// The temporary file being written, removed by the signal handler if the run is stopped.
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_active = 0;

extern "C" void remove_temp_and_reraise(int signal_number) {
  if (g_temp_active) unlink(g_temp_path);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

std::string errno_text(int error) { return std::strerror(error); }

// ISO 8601 UTC; SOURCE_DATE_EPOCH (reproducible builds) wins over the clock.
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

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

}  // namespace

void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats) {
  command.add_option("--format", options.format, "Output format: " + join(formats, ", "))
      ->check(CLI::IsMember(formats))
      ->default_str(options.format);
  command.add_option("--what-if", options.what_if,
                     "Re-score as if CRITERION=TIER or QUESTION=ANSWER (repeatable) and show what changes")
      ->type_name("CHANGE");
  command.add_option("-o,--output", options.output, "Write to FILE (atomically) instead of standard output; - is standard output")
      ->type_name("FILE");
  if (options.keep_order) return;
  command.add_option("--sort", options.sort, "Sort by overall (default), name, population or a criterion id")
      ->type_name("KEY");
  command.add_flag("--reverse", options.reverse, "Reverse the sort order");
  command.add_option("--filter", options.filters,
                     "Keep jurisdictions matching KEY OP VALUE, e.g. state=CA, kind=county, tier<=2, custody=1 "
                     "(repeatable; all must match)")
      ->type_name("EXPR");
}

std::vector<JurisdictionScore> apply_what_if_options(const Rubric& rubric, const std::vector<std::string>& texts,
                                                     const std::vector<JurisdictionScore>& before,
                                                     const std::string& command) {
  std::vector<WhatIf> what_ifs;
  for (const auto& text : texts) {
    WhatIfParse parsed = parse_what_if(text, rubric);
    if (!parsed.what_if) throw UsageError(parsed.error, command);
    what_ifs.push_back(std::move(*parsed.what_if));
  }
  std::vector<JurisdictionScore> after;
  after.reserve(before.size());
  for (const auto& s : before) after.push_back(score_jurisdiction(rubric, apply_what_ifs(s.jurisdiction, what_ifs)));
  return after;
}

void refuse_to_overwrite_input(const std::string& output, const std::vector<std::string>& files,
                               const std::string& command) {
  if (output.empty()) return;
  for (const auto& file : files) {
    if (file == output || same_file(file, output)) {
      throw UsageError(fmt::format("refusing to write to \"{}\": it is one of the input files", output), command);
    }
  }
}

AtomicFile::AtomicFile(const std::string& path) : m_path(path) {
  // Renaming over a device, a pipe or a directory would replace it: refuse.
  std::error_code ec;
  const auto existing = fs::status(path, ec);
  if (!ec && fs::exists(existing) && !fs::is_regular_file(existing)) {
    throw std::runtime_error(fmt::format("cannot write \"{}\": it exists and is not a regular file", path));
  }
  // A file-size limit (ulimit -f) must end in an error message, not in SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  m_temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  if (m_temp.size() >= sizeof g_temp_path) throw std::runtime_error(fmt::format("cannot write \"{}\": path too long", path));
  std::memcpy(g_temp_path, m_temp.c_str(), m_temp.size() + 1);
  const int fd = mkstemp(g_temp_path);
  if (fd < 0) throw std::runtime_error(fmt::format("cannot write \"{}\": {}", path, errno_text(errno)));
  m_temp = g_temp_path;
  g_temp_active = 1;
  std::signal(SIGINT, remove_temp_and_reraise);
  std::signal(SIGTERM, remove_temp_and_reraise);
  const mode_t mask = umask(0);
  umask(mask);
  const bool chmod_ok = fchmod(fd, 0666 & ~mask) == 0;
  const int chmod_error = errno;
  close(fd);
  if (!chmod_ok) fail(chmod_error);
  m_stream.open(m_temp, std::ios::binary | std::ios::trunc);
  if (!m_stream) fail(errno);
}

AtomicFile::~AtomicFile() {
  if (m_done) return;
  m_stream.close();
  unlink(m_temp.c_str());
  g_temp_active = 0;
}

void AtomicFile::fail(int error) {
  m_stream.close();
  unlink(m_temp.c_str());
  g_temp_active = 0;
  m_done = true;
  throw std::runtime_error(fmt::format("cannot write \"{}\": {}", m_path, errno_text(error)));
}

void AtomicFile::commit() {
  m_stream.flush();
  if (!m_stream) fail(errno != 0 ? errno : EIO);
  m_stream.close();
  if (m_stream.fail()) fail(errno != 0 ? errno : EIO);
  // Flush to disk before the rename, so that a crash leaves the old file or the new one.
  const int fd = ::open(m_temp.c_str(), O_RDONLY);
  if (fd < 0 || fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) close(fd);
    fail(error);
  }
  close(fd);
  if (std::rename(m_temp.c_str(), m_path.c_str()) != 0) fail(errno);
  m_done = true;
  g_temp_active = 0;
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

void write_file_atomically(const std::string& path, const std::string& content) {
  if (path == "-") {
    std::cout << content << std::flush;
    return;
  }
  AtomicFile file(path);
  file.stream() << content;
  file.commit();
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

int produce(Context& context, const std::vector<std::string>& paths, const OutputOptions& options,
            const std::string& command, bool score_cards) {
  const Rubric* rubric = context.rubric();
  if (!rubric) return k_exit_invalid;
  std::vector<std::string> keys = {"overall", "name", "population"};
  for (const auto& id : rubric->criterion_ids()) keys.push_back(id);
  if (std::find(keys.begin(), keys.end(), options.sort) == keys.end()) {
    throw UsageError(fmt::format("unknown sort key \"{}\"{}; use overall, name, population or one of: {}", options.sort,
                                 did_you_mean(options.sort, keys), join(rubric->criterion_ids(), ", ")),
                     command);
  }
  std::vector<Filter> filters;
  for (const auto& text : options.filters) {
    FilterParse parsed = parse_filter(text, *rubric);
    if (!parsed.filter) throw UsageError(parsed.error, command);
    filters.push_back(std::move(*parsed.filter));
  }
  for (const auto& text : options.what_if) {
    if (auto parsed = parse_what_if(text, *rubric); !parsed.what_if) throw UsageError(parsed.error, command);
  }
  Dataset& dataset = context.load(paths, false);
  refuse_to_overwrite_input(options.output, dataset.files, command);
  if (has_errors(dataset.diagnostics)) {
    if (!context.options().quiet) {
      std::cerr << "scorecard: " << Context::summary(dataset, false) << "; nothing "
                << (command == "score" ? "scored" : command == "export" ? "exported" : "compared") << '\n';
    }
    return k_exit_invalid;
  }
  std::vector<JurisdictionScore> before;
  if (!options.what_if.empty()) {
    before = dataset.scores;
    dataset.scores = apply_what_if_options(*rubric, options.what_if, before, command);
  }
  if (!options.keep_order) sort_scores(dataset.scores, *rubric, options.sort, options.reverse);
  apply_filters(dataset.scores, filters, *rubric);

  RenderOptions render = context.render_options();
  const bool to_file = !options.output.empty() && options.output != "-";
  if (to_file) render = {context.options().color == "always", 0};
  std::optional<AtomicFile> file;
  try {
    if (to_file) file.emplace(options.output);
    std::ostream& text = file ? file->stream() : std::cout;
    switch (*parse_format(options.format)) {
      case Format::table:
        if (score_cards) {
          render_score_cards(*rubric, dataset.scores, render, text);
        } else {
          render_compare_table(*rubric, dataset.scores, render, text);
        }
        if (!options.what_if.empty()) render_what_if_changes(*rubric, before, dataset.scores, text);
        break;
      case Format::json: {
        ExportInfo info{options.keep_order ? "given" : options.sort, options.reverse, options.filters,
                        options.what_if, options.timestamp ? now_utc() : "", context.options().jobs};
        render_json(*rubric, dataset.scores, info, text);
        break;
      }
      case Format::csv: render_csv(*rubric, dataset.scores, text); break;
      case Format::html: {
        ExportInfo info{options.sort, options.reverse, options.filters, options.what_if,
                        options.timestamp ? now_utc() : "", context.options().jobs};
        render_html(*rubric, dataset.scores, {options.title, options.intro}, info, text);
        break;
      }
      case Format::markdown:
        if (score_cards) {
          render_markdown_cards(*rubric, dataset.scores, text);
        } else {
          render_markdown_table(*rubric, dataset.scores, text);
        }
        break;
    }
    if (file) file->commit();
  } catch (const std::runtime_error& e) {
    std::cerr << "scorecard: error: " << e.what() << '\n';
    return k_exit_invalid;
  }
  const std::size_t warnings = count(dataset.diagnostics, Severity::warning);
  if (warnings > 0 && !context.options().quiet) {
    std::cerr << fmt::format("scorecard: {} warning{}; run 'scorecard validate' to see {}\n", warnings,
                             warnings == 1 ? "" : "s", warnings == 1 ? "it" : "them");
  }
  return k_exit_ok;
}

}  // namespace scorecard::cli
