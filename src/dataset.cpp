// Many files: expand paths, load, validate, score.

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <thread>
#include <unordered_map>
#include <filesystem>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include <scorecard/dataset.hpp>
#include <scorecard/governments.hpp>
#include <scorecard/load.hpp>
#include <scorecard/timeline.hpp>
#include <scorecard/validate.hpp>

#include "workers.hpp"

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

// Every file below a directory (path, is a link) whose name is a YAML name and that is a
// regular file or a link to one, hidden ones (a name that starts with a dot, as .git,
// .github or .pre-commit-config.yaml) and everything under hidden directories left out, named as std::filesystem would name it: the directory, a
// "/" unless it ends in one, then the path below. Directory links are not followed, so link
// cycles cannot loop; a YAML name that is a link to nowhere is reported rather than
// skipped; subdirectories that may not be read (or vanish meanwhile) are skipped. Plain
// readdir, one directory open at a time: std::filesystem's iterator builds a path object
// per entry, which was half the listing time at 25,000 files. Returns the errno that
// stopped the walk, or 0.
int walk_directory(const std::string& top, std::vector<std::pair<std::string, bool>>& found, bool& any_link,
                   Diagnostics& diagnostics) {
  std::vector<std::string> pending{top};
  while (!pending.empty()) {
    const std::string dir = std::move(pending.back());
    pending.pop_back();
    DIR* stream = ::opendir(dir.c_str());
    if (stream == nullptr) {
      const int error = errno;
      if (dir != top && (error == EACCES || error == ENOENT)) continue;  // below the top: skipped
      return error;
    }
    const std::string prefix = dir.back() == '/' ? dir : dir + '/';
    int error = 0;
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(stream);
      if (entry == nullptr) {
        error = errno;
        break;
      }
      const std::string_view name = entry->d_name;
      if (name.front() == '.') continue;  // ".", "..", and hidden files and directories
      std::string file = prefix;
      file += name;
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) {  // file systems that do not say: ask
        struct stat st {};
        if (::lstat(file.c_str(), &st) != 0) continue;  // gone meanwhile
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type == DT_DIR) {
        pending.push_back(std::move(file));
      } else if (!is_yaml_name(file)) {
        continue;
      } else if (type == DT_REG) {
        found.emplace_back(std::move(file), false);
      } else if (type == DT_LNK) {
        struct stat target {};
        if (::stat(file.c_str(), &target) != 0) {
          diagnostics.push_back({Severity::error, {file, 0, 0}, missing_reason(file)});
        } else if (S_ISREG(target.st_mode)) {
          found.emplace_back(std::move(file), true);
          any_link = true;
        }
      }
    }
    ::closedir(stream);
    if (error != 0) return error;
  }
  return 0;
}

// Workers for n files: `threads` (0: one per core), never more than the files.
unsigned worker_count(unsigned threads, std::size_t n) {
  const unsigned count = threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(count, std::max<std::size_t>(n, 1)));
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  std::unordered_set<std::string> seen;
  // A file is read once however it is named: by its canonical path. canonical, when known,
  // saves resolving each file of a directory one by one.
  auto add = [&](std::string file, std::string canonical = {}) {
    if (canonical.empty()) {
      std::error_code ec;
      const fs::path resolved = fs::weakly_canonical(file, ec);
      canonical = ec ? file : resolved.string();
    }
    if (seen.insert(std::move(canonical)).second) files.push_back(std::move(file));
  };
  for (std::size_t argument = 0; argument < paths.size(); ++argument) {
    const std::string& path = paths[argument];
    if (path == "-") {  // standard input, once: a file named "-"
      if (seen.insert("-").second) files.push_back(path);
      continue;
    }
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
    std::vector<std::pair<std::string, bool>> found;  // path, is a link
    bool any_link = false;
    const int error = walk_directory(path, found, any_link, diagnostics);
    if (error != 0) {
      diagnostics.push_back({Severity::error, {path, 0, 0},
                             fmt::format("cannot read directory: {}", std::generic_category().message(error))});
    } else if (found.empty()) {
      diagnostics.push_back({Severity::error, {path, 0, 0}, "directory holds no YAML files (*.yaml, *.yml)"});
    }
    std::sort(found.begin(), found.end());
    // The first thing named, when it is also the last, needs no check: without links, the
    // files below one directory are different files.
    if (seen.empty() && argument + 1 == paths.size() && !any_link) {
      files.reserve(found.size());
      for (auto& entry : found) files.push_back(std::move(entry.first));
      break;
    }
    // Directory links are not followed, so below the directory's own canonical path each
    // file's canonical path is its relative path, unless the file itself is a link.
    std::error_code root_ec;
    std::string root = fs::weakly_canonical(path, root_ec).string();
    if (root.empty() || root.back() != '/') root += '/';
    seen.reserve(seen.size() + found.size());
    // The walk names each file path + "/" (unless path ends in one) + its path below.
    const std::size_t prefix = path.size() + (path.back() != '/' ? 1 : 0);
    for (auto& [file, link] : found) {
      if (link || root_ec || file.size() <= prefix || file.compare(0, path.size(), path) != 0) {
        add(std::move(file));
      } else {
        std::string canonical = root;
        canonical.append(file, prefix);
        add(std::move(file), std::move(canonical));
      }
    }
  }
  return files;
}

LoadedFiles load_files(const std::vector<std::string>& paths, const Rubric& rubric, unsigned threads,
                       std::optional<int> today, const Progress& progress) {
  LoadedFiles set;
  set.files = expand_paths(paths, set.diagnostics);
  const std::size_t n = set.files.size();
  // Each file's result goes straight into its own slot: the order of the results is the
  // order of the files, whatever the number of threads, and nothing is copied afterwards.
  set.slots.resize(n);
  set.problems.resize(n);
  set.loaded.assign(n, 0);
  set.threads = threads;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  auto load_work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      JurisdictionLoad load = load_jurisdiction_file(set.files[i]);
      set.problems[i] = std::move(load.diagnostics);
      if (!load.jurisdiction) {
        if (progress) progress(++done, n);
        continue;
      }
      Diagnostics more = validate_jurisdiction(*load.jurisdiction, rubric, ValidateScope::structure, today);
      set.problems[i].insert(set.problems[i].end(), more.begin(), more.end());
      set.slots[i].jurisdiction = std::move(*load.jurisdiction);
      set.loaded[i] = 1;
      if (progress) progress(++done, n);
    }
  };
  detail::run_on_threads(worker_count(threads, n), load_work);

  // Ids must be unique across the data set.
  std::unordered_map<std::string_view, std::size_t> first_file;  // views of ids that stay put
  first_file.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& j = set.slots[i].jurisdiction;
    if (!set.loaded[i] || j.id.empty()) continue;
    auto [it, inserted] = first_file.emplace(j.id, i);
    if (!inserted) {
      set.problems[i].push_back({Severity::error, j.at(j.id_where),
                                 fmt::format("duplicate jurisdiction id \"{}\" (also in {})", j.id,
                                             set.files[it->second])});
    }
  }
  return set;
}

Dataset rate_files(LoadedFiles set, const Rubric& rubric, const ScoreOptions& options, std::optional<int> as_of) {
  Dataset dataset;
  dataset.files = std::move(set.files);
  dataset.diagnostics = std::move(set.diagnostics);
  auto& problems = set.problems;
  const auto& loaded = set.loaded;
  const std::size_t n = dataset.files.size();
  dataset.scores = std::move(set.slots);
  if (as_of) {
    for (std::size_t i = 0; i < n; ++i) {
      if (loaded[i]) project_as_of(dataset.scores[i].jurisdiction, *as_of);
    }
  }
  // References resolve among the files without errors.
  {
    std::vector<Jurisdiction*> valid;
    std::vector<std::size_t> where;
    std::vector<std::string> invalid;
    for (std::size_t i = 0; i < n; ++i) {
      if (!loaded[i]) continue;
      if (has_errors(problems[i])) {
        invalid.push_back(dataset.scores[i].jurisdiction.id);
        continue;
      }
      valid.push_back(&dataset.scores[i].jurisdiction);
      where.push_back(i);
    }
    std::vector<Diagnostics> found = resolve_governments(rubric, valid, invalid);
    for (std::size_t k = 0; k < found.size(); ++k) {
      Diagnostics& into = problems[where[k]];
      into.insert(into.end(), std::make_move_iterator(found[k].begin()), std::make_move_iterator(found[k].end()));
    }
  }
  // Then, on the workers again, what the answers give.
  std::atomic<std::size_t> next{0};
  auto score_work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      if (!loaded[i] || has_errors(problems[i])) continue;
      Diagnostics more = validate_answers(dataset.scores[i].jurisdiction, rubric);
      problems[i].insert(problems[i].end(), more.begin(), more.end());
      dataset.scores[i] = score_jurisdiction(rubric, std::move(dataset.scores[i].jurisdiction), options);
    }
  };
  detail::run_on_threads(worker_count(set.threads, n), score_work);

  std::vector<char> keep(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    sort_by_position(problems[i]);
    limit_per_file(problems[i], dataset.files[i]);
    keep[i] = loaded[i] && !has_errors(problems[i]) ? 1 : 0;
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

Dataset load_dataset(const std::vector<std::string>& paths, const Rubric& rubric, unsigned threads,
                     const ScoreOptions& options, const TimeOptions& time, const Progress& progress) {
  return rate_files(load_files(paths, rubric, threads, time.today, progress), rubric, options, time.as_of);
}

}  // namespace scorecard
