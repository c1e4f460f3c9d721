#pragma once
// A streaming JSON writer whose output is byte-for-byte what nlohmann::json::dump(2)
// writes (indent 2, ensure_ascii off, invalid UTF-8 replaced by U+FFFD), so that a
// national export never has to exist as a document in memory.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard::detail {

class JsonWriter {
 public:
  // Writes to out through a buffer, which is flushed as it fills, by flush() and at the end.
  explicit JsonWriter(std::ostream& out, int depth = 0) : m_stream(&out), m_out(m_own), m_base(depth) {}
  // Appends to text (no stream in between: the export renders its fragments this way).
  explicit JsonWriter(std::string& text, int depth = 0) : m_out(text), m_base(depth) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Writes what is buffered to the stream (nothing for a string writer).
  void flush();

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);  // inside an object, before its value

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(std::size_t number);
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // An element already written as JSON (by a writer of depth one more than this array's).
  JsonWriter& raw(std::string_view json);
  // A string, or null when empty.
  JsonWriter& string_or_null(std::string_view text) { return text.empty() ? null() : value(text); }
  // The value, or null when there is none.
  template <class T>
  JsonWriter& value_or_null(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  // A list of strings.
  JsonWriter& strings(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& item : items) value(item);
    return end_array();
  }

  // key(name).value(v) in one call.
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

 private:
  struct Level {
    bool object = false;
    bool empty = true;
  };
  void before_value();
  void newline(std::size_t depth);
  void write_string(std::string_view text);

  std::ostream* m_stream = nullptr;
  std::string m_own;  // the buffer of a stream writer
  std::string& m_out;
  int m_base;
  std::vector<Level> m_levels;
  bool m_after_key = false;
};

// A JSON string literal, escaped as nlohmann does.
std::string json_string(std::string_view text);

}  // namespace scorecard::detail
