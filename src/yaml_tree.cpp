#include "yaml_tree.hpp"

#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

namespace scorecard::detail {
namespace {

const std::string k_empty;

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(YamlDocument& document) : m_doc(document) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (!m_doc.starts.empty() && m_doc.starts.back().pos == mark.pos) m_doc.stuck = true;
    m_doc.starts.push_back(mark);
    m_building = m_doc.starts.size() == 1;
    m_stack.clear();
    m_keys.clear();
  }
  void OnDocumentEnd() override { m_building = false; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(make(YAML::NodeType::Null, mark, anchor));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (!m_building) return;
    if (anchor < m_anchors.size() && m_anchors[anchor]) {
      add(m_anchors[anchor]);
    } else {
      add(make(YAML::NodeType::Null, mark, 0));
    }
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    YamlNodeData* node = make(YAML::NodeType::Scalar, mark, anchor);
    if (node) node->scalar = value;
    add(node);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    YamlNodeData* node = make(YAML::NodeType::Sequence, mark, anchor);
    add(node);
    m_stack.push_back(node);
  }
  void OnSequenceEnd() override { pop(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    YamlNodeData* node = make(YAML::NodeType::Map, mark, anchor);
    add(node);
    m_stack.push_back(node);
  }
  void OnMapEnd() override { pop(); }

 private:
  YamlNodeData* make(YAML::NodeType::value type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (!m_building) return nullptr;
    YamlNodeData& node = m_doc.arena.emplace_back();
    node.type = type;
    node.mark = mark;
    if (anchor != 0) {
      if (m_anchors.size() <= anchor) m_anchors.resize(anchor + 1, nullptr);
      m_anchors[anchor] = &node;
    }
    return &node;
  }

  void add(const YamlNodeData* node) {
    if (!m_building || !node) return;
    if (m_stack.empty()) {
      if (!m_doc.root) m_doc.root = node;
      return;
    }
    YamlNodeData* parent = m_stack.back();
    if (parent->type == YAML::NodeType::Sequence) {
      parent->items.push_back(node);
    } else if (m_keys.size() < m_stack.size() || !m_keys.back().has_value()) {
      // The next node of a mapping is a key, then its value.
      if (m_keys.size() < m_stack.size()) m_keys.resize(m_stack.size());
      m_keys.back() = node;
    } else {
      parent->entries.emplace_back(*m_keys.back(), node);
      m_keys.back().reset();
    }
  }

  void pop() {
    if (!m_building || m_stack.empty()) return;
    if (m_keys.size() == m_stack.size()) m_keys.pop_back();
    m_stack.pop_back();
  }

  YamlDocument& m_doc;
  bool m_building = false;
  std::vector<YamlNodeData*> m_stack;  // open sequences and mappings
  std::vector<std::optional<const YamlNodeData*>> m_keys;  // a pending key per open mapping (by depth)
  std::vector<YamlNodeData*> m_anchors;
};

}  // namespace

YAML::NodeType::value YamlNode::Type() const { return m_data ? m_data->type : YAML::NodeType::Null; }

const std::string& YamlNode::Scalar() const { return m_data ? m_data->scalar : k_empty; }

YAML::Mark YamlNode::Mark() const { return m_data ? m_data->mark : YAML::Mark::null_mark(); }

std::vector<YamlNode> YamlNode::items() const {
  std::vector<YamlNode> out;
  if (!m_data) return out;
  out.reserve(m_data->items.size());
  for (const auto* item : m_data->items) out.emplace_back(item);
  return out;
}

std::vector<std::pair<YamlNode, YamlNode>> YamlNode::entries() const {
  std::vector<std::pair<YamlNode, YamlNode>> out;
  if (!m_data) return out;
  out.reserve(m_data->entries.size());
  for (const auto& [key, value] : m_data->entries) out.emplace_back(YamlNode(key), YamlNode(value));
  return out;
}

void parse_yaml(std::string_view text, YamlDocument& document, std::size_t max_documents) {
  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  TreeBuilder builder(document);
  while (!document.stuck && document.starts.size() < max_documents && parser.HandleNextDocument(builder)) {
  }
}

}  // namespace scorecard::detail
