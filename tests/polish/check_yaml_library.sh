#!/usr/bin/env bash
# yaml-cpp is the project's one YAML library: the binary links libyaml-cpp and not libyaml,
# and src/yaml_io.cpp is the only source file that includes yaml-cpp's (or libyaml's) headers.
# Usage: check_yaml_library.sh SCORECARD_BINARY PROJECT_ROOT
set -euo pipefail
bin=$1
root=$2
libs=$(ldd "$bin")
if ! grep -q 'libyaml-cpp\.so' <<<"$libs"; then
  echo "FAILED: $bin does not link libyaml-cpp:"; echo "$libs"; exit 1
fi
if grep -E 'libyaml(-0)?\.so' <<<"$libs"; then
  echo "FAILED: $bin links libyaml"; exit 1
fi
includers=$(cd "$root" && grep -rlE '#include <(yaml-cpp/|yaml\.h>)' src include | sort)
if [ "$includers" != "src/yaml_io.cpp" ]; then
  echo "FAILED: YAML library headers are included by:"; echo "$includers"; exit 1
fi
echo "ok: links libyaml-cpp, not libyaml; only src/yaml_io.cpp includes yaml-cpp"
