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

TEST_CASE("the comparison table takes narrower shapes to fit a terminal", "[render]") {
  auto load = load_jurisdiction_from_string(
      test::replace(test::k_valid_file, "name: Testville", "name: A Very Long Jurisdiction Name Indeed"), "w.yaml");
  std::vector<JurisdictionScore> scores = {score_jurisdiction(builtin_rubric(), std::move(*load.jurisdiction))};
  auto table = [&](std::size_t width) {
    std::ostringstream out;
    render_compare_table(builtin_rubric(), scores, {false, width}, out);
    return out.str();
  };
  auto line = [](const std::string& text, std::size_t n) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) start = text.find('\n', start) + 1;
    return text.substr(start, text.find('\n', start) - start);
  };
  auto widest = [](const std::string& text) {
    std::size_t most = 0;
    std::istringstream lines(text);
    for (std::string l; std::getline(lines, l);) most = std::max(most, display_width(l));
    return most;
  };
  // No limit: the whole name and the criteria's abbreviations.
  const std::string wide = table(0);
  CHECK(line(wide, 1).rfind("A Very Long Jurisdiction Name Indeed IL    ", 0) == 0);
  CHECK(line(wide, 0).find("Cust Intv Train") != std::string::npos);
  // Wide enough for the abbreviations with the name at 18 columns: the name gives way first.
  const std::string fits = table(110);
  CHECK(line(fits, 0).find("Cust Intv Train") != std::string::npos);
  CHECK(display_width(line(fits, 1)) <= 110);
  // 80 columns: numbered criteria, "St" and "Pop.", the legend naming the numbers.
  const std::string eighty = table(80);
  CHECK(line(eighty, 0).find(" St Pop. 1 2 3 4 5 6 7 8 Rated Overall") != std::string::npos);
  CHECK(eighty.find("Columns: St = State, Pop. = Population, 1 = Custody, 2 = Immigration Interviews,") !=
        std::string::npos);
  CHECK(widest(eighty) <= 80);
  // 40 columns: the criteria packed in one column under their numbers, the overall tier a
  // number, no population or score, the name cut to what is left.
  const std::string forty = table(40);
  CHECK(line(forty, 0) == "Jurisdiction   St 12345678 Rated Overall");
  CHECK(line(forty, 1).rfind("A Very Long J… IL ", 0) == 0);
  CHECK(forty.find("(the score) is left out to fit") != std::string::npos);
  CHECK(widest(forty) <= 40);
  // Narrower than the narrowest shape: the name stops at 12 and the rows run over.
  CHECK(line(table(20), 1).rfind("A Very Long… IL ", 0) == 0);
  std::ostringstream colour;
  render_compare_table(builtin_rubric(), scores, {true, 0}, colour);
  CHECK(colour.str().find("\x1b[") != std::string::npos);
  CHECK(wide.find("\x1b[") == std::string::npos);
}

TEST_CASE("tiers are painted in the rubric's palette where the terminal shows it", "[render]") {
  auto load = load_jurisdiction_from_string(test::k_valid_file, "t.yaml");
  std::vector<JurisdictionScore> scores = {score_jurisdiction(builtin_rubric(), std::move(*load.jurisdiction))};
  auto table = [&](ColorDepth depth) {
    std::ostringstream out;
    render_compare_table(builtin_rubric(), scores, {true, 0, depth}, out);
    return out.str();
  };
  // Tier 1 of the built-in rubric: "#009E73", terminal_color green.
  CHECK(table(ColorDepth::truecolor).find("\x1b[38;2;000;158;115m") != std::string::npos);
  CHECK(table(ColorDepth::xterm256).find("\x1b[1;38;5;35m") != std::string::npos);
  CHECK(table(ColorDepth::basic).find("\x1b[32m") != std::string::npos);
}

TEST_CASE("populations in three figures for narrow tables", "[text]") {
  CHECK(short_population(950) == "950");
  CHECK(short_population(9'540) == "9.5k");
  CHECK(short_population(411'452) == "411k");
  CHECK(short_population(999'950) == "1m");
  CHECK(short_population(2'722'586) == "2.7m");
  CHECK(short_population(17'900'000) == "17.9m");
  CHECK(short_population(1'411'750'000) == "1.4b");
  CHECK(short_population(3'000'000'000'000) == "3000b");
}
