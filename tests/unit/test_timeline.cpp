#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <scorecard/rubric.hpp>
#include <scorecard/history.hpp>
#include <scorecard/load.hpp>
#include <scorecard/render.hpp>
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
  CHECK(custody.since() == "2016-01-04");
  REQUIRE(custody.history().size() == 2);
  CHECK(custody.history()[0].since() == "2015-12-22");
  CHECK(custody.history()[0].note == "the revision");
  CHECK(custody.history()[0].id == "custody");
  CHECK(custody.history()[1].rating == 1);
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
  CHECK(custody.since() == "2014-04-16");
  CHECK(custody.history().empty());
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

namespace {


const HistoryChange* change_of(const JurisdictionHistory& h, const std::string& date, const std::string& criterion) {
  for (const auto& e : h.events) {
    if (e.date != date) continue;
    for (const auto& c : e.changes) {
      if (c.subject.criterion == criterion) return &c;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("history: the days a state begins, the changes they make and their causes, inherited ones too") {
  test::TempDir files;
  // The county runs the city's jail: its 2014 ordinance and 2017 reversal move the city's
  // custody, which the city does not answer itself.
  std::string county = replace(replace(test::k_valid_file, "name: Testville\nstate: IL\nkind: city\n",
                                       "name: Test County\nstate: IL\nkind: county\n"),
                               "  custody: {rating: 1, sources: [law]}\n", R"(  custody:
    since: 2017-01-26
    answers: {detainer_hold_prohibited: none, judicial_warrant_required: "no"}
    sources: [r2017]
    note: The reversal. Holds for everyone.
    history:
      - since: 2014-01-01
        answers: {detainer_hold_prohibited: some_convictions, judicial_warrant_required: "no"}
        sources: [r2014]
        note: The resolution.
)");
  county = replace(county, "sources:\n", R"(sources:
  r2014: {title: Resolution 2014, url: "https://example.org/2014"}
  r2017: {title: Reversal 2017, url: "https://example.org/2017"}
)");
  files.write("county.yaml", county);
  std::string city = replace(test::k_valid_file, "  custody: {rating: 1, sources: [law]}\n",
                             "  custody: {answers: {detainer_hold_prohibited: unclear}, sources: [law]}\n");
  files.write("city.yaml", "jail_authority: county\n" + city);
  const History history = build_history({files.path.string()}, builtin_rubric(), 1, parse_day("2026-12-02"));
  INFO(test::lines(history.diagnostics).size());
  for (const auto& line : lines(history.diagnostics)) UNSCOPED_INFO(line);
  CHECK(lines(history.diagnostics).empty());
  CHECK(history.days == 2);
  REQUIRE(history.jurisdictions.size() == 2);
  const JurisdictionHistory& c = history.jurisdictions[0];
  REQUIRE(c.id == "city");
  const HistoryChange* in2014 = change_of(c, "2014-01-01", "custody");
  REQUIRE(in2014);
  CHECK(in2014->from == std::nullopt);
  CHECK(in2014->to == 2);
  REQUIRE(in2014->causes.size() == 1);
  CHECK(in2014->causes[0].government == "county");
  CHECK(in2014->causes[0].via == "jail_authority");
  CHECK(in2014->causes[0].since == "2014-01-01");
  CHECK(in2014->causes[0].note == "The resolution.");
  REQUIRE(in2014->causes[0].sources.size() == 1);
  CHECK(in2014->causes[0].sources[0].url == "https://example.org/2014");
  const HistoryChange* in2017 = change_of(c, "2017-01-26", "custody");
  REQUIRE(in2017);
  CHECK(in2017->from == 2);
  CHECK(in2017->to == 3);
  // The city's undated criteria hold at every day (it has no review date): rated from the
  // first day, and no undated state is listed as a cause.
  CHECK(c.events.front().date == "2014-01-01");
  CHECK_FALSE(change_of(c, "2014-01-01", "interviews"));
  CHECK(change_of(c, "2014-01-01", "")->to == 2);  // the overall tier, once custody is rated
  CHECK(c.now.tier == 3);
  const JurisdictionHistory& held = history.jurisdictions[1];
  REQUIRE(held.events.size() == 2);
  CHECK(held.events[1].changes.front().causes.front().via == "own");

  std::ostringstream text;
  render_history_text(builtin_rubric(), history, {}, text);
  CHECK(text.str().find("  2017-01-26  Custody: 2 Making Progress With Need for Improvement -> 3 Significant Room for\n"
                        "              Improvement\n                Test County, which runs the jail (Custody), since 2017-01-26: "
                        "The reversal.\n") != std::string::npos);
}

TEST_CASE("history: a long history, one state a day, lists every change once") {
  test::TempDir files;
  // Custody alternates between tier 1 and tier 3 every day for 2,000 days.
  std::string states;
  const int first = *parse_day("2000-01-01");
  for (int k = 1999; k >= 0; --k) {
    states += fmt::format("      - {{since: {}, rating: {}, sources: [law]}}\n", format_day(first + k), k % 2 == 0 ? 1 : 3);
  }
  std::string text = replace(test::k_valid_file, "  custody: {rating: 1, sources: [law]}\n",
                             "  custody:\n    since: " + format_day(first + 2000) +
                                 "\n    rating: 1\n    sources: [law]\n    history:\n" + states);
  files.write("long.yaml", "reviewed: 2026-11\n" + text);
  const History history = build_history({files.path.string()}, builtin_rubric(), 1, parse_day("2026-12-02"));
  REQUIRE(lines(history.diagnostics).empty());
  REQUIRE(history.jurisdictions.size() == 1);
  const auto& h = history.jurisdictions[0];
  std::size_t custody = 0;
  for (const auto& e : h.events) {
    for (const auto& c : e.changes) if (c.subject.criterion == "custody") ++custody;
  }
  CHECK(custody == 2001);  // every day's state, each a change of tier
  CHECK(h.tier_on(builtin_rubric(), 0, "2000-01-01") == 1);
  CHECK(h.tier_on(builtin_rubric(), 0, "2000-01-02") == 3);
  CHECK(h.tier_on(builtin_rubric(), 0, "1999-12-31") == std::nullopt);
  Jurisdiction j = load("reviewed: 2026-11\n" + text);
  CHECK(custody_tier(j, format_day(first + 1234).c_str()) == 1);
  CHECK(custody_tier(j, format_day(first + 1235).c_str()) == 3);
  CHECK(custody_tier(j, format_day(first + 5000).c_str()) == 1);  // today's state
}
