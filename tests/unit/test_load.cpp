#include <catch2/catch.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <scorecard/load.hpp>

#include "helpers.hpp"

using namespace scorecard;
using scorecard::test::lines;

namespace {
JurisdictionLoad load(const std::string& text, const std::string& name = "t.yaml") {
  return load_jurisdiction_from_string(text, name);
}
}  // namespace

TEST_CASE("a valid file loads every field", "[load]") {
  const auto result = load(std::string(test::k_valid_file) + "id: testville\njail_authority: test-county\nreviewed: 2024-05\n");
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.jurisdiction);
  const Jurisdiction& j = *result.jurisdiction;
  CHECK(j.id == "testville");
  CHECK(j.name == "Testville");
  CHECK(j.state == "IL");
  CHECK(j.kind == "city");
  CHECK(j.population == 1000);
  CHECK(j.jail_authority == "test-county");
  CHECK(j.reviewed == "2024-05");
  REQUIRE(j.sources.size() == 1);
  CHECK(j.sources[0].id == "law");
  CHECK(j.sources[0].url == "https://example.org/law");
  CHECK(j.sources[0].date == "2020-02-29");
  REQUIRE(j.criteria.size() == 8);
  CHECK(j.criteria[0].id == "custody");
  CHECK(j.criteria[0].rating == 1);
  CHECK(j.criteria[0].rating_where.line == 8);
  CHECK(j.criteria[0].sources[0].id == "law");
}

TEST_CASE("the id defaults to the file stem", "[load]") {
  CHECK(load(test::k_valid_file, "data/new-york-city.yaml").jurisdiction->id == "new-york-city");
  const auto bad = load(test::k_valid_file, "data/New York.yaml");
  CHECK(lines(bad.diagnostics) ==
        std::vector<std::string>{"data/New York.yaml:1:1: error: the file name \"New York\" is not a valid id; add "
                                 "an \"id\" key using only a-z, 0-9 and '-'"});
}

TEST_CASE("answers, notes and flow lists are read with their positions", "[load]") {
  const auto result = load("name: X\ncriteria:\n  custody:\n    answers:\n      detainer_hold_prohibited: none\n"
                           "    note: >\n      folded\n      text\n    sources: [a, b]\n");
  REQUIRE(result.diagnostics.empty());
  const CriterionData& c = result.jurisdiction->criteria.at(0);
  CHECK(c.has_answers);
  CHECK_FALSE(c.rating);
  REQUIRE(c.answers.size() == 1);
  CHECK(c.answers[0].question == "detainer_hold_prohibited");
  CHECK(c.answers[0].value == "none");
  CHECK(c.answers[0].key_where.line == 5);
  CHECK(c.answers[0].key_where.column == 7);
  CHECK(c.answers[0].value_where.column == 33);
  CHECK(c.note == "folded text");
  CHECK(c.sources.size() == 2);
}

TEST_CASE("YAML syntax errors carry the parser's position", "[load]") {
  const auto result = load("name: X\ncriteria:\n  custody: [1, 2\n");
  CHECK_FALSE(result.jurisdiction);
  CHECK(lines(result.diagnostics) ==
        std::vector<std::string>{"t.yaml:4:1: error: invalid YAML: expected \",\" or \"]\", found the end of the file "
                                 "(in the \"[\" list that starts at line 3, column 12)"});
}

TEST_CASE("YAML syntax errors say what was found and where to look", "[load]") {
  const auto first = [](const std::string& text) { return lines(load(text).diagnostics).at(0); };
  // A line with no colon: reported on that line, not where yaml-cpp gave up on it (the next key's ":").
  CHECK(first("name: X\nfoo\nbar: 1\n") ==
        "t.yaml:2:1: error: invalid YAML: this line has no \":\" after its key (write \"key: value\", or indent it "
        "to continue the line before)");
  CHECK(first("name: a: b\ncriteria: {}\n") ==
        "t.yaml:1:8: error: invalid YAML: \":\" cannot start a mapping here (quote a value that holds \": \", or check "
        "the indentation)");
  CHECK(first("criteria:\n  custody: {}\n rights_trainings: {}\n") ==
        "t.yaml:3:2: error: invalid YAML: expected a key in line with the mapping that starts at line 1, column 1, "
        "found \"r\" (check the indentation)");
  CHECK(first("name: [a,\n") ==
        "t.yaml:2:1: error: invalid YAML: expected a value or \"]\", found the end of the file (in the \"[\" list that "
        "starts at line 1, column 7)");
  CHECK(first("name: \"X\" Y\ncriteria: {}\n") ==
        "t.yaml:1:11: error: invalid YAML: unexpected \"Y\" after a value; quote the whole value, or put the next key "
        "on a line of its own");
  CHECK(first("name: @X\n") ==
        "t.yaml:1:7: error: invalid YAML: \"@\" cannot start a value or key here; quote the value: write \"@X\"");
  CHECK(first("name: {a: 1\n") ==
        "t.yaml:2:1: error: invalid YAML: expected \",\" or \"}\", found the end of the file (in the \"{\" mapping "
        "that starts at line 1, column 7)");
  CHECK(first("name: \"a\\qb\"\n") ==
        "t.yaml:1:9: error: invalid YAML: unknown escape \"\\q\" in the double-quoted string that starts at line 1, "
        "column 7: write \\\\ for a backslash, or use single quotes, where \\ is an ordinary character");
  // Columns count characters, not bytes.
  CHECK(first("name: \"\xC3\xA9\xC3\xA9\\q\"\n") ==
        "t.yaml:1:10: error: invalid YAML: unknown escape \"\\q\" in the double-quoted string that starts at line 1, "
        "column 7: write \\\\ for a backslash, or use single quotes, where \\ is an ordinary character");
  CHECK(first("%YAML 2.0\n---\nname: X\n") ==
        "t.yaml:1:1: error: invalid YAML: unsupported %YAML version; write %YAML 1.2 or leave the directive out");
  CHECK(first("name: X\x01\n") == "t.yaml:1:8: error: invalid YAML: control character U+0001 is not allowed; delete it");
}

TEST_CASE("every kind of YAML syntax error says what was found and what to write", "[load]") {
  const auto first = [](const std::string& text) { return lines(load(text).diagnostics).at(0); };
  const std::string e = "error: invalid YAML: ";
  // Lines with no ":": the first such line is the one to fix.
  CHECK(first("name: X\nfoo\nbaz\nbar: 1\n") ==
        "t.yaml:2:1: " + e + "this line has no \":\" after its key (write \"key: value\", or indent it to continue the "
                             "line before)");
  CHECK(first("- a\n-b\nc: 1\n") == "t.yaml:2:1: " + e + "\"-\" needs a space after it to start a list item (write \"- "
                                                          "item\"), or this line has no \":\" after its key");
  CHECK(first("sources: [a, b] c\n") ==
        "t.yaml:1:17: " + e + "unexpected \"c\" after a value; quote the whole value, or put the next key on a line of "
                              "its own");
  CHECK(first("name: X\nkey: - a\n") ==
        "t.yaml:2:6: " + e + "\"- \" cannot start a list item here: a list goes on the lines below its key, each item "
                             "as \"- item\" indented under it (or quote a value that starts with \"- \")");
  CHECK(first("name: [a}\n") == "t.yaml:1:9: " + e + "\"}\" cannot close the \"[\" at line 1, column 7; write \"]\"");
  // The scanner runs ahead of the events: the bracket to close is found in the text.
  CHECK(first("name: x\nname2: [a, [b, {c: d]]\n") ==
        "t.yaml:2:21: " + e + "\"]\" cannot close the \"{\" at line 2, column 16; write \"}\"");
  CHECK(first("name: {a: 1 b: 2}\n") ==
        "t.yaml:1:14: " + e + "expected \",\" or \"}\", found \":\" (in the \"{\" mapping that starts at line 1, column 7)");
  CHECK(first("name: \"abc\n---\nx: 1\n") ==
        "t.yaml:2:1: " + e + "a line that starts with \"---\" or \"...\" cannot be inside a quoted string; is the "
                             "string's closing quote missing?");
  CHECK(first("name: \"a\\u12\"\n") ==
        "t.yaml:1:9: " + e + "invalid escape \"\\u12\" in the double-quoted string that starts at line 1, column 7: \\x "
                             "takes 2 hex digits, \\u 4 and \\U 8, naming a Unicode character");
  CHECK(first("name: & x\n") == "t.yaml:1:8: " + e + "\"&\" and \"*\" must be followed by a name of letters, digits, "
                                                      "\"-\" or \"_\", found \" \" (quote a value that starts with \"&\" "
                                                      "or \"*\")");
  CHECK(first("name: |x\n  a\n") == "t.yaml:1:8: " + e + "after \"|\" or \">\" only an indentation digit (1-9), \"+\" "
                                                          "or \"-\" and a comment may follow on the line, found \"x\"");
  CHECK(first("name: &a &b x\n") == "t.yaml:1:10: " + e + "a value can have one anchor (&name) and one tag (!tag) at most");
  CHECK(first("%YAML 1.2\n%YAML 1.2\n---\nname: x\n") ==
        "t.yaml:2:1: " + e + "repeated YAML directive (a \"%\" line before \"---\"); leave the directive out");
  CHECK(first("name: `x`\n") == "t.yaml:1:7: " + e + "\"`\" cannot start a value or key here; quote the value: write "
                                                      "\"`x`\"");
  CHECK(first("name: x\ncriteria:\n  custody: [1, 2") ==
        "t.yaml:4:1: " + e + "expected \",\" or \"]\", found the end of the file (in the \"[\" list that starts at line "
                             "3, column 12)");
}

TEST_CASE("what yaml-cpp 0.7 cannot read gets a message saying what to write instead", "[load]") {
  const auto first = [](const std::string& text) { return lines(load(text).diagnostics).at(0); };
  const std::string e = "error: invalid YAML: ";
  // A plain value holding "?" inside a flow collection (valid YAML 1.2).
  CHECK(first("name: X\nsources: {law: {title: T, url: http://x/a.aspx?b=1}}\n") ==
        "t.yaml:2:47: " + e + "inside [ ] or { }, a value that holds \"?\" must be quoted: write \"http://x/a.aspx?b=1\"");
  CHECK(first("name: [?x]\n") == "t.yaml:1:8: " + e + "inside [ ] or { }, a value that holds \"?\" must be quoted: write "
                                                       "\"?x\"");
  // A key inside { } whose ":" is on a later line, or that goes on over lines.
  CHECK(first("name: {foo\n  : bar}\n") ==
        "t.yaml:1:8: " + e + "a key inside { } must be on one line with its \":\" (yaml-cpp 0.7 reads no other way), "
                             "found one that goes on to line 2; join the lines");
  CHECK(first("name: {\"multi\n  line\": value}\n") ==
        "t.yaml:1:8: " + e + "a key inside { } must be on one line with its \":\" (yaml-cpp 0.7 reads no other way), "
                             "found one that goes on to line 2; join the lines");
}

TEST_CASE("review findings: quotes after tags, two byte-order marks, tabs on blank lines, root indentation", "[load]") {
  const auto first = [](const std::string& text) { return lines(load(text).diagnostics).at(0); };
  // A quote left open after a tag or an anchor.
  CHECK(first("name: !!str \"abc\ncriteria: {}\n") ==
        "t.yaml:1:7: error: this quoted string is never closed: add the closing quote");
  CHECK(first("name: &n 'abc\ncriteria: {}\n") ==
        "t.yaml:1:7: error: this quoted string is never closed: add the closing quote");
  // Two byte-order marks: positions still index the text.
  CHECK(first("\xEF\xBB\xBF\xEF\xBB\xBFname: \"abc\n") ==
        "t.yaml:1:7: error: this quoted string is never closed: add the closing quote");
  // Tabs on a blank line or before a comment inside a block are allowed.
  const auto tabs = load("name: X\ncriteria:\n  custody: {rating: 1}\n\t\n  \t# a comment\n  interviews: {rating: 2}\n");
  REQUIRE(tabs.jurisdiction);
  CHECK(tabs.jurisdiction->criteria.size() == 2);
  // Something after the top-level value, without "---", is an indentation problem.
  CHECK(first("  name: x\n  state: IL\nkind: city\n") ==
        "t.yaml:3:1: error: invalid YAML: found \"k\" after the end of the top-level mapping that starts at line 1, "
        "column 3; check the indentation");
  CHECK(first("---\n  name: x\nkind: city\n") ==
        "t.yaml:3:1: error: invalid YAML: found \"k\" after the end of the top-level mapping that starts at line 2, "
        "column 3; check the indentation");
  CHECK(first("name: x\n...\nname: y\n") == "t.yaml:3:1: error: the file holds 2 YAML documents; expected exactly one");
  // The bad escape, not the one after it that yaml-cpp read as its digits.
  CHECK(first("name: \"\\x1\\n\"\n") ==
        "t.yaml:1:8: error: invalid YAML: invalid escape \"\\x1\\\" in the double-quoted string that starts at line 1, "
        "column 7: \\x takes 2 hex digits, \\u 4 and \\U 8, naming a Unicode character");
  // A list item's value, without its "- ", is what to quote.
  CHECK(first("- - @x\n") == "t.yaml:1:5: error: invalid YAML: \"@\" cannot start a value or key here; quote the "
                             "value: write \"@x\"");
  // A comment after a tab holds no brackets.
  CHECK(first("name: [b,\t# see [x\n  c}\n") ==
        "t.yaml:2:4: error: invalid YAML: \"}\" cannot close the \"[\" at line 1, column 7; write \"]\"");
  // Columns count characters on a long line of non-ASCII text too.
  std::string line = "criteria: {";
  for (int i = 0; i < 2000; ++i) line += "\xC3\xA9" + std::to_string(i) + ": 1, ";
  line += "custody: [";
  const auto characters = std::count_if(line.begin(), line.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
  });
  CHECK(first("name: X\n" + line + "}\n") ==
        fmt::format("t.yaml:2:{}: error: invalid YAML: \"}}\" cannot close the \"[\" at line 2, column {}; write \"]\"",
                    characters + 1, characters));
}

TEST_CASE("the encoding check finds a character at any offset, eight bytes at a time or not", "[load]") {
  for (std::size_t k = 0; k < 24; ++k) {
    for (const std::string bad : {"\x01", "\x7F", "\xC2\x9B", "\xFF"}) {
      const std::string text = "name: " + std::string(k, 'a') + bad + "bcdefghijklmnop\ncriteria: {}\n";
      const auto d = lines(load(text).diagnostics);
      INFO(k << " " << static_cast<int>(static_cast<unsigned char>(bad[0])));
      REQUIRE_FALSE(d.empty());
      CHECK(d[0].starts_with("t.yaml:1:" + std::to_string(7 + k) + ": error: "));
    }
  }
}

TEST_CASE("scalars longer than their source text (the escapes L and P) are kept whole", "[load]") {
  // The tree keeps scalars in one block the size of the text; these do not fit it.
  std::string escapes;
  std::string expected;
  for (int i = 0; i < 500; ++i) {
    escapes += "\\L\\P";
    expected += "\xE2\x80\xA8\xE2\x80\xA9";
  }
  const auto result = load("name: \"" + escapes + "\"\nstate: IL\ncriteria: {}\nsources: {a: {title: \"" + escapes +
                           "x\"}}\n");
  REQUIRE(result.jurisdiction);
  CHECK(result.jurisdiction->name == expected);
  CHECK(result.jurisdiction->state == "IL");
  REQUIRE(result.jurisdiction->sources.size() == 1);
  CHECK(result.jurisdiction->sources[0].title == expected + "x");
}

TEST_CASE("CR-only line ends read as lines, and numbers may have a leading +", "[load]") {
  const auto result = load("name: X\rpopulation: +3\rcriteria:\r  custody: {rating: +1}\r");
  REQUIRE(result.jurisdiction);
  CHECK(lines(result.diagnostics).empty());
  CHECK(result.jurisdiction->name == "X");
  CHECK(result.jurisdiction->population == 3);
  CHECK(result.jurisdiction->criteria.at(0).rating_where.line == 4);
  CHECK(lines(load("name: X\rfoo\rbar: 1\r").diagnostics).at(0).starts_with("t.yaml:2:1: error: invalid YAML: this line"));
  CHECK(lines(load("name: X\npopulation: +\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:2:13: error: expected a whole number for \"population\", found \"+\""});
}

TEST_CASE("characters YAML does not allow are found before parsing, with their position", "[load]") {
  const auto first = [](const std::string& text) { return lines(load(text).diagnostics).at(0); };
  CHECK(first("name: X\ncriteria: {}\nnote: a\x7F\n") ==
        "t.yaml:3:8: error: invalid YAML: control character U+007F is not allowed; delete it");
  CHECK(first("name: \xC3\xA9\xC2\x9B\n") ==
        "t.yaml:1:8: error: invalid YAML: control character U+009B is not allowed; delete it");
  CHECK(first("name: \xEF\xBF\xBF\n") == "t.yaml:1:7: error: invalid YAML: character U+FFFF is not allowed; delete it, "
                                           "or write it as \"\\uFFFF\" inside double quotes");
  // A NUL byte later on says more: the file is binary.
  CHECK(first(std::string("\x01name: X\n\0", 10)) == std::string("t.yaml:2:1: error: NUL byte at offset 9; this looks like a binary "
                                                "file, not YAML text"));
  // Tab, line ends, NEL and no-break space are allowed.
  CHECK(lines(load("name: \"a\tb\xC2\x85\xC2\xA0\"\ncriteria: {}\n").diagnostics).empty());
  // Escaped, a control character is refused at its value: no output should carry one.
  CHECK(first("name: \"Evil\\0town\"\ncriteria: {}\n") ==
        "t.yaml:1:7: error: \"name\" holds the control character U+0000; write text only");
  CHECK(first("name: \"\\e[31mred\"\ncriteria: {}\n") ==
        "t.yaml:1:7: error: \"name\" holds the control character U+001B; write text only");
  CHECK(first("name: \"\\x9B2J\"\ncriteria: {}\n") ==
        "t.yaml:1:7: error: \"name\" holds the control character U+009B; write text only");
  CHECK(lines(load("name: \"a\\tb\\Nc\"\ncriteria: {}\n").diagnostics).empty());
}

TEST_CASE("aliases must name an anchor defined before them, outside themselves", "[load]") {
  CHECK(lines(load("name: *x\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:1:7: error: invalid YAML: the alias *x names no anchor (&x) defined before it"});
  CHECK(lines(load("name: X\ncriteria: &c {custody: *c}\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:2:24: error: invalid YAML: the alias *c is inside the value it names (&c), "
                                 "which would make it endless"});
  // The latest anchor of a name is the one an alias means.
  const auto result = load("a: &n First\nb: &n Second\nname: *n\ncriteria: {}\n");
  REQUIRE(result.jurisdiction);
  CHECK(result.jurisdiction->name == "Second");
}

TEST_CASE("empty, comment-only, multi-document and non-mapping files are rejected", "[load]") {
  CHECK(lines(load("").diagnostics) ==
        std::vector<std::string>{"t.yaml:1:1: error: the file is empty; expected a mapping of keys to values"});
  CHECK(lines(load("# nothing\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:1:1: error: the file is empty; expected a mapping of keys to values"});
  CHECK(lines(load("name: A\n---\nname: B\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:2:1: error: the file holds 2 YAML documents; expected exactly one"});
  CHECK(lines(load("- a\n- b\n").diagnostics) ==
        std::vector<std::string>{
            "t.yaml:1:1: error: expected a mapping of keys to values at the top of the file, found a list"});
  CHECK(lines(load("just text\n").diagnostics) ==
        std::vector<std::string>{
            "t.yaml:1:1: error: expected a mapping of keys to values at the top of the file, found a string"});
}

TEST_CASE("unknown and duplicate keys are errors at the key", "[load]") {
  const auto result = load("name: X\nnmae: Y\nname: Z\ncriteria: {}\n");
  CHECK(lines(result.diagnostics) ==
        std::vector<std::string>{
            "t.yaml:2:1: error: unknown key \"nmae\" in the jurisdiction (did you mean \"name\"?)",
            "t.yaml:3:1: error: duplicate key \"name\" (first defined at line 1)"});
}

TEST_CASE("duplicate keys are found at every level", "[load]") {
  const auto result = load(
      "name: X\nsources:\n  a: {title: T, title: U}\ncriteria:\n  custody: {rating: 1}\n  custody: {rating: 2}\n");
  CHECK(lines(result.diagnostics) ==
        std::vector<std::string>{"t.yaml:3:17: error: duplicate key \"title\" (first defined at line 3)",
                                 "t.yaml:6:3: error: duplicate key \"custody\" (first defined at line 5)"});
}

TEST_CASE("missing required keys are reported at the parent mapping", "[load]") {
  const auto result = load("\nstate: IL\n");
  CHECK(lines(result.diagnostics) ==
        std::vector<std::string>{"t.yaml:2:1: error: missing required key \"name\" in the jurisdiction",
                                 "t.yaml:2:1: error: missing required key \"criteria\" in the jurisdiction"});
}

TEST_CASE("wrong types name what was expected and what was found", "[load]") {
  const auto result = load("name: [a, b]\ncriteria: []\nsources: x\n");
  CHECK(lines(result.diagnostics) ==
        std::vector<std::string>{
            "t.yaml:1:7: error: expected a string for \"name\", found a list",
            "t.yaml:2:11: error: expected a mapping of criterion ids for \"criteria\", found a list",
            "t.yaml:3:10: error: expected a mapping of source ids to citations for \"sources\", found a string"});
  CHECK(lines(load("name:\ncriteria:\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:1:1: error: expected a string for \"name\", found nothing",
                                 "t.yaml:2:1: error: expected a mapping of criterion ids for \"criteria\", found "
                                 "nothing"});
}

TEST_CASE("field values are checked: state, kind, population, dates, ids, urls", "[load]") {
  const auto result = load(R"(id: Bad_Id
name: X
state: Illinois
kind: town
population: -5
reviewed: 2020-13-45
jail_authority: Cook County
sources:
  Law: {title: T, url: ftp://example.org, date: 2019-02-29}
  ok: {url: "https://example.org"}
criteria: {}
)");
  CHECK(lines(result.diagnostics) ==
        std::vector<std::string>{
            "t.yaml:1:5: error: \"id\" must use only a-z, 0-9 and '-', found \"Bad_Id\"",
            "t.yaml:3:8: error: \"state\" must be a two-letter postal code such as \"IL\", found \"Illinois\"",
            "t.yaml:4:7: error: \"kind\" must be one of city, county, parish, borough, state, other; found \"town\"",
            "t.yaml:5:13: error: \"population\" cannot be negative, found -5",
            "t.yaml:6:11: error: invalid date \"2020-13-45\" for \"reviewed\"; expected YYYY-MM-DD, YYYY-MM or YYYY",
            "t.yaml:7:17: error: \"jail_authority\" must use only a-z, 0-9 and '-', found \"Cook County\"",
            "t.yaml:9:3: error: source id \"Law\" must use only a-z, 0-9 and '-'",
            "t.yaml:9:24: error: url of source \"Law\" must start with https:// or http://",
            "t.yaml:9:49: error: invalid date \"2019-02-29\" for \"date\"; expected YYYY-MM-DD, YYYY-MM or YYYY",
            "t.yaml:10:7: error: missing required key \"title\" in source \"ok\""});
}

TEST_CASE("numbers must be whole and in range", "[load]") {
  CHECK(lines(load("name: X\npopulation: 2,722,586\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{
            "t.yaml:2:13: error: expected a whole number for \"population\", found \"2,722,586\""});
  CHECK(lines(load("name: X\npopulation: 123456789012345678901234567890\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{
            "t.yaml:2:13: error: \"population\" is out of range: \"123456789012345678901234567890\""});
  CHECK(lines(load("name: X\ncriteria:\n  custody: {rating: 1.5}\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:3:21: error: expected a whole number for \"rating\", found \"1.5\""});
}

TEST_CASE("criterion entries must be mappings with known keys", "[load]") {
  const auto result = load("name: X\ncriteria:\n  custody: 1\n  interviews: {ratting: 1, answers: [a]}\n");
  CHECK(lines(result.diagnostics) ==
        std::vector<std::string>{
            "t.yaml:3:12: error: expected a mapping with \"rating\" or \"answers\" for criterion \"custody\", found a "
            "string",
            "t.yaml:4:16: error: unknown key \"ratting\" in criterion \"interviews\" (did you mean \"rating\"?)",
            "t.yaml:4:37: error: expected a mapping of question ids to answers for \"answers\" in criterion "
            "\"interviews\", found a list"});
  REQUIRE(result.jurisdiction);
  CHECK_FALSE(result.jurisdiction->criteria[0].is_mapping);
}

TEST_CASE("a file that cannot be read is an error without a position", "[load]") {
  const auto result = load_jurisdiction_file("/nonexistent/dir/x.yaml");
  CHECK(lines(result.diagnostics) == std::vector<std::string>{"/nonexistent/dir/x.yaml: error: no such file"});
}

TEST_CASE("a population may be rounded, with the source that gives it", "[load]") {
  const auto result = load("name: X\npopulation: {value: 8600000, rounded_to: 100000, source: cpd}\ncriteria: {}\n");
  REQUIRE(result.diagnostics.empty());
  const Jurisdiction& j = *result.jurisdiction;
  CHECK(j.population == 8600000);
  CHECK(j.population_rounded_to == 100000);
  CHECK(j.population_rounded());
  CHECK(j.population_source == "cpd");
  CHECK(j.population_source_where.line == 2);
  const auto exact = load("name: X\npopulation: {value: 2722586}\ncriteria: {}\n");
  REQUIRE(exact.diagnostics.empty());
  CHECK(exact.jurisdiction->population == 2722586);
  CHECK_FALSE(exact.jurisdiction->population_rounded());
}

TEST_CASE("a rounded population must be a power of ten and a multiple of it", "[load]") {
  CHECK(lines(load("name: X\npopulation: {value: 8600000, rounded_to: 50000}\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:2:42: error: \"rounded_to\" must be a power of ten (1, 10, 100, 1000, ...), "
                                 "found 50000"});
  CHECK(lines(load("name: X\npopulation: {value: 8650000, rounded_to: 100000}\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{"t.yaml:2:42: error: population 8,650,000 is not rounded to 100,000; give the figure "
                                 "as the source rounds it"});
  CHECK(lines(load("name: X\npopulation: {rounded_to: 0, size: 3}\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{
            "t.yaml:2:13: error: missing required key \"value\" in \"population\"",
            "t.yaml:2:26: error: \"rounded_to\" must be a power of ten (1, 10, 100, 1000, ...), found 0",
            "t.yaml:2:29: error: unknown key \"size\" in \"population\""});
  const auto bad = load("name: X\npopulation: {value: 100, rounded_to: 10, source: Bad Id}\ncriteria: {}\n");
  CHECK(lines(bad.diagnostics) ==
        std::vector<std::string>{"t.yaml:2:50: error: \"source\" must use only a-z, 0-9 and '-', found \"Bad Id\""});
}

TEST_CASE("within and binds: their shapes, with every problem found", "[load]") {
  const auto good = load(R"(name: X
within: county
jail_authority: county
binds:
  custody:
    at_least: {detainer_hold_prohibited: some_convictions}
    at_most: {transfer_to_ice_prohibited: none}
    sources: [law]
    note: The state's law.
criteria: {}
)");
  REQUIRE(lines(good.diagnostics).empty());
  const Jurisdiction& j = *good.jurisdiction;
  REQUIRE(j.within.size() == 1);
  CHECK(j.within[0].id == "county");
  CHECK(j.within[0].where.line == 2);
  CHECK(j.jail_authority_where.line == 3);
  REQUIRE(j.binds.size() == 1);
  CHECK(j.binds[0].criterion == "custody");
  CHECK(j.binds[0].at_least.at(0).value == "some_convictions");
  CHECK(j.binds[0].at_most.at(0).question == "transfer_to_ice_prohibited");
  CHECK(j.binds[0].sources.at(0).id == "law");
  CHECK(j.binds[0].note == "The state's law.");

  CHECK(lines(load("name: X\nwithin: [a, a, Big County]\nbinds: [x]\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{
            "t.yaml:2:13: error: \"a\" is named twice in \"within\"",
            "t.yaml:2:16: error: \"within\" must name governments by id (a-z, 0-9 and '-'), found \"Big County\"",
            "t.yaml:3:8: error: expected a mapping of criterion ids for \"binds\", found a list"});
  CHECK(lines(load("name: X\nbinds:\n  custody: {sources: [a]}\n  interviews: 3\ncriteria: {}\n").diagnostics) ==
        std::vector<std::string>{
            "t.yaml:3:3: error: \"binds\" of criterion \"custody\" needs \"at_least\" or \"at_most\"",
            "t.yaml:4:15: error: expected a mapping with \"at_least\" or \"at_most\" for \"binds\" of criterion "
            "\"interviews\", found a string"});
}
