#include "yaml_util.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <cmath>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include <scorecard/text_util.hpp>

namespace scorecard::detail {

SourceLocation YamlContext::at(const YAML::Mark& mark) const {
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

// yaml-cpp messages are upper-case sentences; ours start lower-case.
std::string lower_first(std::string message) {
  if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z') message[0] = static_cast<char>(message[0] - 'A' + 'a');
  return message;
}

}  // namespace

bool check_encoding(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < text.size();) {
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
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

std::optional<YamlNode> parse_single_document(std::string_view text, const YamlContext& ctx, YamlDocument& document) {
  ctx.budget = text.size() + 1000;
  try {
    parse_yaml(text, document);
  } catch (const YAML::DeepRecursion& e) {
    ctx.error(ctx.at(e.mark), fmt::format("YAML nesting is deeper than {} levels", e.depth()));
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    // A tab in indentation is the usual cause of yaml-cpp's less helpful messages.
    if (auto tab = tab_indentation(text, e.mark.is_null() ? 1 << 30 : e.mark.line + 2, ctx.file)) {
      ctx.error(*tab, "tab character used for indentation; YAML indents with spaces only");
    } else {
      ctx.error(ctx.at(e.mark), fmt::format("invalid YAML: {}", lower_first(e.msg)));
    }
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    ctx.error(ctx.at(e.mark), fmt::format("invalid YAML: {}", lower_first(e.msg)));
    return std::nullopt;
  }
  if (document.stuck) {
    const YAML::Mark& at = document.starts.back();
    const std::size_t pos = static_cast<std::size_t>(std::max(at.pos, 0));
    const std::string what = pos < text.size() ? fmt::format("\"{}\"", text[pos]) : "the end of the file";
    ctx.error(ctx.at(at), fmt::format("invalid YAML: unexpected {} where a value should start", what));
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
    case YAML::NodeType::Scalar: return "a string";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: break;
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
    if (!check_quote(key, ctx)) break;
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

namespace {

// yaml-cpp lets a quoted string with no closing quote run to the end of the file; the
// source text says whether the quote was closed.
bool quote_closed(const YamlNode& node, const YamlContext& ctx) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= ctx.text.size()) return true;
  const std::size_t start = static_cast<std::size_t>(mark.pos);
  const char quote = ctx.text[start];
  if (quote != '"' && quote != '\'') return true;
  for (std::size_t i = start + 1; i < ctx.text.size(); ++i) {
    if (quote == '"' && ctx.text[i] == '\\') {
      ++i;
    } else if (ctx.text[i] == quote) {
      if (quote == '\'' && i + 1 < ctx.text.size() && ctx.text[i + 1] == '\'') {
        ++i;  // '' is an escaped quote
      } else {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool check_quote(const YamlNode& node, const YamlContext& ctx) {
  if (quote_closed(node, ctx)) return true;
  if (!ctx.fatal) ctx.fatal = Diagnostic{Severity::error, ctx.at(node), "this quoted string is never closed: add the closing quote"};
  return false;
}

std::optional<std::string> read_string(const MapEntry& entry, const YamlContext& ctx, bool allow_empty) {
  if (entry.value.IsScalar() && !check_quote(entry.value, ctx)) return std::nullopt;
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
