// Chooses the JSON emitter by measurement (issue 15): renders the export of a data set
// either with the project's streaming JsonWriter (render_json, as `scorecard export`
// does) or by building an nlohmann::ordered_json document of the same content and dumping
// it, and prints the bytes written, so that the work cannot be optimised away.
//
// Usage: scorecard_json_emitters writer|nlohmann|none DIR...   (none: the loading alone)
// Run each mode under /usr/bin/time -f '%e s %M KB' to compare time and peak memory; the
// loading is the same in both, so the difference is the emitter's. Built on demand
// (cmake --build build --target scorecard_json_emitters); a measuring tool, not installed.

#include <cmath>
#include <cstdio>
#include <exception>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <scorecard/dataset.hpp>
#include <scorecard/render.hpp>

namespace {

using namespace scorecard;
using Json = nlohmann::ordered_json;

Json tier_or_null(const std::optional<int>& t) { return t ? Json(*t) : Json(nullptr); }

Json jurisdiction(const Rubric& rubric, const JurisdictionScore& s) {
  const Jurisdiction& j = s.jurisdiction;
  Json criteria = Json::object();
  for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
    const CriterionResult& r = s.criteria[i];
    const CriterionData* data = j.find_criterion(rubric.criteria[i].id);
    Json answers = Json::object();
    Json sources = Json::array();
    if (data) {
      for (const auto& a : data->answers) answers[a.question] = a.value;
      for (const auto& ref : data->sources) {
        if (const Source* src = j.find_source(ref.id)) {
          sources.push_back({{"id", src->id}, {"title", src->title}, {"url", src->url}, {"date", src->date},
                             {"pinpoint", src->pinpoint}});
        }
      }
    }
    Json computed = nullptr;
    if (r.computed) {
      Json conditions = Json::array();
      for (const auto& h : r.computed->held) conditions.push_back({{"question", h.question}, {"answer", h.answer}});
      computed = {{"tier", r.computed->tier}, {"rule", r.computed->rule_index + 1}, {"conditions", conditions}};
    }
    criteria[rubric.criteria[i].id] = {{"tier", tier_or_null(r.tier)}, {"origin", std::string(to_string(r.origin))},
                                       {"computed", computed},           {"answers", answers},
                                       {"note", data ? data->note : ""}, {"sources", sources}};
  }
  Json gates = Json::array();
  for (const auto& g : s.overall.gates) {
    gates.push_back({{"tier", g.tier}, {"criterion", g.criterion}, {"required", g.required}, {"actual", tier_or_null(g.actual)}});
  }
  return {{"id", j.id},
          {"name", j.name},
          {"state", j.state},
          {"kind", j.kind},
          {"population", j.population ? Json(*j.population) : Json(nullptr)},
          {"file", j.file},
          {"overall",
           {{"tier", tier_or_null(s.overall.tier)}, {"score", std::round(s.overall.mean * 1000) / 1000}, {"gates", gates}}},
          {"criteria", criteria}};
}

int run(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: scorecard_json_emitters writer|nlohmann DIR...\n");
    return 2;
  }
  const std::string_view mode = argv[1];
  const std::vector<std::string> paths(argv + 2, argv + argc);
  const Rubric& rubric = builtin_rubric();
  const Dataset dataset = load_dataset(paths, rubric, 0);
  std::FILE* null = std::fopen("/dev/null", "w");
  std::size_t bytes = 0;
  if (mode == "writer") {
    // Streams to /dev/null through a counting buffer, as the export streams to its file.
    struct Counter : std::streambuf {
      std::size_t n = 0;
      std::streamsize xsputn(const char*, std::streamsize k) override { n += static_cast<std::size_t>(k); return k; }
      int_type overflow(int_type c) override { ++n; return c; }
    } counter;
    std::ostream out(&counter);
    render_json(rubric, dataset.scores, {}, out);
    out.flush();
    bytes = counter.n;
  } else if (mode == "none") {
    bytes = 0;  // loading alone, to subtract
  } else {
    Json list = Json::array();
    for (const auto& s : dataset.scores) list.push_back(jurisdiction(rubric, s));
    const Json doc = {{"schema_version", 2}, {"jurisdictions", list}};
    const std::string text = doc.dump(2, ' ', false, Json::error_handler_t::replace);
    bytes = text.size();
    std::fwrite(text.data(), 1, text.size(), null);
  }
  std::fclose(null);
  std::printf("%s: %zu jurisdictions, %zu bytes\n", std::string(mode).c_str(), dataset.scores.size(), bytes);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "scorecard_json_emitters: %s\n", e.what());
    return 1;
  }
}
