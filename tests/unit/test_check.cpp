#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>

#include <scorecard/check.hpp>
#include <scorecard/load.hpp>
#include <scorecard/render.hpp>

#include "helpers.hpp"
#include "render_detail.hpp"

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
  before.jurisdictions.push_back(
      {"a", "A", "a.yaml", 2, {{"custody", 2, {{"q", "none"}, {"r", "yes"}}, "old", {{"s1", {"S1", ""}}}}}, "", "city", "2,000", "2020", ""});
  before.jurisdictions.push_back({"gone", "Gone", "", 1, {}, "", "", "", "", ""});
  Snapshot after;
  after.jurisdictions.push_back(
      {"a", "A2", "a.yaml", 1, {{"custody", 1, {{"q", "any"}}, "new", {{"s2", {"S2", "https://x.test/"}}}}}, "", "city", "2,500", "2026-12", ""});
  after.jurisdictions.push_back({"new", "New", "", std::nullopt, {{"custody", 2, {}, "", {}}}, "", "", "", "", ""});
  const DiffResult d = diff_snapshots(before, after);
  REQUIRE(d.jurisdictions.size() == 3);
  const JurisdictionDiff& a = d.jurisdictions[0];
  CHECK(a.status == DiffStatus::changed);
  REQUIRE(a.tiers.size() == 2);
  CHECK(a.tiers[0].subject.is_overall());
  CHECK(a.tiers[1].subject == Subject::of("custody"));
  CHECK(a.tiers[0].better());
  CHECK_FALSE(a.any_worse());
  CHECK(a.name_before == "A");
  CHECK(a.answers == std::vector<AnswerChange>{{"custody", "q", "none", "any"}, {"custody", "r", "yes", std::nullopt}});
  CHECK(a.notes == std::vector<std::string>{"custody"});
  CHECK(a.sources_added == std::vector<SourceChange>{{"custody", "s2", {"S2", "https://x.test/"}}});
  CHECK(a.sources_removed == std::vector<SourceChange>{{"custody", "s1", {"S1", ""}}});
  CHECK(detail::answer_change_text(a.answers[1], true) == "custody.r: yes -> (none)");
  CHECK(detail::source_change_text(a.sources_added[0]) == "custody: s2 S2 <https://x.test/>");
  CHECK(detail::tier_change_text(a.tiers[0]) == "overall 2 -> 1 (better)");
  CHECK(a.note_changes == std::vector<NoteChange>{{"custody", "old", "new"}});
  CHECK(a.fields == std::vector<FieldChange>{{"population", "2,000", "2,500"}, {"reviewed", "2020", "2026-12"}});
  CHECK(d.jurisdictions[1].status == DiffStatus::removed);
  REQUIRE(d.jurisdictions[1].standing);
  CHECK(d.jurisdictions[1].standing->overall == 1);  // the removed one's last tiers
  CHECK(d.jurisdictions[2].status == DiffStatus::added);
  REQUIRE(d.jurisdictions[2].standing);
  CHECK(d.jurisdictions[2].standing->overall == std::nullopt);
  CHECK(d.jurisdictions[2].standing->criteria == std::vector<std::pair<std::string, std::optional<int>>>{{"custody", 2}});
  CHECK_FALSE(a.standing);
  CHECK(TierChange{Subject::of("x"), 1, std::nullopt}.worse());  // a tier that disappears is worse
}

TEST_CASE("check: --min-tier and --require fail with reasons", "[check]") {
  CheckOptions options;
  options.min_tier = 2;
  options.requirements = {{"interviews", 1}, {"custody", 2}};
  const CheckReport r = run_check(builtin_rubric(), two(), options);
  CHECK(r.passed == 1);
  CHECK(r.failed == 1);
  CHECK(r.outcomes[0].passed());
  REQUIRE(r.outcomes[1].failures.size() == 2);
  const CheckFailure& min = r.outcomes[1].failures[0];
  CHECK(min.kind == FailureKind::below_minimum);
  CHECK(min.subject.is_overall());
  CHECK(min.actual == 3);
  CHECK(min.required == 2);
  const CheckFailure& req = r.outcomes[1].failures[1];
  CHECK(req.kind == FailureKind::below_requirement);
  CHECK(req.subject == Subject::of("custody"));
  CHECK(req.actual == 3);
  CHECK(req.required == 2);
  CHECK(check_failure_text(builtin_rubric(), min) == "overall tier 3 is worse than --min-tier 2");
  CHECK(check_failure_text(builtin_rubric(), req) == "Custody tier 3 is worse than required (custody=2)");
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
  REQUIRE(r.outcomes[0].failures.size() == 2);
  for (const auto& f : r.outcomes[0].failures) {
    CHECK(f.kind == FailureKind::worse_than_baseline);
    CHECK(f.baseline == 1);
    CHECK(f.actual == 2);
  }
  CHECK(r.outcomes[0].failures[0].subject.is_overall());
  CHECK(r.outcomes[0].failures[1].subject == Subject::of("status_inquiry"));
  CHECK(check_failure_text(builtin_rubric(), r.outcomes[0].failures[1]) ==
        "Status Inquiry is worse than in the baseline: 1 -> 2");
  CHECK(r.outcomes[1].improvements == std::vector<TierChange>{{Subject::overall(), 3, 1}, {Subject::of("custody"), 3, 1}});
  CHECK(detail::improvement_text(builtin_rubric(), r.outcomes[1].improvements[0]) ==
        "overall tier is better than in the baseline: 3 -> 1");
  CHECK(r.added == std::vector<std::string>{"extra"});
  CHECK(r.removed.empty());
}

TEST_CASE("invalid files are failures of their own, with their errors", "[check]") {
  const Diagnostics diagnostics = {{Severity::error, {"b.yaml", 2, 1}, "missing required key \"name\""},
                                   {Severity::warning, {"b.yaml", 3, 1}, "a warning"},
                                   {Severity::error, {"b.yaml", 4, 1}, "another"},
                                   {Severity::warning, {"c.yaml", 1, 1}, "only a warning"}};
  CheckOptions options;
  options.diagnostics = &diagnostics;
  const CheckReport r = run_check(builtin_rubric(), two(), options);
  CHECK(r.invalid == 1);
  CHECK(r.passed == 2);
  CHECK(r.failed == 0);
  REQUIRE(r.outcomes.size() == 3);
  CHECK(r.outcomes[0].invalid());
  CHECK(r.outcomes[0].file == "b.yaml");
  REQUIRE(r.outcomes[0].failures.size() == 1);
  CHECK(r.outcomes[0].failures[0].kind == FailureKind::invalid_file);
  CHECK(r.outcomes[0].failures[0].errors.size() == 2);
  CHECK(check_failure_text(builtin_rubric(), r.outcomes[0].failures[0]) ==
        "invalid file: 2 errors; the first at line 2: missing required key \"name\"");
}

TEST_CASE("JUnit XML escapes everything from data", "[check]") {
  CheckReport r;
  CheckFailure f{FailureKind::below_requirement, Subject::of("<x>"), 3, 1, {}, {}, {"f'.yaml", 4, 3}, {}};
  r.outcomes.push_back({"", "", "bad&.yaml", {{FailureKind::invalid_file, {}, {}, {}, {},
                                               {{Severity::error, {"bad&.yaml", 1, 2}, "oops <here>"}},
                                               {"bad&.yaml", 1, 2}, {}}}, {}, {}});
  r.outcomes.push_back({"x", "<b>\"A&B\"</b>", "f'.yaml", {f}, {}, {}});
  r.failed = 1;
  r.invalid = 1;
  std::ostringstream out;
  render_check_junit(builtin_rubric(), r, out);
  const std::string xml = out.str();
  CHECK(xml.find("tests=\"2\" failures=\"1\" errors=\"1\"") != std::string::npos);
  CHECK(xml.find("name=\"bad&amp;.yaml\"") != std::string::npos);
  CHECK(xml.find("bad&amp;.yaml:1:2: error: oops &lt;here&gt;") != std::string::npos);
  CHECK(xml.find("message=\"&lt;x&gt; tier 3 is worse than required (&lt;x&gt;=1)\"") != std::string::npos);
  CHECK(xml.find("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;") != std::string::npos);
  CHECK(xml.find("f&#39;.yaml:4: &lt;x&gt; tier 3 is worse than required") != std::string::npos);
  CHECK(xml.find("file=") == std::string::npos);  // Jenkins' xUnit schema has no file on a testcase
  CHECK(xml_escape(std::string("a\x01" "b\tc")) == "ab\tc");
  CHECK(xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");  // U+FFFE and U+FFFF are not XML characters
}

TEST_CASE("a JSON number too large to hold is invalid input, not a crash", "[check]") {
  // Found by the fuzzer: nlohmann/json throws out_of_range (406), not parse_error, for it.
  CHECK(lines(load_export_from_string("{\"schema_version\": 1e999}", "e.json").diagnostics) ==
        std::vector<std::string>{"e.json:1:20: error: invalid JSON: number overflow parsing '1e999'"});
  CHECK(lines(load_export_from_string("6666e6666640114186774\x7f\xfc\x7f", "e.json").diagnostics).size() == 1);
}

TEST_CASE("an export's criteria cannot pose as the overall tier", "[check]") {
  for (const char* key : {"overall", "", "Custody", "a.b"}) {
    INFO(key);
    const std::string text = fmt::format(R"({{"schema_version": 2, "jurisdictions": [{{"id": "x", "name": "X",
      "file": "x.yaml", "overall": {{"tier": 1}}, "criteria": {{"{}": {{"tier": 1, "note": null}}}}}}]}})",
                                         key);
    const SnapshotLoad load = load_export_from_string(text, "e.json");
    CHECK_FALSE(load.snapshot);
    CHECK(lines(load.diagnostics) ==
          std::vector<std::string>{fmt::format("e.json: error: /jurisdictions/0/criteria/{}: \"{}\" cannot be a "
                                               "criterion id (ids use a-z, 0-9, '_' and '-' and are none of the "
                                               "tool's own words, such as \"overall\")",
                                               key, key)});
  }
}

TEST_CASE("criteria read from an export keep the export's order", "[check]") {
  const SnapshotLoad load = load_export_from_string(
      R"({"schema_version": 1, "jurisdictions": [{"id": "x", "name": "X", "file": "x.yaml", "overall": {"tier": 1},
        "criteria": {"zeta": {"tier": 1, "note": null}, "alpha": {"tier": 2, "note": null}}}]})",
      "e.json");
  REQUIRE(load.snapshot);
  CHECK(load.snapshot->jurisdictions[0].criteria[0].id == "zeta");
  CHECK(load.snapshot->jurisdictions[0].criteria[1].id == "alpha");
}

TEST_CASE("check: a jurisdiction gone since the baseline fails unless allowed, and an ambiguous name is no rename", "[check]") {
  const Snapshot baseline = snapshot_from_scores(builtin_rubric(), two(), "base");  // good (1), bad (3)
  // Both are gone; "bad-2" has the name and state of both, so it is no rename of either.
  auto renamed = scored(test::replace(test::k_valid_file, "custody: {rating: 1", "custody: {rating: 3"), "bad-2.yaml");
  renamed.jurisdiction.id = "bad-2";
  CheckOptions options;
  options.baseline = &baseline;
  std::vector<JurisdictionScore> now;
  now.push_back(renamed);
  CheckReport r = run_check(builtin_rubric(), now, options);
  // Both baseline jurisdictions are called Testville: the rename is ambiguous, so neither is one.
  CHECK(r.renamed.empty());
  CHECK(r.removed == std::vector<std::string>{"bad", "good"});
  CHECK(r.failed == 2);
  REQUIRE(r.outcomes.size() == 3);
  CHECK(r.outcomes[1].failures[0].kind == FailureKind::removed);
  CHECK(r.outcomes[1].failures[0].baseline == 3);
  CHECK(check_failure_text(builtin_rubric(), r.outcomes[1].failures[0]) ==
        "removed since the baseline, where its overall tier was 3; --allow-removed accepts that");
  options.allow_removed = true;
  r = run_check(builtin_rubric(), now, options);
  CHECK(r.failed == 0);
  CHECK(r.removed.size() == 2);
}

TEST_CASE("check: a rename (same name and state) is compared with the old id's baseline", "[check]") {
  Snapshot baseline;
  baseline.jurisdictions.push_back({"old-id", "Testville", "t.yaml", 1, {{"custody", 1, {}, "", {}}}, "IL", "", "", "", ""});
  auto now = scored(test::replace(test::k_valid_file, "custody: {rating: 1", "custody: {rating: 3"), "t.yaml");
  now.jurisdiction.id = "new-id";
  now.jurisdiction.state = "IL";
  CheckOptions options;
  options.baseline = &baseline;
  const CheckReport r = run_check(builtin_rubric(), {now}, options);
  REQUIRE(r.renamed.size() == 1);
  CHECK(r.renamed[0].from == "old-id");
  CHECK(r.renamed[0].to == "new-id");
  CHECK(r.added.empty());
  CHECK(r.removed.empty());
  CHECK(r.failed == 1);  // custody 1 -> 3 under the new id is still worse
  CHECK(r.outcomes[0].failures.back().kind == FailureKind::worse_than_baseline);
}

TEST_CASE("check: a jurisdiction not rated cannot show it meets the bar, and --not-rated warn passes it", "[check]") {
  // Custody's answer left unclear: custody not rated, so the jurisdiction is not rated overall.
  const std::vector<JurisdictionScore> scores = {
      scored(test::replace(test::k_valid_file, "custody: {rating: 1",
                           "custody: {answers: {detainer_hold_prohibited: unclear}"),
             "open.yaml")};
  REQUIRE_FALSE(scores[0].overall.tier);
  CheckOptions options;
  options.min_tier = 3;
  options.requirements = {{"custody", 3}};
  const CheckReport r = run_check(builtin_rubric(), scores, options);
  CHECK(r.failed == 1);
  REQUIRE(r.outcomes[0].failures.size() == 2);
  const CheckFailure& overall = r.outcomes[0].failures[0];
  CHECK(overall.kind == FailureKind::not_rated);
  CHECK(to_string(overall.kind) == "not_rated");
  CHECK_FALSE(overall.actual);
  CHECK(overall.coverage.rated == 7);
  CHECK(check_failure_text(builtin_rubric(), overall) ==
        "not rated (7 of 8 criteria rated; the rubric needs all 8), so it cannot show it meets --min-tier 3; "
        "--not-rated warn accepts that");
  CHECK(check_failure_text(builtin_rubric(), r.outcomes[0].failures[1]) ==
        "Custody is not rated, so it cannot show it meets custody=3; --not-rated warn accepts that");
  options.not_rated_warns = true;
  const CheckReport warned = run_check(builtin_rubric(), scores, options);
  CHECK(warned.passed == 1);
  CHECK(warned.warned == 1);
  CHECK(warned.outcomes[0].passed());
  CHECK(warned.outcomes[0].warnings.size() == 2);
  std::ostringstream text;
  render_check_text(builtin_rubric(), warned, text);
  INFO(text.str());
  CHECK(text.str().find("WARN Testville (" + scores[0].jurisdiction.id + ", open.yaml)\n") != std::string::npos);
  CHECK(text.str().find("check: 1 jurisdiction checked, 1 passed, 0 failed; 1 passed with a warning (not rated)") !=
        std::string::npos);
}

TEST_CASE("an export made with --answers-only is refused as a baseline", "[check]") {
  Snapshot s;
  s.rubric_id = builtin_rubric().id;
  s.rubric_version = builtin_rubric().version;
  s.answers_only = true;
  s.origin = "b.json";
  CHECK(lines(baseline_problems(s, builtin_rubric(), false)) ==
        std::vector<std::string>{"b.json: error: the baseline was exported with --answers-only: its recorded tiers were "
                                 "set aside; export the baseline without --answers-only"});
}
