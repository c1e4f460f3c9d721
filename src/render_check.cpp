// Reports of check (text, Markdown, JSON, JUnit XML) and diff (text, Markdown, JSON).

#include <cctype>

#include <fmt/format.h>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "json_writer.hpp"
#include "render_detail.hpp"

namespace scorecard {
namespace {

using detail::plural;
using detail::tier_number;

// "FAIL Dallas (dallas, data/dallas.yaml)", or the path of an invalid file.
std::string outcome_heading(const CheckOutcome& o) {
  return o.invalid() ? fmt::format("{} (invalid)", o.file) : fmt::format("{} ({}, {})", o.name, o.id, o.file);
}

std::string check_totals(const CheckReport& report) {
  std::string text = fmt::format("{} checked, {} passed, {} failed", plural(report.jurisdictions(), "jurisdiction"),
                                 report.passed, report.failed);
  if (report.invalid > 0) text += fmt::format("; {} invalid", plural(report.invalid, "file"));
  if (report.warned > 0) text += fmt::format("; {} passed with a warning (not rated)", report.warned);
  if (report.not_rated > 0 && report.not_rated != report.warned) text += fmt::format("; {} not rated", report.not_rated);
  return text;
}

void write_subject(detail::JsonWriter& w, const Subject& subject) { w.field("subject", detail::subject_id(subject)); }

void write_tier_change(detail::JsonWriter& w, const TierChange& t) {
  w.begin_object();
  write_subject(w, t.subject);
  w.key("from").value_or_null(t.from).key("to").value_or_null(t.to).field("change", t.worse() ? "worse" : "better");
  w.end_object();
}

void write_failure(detail::JsonWriter& w, const CheckFailure& f) {
  w.begin_object().field("kind", to_string(f.kind));
  if (f.kind == FailureKind::invalid_file) {
    w.key("errors").begin_array();
    for (const auto& d : f.errors) {
      w.begin_object().field("line", d.where.line).field("column", d.where.column).field("message", d.message).end_object();
    }
    w.end_array();
  } else {
    write_subject(w, f.subject);
    w.key("tier").value_or_null(f.actual);
    if (f.kind == FailureKind::worse_than_baseline || f.kind == FailureKind::removed) {
      w.key("baseline").value_or_null(f.baseline);
    } else {
      w.key("required").value_or_null(f.required);
    }
    if (f.kind == FailureKind::not_rated && f.subject.is_overall()) {
      w.key("coverage").begin_object().field("rated", f.coverage.rated).field("criteria", f.coverage.criteria);
      w.field("needed", f.coverage.needed).end_object();
    }
    w.field("line", f.where.line);
  }
  w.end_object();
}

// "FILE:LINE" (or the file alone when the line is unknown).
std::string where_text(const SourceLocation& where, const std::string& file) {
  const std::string& path = where.file.empty() ? file : where.file;
  return where.line > 0 ? fmt::format("{}:{}", path, where.line) : path;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  // Markup as in HTML; characters XML 1.0 does not allow (control characters but tab and
  // line ends; U+FFFE and U+FFFF) are dropped.
  std::string out = detail::html_escape(escape_each(text, [](char c) -> const char* {
    return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "" : nullptr;
  }));
  for (const std::string_view bad : {std::string_view("\xEF\xBF\xBE"), std::string_view("\xEF\xBF\xBF")}) {
    for (std::size_t at = out.find(bad); at != std::string::npos; at = out.find(bad, at)) out.erase(at, bad.size());
  }
  return out;
}

std::string check_failure_text(const Rubric& rubric, const CheckFailure& failure) {
  return detail::check_failure_text(rubric, failure);
}

std::string check_warning_text(const Rubric& rubric, const CheckFailure& failure) {
  return detail::check_warning_text(rubric, failure);
}

void render_check_text(const Rubric& rubric, const CheckReport& report, std::ostream& out) {
  if (!report.as_of.empty()) out << detail::as_of_banner(report.as_of) << '\n';
  if (report.answers_only) out << detail::k_answers_only_banner << '\n';
  for (const auto& o : report.outcomes) {
    if (o.passed()) continue;
    out << "FAIL " << outcome_heading(o) << '\n';
    for (const auto& f : o.failures) out << "  - " << detail::check_failure_text(rubric, f) << '\n';
  }
  for (const auto& o : report.outcomes) {
    if (!o.passed() || o.warnings.empty()) continue;
    out << "WARN " << outcome_heading(o) << '\n';
    for (const auto& f : o.warnings) out << "  - " << detail::check_warning_text(rubric, f) << '\n';
  }
  for (const auto& o : report.outcomes) {
    for (const auto& i : o.improvements) {
      out << fmt::format("better: {} ({}): {}\n", o.name, o.id, detail::improvement_text(rubric, i));
    }
  }
  for (const auto& r : report.renamed) out << detail::rename_text(r) << '\n';
  for (const auto& id : report.added) out << "added since the baseline: " << id << '\n';
  for (const auto& id : report.removed) out << "removed since the baseline: " << id << '\n';
  out << "check: " << check_totals(report) << '\n';
}

void render_check_junit(const Rubric& rubric, const CheckReport& report, std::ostream& out) {
  // Valid against the JUnit schema of Jenkins' xUnit plugin: no "file" on a testcase (the
  // file and line lead each line of a failure, as in a compiler's message), and "time" on
  // every element that has one. check does not time jurisdictions: times are 0, so that a
  // report of the same data is the same file.
  const std::string counts = fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\"", report.outcomes.size(),
                                         report.failed, report.invalid);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"scorecard check\" " << counts << " time=\"0\">\n"
      << "  <testsuite name=\"scorecard check\" " << counts << " skipped=\"0\" time=\"0\">\n"
      << "    <properties>\n"
      << "      <property name=\"rubric\" value=\"" << xml_escape(rubric.id) << "\"/>\n"
      << "      <property name=\"rubric_version\" value=\"" << xml_escape(rubric.version) << "\"/>\n"
      << (report.answers_only ? "      <property name=\"answers_only\" value=\"true\"/>\n" : "")
      << (report.as_of.empty() ? "" : "      <property name=\"as_of\" value=\"" + xml_escape(report.as_of) + "\"/>\n")
      << "    </properties>\n";
  for (const auto& o : report.outcomes) {
    if (o.invalid()) {
      const CheckFailure& f = o.failures.front();
      out << "    <testcase classname=\"scorecard.input\" name=\"" << xml_escape(o.file) << "\" time=\"0\">\n"
          << "      <error type=\"invalid input\" message=\"" << xml_escape(detail::check_failure_text(rubric, f))
          << "\">";
      for (const auto& d : f.errors) out << xml_escape(format_diagnostic(d)) << '\n';
      out << "</error>\n    </testcase>\n";
      continue;
    }
    out << "    <testcase classname=\"scorecard.jurisdiction\" name=\"" << xml_escape(o.id) << "\" time=\"0\"";
    const bool warned = o.passed() && !o.warnings.empty();
    if (o.passed() && o.improvements.empty() && !warned) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    if (!o.passed()) {
      std::vector<std::string> failures;
      for (const auto& f : o.failures) failures.push_back(detail::check_failure_text(rubric, f));
      out << "      <failure type=\"check\" message=\"" << xml_escape(join(failures, "; ")) << "\">"
          << xml_escape(o.name) << '\n';
      for (std::size_t i = 0; i < failures.size(); ++i) {
        out << xml_escape(where_text(o.failures[i].where, o.file)) << ": " << xml_escape(failures[i]) << '\n';
      }
      out << "</failure>\n";
    }
    if (!o.improvements.empty() || warned) {
      out << "      <system-out>";
      if (warned) {
        for (const auto& f : o.warnings) {
          out << xml_escape(where_text(f.where, o.file)) << ": warning: " << xml_escape(detail::check_warning_text(rubric, f))
              << '\n';
        }
      }
      for (const auto& i : o.improvements) out << "better: " << xml_escape(detail::improvement_text(rubric, i)) << '\n';
      out << "</system-out>\n";
    }
    out << "    </testcase>\n";
  }
  if (!report.added.empty() || !report.removed.empty() || !report.renamed.empty()) {
    out << "    <system-out>";
    for (const auto& r : report.renamed) out << xml_escape(detail::rename_text(r)) << '\n';
    for (const auto& id : report.added) out << "added since the baseline: " << xml_escape(id) << '\n';
    for (const auto& id : report.removed) out << "removed since the baseline: " << xml_escape(id) << '\n';
    out << "</system-out>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

void render_check_markdown(const Rubric& rubric, const CheckReport& report, std::ostream& out) {
  const std::size_t total = report.jurisdictions();
  if (!report.as_of.empty()) out << "> **" << detail::markdown_text(detail::as_of_banner(report.as_of)) << "**\n\n";
  if (report.answers_only) out << "> **" << detail::markdown_text(detail::k_answers_only_banner) << "**\n\n";
  if (report.failed == 0 && report.invalid == 0) {
    out << fmt::format("### ✅ scorecard check passed: {} of {} pass\n\n", report.passed, plural(total, "jurisdiction"));
  } else {
    std::vector<std::string> why;
    if (report.failed > 0) why.push_back(fmt::format("{} of {} fail", report.failed, plural(total, "jurisdiction")));
    if (report.invalid > 0) why.push_back(fmt::format("{} invalid", plural(report.invalid, "file")));
    out << "### ❌ scorecard check failed: " << join(why, "; ") << "\n\n";
  }
  out << "| Checked | Passed | Failed | Invalid files | Added | Removed |\n|---:|---:|---:|---:|---:|---:|\n"
      << fmt::format("| {} | {} | {} | {} | {} | {} |\n", total, report.passed, report.failed, report.invalid,
                     report.added.size(), report.removed.size());
  if (report.failed > 0 || report.invalid > 0) {
    out << "\n| Jurisdiction | File | Why it fails |\n|:---|:---|:---|\n";
    for (const auto& o : report.outcomes) {
      if (o.passed()) continue;
      std::vector<std::string> failures;
      for (const auto& f : o.failures) failures.push_back(detail::check_failure_text(rubric, f));
      out << "| " << (o.invalid() ? "(invalid file)" : detail::markdown_text(o.name)) << " | "
          << detail::markdown_code(o.file) << " | " << detail::markdown_text(join(failures, "; ")) << " |\n";
    }
  }
  if (report.warned > 0) {
    out << "\n**Passed with a warning (not rated):**\n\n";
    for (const auto& o : report.outcomes) {
      if (!o.passed()) continue;
      for (const auto& f : o.warnings) {
        out << "- " << detail::markdown_text(o.name) << " (" << detail::markdown_code(o.file)
            << "): " << detail::markdown_text(detail::check_warning_text(rubric, f)) << '\n';
      }
    }
  }
  bool any_better = false;
  for (const auto& o : report.outcomes) any_better = any_better || !o.improvements.empty();
  if (any_better) {
    out << "\n**Better than the baseline:**\n\n";
    for (const auto& o : report.outcomes) {
      for (const auto& i : o.improvements) {
        out << "- " << detail::markdown_text(o.name) << ": " << detail::markdown_text(detail::improvement_text(rubric, i))
            << '\n';
      }
    }
  }
  for (const auto& r : report.renamed) {
    out << "\n**Renamed:** " << detail::markdown_text(detail::rename_text(r).substr(std::string_view("renamed ").size()))
        << '\n';
  }
  if (!report.added.empty()) out << "\n**Added:** " << detail::markdown_text(join(report.added, ", ")) << '\n';
  if (!report.removed.empty()) out << "\n**Removed:** " << detail::markdown_text(join(report.removed, ", ")) << '\n';
}

void render_check_json(const Rubric& rubric, const CheckReport& report, std::ostream& out) {
  detail::JsonWriter w(out);
  w.begin_object().key("rubric").begin_object().field("id", rubric.id).field("version", rubric.version).end_object();
  w.field("passed", report.failed == 0 && report.invalid == 0).field("answers_only", report.answers_only);
  w.key("as_of").string_or_null(report.as_of);
  w.key("counts").begin_object().field("jurisdictions", report.jurisdictions()).field("passed", report.passed);
  w.field("failed", report.failed).field("invalid_files", report.invalid).field("warned", report.warned);
  w.field("not_rated", report.not_rated).end_object();
  w.key("outcomes").begin_array();
  for (const auto& o : report.outcomes) {
    w.begin_object().key("id").string_or_null(o.id).key("name").string_or_null(o.name).field("file", o.file);
    w.field("passed", o.passed()).key("failures").begin_array();
    for (const auto& f : o.failures) write_failure(w, f);
    w.end_array().key("warnings").begin_array();
    for (const auto& f : o.warnings) write_failure(w, f);
    w.end_array().key("improvements").begin_array();
    for (const auto& t : o.improvements) write_tier_change(w, t);
    w.end_array().end_object();
  }
  w.end_array().key("added").strings(report.added).key("removed").strings(report.removed).key("renamed").begin_array();
  for (const auto& r : report.renamed) w.begin_object().field("from", r.from).field("to", r.to).end_object();
  w.end_array().end_object();
  w.flush();
  out << '\n';
}

namespace {
// "As of 2014-01-01 -> as of 2015-01-01", when either side was rated as of a day.
std::string diff_dates(const DiffResult& diff) {
  if (diff.before_as_of.empty() && diff.after_as_of.empty()) return {};
  auto side = [](const std::string& day) { return day.empty() ? std::string("the latest states") : "as of " + day; };
  std::string text = side(diff.before_as_of) + " -> " + side(diff.after_as_of);
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// "overall 2; custody 1, interviews not rated" (an added jurisdiction's tiers, or a removed one's last).
std::string standing_text(const Standing& s) {
  std::vector<std::string> criteria;
  for (const auto& [id, tier] : s.criteria) criteria.push_back(id + " " + tier_number(tier));
  return "overall " + tier_number(s.overall) + (criteria.empty() ? "" : "; " + join(criteria, ", "));
}

std::string field_value(const std::string& value) { return value.empty() ? "(none)" : value; }

// "population: 2,000 -> 2,500"
std::string field_change_text(const FieldChange& f) {
  return fmt::format("{}: {} -> {}", f.field, field_value(f.from), field_value(f.to));
}

// A note before and after, as "- " and "+ " lines wrapped under their text.
void note_lines(const NoteChange& n, std::ostream& out) {
  for (const auto& [mark, text] : {std::pair{"-", &n.from}, std::pair{"+", &n.to}}) {
    if (text->empty()) {
      out << "    " << mark << " (none)\n";
      continue;
    }
    bool first = true;
    for (const auto& line : wrap(*text, 94)) {
      out << (first ? fmt::format("    {} ", mark) : std::string(6, ' ')) << line << '\n';
      first = false;
    }
  }
}
}  // namespace

void render_diff_text(const DiffResult& diff, std::ostream& out) {
  if (const std::string dates = diff_dates(diff); !dates.empty()) out << dates << '\n';
  for (const auto& d : diff.jurisdictions) {
    if (d.status == DiffStatus::unchanged) continue;
    out << fmt::format("{} {} ({})\n", to_string(d.status), d.name, d.id);
    if (d.standing) {
      bool first = true;
      const std::string_view label = d.status == DiffStatus::removed ? "  last tiers: " : "  tiers: ";
      for (const auto& line : wrap(standing_text(*d.standing), 96 - label.size())) {
        out << (first ? std::string(label) : std::string(label.size(), ' ')) << line << '\n';
        first = false;
      }
    }
    if (!d.name_before.empty()) out << "  name: " << d.name_before << " -> " << d.name << '\n';
    for (const auto& f : d.fields) out << "  " << field_change_text(f) << '\n';
    for (const auto& t : d.tiers) out << "  tier: " << detail::tier_change_text(t) << '\n';
    for (const auto& a : d.answers) out << "  answer: " << detail::answer_change_text(a, true) << '\n';
    for (const auto& n : d.note_changes) {
      out << "  note changed: " << n.criterion << '\n';
      note_lines(n, out);
    }
    for (const auto& s : d.sources_added) out << "  source added: " << detail::source_change_text(s) << '\n';
    for (const auto& s : d.sources_removed) out << "  source removed: " << detail::source_change_text(s) << '\n';
  }
  out << fmt::format("diff: {} changed, {} added, {} removed, {} unchanged\n", diff.count(DiffStatus::changed),
                     diff.count(DiffStatus::added), diff.count(DiffStatus::removed), diff.count(DiffStatus::unchanged));
}

void render_diff_markdown(const DiffResult& diff, std::ostream& out) {
  if (const std::string dates = diff_dates(diff); !dates.empty()) out << "> **" << detail::markdown_text(dates) << "**\n\n";
  out << fmt::format("**{} changed, {} added, {} removed, {} unchanged**\n", diff.count(DiffStatus::changed),
                     diff.count(DiffStatus::added), diff.count(DiffStatus::removed), diff.count(DiffStatus::unchanged));
  std::vector<const JurisdictionDiff*> tiers;
  for (const auto& d : diff.jurisdictions) {
    if (!d.tiers.empty()) tiers.push_back(&d);
  }
  if (!tiers.empty()) {
    out << "\n| Jurisdiction | What | Before | After | |\n|:---|:---|---:|---:|:---|\n";
    for (const auto* d : tiers) {
      for (const auto& t : d->tiers) {
        out << "| " << detail::markdown_text(d->name) << " (" << detail::markdown_text(d->id) << ") | "
            << detail::markdown_text(detail::subject_id(t.subject))
            << " | " << tier_number(t.from) << " | " << tier_number(t.to) << " | "
            << (t.worse() ? "🔻 worse" : "🔺 better") << " |\n";
      }
    }
  }
  for (const auto& d : diff.jurisdictions) {
    if (d.status == DiffStatus::unchanged) continue;
    if (d.status != DiffStatus::changed) {
      out << "\n- **" << detail::markdown_text(d.name) << "** (" << detail::markdown_text(d.id) << ") "
          << to_string(d.status);
      if (d.standing) out << ": " << detail::markdown_text(standing_text(*d.standing));
      out << '\n';
      continue;
    }
    if (d.name_before.empty() && d.fields.empty() && d.answers.empty() && d.notes.empty() && d.sources_added.empty() &&
        d.sources_removed.empty()) {
      continue;
    }
    out << "\n<details><summary>" << detail::html_line(d.name) << " (" << detail::html_line(d.id) << ")</summary>\n\n";
    if (!d.name_before.empty()) {
      out << "- name: " << detail::markdown_text(d.name_before) << " -> " << detail::markdown_text(d.name) << '\n';
    }
    for (const auto& f : d.fields) out << "- " << detail::markdown_text(field_change_text(f)) << '\n';
    for (const auto& a : d.answers) out << "- answer " << detail::markdown_text(detail::answer_change_text(a, true)) << '\n';
    for (const auto& n : d.note_changes) {
      out << "- note changed: " << detail::markdown_text(n.criterion) << "\n  - before: "
          << detail::markdown_text(field_value(n.from)) << "\n  - after: " << detail::markdown_text(field_value(n.to))
          << '\n';
    }
    // A source as a link to its address (GitHub's autolinking would cut a bare one short).
    auto source = [](const SourceChange& s) {
      std::string text = detail::markdown_text(s.criterion + ": " + s.id) + " ";
      return text + (s.source.url.empty() ? detail::markdown_text(s.source.title)
                                          : detail::markdown_link(s.source.title, s.source.url));
    };
    for (const auto& s : d.sources_added) out << "- source added: " << source(s) << '\n';
    for (const auto& s : d.sources_removed) out << "- source removed: " << source(s) << '\n';
    out << "\n</details>\n";
  }
}

void render_diff_json(const DiffResult& diff, std::ostream& out) {
  auto sources = [](detail::JsonWriter& w, const std::vector<SourceChange>& list) {
    w.begin_array();
    for (const auto& s : list) {
      w.begin_object().field("criterion", s.criterion).field("id", s.id).field("title", s.source.title);
      w.key("url").string_or_null(s.source.url).end_object();
    }
    w.end_array();
  };
  detail::JsonWriter w(out);
  w.begin_object()
      .field("changed", diff.count(DiffStatus::changed))
      .field("added", diff.count(DiffStatus::added))
      .field("removed", diff.count(DiffStatus::removed))
      .field("unchanged", diff.count(DiffStatus::unchanged));
  w.key("before_as_of").string_or_null(diff.before_as_of).key("after_as_of").string_or_null(diff.after_as_of)
      .key("jurisdictions")
      .begin_array();
  for (const auto& d : diff.jurisdictions) {
    w.begin_object().field("id", d.id).field("name", d.name).key("name_before").string_or_null(d.name_before);
    w.field("status", to_string(d.status)).key("tiers").begin_array();
    for (const auto& t : d.tiers) write_tier_change(w, t);
    w.end_array().key("answers").begin_array();
    for (const auto& a : d.answers) {
      w.begin_object().field("criterion", a.criterion).field("question", a.question);
      w.key("from").value_or_null(a.from).key("to").value_or_null(a.to).end_object();
    }
    w.end_array().key("notes").strings(d.notes).key("note_changes").begin_array();
    for (const auto& n : d.note_changes) {
      w.begin_object().field("criterion", n.criterion).key("from").string_or_null(n.from);
      w.key("to").string_or_null(n.to).end_object();
    }
    w.end_array().key("fields").begin_array();
    for (const auto& f : d.fields) {
      w.begin_object().field("field", f.field).key("from").string_or_null(f.from).key("to").string_or_null(f.to);
      w.end_object();
    }
    w.end_array().key("standing");
    if (d.standing) {
      w.begin_object().key("overall").value_or_null(d.standing->overall).key("criteria").begin_object();
      for (const auto& [id, tier] : d.standing->criteria) w.key(id).value_or_null(tier);
      w.end_object().end_object();
    } else {
      w.null();
    }
    w.key("sources_added");
    sources(w, d.sources_added);
    w.key("sources_removed");
    sources(w, d.sources_removed);
    w.end_object();
  }
  w.end_array().end_object();
  w.flush();
  out << '\n';
}

}  // namespace scorecard
