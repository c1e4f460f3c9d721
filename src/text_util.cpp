#include <scorecard/text_util.hpp>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace scorecard {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// two neighbouring letters ("nmae" is one edit from "name").
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.size(), b.size());
}

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u;
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Neither a 200-letter word nor a list of thousands is a typo worth the quadratic work.
  if (word.size() > 200 || candidates.size() > 1000) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    // A third of the longer word, at least 1 and at most 3 edits, counts as a likely typo.
    const std::size_t allowed = std::clamp<std::size_t>(std::max(word.size(), candidate.size()) / 3, 1, 3);
    if (distance <= allowed && (!best || distance < best_distance)) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best) return best;
  // Else the one candidate the word begins ("popul" for "population"), three letters or more.
  if (word.size() >= 3) {
    for (const auto& candidate : candidates) {
      if (candidate.size() > word.size() && candidate.compare(0, word.size(), word) == 0) {
        if (best) return std::nullopt;  // two: no guess
        best = candidate;
      }
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto match = closest_match(word, candidates)) return fmt::format(" (did you mean \"{}\"?)", *match);
  return {};
}

namespace {

// A UTF-8 lead byte: the length of its sequence and the range of its second byte
// (Unicode 15, table 3-7); length 0 for a byte that cannot start a sequence.
struct Utf8Lead {
  std::size_t length;
  unsigned lo, hi;
};

Utf8Lead utf8_lead(unsigned c) {
  if (c < 0x80) return {1, 0, 0};
  if (c >= 0xC2 && c <= 0xDF) return {2, 0x80, 0xBF};
  if (c == 0xE0) return {3, 0xA0, 0xBF};  // no overlong forms
  if (c == 0xED) return {3, 0x80, 0x9F};  // no surrogates
  if (c >= 0xE1 && c <= 0xEF) return {3, 0x80, 0xBF};
  if (c == 0xF0) return {4, 0x90, 0xBF};  // no overlong forms
  if (c >= 0xF1 && c <= 0xF3) return {4, 0x80, 0xBF};
  if (c == 0xF4) return {4, 0x80, 0x8F};  // nothing past U+10FFFF
  return {0, 0, 0};
}

}  // namespace

std::size_t utf8_valid_prefix(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  const Utf8Lead lead = utf8_lead(static_cast<unsigned char>(text[i]));
  std::size_t k = lead.length == 0 ? 0 : 1;
  for (; k < lead.length && i + k < text.size(); ++k) {
    const unsigned b = static_cast<unsigned char>(text[i + k]);
    if (b < (k == 1 ? lead.lo : 0x80u) || b > (k == 1 ? lead.hi : 0xBFu)) break;
  }
  return k;
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  const std::size_t k = utf8_valid_prefix(text, i);
  return k == utf8_lead(static_cast<unsigned char>(text[i])).length ? k : 0;
}

std::string group_thousands(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  const std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, first);
  for (std::size_t i = first; i < digits.size(); i += 3) {
    out += ',';
    out.append(digits, i, 3);
  }
  return value < 0 ? "-" + out : out;
}

std::string format_residents(long long value) {
  if (value < 1'000'000) return group_thousands(value);
  // "999.95 million" would round to "1000.0 million": that is a billion.
  if (value < 999'950'000) return fmt::format("{:.1f} million", static_cast<double>(value) / 1e6);
  return fmt::format("{:.1f} billion", static_cast<double>(value) / 1e9);
}

std::string population_text(long long value, long long rounded_to) {
  if (rounded_to <= 1) return group_thousands(value);
  int zeros = 0;
  for (long long unit = rounded_to; unit >= 10; unit /= 10) ++zeros;
  // Millions, thousands, or neither; as many decimals as the rounding leaves significant.
  const auto scaled = [&](int power, const char* suffix) {
    double divisor = 1;
    for (int i = 0; i < power; ++i) divisor *= 10;
    return fmt::format("{:.{}f}{}", static_cast<double>(value) / divisor, std::max(0, power - zeros), suffix);
  };
  if (value >= 1'000'000) return scaled(6, "m");
  if (value >= 1'000) return scaled(3, "k");
  return "about " + group_thousands(value);
}

std::string short_population(long long value) {
  if (value < 1'000) return std::to_string(value);
  static constexpr const char* k_suffixes[] = {"k", "m", "b"};
  double scaled = static_cast<double>(value) / 1e3;
  for (std::size_t unit = 0;; ++unit) {
    std::string text = scaled < 99.95 ? fmt::format("{:.1f}", scaled) : fmt::format("{:.0f}", scaled);
    if (scaled >= 999.95 && unit + 1 < std::size(k_suffixes)) {  // 2,722,586 is 2.7m; 999,950 is 1m
      scaled /= 1e3;
      continue;
    }
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    return text + k_suffixes[unit];
  }
}

std::string format_mean(double mean) { return fmt::format("{:.3f}", mean); }

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation_byte(c); }));
}

std::string truncate_display(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::size_t columns = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if (!is_continuation_byte(text[i])) {
      if (columns == width - 1) break;
      ++columns;
    }
  }
  return std::string(text.substr(0, i)) + "…";
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

namespace {

std::string join_last(const std::vector<std::string>& items, std::string_view last) {
  if (items.size() <= 1) return items.empty() ? std::string() : items[0];
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return join(head, ", ") + std::string(last) + items.back();
}

}  // namespace

std::string join_or(const std::vector<std::string>& items) { return join_last(items, " or "); }
std::string join_and(const std::vector<std::string>& items) { return join_last(items, " and "); }

}  // namespace scorecard

namespace scorecard {

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    if (end == i) break;
    const std::string_view word = text.substr(i, end - i);
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    i = end;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace scorecard
