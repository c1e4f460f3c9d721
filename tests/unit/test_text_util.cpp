#include <catch2/catch.hpp>

#include <scorecard/text_util.hpp>

#include "yaml_util.hpp"

using namespace scorecard;

TEST_CASE("did_you_mean suggests the closest candidate, including swapped letters", "[text]") {
  const std::vector<std::string> keys = {"name", "state", "kind", "population"};
  CHECK(did_you_mean("nmae", keys) == " (did you mean \"name\"?)");
  CHECK(did_you_mean("populaton", keys) == " (did you mean \"population\"?)");
  CHECK(did_you_mean("zzzzzz", keys).empty());
  CHECK(did_you_mean("", keys).empty());
  CHECK_FALSE(closest_match(std::string(500, 'a'), keys).has_value());
  // Suggestions are skipped for very long candidate lists (thousands of source ids).
  std::vector<std::string> many(1001, "zzzz");
  many.push_back("name");
  CHECK_FALSE(closest_match("nmae", many).has_value());
}

TEST_CASE("group_thousands inserts commas", "[text]") {
  CHECK(group_thousands(0) == "0");
  CHECK(group_thousands(999) == "999");
  CHECK(group_thousands(1000) == "1,000");
  CHECK(group_thousands(2722586) == "2,722,586");
  CHECK(group_thousands(-1234567) == "-1,234,567");
}

TEST_CASE("format_mean prints three decimals", "[text]") {
  CHECK(format_mean(16.0 / 11.0) == "1.455");
  CHECK(format_mean(1.5) == "1.500");
}

TEST_CASE("wrap breaks at spaces and keeps long words whole", "[text]") {
  CHECK(wrap("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
  CHECK(wrap("  spaced\n\n out  ", 80) == std::vector<std::string>{"spaced out"});
  CHECK(wrap("supercalifragilistic word", 5) == std::vector<std::string>{"supercalifragilistic", "word"});
  CHECK(wrap("", 10).empty());
}

TEST_CASE("display width and truncation count code points, not bytes", "[text]") {
  CHECK(display_width("café") == 4);
  CHECK(truncate_display("Washington, DC", 8) == "Washing…");
  CHECK(truncate_display("café", 4) == "café");
  CHECK(display_width(truncate_display("ééééé", 3)) == 3);
}

TEST_CASE("is_valid_date accepts real dates, months and years only", "[text]") {
  using detail::is_valid_date;
  CHECK(is_valid_date("2019-12-19"));
  CHECK(is_valid_date("2020-02-29"));
  CHECK(is_valid_date("2019-06"));
  CHECK(is_valid_date("1989"));
  CHECK_FALSE(is_valid_date("2019-02-29"));
  CHECK_FALSE(is_valid_date("2020-13-45"));
  CHECK_FALSE(is_valid_date("2020-1-5"));
  CHECK_FALSE(is_valid_date("19-12-2019"));
  CHECK_FALSE(is_valid_date("2019-12-19T00:00"));
  CHECK_FALSE(is_valid_date(""));
}

TEST_CASE("UTF-8 sequences are checked against Unicode's table of well-formed bytes", "[text]") {
  using std::string_view;
  CHECK(utf8_sequence_length(string_view("a"), 0) == 1);
  CHECK(utf8_sequence_length(string_view("\xC3\xA9"), 0) == 2);
  CHECK(utf8_sequence_length(string_view("\xE2\x80\x94"), 0) == 3);
  CHECK(utf8_sequence_length(string_view("\xF0\x9F\x99\x82"), 0) == 4);
  CHECK(utf8_sequence_length(string_view("\xF4\x8F\xBF\xBF"), 0) == 4);  // U+10FFFF
  // Overlong forms, surrogates, past U+10FFFF, stray continuation and cut-off sequences.
  for (const char* bad : {"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\xF5\x80\x80\x80", "\x80", "\xBF", "\xFF", "\xE2\x80", "\xF0\x9F\x99"}) {
    CAPTURE(bad);
    CHECK(utf8_sequence_length(string_view(bad), 0) == 0);
  }
  // The valid beginning of a broken sequence, without the byte that breaks it.
  CHECK(utf8_valid_prefix(string_view("\xE2\x80x"), 0) == 2);
  CHECK(utf8_valid_prefix(string_view("\xF0\x9F\x99"), 0) == 3);
  CHECK(utf8_valid_prefix(string_view("\xED\xA0\x80"), 0) == 1);
  CHECK(utf8_valid_prefix(string_view("\xFF"), 0) == 0);
  CHECK(utf8_valid_prefix(string_view("\xC3\xA9"), 0) == 2);
}

TEST_CASE("population_text shows a rounded figure as rounded and an exact one in full", "[text]") {
  CHECK(population_text(2722586, 1) == "2,722,586");
  CHECK(population_text(8600000, 100000) == "8.6m");
  CHECK(population_text(1300000, 100000) == "1.3m");
  CHECK(population_text(2000000, 1000000) == "2m");
  CHECK(population_text(1250000, 10000) == "1.25m");
  CHECK(population_text(257000, 1000) == "257k");
  CHECK(population_text(900000, 100000) == "900k");
  CHECK(population_text(12300, 100) == "12.3k");
  CHECK(population_text(250, 10) == "about 250");
  CHECK(population_text(0, 10) == "about 0");
}
