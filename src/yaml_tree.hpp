#pragma once
// A light YAML tree built in one pass from libyaml's parser events.
//
// libyaml (Debian's libyaml-dev, the C parser behind PyYAML's fast loader) only scans and
// parses; it builds no tree, so this file does: one arena per file, nodes as plain
// structs, aliases pointing at the anchored node itself (nothing is copied, so an alias
// bomb costs nothing here; the loaders' budget stops one being walked). It also enforces
// what libyaml does not: a nesting limit, and that an alias names an anchor defined
// before it. Only the first document is built; later ones are only counted.

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard::detail {

enum class YamlType { Null, Scalar, Sequence, Map };

// A place in the text: 0-based line and column (in characters), as libyaml counts them.
struct YamlMark {
  int line = -1;
  int column = -1;
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
  const std::string& Scalar() const;
  YamlMark Mark() const;

  std::vector<YamlNode> items() const;                             // a sequence's items
  std::vector<std::pair<YamlNode, YamlNode>> entries() const;     // a mapping's entries, in order

 private:
  const YamlNodeData* m_data = nullptr;
};

struct YamlNodeData {
  YamlType type = YamlType::Null;
  YamlMark mark;
  std::string scalar;
  std::vector<const YamlNodeData*> items;
  std::vector<std::pair<const YamlNodeData*, const YamlNodeData*>> entries;
};

// Why parsing stopped early.
struct YamlError {
  enum class Kind {
    syntax,          // libyaml's problem (and context) at problem_mark
    unclosed_quote,  // a quoted scalar runs to the end of the text; context_mark is its start
    too_deep,        // nesting deeper than the limit, at problem_mark
    too_many,        // more values than the limit, at problem_mark (the first one past it)
    alias,           // an alias names no earlier anchor, or a value it is inside; problem says which
  };
  Kind kind = Kind::syntax;
  std::string problem;
  YamlMark problem_mark;
  std::string context;  // e.g. "while parsing a block mapping"; may be empty
  YamlMark context_mark;
  std::optional<std::size_t> byte_offset;  // set instead of problem_mark for problems of the characters
};

// The parsed stream: the first document's tree and where each document starts.
struct YamlDocument {
  std::deque<YamlNodeData> arena;      // owns every node
  const YamlNodeData* root = nullptr;  // the first document's root (nullptr: none)
  std::vector<YamlMark> starts;        // one per document seen, up to max_documents
  std::optional<YamlError> error;      // set when the text is not valid YAML

  YamlNode first() const { return YamlNode(root); }
};

inline constexpr int k_max_yaml_depth = 500;
// Values (scalars, lists, mappings) in the first document: a tree node is about 100 bytes,
// so a 16 MiB file of one-letter values would otherwise take over 600 MB. A jurisdiction
// file holds a few hundred; the rubric a few thousand.
inline constexpr std::size_t k_max_yaml_nodes = 1'000'000;

// Parses UTF-8 text into document. Stops after max_documents documents or at the first
// error (then document.error is set and the tree is incomplete).
void parse_yaml(std::string_view text, YamlDocument& document, std::size_t max_documents = 100);

}  // namespace scorecard::detail
