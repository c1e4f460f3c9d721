#!/usr/bin/env bash
# The colour decision on a real terminal (a pseudo-terminal from `script`): colour by
# default, none with NO_COLOR set or TERM=dumb, and --color always/never winning over both;
# the rubric's palette where the terminal shows it; compare fits the terminal's width.
# Usage: check_terminal.sh SCORECARD_BINARY REPO_ROOT. Exits 77 without `script`.
set -u
bin=$1 root=$2
command -v script >/dev/null || { echo "skipped: script (util-linux) not found"; exit 77; }
cd "$root" || exit 1
unset COLUMNS COLORTERM  # each check sets what it needs
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
check "24-bit colour shows the rubric's palette (#009E73)" \
  '[[ "$(COLORTERM=truecolor TERM=xterm on_tty "$table")" == *"${esc}38;2;000;158;115m"* ]]'
check "256 colours show its nearest (35)" '[[ "$(TERM=xterm-256color on_tty "$table")" == *"${esc}1;38;5;35m"* ]]'
check "8 colours show its terminal_color (green)" '[[ "$(TERM=xterm on_tty "$table")" == *"${esc}32m"* ]]'
# The widest line of compare on a terminal of $1 columns, every jurisdiction shown.
widest() {
  TERM=xterm script -qec "stty cols $1; $bin -q compare data/jurisdictions --color never" /dev/null |
    tr -d '\r' | awk '{ n = length($0); if (n > max) max = n } END { print max }'
}
check "at 80 columns no line is wider than 80" '(( $(widest 80) <= 80 ))'
check "at 100 columns no line is wider than 100" '(( $(widest 100) <= 100 ))'
check "at 60 columns no line is wider than 60" '(( $(widest 60) <= 60 ))'
check "at 40 columns no line is wider than 40" '(( $(widest 40) <= 40 ))'
rows() { TERM=xterm script -qec "stty cols $1; $bin -q compare data/jurisdictions --color never" /dev/null | tr -d '\r'; }
check "at 80 columns the criteria are numbered and the population short" \
  '[[ "$(rows 80 | sed -n 1p)" == "Jurisdiction       St Pop. 1 2 3 4 5 6 7 8 Rated Overall            Score" ]]'
check "at 40 columns the criteria are packed and the name cut" \
  '[[ "$(rows 40 | grep -m1 Clackamas)" == "Clackamas Cou… OR 1???????   1/8 ?" ]]'
# Progress on stderr: on a terminal, for a run past SCORECARD_PROGRESS_AFTER (a second
# without it), cleared before the results; never with -q, CI or a pipe.
# CI systems set CI (which turns progress off), so each run says what CI is.
progress() { env -u CI ${ci:+CI=$ci} SCORECARD_PROGRESS_AFTER=0 TERM=xterm script -qec "$* data/jurisdictions >/dev/null" /dev/null; }
check "a long run on a terminal shows progress" '[[ "$(progress $bin compare)" == *"scorecard: reading 36 of 36 files (100%)"* ]]'
check "and clears it" '[[ "$(progress $bin compare)" == *"(100%), about 0 s left${esc}K"$'"'"'\r'"'"'"${esc}K"* ]]'
check "no progress with -q" '[[ "$(progress $bin -q compare)" != *"reading"* ]]'
check "no progress in CI" '[[ "$(ci=true progress $bin compare)" != *"reading"* ]]'
check "no progress in a pipe" '[[ "$(SCORECARD_PROGRESS_AFTER=0 $bin compare data/jurisdictions 2>&1 >/dev/null)" != *"reading"* ]]'
check "a short run shows none" '[[ "$(TERM=xterm script -qec "$bin compare data/jurisdictions >/dev/null" /dev/null)" != *"reading"* ]]'
wide_table="$bin -q compare data/jurisdictions/cities/washington-dc.yaml --color never"
check "a wide terminal keeps names and headings whole" \
  '[[ "$(TERM=xterm script -qec "stty cols 200; $wide_table" /dev/null | sed -n 2p)" == "Washington, DC DC          672k    1    1"* ]]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
