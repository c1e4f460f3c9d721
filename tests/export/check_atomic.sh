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

# A file that is replaced keeps its mode; a link is written through and stays a link.
"$bin" -q export data/jurisdictions -o "$work/mode.json"
chmod 600 "$work/mode.json"
"$bin" -q export data/jurisdictions --format csv -o "$work/mode.json"
check "-o keeps the mode of the file it replaces (0600)" '[ "$(stat -c %a "$work/mode.json")" = 600 ]'
ln -s mode.json "$work/link.json"
"$bin" -q export data/jurisdictions -o "$work/link.json"
check "-o through a symbolic link keeps the link" '[ -L "$work/link.json" ]'
check "and replaces the file it names" '"$bin" -q export data/jurisdictions | cmp -s - "$work/mode.json"'

# Standard output that cannot be written is an error, for every command that prints.
if [ -w /dev/full ]; then
  for args in "compare data/jurisdictions" "export data/jurisdictions" "score data/jurisdictions/cities/chicago.yaml" \
              "explain data/jurisdictions/cities/dallas.yaml" "check data/jurisdictions" "rubric show" "completion bash"; do
    # shellcheck disable=SC2086
    "$bin" -q $args > /dev/full 2>"$work/full.err"
    check "$args > /dev/full exits 3" '[ $? -eq 3 ]'
    check "$args > /dev/full says so" 'grep -q "cannot write to standard output" "$work/full.err"'
  done
fi
"$bin" -q compare data/jurisdictions >&- 2>"$work/closed.err"
check "compare with standard output closed exits 3" '[ $? -eq 3 ]'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
