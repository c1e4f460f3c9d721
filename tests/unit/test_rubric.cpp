#include <catch2/catch.hpp>

#include <algorithm>

#include <fmt/format.h>

#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

#include "helpers.hpp"

using namespace scorecard;
using scorecard::test::lines;
using scorecard::test::replace;

namespace {

const char* const k_tiny = R"(id: tiny
version: "1"
title: Tiny
tiers:
  - {tier: 1, id: good, label: Good}
  - {tier: 2, id: bad, label: Bad}
answer_types:
  yes_no: [yes, no]
criteria:
  - id: a
    title: A
    questions:
      - {id: q, type: yes_no, text: Q}
    rules:
      - {tier: 1, when: {q: "yes"}}
      - {tier: 2}
overall:
  method: weighted_mean
  cutoffs:
    - {tier: 1, max_mean: 1.5}
)";

RubricLoad load(const std::string& text) { return load_rubric_from_string(text, "r.yaml"); }

}  // namespace

TEST_CASE("the built-in CPD rubric loads with its eight criteria in display order", "[rubric]") {
  const Rubric& r = builtin_rubric();
  CHECK(r.id == "cpd-ice");
  CHECK(r.criterion_ids() == std::vector<std::string>{"custody", "interviews", "rights_trainings",
                                                      "release_notification", "information_sharing",
                                                      "status_inquiry", "collaboration", "contracts"});
  REQUIRE(r.tiers.size() == 3);
  CHECK(r.tiers[0].label == "On Track to a Strong Policy");
  CHECK(r.tiers[1].label == "Making Progress With Need for Improvement");
  CHECK(r.tiers[2].label == "Significant Room for Improvement");
  CHECK(r.tiers[0].id == "strong");
  CHECK(r.tiers[1].id == "progress");
  CHECK(r.tiers[2].id == "room");
  CHECK(r.find_criterion("custody")->weight == 2);
  CHECK(r.find_criterion("interviews")->weight == 2);
  CHECK(r.find_criterion("release_notification")->weight == 2);
  CHECK(r.find_criterion("contracts")->weight == 1);
  CHECK(r.overall.calibration.size() == 12);
}

TEST_CASE("the built-in rubric reproduces all 12 of CPD's published overall tiers", "[rubric]") {
  const auto results = check_calibration(builtin_rubric());
  REQUIRE(results.size() == 12);
  for (const auto& result : results) {
    INFO(result.calibration->jurisdiction);
    CHECK(result.reproduced());
  }
}

TEST_CASE("the built-in rubric text is the data file, byte for byte", "[rubric]") {
  CHECK(builtin_rubric_text().find("id: cpd-ice") != std::string_view::npos);
  CHECK(builtin_rubric_text().find("CPD did not publish its overall formula") != std::string_view::npos);
}

TEST_CASE("a minimal rubric loads", "[rubric]") {
  const auto result = load(k_tiny);
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.rubric);
  const Criterion& a = result.rubric->criteria.at(0);
  CHECK(a.abbrev == "A");
  CHECK(a.weight == 1.0);
  CHECK(a.questions.at(0).values == std::vector<std::string>{"yes", "no"});
  CHECK(a.rules.size() == 2);
  CHECK(a.rules[1].unconditional());
}

TEST_CASE("rubric errors: references that do not resolve", "[rubric]") {
  std::string text = replace(k_tiny, "type: yes_no", "type: yesno");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{"r.yaml:13:23: error: unknown answer type \"yesno\" (did you mean \"yes_no\"?)"});
  text = replace(k_tiny, "when: {q: \"yes\"}", "when: {p: \"yes\"}");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{
            "r.yaml:15:19: error: \"when\" has no valid condition",
            "r.yaml:15:26: error: unknown question \"p\" in a rule of criterion \"a\" (did you mean \"q\"?)"});
  text = replace(k_tiny, "when: {q: \"yes\"}", "when: {q: maybe}");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{"r.yaml:15:19: error: \"when\" has no valid condition",
                                 "r.yaml:15:29: error: \"maybe\" is not an answer of question \"q\" (type \"yes_no\": "
                                 "yes, no)"});
  text = replace(k_tiny, "when: {q: \"yes\"}", "when: {q: unclear}");
  CHECK(lines(load(text).diagnostics).at(1) ==
        "r.yaml:15:29: error: \"unclear\" never satisfies a condition and cannot be used in a rule");
}

TEST_CASE("rubric errors: rules that cannot give every jurisdiction a tier", "[rubric]") {
  std::string text = replace(k_tiny, "      - {tier: 2}\n", "");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{"r.yaml:15:9: error: the last rule of criterion \"a\" must have no condition, so "
                                 "that every jurisdiction gets a tier"});
  text = replace(k_tiny, "      - {tier: 1, when: {q: \"yes\"}}\n      - {tier: 2}\n",
                 "      - {tier: 2}\n      - {tier: 1, when: {q: \"yes\"}}\n      - {tier: 2}\n");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{
            "r.yaml:16:9: error: rule can never match: an earlier rule of criterion \"a\" has no condition",
            "r.yaml:17:9: error: rule can never match: an earlier rule of criterion \"a\" has no condition"});
  text = replace(k_tiny, "{tier: 2}", "{tier: 3}");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{"r.yaml:16:16: error: tier 3 is out of range; the rubric's tiers are 1 to 2"});
}

TEST_CASE("rubric errors: the overall rule", "[rubric]") {
  std::string text = replace(k_tiny, "method: weighted_mean", "method: weighted_median");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{"r.yaml:18:11: error: unknown overall method \"weighted_median\"; supported: "
                                 "weighted_mean (did you mean \"weighted_mean\"?)"});
  text = std::string(k_tiny) + "  gates:\n    - {tier: 1, requires: {b: 1}}\n";
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{"r.yaml:22:28: error: unknown criterion \"b\" in a gate (did you mean \"a\"?)"});
  text = std::string(k_tiny) + "  calibration:\n    - {jurisdiction: x, tiers: [1, 2], expect: 1}\n";
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{
            "r.yaml:22:32: error: expected 1 tiers, one per criterion in rubric order, found 2"});
  text = replace(k_tiny, "    - {tier: 1, max_mean: 1.5}\n",
                 "    - {tier: 1, max_mean: 1.5}\n    - {tier: 1, max_mean: 1.2}\n");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{
            "r.yaml:21:7: error: cut-offs must go from the best tier to the worst, with rising max_mean"});
}

TEST_CASE("rubric errors: tiers", "[rubric]") {
  std::string text = replace(k_tiny, "{tier: 2, id: bad, label: Bad}", "{tier: 3, id: bad, label: Bad, color: red}");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{
            "r.yaml:6:12: error: tiers must be numbered 1, 2, 3... in order; expected 2, found 3",
            "r.yaml:6:43: error: \"color\" must be \"#RRGGBB\", found \"red\""});
  text = replace(k_tiny, "  yes_no: [yes, no]", "  yes_no: [yes, no, unclear]");
  CHECK(lines(load(text).diagnostics) ==
        std::vector<std::string>{
            "r.yaml:8:21: error: \"unclear\" is an answer of every type and must not be listed"});
}

TEST_CASE("a rubric file that does not exist is an error", "[rubric]") {
  CHECK(lines(load_rubric_file("/nonexistent/r.yaml").diagnostics) ==
        std::vector<std::string>{"/nonexistent/r.yaml: error: no such file"});
}

TEST_CASE("criterion, question and tier ids may not be the tool's own words", "[rubric]") {
  CHECK(lines(load(replace(k_tiny, "  - id: a\n", "  - id: overall\n")).diagnostics) ==
        std::vector<std::string>{"r.yaml:10:9: error: criterion id \"overall\" is a word the tool itself uses (in sort "
                                 "keys, filters or exports); choose another, such as \"overall_policy\""});
  for (const char* word : {"name", "population", "state", "kind", "tier"}) {
    INFO(word);
    CHECK_FALSE(load(replace(k_tiny, "  - id: a\n", std::string("  - id: ") + word + "\n")).rubric);
  }
  CHECK(lines(load(replace(replace(k_tiny, "{id: q,", "{id: tier,"), "{q: ", "{tier: ")).diagnostics) ==
        std::vector<std::string>{"r.yaml:13:14: error: question id \"tier\" is a word the tool itself uses (in sort "
                                 "keys, filters or exports); choose another, such as \"tier_policy\""});
  CHECK(lines(load(replace(k_tiny, "id: good", "id: overall")).diagnostics).size() == 1);
}

TEST_CASE("ids use only characters the filter and what-if syntax leave alone", "[rubric]") {
  for (const char* bad : {"a.b", "a=b", "a<b", "a,b", "A", "1a", "a b", "a!"}) {
    INFO(bad);
    const RubricLoad r = load(replace(k_tiny, "  - id: a\n", std::string("  - id: \"") + bad + "\"\n"));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message ==
          fmt::format("criterion id \"{}\" must start with a lowercase letter and use only a-z, 0-9, '_' and '-' "
                      "(the filter and what-if syntax use the other characters)",
                      bad));
  }
  CHECK(load(replace(k_tiny, "  - id: a\n", "  - id: a_b-2\n")).rubric);
  CHECK(lines(load(replace(k_tiny, "id: bad", "id: good")).diagnostics) ==
        std::vector<std::string>{"r.yaml:6:19: error: duplicate tier id \"good\""});
  CHECK(lines(load(replace(k_tiny, "id: bad", "id: \"2\"")).diagnostics).size() == 1);  // not a tier number
}

TEST_CASE("a rubric of any number of tiers names every tier by number and by id", "[rubric]") {
  std::string tiers;
  std::string cutoffs;
  for (int t = 1; t <= 10; ++t) {
    tiers += fmt::format("  - {{tier: {}, id: t{}, label: Tier {}}}\n", t, t, t);
    if (t < 10) cutoffs += fmt::format("    - {{tier: {}, max_mean: {}.5}}\n", t, t);
  }
  const std::string text = "id: ten\nversion: \"1\"\ntitle: Ten\ntiers:\n" + tiers +
                           "answer_types:\n  yes_no: [yes, no]\ncriteria:\n  - id: c\n    title: C\n    rules:\n"
                           "      - {tier: 10}\noverall:\n  method: weighted_mean\n  cutoffs:\n" +
                           cutoffs;
  const RubricLoad r = load(text);
  for (const auto& line : lines(r.diagnostics)) INFO(line);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.rubric);
  CHECK(r.rubric->parse_tier("10") == 10);
  CHECK(r.rubric->parse_tier("t10") == 10);
  CHECK(r.rubric->parse_tier("1") == 1);
  CHECK_FALSE(r.rubric->parse_tier("11"));
  CHECK_FALSE(r.rubric->parse_tier("0"));
  CHECK_FALSE(r.rubric->parse_tier("010x"));
  CHECK_FALSE(r.rubric->parse_tier(""));
  CHECK_FALSE(r.rubric->parse_tier("-1"));
  CHECK_FALSE(r.rubric->parse_tier("99999999999999999999"));
  CHECK(r.rubric->tier_choices() == "1 to 10, or t1, t2, t3, t4, t5, t6, t7, t8, t9, t10");
}

TEST_CASE("the rubric's vocabulary: sort, filter and what-if keys", "[rubric]") {
  const Rubric& r = builtin_rubric();
  CHECK(r.sort_keys().front() == "overall");
  CHECK(r.sort_keys().size() == 3 + r.criteria.size());
  CHECK(r.filter_keys() == std::vector<std::string>{"state", "kind", "tier", "custody", "interviews",
                                                    "rights_trainings", "release_notification",
                                                    "information_sharing", "status_inquiry", "collaboration",
                                                    "contracts"});
  const auto keys = r.what_if_keys();
  CHECK(std::find(keys.begin(), keys.end(), "custody.detainer_hold_prohibited") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "detainer_hold_prohibited") != keys.end());
  for (const auto& word : reserved_words()) {
    INFO(word);
    CHECK_FALSE(r.find_criterion(word));
  }
}

TEST_CASE("the rubric itself may name tiers by id wherever it takes a tier", "[rubric]") {
  const RubricLoad named = load(replace(replace(k_tiny, "{tier: 1, when:", "{tier: good, when:"), "{tier: 1, max_mean",
                                        "{tier: good, max_mean"));
  REQUIRE(named.rubric);
  CHECK(named.rubric->criteria[0].rules[0].tier == 1);
  CHECK(named.rubric->overall.cutoffs[0].tier == 1);
  CHECK(lines(load(replace(k_tiny, "{tier: 1, when:", "{tier: godo, when:")).diagnostics) ==
        std::vector<std::string>{"r.yaml:15:16: error: unknown tier \"godo\" (did you mean \"good\"?); use 1 to 2, or "
                                 "good, bad"});
}

TEST_CASE("min_rated: all by default, a number of criteria, or an error", "[rubric]") {
  auto tiny = load(k_tiny);
  REQUIRE(tiny.rubric);
  CHECK_FALSE(tiny.rubric->overall.min_rated);  // all
  auto one = load(std::string(k_tiny) + "  min_rated: 1\n");
  REQUIRE(one.rubric);
  CHECK(one.rubric->overall.min_rated == 1u);
  CHECK(load(std::string(k_tiny) + "  min_rated: all\n").rubric);
  CHECK(lines(load(std::string(k_tiny) + "  min_rated: 2\n").diagnostics) ==
        std::vector<std::string>{"r.yaml:21:14: error: \"min_rated\" must be \"all\" or a number of criteria from 1 to 1, "
                                 "found 2"});
  CHECK(lines(load(std::string(k_tiny) + "  min_rated: 0\n").diagnostics) ==
        std::vector<std::string>{"r.yaml:21:14: error: \"min_rated\" must be \"all\" or a number of criteria from 1 to 1, "
                                 "found 0"});
  CHECK(lines(load(std::string(k_tiny) + "  min_rated: most\n").diagnostics) ==
        std::vector<std::string>{"r.yaml:21:14: error: \"min_rated\" must be \"all\" or a number of criteria from 1 to 1, "
                                 "found \"most\""});
  CHECK(lines(load(std::string(k_tiny) + "  min_rated: [1]\n").diagnostics) ==
        std::vector<std::string>{"r.yaml:21:14: error: \"min_rated\" must be \"all\" or a number of criteria from 1 to 1"});
  CHECK(builtin_rubric().overall.min_rated == std::nullopt);
}

TEST_CASE("a question is scored when a rule reads it, and one marked scored: false may not be read", "[rubric]") {
  const Criterion& custody = *builtin_rubric().find_criterion("custody");
  CHECK(custody.find_question("detainer_hold_prohibited")->scored);
  CHECK_FALSE(custody.find_question("admin_warrant_arrest_prohibited")->scored);  // no rule reads it
  CHECK_FALSE(custody.find_question("admin_warrant_arrest_prohibited")->marked_unscored);
  CHECK(builtin_rubric().find_criterion("contracts")->find_question("future_contracts_prohibited")->marked_unscored);
  CHECK(custody.scored_questions() == 2);
  std::size_t scored = 0;
  for (const auto& c : builtin_rubric().criteria) scored += c.scored_questions();
  CHECK(scored == 13);  // of 21
  const std::string marked = replace(k_tiny, "      - {id: q, type: yes_no, text: Q}",
                                     "      - {id: q, type: yes_no, text: Q, scored: false}");
  CHECK(lines(load(marked).diagnostics) ==
        std::vector<std::string>{"r.yaml:15:19: error: \"when\" has no valid condition",
                                 "r.yaml:15:26: error: question \"q\" is marked \"scored: false\", so no rule may read "
                                 "it; remove the mark or the condition"});
}

TEST_CASE("the rubric's inheritance: jail questions, binding kinds and protective orders", "[rubric]") {
  std::string text = std::string(k_tiny) + "inheritance:\n  jail_authority: [a]\n  binding: [state]\n";
  text = replace(text, "{id: q, type: yes_no, text: Q}", "{id: q, type: yes_no, text: Q, protective_order: [\"no\", \"yes\"]}");
  const auto good = load(text);
  REQUIRE(good.diagnostics.empty());
  const Question& q = good.rubric->criteria.at(0).questions.at(0);
  CHECK(q.from_jail_authority);
  CHECK(q.protective_order == std::vector<std::string>{"no", "yes"});
  CHECK(q.protection_rank("yes") == 1);
  CHECK(q.protection_rank("maybe") == -1);
  CHECK(good.rubric->inheritance.binds("state"));
  CHECK_FALSE(good.rubric->inheritance.binds("county"));

  std::string bad = std::string(k_tiny) + "inheritance:\n  jail_authority: [b]\n  binding: [stat]\n  other: 1\n";
  bad = replace(bad, "{id: q, type: yes_no, text: Q}", "{id: q, type: yes_no, text: Q, protective_order: [\"no\"]}");
  CHECK(lines(load(bad).diagnostics) ==
        std::vector<std::string>{
            "r.yaml:13:58: error: \"protective_order\" of question \"q\" must list each answer of type \"yes_no\" once "
            "(yes, no), from most to least protective",
            "r.yaml:22:20: error: \"b\" in \"inheritance.jail_authority\" is neither a criterion nor a question (did "
            "you mean \"a\"?)",
            "r.yaml:23:13: error: \"stat\" is not a kind of government; expected city, county, parish, borough, state or other (did you "
            "mean \"state\"?)",
            "r.yaml:24:3: error: unknown key \"other\" in \"inheritance\""});
}

TEST_CASE("a rubric speaks another language through its translation, and says when that is incomplete", "[rubric]") {
  const Rubric& cpd = builtin_rubric();
  CHECK(cpd.lang == "en");
  bool complete = false;
  const Rubric es = cpd.translated("es", complete);
  CHECK(complete);  // the built-in rubric's Spanish covers every word it has
  CHECK(es.lang == "es");
  CHECK(es.title == "Fin a la cooptación de la policía local para la aplicación federal de las leyes de inmigración");
  CHECK(es.tiers[0].label == "En camino hacia una política sólida");
  CHECK(es.tiers[1].short_label == "Avanza");
  CHECK(es.find_criterion("custody")->title == "Retención para ICE");
  CHECK(es.find_criterion("custody")->rules[0].because.rfind("Nadie queda retenido para ICE", 0) == 0);
  // What is not words stays: ids, weights, rules, colours.
  CHECK(es.criterion_ids() == cpd.criterion_ids());
  CHECK(es.find_criterion("custody")->weight == 2);
  CHECK(es.tiers[0].color == cpd.tiers[0].color);
  const Rubric en = cpd.translated("en", complete);
  CHECK(complete);
  CHECK(en.title == cpd.title);
  const Rubric fr = cpd.translated("fr", complete);
  CHECK_FALSE(complete);
  CHECK(fr.title == cpd.title);
  CHECK(fr.lang == "en");

  // A partial translation: what it has is used, what it lacks stays, and it is incomplete.
  const RubricLoad partial = load(std::string(k_tiny) + "translations:\n  es:\n    title: Diminuta\n    tiers: {1: {label: Buena}}\n");
  REQUIRE(partial.rubric);
  const Rubric p = partial.rubric->translated("es", complete);
  CHECK_FALSE(complete);
  CHECK(p.title == "Diminuta");
  CHECK(p.tiers[0].label == "Buena");
  CHECK(p.tiers[1].label == "Bad");
  CHECK(p.find_criterion("a")->title == "A");
  // A rubric written in Spanish needs no translation into it.
  const RubricLoad spanish = load(replace(k_tiny, "title: Tiny", "title: Diminuta\nlang: es"));
  REQUIRE(spanish.rubric);
  CHECK(spanish.rubric->translated("es", complete).title == "Diminuta");
  CHECK(complete);
}
