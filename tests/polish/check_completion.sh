#!/usr/bin/env bash
# Sources the bash completion script and drives it as bash would.
# Usage: check_completion.sh SCORECARD_BINARY
set -u
bin=$1
passed=0 failed=0
source <("$bin" completion bash) || { echo "FAILED: the script does not source"; exit 1; }
complete_words() {  # complete_words WORD... : the completions for the last word
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _scorecard
  printf '%s\n' "${COMPREPLY[@]}" | sort -u | tr '\n' ' '
}
expect() {  # expect NAME WANTED... -- WORD...
  local name=$1; shift
  local wanted=()
  while [ "$1" != "--" ]; do wanted+=("$1"); shift; done
  shift
  local got
  got=" $(complete_words "$@")"
  local ok=1
  for w in "${wanted[@]}"; do [[ "$got" == *" $w "* ]] || ok=0; done
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name: got [$got]"; fi
}
expect "commands" compare completion -- scorecard co
expect "every command" score compare export validate check diff explain rubric init -- scorecard ""
expect "command options" --sort --reverse --filter --format --what-if --output -- scorecard compare --
expect "global options after the command" --rubric --color --quiet --jobs -- scorecard validate --
expect "formats of compare" text json csv markdown -- scorecard compare --format ""
expect "formats of check" text markdown json junit -- scorecard check --format ""
expect "formats of export" html -- scorecard export --format h
expect "sort keys from the rubric" overall name population custody release_notification -- scorecard compare --sort ""
expect "criterion ids for --what-if" custody= contracts= -- scorecard explain --what-if ""
expect "question ids for --what-if" detainer_hold_prohibited= custody.detainer_hold_prohibited= -- scorecard explain --what-if ""
expect "tiers for --min-tier" 1 3 strong progress room -- scorecard check --min-tier ""
expect "filter keys" state= kind= tier= tier\<= custody\<= -- scorecard compare --filter ""
expect "criterion ids for --require" interviews= -- scorecard check --require int
expect "rubric subcommands" show check schema impact -- scorecard rubric ""
expect "shells" bash zsh fish -- scorecard completion ""
expect "colours" auto always never -- scorecard --color ""
expect "kinds for init" county -- scorecard init X --kind c
cd "$(mktemp -d)" && mkdir data && touch data/a.yaml
expect "paths" data -- scorecard compare d
expect "files for --rubric" data -- scorecard --rubric d
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
