#pragma once
// A light YAML tree built in one pass from yaml-cpp's parser events.
//
// Why not YAML::Load: a loader needs to know a file holds exactly one document, and
// yaml-cpp 0.7's LoadAll loops forever, allocating, on some streams (a leading ",",
// jbeder/yaml-cpp#1040). Counting documents with the event API and then calling Load
// parses every file twice; this builder parses once, stops when the parser makes no
// progress, and builds only the first document. Aliases point at the anchored node
// itself (nothing is copied), as in yaml-cpp.

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>
#include <yaml-cpp/node/type.h>

namespace scorecard::detail {

struct YamlNodeData;

// A handle to a node; cheap to copy. A default handle is a null node.
class YamlNode {
 public:
  YamlNode() = default;
  explicit YamlNode(const YamlNodeData* data) : m_data(data) {}

  YAML::NodeType::value Type() const;
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }
  const std::string& Scalar() const;
  YAML::Mark Mark() const;

  std::vector<YamlNode> items() const;                             // a sequence's items
  std::vector<std::pair<YamlNode, YamlNode>> entries() const;     // a mapping's entries, in order

 private:
  const YamlNodeData* m_data = nullptr;
};

struct YamlNodeData {
  YAML::NodeType::value type = YAML::NodeType::Null;
  YAML::Mark mark = YAML::Mark::null_mark();
  std::string scalar;
  std::vector<const YamlNodeData*> items;
  std::vector<std::pair<const YamlNodeData*, const YamlNodeData*>> entries;
};

// The parsed stream: the first document's tree and where each document starts.
struct YamlDocument {
  std::deque<YamlNodeData> arena;      // owns every node
  const YamlNodeData* root = nullptr;  // the first document's root (nullptr: none)
  std::vector<YAML::Mark> starts;      // one per document seen, up to max_documents
  bool stuck = false;                  // the parser stopped making progress (see above)

  YamlNode first() const { return YamlNode(root); }
};

// Parses text; throws YAML::ParserException (and YAML::DeepRecursion) like yaml-cpp.
// Stops after max_documents documents or when the parser makes no progress.
void parse_yaml(std::string_view text, YamlDocument& document, std::size_t max_documents = 100);

}  // namespace scorecard::detail
