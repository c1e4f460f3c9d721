#include "yaml_tree.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <new>
#include <unordered_map>

#include <yaml.h>

namespace scorecard::detail {
namespace {

const std::string k_empty;

YamlMark mark_of(const yaml_mark_t& mark) {
  const auto clamp = [](std::size_t value) { return static_cast<int>(std::min<std::size_t>(value, INT_MAX)); };
  return {clamp(mark.line), clamp(mark.column)};
}

std::string text_of(const yaml_char_t* text) { return text ? reinterpret_cast<const char*>(text) : std::string(); }

// YAML's null: an untagged plain scalar that is empty, "~" or "null" (three spellings).
bool is_null_scalar(const yaml_event_t& event) {
  const auto& scalar = event.data.scalar;
  const std::string_view tag = scalar.tag ? reinterpret_cast<const char*>(scalar.tag) : "";
  if (tag == YAML_NULL_TAG) return true;
  if (!tag.empty() || scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
  const std::string_view value(reinterpret_cast<const char*>(scalar.value), scalar.length);
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

class TreeBuilder {
 public:
  explicit TreeBuilder(YamlDocument& document) : m_doc(document) {}

  void document_start(const YamlMark& mark) {
    m_doc.starts.push_back(mark);
    m_building = m_doc.starts.size() == 1;
    m_stack.clear();
    m_keys.clear();
    m_anchors.clear();
    m_depth = 0;
  }
  void document_end() { m_building = false; }

  // Each returns false when the tree cannot be built further (document.error is set).
  bool scalar(const yaml_event_t& event) {
    const auto& scalar = event.data.scalar;
    const bool null = is_null_scalar(event);
    YamlNodeData* node = make(null ? YamlType::Null : YamlType::Scalar, event.start_mark, scalar.anchor);
    if (m_doc.error) return false;
    if (node && !null) node->scalar.assign(reinterpret_cast<const char*>(scalar.value), scalar.length);
    add(node);
    return true;
  }
  bool alias(const yaml_event_t& event) {
    if (!m_building) return true;
    const std::string name = text_of(event.data.alias.anchor);
    const auto found = m_anchors.find(name);
    std::string problem;
    if (found == m_anchors.end()) {
      problem = "the alias *" + name + " names no anchor (&" + name + ") defined before it";
    } else if (std::find(m_stack.begin(), m_stack.end(), found->second) != m_stack.end()) {
      // A cycle.
      problem = "the alias *" + name + " is inside the value it names (&" + name + "), which would make it endless";
    }
    if (!problem.empty()) {
      m_doc.error = YamlError{YamlError::Kind::alias, std::move(problem), mark_of(event.start_mark), {}, {}, {}};
      return false;
    }
    add(found->second);
    return true;
  }
  bool open(YamlType type, const yaml_event_t& event, const yaml_char_t* anchor) {
    if (++m_depth > k_max_yaml_depth) {
      m_doc.error = YamlError{YamlError::Kind::too_deep, {}, mark_of(event.start_mark), {}, {}, {}};
      return false;
    }
    YamlNodeData* node = make(type, event.start_mark, anchor);
    if (m_doc.error) return false;
    add(node);
    if (node) m_stack.push_back(node);
    return true;
  }
  void close() {
    --m_depth;
    if (!m_building || m_stack.empty()) return;
    if (m_keys.size() == m_stack.size()) m_keys.pop_back();
    m_stack.pop_back();
  }

 private:
  // A new node of the first document; nullptr outside it, or past the limit on nodes
  // (then document.error is set).
  YamlNodeData* make(YamlType type, const yaml_mark_t& mark, const yaml_char_t* anchor) {
    if (!m_building) return nullptr;
    if (m_doc.arena.size() >= k_max_yaml_nodes) {
      m_doc.error = YamlError{YamlError::Kind::too_many, {}, mark_of(mark), {}, {}, {}};
      return nullptr;
    }
    YamlNodeData& node = m_doc.arena.emplace_back();
    node.type = type;
    node.mark = mark_of(mark);
    if (anchor) m_anchors[text_of(anchor)] = &node;  // a later anchor of the same name wins
    return &node;
  }

  void add(const YamlNodeData* node) {
    if (!m_building || !node) return;
    if (m_stack.empty()) {
      if (!m_doc.root) m_doc.root = node;
      return;
    }
    YamlNodeData* parent = m_stack.back();
    if (parent->type == YamlType::Sequence) {
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

  YamlDocument& m_doc;
  bool m_building = false;
  int m_depth = 0;                     // open sequences and mappings, in any document
  std::vector<YamlNodeData*> m_stack;  // open sequences and mappings of the first document
  std::vector<std::optional<const YamlNodeData*>> m_keys;  // a pending key per open mapping (by depth)
  std::unordered_map<std::string, const YamlNodeData*> m_anchors;
};

YamlError error_of(const yaml_parser_t& parser) {
  if (parser.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
  YamlError error;
  error.problem = parser.problem ? parser.problem : "unknown problem";
  if (parser.error == YAML_READER_ERROR) {
    error.byte_offset = parser.problem_offset;
    // The text was checked as UTF-8 before, so this is a character YAML does not allow.
    if (parser.problem_value >= 0 && error.problem == "control characters are not allowed") {
      char value[32];
      std::snprintf(value, sizeof value, " (U+%04X)", static_cast<unsigned>(parser.problem_value));
      error.problem += value;
    }
    return error;
  }
  error.problem_mark = mark_of(parser.problem_mark);
  if (parser.context) {
    error.context = parser.context;
    error.context_mark = mark_of(parser.context_mark);
  }
  if (error.context == "while scanning a quoted scalar" && error.problem == "found unexpected end of stream") {
    error.kind = YamlError::Kind::unclosed_quote;
  }
  return error;
}

struct Parser {
  Parser() {
    if (!yaml_parser_initialize(&parser)) throw std::bad_alloc();
  }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  yaml_parser_t parser{};
};

struct Event {
  ~Event() { yaml_event_delete(&event); }
  yaml_event_t event{};
};

}  // namespace

YamlType YamlNode::Type() const { return m_data ? m_data->type : YamlType::Null; }

const std::string& YamlNode::Scalar() const { return m_data ? m_data->scalar : k_empty; }

YamlMark YamlNode::Mark() const { return m_data ? m_data->mark : YamlMark{}; }

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
  Parser p;
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  yaml_parser_set_encoding(&p.parser, YAML_UTF8_ENCODING);
  TreeBuilder builder(document);
  for (;;) {
    Event e;
    if (!yaml_parser_parse(&p.parser, &e.event)) {
      document.error = error_of(p.parser);
      return;
    }
    const yaml_event_t& event = e.event;
    bool ok = true;
    switch (event.type) {
      case YAML_STREAM_END_EVENT: return;
      case YAML_DOCUMENT_START_EVENT:
        builder.document_start(mark_of(event.start_mark));
        if (document.starts.size() >= max_documents) return;
        break;
      case YAML_DOCUMENT_END_EVENT: builder.document_end(); break;
      case YAML_SCALAR_EVENT: ok = builder.scalar(event); break;
      case YAML_ALIAS_EVENT: ok = builder.alias(event); break;
      case YAML_SEQUENCE_START_EVENT:
        ok = builder.open(YamlType::Sequence, event, event.data.sequence_start.anchor);
        break;
      case YAML_MAPPING_START_EVENT:
        ok = builder.open(YamlType::Map, event, event.data.mapping_start.anchor);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: builder.close(); break;
      case YAML_STREAM_START_EVENT:
      case YAML_NO_EVENT: break;
    }
    if (!ok) return;
  }
}

}  // namespace scorecard::detail
