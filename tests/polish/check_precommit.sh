#!/usr/bin/env bash
# The pre-commit hooks (.pre-commit-hooks.yaml) in a small data repository, run by the
# pre-commit framework itself (pre-commit try-repo, which also takes uncommitted changes of
# this repository): a broken file fails the hook with its FILE:LINE:COL, a fixed one passes.
# Usage: check_precommit.sh SCORECARD_BINARY SOURCE_DIR. Skips (77) without pre-commit, or
# when SOURCE_DIR is not a git repository (a source tarball).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
command -v pre-commit >/dev/null 2>&1 || { echo "pre-commit is not installed: skipped"; exit 77; }
git -C "$source_dir" rev-parse --git-dir >/dev/null 2>&1 || { echo "$source_dir is not a git repository: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }

# The hook runs the scorecard on PATH, as an installed one would be.
mkdir -p "$work/bin"
ln -s "$bin" "$work/bin/scorecard"
export PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/cache" PRE_COMMIT_COLOR=never
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@test.invalid GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@test.invalid
unset CI GITHUB_ACTIONS

# A data repository: a city, the county that runs its jail, a workflow and pre-commit's own
# configuration (YAML that is not a jurisdiction), and a broken file.
repo=$work/data
mkdir -p "$repo/jurisdictions/cities" "$repo/jurisdictions/counties" "$repo/.github/workflows"
cp "$source_dir/data/jurisdictions/cities/chicago.yaml" "$repo/jurisdictions/cities/"
cp "$source_dir/data/jurisdictions/counties/cook-county.yaml" "$repo/jurisdictions/counties/"
printf 'on: push\njobs: {}\n' > "$repo/.github/workflows/ci.yml"
printf 'repos: []\n' > "$repo/.pre-commit-config.yaml"
cp "$source_dir/tests/e2e/fixtures/broken.yaml" "$repo/jurisdictions/cities/broken.yaml"
git -C "$repo" init -q
git -C "$repo" add -A
try() { (cd "$repo" && pre-commit try-repo "$source_dir" "$@" 2>&1); }

out=$(try scorecard-validate --all-files); rc=$?
check "the hook fails on a broken file" '[ "$rc" -eq 1 ] && [[ "$out" == *"scorecard validate (changed jurisdiction files)"*Failed* ]]'
check "and says where, as FILE:LINE:COL" '[[ "$out" == *"jurisdictions/cities/broken.yaml:"[0-9]*:[0-9]*": error: "* ]]'
check "it leaves the workflow and pre-commit's configuration alone" '[[ "$out" != *".github/"* && "$out" != *".pre-commit-config.yaml:"* ]]'
out=$(try scorecard-validate --files jurisdictions/cities/chicago.yaml); rc=$?
check "a good file passes" '[ "$rc" -eq 0 ] && [[ "$out" == *Passed* ]]'
out=$(try scorecard-validate-all --all-files); rc=$?
check "the whole-data-set hook fails on the broken file too" '[ "$rc" -eq 1 ] && [[ "$out" == *"broken.yaml:"*"error: "* ]]'

git -C "$repo" rm -q -f jurisdictions/cities/broken.yaml
out=$(try scorecard-validate --all-files); rc=$?
check "with the file removed, the hook passes" '[ "$rc" -eq 0 ] && [[ "$out" == *Passed* ]]'
out=$(try scorecard-validate-all --all-files); rc=$?
check "and so does the whole-data-set hook, which loads the county with the city" \
  '[ "$rc" -eq 0 ] && [[ "$out" == *Passed* ]]'
# A repository's own configuration, with --strict in args: a city alone (its county not
# loaded with it) has warnings, which then fail. The hooks file is read at the commit rev.
cat > "$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $source_dir
    rev: $(git -C "$source_dir" rev-parse HEAD)
    hooks:
      - id: scorecard-validate
        args: [--strict]
EOF
git -C "$repo" add -A
out=$(cd "$repo" && pre-commit run --files jurisdictions/cities/chicago.yaml 2>&1); rc=$?
check "a repository's own configuration runs it, --strict making the lone city's warnings fail" \
  '[ "$rc" -eq 1 ] && [[ "$out" == *"jurisdictions/cities/chicago.yaml:"*": error: jail authority \"cook-county\" is not among the files loaded"* ]]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
