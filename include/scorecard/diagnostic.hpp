#pragma once
// Diagnostics: every problem the library finds in user data, with its position.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard {

// A position in an input file. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

std::string_view to_string(Severity severity);

// "FILE:LINE:COL: error: MESSAGE" (the position is shortened when unknown).
std::string format_diagnostic(const Diagnostic& diagnostic);

// The 1-based line and column (in characters, as editors count) of a byte offset in text;
// CRLF, LF and a lone CR each end a line, and a leading byte-order mark takes no column.
SourceLocation location_of(std::string_view text, std::size_t offset, const std::string& file);

bool has_errors(const Diagnostics& diagnostics);
std::size_t count(const Diagnostics& diagnostics, Severity severity);

// Orders diagnostics of one file by line, then column (stable for equal positions).
void sort_by_position(Diagnostics& diagnostics);

// More than this many diagnostics for one file are cut to this many plus a closing note.
inline constexpr std::size_t k_max_diagnostics_per_file = 1000;
void limit_per_file(Diagnostics& diagnostics, const std::string& file);

// A loader collects at most this many diagnostics for one file (a hostile file can hold
// millions of problems), then adds stopped_collecting(file); limit_per_file's closing note
// then says "more than".
inline constexpr std::size_t k_max_collected_diagnostics = 10 * k_max_diagnostics_per_file;
Diagnostic stopped_collecting(const std::string& file);

// Turns every warning into an error (validate --strict).
void promote_warnings(Diagnostics& diagnostics);

// Thrown only where no result can be produced at all (e.g. the built-in rubric is broken).
class LoadError : public std::runtime_error {
 public:
  explicit LoadError(Diagnostic diagnostic);
  const Diagnostic& diagnostic() const noexcept { return m_diagnostic; }

 private:
  Diagnostic m_diagnostic;
};

}  // namespace scorecard
