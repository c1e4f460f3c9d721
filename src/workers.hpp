#pragma once
// The one way the library runs work on several threads.

#include <exception>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace scorecard::detail {

// Runs work on count threads, this one included (work takes its items from a shared
// counter), with meanwhile run on this thread first, and waits for all of them. The first
// exception any thread throws is rethrown here once every thread has ended, as it would
// be with one thread; a thread that cannot be started leaves its share to the others.
template <class Work>
void run_on_threads(unsigned count, Work&& work, const std::function<void()>& meanwhile = {}) {
  std::exception_ptr error;
  std::mutex mutex;
  auto keep = [&] {
    const std::lock_guard<std::mutex> lock(mutex);
    if (!error) error = std::current_exception();
  };
  auto guarded = [&] {
    try {
      work();
    } catch (...) {
      keep();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < count; ++t) {
    try {
      pool.emplace_back(guarded);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the ones running share the work
    }
  }
  if (meanwhile) {
    try {
      meanwhile();
    } catch (...) {
      keep();
    }
  }
  guarded();
  for (auto& thread : pool) thread.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace scorecard::detail
