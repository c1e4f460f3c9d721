#!/usr/bin/env bash
# make install into a temporary prefix, then use what was installed.
# Usage: check_install.sh BUILD_DIR
set -u
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }
cmake --install "$build" --prefix "$prefix" >/dev/null
check "the binary is installed and runs" '"$prefix/bin/scorecard" --version | grep -q "^scorecard (policy-scorecard) "'
check "it works from anywhere, with the rubric built in" '(cd / && "$prefix/bin/scorecard" rubric check >/dev/null)'
check "the bundled data is under share/" \
  '[ "$("$prefix/bin/scorecard" -q compare "$prefix/share/policy-scorecard/data/jurisdictions" --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)[\"jurisdictions\"]))")" = "$(find "$prefix/share/policy-scorecard/data/jurisdictions" -name "*.yaml" | wc -l)" ] && [ -d "$prefix/share/policy-scorecard/data/jurisdictions/counties" ]'
check "the rubric and the schemas are installed" \
  '[ -f "$prefix/share/policy-scorecard/data/rubrics/cpd-ice.yaml" ] && [ -f "$prefix/share/policy-scorecard/docs/schema/scorecard.schema.json" ]'
# Each installed data file's schema modeline names a file that is installed.
modelines_resolve() {
  local file line target bad=0
  while IFS= read -r file; do
    line=$(head -1 "$file")
    [[ "$line" == "# yaml-language-server: \$schema="* ]] || continue
    target="$(dirname "$file")/${line#*\$schema=}"
    [ -f "$target" ] || { echo "  $file: $target is missing"; bad=1; }
  done < <(find "$prefix/share/policy-scorecard/data" -name "*.yaml")
  [ "$bad" -eq 0 ]
}
check "installed data files' schema modelines lead to installed schemas" modelines_resolve
check "the documentation is installed" \
  '[ -f "$prefix/share/doc/policy-scorecard/cli.md" ] && [ -f "$prefix/share/doc/policy-scorecard/README.md" ]'
man_page=$prefix/share/man/man1/scorecard.1.gz
check "the man page is installed, compressed as Debian wants" 'zcat "$man_page" | head -1 | grep -q "^.TH SCORECARD 1"'
check "it points at the installed documentation, under PREFIX" \
  'zcat "$man_page" | grep -qF "\\fIPREFIX\\fR/share/doc/policy\\-scorecard/cli.md"'  # troff writes - as \-
if command -v man >/dev/null 2>&1; then
  check "and renders" 'MANWIDTH=80 man -l "$man_page" 2>/dev/null | grep -q "scorecard compare"'
fi
check "the copyright file and the changelog are installed" \
  '[ -f "$prefix/share/doc/policy-scorecard/copyright" ] && zcat "$prefix/share/doc/policy-scorecard/changelog.gz" | head -1 | grep -q "^policy-scorecard ("'
# Relocatable: no installed file names the source or build folder, and a staged install
# (DESTDIR, as packagers do) puts the same files under the stage.
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
check "no installed file names the source or build folder" \
  '! grep -rlF -e "$source_dir" -e "$(cd "$build" && pwd)" "$prefix/share"'
stage=$(mktemp -d)
trap 'rm -rf "$prefix" "$stage"' EXIT
DESTDIR=$stage cmake --install "$build" --prefix /opt/policy-scorecard >/dev/null
check "DESTDIR stages the same files under the prefix given" \
  '[ "$(cd "$prefix" && find . -type f | sort)" = "$(cd "$stage/opt/policy-scorecard" && find . -type f | sort)" ]'
check "and the staged binary runs on its staged data" \
  '"$stage/opt/policy-scorecard/bin/scorecard" -q validate "$stage/opt/policy-scorecard/share/policy-scorecard/data/jurisdictions" >/dev/null 2>&1'

# zsh's folder under a prefix other than /usr (Debian's zsh reads vendor-completions there).
check "bash, zsh and fish completions are installed" \
  '[ -f "$prefix/share/bash-completion/completions/scorecard" ] && [ -f "$prefix/share/zsh/site-functions/_scorecard" ] && [ -f "$prefix/share/fish/vendor_completions.d/scorecard.fish" ]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
