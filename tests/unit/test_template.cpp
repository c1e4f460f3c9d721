#include <catch2/catch.hpp>

#include <scorecard/load.hpp>
#include <scorecard/template.hpp>
#include <scorecard/validate.hpp>

#include "helpers.hpp"

using namespace scorecard;
using scorecard::test::lines;

TEST_CASE("the init template loads, validates and answers every question unclear", "[template]") {
  const Rubric& rubric = builtin_rubric();
  const std::string text = jurisdiction_template(rubric, {"New Orleans", "new-orleans", "city", "LA", "schema.json"});
  CHECK(text.starts_with("# yaml-language-server: $schema=schema.json\n"));
  const auto result = load_jurisdiction_from_string(text, "t.yaml");
  REQUIRE(result.jurisdiction);
  CHECK(lines(result.diagnostics).empty());
  const Diagnostics problems = validate_jurisdiction(*result.jurisdiction, rubric);
  CHECK_FALSE(has_errors(problems));
  const Jurisdiction& j = *result.jurisdiction;
  CHECK(j.id == "new-orleans");
  CHECK(j.name == "New Orleans");
  CHECK(j.state == "LA");
  REQUIRE(j.criteria.size() == rubric.criteria.size());
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    CHECK(j.criteria[i].id == rubric.criteria[i].id);
    REQUIRE(j.criteria[i].answers.size() == rubric.criteria[i].questions.size());
    for (const auto& answer : j.criteria[i].answers) CHECK(answer.value == "unclear");
  }
  // Every comment sits at the indentation of the keys it stands among.
  CHECK(text.find("\nsources:\n  # One entry per law") != std::string::npos);
  CHECK(text.find("\n    title: \"TODO: the title of the ordinance, policy or report\"\n    # url: https://...\n") !=
        std::string::npos);
  CHECK(text.find("\n  custody:\n    # Custody: ") != std::string::npos);
  CHECK(text.find("\n    answers:\n      # Do laws or policies prohibit") != std::string::npos);
  CHECK(text.find("\n    sources: []  # ids from \"sources\" above") != std::string::npos);
  CHECK(text.find("\n\n") == std::string::npos);
}

// (The reader drops trailing spaces from every string, as from block scalars, so none is tried.)
TEST_CASE("the init template quotes any name so that it reads back the same", "[template]") {
  for (const std::string name : {"A: \"b\" #c", "it's", "null", "- x", "[x]", "&a *b", "tab\there", "two\nlines",
                                 "é ü 中", "yes", "123", "  leading spaces"}) {
    const std::string text = jurisdiction_template(builtin_rubric(), {name, "x", "county", "", "s.json"});
    const auto result = load_jurisdiction_from_string(text, "t.yaml");
    INFO(name);
    REQUIRE(result.jurisdiction);
    CHECK(result.jurisdiction->name == name);
    CHECK(result.jurisdiction->state.empty());
    // Without --state, the key is left as a comment to fill in.
    CHECK(text.find("\n# state: XX  # the two-letter postal code\n") != std::string::npos);
  }
}

TEST_CASE("the init template says 'not scored' once for each question not scored", "[template]") {
  const Rubric& rubric = builtin_rubric();
  const std::string text = jurisdiction_template(rubric, {"Test", "test", "city", "LA", "schema.json"});
  std::size_t unscored = 0;
  for (const auto& c : rubric.criteria) {
    for (const auto& q : c.questions) unscored += q.scored ? 0 : 1;
  }
  std::size_t said = 0;
  // The phrase may break across two comment lines: count it in the text without them.
  std::string joined;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '#')) ++i;
      joined += ' ';
    } else {
      joined += text[i];
    }
  }
  for (auto at = joined.find("not scored"); at != std::string::npos; at = joined.find("not scored", at + 1)) ++said;
  CHECK(unscored > 0);
  CHECK(said == unscored);
}
