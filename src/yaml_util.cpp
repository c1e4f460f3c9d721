#include "yaml_util.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

namespace scorecard::detail {

SourceLocation YamlContext::at(const YamlMark& mark) const {
  if (mark.is_null()) return {file, 0, 0};
  // yaml-cpp counts columns in bytes; editors count characters. In ASCII text they are the
  // same; otherwise characters are counted from the last position asked on the same line
  // (positions are asked in file order), so that a file on one long line stays linear.
  if (ascii) return {file, mark.line + 1, mark.column + 1};
  const std::size_t offset = std::min<std::size_t>(mark.offset, text.size());
  const std::size_t line_start = offset - std::min<std::size_t>(static_cast<std::size_t>(mark.column), offset);
  std::size_t from = line_start;
  int column = 1;
  if (m_cache_line_start == line_start && m_cache_offset <= offset) {
    from = m_cache_offset;
    column = m_cache_column;
  }
  for (std::size_t i = from; i < offset; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) ++column;
  }
  m_cache_line_start = line_start;
  m_cache_offset = offset;
  m_cache_column = column;
  return {file, mark.line + 1, column};
}

SourceLocation YamlContext::at(const YamlNode& node) const { return at(node.Mark()); }

void YamlContext::error(const SourceLocation& where, std::string message) const {
  if (diagnostics.size() >= k_max_collected_diagnostics) {
    stopped = true;
    return;
  }
  diagnostics.push_back({Severity::error, where, std::move(message)});
}

void YamlContext::warning(const SourceLocation& where, std::string message) const {
  if (diagnostics.size() >= k_max_collected_diagnostics) {
    stopped = true;
    return;
  }
  diagnostics.push_back({Severity::warning, where, std::move(message)});
}

bool YamlContext::spend(const YamlNode& node) const {
  if (budget > 0) {
    --budget;
    return true;
  }
  if (!budget_reported) {
    budget_reported = true;
    // Kept past the cap on collected diagnostics, and first (at the file, the place in the
    // message): it says why reading stopped.
    const SourceLocation where = at(node);
    diagnostics.push_back({Severity::error, {file, 0, 0},
                           fmt::format("the file expands to far more values than it holds text for (aliases such as "
                                       "*name reused many times?); refusing to read further than line {}, column {}",
                                       where.line, where.column)});
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

// What is at byte at, for messages: "\",\"", "a tab", "the end of the line" or "the end
// of the file".
std::string found_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return "the end of the file";
  if (text[at] == '\n') return "the end of the line";
  if (text[at] == '\t') return "a tab";
  return fmt::format("\"{}\"", text.substr(at, std::max<std::size_t>(1, utf8_sequence_length(text, at))));
}

std::string found_at(std::string_view text, const YamlMark& mark) {
  return found_at(text, mark.is_null() ? text.size() : mark.offset);
}

// Whether only spaces come before byte at on its line.
bool starts_line(std::string_view text, std::size_t at) {
  for (std::size_t i = std::min(at, text.size()); i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n') return true;
    if (c != ' ') return false;
  }
  return true;
}

// The line (without its line end) that holds byte at, and where it starts.
std::pair<std::string_view, std::size_t> line_at(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  const std::size_t start = at == 0 ? 0 : text.rfind('\n', at - 1) + 1;  // npos + 1 == 0
  const std::size_t end = std::min(text.find('\n', at), text.size());
  return {text.substr(start, end - start), start};
}

// text as a YAML double-quoted string, for "write ..." advice.
std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// The unquoted value around byte at, as written: inside [ ] or { } it ends at "," "]" "}";
// elsewhere at the end of the line or a comment.
std::string_view value_around(std::string_view text, std::size_t at, bool flow) {
  const auto [line, line_start] = line_at(text, at);
  const std::size_t in_line = at - line_start;
  std::size_t begin = 0;
  for (std::size_t i = in_line; i > 0; --i) {
    const char c = line[i - 1];
    if ((flow && (c == ',' || c == '[' || c == '{')) || (c == ' ' && i >= 2 && line[i - 2] == ':') ||
        (!flow && c == '-' && i < line.size() && line[i] == ' ' &&
         line.substr(0, i - 1).find_first_not_of(" -") == std::string_view::npos)) {
      begin = i;
      break;
    }
  }
  std::size_t end = line.size();
  for (std::size_t i = in_line; i < line.size(); ++i) {
    if ((flow && (line[i] == ',' || line[i] == ']' || line[i] == '}' ||
                  (line[i] == ':' && i + 1 < line.size() && line[i + 1] == ' '))) ||
        (line[i] == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t'))) {
      end = i;
      break;
    }
  }
  std::string_view value = line.substr(begin, end - begin);
  const std::size_t first = value.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  value.remove_prefix(first);
  value.remove_suffix(value.size() - value.find_last_not_of(' ') - 1);
  return value;
}

// The "[" or "{" still open at byte at, reading from byte from (where none is open), and
// where it is; quoted strings and comments are skipped.
std::optional<std::pair<char, std::size_t>> open_bracket(std::string_view text, std::size_t from, std::size_t at) {
  std::vector<std::pair<char, std::size_t>> open;
  char previous = '[';  // the last character before i that is not a space
  for (std::size_t i = from; i < at && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '[' || c == '{') {
      open.emplace_back(c, i);
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      i = std::min(text.find('\n', i), text.size());
    } else if ((c == '"' || c == '\'') && std::string_view("[{,:").find(previous) != std::string_view::npos) {
      for (++i; i < at && text[i] != c; ++i) {
        if (c == '"' && text[i] == '\\') ++i;
      }
    }
    if (c != ' ' && c != '\n') previous = c;
  }
  if (open.empty()) return std::nullopt;
  return open.back();
}

// Where to start looking for open brackets: the outermost "[" or "{" yaml-cpp's events had
// opened, else the start of the line (its scanner can be ahead of the events).
std::size_t flow_start(const YamlError& error, std::string_view text, std::size_t at) {
  for (const auto& open : error.open) {
    if (open.flow) return std::min<std::size_t>(open.mark.offset, at);
  }
  return line_at(text, at).second;
}

bool in_flow(const YamlError& error, std::string_view text, std::size_t at) {
  return open_bracket(text, flow_start(error, text, at), at).has_value();
}

// Where the next line starts, if the key at byte at inside { } goes on past its line
// before its ":" (or the "," or "}" after it); 0 if it does not.
std::size_t key_over_lines(std::string_view text, std::size_t at) {
  std::size_t i = at;
  std::size_t newline = 0;
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
    const char quote = text[i];
    for (++i; i < text.size() && text[i] != quote; ++i) {
      if (quote == '"' && text[i] == '\\') ++i;
      if (i < text.size() && text[i] == '\n' && newline == 0) newline = i + 1;
    }
    ++i;
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ':' || c == ',' || c == '}' || c == ']') return newline;
    if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      i = std::min(text.find('\n', i), text.size()) - 1;
    } else if (c == '\n' && newline == 0) {
      newline = i + 1;
    }
  }
  return 0;
}

// The innermost open collection of the given kind (flow or block; type Null: any type).
const YamlOpen* innermost(const YamlError& error, bool flow, YamlType type = YamlType::Null) {
  const auto found = std::find_if(error.open.rbegin(), error.open.rend(), [&](const YamlOpen& open) {
    return open.flow == flow && (type == YamlType::Null || open.type == type);
  });
  return found == error.open.rend() ? nullptr : &*found;
}

// The first comment (" #" outside quotes) between from and to, or npos: inside [ ] or { }
// a comment hides the rest of its line, the closing bracket included.
std::size_t comment_between(std::string_view text, std::size_t from, std::size_t to) {
  char quote = 0;
  for (std::size_t i = from; i < std::min(to, text.size()); ++i) {
    const char c = text[i];
    if (quote) {
      if (quote == '"' && c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '\n') continue;
    if ((c == '"' || c == '\'') && i > from && std::string_view("[{,: \t").find(text[i - 1]) != std::string_view::npos) {
      quote = c;
    } else if (c == '#' && i > from && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string line_column(const SourceLocation& at) { return fmt::format("line {}, column {}", at.line, at.column); }

std::string line_column(const YamlContext& ctx, const YamlMark& mark) { return line_column(ctx.at(mark)); }

// The name of the alias (*name) or anchor (&name) at byte at.
std::string_view name_at(std::string_view text, std::size_t at) {
  if (at < text.size() && (text[at] == '*' || text[at] == '&')) ++at;
  std::size_t end = at;
  while (end < text.size() && std::string_view(" \t\n,[]{}").find(text[end]) == std::string_view::npos) ++end;
  return text.substr(at, end - at);
}

// Where the escape that yaml-cpp stopped in (it stops after what it read of it, at byte
// at) starts, at its backslash, and where the double-quoted string holding it opens.
std::pair<std::size_t, std::size_t> escape_at(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  std::size_t last_backslash = at;
  while (last_backslash > 0 && text[last_backslash - 1] != '\\') --last_backslash;
  last_backslash = last_backslash > 0 ? last_backslash - 1 : 0;
  // Every '"' inside the string is escaped, so the first unescaped one before is its start.
  std::size_t open = last_backslash;
  while (open > 0) {
    --open;
    if (text[open] != '"') continue;
    std::size_t slashes = 0;
    while (open > slashes && text[open - slashes - 1] == '\\') ++slashes;
    if (slashes % 2 == 0) break;
  }
  // Read the string's escapes in order: the bad one is the last to start before at.
  std::size_t escape = last_backslash;
  for (std::size_t i = open + 1; i < at;) {
    if (text[i] != '\\') {
      ++i;
      continue;
    }
    escape = i;
    const char kind = i + 1 < text.size() ? text[i + 1] : ' ';
    i += kind == 'x' ? 4 : kind == 'u' ? 6 : kind == 'U' ? 10 : 2;
  }
  return {escape, open};
}

// A line holding a key but no ":" is read by yaml-cpp as the start of a value that goes on
// over the next lines, and it stops at the ":" of the next key. The line to fix is the
// first of those: the nearest line before the error's with content and no ":".
std::optional<std::size_t> line_without_colon(std::string_view text, const YamlError& error) {
  const auto [line, line_start] = line_at(text, error.mark.offset);
  // Only where the ":" found is the first on its line, after a key at its start.
  if (line.substr(0, error.mark.offset - line_start).find(": ") != std::string_view::npos) return std::nullopt;
  std::optional<std::size_t> first;
  for (std::size_t end = line_start; end > 0;) {
    const auto [before, before_start] = line_at(text, end - 1);
    end = before_start;
    const std::size_t content = before.find_first_not_of(' ');
    if (content == std::string_view::npos || before[content] == '#') continue;
    const std::string_view rest = before.substr(content);
    if (before_start + content <= error.last.offset || rest.find(": ") != std::string_view::npos ||
        rest.ends_with(':') || rest.starts_with("- ")) {
      break;
    }
    first = before_start + content;
  }
  return first;
}

// yaml-cpp's problem, said with what was found and what to write instead.
std::string syntax_message(const YamlError& error, const YamlContext& ctx) {
  const std::string_view text = ctx.text;
  const std::size_t at = error.mark.is_null() ? text.size() : std::min<std::size_t>(error.mark.offset, text.size());
  const std::string found = found_at(text, at);
  const auto after_value = [&] {
    return fmt::format("unexpected {} after a value; quote the whole value, or put the next key on a line of its own",
                       found);
  };
  switch (error.problem_kind) {
    case YamlProblem::map_value:
      return "\":\" cannot start a mapping here (quote a value that holds \": \", or check the indentation)";
    case YamlProblem::end_of_map: {
      if (!starts_line(text, at)) return after_value();
      const YamlOpen* map = innermost(error, false, YamlType::Map);
      if (!map) return fmt::format("expected a key, found {} (check the indentation)", found);
      return fmt::format("expected a key in line with the mapping that starts at {}, found {} (check the indentation)",
                         line_column(ctx, map->mark), found);
    }
    case YamlProblem::end_of_seq: {
      if (!starts_line(text, at)) return after_value();
      const YamlOpen* list = innermost(error, false, YamlType::Sequence);
      if (!list) return fmt::format("expected \"- \" and a list item, found {} (check the indentation)", found);
      return fmt::format("expected \"- \" and an item in line with the list that starts at {}, found {} (check the "
                         "indentation)",
                         line_column(ctx, list->mark), found);
    }
    case YamlProblem::end_of_map_flow:
      if (key_over_lines(text, at)) {
        return fmt::format("a key inside {{ }} must be on one line with its \":\" (yaml-cpp 0.7 reads no other way), "
                           "found one that goes on to line {}; join the lines",
                           location_of(text, key_over_lines(text, at), ctx.file).line);
      }
      [[fallthrough]];
    case YamlProblem::end_of_seq_flow: {
      const bool map = error.problem_kind == YamlProblem::end_of_map_flow;
      const YamlOpen* open = innermost(error, true, map ? YamlType::Map : YamlType::Sequence);
      // After a ",", a value is what is missing.
      const std::size_t before = text.find_last_not_of(" \n", at == 0 ? 0 : at - 1);
      const bool after_comma = before != std::string_view::npos && before < at && text[before] == ',';
      std::string message = fmt::format("expected {} or \"{}\", found {}", after_comma ? "a value" : "\",\"",
                                        map ? '}' : ']', found);
      if (open) {
        message += fmt::format(" (in the \"{}\" {} that starts at {})", map ? '{' : '[', map ? "mapping" : "list",
                               line_column(ctx, open->mark));
        const std::size_t hash = comment_between(text, open->mark.offset, at);
        if (hash != std::string_view::npos) {
          message += fmt::format("; the \" #\" at {} starts a comment that hides the rest of its line, the closing "
                                 "\"{}\" too: quote the value that holds it",
                                 line_column(location_of(text, hash, ctx.file)), map ? '}' : ']');
        }
      }
      return message;
    }
    case YamlProblem::unknown_token: {
      const bool flow = in_flow(error, text, at);
      const std::string_view value = value_around(text, at, flow);
      if (flow && at < text.size() && (text[at] == '?' || text[at] == ':') && !value.empty()) {
        // yaml-cpp 0.7 ends an unquoted value inside [ ] or { } at "?" (and at some ":").
        return fmt::format("inside [ ] or {{ }}, a value that holds {} must be quoted: write {}", found,
                           double_quoted(value));
      }
      if (value.empty() || value.starts_with('"') || value.starts_with('\'')) {
        return fmt::format("{} cannot start a value or key here", found);
      }
      return fmt::format("{} cannot start a value or key here; quote the value: write {}", found,
                         double_quoted(value));
    }
    case YamlProblem::block_entry:
      return "\"- \" cannot start a list item here: a list goes on the lines below its key, each item as \"- item\" "
             "indented under it (or quote a value that starts with \"- \")";
    case YamlProblem::map_key:
      return "\"? \" cannot start a key here (quote a value that starts with \"? \", or check the indentation)";
    case YamlProblem::flow_end: {
      // yaml-cpp's scanner finds this ahead of the parser's events, so the bracket it would
      // close is found in the text, from the outermost "[" or "{" still open.
      const auto bracket = open_bracket(text, flow_start(error, text, at), at);
      if (!bracket) return fmt::format("{} closes nothing: there is no \"[\" or \"{{\" before it to close", found);
      return fmt::format("{} cannot close the \"{}\" at {}; write \"{}\"", found, bracket->first,
                         line_column(location_of(text, bracket->second, ctx.file)), bracket->first == '{' ? '}' : ']');
    }
    case YamlProblem::doc_in_scalar:
      return "a line that starts with \"---\" or \"...\" cannot be inside a quoted string; is the string's closing "
             "quote missing?";
    case YamlProblem::eof_in_scalar: return "the file ends inside a quoted string; add the closing quote";
    case YamlProblem::tab_in_indentation: return "tab character used for indentation; YAML indents with spaces only";
    case YamlProblem::bad_escape:
    case YamlProblem::bad_code_point: {
      const auto [backslash, open] = escape_at(text, at);
      std::string_view escape = text.substr(backslash, std::max<std::size_t>(at, backslash + 2) - backslash);
      escape = escape.substr(0, std::min(escape.find_first_of("\"\n", 2), escape.size()));
      return fmt::format("{} escape \"{}\" in the double-quoted string that starts at {}: {}",
                         error.problem_kind == YamlProblem::bad_escape ? "unknown" : "invalid", escape,
                         line_column(location_of(text, open, ctx.file)),
                         error.problem_kind == YamlProblem::bad_escape
                             ? "write \\\\ for a backslash, or use single quotes, where \\ is an ordinary character"
                             : "\\x takes 2 hex digits, \\u 4 and \\U 8, naming a Unicode character");
    }
    case YamlProblem::bad_anchor:
      return fmt::format("\"&\" and \"*\" must be followed by a name of letters, digits, \"-\" or \"_\", found {} "
                         "(quote a value that starts with \"&\" or \"*\")",
                         found);
    case YamlProblem::bad_block_header:
      return fmt::format("after \"|\" or \">\" only an indentation digit (1-9), \"+\" or \"-\" and a comment may "
                         "follow on the line, found {}",
                         found);
    case YamlProblem::two_properties:
      return "a value can have one anchor (&name) and one tag (!tag) at most";
    case YamlProblem::alias_content:
      return "an alias (*name) stands for the value it names: it cannot have a tag, an anchor or a value of its own";
    case YamlProblem::yaml_version: return "unsupported %YAML version; write %YAML 1.2 or leave the directive out";
    case YamlProblem::directive:
      return fmt::format("{} (a \"%\" line before \"---\"); leave the directive out", error.problem);
    case YamlProblem::tag:
      return fmt::format("{}, at {}; leave the tag (\"!...\") out, or quote a value that starts with \"!\"",
                         error.problem, found);
    case YamlProblem::unknown_anchor: {
      const std::string_view name = name_at(text, at);
      return fmt::format("the alias *{} names no anchor (&{}) defined before it", name, name);
    }
    case YamlProblem::other: break;
  }
  return fmt::format("{}, at {}", error.problem, found);
}

void report(const YamlError& error, const YamlContext& ctx) {
  const std::string_view text = ctx.text;
  switch (error.kind) {
    case YamlError::Kind::too_deep:
      ctx.error(ctx.at(error.mark), fmt::format("YAML nesting is deeper than {} levels", k_max_yaml_depth));
      return;
    case YamlError::Kind::too_many:
      ctx.error(ctx.at(error.mark),
                fmt::format("the file holds more than {} YAML values; a jurisdiction file holds a few hundred",
                            group_thousands(static_cast<long long>(k_max_yaml_nodes))));
      return;
    case YamlError::Kind::unclosed_quote:
      ctx.error(ctx.at(error.mark), "this quoted string is never closed: add the closing quote");
      return;
    case YamlError::Kind::alias_unknown:
    case YamlError::Kind::alias_cycle: {
      const std::string name = error.alias.empty() ? std::string(name_at(text, error.mark.offset)) : error.alias;
      ctx.error(ctx.at(error.mark),
                error.kind == YamlError::Kind::alias_unknown
                    ? fmt::format("invalid YAML: the alias *{} names no anchor (&{}) defined before it", name, name)
                    : fmt::format("invalid YAML: the alias *{} is inside the value it names (&{}), which would make "
                                  "it endless",
                                  name, name));
      return;
    }
    case YamlError::Kind::stuck:
      ctx.error(ctx.at(error.mark),
                fmt::format("invalid YAML: unexpected {} where a value should start", found_at(text, error.mark)));
      return;
    case YamlError::Kind::syntax: break;
  }
  // A tab in indentation is the usual cause of the less helpful messages.
  if (auto tab = tab_indentation(text, error.mark.is_null() ? 1 << 30 : error.mark.line + 2, ctx.file)) {
    ctx.error(*tab, "tab character used for indentation; YAML indents with spaces only");
    return;
  }
  if (error.problem_kind == YamlProblem::map_value) {
    if (const auto line = line_without_colon(text, error)) {
      if (text[*line] == '-' && *line + 1 < text.size() && text[*line + 1] != ' ') {
        ctx.error(location_of(text, *line, ctx.file),
                  "invalid YAML: \"-\" needs a space after it to start a list item (write \"- item\"), or this line "
                  "has no \":\" after its key");
        return;
      }
      ctx.error(location_of(text, *line, ctx.file),
                "invalid YAML: this line has no \":\" after its key (write \"key: value\", or indent it to continue "
                "the line before)");
      return;
    }
  }
  SourceLocation where = ctx.at(error.mark);
  if (error.problem_kind == YamlProblem::bad_escape || error.problem_kind == YamlProblem::bad_code_point) {
    // yaml-cpp stops after the escape; its backslash is where to look.
    where = location_of(text, escape_at(text, std::min<std::size_t>(error.mark.offset, text.size())).first, ctx.file);
  }
  ctx.error(where, "invalid YAML: " + syntax_message(error, ctx));
}

// Whether a "---" or "..." line comes after byte from and up to byte at: a second
// document marked as one.
bool marked_document(std::string_view text, std::size_t from, std::size_t at) {
  for (std::size_t start = text.find('\n', from) + 1; start > 0 && start <= at && start < text.size();) {
    const std::string_view line = text.substr(start, 3);
    if ((line == "---" || line == "...") &&
        (start + 3 >= text.size() || text[start + 3] == ' ' || text[start + 3] == '\t' || text[start + 3] == '\n')) {
      return true;
    }
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
}

}  // namespace

bool check_encoding(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  const auto fail = [&](std::size_t at, std::string message) {
    diagnostics.push_back({Severity::error, location_of(text, at, file), std::move(message)});
    return false;
  };
  // The first character YAML does not allow (yaml-cpp 0.7 reads them without a word); it
  // is reported after the whole text is checked, since a NUL byte or invalid UTF-8 later
  // on says more (a binary file, or another encoding).
  std::optional<std::pair<std::size_t, unsigned>> disallowed;
  const auto not_allowed = [&](std::size_t at, unsigned code_point) {
    if (!disallowed) disallowed.emplace(at, code_point);
  };
  // Lines and the separators of flow collections: each starts at most a few values, and
  // yaml-cpp's memory grows with them before any value reaches the tree (k_max_yaml_nodes).
  std::size_t entries = 0;
  for (std::size_t i = 0; i < text.size();) {
    // Eight bytes at a time while they are all printable ASCII (0x20 to 0x7E), counting the
    // ",", "[" and "{" among them; anything else (line ends included) goes byte by byte.
    if (i + 8 <= text.size() && entries + 8 <= k_max_yaml_nodes) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101u;
      constexpr std::uint64_t highs = 0x8080808080808080u;
      const auto has_less = [&](std::uint64_t x, unsigned n) { return ((x - ones * n) & ~x & highs) != 0; };
      // The bytes of x equal to value, as high bits (exact).
      const auto equal = [&](std::uint64_t x, unsigned char value) {
        const std::uint64_t t = x ^ (ones * value);
        return ~(((t & ~highs) + ~highs) | t) & highs;
      };
      if ((word & highs) == 0 && !has_less(word, 0x20) && equal(word, 0x7F) == 0) {
        entries += static_cast<std::size_t>(std::popcount(equal(word, ',') | equal(word, '[') | equal(word, '{')));
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t') {
      // printable ASCII and line ends, the common case
      entries += static_cast<std::size_t>((c == '\n') | (c == ',') | (c == '[') | (c == '{'));
      if (entries > k_max_yaml_nodes) {
        return fail(i, fmt::format("the file holds more than {} lines and list or mapping entries; a jurisdiction "
                                   "file holds a few hundred",
                                   group_thousands(static_cast<long long>(k_max_yaml_nodes))));
      }
      ++i;
      continue;
    }
    if (c == 0) return fail(i, fmt::format("NUL byte at offset {}; this looks like a binary file, not YAML text", i));
    if (c < 0x80) {
      not_allowed(i++, c);
      continue;
    }
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      return fail(i, fmt::format("invalid UTF-8 (byte 0x{:02X} at offset {}); save the file as UTF-8", c, i));
    }
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (n == 2 && c == 0xC2 && byte(1) < 0xA0 && byte(1) != 0x85) not_allowed(i, byte(1));  // C1 controls
    if (n == 3 && c == 0xEF && byte(1) == 0xBF && byte(2) >= 0xBE) not_allowed(i, byte(2) == 0xBE ? 0xFFFEu : 0xFFFFu);
    i += n;
  }
  if (!disallowed) return true;
  const auto [at, code_point] = *disallowed;
  const bool control = code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
  // A control character has no place in any string (read_string refuses an escaped one too);
  // U+FFFE and U+FFFF may be written as escapes.
  if (control) return fail(at, fmt::format("invalid YAML: control character U+{:04X} is not allowed; delete it", code_point));
  return fail(at, fmt::format("invalid YAML: character U+{:04X} is not allowed; delete it, or write it as \"\\u{:04X}\" "
                              "inside double quotes",
                              code_point, code_point));
}

std::string normalize_source(std::string_view text) {
  // yaml-cpp skips one more byte-order mark itself, which would shift its offsets.
  while (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string out;
  out.reserve(text.size() + 1);
  // Copied in runs up to each CR: a CRLF becomes LF, and so does a CR alone.
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t cr = text.find('\r', from);
    if (cr == std::string_view::npos) {
      out.append(text.substr(from));
      break;
    }
    out.append(text.substr(from, cr - from));
    out += '\n';
    from = cr + 1;
    if (from < text.size() && text[from] == '\n') ++from;
  }
  // yaml-cpp 0.7 treats a file whose last line has no line end differently (a quoted string
  // left open there is an error; with a line end it is not), so every file gets one.
  if (!out.empty() && out.back() != '\n') out += '\n';
  // yaml-cpp 0.7 refuses a tab in a line that holds only blanks, or blanks and a comment,
  // inside an indented block ("illegal tab when looking for indentation"); YAML allows
  // them, and editors leave them. Such tabs become spaces (the same bytes count).
  for (std::size_t tab = out.find('\t'); tab != std::string::npos; tab = out.find('\t', tab + 1)) {
    const std::size_t start = tab == 0 ? 0 : out.rfind('\n', tab - 1) + 1;  // npos + 1 == 0
    const std::size_t content = out.find_first_not_of(" \t", start);
    if (content == std::string::npos || out[content] == '\n' || out[content] == '#') {
      for (std::size_t i = start; i < content && i < out.size(); ++i) {
        if (out[i] == '\t') out[i] = ' ';
      }
    }
  }
  return out;
}

std::optional<YamlNode> parse_single_document(std::string_view text, const YamlContext& ctx, YamlDocument& document) {
  ctx.budget = text.size() + 1000;
  parse_yaml(text, document);
  if (document.error) {
    report(*document.error, ctx);
    return std::nullopt;
  }
  const std::size_t count = document.starts.size();
  if (count == 0 || (count == 1 && document.first().IsNull())) {
    ctx.error({ctx.file, 1, 1}, "the file is empty; expected a mapping of keys to values");
    return std::nullopt;
  }
  if (count > 1 && !marked_document(text, document.starts[0].offset, document.starts[1].offset)) {
    // yaml-cpp starts a new document when something follows the end of the first one's
    // top-level value without a "---": an indentation problem, not a second document.
    const YamlNode root = document.first();
    const std::size_t at = std::min<std::size_t>(document.starts[1].offset, text.size());
    ctx.error(ctx.at(document.starts[1]),
              fmt::format("invalid YAML: found {} after the end of the top-level {} that starts at {}; check the "
                          "indentation",
                          found_at(text, at), root.IsMap() ? "mapping" : root.IsSequence() ? "list" : "value",
                          line_column(ctx, root.Mark())));
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
  std::unordered_map<std::string_view, std::size_t> seen;  // key -> index in entries; keeps big maps linear
  for (const auto& [key, value] : map.entries()) {
    if (!ctx.spend(key)) break;
    if (!key.IsScalar()) {
      ctx.error(key, fmt::format("expected a plain string as a key, found {}", kind_name(key)));
      continue;
    }
    const std::string_view name = key.Scalar();
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

// A plain (unquoted) value of free text on one line, followed on that line by " #" and a
// word: YAML ends the value at " #" and reads the rest as a comment, which a writer of
// "Ordinance #2017-12" did not mean. Warned at the "#", with the fix.
void warn_comment_in_value(const MapEntry& entry, const YamlContext& ctx) {
  const std::string_view value = entry.value.Scalar();
  const YamlMark mark = entry.value.Mark();
  // Free text: the keys whose values are prose, not ids, dates, addresses or numbers.
  static constexpr std::string_view k_text_keys[] = {"name",  "title", "note", "disagreement", "pinpoint",
                                                     "label", "text",  "because", "description"};
  if (mark.is_null() || std::find(std::begin(k_text_keys), std::end(k_text_keys), entry.key) == std::end(k_text_keys)) {
    return;
  }
  const std::size_t start = mark.offset;
  if (start >= ctx.text.size() || ctx.text.compare(start, value.size(), value) != 0) return;  // quoted, block, folded
  const char first = ctx.text[start];
  if (first == '"' || first == '\'' || first == '|' || first == '>') return;
  std::size_t i = start + value.size();
  const std::size_t line_end = std::min(ctx.text.find_first_of("\r\n", i), ctx.text.size());
  while (i < line_end && (ctx.text[i] == ' ' || ctx.text[i] == '\t')) ++i;
  if (i == start + value.size() || i + 1 >= line_end || ctx.text[i] != '#') return;
  const char next = ctx.text[i + 1];
  if (next == ' ' || next == '\t' || next == '#') return;  // "# a comment", as comments are written
  std::string_view comment = ctx.text.substr(i, line_end - i);
  while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t')) comment.remove_suffix(1);
  YamlMark at = mark;
  at.offset = static_cast<std::uint32_t>(i);
  at.column = mark.column + static_cast<int>(i - start);
  ctx.warning(ctx.at(at), fmt::format("the value of \"{}\" stops before \"{}\", which YAML reads as a comment (\" #\" "
                                      "starts one); quote the whole value to keep it",
                                      entry.key, comment.size() > 40 ? std::string(comment.substr(0, 40)) + "…"
                                                                     : std::string(comment)));
}

std::optional<std::string> scalar_text(const MapEntry& entry, const YamlContext& ctx, bool allow_empty) {
  if (!entry.value.IsScalar()) {
    const YamlNode& at = entry.value.IsNull() ? entry.key_node : entry.value;
    ctx.error(at, fmt::format("expected a string for \"{}\", found {}", entry.key, kind_name(entry.value)));
    return std::nullopt;
  }
  // Block scalars (">" and "|") end in a newline that no reader wants.
  std::string text(entry.value.Scalar());
  text.erase(text.find_last_not_of(" \t\r\n") + 1);
  if (!allow_empty && text.empty()) {
    ctx.error(entry.value, fmt::format("\"{}\" is empty", entry.key));
    return std::nullopt;
  }
  // An escape ("\0", "\e", "\x9B") can put a control character into a quoted string; no
  // output should carry one (a page would hold a NUL, a terminal would obey an ESC), so it
  // is an error, as it is written raw in the file. Tab, line ends and NEL are text.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : static_cast<unsigned char>(0);
    const bool c1 = c == 0xC2 && next >= 0x80 && next <= 0x9F && next != 0x85;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c1) {
      const auto code = static_cast<unsigned>(c1 ? next : c);
      ctx.error(entry.value, fmt::format("\"{}\" holds the control character U+{:04X}; write text only", entry.key, code));
      return std::nullopt;
    }
  }
  return text;
}

}  // namespace

std::optional<std::string> read_string(const MapEntry& entry, const YamlContext& ctx, bool allow_empty) {
  auto text = scalar_text(entry, ctx, allow_empty);
  if (text) warn_comment_in_value(entry, ctx);
  return text;
}

std::optional<long long> read_integer(const MapEntry& entry, const YamlContext& ctx) {
  auto text = scalar_text(entry, ctx, false);
  if (!text) return std::nullopt;
  long long value = 0;
  const char* first = text->data();
  const char* last = first + text->size();
  // YAML writes a positive number with or without "+"; from_chars takes only the latter.
  if (last - first >= 2 && *first == '+' && first[1] >= '0' && first[1] <= '9') ++first;
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
  // YAML writes a positive number with or without "+"; from_chars takes only the latter.
  if (last - first >= 2 && *first == '+' && first[1] >= '0' && first[1] <= '9') ++first;
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
    items.emplace_back(std::string(item.Scalar()), item);
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
