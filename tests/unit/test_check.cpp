#include <catch2/catch.hpp>

#include <sstream>

#include <scorecard/check.hpp>
#include <scorecard/load.hpp>
#include <scorecard/render.hpp>

#include "helpers.hpp"

using namespace scorecard;
using scorecard::test::lines;

namespace {

JurisdictionScore scored(const std::string& text, const std::string& name) {
  auto load = load_jurisdiction_from_string(text, name);
  REQUIRE(load.jurisdiction);
  return score_jurisdiction(builtin_rubric(), std::move(*load.jurisdiction));
}

// Testville (overall 1) and a copy with custody at 3 (overall 3).
std::vector<JurisdictionScore> two() {
  return {scored(test::k_valid_file, "good.yaml"),
          scored(test::replace(test::k_valid_file, "custody: {rating: 1", "custody: {rating: 3"), "bad.yaml")};
}

std::string json_of(const std::vector<JurisdictionScore>& scores) {
  std::ostringstream out;
  render_json(builtin_rubric(), scores, {}, out);
  return out.str();
}

}  // namespace

TEST_CASE("an export reads back as the snapshot of the same scores", "[check]") {
  const auto scores = two();
  const SnapshotLoad load = load_export_from_string(json_of(scores), "e.json");
  REQUIRE(load.diagnostics.empty());
  REQUIRE(load.snapshot);
  const Snapshot direct = snapshot_from_scores(builtin_rubric(), scores, "dir");
  const DiffResult diff = diff_snapshots(*load.snapshot, direct);
  CHECK(diff.count(DiffStatus::unchanged) == 2);
  CHECK(load.snapshot->find("bad")->overall == 3);
  CHECK(load.snapshot->find("bad")->find("custody")->tier == 3);
  CHECK(load.snapshot->criterion_titles.at("custody") == "Custody");
}

TEST_CASE("broken exports are reported with a position or a JSON pointer", "[check]") {
  CHECK(lines(load_export_from_string("{\n  \"a\": [1,\n", "e.json").diagnostics) ==
        std::vector<std::string>{"e.json:3:1: error: invalid JSON: syntax error while parsing value - unexpected end "
                                 "of input; expected '[', '{', or a literal"});
  CHECK(lines(load_export_from_string("[]", "e.json").diagnostics) ==
        std::vector<std::string>{"e.json: error: expected a JSON object (a scorecard export)"});
  CHECK(lines(load_export_from_string("{}", "e.json").diagnostics) ==
        std::vector<std::string>{"e.json: error: /schema_version: missing; is this a scorecard export (scorecard "
                                 "export --format json)?"});
  CHECK(lines(load_export_from_string(R"({"schema_version": 1, "jurisdictions": [{"id": 5}]})", "e.json").diagnostics) ==
        std::vector<std::string>{"e.json: error: /jurisdictions/0/id: expected a string",
                                 "e.json: error: /jurisdictions/0/name: expected a string"});
}

TEST_CASE("diff reports tier, answer, note and source changes, and added and removed ids", "[check]") {
  Snapshot before;
  before.jurisdictions.push_back({"a", "A", "a.yaml", 2, {{"custody", 2, {{"q", "none"}}, "old", {{"s1", "S1"}}}}});
  before.jurisdictions.push_back({"gone", "Gone", "", 1, {}});
  Snapshot after;
  after.jurisdictions.push_back({"a", "A", "a.yaml", 1, {{"custody", 1, {{"q", "any"}}, "new", {{"s2", "S2"}}}}});
  after.jurisdictions.push_back({"new", "New", "", std::nullopt, {}});
  const DiffResult d = diff_snapshots(before, after);
  REQUIRE(d.jurisdictions.size() == 3);
  const JurisdictionDiff& a = d.jurisdictions[0];
  CHECK(a.status == DiffStatus::changed);
  REQUIRE(a.tiers.size() == 2);
  CHECK(a.tiers[0].criterion == "overall");
  CHECK(a.tiers[0].better());
  CHECK_FALSE(a.any_worse());
  CHECK(a.answers == std::vector<std::string>{"custody.q: none -> any"});
  CHECK(a.notes == std::vector<std::string>{"custody"});
  CHECK(a.sources_added == std::vector<std::string>{"custody: s2 S2"});
  CHECK(a.sources_removed == std::vector<std::string>{"custody: s1 S1"});
  CHECK(d.jurisdictions[1].status == DiffStatus::removed);
  CHECK(d.jurisdictions[2].status == DiffStatus::added);
  CHECK(TierChange{"x", 1, std::nullopt}.worse());  // a tier that disappears is worse
}

TEST_CASE("check: --min-tier and --require fail with reasons", "[check]") {
  CheckOptions options;
  options.min_tier = 2;
  options.requirements = {{"interviews", 1}, {"custody", 2}};
  const CheckReport r = run_check(builtin_rubric(), two(), options);
  CHECK(r.passed == 1);
  CHECK(r.failed == 1);
  CHECK(r.outcomes[0].passed());
  CHECK(r.outcomes[1].failures == std::vector<std::string>{"overall tier 3 is worse than --min-tier 2",
                                                           "Custody tier 3 is worse than required (custody=2)"});
}

TEST_CASE("check: anything worse than the baseline fails, better is reported", "[check]") {
  auto before = two();
  const Snapshot baseline = snapshot_from_scores(builtin_rubric(), before, "base");
  std::vector<JurisdictionScore> now = {
      scored(test::replace(test::k_valid_file, "status_inquiry: {rating: 1", "status_inquiry: {rating: 2"), "good.yaml"),
      scored(test::k_valid_file, "bad.yaml"), scored(test::k_valid_file, "extra.yaml")};
  CheckOptions options;
  options.baseline = &baseline;
  const CheckReport r = run_check(builtin_rubric(), now, options);
  CHECK(r.failed == 1);
  // Status Inquiry 1 -> 2 also lifts the mean to 17/11 = 1.545, past the 1.50 cut-off.
  CHECK(r.outcomes[0].failures == std::vector<std::string>{"overall tier is worse than in the baseline: 1 -> 2",
                                                           "Status Inquiry is worse than in the baseline: 1 -> 2"});
  CHECK(r.outcomes[1].improvements == std::vector<std::string>{"overall tier is better than in the baseline: 3 -> 1",
                                                               "Custody is better than in the baseline: 3 -> 1"});
  CHECK(r.added == std::vector<std::string>{"extra"});
  CHECK(r.removed.empty());
}

TEST_CASE("JUnit XML escapes everything from data", "[check]") {
  CheckReport r;
  r.outcomes.push_back({"x", "<b>\"A&B\"</b>", "f'.yaml", {"why <1>"}, {}});
  r.failed = 1;
  Diagnostics invalid = {{Severity::error, {"bad&.yaml", 1, 2}, "oops <here>"}};
  std::ostringstream out;
  render_check_junit(r, invalid, out);
  const std::string xml = out.str();
  CHECK(xml.find("tests=\"2\" failures=\"1\" errors=\"1\"") != std::string::npos);
  CHECK(xml.find("name=\"bad&amp;.yaml\"") != std::string::npos);
  CHECK(xml.find("bad&amp;.yaml:1:2: error: oops &lt;here&gt;") != std::string::npos);
  CHECK(xml.find("message=\"why &lt;1&gt;\"") != std::string::npos);
  CHECK(xml.find("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;") != std::string::npos);
  CHECK(xml.find("file=\"f&apos;.yaml\"") != std::string::npos);
  CHECK(xml_escape(std::string("a\x01" "b\tc")) == "ab\tc");
}

TEST_CASE("a JSON number too large to hold is invalid input, not a crash", "[check]") {
  // Found by the fuzzer: nlohmann/json throws out_of_range (406), not parse_error, for it.
  CHECK(lines(load_export_from_string("{\"schema_version\": 1e999}", "e.json").diagnostics) ==
        std::vector<std::string>{"e.json:1:20: error: invalid JSON: number overflow parsing '1e999'"});
  CHECK(lines(load_export_from_string("6666e6666640114186774\x7f\xfc\x7f", "e.json").diagnostics).size() == 1);
}
