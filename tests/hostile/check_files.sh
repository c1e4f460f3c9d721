#!/usr/bin/env bash
# Hostile files and hostile conditions: link loops, broken links, huge files, devices as
# outputs, a file-size limit, a full disk, and runs interrupted mid-write. Every case must
# end in a clear error (exit 3), never leave a partial or temporary file, and never touch
# an existing output. Usage: check_files.sh SCORECARD_BINARY REPO_ROOT
set -u
bin=$1 root=$2
work=$(mktemp -d)
cleanup() { mountpoint -q "$work/tiny" 2>/dev/null && umount "$work/tiny"; chmod -R u+w "$work"; rm -rf "$work"; }
trap cleanup EXIT
cd "$root" || exit 1
passed=0 failed=0 skipped=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }
skip() { skipped=$((skipped + 1)); echo "skipped: $1"; }
run() { "$bin" -q "$@" >"$work/out" 2>"$work/err"; echo $? >"$work/rc"; }
rc() { cat "$work/rc"; }
err() { cat "$work/err"; }
no_temp() { [ -z "$(find "$work" -name '.*.tmp-*' 2>/dev/null)" ]; }

# Paths that do not resolve.
ln -s loop-b "$work/loop-a.yaml"; ln -s loop-a.yaml "$work/loop-b"
run validate "$work/loop-a.yaml"
check "a symbolic link loop exits 3" '[ "$(rc)" = 3 ]'
check "and says so" '[ "$(err)" = "$work/loop-a.yaml: error: symbolic link loop" ]'
mkdir "$work/links"; ln -s missing.yaml "$work/links/dangling.yaml"; ln -s .. "$work/links/up"
cp data/jurisdictions/cities/louisville.yaml "$work/links/"
run validate "$work/links"
check "a broken link inside a directory is reported" \
  '[ "$(err)" = "$work/links/dangling.yaml: error: broken symbolic link (to \"missing.yaml\", which does not exist)" ]'
check "a directory link back up is not followed (no loop, no duplicate)" '[ "$(rc)" = 3 ] && [ "$(grep -c louisville "$work/err")" = 0 ]'

# A huge file is refused before it is read; a FIFO is read only up to the limit.
truncate -s 17M "$work/huge.yaml"
run validate "$work/huge.yaml"
check "a 17 MiB file is refused" '[ "$(rc)" = 3 ] && grep -q "over the 16 MiB limit for one YAML file" "$work/err"'
# JSON exports are sized for a whole data set: a 40 MB baseline is read; a file over
# 512 MiB, or one with more values than an export could hold, is refused before parsing.
"$bin" -q export data/jurisdictions -o "$work/small.json"
python3 - "$work/small.json" "$work/big-export.json" <<'PY'
import copy, json, sys
doc = json.load(open(sys.argv[1]))
base = doc["jurisdictions"]
doc["jurisdictions"] = []
for n in range(8000):
    j = copy.deepcopy(base[n % len(base)])
    j["id"] = f"{j['id']}-{n}"
    j["file"] = f"data/{j['id']}.yaml"
    doc["jurisdictions"].append(j)
json.dump(doc, open(sys.argv[2], "w"), indent=2)
PY
check "the big export is over 16 MiB" '[ "$(stat -c %s "$work/big-export.json")" -gt 40000000 ]'
run diff "$work/big-export.json" "$work/big-export.json"
check "a 40 MB export is read as a diff input" '[ "$(rc)" = 0 ] && grep -q "diff: 0 changed, 0 added, 0 removed, 8000 unchanged" "$work/out"'
truncate -s 513M "$work/huge.json"
run diff "$work/huge.json" data/jurisdictions
check "a 513 MiB export is refused" '[ "$(rc)" = 3 ] && grep -qx "$work/huge.json: error: file is 537919488 bytes, over the 512 MiB limit for a JSON export" "$work/err"'
python3 -c "import sys; open(sys.argv[1], 'w').write('[' + '0,' * 20000001 + '0]')" "$work/zeros.json"
run diff "$work/zeros.json" data/jurisdictions
check "a JSON file of 20 million values is refused before parsing" \
  '[ "$(rc)" = 3 ] && grep -qF "$work/zeros.json:1:40000001: error: the file holds more than 20,000,000 JSON values" "$work/err"'
# An object of 300,000 keys: refused before parsing (kept in order, each key is found by a
# walk over the others: parsing it took minutes).
python3 -c "import sys; open(sys.argv[1], 'w').write('{' + ','.join('\"k%x\":0' % i for i in range(300000)) + '}')" "$work/keys.json"
timeout 20 "$bin" -q diff "$work/keys.json" "$work/keys.json" >/dev/null 2>"$work/err"; echo $? >"$work/rc"
check "a JSON object of 300,000 keys is refused in seconds, not minutes" \
  '[ "$(rc)" = 3 ] && grep -qF "keys.json:1:2040: error: an object holds more than 256 keys; an export" "$work/err"'
rm -f "$work/huge.json" "$work/zeros.json" "$work/big-export.json" "$work/keys.json"
mkfifo "$work/pipe.yaml"
(head -c 17000000 /dev/zero | tr "\0" "a" > "$work/pipe.yaml") &
run validate "$work/pipe.yaml"
wait
check "an endless pipe is cut off at the limit" '[ "$(rc)" = 3 ] && grep -q "over the 16 MiB limit" "$work/err"'

# Unreadable input (root reads everything, so only as another user).
if [ "$(id -u)" != 0 ]; then
  cp data/jurisdictions/cities/dallas.yaml "$work/secret.yaml"; chmod 000 "$work/secret.yaml"
  run validate "$work/secret.yaml"
  check "an unreadable file exits 3 with a reason" '[ "$(rc)" = 3 ] && grep -q "cannot be read" "$work/err"'
else
  skip "unreadable files (running as root)"
fi

# Outputs that must not be replaced.
run export data/jurisdictions -o /dev/null
check "a device as output is refused" '[ "$(rc)" = 3 ] && grep -q "is not a regular file" "$work/err"'
check "and /dev/null is still a device" '[ -c /dev/null ]'
mkdir "$work/adir"
run export data/jurisdictions -o "$work/adir"
check "a directory as output is refused" '[ "$(rc)" = 3 ] && [ -d "$work/adir" ]'
"$bin" -q export data/jurisdictions -o "$work/keep.json"
before=$(sha256sum < "$work/keep.json")

# A failing writer: the file-size limit makes write() fail with EFBIG.
(ulimit -f 8; "$bin" -q export data/jurisdictions -o "$work/keep.json" >"$work/out" 2>"$work/err"; echo $? >"$work/rc")
check "a write that fails (ulimit -f) exits 3" '[ "$(rc)" = 3 ] && grep -q "File too large" "$work/err"'

# Out of memory on a worker thread ends as on one thread: a message and exit 71, never an abort.
mkdir "$work/many"
for i in $(seq 1 200); do
  mkdir "$work/many/$i"
  for f in data/jurisdictions/*/*.yaml; do sed "s/^id: \(.*\)$/id: \1-$i/" "$f" > "$work/many/$i/$(basename "$f")"; done
done
for jobs in 1 4; do
  # g++ links AddressSanitizer's runtime as a library, clang into the binary.
  if ldd "$bin" 2>/dev/null | grep -q libasan || nm -D "$bin" 2>/dev/null | grep -q " __asan_init"; then skip "out of memory with -j $jobs (AddressSanitizer reserves more than the limit)"; continue; fi
  (ulimit -v 20000; "$bin" -q -j $jobs export "$work/many" >/dev/null 2>"$work/err"; echo $? >"$work/rc")
  check "out of memory with -j $jobs exits 71 and says so" '[ "$(rc)" = 71 ] && grep -q "error: out of memory" "$work/err"'
done
check "and leaves the old file and no temporary file" '[ "$(sha256sum < "$work/keep.json")" = "$before" ] && no_temp'

# A full disk, where a tiny tmpfs can be mounted.
mkdir "$work/tiny"
if mount -t tmpfs -o size=16k tmpfs "$work/tiny" 2>/dev/null; then
  echo "old" > "$work/tiny/out.json"
  run export data/jurisdictions -o "$work/tiny/out.json"
  check "a full disk exits 3" '[ "$(rc)" = 3 ] && grep -q "No space left on device" "$work/err"'
  check "and leaves the old file and no temporary file" '[ "$(cat "$work/tiny/out.json")" = old ] && no_temp'
  umount "$work/tiny"
else
  skip "full disk (cannot mount a tmpfs here)"
fi

# Interrupted runs: strace holds the process in fsync (after the temporary file is written,
# before the rename) while it is sent SIGINT or SIGTERM.
if command -v strace >/dev/null && strace -f -qq -o /dev/null true 2>/dev/null; then
  for signal in INT TERM; do
    strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=2000000 \
      "$bin" -q export data/jurisdictions -o "$work/keep.json" >/dev/null 2>&1 &
    tracer=$!
    for _ in $(seq 50); do [ -n "$(find "$work" -name '.keep.json.tmp-*')" ] && break; sleep 0.05; done
    check "SIG$signal: the temporary file exists mid-write" '[ -n "$(find "$work" -name ".keep.json.tmp-*")" ]'
    pkill -"$signal" -f "^$bin -q export data/jurisdictions -o $work/keep.json" 
    wait $tracer 2>/dev/null
    check "SIG$signal: no temporary file is left" 'no_temp'
    check "SIG$signal: the old output is untouched" '[ "$(sha256sum < "$work/keep.json")" = "$before" ]'
  done
else
  skip "interrupted runs (strace cannot trace here)"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
