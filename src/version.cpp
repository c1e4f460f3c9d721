// The project version, from CMake's project(VERSION ...).

#include <scorecard/version.hpp>

namespace scorecard {

std::string_view version() { return SCORECARD_VERSION; }

}  // namespace scorecard
