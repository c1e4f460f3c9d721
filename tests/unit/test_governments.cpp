#include <catch2/catch.hpp>

#include <deque>

#include <scorecard/summary.hpp>

#include <scorecard/governments.hpp>
#include <scorecard/load.hpp>
#include <scorecard/validate.hpp>

#include "helpers.hpp"
#include "render_detail.hpp"

using namespace scorecard;
using scorecard::test::lines;

namespace {

// Jurisdictions loaded from text, resolved together.
struct Set {
  std::deque<Jurisdiction> js;
  std::vector<Diagnostics> found;

  Jurisdiction& add(const std::string& id, const std::string& body) {
    const std::string name = body.find("name:") == std::string::npos ? "name: " + id + "\n" : "";
    auto load = load_jurisdiction_from_string("id: " + id + "\n" + name + body, id + ".yaml");
    REQUIRE(lines(load.diagnostics).empty());
    js.push_back(std::move(*load.jurisdiction));
    return js.back();
  }
  void resolve(const Rubric& rubric = builtin_rubric()) {
    std::vector<Jurisdiction*> all;
    for (auto& j : js) all.push_back(&j);
    found = resolve_governments(rubric, all);
  }
  std::vector<std::string> diagnostics() const {
    std::vector<std::string> out;
    for (const auto& d : found) {
      for (const auto& line : lines(d)) out.push_back(line);
    }
    return out;
  }
};

const Answer* answer(const Jurisdiction& j, const std::string& criterion, const std::string& question) {
  const CriterionData* data = j.find_criterion(criterion);
  if (!data) return nullptr;
  for (const auto& a : data->answers) {
    if (a.question == question) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a city takes the answers of whoever runs its jail where it has none of its own", "[governments]") {
  Set set;
  Jurisdiction& city = set.add("city", R"(jail_authority: county
within: [county]
criteria:
  custody: {rating: 1, answers: {judicial_warrant_required: unclear}}
  interviews: {answers: {ice_access_prohibited: none}}
  information_sharing: {rating: 2}
)");
  set.add("county", R"(kind: county
sources:
  law: {title: County detainer policy, url: "https://example.org/law", date: 2011-09-07}
criteria:
  custody: {answers: {detainer_hold_prohibited: any_conviction, judicial_warrant_required: "yes"}, sources: [law]}
  interviews: {answers: {ice_access_prohibited: any_conviction}, sources: [law]}
  information_sharing: {answers: {nonpublic_info_sharing_prohibited: any_conviction}, sources: [law]}
)");
  set.resolve();
  CHECK(set.diagnostics().empty());
  const Answer* held = answer(city, "custody", "detainer_hold_prohibited");
  REQUIRE(held);
  CHECK(held->value == "any_conviction");
  REQUIRE(held->inherited());
  CHECK(held->from->government == "county");
  CHECK(held->from->via == Provenance::Via::jail_authority);
  REQUIRE(held->from->sources.size() == 1);
  CHECK(held->from->sources[0].date == "2011-09-07");
  CHECK(held->own.empty());
  // "unclear" is no answer: the county's replaces it, and the card can say it was unclear.
  const Answer* warrant = answer(city, "custody", "judicial_warrant_required");
  REQUIRE(warrant);
  CHECK(warrant->value == "yes");
  CHECK(warrant->own == "unclear");
  // The city's own answer stands.
  CHECK_FALSE(answer(city, "interviews", "ice_access_prohibited")->inherited());
  CHECK(answer(city, "interviews", "ice_access_prohibited")->value == "none");
  // Information sharing is not the jail's: nothing is inherited there.
  CHECK(answer(city, "information_sharing", "nonpublic_info_sharing_prohibited") == nullptr);
  CHECK(city.find_criterion("custody")->has_answers);
  // Every answer from one government's criterion shares one provenance.
  CHECK(held->from == warrant->from);
}

TEST_CASE("a state's floor raises and fills answers, its ceiling lowers them", "[governments]") {
  Set set;
  set.add("floor-state", R"(kind: state
sources:
  act: {title: State Values Act, url: "https://example.org/act", date: 2017-10-05}
binds:
  custody: {at_least: {detainer_hold_prohibited: some_convictions}, sources: [act]}
  interviews: {at_least: {written_consent_notice_required: "yes"}, sources: [act]}
criteria:
  custody: {answers: {detainer_hold_prohibited: some_convictions}, sources: [act]}
)");
  set.add("county", "kind: county\nwithin: floor-state\ncriteria:\n  custody: {answers: {detainer_hold_prohibited: none}}\n");
  Jurisdiction& city = set.add("city", R"(within: [county]
jail_authority: county
criteria:
  custody: {answers: {detainer_hold_prohibited: unclear}}
  interviews: {answers: {ice_access_prohibited: any_conviction}}
)");
  set.add("ceiling-state", R"(kind: state
binds:
  custody: {at_most: {detainer_hold_prohibited: none}}
  status_inquiry: {at_most: {status_or_birthplace_inquiry_prohibited: partial}}
criteria: {}
)");
  Jurisdiction& capped = set.add("capped", R"(within: [ceiling-state]
criteria:
  custody: {answers: {detainer_hold_prohibited: any_conviction}}
  status_inquiry: {answers: {status_recording_prohibited: "yes"}}
)");
  set.resolve();
  CHECK(set.diagnostics().empty());
  // The county's own "none" is below the state's floor; the city, through its county
  // (its jail authority and the government it lies within), gets the floor.
  const Answer* county_hold = answer(set.js[1], "custody", "detainer_hold_prohibited");
  CHECK(county_hold->value == "some_convictions");
  CHECK(county_hold->own == "none");
  CHECK(county_hold->from->via == Provenance::Via::at_least);
  const Answer* city_hold = answer(city, "custody", "detainer_hold_prohibited");
  CHECK(city_hold->value == "some_convictions");
  CHECK(city_hold->from->government == "county");  // the county runs its jail
  CHECK(city_hold->from->upstream->government == "floor-state");
  // A floor is no answer: a question the file does not answer stays open.
  CHECK(answer(city, "interviews", "written_consent_notice_required") == nullptr);
  // The ceiling lowers a more protective answer, and fills a missing one only when it is
  // the least protective answer there is.
  const Answer* capped_hold = answer(capped, "custody", "detainer_hold_prohibited");
  CHECK(capped_hold->value == "none");
  CHECK(capped_hold->own == "any_conviction");
  CHECK(capped_hold->from->via == Provenance::Via::at_most);
  CHECK(answer(capped, "status_inquiry", "status_or_birthplace_inquiry_prohibited") == nullptr);
  // A state does not bind itself.
  CHECK_FALSE(answer(set.js[0], "custody", "detainer_hold_prohibited")->inherited());
}

TEST_CASE("only the kinds the rubric names bind", "[governments]") {
  Set set;
  set.add("county", "kind: county\nbinds:\n  custody: {at_least: {detainer_hold_prohibited: any_conviction}}\ncriteria: {}\n");
  Jurisdiction& city = set.add("city", "within: county\ncriteria:\n  custody: {answers: {detainer_hold_prohibited: none}}\n");
  set.resolve();
  CHECK(answer(city, "custody", "detainer_hold_prohibited")->value == "none");
  const Diagnostics d = validate_jurisdiction(set.js[0], builtin_rubric(), ValidateScope::structure);
  CHECK(lines(d) == std::vector<std::string>{
                        "county.yaml:5:3: warning: \"binds\" has no effect: the rubric lets only governments of kind "
                        "state bind those within them, and this one is of kind county",
                        "county.yaml:5:3: warning: \"binds\" of criterion \"custody\" cites no source",
                        "county.yaml:6:1: error: missing criterion \"custody\"", "county.yaml:6:1: error: missing criterion \"interviews\"",
                        "county.yaml:6:1: error: missing criterion \"rights_trainings\"",
                        "county.yaml:6:1: error: missing criterion \"release_notification\"",
                        "county.yaml:6:1: error: missing criterion \"information_sharing\"",
                        "county.yaml:6:1: error: missing criterion \"status_inquiry\"",
                        "county.yaml:6:1: error: missing criterion \"collaboration\"",
                        "county.yaml:6:1: error: missing criterion \"contracts\""});
}

TEST_CASE("references that do not resolve are warnings, cycles are errors", "[governments]") {
  Set set;
  set.add("city", "within: [nowhere]\njail_authority: no-jail\ncriteria: {}\n");
  set.add("self", "jail_authority: self\ncriteria: {}\n");  // itself: nothing to resolve, but said
  set.add("a", "within: [b]\ncriteria: {}\n");
  set.add("b", "within: [c]\ncriteria: {}\n");
  set.add("c", "within: [a]\ncriteria: {}\n");
  set.add("x", "jail_authority: y\ncriteria: {}\n");
  set.add("y", "jail_authority: x\ncriteria: {}\n");
  set.resolve();
  CHECK(set.diagnostics() ==
        std::vector<std::string>{
            "city.yaml:3:10: warning: \"within\" names \"nowhere\", which is not among the files loaded: nothing is "
            "inherited from it (load its file too)",
            "city.yaml:4:17: warning: jail authority \"no-jail\" is not among the files loaded: its answers are not "
            "inherited (load its file too)",
            "self.yaml:3:17: warning: \"jail_authority\" names this jurisdiction itself; leave it out when it runs its "
            "own jail",
            "a.yaml:3:10: error: a cycle of governments: \"c\" is within \"a\", \"a\" is within \"b\", \"b\" is "
            "within \"c\"",
            "b.yaml:3:10: error: a cycle of governments: \"c\" is within \"a\", \"a\" is within \"b\", \"b\" is "
            "within \"c\"",
            "c.yaml:3:10: error: a cycle of governments: \"c\" is within \"a\", \"a\" is within \"b\", \"b\" is "
            "within \"c\"",
            "x.yaml:3:17: error: a cycle of governments: \"y\" has its jail run by \"x\", \"x\" has its jail run by "
            "\"y\"",
            "y.yaml:3:17: error: a cycle of governments: \"y\" has its jail run by \"x\", \"x\" has its jail run by "
            "\"y\""});
}

TEST_CASE("a recorded tier that inherited answers contradict is a warning naming both governments and dates", "[governments]") {
  Set set;
  Jurisdiction& city = set.add("city", R"(reviewed: 2019-12-19
jail_authority: county
criteria:
  custody: {rating: 3}
)");
  set.add("county", R"(name: The County
sources:
  directive: {title: Sheriff's directive, url: "https://example.org/d", date: 2018-12-06}
criteria:
  custody: {answers: {judicial_warrant_required: "yes"}, sources: [directive]}
)");
  set.resolve();
  CHECK(lines(validate_answers(city, builtin_rubric())) ==
        std::vector<std::string>{
            "city.yaml:6:21: warning: recorded tier 3 (reviewed 2019-12-19) for \"custody\" differs from tier 1 "
            "computed from its answers (rule 1: judicial_warrant_required is yes), with answers not its own: "
            "judicial_warrant_required is yes, from The County, which runs the jail: Sheriff's directive, 2018-12-06; if "
            "that is meant, say why under \"disagreement\""});
}

TEST_CASE("an answer passed down a chain of jail authorities names the one that runs the jail", "[governments]") {
  Set set;
  Jurisdiction& city = set.add("city", "jail_authority: county\ncriteria:\n  custody: {rating: 1}\n");
  set.add("county", R"(jail_authority: region
within: [state]
criteria:
  custody: {answers: {transfer_to_ice_prohibited: none}}
)");
  set.add("region", "name: The Region\ncriteria:\n  custody: {answers: {detainer_hold_prohibited: none}}\n");
  set.add("state", R"(name: The State
kind: state
binds:
  custody: {at_least: {transfer_to_ice_prohibited: some_convictions}}
criteria: {}
)");
  set.resolve();
  const Answer* hold = answer(city, "custody", "detainer_hold_prohibited");
  REQUIRE(hold);
  CHECK(hold->from->government == "county");
  REQUIRE(hold->from->upstream);
  CHECK(hold->from->upstream->government == "region");
  CHECK(scorecard::detail::provenance_text(*hold->from) == "from county, which runs the jail; its answer from The Region, which runs the jail");
  // The county's own answer, raised by its state's floor, reaches the city as the county's.
  const Answer* transfer = answer(city, "custody", "transfer_to_ice_prohibited");
  REQUIRE(transfer);
  CHECK(transfer->value == "some_convictions");
  CHECK(transfer->from->government == "county");
  CHECK(transfer->from->upstream->via == Provenance::Via::at_least);
}

TEST_CASE("a deep chain of binding states keeps the tightest bound of each question", "[governments]") {
  Set set;
  // s0 within s1 within ... within s199: every one sets a floor, the top one the highest.
  for (int i = 0; i < 200; ++i) {
    const std::string floor = i == 199 ? "any_conviction" : "some_convictions";
    set.add("s" + std::to_string(i), (i < 199 ? "within: [s" + std::to_string(i + 1) + "]\n" : std::string()) +
                                         "kind: state\nbinds:\n  custody: {at_least: {detainer_hold_prohibited: " + floor +
                                         "}}\ncriteria:\n  custody: {answers: {detainer_hold_prohibited: none}}\n");
  }
  set.resolve();
  CHECK(set.diagnostics().empty());
  const Answer* bottom = answer(set.js[0], "custody", "detainer_hold_prohibited");
  CHECK(bottom->value == "any_conviction");
  CHECK(bottom->from->government == "s199");
  CHECK(answer(set.js[199], "custody", "detainer_hold_prohibited")->value == "none");  // binds nothing above it
}

TEST_CASE("a jail authority that is the file itself, or a file with errors, is said so", "[governments]") {
  Set set;
  set.add("self", "jail_authority: self\ncriteria: {}\n");
  set.add("city", "jail_authority: broken\nwithin: [broken]\ncriteria: {}\n");
  std::vector<Jurisdiction*> all;
  for (auto& j : set.js) all.push_back(&j);
  set.found = resolve_governments(builtin_rubric(), all, {"broken"});
  CHECK(set.diagnostics() ==
        std::vector<std::string>{
            "self.yaml:3:17: warning: \"jail_authority\" names this jurisdiction itself; leave it out when it runs its "
            "own jail",
            "city.yaml:4:10: warning: \"within\" names \"broken\", whose file has errors: nothing is inherited from it",
            "city.yaml:3:17: warning: jail authority \"broken\" has errors in its file: its answers are not inherited"});
}

TEST_CASE("residents are counted where they live: a government holding others of the set is left out", "[governments]") {
  Set set;
  set.add("city", "within: [county]\npopulation: 100\ncriteria: {}\n");
  set.add("county", "kind: county\npopulation: {value: 5000, rounded_to: 1000}\ncriteria: {}\n");
  set.add("town", "population: 7\ncriteria: {}\n");
  set.add("unknown", "within: [county]\ncriteria: {}\n");
  std::vector<JurisdictionScore> scores;
  for (auto& j : set.js) scores.push_back(score_jurisdiction(builtin_rubric(), j));
  Summary all = summarize(builtin_rubric(), scores);
  CHECK(all.residents == 107);
  CHECK_FALSE(all.residents_approximate);
  CHECK(all.holding_others == 1);
  CHECK(all.with_population == 2);
  CHECK(population_note(all) ==
        "1 of 4 jurisdictions has no population figure; 1 government that holds others of these is left out, so that "
        "no one is counted twice; residents count only the others");
  // The county alone (a filter): nothing of these lies within it, so its residents count.
  const std::vector<JurisdictionScore> county = {scores[1]};
  Summary alone = summarize(builtin_rubric(), county);
  CHECK(alone.residents == 5000);
  CHECK(alone.residents_approximate);
  CHECK(alone.holding_others == 0);
  CHECK(population_note(alone).empty());
}
