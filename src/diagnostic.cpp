#include <scorecard/diagnostic.hpp>

#include <algorithm>

#include <fmt/format.h>

namespace scorecard {

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string position = d.where.file;
  if (d.where.line > 0) {
    position += fmt::format(":{}", d.where.line);
    if (d.where.column > 0) position += fmt::format(":{}", d.where.column);
  }
  if (position.empty()) return fmt::format("{}: {}", to_string(d.severity), d.message);
  return fmt::format("{}: {}: {}", position, to_string(d.severity), d.message);
}

SourceLocation location_of(std::string_view text, std::size_t offset, const std::string& file) {
  SourceLocation at{file, 1, 1};
  // A byte-order mark is no column; CRLF, LF and a CR alone each end a line.
  const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? std::min<std::size_t>(3, offset) : 0;
  for (std::size_t i = start; i < offset && i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] == '\n' || text[i] == '\r') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) {
      ++at.column;
    }
  }
  return at;
}

bool has_errors(const Diagnostics& diagnostics) {
  return count(diagnostics, Severity::error) > 0;
}

std::size_t count(const Diagnostics& diagnostics, Severity severity) {
  return static_cast<std::size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void sort_by_position(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.column < b.where.column;
  });
}

namespace {
constexpr std::string_view k_stopped = "stopped collecting problems in this file";
}

Diagnostic stopped_collecting(const std::string& file) {
  return {Severity::error, {file, 0, 0}, std::string(k_stopped)};
}

void limit_per_file(Diagnostics& diagnostics, const std::string& file) {
  const std::size_t before = diagnostics.size();
  std::erase_if(diagnostics, [](const Diagnostic& d) { return d.message == k_stopped && d.where.line == 0; });
  const bool stopped = diagnostics.size() != before;
  if (diagnostics.size() <= k_max_diagnostics_per_file && !stopped) return;
  const std::size_t more = diagnostics.size() - std::min(diagnostics.size(), k_max_diagnostics_per_file);
  diagnostics.resize(std::min(diagnostics.size(), k_max_diagnostics_per_file));
  diagnostics.push_back({Severity::error, {file, 0, 0},
                         fmt::format("{}{} more problems in this file are not shown; fix these first",
                                     stopped ? "more than " : "", more)});
}

void promote_warnings(Diagnostics& diagnostics) {
  for (auto& d : diagnostics) d.severity = Severity::error;
}

LoadError::LoadError(Diagnostic diagnostic)
    : std::runtime_error(format_diagnostic(diagnostic)), m_diagnostic(std::move(diagnostic)) {}

}  // namespace scorecard
