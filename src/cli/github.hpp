#pragma once
// GitHub Actions: workflow-command annotations and the job's step summary. Used by the
// commands that gate (check, validate) when GITHUB_ACTIONS is "true".

#include <ostream>
#include <string>
#include <string_view>

#include <scorecard/diagnostic.hpp>

namespace scorecard::cli {

// GITHUB_ACTIONS=true.
bool github_actions();

// "::error file=F,line=L,col=C::message", escaped as workflow commands require.
std::string github_annotation(Severity severity, const SourceLocation& where, std::string_view message);

// One annotation per diagnostic.
void annotate(std::ostream& out, const Diagnostics& diagnostics);

// The file GITHUB_STEP_SUMMARY names, or nullptr when it names none.
const char* step_summary_path();

// Appends markdown to the file GITHUB_STEP_SUMMARY names, when it names one. Throws
// std::runtime_error (with the path and the reason) when the file cannot be written.
void append_step_summary(const std::string& markdown);

}  // namespace scorecard::cli
