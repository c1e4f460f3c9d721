#include <catch2/catch.hpp>

#include <algorithm>

#include <scorecard/rubric.hpp>
#include <scorecard/load.hpp>
#include <scorecard/score.hpp>
#include <scorecard/timeline.hpp>
#include <scorecard/validate.hpp>

#include "helpers.hpp"

using namespace scorecard;
using scorecard::test::lines;
using scorecard::test::replace;

namespace {

// Testville with a custody history: no holds without a warrant since 2016-01-04, a
// revision from 2015-12-22, the first order of 2014-04-16.
const std::string k_custody = R"(  custody:
    since: 2016-01-04
    answers: {detainer_hold_prohibited: some_convictions, judicial_warrant_required: "no"}
    sources: [law]
    history:
      - since: 2015-12-22
        answers: {detainer_hold_prohibited: none, judicial_warrant_required: "no"}
        sources: [law]
        note: the revision
      - since: 2014-04-16
        rating: 1
        sources: [old]
)";

std::string with_history(const std::string& custody = k_custody) {
  std::string text = replace(test::k_valid_file, "  custody: {rating: 1, sources: [law]}\n", custody);
  text = replace(text, "  law: {", "  old: {title: The 2014 order, url: \"https://example.org/old\"}\n  law: {");
  return "reviewed: 2026-12\n" + text;
}

Jurisdiction load(const std::string& text) {
  auto loaded = load_jurisdiction_from_string(text, "t.yaml");
  REQUIRE(lines(loaded.diagnostics).empty());
  REQUIRE(loaded.jurisdiction);
  return std::move(*loaded.jurisdiction);
}

std::vector<std::string> check(const std::string& text, int today = *parse_day("2026-12-02")) {
  auto loaded = load_jurisdiction_from_string(text, "t.yaml");
  Diagnostics all = loaded.diagnostics;
  if (loaded.jurisdiction) {
    Diagnostics more = validate_jurisdiction(*loaded.jurisdiction, builtin_rubric(), ValidateScope::all, today);
    all.insert(all.end(), more.begin(), more.end());
  }
  sort_by_position(all);
  return lines(all);
}

std::optional<int> custody_tier(Jurisdiction j, const char* day) {
  project_as_of(j, *parse_day(day));
  return score_jurisdiction(builtin_rubric(), std::move(j)).criteria.front().tier;
}

}  // namespace

TEST_CASE("days: civil dates both ways, partial dates as their first or last day") {
  CHECK(*parse_day("1970-01-01") == 0);
  CHECK(*parse_day("2000-03-01") - *parse_day("2000-02-28") == 2);  // 2000 is a leap year
  CHECK(*parse_day("1900-03-01") - *parse_day("1900-02-28") == 1);  // 1900 is not
  CHECK(format_day(*parse_day("2019-12-19")) == "2019-12-19");
  CHECK(format_day(*parse_day("1969-12-31")) == "1969-12-31");
  CHECK(format_day(*first_day("2017-02")) == "2017-02-01");
  CHECK(format_day(*last_day("2016-02")) == "2016-02-29");
  CHECK(format_day(*last_day("2017")) == "2017-12-31");
  CHECK_FALSE(parse_day("2017-02"));  // a day is a whole date
  CHECK_FALSE(parse_day("2019-02-29"));
  CHECK_FALSE(first_day("19-12-01"));
  CHECK_FALSE(first_day(""));
}

TEST_CASE("timeline: states load with their dates, most recent first") {
  const Jurisdiction j = load(with_history());
  const CriterionData& custody = *j.find_criterion("custody");
  CHECK(custody.since == "2016-01-04");
  REQUIRE(custody.history.size() == 2);
  CHECK(custody.history[0].since == "2015-12-22");
  CHECK(custody.history[0].note == "the revision");
  CHECK(custody.history[0].id == "custody");
  CHECK(custody.history[1].rating == 1);
  CHECK(has_timeline(j));
  CHECK_FALSE(has_timeline(load(test::k_valid_file)));
  CHECK(check(with_history()).empty());
}

TEST_CASE("timeline: as of a day, the state in force then, and before the first none") {
  const Jurisdiction j = load(with_history());
  CHECK(custody_tier(j, "2014-01-01") == std::nullopt);
  CHECK(custody_tier(j, "2014-04-15") == std::nullopt);
  CHECK(custody_tier(j, "2014-04-16") == 1);
  CHECK(custody_tier(j, "2015-12-21") == 1);
  CHECK(custody_tier(j, "2015-12-22") == 3);
  CHECK(custody_tier(j, "2016-01-03") == 3);
  CHECK(custody_tier(j, "2016-01-04") == 2);
  CHECK(custody_tier(j, "2030-01-01") == 2);
  Jurisdiction before = j;
  project_as_of(before, *parse_day("2014-01-01"));
  const CriterionData& custody = *before.find_criterion("custody");
  CHECK(custody.not_yet);
  CHECK(custody.since == "2014-04-16");
  CHECK(custody.history.empty());
  // Undated criteria hold from the file's review on.
  CHECK(before.find_criterion("interviews")->not_yet);
  Jurisdiction reviewed = j;
  project_as_of(reviewed, *parse_day("2026-12-01"));
  CHECK_FALSE(reviewed.find_criterion("interviews")->not_yet);
  CHECK(reviewed.find_criterion("interviews")->rating == 1);
  // A file without a review date or dates: every state always in force.
  Jurisdiction undated = load(test::k_valid_file);
  project_as_of(undated, *parse_day("1990-01-01"));
  CHECK(undated.find_criterion("custody")->rating == 1);
}

TEST_CASE("timeline: the dates of the states are checked") {
  SECTION("out of order") {
    const std::string text = replace(replace(with_history(), "2015-12-22", "2013-01-01"), "2014-04-16", "2014-06-01");
    CHECK(check(text) == std::vector<std::string>{
                             "t.yaml:19:16: error: criterion \"custody\": the state since 2014-06-01 is listed after "
                             "the one since 2013-01-01; list earlier states most recent first"});
  }
  SECTION("the same day, written two ways") {
    const std::string text = replace(replace(with_history(), "2015-12-22", "2014-04"), "2014-04-16", "2014-04-01");
    CHECK(check(text) == std::vector<std::string>{
                             "t.yaml:19:16: error: criterion \"custody\" has two states since the same day: 2014-04 and "
                             "2014-04-01"});
  }
  SECTION("in the future, after the review") {
    const std::string text = replace(replace(with_history(), "2016-01-04", "2027-01-04"), "reviewed: 2026-12",
                                     "reviewed: 2026-12-31");
    CHECK(check(text) == std::vector<std::string>{
                             "t.yaml:1:11: error: \"reviewed\" 2026-12-31 is in the future (today is 2026-12-02)",
                             "t.yaml:11:12: error: criterion \"custody\": a state since 2027-01-04 is in the future "
                             "(today is 2026-12-02)"});
    CHECK(check(replace(with_history(), "2016-01-04", "2027-01-05"), *parse_day("2027-06-01")) ==
          std::vector<std::string>{"t.yaml:11:12: warning: criterion \"custody\": a state since 2027-01-05 is later "
                                   "than the file's \"reviewed\" date 2026-12; update \"reviewed\""});
  }
  SECTION("an undated state with history, an earlier state without a date") {
    const std::string text = replace(replace(with_history(), "    since: 2016-01-04\n", ""), "      - since: 2014-04-16\n",
                                     "      - note: undated\n");
    CHECK(check(text) == std::vector<std::string>{
                             "t.yaml:10:3: error: criterion \"custody\" keeps earlier states under \"history\" but does "
                             "not say \"since\" when this state took effect",
                             "t.yaml:18:9: error: an earlier state of criterion \"custody\" needs \"since\": the date it "
                             "took effect"});
  }
  SECTION("each state is checked as today's is") {
    const std::string text =
        replace(replace(with_history(), "        sources: [old]\n", ""), "detainer_hold_prohibited: none",
                "detainer_hold_prohibited: nobody");
    CHECK(check(text) == std::vector<std::string>{
                             "t.yaml:7:3: warning: source \"old\" is never cited",
                             "t.yaml:16:45: error: \"nobody\" is not an answer to \"detainer_hold_prohibited\"; expected "
                             "one of any_conviction, some_convictions, none, unclear",
                             "t.yaml:19:9: warning: criterion \"custody\" (since 2014-04-16) cites no source"});
  }
  SECTION("history is a list of mappings, without a history of its own") {
    const std::string text = replace(with_history(), "        note: the revision\n",
                                     "        note: the revision\n        history: []\n");
    CHECK(check(text) == std::vector<std::string>{
                             "t.yaml:19:9: error: unknown key \"history\" in an earlier state of criterion \"custody\""});
    const auto found = check(replace(with_history(), "    history:\n      - since: 2015-12-22\n",
                                     "    history: 2015\n    old:\n      - since: 2015-12-22\n"));
    CHECK(std::count(found.begin(), found.end(),
                     "t.yaml:14:14: error: expected a list of earlier states for \"history\" of criterion \"custody\", "
                     "found a string") == 1);
  }
}
