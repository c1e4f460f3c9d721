// history: each jurisdiction's tier changes over time, in text, Markdown and JSON.

#include <cctype>

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "json_writer.hpp"
#include "render_detail.hpp"

namespace scorecard {
namespace {

std::string source_words(const Source& s) {
  std::string out = s.title;
  if (!s.date.empty()) out += ", " + s.date;
  if (!s.url.empty()) out += " <" + s.url + ">";
  return out;
}

void wrap_to(std::ostream& out, std::string_view text, std::size_t indent, std::size_t width) {
  const std::string pad(indent, ' ');
  for (const auto& line : wrap(text, width > indent + 20 ? width - indent : 60)) out << pad << line << '\n';
}

}  // namespace

void render_history_text(const Rubric& rubric, const History& history, const RenderOptions& options, std::ostream& out) {
  const std::size_t width = options.width == 0 ? 100 : options.width;
  out << fmt::format("History of {}, rated as of each of the {} a recorded state begins\n",
                     detail::plural(history.jurisdictions.size(), "jurisdiction"), detail::plural(history.days, "day"));
  for (const auto& h : history.jurisdictions) {
    out << '\n' << h.name << " (" << h.id << ")\n";
    if (h.events.empty()) out << "  no dated change\n";
    for (const auto& e : h.events) {
      bool first = true;
      for (const auto& c : e.changes) {
        // The change on the date's line, wrapped under itself.
        const std::string text =
            detail::subject_heading(rubric, c.subject) + ": " + detail::history_change_text(rubric, c, "->");
        const auto lines = wrap(text, width > 34 ? width - 14 : 20);
        for (std::size_t k = 0; k < lines.size(); ++k) {
          out << "  " << (first && k == 0 ? e.date : std::string(e.date.size(), ' ')) << "  "
              << lines[k] << '\n';
        }
        first = false;
        for (const auto& cause : c.causes) {
          std::string line = detail::history_cause_text(rubric, cause, h.id);
          const std::string sentence = detail::first_sentence(cause.note);
          if (!sentence.empty()) line += ": " + sentence;
          wrap_to(out, line, 16, width);
          if (!cause.sources.empty()) {
            std::string more = cause.sources.size() > 1 ? fmt::format(" (and {} more)", cause.sources.size() - 1) : "";
            wrap_to(out, "source: " + source_words(cause.sources.front()) + more, 18, width);
          }
        }
      }
    }
    out << "  now: " << detail::tier_words(rubric, h.now.tier) << " overall ("
        << detail::coverage_text(h.now.coverage) << ")\n";
  }
}

void render_history_markdown(const Rubric& rubric, const History& history, std::ostream& out) {
  out << fmt::format("**History of {}**, rated as of each of the {} a recorded state begins.\n",
                     detail::plural(history.jurisdictions.size(), "jurisdiction"), detail::plural(history.days, "day"));
  for (const auto& h : history.jurisdictions) {
    out << "\n### " << detail::markdown_text(h.name) << " (" << detail::markdown_text(h.id) << ")\n\n";
    if (h.events.empty()) {
      out << "No dated change.\n";
    } else {
      out << "| Date | What | Tier | Why |\n|:---|:---|:---|:---|\n";
      for (const auto& e : h.events) {
        for (const auto& c : e.changes) {
          std::vector<std::string> why;
          for (const auto& cause : c.causes) {
            std::string text = detail::markdown_text(detail::history_cause_text(rubric, cause, h.id));
            const std::string sentence = detail::first_sentence(cause.note);
            if (!sentence.empty()) text += ": " + detail::markdown_text(sentence);
            std::vector<std::string> links;
            for (const auto& s : cause.sources) {
              links.push_back(s.url.empty() ? detail::markdown_text(s.title) : detail::markdown_link(s.title, s.url));
            }
            if (!links.empty()) text += " (" + join(links, "; ") + ")";
            why.push_back(text);
          }
          out << "| " << e.date << " | " << detail::markdown_text(detail::subject_heading(rubric, c.subject)) << " | "
              << detail::markdown_text(detail::history_change_text(rubric, c, "->")) << " | " << join(why, "<br>") << " |\n";
        }
      }
    }
    out << "\nNow: " << detail::markdown_text(detail::tier_words(rubric, h.now.tier)) << " overall ("
        << detail::markdown_text(detail::coverage_text(h.now.coverage)) << ").\n";
  }
}

void render_history_json(const Rubric& rubric, const History& history, std::ostream& out) {
  detail::JsonWriter w(out);
  w.begin_object().key("rubric").begin_object().field("id", rubric.id).field("version", rubric.version).end_object();
  w.field("days", history.days).key("jurisdictions").begin_array();
  auto tier = [&](const std::optional<int>& t) -> detail::JsonWriter& {
    if (t) return w.value(*t);
    return w.null();
  };
  for (const auto& h : history.jurisdictions) {
    w.begin_object().field("id", h.id).field("name", h.name).field("file", h.file).key("events").begin_array();
    for (const auto& e : h.events) {
      w.begin_object().field("date", e.date).key("changes").begin_array();
      for (const auto& c : e.changes) {
        w.begin_object().key("criterion");
        if (c.subject.is_overall()) {
          w.null();
        } else {
          w.value(c.subject.criterion);
        }
        w.key("from");
        tier(c.from);
        w.key("to");
        tier(c.to);
        w.key("causes").begin_array();
        for (const auto& cause : c.causes) {
          w.begin_object().field("government", cause.government).field("name", cause.name);
          w.field("criterion", cause.criterion).field("via", cause.via).key("since").string_or_null(cause.since);
          w.field("note", cause.note).key("sources").begin_array();
          for (const auto& s : cause.sources) {
            w.begin_object().field("id", s.id).field("title", s.title).key("url").string_or_null(s.url);
            w.key("date").string_or_null(s.date).end_object();
          }
          w.end_array().end_object();
        }
        w.end_array().end_object();
      }
      w.end_array().end_object();
    }
    w.end_array().key("now").begin_object().key("tier");
    tier(h.now.tier);
    w.field("criteria_rated", h.now.coverage.rated).field("criteria_total", h.now.coverage.criteria);
    w.end_object().end_object();
  }
  w.end_array().end_object();
  w.flush();
  out << '\n';
}

void render_history(const Rubric& rubric, const History& history, Format format, const RenderOptions& options,
                    std::ostream& out) {
  switch (format) {
    case Format::markdown: render_history_markdown(rubric, history, out); return;
    case Format::json: render_history_json(rubric, history, out); return;
    default: render_history_text(rubric, history, options, out); return;
  }
}

}  // namespace scorecard
