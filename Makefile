# The two commands of the README. Each installs missing Debian packages, configures,
# builds, then runs: `make demo` (the 12-city comparison) or `make test` (every test).
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
DEPS    := cmake ninja-build g++ make python3 python3-jsonschema python3-yaml libyaml-cpp-dev \
           libcli11-dev libfmt-dev nlohmann-json3-dev catch2
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo test clean
all: build

deps:
	@missing=""; \
	for p in $(DEPS); do \
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

demo: build
	./$(BUILD)/scorecard compare data/jurisdictions

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
