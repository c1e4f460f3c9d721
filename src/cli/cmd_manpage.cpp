// scorecard manpage: the scorecard(1) man page, generated from the CLI11 definitions of
// every command, so that it cannot drift from --help.

#include <memory>
#include <sstream>

#include <scorecard/text_util.hpp>
#include <scorecard/version.hpp>

#include "cli_model.hpp"
#include "output.hpp"

namespace scorecard::cli {
namespace {

std::string troff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// An option's value as a reader wants it: "WHEN" for CLI11's "WHEN:{auto,always,never}",
// "city|county|..." for "TEXT:{city,county,...}".
std::string value_name(std::string type) {
  const auto colon = type.find(':');
  if (colon == std::string::npos) return type;
  std::string head = type.substr(0, colon);
  std::string rest = type.substr(colon + 1);
  if (head != "TEXT") return head;
  if (rest.size() > 2 && rest.front() == '{' && rest.back() == '}') rest = rest.substr(1, rest.size() - 2);
  for (auto& c : rest) c = c == ',' ? '|' : c;
  return rest;
}

void man_options(const CLI::App& app, std::ostream& out) {
  for (const CLI::Option* opt : options_of(app, false)) {
    std::vector<std::string> names;
    for (const auto& s : opt->get_snames()) names.push_back("\\fB\\-" + troff(s) + "\\fR");
    for (const auto& l : opt->get_lnames()) names.push_back("\\fB\\-\\-" + troff(l) + "\\fR");
    std::string type = value_name(opt->get_type_name());
    if (opt->get_expected_max() == 0) type.clear();
    out << ".TP\n" << join(names, ", ") << (type.empty() ? "" : " \\fI" + troff(type) + "\\fR") << '\n'
        << troff(opt->get_description()) << '\n';
  }
}

// Commands as a reader would type them, each with what it does.
struct Example {
  std::string_view command;
  std::string_view what;
};
constexpr Example k_examples[] = {
    {"scorecard compare data/jurisdictions", "the comparison table of every file under the folder"},
    {"scorecard score data/jurisdictions/cities/chicago.yaml", "one jurisdiction's card: each tier, why, and its sources"},
    {"scorecard explain dallas.yaml", "why each tier, and the fewest policy changes to the next one"},
    {"scorecard validate data/jurisdictions --strict", "every problem of every file, warnings counting as errors"},
    {"scorecard check data/jurisdictions --min-tier 2 --baseline old.json", "a CI gate: exit 1 below tier 2 or worse than before"},
    {"scorecard export data/jurisdictions --format html -o scorecard.html", "a web page to publish"},
    {"scorecard diff old/ new/", "what changed between two versions of the data"},
    {"scorecard compare data/jurisdictions --what-if custody=1", "the table as if every custody policy were at tier 1"},
    {"scorecard init \"New Orleans\" --kind city --state LA", "a file to fill in: every question, answered unclear"},
};

// The installed paths start with the installation prefix: a given one, or PREFIX in italics
// (the build passes none, so the page stays true wherever a packager installs it).
struct Paths {
  std::string prefix;  // troff
  std::string under(std::string_view rest) const { return prefix + troff(rest); }
};

void manpage(CLI::App& app, const Paths& paths, std::ostream& out) {
  const std::string docs = paths.under("/share/doc/policy-scorecard");
  out << ".TH SCORECARD 1 \"\" \"policy-scorecard " << version() << "\" \"User Commands\"\n"
      << ".SH NAME\nscorecard \\- " << troff(app.get_description()) << '\n'
      << ".SH SYNOPSIS\n.B scorecard\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n"
      << ".SH DESCRIPTION\nJurisdiction files (YAML, one per city, county or state) describe laws and policies with "
         "citations; a rubric turns them into tiers.\nThe built-in rubric follows the Center for Popular Democracy's "
         "2019 scorecard.\nEach command is described in full in \\fI" << docs << "/cli.md\\fR.\n"
      << ".SH GLOBAL OPTIONS\n";
  man_options(app, out);
  out << ".SH COMMANDS\n";
  for (CLI::App* sub : commands_of(app)) {
    std::vector<std::string> args;
    for (const CLI::Option* p : options_of(*sub, true)) args.push_back(p->get_name() + (p->get_expected_max() > 1 ? "..." : ""));
    out << ".SS \"scorecard " << troff(sub->get_name()) << (args.empty() ? "" : " " + troff(join(args, " "))) << "\"\n"
        << troff(sub->get_description()) << '\n';
    man_options(*sub, out);
    for (CLI::App* nested : commands_of(*sub)) {
      std::vector<std::string> nested_args;
      for (const CLI::Option* p : options_of(*nested, true)) nested_args.push_back(p->get_name());
      out << ".TP\n\\fB" << troff(sub->get_name() + " " + nested->get_name()) << "\\fR"
          << (nested_args.empty() ? "" : " \\fI" + troff(join(nested_args, " ")) + "\\fR") << '\n'
          << troff(nested->get_description()) << '\n';
    }
  }
  out << ".SH EXIT STATUS\n.TP\n0\nsuccess\n.TP\n1\n\\fBcheck\\fR found a failing jurisdiction or a regression\n"
      << ".TP\n2\nusage error\n.TP\n3\ninvalid input (a file, rubric or baseline that could not be read or "
         "validated), or an output (a file, or standard output) that could not be written\n"
      << ".TP\n70\ninternal error (a bug: please report it)\n.TP\n71\nout of memory\n"
      << ".SH ENVIRONMENT\n.TP\nNO_COLOR\nwhen set and not empty, no colour (unless \\fB\\-\\-color always\\fR)\n"
      << ".TP\nGITHUB_ACTIONS, GITHUB_STEP_SUMMARY\n\\fBcheck\\fR adds workflow annotations and a step summary\n"
      << ".TP\nSOURCE_DATE_EPOCH\nthe time \\fB\\-\\-timestamp\\fR records\n"
      << ".TP\nCOLUMNS\nthe width \\fBcompare\\fR fits its table to, also in a pipe (else the terminal's)\n"
      << ".TP\nCOLORTERM, TERM\n\\fBCOLORTERM=truecolor\\fR (or \\fB24bit\\fR) or a \\fBTERM\\fR ending in "
         "\\fB256color\\fR show tiers in the rubric's own colours; \\fBTERM=dumb\\fR shows none\n"
      << ".SH EXAMPLES\n";
  // On a text line, not a .B request, so that quotes stay quotes.
  for (const auto& e : k_examples) out << ".TP\n\\fB" << troff(e.command) << "\\fR\n" << troff(e.what) << '\n';
  out << ".SH FILES\n.TP\n" << docs << "\nthe documentation: \\fIcli.md\\fR (commands), \\fIdata-format.md\\fR "
      << "(jurisdiction files), \\fImethodology.md\\fR (the rubric and its sources), \\fIci.md\\fR (gating a data "
         "repository)\n"
      << ".TP\n" << paths.under("/share/policy-scorecard/data") << "\nthe bundled rubric (\\fIrubrics/cpd-ice.yaml\\fR, "
         "also built in) and jurisdiction files (\\fIjurisdictions/\\fR)\n"
      << ".TP\n" << paths.under("/share/policy-scorecard/docs/schema") << "\nJSON Schemas of the data files and of every "
         "JSON output\n";
  if (paths.prefix.starts_with("\\fIPREFIX")) {
    out << ".PP\n\\fIPREFIX\\fR is where scorecard is installed: \\fI/usr\\fR for the Debian package, "
           "\\fI/usr/local\\fR for \\fBmake install\\fR unless told otherwise.\n";
  }
  out << ".SH SEE ALSO\n\\fI" << docs << "/cli.md\\fR, \\fI" << docs << "/data-format.md\\fR\n";
}

}  // namespace

Command setup_manpage(CLI::App& app) {
  auto output = std::make_shared<std::string>();
  CLI::App* man = app.add_subcommand("manpage", "Print the scorecard(1) man page (troff)");
  man->group("");  // not listed in --help
  man->add_option("-o,--output", *output, "Write to FILE instead of standard output")->type_name("FILE");
  auto prefix = std::make_shared<std::string>();
  man->add_option("--prefix", *prefix, "Name the installed files under DIR (else the page says PREFIX)")->type_name("DIR");
  CLI::App* root = &app;
  return {man, [output, prefix, root](Context&) {
            std::ostringstream text;
            manpage(*root, {prefix->empty() ? "\\fIPREFIX\\fR" : troff(*prefix)}, text);
            return write_output(*output, text.str());
          }};
}

}  // namespace scorecard::cli
