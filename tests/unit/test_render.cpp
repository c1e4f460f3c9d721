#include <catch2/catch.hpp>

#include <sstream>

#include <scorecard/load.hpp>
#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include <scorecard/summary.hpp>

#include "helpers.hpp"
#include "render_detail.hpp"

using namespace scorecard;

TEST_CASE("CSV cells are quoted per RFC 4180 and formulas are neutralised", "[render]") {
  using detail::csv_cell;
  CHECK(csv_cell("plain") == "plain");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
  CHECK(csv_cell("=SUM(A1)") == "'=SUM(A1)");
  CHECK(csv_cell("+1") == "'+1");
  CHECK(csv_cell("-1") == "'-1");
  CHECK(csv_cell("@cmd") == "'@cmd");
  CHECK(csv_cell("\tx") == "'\tx");
  CHECK(csv_cell("=a,b") == "\"'=a,b\"");
  CHECK(csv_cell("") == "");
  CHECK(csv_cell("café") == "café");
}

TEST_CASE("Markdown text escapes specials and folds newlines", "[render]") {
  using detail::markdown_text;
  CHECK(markdown_text("a | b") == "a \\| b");
  CHECK(markdown_text("<script>") == "\\<script\\>");
  CHECK(markdown_text("*x* _y_ `z` [l](u) ~s~ #h \\") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\#h \\\\");
  CHECK(markdown_text("one\r\ntwo\n") == "one two");
}

TEST_CASE("parse_format knows every format", "[render]") {
  CHECK(parse_format("text") == Format::text);
  CHECK(parse_format("table") == Format::text);  // the older name
  CHECK(parse_format("junit") == Format::junit);
  CHECK_FALSE(parse_format("htm"));
  CHECK(parse_format("json") == Format::json);
  CHECK(parse_format("csv") == Format::csv);
  CHECK(parse_format("markdown") == Format::markdown);
  CHECK(parse_format("html") == Format::html);
  CHECK_FALSE(parse_format("xml"));
  CHECK_FALSE(parse_format("JSON"));
}

TEST_CASE("the JSON summary counts residents only where the population is known", "[render]") {
  auto a = load_jurisdiction_from_string(test::k_valid_file, "a.yaml");
  auto b = load_jurisdiction_from_string(test::replace(test::k_valid_file, "population: 1000\n", ""), "b.yaml");
  std::vector<JurisdictionScore> scores = {score_jurisdiction(builtin_rubric(), *a.jurisdiction),
                                           score_jurisdiction(builtin_rubric(), *b.jurisdiction)};
  const Summary s = summarize(builtin_rubric(), scores);
  CHECK(s.jurisdictions == 2);
  CHECK(s.with_population == 1);
  CHECK(s.residents == 1000);
  CHECK(s.tiers[0].jurisdictions == 2);
  CHECK(s.tiers[0].unknown_population == 1);
  CHECK(summary_sentence(builtin_rubric(), s, s.tiers[0]) ==
        "2 of 2 jurisdictions are rated On Track, home to 1,000 of the 1,000 residents counted; population unknown "
        "for 1");
  scores.pop_back();
  const Summary known = summarize(builtin_rubric(), scores);
  CHECK(summary_sentence(builtin_rubric(), known, known.tiers[0]) ==
        "1,000 of 1,000 residents live under On Track policies (1 of 1 jurisdiction)");
  CHECK(not_rated_sentence(known).empty());
  // Not rated overall: counted apart, with its residents.
  auto open = load_jurisdiction_from_string(
      test::replace(test::k_valid_file, "custody: {rating: 1", "custody: {answers: {detainer_hold_prohibited: unclear}"),
      "o.yaml");
  scores.push_back(score_jurisdiction(builtin_rubric(), *open.jurisdiction));
  const Summary mixed = summarize(builtin_rubric(), scores);
  CHECK(mixed.unrated == 1);
  CHECK(mixed.not_rated.jurisdictions == 1);
  CHECK(mixed.not_rated.residents == 1000);
  CHECK(mixed.tiers[0].jurisdictions == 1);
  CHECK(not_rated_sentence(mixed) == "1,000 of 2,000 residents live in jurisdictions not rated (1 of 2 jurisdictions)");
  std::ostringstream out;
  render_json(builtin_rubric(), scores, {}, out);
  CHECK(out.str().find("\"generated_at\"") == std::string::npos);
  std::ostringstream stamped;
  render_json(builtin_rubric(), scores, {"name", true, {"tier<=2"}, {"custody=1"}, false, "2024-01-01T00:00:00Z", 0, ""}, stamped);
  CHECK(stamped.str().find("\"generated_at\": \"2024-01-01T00:00:00Z\"") != std::string::npos);
  CHECK(stamped.str().find("\"sort\": \"name\"") != std::string::npos);
}

TEST_CASE("the comparison table narrows the name column to fit a terminal", "[render]") {
  auto load = load_jurisdiction_from_string(
      test::replace(test::k_valid_file, "name: Testville", "name: A Very Long Jurisdiction Name Indeed"), "w.yaml");
  std::vector<JurisdictionScore> scores = {score_jurisdiction(builtin_rubric(), std::move(*load.jurisdiction))};
  std::ostringstream wide;
  render_compare_table(builtin_rubric(), scores, {false, 0}, wide);
  CHECK(wide.str().find("A Very Long Jurisdiction Name Indeed") != std::string::npos);
  auto first_row = [](const std::string& table) {
    const auto start = table.find('\n') + 1;
    return table.substr(start, table.find('\n', start) - start);
  };
  // 100 columns: the name column gives up what the table is too wide by.
  std::ostringstream fits;
  render_compare_table(builtin_rubric(), scores, {false, 100}, fits);
  CHECK(first_row(fits.str()).rfind("A Very Long… IL", 0) == 0);
  CHECK(display_width(first_row(fits.str())) == 100);
  // 60 columns: the name column stops at 12; the other columns keep their width.
  std::ostringstream narrow;
  render_compare_table(builtin_rubric(), scores, {false, 60}, narrow);
  CHECK(first_row(narrow.str()).rfind("A Very Long… ", 0) == 0);
  std::ostringstream colour;
  render_compare_table(builtin_rubric(), scores, {true, 0}, colour);
  CHECK(colour.str().find("\x1b[") != std::string::npos);
  CHECK(wide.str().find("\x1b[") == std::string::npos);
}
