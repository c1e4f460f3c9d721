#pragma once
// Writing outputs atomically: a failed or interrupted run never leaves a partial file.

#include <fstream>
#include <string>

namespace scorecard::cli {

// A file written through a temporary file in the same directory and renamed over path on
// commit(), so that a failed or interrupted run leaves any previous file as it was. The
// temporary file is removed if commit() is never reached, and by SIGINT or SIGTERM.
// A file that exists keeps its permissions; a path that is a symbolic link is written
// through: the file it names is replaced and the link stays. Errors throw
// std::runtime_error with a readable message.
class AtomicFile {
 public:
  explicit AtomicFile(const std::string& path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  std::ostream& stream() { return m_stream; }
  void commit();

 private:
  [[noreturn]] void fail(int error);

  std::string m_path;    // as given, for messages
  std::string m_target;  // where it lands, through symbolic links
  std::string m_temp;
  std::ofstream m_stream;
  bool m_done = false;
};

// The same for a whole string at once; "-" writes to standard output.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace scorecard::cli
