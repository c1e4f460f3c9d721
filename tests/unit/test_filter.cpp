#include <catch2/catch.hpp>

#include <scorecard/filter.hpp>

using namespace scorecard;

namespace {

JurisdictionScore make(const char* state, const char* kind, int overall, int custody) {
  JurisdictionScore s;
  s.jurisdiction.state = state;
  s.jurisdiction.kind = kind;
  s.overall.tier = overall;
  for (const auto& c : builtin_rubric().criteria) {
    CriterionResult r;
    r.criterion = c.id;
    r.tier = c.id == "custody" ? custody : 3;
    s.criteria.push_back(r);
  }
  return s;
}

Filter parse(const std::string& text) {
  FilterParse p = parse_filter(text, builtin_rubric());
  INFO(p.error);
  REQUIRE(p.filter);
  return *p.filter;
}

std::string error(const std::string& text) {
  FilterParse p = parse_filter(text, builtin_rubric());
  REQUIRE_FALSE(p.filter);
  return p.error;
}

}  // namespace

TEST_CASE("filters parse every operator, longest first", "[filter]") {
  CHECK(parse("tier<=2").op == Comparison::less_equal);
  CHECK(parse("tier<=2").tier == 2);
  CHECK(parse("tier>=2").op == Comparison::greater_equal);
  CHECK(parse("tier<2").op == Comparison::less);
  CHECK(parse("tier>1").op == Comparison::greater);
  CHECK(parse("tier!=3").op == Comparison::not_equal);
  CHECK(parse("custody=1").key == "custody");
  CHECK(parse("tier=strong").tier == 1);
  CHECK(parse("state=CA,NY").values == std::vector<std::string>{"CA", "NY"});
}

TEST_CASE("filters match state and kind as lists, case-insensitively", "[filter]") {
  const auto ca = make("CA", "city", 2, 1);
  CHECK(matches(ca, parse("state=ca")));
  CHECK(matches(ca, parse("state=NY,CA")));
  CHECK_FALSE(matches(ca, parse("state!=CA")));
  CHECK(matches(ca, parse("kind=city")));
  CHECK_FALSE(matches(ca, parse("kind=county")));
}

TEST_CASE("filters compare overall and criterion tiers", "[filter]") {
  const auto s = make("IL", "city", 2, 1);
  CHECK(matches(s, parse("tier<=2")));
  CHECK_FALSE(matches(s, parse("tier<2")));
  CHECK(matches(s, parse("tier>=2")));
  CHECK(matches(s, parse("custody=1")));
  CHECK_FALSE(matches(s, parse("interviews<=2")));
  std::vector<JurisdictionScore> all = {make("IL", "city", 1, 1), make("CA", "county", 2, 1), make("CA", "city", 3, 3)};
  apply_filters(all, {parse("state=CA"), parse("custody=1")});
  REQUIRE(all.size() == 1);
  CHECK(all[0].jurisdiction.kind == "county");
}

TEST_CASE("bad filters explain themselves", "[filter]") {
  CHECK(error("stat=CA").rfind("unknown filter key \"stat\" (did you mean \"state\"?)", 0) == 0);
  CHECK(error("CA").rfind("invalid filter \"CA\"; expected KEY=VALUE", 0) == 0);
  CHECK(error("=CA").rfind("invalid filter \"=CA\"", 0) == 0);
  CHECK(error("tier=9") == "filter \"tier=9\": \"9\" is not a tier; use 1 (strong), 2 (progress), 3 (room), or none (not rated)");
  CHECK(error("state<=CA") == "filter \"state<=CA\": state takes = or != only");
  CHECK(error("state=") == "filter \"state=\" has no value");
}

TEST_CASE("none selects what is not rated, with = and != only", "[filter]") {
  auto unrated = make("TX", "city", 3, 3);
  unrated.overall.tier.reset();
  unrated.criteria[0].tier.reset();
  const auto rated = make("TX", "city", 3, 3);
  CHECK(matches(unrated, parse("tier=none")));
  CHECK_FALSE(matches(rated, parse("tier=none")));
  CHECK(matches(rated, parse("tier!=none")));
  CHECK(matches(unrated, parse("custody=none")));
  CHECK_FALSE(matches(unrated, parse("interviews=none")));
  // A comparison with a tier never selects what is not rated.
  CHECK_FALSE(matches(unrated, parse("tier>=1")));
  CHECK_FALSE(matches(unrated, parse("tier!=1")));
  CHECK(error("tier<=none") == "filter \"tier<=none\": \"none\" (not rated) takes = or != only");
}
