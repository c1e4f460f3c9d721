// scorecard init NAME: a jurisdiction file to fill in, with every criterion and question.

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>

#include "output.hpp"

namespace scorecard::cli {
namespace {

// "New Orleans" -> "new-orleans".
std::string slug_of(const std::string& name) {
  std::string slug;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      slug += static_cast<char>(std::tolower(u));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

void comment(std::ostream& out, std::string_view text, std::size_t indent) {
  for (const auto& line : wrap(text, 88 - indent - 2)) out << std::string(indent, ' ') << "# " << line << '\n';
}

// YAML-safe double-quoted text.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

void write_template(const Rubric& rubric, const std::string& name, const std::string& id, const std::string& kind,
                    const std::string& state, const std::string& schema, std::ostream& out) {
  out << "# yaml-language-server: $schema=" << schema << '\n';
  comment(out,
          fmt::format("{}: a jurisdiction file for rubric {} {}, written by `scorecard init`. Answer each question "
                      "from a law or policy you cite; leave \"unclear\" where the text is silent or ambiguous (it "
                      "never counts as a policy). Or record a tier yourself with \"rating\". Then run `scorecard "
                      "validate` on this file, and `scorecard explain` to see its tiers.",
                      name, rubric.id, rubric.version),
          0);
  out << "id: " << id << "\nname: " << yaml_quoted(name) << '\n';
  if (!state.empty()) {
    out << "state: " << state << '\n';
  } else {
    out << "# state: XX                 # the two-letter postal code\n";
  }
  out << "kind: " << kind << "\n"
      << "# population: 0             # residents, from a source you cite\n"
      << "# jail_authority: some-county  # the id of the government that runs the jail, if not this one\n"
      << "# reviewed: YYYY-MM-DD      # when this research was last checked\n"
      << "sources:\n"
      << "  # One entry per law, policy or report; criteria cite them by id.\n"
      << "  source-1:\n"
      << "    title: \"TODO: the title of the ordinance, policy or report\"\n"
      << "    # url: https://...\n"
      << "    # date: YYYY-MM-DD\n"
      << "    # pinpoint: \"section 2\"\n"
      << "criteria:\n";
  for (const auto& c : rubric.criteria) {
    out << "  " << c.id << ":\n";
    comment(out, c.title + (c.description.empty() ? "" : ": " + c.description), 4);
    out << "    # rating: 1                # a tier you record yourself, instead of or besides the answers\n";
    if (!c.questions.empty()) out << "    answers:\n";
    for (const auto& q : c.questions) {
      std::vector<std::string> values = q.values;
      values.emplace_back(k_unclear);
      comment(out, fmt::format("{} [{}]{}", q.text, join(values, " | "), q.scored ? "" : " (recorded, not scored)"), 6);
      out << "      " << q.id << ": " << k_unclear << '\n';
    }
    out << "    sources: []                # ids from \"sources\" above, e.g. [source-1]\n"
        << "    note: \"\"\n";
  }
}

}  // namespace

Command setup_init(CLI::App& app) {
  struct Options {
    std::string name;
    std::string kind = "city";
    std::string state;
    std::string output;
    std::string schema = "../../docs/schema/jurisdiction.schema.json";
    bool force = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("init", "Write a jurisdiction file to fill in: every criterion and question of the "
                                             "rubric, answered \"unclear\", with the questions as comments");
  sub->add_option("NAME", options->name, "The jurisdiction's name, e.g. \"New Orleans\"")->required();
  sub->add_option("--kind", options->kind, "city, county, state or other")
      ->check(CLI::IsMember({"city", "county", "state", "other"}))
      ->default_str("city");
  sub->add_option("--state", options->state, "Two-letter postal code")->type_name("XX");
  sub->add_option("-o,--output", options->output, "Where to write it (default: NAME's id.yaml here); - is standard output")
      ->type_name("FILE");
  sub->add_option("--schema", options->schema, "The editor schema named on the first line")
      ->type_name("PATH")
      ->default_str("../../docs/schema/jurisdiction.schema.json");
  sub->add_flag("--force", options->force, "Overwrite an existing file");
  return {sub, [options](Context& context) {
            const Rubric* rubric = context.rubric();
            if (!rubric) return k_exit_invalid;
            const std::string id = slug_of(options->name);
            if (id.empty()) {
              throw UsageError(fmt::format("cannot make an id from \"{}\"; use letters or digits", options->name), "init");
            }
            if (!options->state.empty() &&
                (options->state.size() != 2 || !std::isupper(static_cast<unsigned char>(options->state[0])) ||
                 !std::isupper(static_cast<unsigned char>(options->state[1])))) {
              throw UsageError(fmt::format("--state must be a two-letter postal code such as \"LA\", found \"{}\"",
                                           options->state),
                               "init");
            }
            const std::string path = options->output.empty() ? id + ".yaml" : options->output;
            std::ostringstream text;
            write_template(*rubric, options->name, id, options->kind, options->state, options->schema, text);
            std::error_code ec;
            if (path != "-" && !options->force && std::filesystem::exists(path, ec)) {
              std::cerr << fmt::format("scorecard: error: \"{}\" already exists; use --force to overwrite it\n", path);
              return k_exit_invalid;
            }
            if (const int status = write_output(path, text.str()); status != k_exit_ok) return status;
            if (path != "-" && !context.options().quiet) {
              std::cerr << fmt::format("scorecard: wrote {}; fill it in, then run 'scorecard validate {}'\n", path, path);
            }
            return k_exit_ok;
          }};
}

}  // namespace scorecard::cli
