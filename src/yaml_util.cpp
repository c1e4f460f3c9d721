#include "yaml_util.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <cmath>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

namespace scorecard::detail {

SourceLocation YamlContext::at(const YamlMark& mark) const {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

SourceLocation YamlContext::at(const YamlNode& node) const { return at(node.Mark()); }

void YamlContext::error(const SourceLocation& where, std::string message) const {
  diagnostics.push_back({Severity::error, where, std::move(message)});
}

void YamlContext::warning(const SourceLocation& where, std::string message) const {
  diagnostics.push_back({Severity::warning, where, std::move(message)});
}

bool YamlContext::spend(const YamlNode& node) const {
  if (budget > 0) {
    --budget;
    return true;
  }
  if (!budget_reported) {
    budget_reported = true;
    error(node, "the file expands to far more values than it holds text for (aliases such as *name reused "
                "many times?); refusing to read further");
  }
  return false;
}

namespace {

// The first tab used as indentation, on a line up to max_line (1-based); nullopt if none.
std::optional<SourceLocation> tab_indentation(std::string_view text, int max_line, const std::string& file) {
  int line = 1;
  std::size_t start = 0;
  while (start <= text.size() && line <= max_line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    for (std::size_t i = start; i < end; ++i) {
      if (text[i] == '\t') {
        // Only when something other than a comment follows on the line.
        const std::size_t next = text.find_first_not_of(" \t", i);
        if (next < end && text[next] != '#' && text[next] != '\r') {
          return SourceLocation{file, line, static_cast<int>(i - start) + 1};
        }
        break;
      }
      if (text[i] != ' ') break;
    }
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

// The length of the line break libyaml sees at byte at (LF, CR, NEL, LS, PS), or 0.
std::size_t break_length(std::string_view text, std::size_t at) {
  if (text[at] == '\n' || text[at] == '\r') return 1;
  if (text.substr(at, 2) == "\xC2\x85") return 2;
  if (text.substr(at, 3) == "\xE2\x80\xA8" || text.substr(at, 3) == "\xE2\x80\xA9") return 3;
  return 0;
}

// The byte offset of a libyaml mark (line, and column in characters); the text's size when
// the mark is past its end or null.
std::size_t offset_of(std::string_view text, const YamlMark& mark) {
  if (mark.is_null()) return text.size();
  std::size_t i = 0;
  for (int line = 0; line < mark.line && i < text.size();) {
    if (const std::size_t n = break_length(text, i)) {
      i += n;
      ++line;
    } else {
      i += std::max<std::size_t>(1, utf8_sequence_length(text, i));
    }
  }
  for (int column = 0; column < mark.column && i < text.size() && !break_length(text, i); ++column) {
    i += std::max<std::size_t>(1, utf8_sequence_length(text, i));
  }
  return std::min(i, text.size());
}

// The character libyaml stopped at, for messages: "\",\"", "a tab", "the end of the line"
// or "the end of the file".
std::string found_at(std::string_view text, const YamlMark& mark) {
  const std::size_t i = offset_of(text, mark);
  if (i >= text.size()) return "the end of the file";
  if (break_length(text, i)) return "the end of the line";
  if (text[i] == '\t') return "a tab";
  return fmt::format("\"{}\"", text.substr(i, std::max<std::size_t>(1, utf8_sequence_length(text, i))));
}

// Whether only spaces come before the mark on its line.
bool starts_line(std::string_view text, const YamlMark& mark) {
  for (std::size_t i = offset_of(text, mark); i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n' || c == '\r') return true;
    if (c != ' ') return false;
  }
  return true;
}

// libyaml's problem, said with what was found instead, and its context: e.g. "expected ','
// or ']', found the end of the file (while parsing a flow sequence that starts at line 3,
// column 12)".
std::string syntax_message(const YamlError& error, std::string_view text) {
  const std::string_view problem = error.problem;
  std::string message = "invalid YAML: ";
  if (problem == "did not find expected node content") {
    std::string found = found_at(text, error.problem_mark);
    if (found.starts_with("the ")) found.erase(0, 4);  // "unexpected end of the file"
    message += fmt::format("unexpected {} where a value should start", found);
  } else if (problem == "did not find expected key" && error.context == "while parsing a block mapping") {
    if (!starts_line(text, error.problem_mark)) {
      // More after a complete value on the same line: `a: "x" y`, `a: [x] y`.
      return message + fmt::format("unexpected {} after a value; quote the whole value, or put the next key on a "
                                   "line of its own",
                                   found_at(text, error.problem_mark));
    }
    // A key indented differently from its neighbours; the context is said here.
    return message + fmt::format("expected a key in line with the mapping that starts at line {}, column {}, found {} "
                                 "(check the indentation)",
                                 error.context_mark.line + 1, error.context_mark.column + 1,
                                 found_at(text, error.problem_mark));
  } else if (problem.starts_with("did not find expected ")) {
    message += fmt::format("expected {}, found {}", problem.substr(22), found_at(text, error.problem_mark));
  } else if (problem == "found incompatible YAML document") {
    message += "unsupported %YAML version; write %YAML 1.2 or leave the directive out";
  } else if (problem == "mapping values are not allowed in this context") {
    message += "\":\" cannot start a mapping here (quote a value that holds \": \", or check the indentation)";
  } else if (problem == "found character that cannot start any token") {
    message += fmt::format("{} cannot start a value or key here", found_at(text, error.problem_mark));
  } else {
    message += problem;
  }
  const bool same_place = error.context_mark.line == error.problem_mark.line &&
                          error.context_mark.column == error.problem_mark.column;
  if (!error.context.empty() && !same_place) {
    message += fmt::format(" ({} that starts at line {}, column {})", error.context, error.context_mark.line + 1,
                           error.context_mark.column + 1);
  }
  return message;
}

void report(const YamlError& error, std::string_view text, const YamlContext& ctx) {
  switch (error.kind) {
    case YamlError::Kind::too_deep:
      ctx.error(ctx.at(error.problem_mark), fmt::format("YAML nesting is deeper than {} levels", k_max_yaml_depth));
      return;
    case YamlError::Kind::too_many:
      ctx.error(ctx.at(error.problem_mark),
                fmt::format("the file holds more than {} YAML values; a jurisdiction file holds a few hundred",
                            group_thousands(static_cast<long long>(k_max_yaml_nodes))));
      return;
    case YamlError::Kind::unclosed_quote:
      ctx.error(ctx.at(error.context_mark), "this quoted string is never closed: add the closing quote");
      return;
    case YamlError::Kind::alias:
      ctx.error(ctx.at(error.problem_mark), "invalid YAML: " + error.problem);
      return;
    case YamlError::Kind::syntax: break;
  }
  if (error.byte_offset) {
    ctx.error(location_of(text, std::min(*error.byte_offset, text.size()), ctx.file), "invalid YAML: " + error.problem);
    return;
  }
  // A tab in indentation is the usual cause of the less helpful messages.
  if (auto tab = tab_indentation(text, error.problem_mark.is_null() ? 1 << 30 : error.problem_mark.line + 2, ctx.file)) {
    ctx.error(*tab, "tab character used for indentation; YAML indents with spaces only");
    return;
  }
  // libyaml notices a missing ":" only where the key could no longer be one (the next line);
  // the key's own line is the one to fix.
  if (error.problem == "could not find expected ':'" && !error.context_mark.is_null()) {
    ctx.error(ctx.at(error.context_mark),
              "invalid YAML: this line has no \":\" after its key (write \"key: value\", or indent it to continue "
              "the line before)");
    return;
  }
  ctx.error(ctx.at(error.problem_mark), syntax_message(error, text));
}

}  // namespace

bool check_encoding(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < text.size();) {
    if (const auto c = static_cast<unsigned char>(text[i]); c != 0 && c < 0x80) {
      ++i;  // plain ASCII, the common case
      continue;
    }
    if (text[i] == '\0') {
      diagnostics.push_back({Severity::error, location_of(text, i, file),
                             fmt::format("NUL byte at offset {}; this looks like a binary file, not YAML text", i)});
      return false;
    }
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      diagnostics.push_back({Severity::error, location_of(text, i, file),
                             fmt::format("invalid UTF-8 (byte 0x{:02X} at offset {}); save the file as UTF-8",
                                         static_cast<unsigned char>(text[i]), i)});
      return false;
    }
    i += n;
  }
  return true;
}

std::string normalize_source(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  // Copied in runs up to each CRLF, whose CR is dropped; a lone CR stays.
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t cr = text.find("\r\n", from);
    if (cr == std::string_view::npos) {
      out.append(text.substr(from));
      break;
    }
    out.append(text.substr(from, cr - from));
    from = cr + 1;
  }
  return out;
}

std::optional<YamlNode> parse_single_document(std::string_view text, const YamlContext& ctx, YamlDocument& document) {
  ctx.budget = text.size() + 1000;
  parse_yaml(text, document);
  if (document.error) {
    report(*document.error, text, ctx);
    return std::nullopt;
  }
  const std::size_t count = document.starts.size();
  if (count == 0 || (count == 1 && document.first().IsNull())) {
    ctx.error({ctx.file, 1, 1}, "the file is empty; expected a mapping of keys to values");
    return std::nullopt;
  }
  if (count > 1) {
    ctx.error(ctx.at(document.starts[1]),
              count >= 100 ? std::string("the file holds 100 or more YAML documents; expected exactly one")
                           : fmt::format("the file holds {} YAML documents; expected exactly one", count));
    return std::nullopt;
  }
  return document.first();
}

std::string_view kind_name(const YamlNode& node) {
  switch (node.Type()) {
    case YamlType::Scalar: return "a string";
    case YamlType::Sequence: return "a list";
    case YamlType::Map: return "a mapping";
    case YamlType::Null: break;
  }
  return "nothing";
}

std::vector<MapEntry> read_mapping(const YamlNode& map, const YamlContext& ctx) {
  std::vector<MapEntry> entries;
  std::unordered_map<std::string, std::size_t> seen;  // key -> index in entries; keeps big maps linear
  for (const auto& [key, value] : map.entries()) {
    if (!ctx.spend(key)) break;
    if (!key.IsScalar()) {
      ctx.error(key, fmt::format("expected a plain string as a key, found {}", kind_name(key)));
      continue;
    }
    const std::string& name = key.Scalar();
    if (auto [at, inserted] = seen.emplace(name, entries.size()); !inserted) {
      const SourceLocation was = ctx.at(entries[at->second].key_node);
      ctx.error(key, fmt::format("duplicate key \"{}\" (first defined at line {})", name, was.line));
      continue;
    }
    entries.push_back({name, key, value});
  }
  return entries;
}

void check_known_keys(const std::vector<MapEntry>& entries, const std::vector<std::string>& known,
                      const YamlContext& ctx, std::string_view where) {
  for (const auto& entry : entries) {
    if (std::find(known.begin(), known.end(), entry.key) == known.end()) {
      ctx.error(entry.key_node, fmt::format("unknown key \"{}\" in {}{}", entry.key, where,
                                            did_you_mean(entry.key, known)));
    }
  }
}

const MapEntry* find_entry(const std::vector<MapEntry>& entries, std::string_view key) {
  for (const auto& entry : entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

const MapEntry* require_entry(const std::vector<MapEntry>& entries, std::string_view key,
                              const YamlNode& parent, const YamlContext& ctx, std::string_view where) {
  const MapEntry* entry = find_entry(entries, key);
  if (!entry) ctx.error(parent, fmt::format("missing required key \"{}\" in {}", key, where));
  return entry;
}

std::optional<std::string> read_string(const MapEntry& entry, const YamlContext& ctx, bool allow_empty) {
  if (!entry.value.IsScalar()) {
    const YamlNode& at = entry.value.IsNull() ? entry.key_node : entry.value;
    ctx.error(at, fmt::format("expected a string for \"{}\", found {}", entry.key, kind_name(entry.value)));
    return std::nullopt;
  }
  // Block scalars (">" and "|") end in a newline that no reader wants.
  std::string text = entry.value.Scalar();
  text.erase(text.find_last_not_of(" \t\r\n") + 1);
  if (!allow_empty && text.empty()) {
    ctx.error(entry.value, fmt::format("\"{}\" is empty", entry.key));
    return std::nullopt;
  }
  return text;
}

std::optional<long long> read_integer(const MapEntry& entry, const YamlContext& ctx) {
  auto text = read_string(entry, ctx);
  if (!text) return std::nullopt;
  long long value = 0;
  const char* first = text->data();
  const char* last = first + text->size();
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range) {
    ctx.error(entry.value, fmt::format("\"{}\" is out of range: \"{}\"", entry.key, *text));
    return std::nullopt;
  }
  if (ec != std::errc() || end != last) {
    ctx.error(entry.value, fmt::format("expected a whole number for \"{}\", found \"{}\"", entry.key, *text));
    return std::nullopt;
  }
  return value;
}

std::optional<double> read_number(const MapEntry& entry, const YamlContext& ctx) {
  auto text = read_string(entry, ctx);
  if (!text) return std::nullopt;
  double value = 0;
  const char* first = text->data();
  const char* last = first + text->size();
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end != last || !std::isfinite(value)) {
    ctx.error(entry.value, fmt::format("expected a number for \"{}\", found \"{}\"", entry.key, *text));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> read_bool(const MapEntry& entry, const YamlContext& ctx) {
  auto text = read_string(entry, ctx);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  ctx.error(entry.value, fmt::format("expected true or false for \"{}\", found \"{}\"", entry.key, *text));
  return std::nullopt;
}

std::optional<std::vector<std::pair<std::string, YamlNode>>> read_string_list(const MapEntry& entry,
                                                                                const YamlContext& ctx) {
  if (!entry.value.IsSequence()) {
    const YamlNode& at = entry.value.IsNull() ? entry.key_node : entry.value;
    ctx.error(at, fmt::format("expected a list for \"{}\", found {}", entry.key, kind_name(entry.value)));
    return std::nullopt;
  }
  std::vector<std::pair<std::string, YamlNode>> items;
  bool ok = true;
  for (const auto& item : entry.value.items()) {
    if (!ctx.spend(item)) return std::nullopt;
    if (!item.IsScalar()) {
      ctx.error(item, fmt::format("expected a string in \"{}\", found {}", entry.key, kind_name(item)));
      ok = false;
      continue;
    }
    items.emplace_back(item.Scalar(), item);
  }
  if (!ok) return std::nullopt;
  return items;
}

bool is_valid_date(std::string_view text) {
  auto digits = [&](std::size_t from, std::size_t count, int& out) {
    if (from + count > text.size()) return false;
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  int year = 0, month = 0, day = 0;
  if (!digits(0, 4, year) || year < 1000) return false;
  if (text.size() == 4) return true;
  if (text.size() < 7 || text[4] != '-' || !digits(5, 2, month) || month < 1 || month > 12) return false;
  if (text.size() == 7) return true;
  if (text.size() != 10 || text[7] != '-' || !digits(8, 2, day) || day < 1) return false;
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = k_days[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

}  // namespace scorecard::detail
