# scorecard_warnings: the warning set for our own targets only (never for dependencies).
# Warnings are errors only in the project's own checks (make test, make test-sanitize, the
# fuzz build and CI pass -DSCORECARD_WARNINGS_AS_ERRORS=ON); a user's or packager's build,
# in any configuration and with any compiler version, only shows them.
option(SCORECARD_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
add_library(scorecard_warnings INTERFACE)
target_compile_options(scorecard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${SCORECARD_WARNINGS_AS_ERRORS}>:-Werror>
  # g++ 12 at -O3 (Release) warns inside std::string's own inlined code: members "may be
  # used uninitialized", and a memcpy of 2^63 bytes that "may overlap" (-Wrestrict). Both
  # are false positives; they stay warnings even with -Werror.
  "$<$<AND:$<BOOL:${SCORECARD_WARNINGS_AS_ERRORS}>,$<CXX_COMPILER_ID:GNU>>:-Wno-error=maybe-uninitialized;-Wno-error=restrict>")
