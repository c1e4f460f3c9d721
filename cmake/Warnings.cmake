# scorecard_warnings: the warning set for our own targets only (never for dependencies).
# Warnings are errors only in the project's own checks (make test, make test-sanitize, the
# fuzz build and CI pass -DSCORECARD_WARNINGS_AS_ERRORS=ON); a user's or packager's build,
# in any configuration and with any compiler version, only shows them (and g++ 12 and
# clang 14 show none, in Debug, Release and RelWithDebInfo: docs/building.md).
option(SCORECARD_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
add_library(scorecard_warnings INTERFACE)
target_compile_options(scorecard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${SCORECARD_WARNINGS_AS_ERRORS}>:-Werror>
  # g++ 12 at -O3 (Release, MinSizeRel's -Os likewise) warns inside libstdc++'s own inlined
  # code: std::string and std::optional members "may be used uninitialized", a memcpy of
  # 2^63 bytes that "may overlap" (-Wrestrict), a "potential null pointer dereference" in
  # std::vector<bool>::assign. All are false positives of that inlining, so they are off in
  # those configurations; the -O2 build of make test keeps all three on.
  "$<$<AND:$<CXX_COMPILER_ID:GNU>,$<CONFIG:Release,MinSizeRel>>:-Wno-maybe-uninitialized;-Wno-restrict;-Wno-null-dereference>")
