#!/usr/bin/env bash
# The CI-gate scenario on the bundled data: publish a baseline export, make one city worse,
# and check that `check --baseline` fails naming it and `diff` reports the change. The data
# is a copy of CPD's 12 cities, all rated (the bundled counties and states are mostly not
# rated, which `check` fails on by default).
# Usage: check_gate.sh SCORECARD_BINARY REPO_ROOT
set -u
bin=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
passed=0 failed=0
cpd="$work/cpd"
mkdir "$cpd"
for id in chicago dallas durham louisville madison minneapolis new-york-city san-diego san-francisco seattle st-louis washington-dc; do
  cp "data/jurisdictions/cities/$id.yaml" "$cpd/"
done
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }
same() {  # same NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; diff <(echo "$2") <(echo "$3"); fi
}

"$bin" -q check "$cpd" --min-tier 2 --junit "$work/min.xml" --markdown "$work/min.md" >/dev/null 2>&1
check "--min-tier 2 exits 1" '[ $? -eq 1 ]'
check "--min-tier 2 writes JUnit with 12 test cases and 9 failures" \
  'python3 -c "import sys, xml.etree.ElementTree as E; s = E.parse(sys.argv[1]).getroot().find(\"testsuite\"); sys.exit(not (len(s.findall(\"testcase\")) == 12 and len(s.findall(\"testcase/failure\")) == 9))" "$work/min.xml"'
check "--min-tier 2 writes a Markdown table of the 9 failures" '[ "$(grep -c "is worse than --min-tier 2 |" "$work/min.md")" -eq 9 ]'

"$bin" -q export "$cpd" -o "$work/published.json"
cp -r "$cpd" "$work/data"
# Chicago's custody gets worse (1 -> 3), it gains an answer and a source is dropped.
python3 - "$work/data/chicago.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
old = """  custody:
    since: 2011-09-07
    rating: 1
    sources: [cpd-scorecard, cpd-chicago, cook-county-ordinance]"""
new = """  custody:
    since: 2011-09-07
    rating: 3
    answers:
      detainer_hold_prohibited: none
    sources: [cpd-scorecard, cook-county-ordinance]"""
assert old in text
open(path, "w", encoding="utf-8").write(text.replace(old, new))
PY
# Seattle gets better (interviews 3 -> 1, so its mean is 19/11 = 1.727: overall 3 -> 2).
python3 - "$work/data/seattle.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
old = "  interviews:\n    rating: 3\n"
assert old in text
open(path, "w", encoding="utf-8").write(text.replace(old, "  interviews:\n    rating: 1\n"))
PY

"$bin" -q check "$work/data" --baseline "$work/published.json" --junit "$work/junit.xml" --markdown "$work/summary.md" > "$work/out" 2>"$work/err"
rc=$?
check "a tier worse than the baseline exits 1" '[ $rc -eq 1 ]'
same "check names Chicago and why" "FAIL Chicago (chicago, $work/data/chicago.yaml)
  - overall tier is worse than in the baseline: 1 -> 3
  - Custody is worse than in the baseline: 1 -> 3
better: Seattle (seattle): overall tier is better than in the baseline: 3 -> 2
better: Seattle (seattle): Immigration Interviews is better than in the baseline: 3 -> 1
check: 12 jurisdictions checked, 11 passed, 1 failed" "$(cat "$work/out")"
check "the JUnit report has 12 test cases and 1 failure" \
  'python3 -c "import sys, xml.etree.ElementTree as E; s = E.parse(sys.argv[1]).getroot().find(\"testsuite\"); sys.exit(not (len(s.findall(\"testcase\")) == 12 and len(s.findall(\"testcase/failure\")) == 1 and s.get(\"failures\") == \"1\"))" "$work/junit.xml"'
check "the Markdown summary names Chicago" 'grep -q "| Chicago |" "$work/summary.md"'

"$bin" -q check "$work/data" --baseline "$work/published.json" --min-tier 3 --require contracts=2 >/dev/null 2>&1
check "the baseline fails even when every other bar is met" '[ $? -eq 1 ]'
"$bin" -q check "$cpd" --baseline "$work/published.json" > "$work/out" 2>/dev/null
check "the published data passes against its own export" '[ $? -eq 0 ]'
same "and says so" "check: 12 jurisdictions checked, 12 passed, 0 failed" "$(cat "$work/out")"

"$bin" -q diff "$work/published.json" "$work/data" > "$work/out" 2>/dev/null
check "diff exits 0" '[ $? -eq 0 ]'
same "diff of the export and the changed directory" "changed Chicago (chicago)
  tier: overall 1 -> 3 (worse)
  tier: custody 1 -> 3 (worse)
  answer: custody.detainer_hold_prohibited: (none) -> none
  source removed: custody: cpd-chicago Center for Popular Democracy, Reform/Transform scorecard: Chicago (immigration enforcement) <https://reformtransform.org/scorecard/ice-chicago>
changed Seattle (seattle)
  tier: overall 3 -> 2 (better)
  tier: interviews 3 -> 1 (better)
diff: 2 changed, 0 added, 0 removed, 10 unchanged" "$(cat "$work/out")"
same "diff of two directories says the same" "$(cat "$work/out")" "$("$bin" -q diff "$cpd" "$work/data")"
check "diff --format json parses and counts 2 changes" \
  '"$bin" -q diff "$cpd" "$work/data" --format json | python3 -c "import json, sys; sys.exit(json.load(sys.stdin)[\"changed\"] != 2)"'
check "diff --format markdown has a tier table" \
  '"$bin" -q diff "$cpd" "$work/data" --format markdown | grep -q "| Chicago (chicago) | custody | 1 | 3 | 🔻 worse |"'

# An empty --min-tier (an unset variable in a workflow) is a usage error, not a gate turned off.
check "--min-tier \"\" is a usage error" \
  '"$bin" -q check "$cpd" --min-tier "" >/dev/null 2>"$work/empty.err"; [ $? -eq 2 ] && grep -qF "error: --min-tier \"\" is not a tier" "$work/empty.err"'

GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$work/step-summary.md" "$bin" -q check "$work/data" --baseline "$work/published.json" > "$work/out" 2>/dev/null
check "GitHub annotations point at the criterion's line" "grep -qF '::error file=$work/data/chicago.yaml,line=58,col=3::chicago: Custody is worse than in the baseline: 1 -> 3' '$work/out'"
check "and the overall tier's at the id's line" "grep -qF '::error file=$work/data/chicago.yaml,line=5,col=5::chicago: overall tier is worse than in the baseline: 1 -> 3' '$work/out'"
check "GITHUB_STEP_SUMMARY gets the Markdown summary" 'grep -q "scorecard check failed" "$work/step-summary.md"'
# --markdown "$GITHUB_STEP_SUMMARY" appends once and keeps the earlier steps' summaries.
echo "an earlier step" > "$work/summary-shared.md"
GITHUB_STEP_SUMMARY="$work/summary-shared.md" "$bin" -q check "$cpd" --markdown "$work/summary-shared.md" >/dev/null 2>&1
check "--markdown onto the step summary keeps what was there" '[ "$(head -n 1 "$work/summary-shared.md")" = "an earlier step" ]'
check "and adds the report once" '[ "$(grep -c "scorecard check passed" "$work/summary-shared.md")" = 1 ]'
# A step summary that cannot be written is an error, not a lost report.
GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$work/no-such-dir/summary.md" "$bin" -q check "$cpd" > "$work/out" 2>"$work/err"
rc=$?
check "an unwritable step summary exits 3" '[ $rc -eq 3 ]'
same "and says why" "scorecard: error: cannot write the step summary \"$work/no-such-dir/summary.md\" (GITHUB_STEP_SUMMARY): No such file or directory" "$(tail -n 1 "$work/err")"
GITHUB_STEP_SUMMARY=/dev/full "$bin" -q check "$cpd" >/dev/null 2>"$work/err"
check "a full disk under the step summary exits 3" '[ $? -eq 3 ] && grep -qF "No space left on device" "$work/err"'
# validate annotates too, under GitHub Actions only.
GITHUB_ACTIONS=true "$bin" -q validate tests/e2e/fixtures/broken.yaml > "$work/out" 2>/dev/null
check "validate under GitHub Actions exits 3" '[ $? -eq 3 ]'
check "validate annotates each problem at its line" \
  "grep -qxF '::error file=tests/e2e/fixtures/broken.yaml,line=16,col=13::rating 4 is out of range; the tiers are 1 to 3' '$work/out' && grep -qxF '::warning file=tests/e2e/fixtures/broken.yaml,line=12,col=3::source \"unused\" is never cited' '$work/out' && [ \$(wc -l < '$work/out') -eq 19 ]"
"$bin" -q validate tests/e2e/fixtures/broken.yaml > "$work/out" 2>/dev/null
check "validate outside GitHub Actions prints no annotation" '[ ! -s "$work/out" ]'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
