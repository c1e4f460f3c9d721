// scorecard completion bash|zsh|fish: generated from the CLI11 definitions of every
// command and the rubric's vocabulary, so it cannot drift from --help.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include <scorecard/text_util.hpp>
#include <scorecard/version.hpp>

#include "cli_model.hpp"
#include "output.hpp"

namespace scorecard::cli {
namespace {

std::vector<std::string> flags_of(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* opt : options_of(app, false)) {
    for (const auto& s : opt->get_snames()) out.push_back("-" + s);
    for (const auto& l : opt->get_lnames()) out.push_back("--" + l);
  }
  return out;
}

// The allowed values of an option checked by IsMember ("TEXT:{a,b}"), if any.
std::vector<std::string> choices_of(const CLI::Option* opt) {
  if (const auto* formats = format_choices(opt)) return *formats;
  const std::string type = opt->get_type_name();
  const auto open = type.find('{');
  const auto close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> out;
  std::string item;
  for (char c : type.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item += c;
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

struct Model {
  std::vector<std::string> commands;
  std::map<std::string, std::vector<std::string>> flags;        // command -> its flags ("" = global)
  std::map<std::string, std::vector<std::string>> subcommands;  // e.g. rubric -> show check ..., or a positional's choices
  std::map<std::string, std::vector<std::string>> choices;      // "command --flag" -> values
  std::set<std::string> file_flags;                             // flags that take a path
  std::set<std::string> value_flags;                            // flags that take a value
  std::vector<std::string> criteria;
  // The rubric's vocabulary (Rubric::sort_keys and the rest), as the library defines it.
  std::vector<std::string> sort_keys;
  std::vector<std::string> filter_keys;
  std::vector<std::string> what_if_keys;
  std::vector<std::string> tiers;
};

Model model_of(CLI::App& app, const Rubric& rubric) {
  Model m;
  m.criteria = rubric.criterion_ids();
  m.sort_keys = rubric.sort_keys();
  m.filter_keys = rubric.filter_keys();
  m.what_if_keys = rubric.what_if_keys();
  m.tiers = rubric.tier_words();
  m.flags[""] = flags_of(app);
  for (const CLI::Option* opt : options_of(app, false)) {
    for (const auto& l : opt->get_lnames()) {
      if (opt->get_expected_max() != 0) m.value_flags.insert("--" + l);
      if (auto c = choices_of(opt); !c.empty()) m.choices[" --" + l] = c;
    }
  }
  for (CLI::App* sub : commands_of(app)) {
    const std::string name = sub->get_name();
    m.commands.push_back(name);
    m.flags[name] = flags_of(*sub);
    for (CLI::App* nested : commands_of(*sub)) {
      m.subcommands[name].push_back(nested->get_name());
      m.flags[name + " " + nested->get_name()] = flags_of(*nested);
    }
    for (const CLI::Option* positional : options_of(*sub, true)) {
      for (const auto& choice : choices_of(positional)) m.subcommands[name].push_back(choice);
    }
    for (const CLI::Option* opt : options_of(*sub, false)) {
      for (const auto& l : opt->get_lnames()) {
        const std::string flag = "--" + l;
        if (opt->get_expected_max() != 0) m.value_flags.insert(flag);
        if (auto c = choices_of(opt); !c.empty()) m.choices[fmt::format("{} {}", name, flag)] = c;
        const std::string type = opt->get_type_name();
        if (type == "FILE" || type == "OLD.json" || type == "PATH") m.file_flags.insert(flag);
      }
    }
  }
  m.file_flags.insert("--rubric");
  m.file_flags.insert("--output");
  return m;
}

// Options whose values depend on the rubric: sort keys, filters, requirements, what-ifs, tiers.
const std::vector<std::string> k_rubric_flags = {"--sort", "--filter", "--require", "--what-if", "--min-tier"};

bool is_rubric_flag(const std::string& flag) {
  return std::find(k_rubric_flags.begin(), k_rubric_flags.end(), flag) != k_rubric_flags.end();
}

// Values that depend on the rubric: sort keys, filters, requirements, what-ifs.
std::string rubric_values(const Model& m, const std::string& flag) {
  std::vector<std::string> values;
  if (flag == "--sort") {
    values = m.sort_keys;
  } else if (flag == "--filter") {
    for (const auto& key : m.filter_keys) {
      values.push_back(key + "=");
      if (key != "state" && key != "kind") values.push_back(key + "<=");
    }
  } else if (flag == "--require") {
    for (const auto& c : m.criteria) values.push_back(c + "=");
  } else if (flag == "--what-if") {
    for (const auto& key : m.what_if_keys) values.push_back(key + "=");
  } else if (flag == "--min-tier") {
    values = m.tiers;
  }
  return join(values, " ");
}

void bash(const Model& m, std::ostream& out) {
  out << "# bash completion for scorecard (policy-scorecard " << version() << ")\n"
      << "# Generated by `scorecard completion bash`; source it, or install it as\n"
      << "# /usr/share/bash-completion/completions/scorecard.\n"
      << "_scorecard() {\n"
      << "  local cur prev cmd sub i\n"
      << "  cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
      << "  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      << "  cmd=\"\"; sub=\"\"\n"
      << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "    case \"${COMP_WORDS[i]}\" in\n";
  out << "      " << join(m.commands, "|") << ")\n"
      << "        if [[ -z \"$cmd\" ]]; then cmd=\"${COMP_WORDS[i]}\"; elif [[ -z \"$sub\" ]]; then sub=\"${COMP_WORDS[i]}\"; fi ;;\n"
      << "      *) if [[ -n \"$cmd\" && -z \"$sub\" && \"${COMP_WORDS[i]}\" != -* ]]; then sub=\"${COMP_WORDS[i]}\"; fi ;;\n"
      << "    esac\n  done\n";
  // Values of the option just typed.
  out << "  case \"$prev\" in\n";
  std::map<std::string, std::string> by_flag;  // flag -> case body
  for (const auto& [key, values] : m.choices) {
    const auto space = key.find(' ');
    const std::string command = key.substr(0, space);
    const std::string flag = key.substr(space + 1);
    by_flag[flag] += fmt::format("      {}) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n",
                                 command.empty() ? "*" : command, join(values, " "));
  }
  for (const auto& [flag, body] : by_flag) {
    out << "    " << flag << ")\n      case \"$cmd\" in\n" << body << "      esac ;;\n";
  }
  for (const std::string& flag : k_rubric_flags) {
    out << "    " << flag << ") COMPREPLY=($(compgen -W \"" << rubric_values(m, flag)
        << "\" -- \"$cur\")); compopt -o nospace 2>/dev/null; return ;;\n";
  }
  out << "    " << join(std::vector<std::string>(m.file_flags.begin(), m.file_flags.end()), "|") << "|-o)\n"
      << "      COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
  std::vector<std::string> plain;
  for (const auto& f : m.value_flags) {
    if (!m.file_flags.count(f) && !by_flag.count(f) && !is_rubric_flag(f)) {
      plain.push_back(f);
    }
  }
  if (!plain.empty()) out << "    " << join(plain, "|") << "|-j) return ;;\n";
  out << "  esac\n"
      << "  if [[ -z \"$cmd\" ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"" << join(m.commands, " ") << " " << join(m.flags.at(""), " ")
      << "\" -- \"$cur\")); return\n  fi\n"
      << "  if [[ \"$cur\" == -* ]]; then\n    case \"$cmd\" in\n";
  for (const auto& command : m.commands) {
    std::vector<std::string> flags = m.flags.at(command);
    for (const auto& global : m.flags.at("")) {
      if (std::find(flags.begin(), flags.end(), global) == flags.end()) flags.push_back(global);
    }
    out << "      " << command << ") COMPREPLY=($(compgen -W \"" << join(flags, " ") << "\" -- \"$cur\")) ;;\n";
  }
  out << "    esac\n    return\n  fi\n  case \"$cmd\" in\n";
  for (const auto& [command, subs] : m.subcommands) {
    out << "    " << command << ") if [[ -z \"$sub\" ]]; then COMPREPLY=($(compgen -W \"" << join(subs, " ")
        << "\" -- \"$cur\")); return; fi ;;\n";
  }
  out << "  esac\n"
      << "  COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      << "}\n"
      << "complete -o filenames -o bashdefault -F _scorecard scorecard\n";
}

void fish(CLI::App& app, const Model& m, std::ostream& out) {
  out << "# fish completion for scorecard (policy-scorecard " << version() << ")\n"
      << "# Generated by `scorecard completion fish`; install it as\n"
      << "# ~/.config/fish/completions/scorecard.fish.\n";
  auto escape = [](const std::string& text) {
    std::string out_text;
    for (char c : text) {
      if (c == '\'' || c == '\\') out_text += '\\';
      out_text += c;
    }
    return out_text;
  };
  for (CLI::App* sub : commands_of(app)) {
    out << fmt::format("complete -c scorecard -n '__fish_use_subcommand' -f -a '{}' -d '{}'\n", sub->get_name(),
                       escape(sub->get_description().substr(0, 60)));
  }
  auto emit_options = [&](const CLI::App& a, const std::string& condition, const std::string& command) {
    for (const CLI::Option* opt : options_of(a, false)) {
      for (const auto& l : opt->get_lnames()) {
        const std::string flag = "--" + l;
        std::string line = fmt::format("complete -c scorecard -n '{}' -l {}", condition, l);
        for (const auto& s : opt->get_snames()) line.append(" -s ").append(s);
        if (auto it = m.choices.find(fmt::format("{} {}", command, flag)); it != m.choices.end()) {
          line += fmt::format(" -x -a '{}'", join(it->second, " "));
        } else if (is_rubric_flag(flag)) {
          line += " -x -a '" + rubric_values(m, flag) + "'";
        } else if (m.file_flags.count(flag)) {
          line += " -r -F";
        } else if (opt->get_expected_max() != 0) {
          line += " -x";
        }
        out << line << " -d '" << escape(opt->get_description().substr(0, 60)) << "'\n";
      }
    }
  };
  emit_options(app, "true", "");
  for (CLI::App* sub : commands_of(app)) {
    emit_options(*sub, "__fish_seen_subcommand_from " + sub->get_name(), sub->get_name());
    for (CLI::App* nested : commands_of(*sub)) {
      out << fmt::format("complete -c scorecard -n '__fish_seen_subcommand_from {}' -f -a '{}' -d '{}'\n",
                         sub->get_name(), nested->get_name(), escape(nested->get_description().substr(0, 60)));
    }
  }
}

}  // namespace

namespace {

// -o names a file that is already something else (a data file, say): refused without --force.
// A completion script of ours (its first lines say so) is replaced, as an update.
void refuse_other_file(const std::string& path, bool force) {
  if (path.empty() || path == "-" || force) return;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error) || std::filesystem::file_size(path, error) == 0) return;
  std::ifstream in(path, std::ios::binary);
  std::string head(300, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find("completion for scorecard") != std::string::npos) return;
  throw UsageError(fmt::format("-o {}: the file exists and is not a completion script; give another name, or "
                               "--force to replace it",
                               path),
                   "completion");
}

}  // namespace

Command setup_completion(CLI::App& app) {
  auto shell = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("completion", "Print a shell completion script: bash, zsh or fish");
  sub->add_option("SHELL", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  auto completion_output = std::make_shared<std::string>();
  sub->add_option("-o,--output", *completion_output, "Write to FILE instead of standard output")->type_name("FILE");
  auto force = std::make_shared<bool>(false);
  sub->add_flag("--force", *force, "Overwrite FILE even when it is not a completion script");
  CLI::App* root = &app;
  Command completion{sub, [shell, root, completion_output, force](Context& context) {
                       refuse_other_file(*completion_output, *force);
                       const Rubric* rubric = context.rubric();
                       if (!rubric) return k_exit_invalid;
                       const Model m = model_of(*root, *rubric);
                       std::ostringstream text;
                       if (*shell == "fish") {
                         fish(*root, m, text);
                       } else if (*shell == "zsh") {
                         text << "#compdef scorecard\n# zsh completion for scorecard, through bash's "
                                 "(generated by `scorecard completion zsh`).\n"
                              << "autoload -U +X bashcompinit && bashcompinit\n";
                         bash(m, text);
                       } else {
                         bash(m, text);
                       }
                       return write_output(*completion_output, text.str());
                     }};
  return completion;
}

}  // namespace scorecard::cli
