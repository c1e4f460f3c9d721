# CPack's DEB generator: `make package` (the top-level Makefile) or `cmake --build BUILD
# --target package`. The package holds exactly what `make install` installs, under /usr,
# plus what Debian's policy asks of every package: the copyright file and a changelog in
# share/doc/policy-scorecard, and compressed manual pages and changelog (gzip -9n).
# Its dependencies are read off the binary by dpkg-shlibdeps (dpkg-dev).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME policy-scorecard)
set(CPACK_PACKAGE_VENDOR "The policy-scorecard authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "rate local policies on immigration enforcement")
# The extended description: lines of at most 80 columns (lintian), a paragraph each.
# One CONCAT of the lines (a list in between would lose each ";" of the text).
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "scorecard rates how far US cities and counties have stopped their jails\n"
    "and police from doing federal immigration enforcement (ICE detainers, ICE\n"
    "access to jails, release notifications, information sharing, status\n"
    "questions, 287(g) and task forces, detention contracts), from YAML files\n"
    "that describe each jurisdiction's policies with citations.\n"
    "\n"
    "It prints comparison tables, gates data repositories in CI, and exports\n"
    "JSON, CSV, Markdown and a web page. The built-in rubric follows the Center\n"
    "for Popular Democracy's 2019 scorecard of 12 cities; the package brings\n"
    "the bundled jurisdiction files and the JSON Schemas.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Who answers for the package: a packager sets their own (-DSCORECARD_PACKAGE_MAINTAINER=...).
# The default names no real mailbox (.invalid is reserved for that), as packaging/changelog.
set(SCORECARD_PACKAGE_MAINTAINER "The policy-scorecard authors <maintainers@policy-scorecard.invalid>"
    CACHE STRING "The Debian package's Maintainer field")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${SCORECARD_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# The changelog's newest entry must be this version (a bump updates both).
file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog _scorecard_changelog_top LIMIT_COUNT 1)
if(NOT _scorecard_changelog_top MATCHES "^policy-scorecard \\(${PROJECT_VERSION}\\) ")
  message(WARNING "packaging/changelog's newest entry is not version ${PROJECT_VERSION}: ${_scorecard_changelog_top}")
endif()
include(CPack)
