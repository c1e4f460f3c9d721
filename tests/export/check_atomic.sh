#!/usr/bin/env bash
# -o writes atomically: a failed run leaves the previous file as it was, and no run
# leaves a temporary file behind. Usage: check_atomic.sh SCORECARD_BINARY REPO_ROOT
set -u
bin=$1 root=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cd "$root" || exit 1
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }

"$bin" -q export data/jurisdictions -o "$work/out.json"
check "export -o writes the file" '[ -s "$work/out.json" ]'
check "the file equals stdout" '"$bin" -q export data/jurisdictions | cmp -s - "$work/out.json"'
check "the file is readable by others (umask, not 0600)" '[ "$(stat -c %a "$work/out.json")" = "$(printf "%o" $((0666 & ~0$(umask))))" ]'
before=$(sha256sum < "$work/out.json")

"$bin" -q export tests/e2e/fixtures/broken.yaml -o "$work/out.json" 2>/dev/null
check "invalid input exits 3" '[ $? -eq 3 ]'
check "a failed run leaves the previous output intact" '[ "$(sha256sum < "$work/out.json")" = "$before" ]'

mkdir "$work/ro"
"$bin" -q export data/jurisdictions -o "$work/ro/out.json"
chmod a-w "$work/ro"
if [ "$(id -u)" != 0 ]; then
  "$bin" -q export data/jurisdictions --format csv -o "$work/ro/out.json" 2>"$work/err"
  check "an unwritable directory exits 3" '[ $? -eq 3 ]'
  check "and says why" 'grep -q "cannot write" "$work/err"'
  check "and leaves the old file" '[ "$("$bin" -q export data/jurisdictions | sha256sum)" = "$(sha256sum < "$work/ro/out.json")" ]'
fi
chmod u+w "$work/ro"

"$bin" -q export data/jurisdictions -o "$work/dir-target" --format csv && mkdir -p "$work/adir"
"$bin" -q export data/jurisdictions -o "$work/adir" 2>"$work/err"
check "a directory as output exits 3" '[ $? -eq 3 ]'
check "no temporary file is left anywhere" '[ -z "$(find "$work" -name ".*.tmp-*")" ]'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
