#pragma once
// Walking the CLI11 definitions, for the completion scripts and the man page.

#include <vector>

#include "app.hpp"

namespace scorecard::cli {

// The listed subcommands (a subcommand with an empty group is hidden).
inline std::vector<CLI::App*> commands_of(CLI::App& app) {
  std::vector<CLI::App*> out;
  for (CLI::App* sub : app.get_subcommands([](CLI::App* a) { return !a->get_group().empty(); })) out.push_back(sub);
  return out;
}

// The positionals, or the named options.
inline std::vector<const CLI::Option*> options_of(const CLI::App& app, bool positional) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional() == positional && (positional || !opt->get_lnames().empty())) out.push_back(opt);
  }
  return out;
}

}  // namespace scorecard::cli
