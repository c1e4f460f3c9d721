#include "json_writer.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

namespace scorecard::detail {
namespace {

// Calls emit(std::string_view) with text escaped as nlohmann does, in pieces: runs that
// need no escaping are passed on whole.
template <class Emit>
void escape_json(std::string_view text, Emit&& emit) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x20 && u < 0x80 && u != '"' && u != '\\') {
      ++i;
      continue;
    }
    if (u >= 0x80) {
      if (const std::size_t n = utf8_sequence_length(text, i)) {
        i += n;
        continue;
      }
    }
    emit(text.substr(run, i - run));
    switch (u) {
      case '"': emit("\\\""); break;
      case '\\': emit("\\\\"); break;
      case '\b': emit("\\b"); break;
      case '\f': emit("\\f"); break;
      case '\n': emit("\\n"); break;
      case '\r': emit("\\r"); break;
      case '\t': emit("\\t"); break;
      default:
        if (u < 0x20) {
          char buffer[8];
          const auto* end = fmt::format_to(buffer, "\\u{:04x}", u);
          emit(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
        } else {
          // Invalid UTF-8: one U+FFFD for the bytes that began a sequence before it broke
          // off (the breaking byte is read again), as nlohmann's error_handler_t::replace.
          emit("\xEF\xBF\xBD");
          run = i += std::max<std::size_t>(1, utf8_valid_prefix(text, i));
          continue;
        }
    }
    run = ++i;
  }
  emit(text.substr(run));
}

}  // namespace

std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  escape_json(text, [&](std::string_view piece) { out += piece; });
  out += '"';
  return out;
}

void JsonWriter::flush() {
  if (!m_stream || m_out.empty()) return;
  m_stream->write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
  m_out.clear();
}

void JsonWriter::write_string(std::string_view text) {
  m_out += '"';
  escape_json(text, [&](std::string_view piece) { m_out += piece; });
  m_out += '"';
}

void JsonWriter::newline(std::size_t depth) {
  // A stream writer passes its buffer on at line ends, once it holds 64 KiB.
  if (m_stream && m_out.size() >= std::size_t{64} * 1024) flush();
  m_out += '\n';
  m_out.append(depth * 2, ' ');
}

void JsonWriter::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_levels.empty()) return;
  Level& level = m_levels.back();
  if (!level.empty) m_out += ',';
  level.empty = false;
  newline(static_cast<std::size_t>(m_base) + m_levels.size());
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  m_out += '{';
  m_levels.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = m_levels.back().empty;
  m_levels.pop_back();
  if (!empty) newline(static_cast<std::size_t>(m_base) + m_levels.size());
  m_out += '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  m_out += '[';
  m_levels.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = m_levels.back().empty;
  m_levels.pop_back();
  if (!empty) newline(static_cast<std::size_t>(m_base) + m_levels.size());
  m_out += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  Level& level = m_levels.back();
  if (!level.empty) m_out += ',';
  level.empty = false;
  newline(static_cast<std::size_t>(m_base) + m_levels.size());
  write_string(name);
  m_out += ": ";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  write_string(text);
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  fmt::format_to(std::back_inserter(m_out), "{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t number) {
  before_value();
  fmt::format_to(std::back_inserter(m_out), "{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    m_out += "null";
    return *this;
  }
  // The shortest text that reads back as the same double, with ".0" on whole numbers.
  std::string text = fmt::format("{}", number);
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  m_out += text;
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  m_out += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  m_out += json;
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  m_out += "null";
  return *this;
}

}  // namespace scorecard::detail
