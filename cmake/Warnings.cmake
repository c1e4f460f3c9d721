# scorecard_warnings: the warning set for our own targets only (never for dependencies).
option(SCORECARD_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" ${PROJECT_IS_TOP_LEVEL})
add_library(scorecard_warnings INTERFACE)
target_compile_options(scorecard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${SCORECARD_WARNINGS_AS_ERRORS}>:-Werror>)
