#pragma once
#include <string_view>

namespace scorecard {
// The project version from CMake's project(VERSION ...).
std::string_view version();
}  // namespace scorecard
