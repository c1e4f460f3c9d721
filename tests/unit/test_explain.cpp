#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include <scorecard/explain.hpp>
#include <scorecard/load.hpp>

#include "helpers.hpp"

using namespace scorecard;

namespace {

using Tiers = std::vector<std::optional<int>>;

Tiers tiers(std::initializer_list<int> list) { return Tiers(list.begin(), list.end()); }

// Every combination of tiers no worse than start, by brute force: the (criteria, steps)
// minimum that reaches target, and every combination at that minimum.
std::set<std::vector<int>> brute_force(const Rubric& rubric, const std::vector<int>& start, int target,
                                       std::size_t& best_criteria, int& best_steps) {
  std::set<std::vector<int>> best;
  best_criteria = 1000;
  best_steps = 1000;
  std::vector<int> trial = start;
  const std::size_t n = start.size();
  std::function<void(std::size_t)> walk = [&](std::size_t i) {
    if (i == n) {
      std::size_t changed = 0;
      int steps = 0;
      for (std::size_t k = 0; k < n; ++k) {
        changed += trial[k] != start[k] ? 1u : 0u;
        steps += start[k] - trial[k];
      }
      if (changed == 0) return;
      Tiers t(trial.begin(), trial.end());
      const OverallResult r = overall_tier(rubric, t);
      if (!r.tier || *r.tier > target) return;
      if (changed < best_criteria || (changed == best_criteria && steps < best_steps)) {
        best.clear();
        best_criteria = changed;
        best_steps = steps;
      }
      if (changed == best_criteria && steps == best_steps) best.insert(trial);
      return;
    }
    for (int t = start[i]; t >= 1; --t) {
      trial[i] = t;
      walk(i + 1);
    }
    trial[i] = start[i];
  };
  walk(0);
  return best;
}

// Checks plan_improvement from start to target against brute force: the same ways, each
// with the fewest criteria and steps, none listed twice, the search exact.
void check_against_brute_force(const Rubric& rubric, const std::vector<int>& start, int target) {
  std::size_t criteria = 0;
  int steps = 0;
  const auto expected = brute_force(rubric, start, target, criteria, steps);
  const Tiers t(start.begin(), start.end());
  const auto plan = plan_improvement(rubric, t, target, 100000);
  std::set<std::vector<int>> got;
  for (const auto& alt : plan.alternatives) {
    std::vector<int> v = start;
    for (const auto& change : alt.changes) {
      v[static_cast<std::size_t>(rubric.find_criterion(change.criterion) - rubric.criteria.data())] = change.to;
    }
    got.insert(v);
    CHECK(alt.changes.size() == criteria);
    CHECK(alt.steps == steps);
  }
  CHECK(got.size() == plan.alternatives.size());
  CHECK(got == expected);
  CHECK(plan.exhaustive);
  CHECK_FALSE(plan.more_is_lower_bound);
}

}  // namespace

TEST_CASE("San Francisco reaches On Track only by raising Immigration Interviews to 1", "[explain]") {
  const auto plan = plan_improvement(builtin_rubric(), tiers({1, 3, 3, 1, 1, 1, 2, 1}), 1);
  REQUIRE(plan.alternatives.size() == 1);
  CHECK(plan.more == 0);
  const auto& only = plan.alternatives[0];
  REQUIRE(only.changes.size() == 1);
  CHECK(only.changes[0].criterion == "interviews");
  CHECK(only.changes[0].from == 3);
  CHECK(only.changes[0].to == 1);
  CHECK(only.steps == 2);
  CHECK(only.result.tier == 1);
}

TEST_CASE("Dallas reaches Making Progress only by raising custody, interviews and release notification", "[explain]") {
  const auto plan = plan_improvement(builtin_rubric(), tiers({3, 3, 3, 3, 3, 3, 3, 1}), 2);
  REQUIRE(plan.alternatives.size() == 1);
  std::vector<std::string> ids;
  for (const auto& c : plan.alternatives[0].changes) ids.push_back(c.criterion);
  CHECK(ids == std::vector<std::string>{"custody", "interviews", "release_notification"});
  CHECK(plan.alternatives[0].steps == 6);
  const auto top = plan_improvement(builtin_rubric(), tiers({3, 3, 3, 3, 3, 3, 3, 1}), 1);
  CHECK(top.alternatives.size() == 12);
  CHECK(top.alternatives[0].changes.size() == 5);
  CHECK(top.alternatives[0].steps == 9);
}

TEST_CASE("a jurisdiction already at the target needs nothing, and an unreachable target has no plan", "[explain]") {
  CHECK(plan_improvement(builtin_rubric(), tiers({1, 1, 3, 1, 2, 1, 3, 1}), 1).alternatives.empty());
  // With custody missing (no tier), the tier-1 gate can never be met.
  Tiers missing = tiers({1, 1, 1, 1, 1, 1, 1, 1});
  missing[0] = std::nullopt;
  missing[1] = 3;
  const auto plan = plan_improvement(builtin_rubric(), missing, 1);
  CHECK(plan.alternatives.empty());
  CHECK(plan.exhaustive);
}

TEST_CASE("the improvement search is exact: it matches brute force over all criterion tiers", "[explain]") {
  const Rubric& rubric = builtin_rubric();
  std::size_t checked = 0;
  // A spread of starting points (every 13th of the 3^8), each for both better tiers.
  for (int code = 0; code < 6561; code += 13) {
    std::vector<int> start(8);
    int c = code;
    for (auto& t : start) {
      t = c % 3 + 1;
      c /= 3;
    }
    Tiers t(start.begin(), start.end());
    const OverallResult now = overall_tier(rubric, t);
    for (int target = *now.tier - 1; target >= 1; --target) {
      INFO("start " << code << " target " << target);
      check_against_brute_force(rubric, start, target);
      ++checked;
    }
  }
  CHECK(checked > 300);
}

namespace {

// A rubric of n recorded criteria and t tiers, with the given weights, a cut-off per tier
// (max_mean tier + 0.5, shifted by skew) and gates as YAML.
Rubric generated_rubric(std::size_t n, int t, const std::vector<double>& weights, double skew,
                        const std::string& gates) {
  std::string text = "id: generated\nversion: 0.0.1\ntitle: Generated\ntiers:\n";
  for (int k = 1; k <= t; ++k) text += fmt::format("  - {{tier: {}, id: t{}, label: Tier {}}}\n", k, k, k);
  text += "criteria:\n";
  for (std::size_t i = 0; i < n; ++i) {
    text += fmt::format("  - {{id: c{}, title: C{}, weight: {}, questions: [], rules: [{{tier: {}}}]}}\n", i, i,
                        weights[i % weights.size()], t);
  }
  text += "overall:\n  method: weighted_mean\n  cutoffs:\n";
  for (int k = 1; k < t; ++k) text += fmt::format("    - {{tier: {}, max_mean: {}}}\n", k, k + 0.5 + skew);
  text += gates;
  auto load = load_rubric_from_string(text, "generated.yaml");
  INFO(text);
  REQUIRE(load.rubric);
  return std::move(*load.rubric);
}

}  // namespace

TEST_CASE("the improvement search is exact under unequal weights, gates and four tiers", "[explain]") {
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t below) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % below;
  };
  const std::vector<std::string> gate_sets = {
      "",
      "  gates:\n    - {tier: 1, requires: {c0: 1}}\n",
      "  gates:\n    - {tier: 1, requires: {c0: 1, c3: 2}}\n    - {tier: 2, requires: {c1: 2}}\n",
  };
  std::size_t checked = 0;
  for (const auto& gates : gate_sets) {
    for (const double skew : {0.0, -0.2, 0.3}) {
      const Rubric rubric = generated_rubric(6, 4, {1, 2, 0.5, 3, 1.5, 1}, skew, gates);
      for (int sample = 0; sample < 25; ++sample) {
        std::vector<int> start(6);
        for (auto& tier : start) tier = static_cast<int>(next(4)) + 1;
        Tiers t(start.begin(), start.end());
        const OverallResult now = overall_tier(rubric, t);
        for (int target = *now.tier - 1; target >= 1; --target) {
          INFO("gates " << gates << " skew " << skew << " sample " << sample << " target " << target);
          check_against_brute_force(rubric, start, target);
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 200);
}

TEST_CASE("the improvement search stays exact and quick for large rubrics and says when it counts no further", "[explain]") {
  // 64 criteria of 10 tiers, all at the worst: the smallest plan is known exactly, but the
  // ways that small are too many to count.
  const Rubric rubric = generated_rubric(64, 10, {1}, 0, "");
  const Tiers worst(64, 10);
  const auto next_tier = plan_improvement(rubric, worst, 9);
  REQUIRE_FALSE(next_tier.alternatives.empty());
  CHECK(next_tier.alternatives.front().changes.size() == 4);  // 9.5: 640 - 608 = 32 = 4 x 8 steps
  CHECK(next_tier.alternatives.front().steps == 32);
  CHECK(next_tier.alternatives.size() == 50);
  CHECK(next_tier.exhaustive);
  CHECK(next_tier.more_is_lower_bound);
  CHECK(next_tier.more >= 100000);
  // The alternatives come in rubric order: the first raises the first four criteria.
  CHECK(next_tier.alternatives.front().changes.front().criterion == "c0");
  CHECK(next_tier.alternatives.front().changes.back().criterion == "c3");
}

TEST_CASE("past the search's table a plan is found greedily and said not to be exact", "[explain]") {
  // 400 criteria of 40 tiers, to the top tier: the table would hold billions of cells.
  const Rubric rubric = generated_rubric(400, 40, {1, 2}, 0, "  gates:\n    - {tier: 1, requires: {c7: 1}}\n");
  const Tiers worst(400, 40);
  const auto plan = plan_improvement(rubric, worst, 1);
  REQUIRE(plan.alternatives.size() == 1);
  CHECK_FALSE(plan.exhaustive);
  CHECK(*plan.alternatives.front().result.tier == 1);
  // The fewest criteria is still exact: lowering the heaviest ones all the way.
  const std::size_t count = plan.alternatives.front().changes.size();
  CHECK(count < 400);
  const auto c7 = std::find_if(plan.alternatives.front().changes.begin(), plan.alternatives.front().changes.end(),
                               [](const TierTarget& t) { return t.criterion == "c7"; });
  REQUIRE(c7 != plan.alternatives.front().changes.end());
  CHECK(c7->to == 1);  // the gate's criterion
}

TEST_CASE("answer plans find the fewest answer changes for a tier", "[explain]") {
  const Rubric& r = builtin_rubric();
  const Criterion& custody = *r.find_criterion("custody");
  std::vector<Answer> none = {{"detainer_hold_prohibited", "none", {}, {}, {}, {}}, {"judicial_warrant_required", "no", {}, {}, {}, {}}};
  auto plan = answers_for_tier(custody, none, 2);
  REQUIRE(plan);
  REQUIRE(plan->changes.size() == 1);
  CHECK(plan->changes[0].question == "detainer_hold_prohibited");
  CHECK(plan->changes[0].to == "some_convictions");  // exactly tier 2, not an overshoot to 1
  CHECK(plan->match.tier == 2);
  const Criterion& collab = *r.find_criterion("collaboration");
  std::vector<Answer> g287 = {{"has_287g_agreement", "yes", {}, {}, {}, {}}};
  plan = answers_for_tier(collab, g287, 1);
  REQUIRE(plan);  // ending the 287(g) agreement and banning task forces and operational support
  CHECK(plan->changes.size() == 3);
  CHECK(plan->match.tier == 1);
  // With nothing answered, no single answer decides tier 2: the 287(g) question stays open.
  CHECK(answers_for_tier(collab, {}, 2)->changes.size() == 2);
}

TEST_CASE("coverage counts rated criteria and answered, unclear and unanswered questions", "[explain]") {
  auto load = load_jurisdiction_from_string(test::replace(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                                                          "custody: {answers: {detainer_hold_prohibited: unclear, "
                                                          "judicial_warrant_required: \"yes\"}, sources: [law]}"),
                                            "c.yaml");
  const Coverage c = coverage(builtin_rubric(), score_jurisdiction(builtin_rubric(), *load.jurisdiction));
  CHECK(c.criteria == 8);
  CHECK(c.rated == 8);
  CHECK(c.recorded == 7);
  CHECK(c.computed == 1);
  CHECK(c.questions == 13);  // the deciding ones: 8 of the 21 feed no rule
  CHECK(c.answered == 1);
  CHECK(c.unclear == 1);
}

TEST_CASE("what-if parses tiers, answers and qualified answers, and explains mistakes", "[explain]") {
  const Rubric& r = builtin_rubric();
  auto w = parse_what_if("custody=1", r);
  REQUIRE(w.what_if);
  CHECK(w.what_if->tier == 1);
  w = parse_what_if("has_287g_agreement=no", r);
  REQUIRE(w.what_if);
  CHECK(w.what_if->criterion == "collaboration");
  CHECK(w.what_if->answer == "no");
  CHECK(parse_what_if("collaboration.has_287g_agreement=unclear", r).what_if);
  CHECK(parse_what_if("custody=4", r).error == "invalid --what-if \"custody=4\": \"4\" is not a tier (1 to 3, or strong, progress, room)");
  CHECK(parse_what_if("custdy=1", r).error ==
        "invalid --what-if \"custdy=1\": \"custdy\" is neither a criterion nor a question (did you mean \"custody\"?)");
  CHECK(parse_what_if("has_287g_agreement=maybe", r).error ==
        "invalid --what-if \"has_287g_agreement=maybe\": \"maybe\" is not an answer to \"has_287g_agreement\"; expected "
        "one of yes, no, unclear");
  CHECK(parse_what_if("custody", r).error == "invalid --what-if \"custody\"; expected CRITERION=TIER or QUESTION=ANSWER");
}

TEST_CASE("what-if answers replace the recorded tier with the computed one", "[explain]") {
  auto load = load_jurisdiction_from_string(test::k_valid_file, "w.yaml");
  const Rubric& r = builtin_rubric();
  const auto answer = parse_what_if("detainer_hold_prohibited=none", r).what_if;
  const auto warrant = parse_what_if("judicial_warrant_required=no", r).what_if;
  const auto tier = parse_what_if("interviews=3", r).what_if;
  // One answer alone leaves custody open: it decides nothing, so the recorded tier stands.
  const WhatIfScore open = score_what_if(r, *load.jurisdiction, {*answer});
  CHECK(open.score.criteria[0].tier == 1);
  CHECK(open.score.criteria[0].origin == Origin::recorded);
  CHECK(open.moved == std::vector<bool>{false});
  // Without a recorded tier, answers that leave it open make it not rated: hypothetically.
  auto computed = load_jurisdiction_from_string(
      test::replace(test::k_valid_file, "custody: {rating: 1", "custody: {answers: {detainer_hold_prohibited: any_conviction}"),
      "c.yaml");
  const auto unclear = parse_what_if("detainer_hold_prohibited=unclear", r).what_if;
  const WhatIfScore gone = score_what_if(r, *computed.jurisdiction, {*unclear});
  CHECK_FALSE(gone.score.criteria[0].tier);
  CHECK(gone.score.criteria[0].origin == Origin::what_if);
  CHECK_FALSE(gone.score.overall.tier);
  CHECK(gone.score.hypothetical());
  CHECK(gone.moved == std::vector<bool>{true});
  // An answer that narrows what is open, though it decides nothing yet, is kept.
  const auto warrant_only = parse_what_if("judicial_warrant_required=no", r).what_if;
  const WhatIfScore narrowed = score_what_if(r, *computed.jurisdiction, {*unclear, *warrant_only});
  REQUIRE(narrowed.score.criteria[0].computed);
  CHECK(narrowed.score.criteria[0].computed->possible == std::vector<int>{1, 2, 3});
  const WhatIfScore as_if = score_what_if(r, *load.jurisdiction, {*answer, *warrant, *tier});
  const JurisdictionScore& s = as_if.score;
  CHECK(s.criteria[0].tier == 3);
  CHECK(s.criteria[0].origin == Origin::what_if);
  CHECK(s.criteria[1].tier == 3);
  CHECK(s.criteria[1].origin == Origin::what_if);
  CHECK(s.overall.tier == 3);
  CHECK(s.hypothetical());
  CHECK(as_if.moved == std::vector<bool>{true, true, true});
}

TEST_CASE("what-if: a criterion id that is also another criterion's question takes answers too", "[explain]") {
  const RubricLoad load = load_rubric_from_string(R"(id: amb
version: "1"
title: Ambiguous
tiers:
  - {tier: 1, id: good, label: Good}
  - {tier: 2, id: bad, label: Bad}
answer_types:
  yes_no: [yes, no]
criteria:
  - id: alpha
    title: Alpha
    rules:
      - {tier: 2}
  - id: beta
    title: Beta
    questions:
      - {id: alpha, type: yes_no, text: Q}
    rules:
      - {tier: 1, when: {alpha: "yes"}}
      - {tier: 2}
overall:
  method: weighted_mean
  cutoffs:
    - {tier: 1, max_mean: 1.5}
)",
                                                  "amb.yaml");
  REQUIRE(load.rubric);
  const WhatIfParse tier = parse_what_if("alpha=good", *load.rubric);
  REQUIRE(tier.what_if);
  CHECK(tier.what_if->criterion == "alpha");
  CHECK(tier.what_if->tier == 1);
  const WhatIfParse answer = parse_what_if("alpha=yes", *load.rubric);
  REQUIRE(answer.what_if);
  CHECK(answer.what_if->criterion == "beta");
  CHECK(answer.what_if->question == "alpha");
  CHECK(answer.what_if->answer == "yes");
}

TEST_CASE("a what-if removes nothing it does not replace", "[explain]") {
  const Rubric& r = builtin_rubric();
  auto what_if = [&](const std::string& text) { return *parse_what_if(text, r).what_if; };
  const auto file = [](const std::string& interviews) {
    return *load_jurisdiction_from_string(
                test::replace(test::k_valid_file, "interviews: {rating: 1, sources: [law]}", interviews), "w.yaml")
                .jurisdiction;
  };
  // A question no rule reads: the recorded tier stands, and the what-if moved nothing.
  REQUIRE_FALSE(rules_read(*r.find_criterion("interviews"), "ice_use_of_facilities_prohibited"));
  const WhatIfScore unread = score_what_if(r, file("interviews: {rating: 1, sources: [law]}"),
                                           {what_if("ice_use_of_facilities_prohibited=yes")});
  CHECK(unread.score.criteria[1].tier == 1);
  CHECK(unread.score.criteria[1].origin == Origin::recorded);
  CHECK_FALSE(unread.score.hypothetical());
  CHECK(unread.moved == std::vector<bool>{false});
  // Answers where the same rule still matches: the recorded tier stands.
  const std::string answered =
      "interviews: {rating: 1, answers: {ice_access_prohibited: any_conviction}, sources: [law]}";
  const WhatIfScore same = score_what_if(r, file(answered), {what_if("ice_access_prohibited=any_conviction")});
  CHECK(same.score.criteria[1].tier == 1);
  CHECK(same.score.criteria[1].origin == Origin::recorded);
  CHECK(same.moved == std::vector<bool>{false});
  // ...and no made-up answer is left in the data shown as recorded.
  const auto custody = *load_jurisdiction_from_string(
                             test::replace(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                                           "custody: {rating: 1, answers: {detainer_hold_prohibited: any_conviction}, "
                                           "sources: [law]}"),
                             "w.yaml")
                             .jurisdiction;
  REQUIRE(rules_read(*r.find_criterion("custody"), "judicial_warrant_required"));
  const WhatIfScore extra = score_what_if(r, custody, {what_if("judicial_warrant_required=yes")});
  CHECK(extra.score.criteria[0].origin == Origin::recorded);
  CHECK(extra.score.jurisdiction.find_criterion("custody")->answers.size() == 1);
  CHECK(extra.moved == std::vector<bool>{false});
  // Another rule: the tier is computed from the answers, and marked as a what-if's.
  const WhatIfScore other = score_what_if(r, file(answered), {what_if("ice_access_prohibited=none")});
  CHECK(other.score.criteria[1].tier == 3);
  CHECK(other.score.criteria[1].origin == Origin::what_if);
  CHECK(other.score.criteria[1].from_answers);
  CHECK(other.moved == std::vector<bool>{true});
  // A tier what-if equal to the recorded tier is hypothetical, and moves nothing.
  const WhatIfScore equal = score_what_if(r, file(answered), {what_if("interviews=1")});
  CHECK(equal.score.criteria[1].origin == Origin::what_if);
  CHECK_FALSE(equal.score.criteria[1].from_answers);
  CHECK(equal.moved == std::vector<bool>{false});
}
