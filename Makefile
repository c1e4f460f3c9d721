# The two commands of the README. Each installs missing Debian packages, configures,
# builds, then runs: `make demo` (the 12-city comparison) or `make test` (every test).
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
DEPS    := cmake ninja-build g++ make python3 python3-jsonschema python3-yaml strace libxml2-utils cmark-gfm libyaml-cpp-dev \
           libcli11-dev libfmt-dev nlohmann-json3-dev catch2 git pre-commit man-db
# The fuzzer: clang and its libFuzzer runtime.
FUZZ_DEPS := clang libclang-rt-14-dev
FUZZ_SECONDS ?= 60
ASAN_BUILD ?= build-asan
# The tests that need npm: Debian's Chromium driven by playwright-core (no browser download), and ajv.
BROWSER_DEPS := chromium nodejs
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CMAKE_FLAGS ?=

PREFIX ?= /usr/local
# make package: a Release build under /usr with Debian's own compiler and linker flags
# (dpkg-buildflags, all hardening on), without the tests; the .deb lands in PACKAGE_BUILD.
PACKAGE_BUILD ?= build-package
PACKAGE_DEPS := dpkg-dev lintian
# make lint: clang-tidy (.clang-tidy) from a compile database configured with clang.
LINT_BUILD ?= build-lint
LINT_DEPS := clang clang-tidy

.PHONY: all deps browser-deps install-missing configure build demo test test-sanitize fuzz install package test-package lint clean
all: build

deps:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(DEPS)"

browser-deps:
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(BROWSER_DEPS)"
	@command -v npm >/dev/null 2>&1 || $(MAKE) --no-print-directory install-missing PACKAGES=npm
	@[ -f tests/browser/node_modules/playwright-core/package.json ] && [ -f tests/browser/node_modules/ajv/package.json ] && [ -f tests/browser/node_modules/axe-core/package.json ] || \
	  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

# install-missing PACKAGES="...": apt-get install whichever of them are not installed.
install-missing:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

configure: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# Builds the one target it runs (not the tests).
demo: configure
	cmake --build $(BUILD) -j $(JOBS) --target scorecard
	./$(BUILD)/scorecard compare data/jurisdictions

# The project's own checks treat warnings as errors (a user's or packager's build does not).
CHECK_FLAGS := -DSCORECARD_WARNINGS_AS_ERRORS=ON

test: configure browser-deps
	cmake -S . -B $(BUILD) $(CHECK_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite again, built by clang with AddressSanitizer and UndefinedBehaviorSanitizer
# (so CI builds with both compilers). The same build holds the libFuzzer target, which
# `make fuzz FUZZ_BUILD=$(ASAN_BUILD)` then runs without building the library a third time.
test-sanitize: deps browser-deps
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(FUZZ_DEPS)"
	@[ -f $(ASAN_BUILD)/build.ninja ] || CXX=clang++ cmake -S . -B $(ASAN_BUILD) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DSCORECARD_SANITIZE=address;undefined" -DSCORECARD_FUZZ=ON \
	  $(CHECK_FLAGS) $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# A bounded libFuzzer run (FUZZ_SECONDS, default 60) in FUZZ_BUILD (default build-fuzz, its
# own clang build; CI passes the sanitizer build); findings land in FUZZ_BUILD/artifacts/.
FUZZ_BUILD ?= build-fuzz
fuzz: deps
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(FUZZ_DEPS)"
	FUZZ_BUILD=$(FUZZ_BUILD) bash fuzz/run.sh $(FUZZ_SECONDS)

# Installs under PREFIX (default /usr/local): bin/scorecard, its man page, shell
# completions, and the rubric, data and schemas in share/policy-scorecard.
install: build
	cmake --install $(BUILD) --prefix "$(PREFIX)"

package: export DEB_BUILD_MAINT_OPTIONS := hardening=+all
package: deps
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(PACKAGE_DEPS)"
	cmake -S . -B $(PACKAGE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_INSTALL_PREFIX=/usr -DSCORECARD_MANPAGE_PREFIX=/usr -DBUILD_TESTING=OFF $(CMAKE_FLAGS) \
	  "-DCMAKE_CXX_FLAGS=$$(dpkg-buildflags --get CPPFLAGS) $$(dpkg-buildflags --get CXXFLAGS)" \
	  "-DCMAKE_EXE_LINKER_FLAGS=$$(dpkg-buildflags --get LDFLAGS)" >/dev/null
	cmake --build $(PACKAGE_BUILD) -j $(JOBS) --target package

# The package checked as a user gets it: lintian, then unpacked and run on its own data.
test-package: package
	bash tests/package/check_deb.sh $(PACKAGE_BUILD)

# clang-tidy over every .cpp of src/, fuzz/ and bench/ (docs/building.md): configured, not
# built (the embedded rubric and page sources are generated, not linted); any finding fails.
lint: deps
	@$(MAKE) --no-print-directory install-missing PACKAGES="$(LINT_DEPS)"
	CXX=clang++ cmake -S . -B $(LINT_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS) >/dev/null
	run-clang-tidy-14 -p $(LINT_BUILD) -quiet -j $(JOBS) "^$$(printf '%s' '$(CURDIR)' | sed 's/[][\.*^$$+?(){}|]/\\&/g')/(src|fuzz|bench)/.*\.cpp$$"

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz $(PACKAGE_BUILD) $(LINT_BUILD)
