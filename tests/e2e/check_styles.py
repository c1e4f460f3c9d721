#!/usr/bin/env python3
"""The same data in any YAML style reads the same.

Every bundled jurisdiction file, and the rubric, is rewritten in many legitimate YAML styles
(block and flow collections, plain, single- and double-quoted, literal and folded scalars,
anchors and aliases, tags, comments everywhere, 4-space indentation, explicit document
markers, JSON, a byte-order mark, CRLF and CR line ends), and `scorecard export --format
json` of each rewrite must be byte for byte the export of the original. The rewrites are made
with PyYAML (Debian's python3-yaml), which reads each one back to check it holds the same
data before scorecard is asked.

Usage: check_styles.py SCORECARD_BINARY PROJECT_ROOT [WORK_DIR]
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml


class StringLoader(yaml.SafeLoader):
    """Reads every scalar as a string, except null: as scorecard does (yes is not true)."""


StringLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text):
    return yaml.load(text, Loader=StringLoader)


def dump(data, **options):
    options.setdefault("sort_keys", False)
    options.setdefault("allow_unicode", True)
    return yaml.dump(data, Dumper=yaml.SafeDumper, **options)


def shared(data):
    """The data with equal lists and mappings made one object, which PyYAML writes as an
    anchor (&id001) and aliases (*id001)."""
    seen = {}

    def walk(node):
        if isinstance(node, dict):
            node = {k: walk(v) for k, v in node.items()}
        elif isinstance(node, list):
            node = [walk(v) for v in node]
        else:
            return node
        key = json.dumps(node, sort_keys=True)
        return seen.setdefault(key, node)

    return walk(copy.deepcopy(data))


def with_comments(text):
    """text (block style, one value a line) with a comment line between every two lines and
    a comment after every value or key that ends a line, outside multi-line scalars."""
    inside = set()  # lines that continue a scalar begun on an earlier line
    ends = {}  # line -> column where a one-line value or key ends
    for event in yaml.parse(text, Loader=StringLoader):
        start, end = event.start_mark, event.end_mark
        if isinstance(event, yaml.ScalarEvent):
            if event.style in ("|", ">"):
                inside.update(range(start.line + 1, end.line + 1))
            else:
                inside.update(range(start.line + 1, end.line + 1))
                if start.line == end.line:
                    ends[end.line] = end.column
    out = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if number not in inside and number > 0:
            out.append("# a comment line")
        if number in ends and line[ends[number]:].strip() == "" and (number + 1) not in inside:
            line += "   # a comment after a value"
        elif line.rstrip().endswith(":") and (number + 1) not in inside:
            line += "  # a comment after a key"
        out.append(line)
    return "# a first comment\n" + "\n".join(out)


def styles(text):
    """(name, rewritten text) for every style."""
    data = load(text)
    block = dump(data, default_flow_style=False, width=10**6)
    anchored = dump(shared(data), default_flow_style=False)
    variants = [
        ("block, long values wrapped over lines", dump(data, default_flow_style=False, width=40)),
        ("block, 4 spaces", dump(data, default_flow_style=False, indent=4, width=10**6)),
        ("flow collections", dump(data, default_flow_style=True, width=72)),
        ("double-quoted", dump(data, default_style='"')),
        ("single-quoted", dump(data, default_style="'")),
        ("literal block scalars", dump(data, default_style="|")),
        ("folded block scalars", dump(data, default_style=">")),
        ("canonical: tags, explicit keys, ---", dump(data, canonical=True)),
        ("anchors and aliases", anchored),
        ("comments everywhere", with_comments(block)),
        ("%YAML 1.2, --- and ...", "%YAML 1.2\n---\n" + block + "...\n"),
        ("JSON", json.dumps(data, indent=2, ensure_ascii=False) + "\n"),
        ("a byte-order mark and CRLF", "\ufeff" + text.replace("\n", "\r\n")),
        ("CR line ends", text.replace("\n", "\r")),
        ("no line end at the end", text.rstrip("\n")),
    ]
    if "&id" not in anchored or "*id" not in anchored:
        variants.remove(("anchors and aliases", anchored))
    return data, variants


def export(binary, args, cwd=None):
    proc = subprocess.run([binary, "-q"] + args + ["--format", "json"], capture_output=True, text=True, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


def main():
    binary, root = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="scorecard-styles-")
    os.makedirs(work, exist_ok=True)
    data_dir = os.path.join(root, "data", "jurisdictions")
    rubric = os.path.join(root, "data", "rubrics", "cpd-ice.yaml")
    failures = []
    checked = 0

    # Every jurisdiction file at once, one directory per style.
    base = export(binary, ["export", "data/jurisdictions"])
    names = sorted(f for f in os.listdir(data_dir) if f.endswith(".yaml"))
    per_style = {}
    for name in names:
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            text = f.read()
        data, variants = styles(text)
        for style, rewritten in variants:
            if load(rewritten.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")) != data:
                failures.append(f"{name}, {style}: the rewrite does not hold the same data (generator bug)")
                continue
            per_style.setdefault(style, []).append((name, rewritten))
    for number, (style, files) in enumerate(per_style.items()):
        folder = os.path.join(work, f"style-{number:02d}", "jurisdictions")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for name, rewritten in files:
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
                f.write(rewritten)
        # Run from the work folder with a relative path: exports keep relative paths as given.
        relative = os.path.relpath(folder, work)
        rc, out, err = export(binary, ["export", relative], cwd=work)
        out = out.replace(relative, "data/jurisdictions")
        checked += len(files)
        if len(files) != len(names):
            continue  # reported above
        if (rc, out) != base[:2]:
            first = err.splitlines()[0] if err else "(no message)"
            failures.append(f"jurisdictions, {style}: export differs (exit {rc}; {first})")

    # The rubric, in every style, must rate the bundled data as the built-in one does.
    with open(rubric, encoding="utf-8") as f:
        text = f.read()
    data, variants = styles(text)
    for number, (style, rewritten) in enumerate(variants):
        if load(rewritten.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")) != data:
            failures.append(f"rubric, {style}: the rewrite does not hold the same data (generator bug)")
            continue
        path = os.path.join(work, f"rubric-{number:02d}.yaml")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(rewritten)
        rc, out, err = export(binary, ["--rubric", path, "export", "data/jurisdictions"])
        checked += 1
        if (rc, out) != base[:2]:
            first = err.splitlines()[0] if err else "(no message)"
            failures.append(f"rubric, {style}: export differs (exit {rc}; {first})")

    for failure in failures:
        print("FAILED:", failure)
    print(f"{checked} rewrites in {len(per_style)} styles checked, {len(failures)} failed")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    os.chdir(sys.argv[2])
    sys.exit(main())
