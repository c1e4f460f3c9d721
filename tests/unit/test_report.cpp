#include <catch2/catch.hpp>

#include <scorecard/report.hpp>

using namespace scorecard;

namespace {

// CPD's 12 cities, named one by one: data/ holds more, and grows.
const std::string k_data = std::string(SCORECARD_SOURCE_DIR) + "/data/jurisdictions/cities";
std::vector<std::string> cpd_cities() {
  std::vector<std::string> paths;
  for (const char* id : {"chicago", "dallas", "durham", "louisville", "madison", "minneapolis", "new-york-city",
                         "san-diego", "san-francisco", "seattle", "st-louis", "washington-dc"}) {
    paths.push_back(k_data + "/" + id + ".yaml");
  }
  return paths;
}

ReportRequest request() {
  ReportRequest r;
  r.rubric = &builtin_rubric();
  r.paths = cpd_cities();
  r.threads = 2;
  return r;
}

std::vector<std::string> ids(const Report& report) {
  std::vector<std::string> out;
  for (const auto& s : report.scores()) out.push_back(s.jurisdiction.id);
  return out;
}

}  // namespace

TEST_CASE("a request is checked before any file is read", "[report]") {
  ReportRequest r = request();
  r.paths = {"/no/such/path"};
  r.sort = "populaton";
  r.filters = {"stat=CA", "tier<=2"};
  r.what_if = {"custody=9"};
  CHECK(check_request(r) == std::vector<std::string>{
                                "unknown sort key \"populaton\" (did you mean \"population\"?); use overall, name, "
                                "population or one of: custody, interviews, rights_trainings, release_notification, "
                                "information_sharing, status_inquiry, collaboration, contracts",
                                "unknown filter key \"stat\" (did you mean \"state\"?); use one of state, kind, tier, "
                                "custody, interviews, rights_trainings, release_notification, information_sharing, "
                                "status_inquiry, collaboration, contracts",
                                "invalid --what-if \"custody=9\": \"9\" is not a tier (1 to 3, or strong, progress, "
                                "room)"});
  CHECK(check_request(request()).empty());
}

TEST_CASE("the pipeline scores, applies what-ifs, then filters, then sorts", "[report]") {
  ReportRequest r = request();
  r.sort = "name";
  const Report all = build_report(r);
  REQUIRE(all.valid());
  CHECK(all.scores().size() == 12);
  CHECK(ids(all).front() == "chicago");
  CHECK(ids(all).back() == "washington-dc");

  // Only tier-1 jurisdictions are kept: the what-if lifts Dallas's custody first, and the
  // filter sees the lifted tier.
  r.what_if = {"custody=1"};
  r.filters = {"custody=1", "state=TX"};
  const Report lifted = build_report(r);
  CHECK(ids(lifted) == std::vector<std::string>{"dallas"});
  REQUIRE(lifted.what_if_changes.size() == 1);
  CHECK(lifted.what_if_changes[0].id == "dallas");
  CHECK(lifted.what_if_changes[0].tiers == std::vector<TierChange>{{Subject::of("custody"), 3, 1}});

  r.filters.clear();
  r.sort = "population";
  r.reverse = true;
  const Report reversed = build_report(r);
  // The smallest known population first; unknown populations stay last.
  bool unknown_seen = false;
  for (std::size_t i = 0; i < reversed.scores().size(); ++i) {
    const auto& population = reversed.scores()[i].jurisdiction.population;
    if (!population) {
      unknown_seen = true;
      continue;
    }
    CHECK_FALSE(unknown_seen);
    if (i > 0 && reversed.scores()[i - 1].jurisdiction.population) {
      CHECK(*reversed.scores()[i - 1].jurisdiction.population <= *population);
    }
  }
  // What the what-ifs changed, in the report's order.
  std::vector<std::string> changed;
  for (const auto& c : reversed.what_if_changes) changed.push_back(c.id);
  std::vector<std::string> in_order;
  for (const auto& id : ids(reversed)) {
    if (std::find(changed.begin(), changed.end(), id) != changed.end()) in_order.push_back(id);
  }
  CHECK(changed == in_order);
}

TEST_CASE("an empty sort keeps the order given, and --strict drops the files with warnings", "[report]") {
  ReportRequest r = request();
  r.sort.clear();
  // Neither city names a government it is within or a jail authority: alone, they have
  // no warning of an unresolved reference.
  r.paths = {k_data + "/new-york-city.yaml", k_data + "/louisville.yaml",
             std::string(SCORECARD_SOURCE_DIR) + "/tests/e2e/fixtures/answers-only.yaml"};
  CHECK(ids(build_report(r)) == std::vector<std::string>{"new-york-city", "louisville", "example-county"});
  r.strict = true;
  const Report strict = build_report(r);
  CHECK_FALSE(strict.valid());
  CHECK(ids(strict) == std::vector<std::string>{"new-york-city", "louisville"});  // the answers-only file has warnings
}

TEST_CASE("explain_report explains every jurisdiction of a report once, in its order", "[report]") {
  ReportRequest r = request();
  r.sort = "overall";
  r.what_if = {"interviews=1"};
  const Report report = build_report(r);
  const ExplainReport e = explain_report(report);
  REQUIRE(e.explanations.size() == report.scores().size());
  for (std::size_t i = 0; i < e.explanations.size(); ++i) {
    CHECK(e.explanations[i].id == report.scores()[i].jurisdiction.id);
    CHECK(e.explanations[i].overall.tier == report.scores()[i].overall.tier);
  }
  CHECK(e.what_if == std::vector<std::string>{"interviews=1"});
  CHECK(e.what_if_changes.size() == report.what_if_changes.size());
}
