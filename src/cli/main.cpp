// scorecard: the command-line front end. All the work is in scorecard_core.

#include "app.hpp"

int main(int argc, char** argv) { return scorecard::cli::run(argc, argv); }
