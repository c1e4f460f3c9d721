// GitHub Actions workflow commands and the step summary.

#include "github.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

namespace scorecard::cli {
namespace {

// GitHub's workflow-command escaping: data, and properties (which also escape : and ,).
std::string github_escape(std::string_view text, bool property) {
  return escape_each(text, [property](char c) -> const char* {
    switch (c) {
      case '%': return "%25";
      case '\r': return "%0D";
      case '\n': return "%0A";
      case ':': return property ? "%3A" : nullptr;
      case ',': return property ? "%2C" : nullptr;
      default: return nullptr;
    }
  });
}

}  // namespace

bool github_actions() {
  const char* value = std::getenv("GITHUB_ACTIONS");
  return value && std::string_view(value) == "true";
}

std::string github_annotation(Severity severity, const SourceLocation& where, std::string_view message) {
  std::string properties = "file=" + github_escape(where.file, true);
  if (where.line > 0) properties += fmt::format(",line={}", where.line);
  if (where.column > 0) properties += fmt::format(",col={}", where.column);
  return fmt::format("::{} {}::{}", severity == Severity::error ? "error" : "warning", properties,
                     github_escape(message, false));
}

void annotate(std::ostream& out, const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) out << github_annotation(d.severity, d.where, d.message) << '\n';
}

const char* step_summary_path() {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  return path && *path ? path : nullptr;
}

void append_step_summary(const std::string& markdown) {
  const char* path = step_summary_path();
  if (!path) return;
  // C stdio, for errno: a summary that cannot be written is an error, not a lost report.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path, "a"), &std::fclose);
  auto fail = [path](int error) {
    throw std::runtime_error(
        fmt::format("cannot write the step summary \"{}\" (GITHUB_STEP_SUMMARY): {}", path, std::strerror(error)));
  };
  if (!file) fail(errno);
  if (std::fwrite(markdown.data(), 1, markdown.size(), file.get()) != markdown.size()) fail(errno ? errno : EIO);
  if (std::fflush(file.get()) != 0) fail(errno ? errno : EIO);
  if (std::fclose(file.release()) != 0) fail(errno ? errno : EIO);
}

}  // namespace scorecard::cli
