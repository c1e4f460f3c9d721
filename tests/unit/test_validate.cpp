#include <catch2/catch.hpp>

#include <scorecard/load.hpp>
#include <scorecard/validate.hpp>

#include "helpers.hpp"

using namespace scorecard;
using scorecard::test::lines;
constexpr auto with = scorecard::test::replace;

namespace {

std::vector<std::string> validate(const std::string& text) {
  auto load = load_jurisdiction_from_string(text, "v.yaml");
  REQUIRE(load.diagnostics.empty());
  Diagnostics d = validate_jurisdiction(*load.jurisdiction, builtin_rubric());
  sort_by_position(d);
  return lines(d);
}

}  // namespace

TEST_CASE("a complete file with citations has no diagnostics", "[validate]") {
  CHECK(validate(test::k_valid_file).empty());
}

TEST_CASE("unknown criteria get a suggestion and missing criteria are reported at criteria", "[validate]") {
  const auto text = with(test::k_valid_file, "  custody: {rating: 1, sources: [law]}", "  custdy: {rating: 1, sources: [law]}");
  CHECK(validate(text) ==
        std::vector<std::string>{"v.yaml:7:1: error: missing criterion \"custody\"",
                                 "v.yaml:8:3: error: unknown criterion \"custdy\" (did you mean \"custody\"?)"});
}

TEST_CASE("tiers outside the rubric's range are errors", "[validate]") {
  CHECK(validate(with(test::k_valid_file, "custody: {rating: 1", "custody: {rating: 4")) ==
        std::vector<std::string>{"v.yaml:8:21: error: rating 4 is out of range; the tiers are 1 to 3"});
  CHECK(validate(with(test::k_valid_file, "custody: {rating: 1", "custody: {rating: 0")) ==
        std::vector<std::string>{"v.yaml:8:21: error: rating 0 is out of range; the tiers are 1 to 3"});
}

TEST_CASE("unknown questions and answers outside the question's type are errors", "[validate]") {
  const auto text = with(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                         "custody: {answers: {detainer_hold_prohibted: none, judicial_warrant_required: maybe}, "
                         "sources: [law]}");
  CHECK(validate(text) ==
        std::vector<std::string>{
            "v.yaml:8:3: warning: criterion \"custody\" is not rated: 1 of 2 deciding questions unanswered "
            "(detainer_hold_prohibited); answer it or record a rating",
            "v.yaml:8:23: error: unknown question \"detainer_hold_prohibted\" for criterion \"custody\" (did you mean "
            "\"detainer_hold_prohibited\"?)",
            "v.yaml:8:81: error: \"maybe\" is not an answer to \"judicial_warrant_required\"; expected one of yes, no, "
            "unclear"});
}

TEST_CASE("unclear is an answer of every question", "[validate]") {
  const auto text = with(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                         "custody: {answers: {detainer_hold_prohibited: unclear}, sources: [law]}");
  // Accepted, but never silently: it is no evidence, so the criterion is not rated. Only the
  // questions a rule reads count.
  CHECK(validate(text) ==
        std::vector<std::string>{"v.yaml:8:3: warning: criterion \"custody\" is not rated: 1 unclear and 1 unanswered "
                                 "of 2 deciding questions (detainer_hold_prohibited, judicial_warrant_required); "
                                 "answer them or record a rating"});
  const auto recorded = with(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                             "custody: {rating: 1, answers: {detainer_hold_prohibited: unclear}, sources: [law]}");
  // A recorded tier does not depend on the answers, and the open questions could still give it.
  CHECK(validate(recorded).empty());
  // Answers that rule the recorded tier out, whatever the open questions turn out to be.
  const auto contradicted = with(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                                 "custody: {rating: 1, answers: {detainer_hold_prohibited: some_convictions, "
                                 "judicial_warrant_required: \"no\"}, sources: [law]}");
  CHECK(validate(contradicted) ==
        std::vector<std::string>{"v.yaml:8:21: warning: recorded tier 1 for \"custody\" differs from tier 2 computed "
                                 "from its answers (rule 2: detainer_hold_prohibited is some_convictions); if that is "
                                 "meant, say why under \"disagreement\""});
  // Open answers that allow some tiers only: a recorded tier outside them is named against them.
  const auto outside = with(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                            "custody: {rating: 2, answers: {detainer_hold_prohibited: none}, sources: [law]}");
  CHECK(validate(outside) ==
        std::vector<std::string>{"v.yaml:8:21: warning: recorded tier 2 for \"custody\" differs from the tiers 1 or 3 "
                                 "its answers allow (1 of 2 deciding questions unanswered); if that is meant, say why "
                                 "under \"disagreement\""});
}

TEST_CASE("a criterion needs a rating or answers", "[validate]") {
  CHECK(validate(with(test::k_valid_file, "custody: {rating: 1, sources: [law]}", "custody: {sources: [law]}")) ==
        std::vector<std::string>{"v.yaml:8:3: error: criterion \"custody\" needs a \"rating\" or \"answers\""});
}

TEST_CASE("sources must be defined, and every criterion should cite one", "[validate]") {
  CHECK(validate(with(test::k_valid_file, "custody: {rating: 1, sources: [law]}", "custody: {rating: 1, sources: [lwa]}")) ==
        std::vector<std::string>{
            "v.yaml:8:34: error: source \"lwa\" is not defined under \"sources\" (did you mean \"law\"?)"});
  CHECK(validate(with(test::k_valid_file, "custody: {rating: 1, sources: [law]}", "custody: {rating: 1}")) ==
        std::vector<std::string>{"v.yaml:8:3: warning: criterion \"custody\" cites no source"});
}

TEST_CASE("a source that no criterion cites is a warning", "[validate]") {
  const auto text = with(test::k_valid_file, "criteria:", "  spare: {title: Spare}\ncriteria:");
  CHECK(validate(text) == std::vector<std::string>{"v.yaml:7:3: warning: source \"spare\" is never cited"});
}

TEST_CASE("a recorded tier that disagrees with the answers is a warning naming the rule", "[validate]") {
  const auto all_answered = with(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                                 "custody: {rating: 1, answers: {detainer_hold_prohibited: some_convictions, "
                                 "judicial_warrant_required: \"no\", admin_warrant_arrest_prohibited: \"no\", "
                                 "transfer_to_ice_prohibited: none}, sources: [law]}");
  CHECK(validate(all_answered) ==
        std::vector<std::string>{"v.yaml:8:21: warning: recorded tier 1 for \"custody\" differs from tier 2 computed "
                                 "from its answers (rule 2: detainer_hold_prohibited is some_convictions); if that is meant, "
                                 "say why under \"disagreement\""});
  // With questions open, only when no answers to them would give the recorded tier: here a
  // judicial-warrant requirement still could.
  const auto open = with(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                         "custody: {rating: 1, answers: {detainer_hold_prohibited: some_convictions}, sources: [law]}");
  CHECK(validate(open).empty());
  const auto agreeing = with(test::k_valid_file, "custody: {rating: 1, sources: [law]}",
                             "custody: {rating: 1, answers: {judicial_warrant_required: \"yes\"}, sources: [law]}");
  CHECK(validate(agreeing).empty());
}

TEST_CASE("a disagreement the file explains is not a warning, and a stale explanation is", "[validate]") {
  const std::string answers = "detainer_hold_prohibited: some_convictions, judicial_warrant_required: \"no\", "
                              "admin_warrant_arrest_prohibited: \"no\", transfer_to_ice_prohibited: none";
  auto file = [&](const std::string& criterion) {
    return with(test::k_valid_file, "custody: {rating: 1, sources: [law]}", criterion);
  };
  const auto acknowledged = file("custody: {rating: 1, answers: {" + answers +
                                 "}, sources: [law], disagreement: CPD published tier 1}");
  CHECK(validate(acknowledged).empty());
  const auto load = load_jurisdiction_from_string(acknowledged, "v.yaml");
  REQUIRE(load.jurisdiction);
  CHECK(load.jurisdiction->criteria.front().disagreement == "CPD published tier 1");
  // Where the tiers agree, the explanation is stale: said at its key, with why.
  CHECK(validate(file("custody: {rating: 2, answers: {" + answers + "}, sources: [law], disagreement: old}")) ==
        std::vector<std::string>{"v.yaml:8:201"
                                 ": warning: criterion \"custody\" explains a disagreement, but its answers give its "
                                 "recorded tier 2; remove \"disagreement\""});
  CHECK(validate(file("custody: {rating: 1, sources: [law], disagreement: old}")) ==
        std::vector<std::string>{"v.yaml:8:40: warning: criterion \"custody\" explains a disagreement, but it has no "
                                 "answers; remove \"disagreement\""});
  CHECK(validate(file("custody: {answers: {" + answers + "}, sources: [law], disagreement: old}")) ==
        std::vector<std::string>{"v.yaml:8:190"
                                 ": warning: criterion \"custody\" explains a disagreement, but it records no tier; "
                                 "remove \"disagreement\""});
  CHECK(validate(file("custody: {rating: 1, answers: {detainer_hold_prohibited: some_convictions}, sources: [law], "
                      "disagreement: old}")) ==
        std::vector<std::string>{"v.yaml:8:95: warning: criterion \"custody\" explains a disagreement, but answers to "
                                 "its open questions can give its recorded tier 1; remove \"disagreement\""});
  // An empty reason is no reason: an error of the file, and no second message about it.
  const auto empty = load_jurisdiction_from_string(file("custody: {rating: 1, sources: [law], disagreement: \"\"}"), "v.yaml");
  CHECK(lines(empty.diagnostics) == std::vector<std::string>{"v.yaml:8:54: error: \"disagreement\" is empty"});
  REQUIRE(empty.jurisdiction);
  CHECK(validate_jurisdiction(*empty.jurisdiction, builtin_rubric()).empty());
}

TEST_CASE("the source of a population must be defined, and counts as cited", "[validate]") {
  const std::string cited = with(test::k_valid_file, "population: 1000", "population: {value: 1000, source: law}");
  CHECK(validate(with(cited, "criteria:\n  custody: {rating: 1, sources: [law]}", "criteria:\n  custody: {rating: 1}")) ==
        std::vector<std::string>{"v.yaml:8:3: warning: criterion \"custody\" cites no source"});
  CHECK(validate(with(test::k_valid_file, "population: 1000", "population: {value: 1000, source: lw}")) ==
        std::vector<std::string>{
            "v.yaml:4:35: error: source \"lw\" of \"population\" is not defined under \"sources\" (did you mean \"law\"?)"});
}

TEST_CASE("what a state binds is checked against the rubric", "[validate]") {
  const std::string state = with(with(test::k_valid_file, "kind: city", "kind: state"), "criteria:", R"(within: [v]
binds:
  custdy: {at_least: {detainer_hold_prohibited: none}}
  custody:
    at_least: {detainer_hold_prohibited: any_conviction, transfer: none, judicial_warrant_required: unclear}
    at_most: {detainer_hold_prohibited: none}
    sources: [lw]
criteria:)");
  CHECK(validate(state) ==
        std::vector<std::string>{
            "v.yaml:7:10: error: \"v\" cannot lie within itself",
            "v.yaml:9:3: error: unknown criterion \"custdy\" in \"binds\" (did you mean \"custody\"?)",
            "v.yaml:11:58: error: unknown question \"transfer\" for criterion \"custody\" (did you mean "
        "\"transfer_to_ice_prohibited\"?)",
            "v.yaml:11:101: error: \"unclear\" is not an answer to \"judicial_warrant_required\" that can bind; expected "
            "one of yes, no",
            "v.yaml:12:41: error: \"detainer_hold_prohibited\": at_most \"none\" is less protective than at_least "
            "\"any_conviction\"",
            "v.yaml:13:15: error: source \"lw\" is not defined under \"sources\" (did you mean \"law\"?)"});
  const std::string city = with(test::k_valid_file, "criteria:", "binds:\n  custody: {at_most: {detainer_hold_prohibited: none}, sources: [law]}\ncriteria:");
  CHECK(validate(city) == std::vector<std::string>{
                              "v.yaml:8:3: warning: \"binds\" has no effect: the rubric lets only governments of kind "
                              "state bind those within them, and this one is of kind city"});
}
