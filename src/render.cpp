// The format vocabulary and the one entry point per report.

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace {

struct FormatName {
  Format format;
  std::string_view name;
};

constexpr FormatName k_names[] = {{Format::text, "text"},         {Format::json, "json"}, {Format::csv, "csv"},
                                  {Format::markdown, "markdown"}, {Format::html, "html"}, {Format::junit, "junit"},
                                  {Format::site, "site"}};

}  // namespace

std::optional<Format> parse_format(std::string_view text) {
  if (text == "table") return Format::text;  // the name score and compare used for it at first
  for (const auto& n : k_names) {
    if (n.name == text) return n.format;
  }
  return std::nullopt;
}

std::string_view to_string(Format format) {
  for (const auto& n : k_names) {
    if (n.format == format) return n.name;
  }
  return "text";
}

std::vector<Format> formats_of(ReportKind kind) {
  switch (kind) {
    case ReportKind::cards:
    case ReportKind::table: return {Format::text, Format::json, Format::csv, Format::markdown};
    case ReportKind::export_: return {Format::json, Format::csv, Format::markdown, Format::html, Format::site};
    case ReportKind::explain:
    case ReportKind::history:
    case ReportKind::diff: return {Format::text, Format::markdown, Format::json};
    case ReportKind::check: break;
  }
  return {Format::text, Format::markdown, Format::json, Format::junit};
}

std::vector<std::string> format_names(ReportKind kind) {
  std::vector<std::string> names;
  for (Format f : formats_of(kind)) names.emplace_back(to_string(f));
  return names;
}

ExportInfo export_info(const Report& report, const OutputSettings& settings) {
  const ReportRequest& r = report.request;
  return ExportInfo{r.sort.empty() ? "given" : r.sort, r.reverse, r.filters, r.what_if, r.scoring.answers_only,
                    settings.generated_at, settings.threads, r.as_of, settings.history, settings.today};
}

void render_scores(const Report& report, ReportKind kind, Format format, const OutputSettings& settings,
                   std::ostream& out) {
  const Rubric& rubric = report.rubric();
  const auto& scores = report.scores();
  const bool cards = kind == ReportKind::cards;
  auto info = [&] { return export_info(report, settings); };
  const bool what_if = !report.what_ifs.empty();
  const bool answers_only = report.request.scoring.answers_only;
  switch (format) {
    case Format::text:
      if (!report.as_of().empty()) {
        for (const auto& line : wrap(detail::as_of_banner(report.as_of()), detail::prose_width(settings.render))) {
          out << line << '\n';
        }
        out << '\n';
      }
      if (answers_only) {
        for (const auto& line : wrap(std::string(detail::k_answers_only_banner), detail::prose_width(settings.render))) {
          out << line << '\n';
        }
        out << '\n';
      }
      if (what_if) {
        for (const auto& line : wrap(detail::what_if_banner(report.request.what_if), detail::prose_width(settings.render))) {
          out << line << '\n';
        }
        out << '\n';
      }
      if (cards) {
        render_score_cards(rubric, scores, settings.render, out);
      } else {
        render_compare_table(rubric, scores, settings.render, out);
      }
      if (what_if) render_what_if_changes(report.what_if_changes, report.idle_what_ifs, out);
      return;
    case Format::json: render_json(rubric, scores, info(), out); return;
    case Format::csv: render_csv(rubric, scores, out, report.as_of()); return;
    case Format::markdown:
      if (!report.as_of().empty()) out << "> **" << detail::markdown_text(detail::as_of_banner(report.as_of())) << "**\n\n";
      if (answers_only) out << "> **" << detail::markdown_text(detail::k_answers_only_banner) << "**\n\n";
      if (what_if) out << "> **" << detail::markdown_text(detail::what_if_banner(report.request.what_if)) << "**\n\n";
      if (cards) {
        render_markdown_cards(rubric, scores, out);
      } else {
        render_markdown_table(rubric, scores, out);
      }
      if (what_if) render_what_if_changes_markdown(report.what_if_changes, report.idle_what_ifs, out);
      return;
    case Format::html: render_html(rubric, scores, settings.html, info(), out); return;
    case Format::junit:
    case Format::site: break;  // a site is many files: render_site
  }
}

void render_explanations(const Rubric& rubric, const ExplainReport& list, Format format,
                         const RenderOptions& options, std::ostream& out) {
  switch (format) {
    case Format::markdown: render_explain_markdown(rubric, list, out); return;
    case Format::json: render_explain_json(rubric, list, out); return;
    default: render_explain_text(rubric, list, options, out); return;
  }
}

void render_check(const Rubric& rubric, const CheckReport& report, Format format, std::ostream& out) {
  switch (format) {
    case Format::markdown: render_check_markdown(rubric, report, out); return;
    case Format::json: render_check_json(rubric, report, out); return;
    case Format::junit: render_check_junit(rubric, report, out); return;
    default: render_check_text(rubric, report, out); return;
  }
}

void render_diff(const DiffResult& diff, Format format, std::ostream& out) {
  switch (format) {
    case Format::markdown: render_diff_markdown(diff, out); return;
    case Format::json: render_diff_json(diff, out); return;
    default: render_diff_text(diff, out); return;
  }
}

}  // namespace scorecard
