#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include <scorecard/load.hpp>
#include <scorecard/diff.hpp>
#include <scorecard/score.hpp>

#include <scorecard/sort.hpp>

#include "helpers.hpp"
#include "render_detail.hpp"

using namespace scorecard;

namespace {

std::vector<Answer> answers(std::initializer_list<std::pair<const char*, const char*>> list) {
  std::vector<Answer> out;
  for (const auto& [q, v] : list) out.push_back({q, v, {}, {}, {}, {}});
  return out;
}

OverallResult overall(std::vector<int> tiers) {
  std::vector<std::optional<int>> t(tiers.begin(), tiers.end());
  return overall_tier(builtin_rubric(), t);
}

const Criterion& criterion(const char* id) { return *builtin_rubric().find_criterion(id); }

}  // namespace

TEST_CASE("the first matching rule gives the tier, with the answers that matched", "[score]") {
  const RuleMatch m = match_rules(criterion("custody"), answers({{"detainer_hold_prohibited", "any_conviction"}}));
  CHECK(m.tier == 1);
  CHECK(m.rule_index == 0);
  CHECK(m.held == std::vector<HeldCondition>{{"detainer_hold_prohibited", "any_conviction"}});
  // judicial_warrant_required is open, and cannot change the tier: said, not counted against it.
  CHECK(m.open == std::vector<std::string>{"judicial_warrant_required"});
  CHECK(detail::rule_match_text(m) ==
        "rule 1: detainer_hold_prohibited is any_conviction; the open questions cannot change it");
  const RuleMatch known = match_rules(criterion("custody"), answers({{"detainer_hold_prohibited", "some_convictions"},
                                                                     {"judicial_warrant_required", "no"}}));
  CHECK(known.tier == 2);
  CHECK(known.open.empty());
  CHECK(detail::rule_match_text(known) == "rule 2: detainer_hold_prohibited is some_convictions");
}

TEST_CASE("when_any needs one condition and when needs all", "[score]") {
  CHECK(match_rules(criterion("custody"), answers({{"judicial_warrant_required", "yes"}})).tier == 1);
  CHECK(match_rules(criterion("information_sharing"), answers({{"nonpublic_info_sharing_prohibited", "any_conviction"},
                                                               {"applies_to_police_not_only_jail", "no"}}))
            .tier == 2);
  CHECK(match_rules(criterion("information_sharing"), answers({{"nonpublic_info_sharing_prohibited", "any_conviction"},
                                                               {"applies_to_police_not_only_jail", "yes"}}))
            .tier == 1);
}

TEST_CASE("rule order matters: a 287(g) agreement gives tier 3 before anything else", "[score]") {
  const auto a = answers({{"has_287g_agreement", "yes"},
                          {"joint_task_force_civil_enforcement_prohibited", "yes"},
                          {"operational_support_prohibited", "yes"}});
  CHECK(match_rules(criterion("collaboration"), a).tier == 3);
  CHECK(match_rules(criterion("collaboration"), a).rule_index == 0);
}

TEST_CASE("unclear and missing answers are no evidence: the criterion is undecided, not the worst", "[score]") {
  const RuleMatch unclear = match_rules(criterion("custody"), answers({{"detainer_hold_prohibited", "unclear"}}));
  CHECK_FALSE(unclear.decided());
  CHECK(unclear.tier == 0);
  CHECK(unclear.rule_index == -1);
  CHECK(unclear.held.empty());
  CHECK(unclear.possible == std::vector<int>{1, 2, 3});
  CHECK(unclear.open == std::vector<std::string>{"detainer_hold_prohibited", "judicial_warrant_required"});
  CHECK(unclear.open_unclear == 1);
  CHECK(unclear.deciding == 2);
  CHECK(detail::rule_match_text(unclear) == "undecided: tiers 1, 2 or 3 possible");
  CHECK(detail::open_questions_text(unclear) == "1 unclear and 1 unanswered of 2 deciding questions");
  CHECK(match_rules(criterion("custody"), {}).possible == std::vector<int>{1, 2, 3});
  CHECK(detail::open_questions_text(match_rules(criterion("custody"), {})) == "2 of 2 deciding questions unanswered");
  // A known "no" is evidence: the fall-through to the last tier happens on known answers only.
  const RuleMatch no = match_rules(criterion("custody"), answers({{"detainer_hold_prohibited", "none"},
                                                                  {"judicial_warrant_required", "no"}}));
  CHECK(no.tier == 3);
  CHECK(no.rule_index == 2);
  CHECK(detail::rule_match_text(no) == "rule 3: no earlier rule matched");
  // Only the tiers the open questions could still give: a known "none" rules out tier 2.
  CHECK(match_rules(criterion("custody"), answers({{"detainer_hold_prohibited", "none"}})).possible ==
        std::vector<int>{1, 3});
}

TEST_CASE("an open question that cannot change the tier leaves it decided", "[score]") {
  // collaboration: a 287(g) agreement gives tier 3 whatever the other answers are.
  const RuleMatch m = match_rules(criterion("collaboration"), answers({{"has_287g_agreement", "yes"}}));
  CHECK(m.decided());
  CHECK(m.tier == 3);
  CHECK(m.open.size() == 2);
  // Questions no rule reads never count as open.
  const RuleMatch contracts = match_rules(criterion("contracts"), answers({{"contract_status", "none"}}));
  CHECK(contracts.tier == 1);
  CHECK(contracts.open.empty());
  CHECK(contracts.deciding == 1);
}

TEST_CASE("rules that read the same open question are tried in every combination", "[score]") {
  // One criterion, one question q with answers a, b and c, and the rules given.
  auto criterion_with = [](const std::string& rules) {
    auto load = load_rubric_from_string("id: t\nversion: \"1\"\ntitle: T\ntiers: [{tier: 1, id: a, label: A}, {tier: 2, id: b, label: B}]\n"
                                        "answer_types: {abc: [a, b, c]}\ncriteria:\n  - id: x\n    title: X\n"
                                        "    questions: [{id: q, type: abc, text: Q}]\n    rules: " + rules +
                                            "\noverall: {method: weighted_mean, cutoffs: [{tier: 1, max_mean: 1.5}]}\n",
                                        "t.yaml");
    REQUIRE(load.rubric);
    return load.rubric->criteria[0];
  };
  // Rule by rule, q open leaves rules 1 and 2 possible and the last rule too; every answer
  // of q matches rule 1 or rule 2, both tier 1, so the answers decide tier 1.
  const RuleMatch m = match_rules(criterion_with("[{tier: 1, when: {q: [a, b]}}, {tier: 1, when: {q: c}}, {tier: 2}]"), {});
  CHECK(m.decided());
  CHECK(m.tier == 1);
  CHECK(m.held.empty());
  CHECK(m.every_answer);
  CHECK(detail::rule_match_text(m) == "every answer to its open questions gives tier 1");
  // A condition naming every answer holds whatever the answer is.
  const RuleMatch all = match_rules(criterion_with("[{tier: 2, when: {q: [a, b, c]}}, {tier: 1}]"), {});
  CHECK(all.tier == 2);
  CHECK(all.rule_index == 0);
  CHECK(all.every_answer);
}

TEST_CASE("beyond k_max_open_combinations the tiers possible are counted rule by rule", "[score]") {
  // 13 open questions of 2 answers: 8192 combinations, more than are tried.
  std::string rubric = "id: t\nversion: \"1\"\ntitle: T\ntiers: [{tier: 1, id: a, label: A}, {tier: 2, id: b, label: B}]\n"
                       "answer_types: {yn: [y, n]}\ncriteria:\n  - id: x\n    title: X\n    questions:\n";
  for (int i = 0; i < 13; ++i) rubric += fmt::format("      - {{id: q{}, type: yn, text: Q}}\n", i);
  rubric += "    rules:\n      - {tier: 1, when: {q0: y}}\n      - {tier: 1, when: {q0: n}}\n      - tier: 2\n        when:\n";
  for (int i = 1; i < 13; ++i) rubric += fmt::format("          q{}: y\n", i);
  rubric += "      - {tier: 2}\noverall: {method: weighted_mean, cutoffs: [{tier: 1, max_mean: 1.5}]}\n";
  auto load = load_rubric_from_string(rubric, "t.yaml");
  REQUIRE(load.rubric);
  const RuleMatch m = match_rules(load.rubric->criteria[0], {});
  CHECK_FALSE(m.decided());
  CHECK(m.approximate);
  CHECK(m.possible == std::vector<int>{1, 2});
  CHECK(detail::possible_tiers_text(m) ==
        "tiers 1 or 2 possible (an upper bound: too many combinations of answers to try them all)");
}

TEST_CASE("score_criterion prefers the recorded tier and keeps the computed one", "[score]") {
  CriterionData data;
  data.id = "custody";
  data.rating = 1;
  data.has_answers = true;
  data.answers = answers({{"detainer_hold_prohibited", "none"}, {"judicial_warrant_required", "no"}});
  const CriterionResult r = score_criterion(criterion("custody"), &data);
  CHECK(r.tier == 1);
  CHECK(r.origin == Origin::recorded);
  REQUIRE(r.computed);
  CHECK(r.computed->tier == 3);
  CHECK(r.disagrees());
  data.rating.reset();
  const CriterionResult computed = score_criterion(criterion("custody"), &data);
  CHECK(computed.tier == 3);
  CHECK(computed.origin == Origin::computed);
  CHECK(score_criterion(criterion("custody"), nullptr).origin == Origin::missing);
  CHECK_FALSE(score_criterion(criterion("custody"), nullptr).in_file);
}

TEST_CASE("score_criterion: open answers and no rating leave the criterion not rated", "[score]") {
  CriterionData data;
  data.id = "custody";
  data.has_answers = true;
  data.answers = answers({{"detainer_hold_prohibited", "unclear"}});
  const CriterionResult r = score_criterion(criterion("custody"), &data);
  CHECK_FALSE(r.rated());
  CHECK(r.origin == Origin::missing);
  CHECK(r.in_file);
  REQUIRE(r.computed);
  CHECK(detail::not_rated_reason(r) == "1 unclear and 1 unanswered of 2 deciding questions");
  // A recorded tier the open answers could give agrees with them.
  data.rating = 2;
  CHECK_FALSE(score_criterion(criterion("custody"), &data).disagrees());
  // Answers only: the recorded tier is set aside, and said so.
  const CriterionResult aside = score_criterion(criterion("custody"), &data, ScoreOptions{true});
  CHECK_FALSE(aside.rated());
  CHECK(aside.set_aside == 2);
  CHECK(detail::not_rated_reason(aside) ==
        "1 unclear and 1 unanswered of 2 deciding questions (recorded tier 2 set aside: answers only)");
  CriterionData empty;
  empty.id = "custody";
  CHECK(detail::not_rated_reason(score_criterion(criterion("custody"), &empty)) == "no rating or answers");
  CHECK(detail::not_rated_reason(score_criterion(criterion("custody"), nullptr)) == "not in the file");
}

TEST_CASE("overall: the weighted mean and its cut-offs", "[score]") {
  const auto chicago = overall({1, 1, 3, 1, 2, 1, 3, 1});
  CHECK(chicago.mean == Approx(16.0 / 11.0));
  CHECK(chicago.tier == 1);
  CHECK(chicago.gates.empty());
  const auto all_ones = overall({1, 1, 1, 1, 1, 1, 1, 1});
  CHECK(all_ones.mean == 1.0);
  CHECK(all_ones.tier == 1);
  const auto all_threes = overall({3, 3, 3, 3, 3, 3, 3, 3});
  CHECK(all_threes.tier == 3);
}

TEST_CASE("overall: a mean exactly on a cut-off belongs to the better tier", "[score]") {
  // No combination of whole tiers gives exactly 1.50 under the CPD weights, so use two equal weights.
  auto load = load_rubric_from_string(R"(id: t
version: "1"
title: T
tiers: [{tier: 1, id: a, label: A}, {tier: 2, id: b, label: B}]
criteria:
  - {id: x, title: X, rules: [{tier: 1}]}
  - {id: y, title: Y, rules: [{tier: 1}]}
overall: {method: weighted_mean, cutoffs: [{tier: 1, max_mean: 1.5}]}
)",
                                      "t.yaml");
  REQUIRE(load.rubric);
  std::vector<std::optional<int>> tiers = {1, 2};
  CHECK(overall_tier(*load.rubric, tiers).mean == 1.5);
  CHECK(overall_tier(*load.rubric, tiers).tier == 1);
}

TEST_CASE("overall: gates lower the tier and say why", "[score]") {
  // San Francisco: mean 1.636 would be tier 2 anyway; make a mean-1 case that fails the tier-1 gate.
  const auto r = overall({1, 3, 1, 1, 1, 1, 1, 1});
  CHECK(r.mean == Approx(15.0 / 11.0));
  CHECK(r.mean_tier == 1);
  CHECK(r.tier == 2);
  CHECK(r.gates == std::vector<GateFailure>{{1, "interviews", 1, 3}});
  CHECK(detail::gate_text(builtin_rubric(), r.gates[0]) ==
        "tier 1 requires Immigration Interviews at tier 1 or better (it is 3)");
  // Custody 3 fails the tier-2 gate too, even with a low mean.
  const auto custody3 = overall({3, 1, 1, 1, 1, 1, 1, 1});
  CHECK(custody3.mean == Approx(15.0 / 11.0));
  CHECK(custody3.tier == 3);
  CHECK(custody3.gates == std::vector<GateFailure>{{1, "custody", 1, 3}, {2, "custody", 2, 3}});
}

TEST_CASE("overall: below the coverage the rubric needs, the jurisdiction is not rated", "[score]") {
  std::vector<std::optional<int>> tiers = {std::nullopt, 1, 1, 1, 1, 1, 1, 1};
  const auto r = overall_tier(builtin_rubric(), tiers);
  CHECK_FALSE(r.tier);
  CHECK_FALSE(r.rated());
  CHECK(r.coverage.rated == 7);
  CHECK(r.coverage.criteria == 8);
  CHECK(r.coverage.needed == 8);
  CHECK(r.coverage.missing == std::vector<std::string>{"custody"});
  CHECK_FALSE(r.coverage.enough);
  CHECK(detail::coverage_text(r.coverage) == "7 of 8 criteria rated; the rubric needs all 8");
  CHECK(detail::coverage_cell(r.coverage) == "7/8");
  CHECK(detail::coverage_rule_text(builtin_rubric()) == "an overall tier needs all 8 criteria rated");
  const auto all = overall({1, 1, 1, 1, 1, 1, 1, 1});
  CHECK(all.coverage.enough);
  CHECK(detail::coverage_text(all.coverage) == "8 of 8 criteria rated");
}

TEST_CASE("overall: with min_rated below all, missing criteria are left out of the mean and fail gates", "[score]") {
  std::string text(builtin_rubric_text());
  const std::string all = "min_rated: all";
  REQUIRE(text.find(all) != std::string::npos);
  text.replace(text.find(all), all.size(), "min_rated: 7");
  auto load = load_rubric_from_string(text, "seven.yaml");
  REQUIRE(load.rubric);
  CHECK(detail::coverage_rule_text(*load.rubric) == "an overall tier needs at least 7 of the 8 criteria rated");
  std::vector<std::optional<int>> six = {std::nullopt, std::nullopt, 1, 1, 1, 1, 1, 1};
  const auto below = overall_tier(*load.rubric, six);
  CHECK_FALSE(below.tier);
  CHECK(detail::coverage_text(below.coverage) == "6 of 8 criteria rated; the rubric needs at least 7");
  std::vector<std::optional<int>> tiers = {std::nullopt, 1, 1, 1, 1, 1, 1, 1};
  const auto r = overall_tier(*load.rubric, tiers);
  CHECK(r.mean == 1.0);
  CHECK(r.mean_tier == 1);
  CHECK(r.tier == 3);  // custody is named by both gates
  CHECK(r.gates == std::vector<GateFailure>{{1, "custody", 1, std::nullopt}, {2, "custody", 2, std::nullopt}});
  CHECK(detail::gate_text(*load.rubric, r.gates[1]) == "tier 2 requires Custody at tier 2 or better (it is not rated)");
  std::vector<std::optional<int>> none(8);
  CHECK_FALSE(overall_tier(*load.rubric, none).tier);
}

TEST_CASE("score_jurisdiction scores every criterion in rubric order", "[score]") {
  auto load = load_jurisdiction_from_string(test::k_valid_file, "t.yaml");
  REQUIRE(load.jurisdiction);
  const JurisdictionScore s = score_jurisdiction(builtin_rubric(), std::move(*load.jurisdiction));
  REQUIRE(s.criteria.size() == 8);
  CHECK(s.criteria[2].criterion == "rights_trainings");
  CHECK(s.criteria[2].tier == 3);
  CHECK(s.overall.tier == 1);
  CHECK(s.jurisdiction.name == "Testville");
}

namespace {

JurisdictionScore make(const char* name, std::optional<long long> population, int overall_tier_value, double mean,
                       int custody) {
  JurisdictionScore s;
  s.jurisdiction.name = name;
  s.jurisdiction.id = name;
  s.jurisdiction.population = population;
  s.overall.tier = overall_tier_value;
  s.overall.mean = mean;
  for (const auto& c : builtin_rubric().criteria) {
    CriterionResult r;
    r.criterion = c.id;
    r.tier = c.id == "custody" ? custody : 1;
    s.criteria.push_back(r);
  }
  return s;
}

std::vector<std::string> names(const std::vector<JurisdictionScore>& scores) {
  std::vector<std::string> out;
  for (const auto& s : scores) out.push_back(s.jurisdiction.name);
  return out;
}

}  // namespace

TEST_CASE("sort_scores orders by each key, and --reverse flips it", "[score]") {
  std::vector<JurisdictionScore> s = {make("b", 10, 3, 2.5, 3), make("a", std::nullopt, 1, 1.2, 1),
                                      make("c", 300, 3, 2.1, 2), make("d", 20, 2, 1.7, 1)};
  const Rubric& r = builtin_rubric();
  sort_scores(s, r, "overall", false);
  CHECK(names(s) == std::vector<std::string>{"a", "d", "c", "b"});
  sort_scores(s, r, "overall", true);
  CHECK(names(s) == std::vector<std::string>{"b", "c", "d", "a"});
  sort_scores(s, r, "name", false);
  CHECK(names(s) == std::vector<std::string>{"a", "b", "c", "d"});
  sort_scores(s, r, "population", false);
  CHECK(names(s) == std::vector<std::string>{"c", "d", "b", "a"});
  sort_scores(s, r, "population", true);
  CHECK(names(s) == std::vector<std::string>{"b", "d", "c", "a"});  // unknown population stays last
  sort_scores(s, r, "custody", false);
  CHECK(names(s) == std::vector<std::string>{"a", "d", "c", "b"});  // ties by overall order
}

TEST_CASE("sort_scores puts what is not rated after every tier, reversed or not", "[score]") {
  std::vector<JurisdictionScore> s = {make("unrated", 10, 3, 0, 3), make("a", 5, 1, 1.2, 1), make("c", 300, 3, 2.1, 2)};
  s[0].overall.tier.reset();
  s[0].criteria[0].tier.reset();
  const Rubric& r = builtin_rubric();
  for (bool reverse : {false, true}) {
    sort_scores(s, r, "overall", reverse);
    CHECK(names(s).back() == "unrated");
    sort_scores(s, r, "custody", reverse);
    CHECK(names(s).back() == "unrated");
  }
  sort_scores(s, r, "overall", true);
  CHECK(names(s) == std::vector<std::string>{"c", "a", "unrated"});
  sort_scores(s, r, "population", false);  // by population, not rated is no reason to move
  CHECK(names(s) == std::vector<std::string>{"c", "unrated", "a"});
}

TEST_CASE("sort_scores orders names by their bytes, however long their common start", "[score]") {
  const std::string common = "Synthetic County of the Commonwealth ";  // longer than the 24 bytes kept in the sort key
  std::vector<std::string> given = {common + "b", common + "a", common, "\xc3\x89tat", "Zeta", "Z", "",
                                    std::string("Z\0a", 3), std::string("Z\0", 2), common + "ab"};
  std::vector<JurisdictionScore> s;
  for (const auto& name : given) {
    s.push_back(make("x", std::nullopt, 2, 2.0, 1));
    s.back().jurisdiction.name = name;
  }
  sort_scores(s, builtin_rubric(), "name", false);
  std::vector<std::string> expected = given;
  std::sort(expected.begin(), expected.end());
  CHECK(names(s) == expected);
  CHECK(names(s).front().empty());
  CHECK(names(s).back() == "\xc3\x89tat");  // bytes compare unsigned: U+00C9 after every ASCII name
}

TEST_CASE("sort_scores moves every score to its place in a large shuffled set", "[score]") {
  std::vector<JurisdictionScore> s;
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    const std::string name = fmt::format("Place {:05}", i);
    s.push_back(make("x", i, 1 + static_cast<int>(random() % 3), 1.0 + static_cast<double>(random() % 5) / 2.0, 1));
    s.back().jurisdiction.name = name;
    s.back().jurisdiction.id = name;
  }
  std::shuffle(s.begin(), s.end(), random);
  sort_scores(s, builtin_rubric(), "population", false);
  for (std::size_t i = 0; i < s.size(); ++i) {
    REQUIRE(s[i].jurisdiction.population == static_cast<long long>(s.size() - 1 - i));
    REQUIRE(s[i].jurisdiction.name == fmt::format("Place {:05}", s.size() - 1 - i));
  }
  sort_scores(s, builtin_rubric(), "overall", false);
  for (std::size_t i = 1; i < s.size(); ++i) {
    const auto& a = s[i - 1];
    const auto& b = s[i];
    REQUIRE(*a.overall.tier <= *b.overall.tier);
    if (a.overall.tier == b.overall.tier) {
      REQUIRE(a.overall.mean <= b.overall.mean);
      if (a.overall.mean == b.overall.mean) REQUIRE(a.jurisdiction.name < b.jurisdiction.name);
    }
  }
}

TEST_CASE("hidden_changes finds computed tiers that moved behind a recorded tier", "[score]") {
  auto score = [](std::optional<int> tier, Origin origin, std::optional<int> computed) {
    JurisdictionScore s;
    s.jurisdiction.id = "x";
    s.jurisdiction.name = "X";
    CriterionResult r;
    r.criterion = "custody";
    r.tier = tier;
    r.origin = origin;
    if (computed) r.computed = RuleMatch{0, *computed, {}, {}, 0, 0, {}, false, false};
    s.criteria.push_back(r);
    return std::vector<JurisdictionScore>{s};
  };
  const auto hidden = hidden_changes(score(1, Origin::recorded, 1), score(1, Origin::recorded, 2));
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].criterion == "custody");
  CHECK(hidden[0].from == 1);
  CHECK(hidden[0].to == 2);
  CHECK(hidden[0].recorded == 1);
  // Not hidden: the same computed tier, a tier that shows (computed), a recorded tier that changed.
  CHECK(hidden_changes(score(1, Origin::recorded, 2), score(1, Origin::recorded, 2)).empty());
  CHECK(hidden_changes(score(1, Origin::computed, 1), score(2, Origin::computed, 2)).empty());
  CHECK(hidden_changes(score(1, Origin::recorded, 1), score(2, Origin::recorded, 2)).empty());
}
