// The project version, from CMake's project(VERSION ...) by way of the one generated header.

#include <scorecard/version.hpp>

#include "scorecard_version_info.hpp"

namespace scorecard {

std::string_view version() { return SCORECARD_VERSION; }

}  // namespace scorecard
