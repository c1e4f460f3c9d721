#include <scorecard/template.hpp>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

#include "yaml_io.hpp"

namespace scorecard {
namespace {

// Comments wrap to 88 columns, as the rest of the bundled data does.
void comment(detail::YamlWriter& out, std::string_view text, std::size_t indent) {
  out.comment(join(wrap(text, 88 - indent - 2), "\n"));
}

}  // namespace

std::string jurisdiction_template(const Rubric& rubric, const TemplateRequest& request) {
  detail::YamlWriter out;
  out.comment("yaml-language-server: $schema=" + request.schema);
  comment(out,
          fmt::format("{}: a jurisdiction file for rubric {} {}, written by `scorecard init`. Answer each question "
                      "from a law or policy you cite; leave \"unclear\" where the text is silent or ambiguous (it "
                      "is no evidence: a criterion whose tier depends on an unclear question is not rated, and so "
                      "is the jurisdiction until every criterion is). Or record a tier yourself with \"rating\". "
                      "Then run `scorecard validate` on this file, and `scorecard explain` to see its tiers.",
                      request.name, rubric.id, rubric.version),
          0);
  out.begin_map();
  out.key("id");
  out.value(request.id);
  out.key("name");
  out.value(request.name);
  if (!request.state.empty()) {
    out.key("state");
    out.value(request.state);
  } else {
    out.comment("state: XX  # the two-letter postal code");
  }
  out.key("kind");
  out.value(request.kind);
  out.comment("population: {value: 0, source: some-source}  # residents; add rounded_to: 1000 for a rounded figure");
  out.comment("jail_authority: some-county  # the id of the government that runs the jail, if not this one");
  out.comment("within: [some-county, some-state]  # the ids of the governments it lies within");
  out.comment("reviewed: YYYY-MM-DD  # when this research was last checked");
  out.key("sources");
  out.begin_map();
  out.comment("One entry per law, policy or report; criteria cite them by id.");
  out.key("source-1");
  out.begin_map();
  out.key("title");
  out.value("TODO: the title of the ordinance, policy or report");
  out.comment("url: https://...\ndate: YYYY-MM-DD\npinpoint: \"section 2\"");
  out.end_map();
  out.end_map();
  comment(out,
          "Each criterion may say since when its policy holds (since: YYYY-MM-DD) and keep the policies before it "
          "under history:, most recent first, each with its own since, answers, sources and note (docs/data-format.md, "
          "\"Policy over time\").",
          0);
  out.key("criteria");
  out.begin_map();
  for (const auto& c : rubric.criteria) {
    out.key(c.id);
    out.begin_map();
    comment(out, c.title + (c.description.empty() ? "" : ": " + c.description), 4);
    out.comment("rating: 1  # a tier you record yourself, instead of or besides the answers");
    if (!c.questions.empty()) {
      out.key("answers");
      out.begin_map();
      for (const auto& q : c.questions) {
        std::vector<std::string> values = q.values;
        values.emplace_back(k_unclear);
        comment(out, fmt::format("{} [{}]{}", q.text, join(values, " | "), q.scored ? "" : " (recorded, not scored)"),
                6);
        out.key(q.id);
        out.value(k_unclear);
      }
      out.end_map();
    }
    out.key("sources");
    out.begin_list(true);
    out.end_list();
    out.trailing_comment("ids from \"sources\" above, e.g. [source-1]");
    out.key("note");
    out.value("");
    out.end_map();
  }
  out.end_map();
  out.end_map();
  return out.str();
}

}  // namespace scorecard
