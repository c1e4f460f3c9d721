#include "yaml_io.hpp"

#include <algorithm>
#include <climits>
#include <istream>
#include <stdexcept>
#include <streambuf>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace scorecard::detail {
namespace {

const std::string k_null_tag = "tag:yaml.org,2002:null";

YamlMark mark_of(const YAML::Mark& mark) {
  if (mark.is_null()) return {};
  return {mark.line, mark.column, static_cast<std::uint32_t>(std::max(mark.pos, 0))};
}

// The text as a read-only stream, so that yaml-cpp reads it in place instead of a copy.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // never written: there is no put area
    setg(begin, begin, begin + text.size());
  }
};

// Thrown from the event handler to stop the parser; document.error says why.
struct Stop {};

// Whether the quoted scalar that starts at offset at ('"' or '\'') is closed in text.
bool quote_closes(std::string_view text, std::size_t at) {
  const char quote = text[at];
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return true;
      }
    }
  }
  return false;
}

YamlProblem problem_of(const std::string& message) {
  namespace E = YAML::ErrorMsg;
  static const std::pair<const char*, YamlProblem> k_exact[] = {
      {E::MAP_VALUE, YamlProblem::map_value},
      {E::END_OF_MAP, YamlProblem::end_of_map},
      {E::END_OF_SEQ, YamlProblem::end_of_seq},
      {E::END_OF_MAP_FLOW, YamlProblem::end_of_map_flow},
      {E::END_OF_SEQ_FLOW, YamlProblem::end_of_seq_flow},
      {E::UNKNOWN_TOKEN, YamlProblem::unknown_token},
      {E::BLOCK_ENTRY, YamlProblem::block_entry},
      {E::MAP_KEY, YamlProblem::map_key},
      {E::FLOW_END, YamlProblem::flow_end},
      {E::DOC_IN_SCALAR, YamlProblem::doc_in_scalar},
      {E::EOF_IN_SCALAR, YamlProblem::eof_in_scalar},
      {E::TAB_IN_INDENTATION, YamlProblem::tab_in_indentation},
      {E::INVALID_HEX, YamlProblem::bad_code_point},
      {E::ALIAS_NOT_FOUND, YamlProblem::bad_anchor},
      {E::ANCHOR_NOT_FOUND, YamlProblem::bad_anchor},
      {E::CHAR_IN_ALIAS, YamlProblem::bad_anchor},
      {E::CHAR_IN_ANCHOR, YamlProblem::bad_anchor},
      {E::ZERO_INDENT_IN_BLOCK, YamlProblem::bad_block_header},
      {E::CHAR_IN_BLOCK, YamlProblem::bad_block_header},
      {E::MULTIPLE_TAGS, YamlProblem::two_properties},
      {E::MULTIPLE_ANCHORS, YamlProblem::two_properties},
      {E::ALIAS_CONTENT, YamlProblem::alias_content},
      {E::YAML_MAJOR_VERSION, YamlProblem::yaml_version},
      {E::YAML_DIRECTIVE_ARGS, YamlProblem::directive},
      {E::REPEATED_YAML_DIRECTIVE, YamlProblem::directive},
      {E::TAG_DIRECTIVE_ARGS, YamlProblem::directive},
      {E::REPEATED_TAG_DIRECTIVE, YamlProblem::directive},
      {E::CHAR_IN_TAG_HANDLE, YamlProblem::tag},
      {E::TAG_WITH_NO_SUFFIX, YamlProblem::tag},
      {E::END_OF_VERBATIM_TAG, YamlProblem::tag},
      {E::UNKNOWN_ANCHOR, YamlProblem::unknown_anchor},
  };
  for (const auto& [text, kind] : k_exact) {
    if (message == text) return kind;
  }
  // These carry what was found after their words.
  if (message.starts_with(E::INVALID_ESCAPE)) return YamlProblem::bad_escape;
  if (message.starts_with(E::INVALID_UNICODE)) return YamlProblem::bad_code_point;
  if (message.starts_with(E::YAML_VERSION)) return YamlProblem::yaml_version;
  return YamlProblem::other;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(YamlDocument& document, std::string_view text) : m_doc(document), m_text(text) {}

  // False when the parser has stopped making progress (jbeder/yaml-cpp#1040: on a stream
  // such as "," HandleNextDocument starts the same empty document again and again).
  bool progressing() const { return !m_stuck; }

  const std::vector<YamlOpen>& open() const { return m_open; }
  const YamlMark& last() const { return m_last; }

  // The quoted scalar that runs to the end of the text, if any: only the last can.
  std::optional<YamlMark> unclosed_quote() const {
    if (m_last_quote.is_null() || quote_closes(m_text, m_last_quote.offset)) return std::nullopt;
    return m_last_quote;
  }

  void OnDocumentStart(const YAML::Mark& at) override {
    const YamlMark mark = mark_of(at);
    if (!m_doc.starts.empty() && m_doc.starts.back().offset == mark.offset) m_stuck = true;
    m_doc.starts.push_back(mark);
    m_building = m_doc.starts.size() == 1;
    m_stack.clear();
    m_keys.clear();
    m_open.clear();
    m_anchors.clear();
    m_anchor_names.clear();
  }
  void OnDocumentEnd() override { m_building = false; }

  void OnAnchor(const YAML::Mark&, const std::string& name) override { m_pending_anchor = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    m_last = mark_of(mark);
    add(make(YamlType::Null, m_last, anchor));
  }
  void OnScalar(const YAML::Mark& at, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const YamlMark mark = mark_of(at);
    m_last = mark;
    // A value with a tag or an anchor starts at them: its quote, if any, comes after.
    std::size_t start = mark.offset;
    while (start < m_text.size() && (m_text[start] == '!' || m_text[start] == '&')) {
      start = std::min(m_text.find_first_of(" \t\n", start), m_text.size());
      start = std::min(m_text.find_first_not_of(" \t\n", start), m_text.size());
    }
    if (start < m_text.size() && (m_text[start] == '"' || m_text[start] == '\'')) {
      m_last_quote = mark;
      m_last_quote.offset = static_cast<std::uint32_t>(start);
    }
    const bool null = tag == k_null_tag;
    YamlNodeData* node = make(null ? YamlType::Null : YamlType::Scalar, mark, anchor);
    if (node && !null) node->scalar = keep(value);
    add(node);
  }
  void OnAlias(const YAML::Mark& at, YAML::anchor_t anchor) override {
    m_last = mark_of(at);
    if (!m_building) return;
    const YamlNodeData* node = anchor < m_anchors.size() ? m_anchors[anchor] : nullptr;
    if (!node) fail(YamlError::Kind::alias_unknown, mark_of(at), anchor);
    if (std::find(m_stack.begin(), m_stack.end(), node) != m_stack.end()) {
      fail(YamlError::Kind::alias_cycle, mark_of(at), anchor);
    }
    add(node);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(YamlType::Sequence, mark_of(mark), anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(YamlType::Map, mark_of(mark), anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

 private:
  [[noreturn]] void fail(YamlError::Kind kind, const YamlMark& mark, YAML::anchor_t anchor = 0) {
    YamlError error;
    error.kind = kind;
    error.mark = mark;
    if (anchor < m_anchor_names.size()) error.alias = m_anchor_names[anchor];
    error.open = m_open;
    error.last = m_last;
    m_doc.error = std::move(error);
    throw Stop{};
  }

  void open(YamlType type, const YamlMark& mark, YAML::anchor_t anchor, bool flow) {
    if (m_open.size() >= static_cast<std::size_t>(k_max_yaml_depth)) fail(YamlError::Kind::too_deep, mark);
    m_open.push_back({type, flow, mark});
    m_last = mark;
    YamlNodeData* node = make(type, mark, anchor);
    add(node);
    if (node) m_stack.push_back(node);
  }

  void close() {
    if (!m_open.empty()) m_open.pop_back();
    if (!m_building || m_stack.empty()) return;
    if (m_keys.size() == m_stack.size()) m_keys.pop_back();
    m_stack.pop_back();
  }

  std::string_view keep(const std::string& value) {
    std::string& pool = m_doc.text_pool;
    if (pool.size() + value.size() > pool.capacity()) return m_doc.overflow.emplace_back(value);
    const std::size_t at = pool.size();
    pool.append(value);
    return std::string_view(pool).substr(at, value.size());
  }

  // A new node of the first document; nullptr outside it. Stops past the limit on nodes.
  YamlNodeData* make(YamlType type, const YamlMark& mark, YAML::anchor_t anchor) {
    if (!m_building) return nullptr;
    if (m_doc.arena.size() >= k_max_yaml_nodes) fail(YamlError::Kind::too_many, mark);
    YamlNodeData& node = m_doc.arena.emplace_back();
    node.type = type;
    node.mark = mark;
    if (anchor != 0) {
      // yaml-cpp numbers anchors 1, 2, ... in order; a later anchor of the same name is a
      // new number, which later aliases use.
      if (m_anchors.size() <= anchor) {
        m_anchors.resize(anchor + 1, nullptr);
        m_anchor_names.resize(anchor + 1);
      }
      m_anchors[anchor] = &node;
      m_anchor_names[anchor] = std::move(m_pending_anchor);
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
  std::string_view m_text;
  bool m_building = false;
  bool m_stuck = false;
  std::vector<YamlOpen> m_open;        // open sequences and mappings, in any document
  std::vector<YamlNodeData*> m_stack;  // open sequences and mappings of the first document
  std::vector<std::optional<const YamlNodeData*>> m_keys;  // a pending key per open mapping (by depth)
  std::vector<const YamlNodeData*> m_anchors;  // by yaml-cpp's anchor number
  std::vector<std::string> m_anchor_names;
  std::string m_pending_anchor;
  YamlMark m_last_quote;
  YamlMark m_last;
};

}  // namespace

YamlType YamlNode::Type() const { return m_data ? m_data->type : YamlType::Null; }

std::string_view YamlNode::Scalar() const { return m_data ? m_data->scalar : std::string_view(); }

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
  ViewBuffer buffer(text);
  std::istream input(&buffer);
  TreeBuilder builder(document, text);
  document.text_pool.reserve(text.size() + 64);
  const auto syntax = [&](const YAML::Exception& e, YamlError::Kind kind) {
    YamlError error;
    error.kind = kind;
    error.problem_kind = problem_of(e.msg);
    error.problem = e.msg;
    error.mark = mark_of(e.mark);
    error.open = builder.open();
    error.last = builder.last();
    document.error = std::move(error);
  };
  try {
    YAML::Parser parser(input);
    while (document.starts.size() < max_documents && parser.HandleNextDocument(builder)) {
      if (!builder.progressing()) {
        YamlError error;
        error.kind = YamlError::Kind::stuck;
        error.mark = document.starts.back();
        document.error = std::move(error);
        break;
      }
    }
  } catch (const Stop&) {
    // document.error is set
  } catch (const YAML::DeepRecursion& e) {
    syntax(e, YamlError::Kind::too_deep);
    if (!builder.open().empty()) document.error->mark = builder.open().back().mark;
  } catch (const YAML::Exception& e) {
    syntax(e, YamlError::Kind::syntax);
  }
  // A quote never closed swallows the rest of the file, so it is the cause of whatever
  // went wrong after it (yaml-cpp 0.7 even accepts it when the file ends in a line break).
  if (const auto quote = builder.unclosed_quote()) {
    YamlError error;
    error.kind = YamlError::Kind::unclosed_quote;
    error.mark = *quote;
    document.error = std::move(error);
  }
}

// The writer. yaml-cpp 0.7 starts every comment that begins a line at column 0; str()
// indents each such line as the keys of the mapping it was written in.

struct YamlWriter::Impl {
  YAML::Emitter out;
  std::vector<bool> in_map;  // per open collection: a mapping (true) or a list
  std::vector<std::size_t> comment_indents;  // per comment line, in order: its indentation
  // Nothing written since the start or since a collection opened: a comment needs no
  // newline first (one would leave a blank line).
  bool fresh = true;

  // Before a value or a collection: a mapping's value follows its key.
  void before_value() {
    if (!in_map.empty() && in_map.back()) out << YAML::Value;
  }
};

YamlWriter::YamlWriter() : m_impl(std::make_unique<Impl>()) {}
YamlWriter::~YamlWriter() = default;

void YamlWriter::begin_map() {
  m_impl->before_value();
  m_impl->out << YAML::BeginMap;
  m_impl->in_map.push_back(true);
  m_impl->fresh = true;
}

void YamlWriter::end_map() {
  m_impl->fresh = false;
  m_impl->out << YAML::EndMap;
  m_impl->in_map.pop_back();
}

void YamlWriter::begin_list(bool flow) {
  m_impl->before_value();
  if (flow) m_impl->out << YAML::Flow;
  m_impl->out << YAML::BeginSeq;
  m_impl->in_map.push_back(false);
  m_impl->fresh = true;
}

void YamlWriter::end_list() {
  m_impl->fresh = false;
  m_impl->out << YAML::EndSeq;
  m_impl->in_map.pop_back();
}

void YamlWriter::key(std::string_view key) {
  m_impl->fresh = false;
  m_impl->out << YAML::Key << std::string(key);
}

void YamlWriter::value(std::string_view value) {
  m_impl->fresh = false;
  m_impl->before_value();
  m_impl->out << std::string(value);
}

void YamlWriter::comment(std::string_view text) {
  std::size_t from = 0;
  for (;;) {
    const std::size_t end = std::min(text.find('\n', from), text.size());
    // A newline first, so that the comment is not put after what is before it.
    m_impl->comment_indents.push_back(m_impl->in_map.empty() ? 0 : 2 * (m_impl->in_map.size() - 1));
    if (!m_impl->fresh) m_impl->out << YAML::Newline;
    m_impl->out << YAML::Comment(std::string(text.substr(from, end - from)));
    m_impl->fresh = false;
    if (end >= text.size()) break;
    from = end + 1;
  }
}

void YamlWriter::trailing_comment(std::string_view text) { m_impl->out << YAML::Comment(std::string(text)); }

std::string YamlWriter::str() const {
  if (!m_impl->out.good()) throw std::logic_error("YAML emitter: " + m_impl->out.GetLastError());
  const std::string_view text(m_impl->out.c_str(), m_impl->out.size());
  std::vector<std::string_view> lines;
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t end = std::min(text.find('\n', from), text.size());
    lines.push_back(text.substr(from, end - from));
    from = end + 1;
  }
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t next_comment = 0;
  for (const std::string_view line : lines) {
    if (line.starts_with('#') && next_comment < m_impl->comment_indents.size()) {
      out.append(m_impl->comment_indents[next_comment++], ' ');
    }
    out.append(line);
    out += '\n';
  }
  return out;
}

}  // namespace scorecard::detail
