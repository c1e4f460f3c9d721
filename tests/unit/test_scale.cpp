// National-scale machinery: results independent of the thread count, and the streaming
// JSON writer byte-identical to nlohmann/json.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include <scorecard/dataset.hpp>
#include <scorecard/render.hpp>

#include "helpers.hpp"
#include "json_writer.hpp"

using namespace scorecard;

namespace {

std::string export_of(const Dataset& d, unsigned threads) {
  std::ostringstream out;
  ExportInfo info;
  info.threads = threads;
  render_json(builtin_rubric(), d.scores, info, out);
  return out.str();
}

}  // namespace

TEST_CASE("loading with 1, 2 or 5 threads gives the same results and diagnostics in the same order", "[scale]") {
  const std::vector<std::string> paths = {std::string(SCORECARD_SOURCE_DIR) + "/data/jurisdictions",
                                          std::string(SCORECARD_SOURCE_DIR) + "/tests/e2e/fixtures"};
  const Dataset one = load_dataset(paths, builtin_rubric(), 1);
  REQUIRE(one.scores.size() >= 12);
  for (unsigned threads : {2u, 5u}) {
    const Dataset many = load_dataset(paths, builtin_rubric(), threads);
    CHECK(test::lines(many.diagnostics) == test::lines(one.diagnostics));
    CHECK(export_of(many, threads) == export_of(one, 1));
  }
}

TEST_CASE("the streaming JSON writer writes what nlohmann's dump(2) writes", "[scale]") {
  using Json = nlohmann::ordered_json;
  const std::vector<std::string> strings = {"", "plain", "quote \" back \\ slash", "ctl \x01\x1f\t\n\r\b\f",
                                            "café — “ok” ✓ 🙂", "bad \xff utf-8", "\x7f del",
                                            "\xff", "\"", "cut \xe2\x80", "\xe2\x80\xa8\xc3"};
  const std::vector<double> numbers = {0.0, 1.0, 2.0, 1.5, 1.455, 16.0 / 11.0, 1e20, 1e-7, 123456.789, -2.5};
  Json expected = Json::object();
  std::ostringstream out;
  detail::JsonWriter w(out);
  w.begin_object();
  for (std::size_t i = 0; i < strings.size(); ++i) {
    expected["s" + std::to_string(i)] = strings[i];
    w.field("s" + std::to_string(i), strings[i]);
  }
  Json list = Json::array();
  w.key("numbers").begin_array();
  for (double d : numbers) {
    list.push_back(d);
    w.value(d);
  }
  w.end_array();
  expected["numbers"] = list;
  expected["empty_object"] = Json::object();
  expected["empty_array"] = Json::array();
  expected["nested"] = {{"a", {1, 2, {{"b", nullptr}}}}, {"t", true}, {"f", false}, {"n", 42}};
  w.key("empty_object").begin_object().end_object().key("empty_array").begin_array().end_array();
  w.key("nested").begin_object().key("a").begin_array().value(1).value(2).begin_object().key("b").null().end_object();
  w.end_array().field("t", true).field("f", false).field("n", 42).end_object().end_object();
  w.flush();
  CHECK(out.str() == expected.dump(2, ' ', false, Json::error_handler_t::replace));
  // The same through a writer that appends to a string.
  std::string text;
  {
    detail::JsonWriter s(text);
    s.begin_object();
    for (std::size_t i = 0; i < strings.size(); ++i) s.field("s" + std::to_string(i), strings[i]);
    s.key("numbers").begin_array();
    for (double d : numbers) s.value(d);
    s.end_array();
    s.key("empty_object").begin_object().end_object().key("empty_array").begin_array().end_array();
    s.key("nested").begin_object().key("a").begin_array().value(1).value(2).begin_object().key("b").null().end_object();
    s.end_array().field("t", true).field("f", false).field("n", 42).end_object().end_object();
  }
  CHECK(text == out.str());
}
