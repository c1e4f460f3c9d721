#pragma once
// YAML in and out, through yaml-cpp (Debian's libyaml-cpp-dev, 0.7). yaml_io.cpp is the only
// file that includes yaml-cpp's headers; everything else sees the types below.
//
// Reading: a light tree built in one pass from yaml-cpp's parser events (YAML::Parser and
// an EventHandler of our own), instead of YAML::Load. One arena per file, nodes as plain
// structs, aliases pointing at the anchored node itself (nothing is copied, so an alias bomb
// costs nothing here; the loaders' budget stops one being walked). It adds what yaml-cpp
// 0.7 lacks: a guard against its endless loop on some streams (a leading ",",
// jbeder/yaml-cpp#1040), a check that a quoted string is closed (0.7 accepts one that runs
// to the end of a file ending in a line break), that an alias is not inside the value it
// names, a limit on values, and errors as data with the collections open where parsing
// stopped, so that messages can say what was expected. Only the first document is built;
// later ones are only counted.
//
// Writing: YamlWriter, a thin layer over YAML::Emitter, which does all quoting, escaping
// and comments.

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard::detail {

enum class YamlType { Null, Scalar, Sequence, Map };

// A place in the text, as yaml-cpp counts it: 0-based line, 0-based column in bytes, and the
// byte offset. Messages give 1-based lines and columns in characters (YamlContext::at).
struct YamlMark {
  int line = -1;
  int column = -1;
  std::uint32_t offset = 0;
  bool is_null() const { return line < 0; }
};

struct YamlNodeData;

// A handle to a node; cheap to copy. A default handle is a null node.
class YamlNode {
 public:
  YamlNode() = default;
  explicit YamlNode(const YamlNodeData* data) : m_data(data) {}

  YamlType Type() const;
  bool IsNull() const { return Type() == YamlType::Null; }
  bool IsScalar() const { return Type() == YamlType::Scalar; }
  bool IsSequence() const { return Type() == YamlType::Sequence; }
  bool IsMap() const { return Type() == YamlType::Map; }
  std::string_view Scalar() const;  // valid as long as the document
  YamlMark Mark() const;

  std::vector<YamlNode> items() const;                             // a sequence's items
  std::vector<std::pair<YamlNode, YamlNode>> entries() const;     // a mapping's entries, in order

 private:
  const YamlNodeData* m_data = nullptr;
};

struct YamlNodeData {
  YamlType type = YamlType::Null;
  YamlMark mark;
  std::string_view scalar;  // in the document's text pool
  std::vector<const YamlNodeData*> items;
  std::vector<std::pair<const YamlNodeData*, const YamlNodeData*>> entries;
};

// A collection that was open where parsing stopped.
struct YamlOpen {
  YamlType type = YamlType::Map;  // Map or Sequence
  bool flow = false;              // [ ] or { } rather than indented
  YamlMark mark;
};

// yaml-cpp's syntax errors, told apart by their message (YAML::ErrorMsg) in yaml_io.cpp so
// that the loaders can say more than its terse words.
enum class YamlProblem {
  other,                // problem holds yaml-cpp's message
  map_value,            // ":" where a mapping cannot start
  end_of_map,           // a block mapping ended by something other than a key
  end_of_seq,           // a block sequence ended by something other than "- "
  end_of_map_flow,      // a "{" mapping not closed or separated
  end_of_seq_flow,      // a "[" sequence not closed or separated
  unknown_token,        // a character that cannot start anything here
  block_entry,          // "- " where a list cannot start
  map_key,              // "? " where a key cannot start
  flow_end,             // "]" or "}" with nothing to close
  doc_in_scalar,        // "---" or "..." at the start of a line inside a quoted string
  eof_in_scalar,        // the text ends inside a quoted string
  tab_in_indentation,   // a tab where indentation is read
  bad_escape,           // an unknown escape in a double-quoted string
  bad_code_point,       // a \x, \u or \U escape with bad digits or no character
  bad_anchor,           // "&" or "*" without a name, or a bad character in one
  bad_block_header,     // what follows "|" or ">" on its line
  two_properties,       // two anchors or two tags on one value
  alias_content,        // an alias with a tag or content of its own
  yaml_version,         // a %YAML directive of another major version, or unreadable
  directive,            // another problem with a % directive
  tag,                  // a tag that cannot be read
  unknown_anchor,       // an alias to an anchor not defined
};

// Why parsing stopped early.
struct YamlError {
  enum class Kind {
    syntax,          // yaml-cpp's message (problem) at mark
    stuck,           // the parser stopped making progress at mark (jbeder/yaml-cpp#1040)
    unclosed_quote,  // a quoted scalar runs to the end of the text; mark is its start
    too_deep,        // nesting deeper than the limit, at mark
    too_many,        // more values than the limit, at mark (the first one past it)
    alias_unknown,   // the alias at mark names no anchor defined before it (alias: its name)
    alias_cycle,     // the alias at mark is inside the value it names (alias: its name)
  };
  Kind kind = Kind::syntax;
  YamlProblem problem_kind = YamlProblem::other;
  std::string problem;
  YamlMark mark;
  YamlMark last;  // where the last value before the error started (null: none)
  std::string alias;
  std::vector<YamlOpen> open;  // outermost first
};

// The parsed stream: the first document's tree and where each document starts.
struct YamlDocument {
  std::deque<YamlNodeData> arena;      // owns every node
  // The scalars' text: one block per file, reserved once so that views into it stay valid
  // (scalars are seldom longer than their source: only the escapes \L and \P grow), and a
  // list for any that would not fit.
  std::string text_pool;
  std::deque<std::string> overflow;
  const YamlNodeData* root = nullptr;  // the first document's root (nullptr: none)
  std::vector<YamlMark> starts;        // one per document seen, up to max_documents
  std::optional<YamlError> error;      // set when the text is not valid YAML (to yaml-cpp)

  YamlNode first() const { return YamlNode(root); }
};

// Collections nested deeper than this are refused where the first one too deep starts.
// yaml-cpp 0.7's own guard (YAML::DeepRecursion) stops its recursive parser at about 500;
// ours comes first, at a round number and an exact place, and the other is caught as well.
inline constexpr int k_max_yaml_depth = 400;
// Values (scalars, lists, mappings) in the first document, and lines plus "[", "{" and ","
// in the text (checked before parsing: yaml-cpp 0.7 holds every token of a flow collection
// that could be a key until it ends, at about 270 bytes a token, so 16 MiB of "v," would
// take 2 GB). A jurisdiction file holds a few hundred values; the rubric a few thousand.
inline constexpr std::size_t k_max_yaml_nodes = 200'000;

// Parses UTF-8 text (without a byte-order mark, with LF line ends) into document. Stops
// after max_documents documents or at the first error (then document.error is set and the
// tree is incomplete).
void parse_yaml(std::string_view text, YamlDocument& document, std::size_t max_documents = 100);

// Writes YAML through yaml-cpp's emitter: it chooses the quoting and escapes what needs it.
// Block style unless flow_list is asked for. Comments written before a key or item go on
// lines of their own, indented as it is.
class YamlWriter {
 public:
  YamlWriter();
  ~YamlWriter();
  YamlWriter(const YamlWriter&) = delete;
  YamlWriter& operator=(const YamlWriter&) = delete;

  void begin_map();
  void end_map();
  void begin_list(bool flow = false);
  void end_list();
  void key(std::string_view key);
  void value(std::string_view value);
  // A comment on lines of its own (one "# " line per line of text), before what comes next.
  void comment(std::string_view text);
  // A comment after the value just written, on its line.
  void trailing_comment(std::string_view text);

  // The text written so far; throws std::logic_error if the emitter was misused.
  std::string str() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace scorecard::detail
