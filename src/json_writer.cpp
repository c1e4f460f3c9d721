#include "json_writer.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

namespace scorecard::detail {
std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD, as nlohmann's error_handler_t::replace
        ++i;
      } else {
        out.append(text.substr(i, n));
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          out += fmt::format("\\u{:04x}", u);
        } else {
          out += c;
        }
    }
    ++i;
  }
  out += '"';
  return out;
}

void JsonWriter::newline(std::size_t depth) {
  static constexpr char k_spaces[] = "\n                                                                ";
  std::size_t width = depth * 2;
  m_out.write(k_spaces, static_cast<std::streamsize>(std::min(width, sizeof k_spaces - 2) + 1));
  for (width = width > sizeof k_spaces - 2 ? width - (sizeof k_spaces - 2) : 0; width > 0; --width) m_out.put(' ');
}

void JsonWriter::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_levels.empty()) return;
  Level& level = m_levels.back();
  if (!level.empty) m_out << ',';
  level.empty = false;
  newline(static_cast<std::size_t>(m_base) + m_levels.size());
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  m_out << '{';
  m_levels.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = m_levels.back().empty;
  m_levels.pop_back();
  if (!empty) newline(static_cast<std::size_t>(m_base) + m_levels.size());
  m_out << '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  m_out << '[';
  m_levels.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = m_levels.back().empty;
  m_levels.pop_back();
  if (!empty) newline(static_cast<std::size_t>(m_base) + m_levels.size());
  m_out << ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  Level& level = m_levels.back();
  if (!level.empty) m_out << ',';
  level.empty = false;
  newline(static_cast<std::size_t>(m_base) + m_levels.size());
  m_out << json_string(name);
  m_out.write(": ", 2);
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  m_out << json_string(text);
  return *this;
}

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  m_out << number;
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t number) {
  before_value();
  m_out << number;
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    m_out << "null";
    return *this;
  }
  // The shortest text that reads back as the same double, with ".0" on whole numbers.
  std::string text = fmt::format("{}", number);
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  m_out << text;
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  m_out << (flag ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  m_out << json;
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  m_out << "null";
  return *this;
}

}  // namespace scorecard::detail
