// scorecard init NAME: a jurisdiction file to fill in, with every criterion and question.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include <scorecard/rubric.hpp>
#include <scorecard/template.hpp>
#include <scorecard/text_util.hpp>

#include "output.hpp"

namespace scorecard::cli {
namespace {

// The letters of Latin-1 and Latin Extended-A as ASCII, from U+00C0: "São Paulo" is sao-paulo.
std::string_view ascii_of(unsigned code) {
  static constexpr std::string_view k_latin[] = {
      // U+00C0 to U+00FF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
      "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  //
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
      "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",   //
      // U+0100 to U+017F
      "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",      //
      "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",      //
      "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",      //
      "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",    //
      "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",      //
      "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",    //
      "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",      //
      "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};
  if (code < 0xC0 || code > 0x17F) return {};
  return k_latin[code - 0xC0];
}

// "New Orleans" -> "new-orleans", "São Paulo" -> "sao-paulo"; other scripts leave a gap.
std::string slug_of(const std::string& name) {
  std::string slug;
  auto letters = [&](std::string_view ascii) {
    for (char c : ascii) slug += c;
  };
  for (std::size_t i = 0; i < name.size();) {
    const auto u = static_cast<unsigned char>(name[i]);
    std::string_view ascii;
    std::size_t n = 1;
    char one[2] = {0, 0};
    if (u < 0x80) {
      if (std::isalnum(u)) {
        one[0] = static_cast<char>(std::tolower(u));
        ascii = std::string_view(one, 1);
      }
    } else if (u >= 0xC2 && u <= 0xC5 && i + 1 < name.size()) {
      n = 2;
      ascii = ascii_of(((u & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu));
    } else {
      n = std::max<std::size_t>(1, utf8_sequence_length(name, i));
    }
    if (!ascii.empty()) {
      letters(ascii);
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    i += n;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
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
  sub->add_option("--kind", options->kind, jurisdiction_kinds_text())
      ->check(CLI::IsMember(jurisdiction_kinds()))
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
            // Text for a YAML file: UTF-8 without control characters (yaml-cpp's emitter would
            // write a CR or a C1 control raw, which no reader takes back).
            for (const auto& [what, text] : {std::pair<const char*, const std::string&>{"NAME", options->name},
                                             std::pair<const char*, const std::string&>{"--schema", options->schema}}) {
              for (std::size_t i = 0; i < text.size();) {
                const auto c = static_cast<unsigned char>(text[i]);
                const std::size_t n = c < 0x80 ? 1 : utf8_sequence_length(text, i);
                const bool control = c < 0x20 || c == 0x7F || (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0);
                if (n == 0 || control) {
                  throw UsageError(fmt::format("{} must be UTF-8 text without control characters or line breaks", what),
                                   "init");
                }
                i += n;
              }
            }
            const std::string id = slug_of(options->name);
            if (id.empty()) {
              throw UsageError(fmt::format("cannot make an id from \"{}\"; use letters or digits", options->name), "init");
            }
            // A postal code in any case: "la" is LA.
            for (auto& ch : options->state) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (!options->state.empty() &&
                (options->state.size() != 2 || !std::isupper(static_cast<unsigned char>(options->state[0])) ||
                 !std::isupper(static_cast<unsigned char>(options->state[1])))) {
              throw UsageError(fmt::format("--state must be a two-letter postal code such as \"LA\", found \"{}\"",
                                           options->state),
                               "init");
            }
            if (!options->state.empty() && !is_us_postal_code(options->state) && !context.options().quiet) {
              std::cerr << fmt::format("scorecard: warning: --state {} is not a US postal code (the 50 states, DC, AS, "
                                       "GU, MP, PR and VI); the file is written as asked\n",
                                       options->state);
            }
            const std::string path = options->output.empty() ? id + ".yaml" : options->output;
            const std::string text =
                jurisdiction_template(*rubric, {options->name, id, options->kind, options->state, options->schema});
            std::error_code ec;
            if (path != "-" && !options->force && std::filesystem::exists(path, ec)) {
              std::cerr << fmt::format("scorecard: error: \"{}\" already exists; use --force to overwrite it\n", path);
              return k_exit_invalid;
            }
            if (const int status = write_output(path, text); status != k_exit_ok) return status;
            if (path != "-" && !context.options().quiet) {
              std::cerr << fmt::format("scorecard: wrote {}; fill it in, then run 'scorecard validate {}'\n", path, path);
            }
            return k_exit_ok;
          }};
}

}  // namespace scorecard::cli
