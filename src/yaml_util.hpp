#pragma once
// Private helpers shared by the two loaders: with yaml_io, the only code that sees YAML.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yaml_io.hpp"

#include <scorecard/diagnostic.hpp>

namespace scorecard::detail {

struct YamlContext {
  // text: the normalised text that was parsed (normalize_source); it must outlive the context.
  YamlContext(std::string file_name, Diagnostics& out, std::string_view parsed)
      : file(std::move(file_name)), diagnostics(out), text(parsed),
        ascii(std::all_of(parsed.begin(), parsed.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {}

  std::string file;
  Diagnostics& diagnostics;
  std::string_view text;
  bool ascii;  // columns in bytes are columns in characters
  // How many more mapping entries and list items may be read. Set from the text's size, so
  // that aliases (*name) cannot make a small file expand into a huge model.
  mutable std::size_t budget = 0;
  mutable bool budget_reported = false;
  // Set when k_max_collected_diagnostics were collected and the rest are dropped.
  mutable bool stopped = false;

  // Takes one value from the budget; reports once, at node, when it is spent.
  bool spend(const YamlNode& node) const;

  SourceLocation at(const YamlNode& node) const;
  SourceLocation at(const YamlMark& mark) const;

 private:
  // The last position at() counted characters to, so that it need not start again.
  mutable std::size_t m_cache_line_start = static_cast<std::size_t>(-1);
  mutable std::size_t m_cache_offset = 0;
  mutable int m_cache_column = 1;

 public:
  void error(const SourceLocation& where, std::string message) const;
  void warning(const SourceLocation& where, std::string message) const;
  void error(const YamlNode& node, std::string message) const { error(at(node), std::move(message)); }
};

struct MapEntry {
  std::string_view key;  // in the document's text pool
  YamlNode key_node;
  YamlNode value;
};

// NUL bytes, invalid UTF-8 and characters YAML does not allow (control characters other
// than tab and line ends, U+FFFE, U+FFFF), found before parsing, with line and column.
bool check_encoding(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// The text the parser and every later check see: without a UTF-8 byte-order mark, with
// CRLF and CR line ends as LF (yaml-cpp 0.7 counts only LF as a line end), and ending in a
// line end, so that byte offsets index this text.
std::string normalize_source(std::string_view text);

// Parses text that must hold exactly one YAML document into document; reports syntax
// errors, empty input and extra documents. Returns the root when there is one (it lives as
// long as document).
std::optional<YamlNode> parse_single_document(std::string_view text, const YamlContext& ctx, YamlDocument& document);

// The loaders' common start: checks the encoding, normalises the text, parses its one
// document and requires a mapping at the root (expected: e.g. "a mapping at the top of the
// rubric"), then calls read(root, ctx). Returns false, with the problem reported, when
// read was not called.
template <class Read>
bool read_yaml_mapping(std::string_view text, const std::string& display_name, Diagnostics& diagnostics,
                       std::string_view expected, Read&& read);

// "a string", "a list", "a mapping" or "nothing": for "expected X, found Y" messages.
std::string_view kind_name(const YamlNode& node);

// The entries of a mapping in file order. Reports keys that are not plain strings and
// duplicate keys (keeping the first). what: e.g. "the file", "criterion \"custody\"".
std::vector<MapEntry> read_mapping(const YamlNode& map, const YamlContext& ctx);

// Reports every key not in known, with a "did you mean" where one is close.
void check_known_keys(const std::vector<MapEntry>& entries, const std::vector<std::string>& known,
                      const YamlContext& ctx, std::string_view where);

const MapEntry* find_entry(const std::vector<MapEntry>& entries, std::string_view key);

// Reports a missing required key at the parent mapping.
const MapEntry* require_entry(const std::vector<MapEntry>& entries, std::string_view key,
                              const YamlNode& parent, const YamlContext& ctx, std::string_view where);

// Typed readers: each reports a wrong type at the value and returns nullopt.
std::optional<std::string> read_string(const MapEntry& entry, const YamlContext& ctx, bool allow_empty = false);
std::optional<long long> read_integer(const MapEntry& entry, const YamlContext& ctx);
std::optional<double> read_number(const MapEntry& entry, const YamlContext& ctx);
std::optional<bool> read_bool(const MapEntry& entry, const YamlContext& ctx);
// A sequence of plain strings (block or flow).
std::optional<std::vector<std::pair<std::string, YamlNode>>> read_string_list(const MapEntry& entry,
                                                                                const YamlContext& ctx);

// YYYY-MM-DD (a real calendar date), YYYY-MM or YYYY.
bool is_valid_date(std::string_view text);

template <class Read>
bool read_yaml_mapping(std::string_view text, const std::string& display_name, Diagnostics& diagnostics,
                       std::string_view expected, Read&& read) {
  if (!check_encoding(text, display_name, diagnostics)) return false;
  const std::string source = normalize_source(text);
  const YamlContext ctx{display_name, diagnostics, source};
  YamlDocument document;
  auto root = parse_single_document(source, ctx, document);
  if (!root) return false;
  if (!root->IsMap()) {
    ctx.error(*root, std::string("expected ") + std::string(expected) + ", found " + std::string(kind_name(*root)));
    return false;
  }
  read(*root, ctx);
  if (ctx.stopped) diagnostics.push_back(stopped_collecting(display_name));
  return true;
}

}  // namespace scorecard::detail
