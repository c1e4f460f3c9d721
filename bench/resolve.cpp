// What resolving references between files costs (issue 18): loads and checks every file of
// the directories as `load_dataset` does (on one thread), then resolves their references
// (resolve_governments), and prints the time of each and the resolver's share. Repeats the
// resolution on fresh copies to steady the clock.
//
// Usage: scorecard_resolve DIR...   Built on demand (cmake --build build --target
// scorecard_resolve); a measuring tool, not installed.

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <scorecard/dataset.hpp>
#include <scorecard/governments.hpp>
#include <scorecard/load.hpp>
#include <scorecard/validate.hpp>

int main(int argc, char** argv) {
  using namespace scorecard;
  using Clock = std::chrono::steady_clock;
  const Rubric& rubric = builtin_rubric();
  Diagnostics problems;
  const std::vector<std::string> files = expand_paths(std::vector<std::string>(argv + 1, argv + argc), problems);
  const auto t0 = Clock::now();
  std::vector<Jurisdiction> loaded;
  loaded.reserve(files.size());
  for (const auto& file : files) {
    JurisdictionLoad load = load_jurisdiction_file(file);
    if (!load.jurisdiction) continue;
    (void)validate_jurisdiction(*load.jurisdiction, rubric, ValidateScope::structure);
    loaded.push_back(std::move(*load.jurisdiction));
  }
  const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  constexpr int k_rounds = 5;
  double resolve_s = 0;
  std::size_t diagnostics = 0;
  for (int round = 0; round < k_rounds; ++round) {
    std::vector<Jurisdiction> copy = loaded;
    std::vector<Jurisdiction*> pointers;
    pointers.reserve(copy.size());
    for (auto& j : copy) pointers.push_back(&j);
    const auto t1 = Clock::now();
    const auto found = resolve_governments(rubric, pointers);
    resolve_s += std::chrono::duration<double>(Clock::now() - t1).count();
    for (const auto& d : found) diagnostics += d.size();
  }
  resolve_s /= k_rounds;
  std::printf("%zu files: load and check %.3f s, resolve %.4f s (%.2f%% of loading), %zu diagnostics a round\n",
              loaded.size(), load_s, resolve_s, 100.0 * resolve_s / load_s, diagnostics / k_rounds);
  return 0;
}
