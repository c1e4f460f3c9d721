// Many files: expand paths, load, validate, score.

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>
#include <filesystem>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include <scorecard/dataset.hpp>
#include <scorecard/load.hpp>
#include <scorecard/validate.hpp>

namespace scorecard {
namespace fs = std::filesystem;

namespace {

// Whether a path's extension (as std::filesystem::path::extension reads it: not a leading
// dot, not "." or "..") is .yaml or .yml; on the string, for speed at 25,000 files.
bool is_yaml_name(std::string_view path) {
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name == "..") return false;
  const std::string_view ext = name.substr(dot);
  return ext == ".yaml" || ext == ".yml";
}

// Why a path that does not resolve fails: a missing file, a broken link or a link loop.
std::string missing_reason(const std::string& path) {
  std::error_code ec;
  const auto link = fs::symlink_status(path, ec);
  if (ec || !fs::is_symlink(link)) return "no such file or directory";
  std::error_code resolve;
  (void)fs::status(path, resolve);
  if (resolve == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
  std::error_code read;
  const fs::path target = fs::read_symlink(path, read);
  return read ? "broken symbolic link" : "broken symbolic link (to \"" + target.string() + "\", which does not exist)";
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  std::unordered_set<std::string> seen;
  // A file is read once however it is named: by its canonical path. canonical, when known,
  // saves resolving each file of a directory one by one.
  auto add = [&](const std::string& file, std::string canonical = {}) {
    if (canonical.empty()) {
      std::error_code ec;
      const fs::path resolved = fs::weakly_canonical(file, ec);
      canonical = ec ? file : resolved.string();
    }
    if (seen.insert(std::move(canonical)).second) files.push_back(file);
  };
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.push_back({Severity::error, {path, 0, 0}, missing_reason(path)});
      continue;
    }
    if (!fs::is_directory(status)) {
      add(path);
      continue;
    }
    // Directory links are not followed, so below the directory's own canonical path each
    // file's canonical path is its relative path, unless the file itself is a link.
    std::vector<std::pair<std::string, bool>> found;  // path, is a link
    std::error_code root_ec;
    std::string root = fs::weakly_canonical(path, root_ec).string();
    if (root.empty() || root.back() != '/') root += '/';
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      // Directory links are not followed (so link cycles cannot loop); a YAML name that is a
      // link to nowhere is reported rather than skipped.
      std::error_code type_ec;
      if (!is_yaml_name(it->path().native())) continue;
      if (it->is_regular_file(type_ec)) {
        found.emplace_back(it->path().string(), it->is_symlink(type_ec));
      } else if (it->is_symlink(type_ec) && !fs::exists(it->path(), type_ec)) {
        diagnostics.push_back({Severity::error, {it->path().string(), 0, 0}, missing_reason(it->path().string())});
      }
    }
    if (ec) {
      diagnostics.push_back({Severity::error, {path, 0, 0}, fmt::format("cannot read directory: {}", ec.message())});
    }
    std::sort(found.begin(), found.end());
    seen.reserve(seen.size() + found.size());
    if (found.empty() && !ec) {
      diagnostics.push_back({Severity::error, {path, 0, 0}, "directory holds no YAML files (*.yaml, *.yml)"});
    }
    // The iterator names each file path + "/" + its path below the directory.
    const std::size_t prefix = path.size() + (path.empty() || path.back() != '/' ? 1 : 0);
    for (const auto& [file, link] : found) {
      if (link || root_ec || file.size() <= prefix || file.compare(0, path.size(), path) != 0) {
        add(file);
      } else {
        add(file, root + file.substr(prefix));
      }
    }
  }
  return files;
}

Dataset load_dataset(const std::vector<std::string>& paths, const Rubric& rubric, unsigned threads) {
  Dataset dataset;
  dataset.files = expand_paths(paths, dataset.diagnostics);
  const std::size_t n = dataset.files.size();
  // Each file's result goes straight into its own slot: the order of the results is the
  // order of the files, whatever the number of threads, and nothing is copied afterwards.
  dataset.scores.resize(n);
  std::vector<Diagnostics> problems(n);
  std::vector<char> loaded(n, 0);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      JurisdictionLoad load = load_jurisdiction_file(dataset.files[i]);
      problems[i] = std::move(load.diagnostics);
      if (!load.jurisdiction) continue;
      Diagnostics more = validate_jurisdiction(*load.jurisdiction, rubric);
      problems[i].insert(problems[i].end(), more.begin(), more.end());
      if (has_errors(problems[i])) {
        dataset.scores[i].jurisdiction = std::move(*load.jurisdiction);  // kept for the id check only
      } else {
        dataset.scores[i] = score_jurisdiction(rubric, std::move(*load.jurisdiction));
      }
      loaded[i] = 1;
    }
  };
  unsigned count = threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  count = static_cast<unsigned>(std::min<std::size_t>(count, std::max<std::size_t>(n, 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();

  // Ids must be unique across the data set.
  std::unordered_map<std::string, std::size_t> first_file;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& j = dataset.scores[i].jurisdiction;
    if (!loaded[i] || j.id.empty()) continue;
    auto [it, inserted] = first_file.emplace(j.id, i);
    if (!inserted) {
      problems[i].push_back({Severity::error, j.at(j.id_where),
                             fmt::format("duplicate jurisdiction id \"{}\" (also in {})", j.id,
                                         dataset.files[it->second])});
    }
  }
  std::vector<char> keep(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    sort_by_position(problems[i]);
    limit_per_file(problems[i], dataset.files[i]);
    keep[i] = loaded[i] && !has_errors(problems[i]);
    dataset.diagnostics.insert(dataset.diagnostics.end(), std::make_move_iterator(problems[i].begin()),
                               std::make_move_iterator(problems[i].end()));
    Diagnostics().swap(problems[i]);
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    if (out != i) dataset.scores[out] = std::move(dataset.scores[i]);
    ++out;
  }
  dataset.scores.erase(dataset.scores.begin() + static_cast<std::ptrdiff_t>(out), dataset.scores.end());
  return dataset;
}

}  // namespace scorecard
