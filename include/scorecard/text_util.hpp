#pragma once
// Small text helpers shared by the loader, the validator and the renderers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scorecard {

// The candidate closest to word by edit distance, if it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// " (did you mean "x"?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// 2722586 -> "2,722,586".
std::string group_thousands(long long value);

// Residents for prose: "257,232", "2.7 million", "17.9 million".
std::string format_residents(long long value);

// A population as its source gives it: exact, "2,722,586"; rounded to a power of ten, as
// rounded: 8600000 to 100000 is "8.6m", 257000 to 1000 is "257k", 250 to 10 is "about 250".
std::string population_text(long long value, long long rounded_to);

// A population in at most three figures, for narrow tables: 672k, 2.7m, 17.9m, 1.4b, 950.
std::string short_population(long long value);

// Fixed three-decimal rendering used everywhere a weighted mean is shown.
std::string format_mean(double mean);

// Length of the valid UTF-8 sequence starting at byte i of text, or 0 if there is none
// there (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);
// How many bytes from byte i begin a valid UTF-8 sequence: its whole length when it is
// valid, fewer when it breaks off (the byte that breaks it is not counted), 0 when byte i
// cannot start one.
std::size_t utf8_valid_prefix(std::string_view text, std::size_t i);

// Number of terminal columns a UTF-8 string occupies (one per code point; good for our text).
std::size_t display_width(std::string_view text);

// Cuts text to at most width columns, ending in "…" when cut.
std::string truncate_display(std::string_view text, std::size_t width);

// The one escaping loop every output format shares: text with each character c replaced
// by replacement(c) when that is not null ("" drops the character).
template <class Replacement>
std::string escape_each(std::string_view text, Replacement&& replacement) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (const char* r = replacement(c)) {
      out += r;
    } else {
      out += c;
    }
  }
  return out;
}

// Joins items with sep.
std::string join(const std::vector<std::string>& items, std::string_view sep);
// "a", "a or b", "a, b or c"; "a, b and c"
std::string join_or(const std::vector<std::string>& items);
std::string join_and(const std::vector<std::string>& items);

}  // namespace scorecard

namespace scorecard {
// Splits text into lines of at most width columns, breaking at spaces; runs of white
// space collapse to one space. A word longer than width gets a line of its own.
std::vector<std::string> wrap(std::string_view text, std::size_t width);
}  // namespace scorecard
