#!/usr/bin/env python3
"""The man page and docs/cli.md describe every command and option that --help lists.
Usage: check_docs.py SCORECARD_BINARY REPO_ROOT"""
import re
import subprocess
import sys


def main():
    binary, root = sys.argv[1], sys.argv[2]
    helps = {"": subprocess.run([binary, "--help"], capture_output=True, text=True).stdout}
    commands = re.findall(r"^  (\w+)\s{2,}", helps[""].split("Subcommands:")[1], re.M)
    for c in commands:
        helps[c] = subprocess.run([binary, c, "--help"], capture_output=True, text=True).stdout
    man = subprocess.run([binary, "manpage"], capture_output=True, text=True).stdout.replace("\\-", "-")
    cli = open(f"{root}/docs/cli.md", encoding="utf-8").read()
    passed, failed = 0, 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAILED:", what)

    check(len(commands) >= 10, f"--help lists the commands ({commands})")
    for command, text in helps.items():
        options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", text))
        if command:
            check(f"scorecard {command}" in man, f"the man page has a section for {command}")
            check(f"`{command}" in cli or f"### `{command}" in cli, f"docs/cli.md describes {command}")
        for option in sorted(options - {"--help"}):
            check(option in man, f"the man page lists {command or 'global'} {option}")
            check(option in cli, f"docs/cli.md mentions {command or 'global'} {option}")
    # docs/architecture.md has a line for every source file.
    import os
    architecture = open(f"{root}/docs/architecture.md", encoding="utf-8").read()
    for folder in ("src", "include/scorecard"):
        for dirpath, _, files in os.walk(f"{root}/{folder}"):
            for name in files:
                stem = os.path.splitext(name)[0]
                named = f"`{name}`" in architecture or f"`{stem}.hpp/.cpp`" in architecture or \
                    f"{name}`" in architecture or f"`{stem}.hpp/.cpp`" in architecture
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                check(named, f"docs/architecture.md names {rel}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
