#pragma once
// The file `scorecard init` writes: a jurisdiction to fill in, with every criterion and
// question of a rubric answered "unclear" and explained in comments.

#include <string>

#include <scorecard/rubric.hpp>

namespace scorecard {

struct TemplateRequest {
  std::string name;    // e.g. "New Orleans"
  std::string id;      // e.g. "new-orleans"
  std::string kind;    // city, county, state or other
  std::string state;   // two-letter postal code; empty: left as a comment to fill in
  std::string schema;  // the editor schema named on the first line
};

// The template as YAML text, written through yaml-cpp's emitter (it quotes what needs it).
std::string jurisdiction_template(const Rubric& rubric, const TemplateRequest& request);

}  // namespace scorecard
