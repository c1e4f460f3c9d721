#pragma once
// Renderers. Each writes one format to a stream; the CLI chooses which.

#include <cstddef>
#include <ostream>
#include <vector>

#include <scorecard/rubric.hpp>
#include <scorecard/score.hpp>

namespace scorecard {

enum class Format { table, json };

struct RenderOptions {
  bool color = false;     // ANSI colours for tier cells
  std::size_t width = 0;  // terminal width to fit; 0 = no limit
};

// compare: one row per jurisdiction.
void render_compare_table(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                          const RenderOptions& options, std::ostream& out);

// score: one card per jurisdiction.
void render_score_cards(const Rubric& rubric, const std::vector<JurisdictionScore>& scores,
                        const RenderOptions& options, std::ostream& out);

// The same document for score and compare; deterministic bytes.
void render_json(const Rubric& rubric, const std::vector<JurisdictionScore>& scores, std::ostream& out);

// rubric show: the methodology as readable text.
void render_rubric_text(const Rubric& rubric, std::ostream& out);

// rubric check: one line per calibration case and a verdict.
void render_calibration(const Rubric& rubric, const std::vector<CalibrationResult>& results,
                        std::ostream& out);

}  // namespace scorecard
