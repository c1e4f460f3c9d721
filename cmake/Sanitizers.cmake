# SCORECARD_SANITIZE: a ;-list such as "address;undefined" applied to our targets.
set(SCORECARD_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address;undefined")
add_library(scorecard_sanitizers INTERFACE)
if(SCORECARD_SANITIZE)
  list(JOIN SCORECARD_SANITIZE "," _scorecard_sanitizers)
  target_compile_options(scorecard_sanitizers INTERFACE
    -fsanitize=${_scorecard_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(scorecard_sanitizers INTERFACE -fsanitize=${_scorecard_sanitizers})
endif()
