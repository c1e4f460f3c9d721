#!/usr/bin/env bash
# The colour decision on a real terminal (a pseudo-terminal from `script`): colour by
# default, none with NO_COLOR set or TERM=dumb, and --color always/never winning over both.
# Usage: check_terminal.sh SCORECARD_BINARY REPO_ROOT. Exits 77 without `script`.
set -u
bin=$1 root=$2
command -v script >/dev/null || { echo "skipped: script (util-linux) not found"; exit 77; }
cd "$root" || exit 1
passed=0 failed=0
esc=$(printf '\033[')
on_tty() { script -qec "$*" /dev/null 2>/dev/null; }
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }
table="$bin -q compare data/jurisdictions/cities/chicago.yaml"
check "a terminal gets colour" '[[ "$(TERM=xterm on_tty "$table")" == *"$esc"* ]]'
check "NO_COLOR turns it off" '[[ "$(NO_COLOR=1 TERM=xterm on_tty "$table")" != *"$esc"* ]]'
check "an empty NO_COLOR does not" '[[ "$(NO_COLOR= TERM=xterm on_tty "$table")" == *"$esc"* ]]'
check "TERM=dumb turns it off" '[[ "$(TERM=dumb on_tty "$table")" != *"$esc"* ]]'
check "--color always wins over NO_COLOR" '[[ "$(NO_COLOR=1 TERM=xterm on_tty "$table --color always")" == *"$esc"* ]]'
check "--color never wins on a terminal" '[[ "$(TERM=xterm on_tty "$table --color never")" != *"$esc"* ]]'
check "a pipe gets none" '[[ "$(TERM=xterm $table)" != *"$esc"* ]]'
wide_table="$bin -q compare data/jurisdictions/cities/washington-dc.yaml --color never"
check "a narrow terminal narrows the name column (to at least 12)" \
  '[[ "$(TERM=xterm script -qec "stty cols 70; $wide_table" /dev/null | sed -n 2p)" == "Washington,… DC"* ]]'
check "a wide terminal keeps names whole" \
  '[[ "$(TERM=xterm script -qec "stty cols 200; $wide_table" /dev/null | sed -n 2p)" == "Washington, DC DC"* ]]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
