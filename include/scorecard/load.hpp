#pragma once
// Reading jurisdiction files. Structural problems (YAML syntax, types, unknown keys,
// duplicate keys, bad dates) are found here; rubric-dependent ones in validate.hpp.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <scorecard/diagnostic.hpp>
#include <scorecard/model.hpp>

namespace scorecard {

// Files larger than this are refused before parsing.
inline constexpr std::size_t k_max_file_bytes = 16u * 1024u * 1024u;

struct JurisdictionLoad {
  // Set whenever the file parsed to a mapping, even with errors, so that the validator
  // can report every other problem in the same run.
  std::optional<Jurisdiction> jurisdiction;
  Diagnostics diagnostics;
};

// display_name is used in diagnostics; its stem is the default id.
JurisdictionLoad load_jurisdiction_from_string(std::string_view text,
                                               const std::string& display_name);
JurisdictionLoad load_jurisdiction_file(const std::string& path);

// Reads a whole file with the size limit above; on failure returns nullopt and adds an error.
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diagnostics);

// The *_file loaders: from_string(text, path) on the file's text, or a Result that holds
// only the reason the file could not be read.
template <class Result, class FromString>
Result load_from_file(const std::string& path, FromString&& from_string) {
  Result result;
  auto text = read_text_file(path, result.diagnostics);
  if (!text) return result;
  return from_string(*text, path);
}

}  // namespace scorecard
