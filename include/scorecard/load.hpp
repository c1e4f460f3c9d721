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

// Files larger than these are refused before parsing, sized for what each input is. A YAML
// file is one jurisdiction or a rubric (the bundled ones are under 10 KB; yaml-cpp needs
// about 270 bytes of memory a token). A JSON export holds a whole data set (5.4 KB a
// jurisdiction; 25,000 jurisdictions are 136 MB and take 0.36 GB to read), read as one
// document: 512 MiB holds about 95,000 jurisdictions, twice the number of US counties,
// municipalities and townships.
inline constexpr std::size_t k_max_file_bytes = std::size_t{16} * 1024 * 1024;
inline constexpr std::size_t k_max_json_bytes = std::size_t{512} * 1024 * 1024;

// What a file is read as, for its limit and the message that names it.
struct InputLimit {
  std::size_t bytes = k_max_file_bytes;
  const char* what = "one YAML file";
};
inline constexpr InputLimit k_yaml_limit{k_max_file_bytes, "one YAML file"};
inline constexpr InputLimit k_json_limit{k_max_json_bytes, "a JSON export"};

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

// Reads a whole file within limit; on failure returns nullopt and adds an error.
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diagnostics,
                                          InputLimit limit = k_yaml_limit);

// The *_file loaders: from_string(text, path) on the file's text, or a Result that holds
// only the reason the file could not be read.
template <class Result, class FromString>
Result load_from_file(const std::string& path, FromString&& from_string, InputLimit limit = k_yaml_limit) {
  Result result;
  auto text = read_text_file(path, result.diagnostics, limit);
  if (!text) return result;
  return from_string(*text, path);
}

}  // namespace scorecard
