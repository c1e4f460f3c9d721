#!/usr/bin/env bash
# The Debian package as a user gets it: lintian accepts it, its fields and files are the
# ones docs/building.md lists, and once unpacked its binary runs on its own data, man page
# and completions included. make test-package runs it after make package.
# Usage: check_deb.sh PACKAGE_BUILD_DIR
set -u
build=$1
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb="$build/policy-scorecard_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "no package $deb: run make package first"; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi; }
field() { dpkg-deb -f "$deb" "$1"; }

# lintian: no error and no warning (informational tags are shown, not counted).
lintian_out=$(lintian --fail-on error,warning --tag-display-limit 0 --display-info "$deb" 2>&1); lintian_rc=$?
printf '%s\n' "$lintian_out" | grep -v "running with root privileges" | sed '/^$/d; s/^/  lintian: /'
check "lintian reports no error and no warning (and ran)" \
  '[ "$lintian_rc" -eq 0 ] && ! printf "%s\n" "$lintian_out" | grep -q "^[EW]: "'

check "the package is policy-scorecard at the project's version" \
  '[ "$(field Package)" = policy-scorecard ] && [ "$(field Version)" = "$version" ]'
# Read off the binary by dpkg-shlibdeps: the two shared libraries it links, and no header-only one.
check "it depends on yaml-cpp 0.7 and fmt 9, read off the binary" \
  '[[ "$(field Depends)" == *"libyaml-cpp0.7"* && "$(field Depends)" == *"libfmt9"* && "$(field Depends)" != *cli11* ]]'
# The long text whole, its semicolon included (a CMake list step once dropped it).
check "its description has a synopsis and the whole long text" \
  '[ "$(field Description | head -1)" = "rate local policies on immigration enforcement" ] && [[ "$(field Description | tr -d "\n")" == *"scorecard of 12 cities; the package brings the bundled jurisdiction files and the JSON Schemas." ]]'

dpkg-deb -x "$deb" "$root"
usr=$root/usr
check "every file is under /usr" '[ "$(ls "$root")" = usr ]'
check "every file belongs to root" '! dpkg-deb -c "$deb" | grep -v " root/root "'
check "the binary is installed and stripped" \
  '[ -x "$usr/bin/scorecard" ] && file "$usr/bin/scorecard" | grep -q ", stripped"'
check "it runs, at the package's version" '[ "$("$usr/bin/scorecard" --version)" = "scorecard (policy-scorecard) $version" ]'
jurisdictions=$usr/share/policy-scorecard/data/jurisdictions
check "it validates the installed data" '"$usr/bin/scorecard" -q validate "$jurisdictions" >/dev/null 2>&1'
check "it rates every installed jurisdiction file" \
  '[ "$("$usr/bin/scorecard" -q compare "$jurisdictions" --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)[\"jurisdictions\"]))")" = "$(find "$jurisdictions" -name "*.yaml" | wc -l)" ]'
check "it reads the installed rubric" \
  '"$usr/bin/scorecard" -q --rubric "$usr/share/policy-scorecard/data/rubrics/cpd-ice.yaml" rubric check >/dev/null'
check "the schemas are installed where the data files' modelines lead" \
  '[ -f "$usr/share/policy-scorecard/docs/schema/jurisdiction.schema.json" ] && head -1 "$jurisdictions/cities/chicago.yaml" | grep -qF "../../../docs/schema/jurisdiction.schema.json"'
check "the man page is installed, compressed, and renders" \
  'MANWIDTH=80 man -l "$usr/share/man/man1/scorecard.1.gz" 2>/dev/null | grep -q "scorecard compare"'
check "it names the package's own paths" \
  'MANWIDTH=80 man -l "$usr/share/man/man1/scorecard.1.gz" 2>/dev/null | grep -q "^ *the documentation is in /usr/share/doc/policy-scorecard\|^ */usr/share/doc/policy-scorecard$"'
check "the bash, zsh and fish completions are where Debian's shells read them" \
  '[ -f "$usr/share/bash-completion/completions/scorecard" ] && [ -f "$usr/share/zsh/vendor-completions/_scorecard" ] && [ -f "$usr/share/fish/vendor_completions.d/scorecard.fish" ]'
check "the bash completion completes a command" \
  '[[ "$(bash -c "source \"$usr/share/bash-completion/completions/scorecard\"; COMP_WORDS=(scorecard comp); COMP_CWORD=1; _scorecard; printf \"%s \" \"\${COMPREPLY[@]}\"")" == *compare* ]]'
docs=$usr/share/doc/policy-scorecard
check "the copyright file, the changelog and the documentation are installed" \
  '[ -f "$docs/copyright" ] && zcat "$docs/changelog.gz" | head -1 | grep -qF "policy-scorecard ($version)" && [ -f "$docs/cli.md" ] && [ -f "$docs/README.md" ]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
