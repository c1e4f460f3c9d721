// Reports of check (text, JUnit XML, Markdown) and diff (text, Markdown, JSON).

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <scorecard/render.hpp>
#include <scorecard/text_util.hpp>

#include "render_detail.hpp"

namespace scorecard {
namespace {

std::string tier_text(const std::optional<int>& tier) { return tier ? std::to_string(*tier) : "none"; }

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string change_text(const TierChange& t) {
  return fmt::format("{} {} -> {} ({})", t.criterion, tier_text(t.from), tier_text(t.to), t.worse() ? "worse" : "better");
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out += c;
    }
  }
  return out;
}

void render_check_text(const CheckReport& report, std::ostream& out) {
  for (const auto& o : report.outcomes) {
    if (o.passed()) continue;
    out << fmt::format("FAIL {} ({}, {})\n", o.name, o.id, o.file);
    for (const auto& f : o.failures) out << "  - " << f << '\n';
  }
  for (const auto& o : report.outcomes) {
    for (const auto& i : o.improvements) out << fmt::format("better: {} ({}): {}\n", o.name, o.id, i);
  }
  for (const auto& id : report.added) out << "added since the baseline: " << id << '\n';
  for (const auto& id : report.removed) out << "removed since the baseline: " << id << '\n';
  out << fmt::format("check: {} checked, {} passed, {} failed\n", plural(report.outcomes.size(), "jurisdiction"),
                     report.passed, report.failed);
}

void render_check_junit(const CheckReport& report, const Diagnostics& invalid, std::ostream& out) {
  std::map<std::string, std::vector<const Diagnostic*>> by_file;  // sorted by file name
  for (const auto& d : invalid) {
    if (d.severity == Severity::error) by_file[d.where.file].push_back(&d);
  }
  const std::size_t tests = report.outcomes.size() + by_file.size();
  const std::string counts =
      fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\"", tests, report.failed, by_file.size());
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"scorecard check\" " << counts << ">\n"
      << "  <testsuite name=\"scorecard check\" " << counts << " skipped=\"0\">\n";
  for (const auto& [file, diagnostics] : by_file) {
    out << "    <testcase classname=\"scorecard.input\" name=\"" << xml_escape(file) << "\" file=\"" << xml_escape(file)
        << "\">\n      <error type=\"invalid input\" message=\""
        << xml_escape(fmt::format("{} in the file", plural(diagnostics.size(), "error"))) << "\">";
    for (const auto* d : diagnostics) out << xml_escape(format_diagnostic(*d)) << '\n';
    out << "</error>\n    </testcase>\n";
  }
  for (const auto& o : report.outcomes) {
    out << "    <testcase classname=\"scorecard.jurisdiction\" name=\"" << xml_escape(o.id) << "\" file=\""
        << xml_escape(o.file) << "\"";
    if (o.passed()) {
      out << "/>\n";
      continue;
    }
    out << ">\n      <failure type=\"check\" message=\"" << xml_escape(join(o.failures, "; ")) << "\">"
        << xml_escape(o.name) << '\n';
    for (const auto& f : o.failures) out << "- " << xml_escape(f) << '\n';
    out << "</failure>\n    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

void render_check_markdown(const CheckReport& report, std::ostream& out) {
  const std::size_t total = report.outcomes.size();
  if (report.failed == 0) {
    out << fmt::format("### ✅ scorecard check passed: {} of {} pass\n\n", report.passed, plural(total, "jurisdiction"));
  } else {
    out << fmt::format("### ❌ scorecard check failed: {} of {} fail\n\n", report.failed, plural(total, "jurisdiction"));
  }
  out << "| Checked | Passed | Failed | Added | Removed |\n|---:|---:|---:|---:|---:|\n"
      << fmt::format("| {} | {} | {} | {} | {} |\n", total, report.passed, report.failed, report.added.size(),
                     report.removed.size());
  if (report.failed > 0) {
    out << "\n| Jurisdiction | File | Why it fails |\n|:---|:---|:---|\n";
    for (const auto& o : report.outcomes) {
      if (o.passed()) continue;
      out << "| " << detail::markdown_text(o.name) << " | `" << detail::markdown_text(o.file) << "` | "
          << detail::markdown_text(join(o.failures, "; ")) << " |\n";
    }
  }
  bool any_better = false;
  for (const auto& o : report.outcomes) any_better = any_better || !o.improvements.empty();
  if (any_better) {
    out << "\n**Better than the baseline:**\n\n";
    for (const auto& o : report.outcomes) {
      for (const auto& i : o.improvements) out << "- " << detail::markdown_text(o.name) << ": " << detail::markdown_text(i) << '\n';
    }
  }
  if (!report.added.empty()) out << "\n**Added:** " << detail::markdown_text(join(report.added, ", ")) << '\n';
  if (!report.removed.empty()) out << "\n**Removed:** " << detail::markdown_text(join(report.removed, ", ")) << '\n';
}

void render_diff_text(const DiffResult& diff, std::ostream& out) {
  for (const auto& d : diff.jurisdictions) {
    if (d.status == DiffStatus::unchanged) continue;
    out << fmt::format("{} {} ({})\n", to_string(d.status), d.name, d.id);
    for (const auto& t : d.tiers) out << "  tier: " << change_text(t) << '\n';
    for (const auto& a : d.answers) out << "  answer: " << a << '\n';
    for (const auto& n : d.notes) out << "  note changed: " << n << '\n';
    for (const auto& s : d.sources_added) out << "  source added: " << s << '\n';
    for (const auto& s : d.sources_removed) out << "  source removed: " << s << '\n';
  }
  out << fmt::format("diff: {} changed, {} added, {} removed, {} unchanged\n", diff.count(DiffStatus::changed),
                     diff.count(DiffStatus::added), diff.count(DiffStatus::removed), diff.count(DiffStatus::unchanged));
}

void render_diff_markdown(const DiffResult& diff, std::ostream& out) {
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
        out << "| " << detail::markdown_text(d->name) << " | " << detail::markdown_text(t.criterion) << " | "
            << tier_text(t.from) << " | " << tier_text(t.to) << " | " << (t.worse() ? "🔻 worse" : "🔺 better") << " |\n";
      }
    }
  }
  for (const auto& d : diff.jurisdictions) {
    if (d.status == DiffStatus::unchanged) continue;
    if (d.status != DiffStatus::changed) {
      out << "\n- **" << detail::markdown_text(d.name) << "** " << to_string(d.status) << '\n';
      continue;
    }
    if (d.answers.empty() && d.notes.empty() && d.sources_added.empty() && d.sources_removed.empty()) continue;
    out << "\n<details><summary>" << xml_escape(d.name) << "</summary>\n\n";
    for (const auto& a : d.answers) out << "- answer " << detail::markdown_text(a) << '\n';
    for (const auto& n : d.notes) out << "- note changed: " << detail::markdown_text(n) << '\n';
    for (const auto& s : d.sources_added) out << "- source added: " << detail::markdown_text(s) << '\n';
    for (const auto& s : d.sources_removed) out << "- source removed: " << detail::markdown_text(s) << '\n';
    out << "\n</details>\n";
  }
}

void render_diff_json(const DiffResult& diff, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  for (const auto& d : diff.jurisdictions) {
    Json tiers = Json::array();
    for (const auto& t : d.tiers) {
      tiers.push_back({{"criterion", t.criterion},
                       {"from", t.from ? Json(*t.from) : Json(nullptr)},
                       {"to", t.to ? Json(*t.to) : Json(nullptr)},
                       {"change", t.worse() ? "worse" : "better"}});
    }
    list.push_back({{"id", d.id},
                    {"name", d.name},
                    {"status", std::string(to_string(d.status))},
                    {"tiers", tiers},
                    {"answers", d.answers},
                    {"notes", d.notes},
                    {"sources_added", d.sources_added},
                    {"sources_removed", d.sources_removed}});
  }
  Json doc = {{"changed", diff.count(DiffStatus::changed)},
              {"added", diff.count(DiffStatus::added)},
              {"removed", diff.count(DiffStatus::removed)},
              {"unchanged", diff.count(DiffStatus::unchanged)},
              {"jurisdictions", list}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace scorecard
