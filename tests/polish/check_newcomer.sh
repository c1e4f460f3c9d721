#!/usr/bin/env bash
# A newcomer's path: init a city, fill it in with the comments' help, validate it, see it
# in compare. Usage: check_newcomer.sh SCORECARD_BINARY REPO_ROOT
set -u
bin=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }

"$bin" init "Springfield Heights" --state IL --kind city 2>"$work/err"
check "init writes <id>.yaml" '[ -f springfield-heights.yaml ] && grep -q "wrote springfield-heights.yaml" "$work/err"'
check "with the schema modeline first" 'head -1 springfield-heights.yaml | grep -q "^# yaml-language-server: \$schema="'
check "every question as a comment and answered unclear" '[ "$(grep -c ": unclear$" springfield-heights.yaml)" -ge 20 ]'
"$bin" init "Springfield Heights" 2>"$work/err"
check "init refuses to overwrite" '[ $? -eq 3 ] && grep -q "already exists; use --force" "$work/err"'
"$bin" validate springfield-heights.yaml 2>"$work/err"
check "the template validates (exit 0)" '[ $? -eq 0 ]'
check "with a not-rated warning for each criterion" '[ "$(grep -c "is not rated: .* deciding question.* unclear (.*); answer .* or record a rating" "$work/err")" -eq 8 ]'
"$bin" -q compare springfield-heights.yaml > "$work/table"
check "the untouched template is not rated, with its coverage" 'grep -q "^Springfield Heights .* 0/8 not rated  *—$" "$work/table"'

# Fill it in as the comments say: a source, cited by every criterion, and a few answers.
python3 - springfield-heights.yaml <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
text = text.replace('title: "TODO: the title of the ordinance, policy or report"',
                    'title: "Springfield Heights Welcoming Ordinance (fictional, for a test)"\n    url: https://example.org/ordinance')
text = text.replace("sources: []", "sources: [source-1]")
text = text.replace("detainer_hold_prohibited: unclear", "detainer_hold_prohibited: any_conviction")
text = text.replace("ice_access_prohibited: unclear", "ice_access_prohibited: any_conviction")
text = text.replace("release_notification_prohibited: unclear", "release_notification_prohibited: any_conviction")
text = text.replace("contract_status: unclear", "contract_status: none")
open(path, "w").write(text)
PY
"$bin" validate springfield-heights.yaml 2>"$work/err"
check "the filled-in file validates" '[ $? -eq 0 ] && ! grep -q "cites no source" "$work/err"'
"$bin" -q compare springfield-heights.yaml "$root/data/jurisdictions" > "$work/table"
check "compare shows it beside the bundled cities" 'grep -q "^Springfield Heights  *IL" "$work/table" && [ "$(grep -c "^[A-Z]" "$work/table")" -ge 14 ]'
awk "/^\$/{exit} NR > 1 {print}" "$work/table" > "$work/rows"
check "half researched, it is not rated overall" 'grep -q "^Springfield Heights .* 4/8 not rated  *—$" "$work/rows"'
check "and sorts after every rated jurisdiction" '! sed -n "/^Springfield Heights /,\$p" "$work/rows" | grep -qv " not rated  *—$"'
"$bin" -q explain springfield-heights.yaml > "$work/explain"
check "explain computes its tiers from the answers" 'grep -q "computed: rule 1 matched because detainer_hold_prohibited is any_conviction" "$work/explain"'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
