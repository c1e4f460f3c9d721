#!/usr/bin/env python3
"""Export checks that need a reference implementation: JSON Schema validation (the
reference `jsonschema` package), CSV parsing (Python's csv module) and a Markdown table
parser. Run by CTest as: check_exports.py CHECK SCORECARD_BINARY REPO_ROOT

Checks: export-validates, export-paths, export-deterministic, export-schema-rejects-broken,
report-schemas, junit-schema, jurisdiction-schema-current, jurisdiction-schema-validates,
csv-roundtrip, markdown-roundtrip.
"""
import copy
import csv
import io
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml

FIXTURES = "tests/e2e/fixtures"
HOSTILE = f"{FIXTURES}/hostile/hostile.yaml"
DATA = "data/jurisdictions"


class Checks:
    def __init__(self, binary, root):
        self.binary, self.root = binary, root
        self.passed, self.failed = 0, 0

    def run(self, *args, rc=0):
        proc = subprocess.run([self.binary, "-q", *args], cwd=self.root, capture_output=True)
        if proc.returncode != rc:
            raise AssertionError(f"scorecard {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()}")
        return proc.stdout

    def expect(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAILED: {what}")

    def schema(self, name):
        with open(os.path.join(self.root, "docs/schema", name), encoding="utf-8") as f:
            return json.load(f)

    # -- JSON export --------------------------------------------------------------------
    def exports(self):
        """(description, JSON text) for a spread of real invocations."""
        return [
            ("export of the bundled data", self.run("export", DATA)),
            ("export with --timestamp", self.run("export", DATA, "--timestamp")),
            ("export with filters and sort", self.run("export", DATA, "--filter", "state=CA,IL", "--filter",
                                                      "tier<=2", "--sort", "population", "--reverse")),
            ("export of no jurisdiction", self.run("export", DATA, "--filter", "state=ZZ")),
            ("compare --format json", self.run("compare", DATA, "--format", "json")),
            ("score --format json with computed tiers", self.run("score", "--format", "json",
                                                                  f"{FIXTURES}/answers-only.yaml")),
            ("export of the hostile fixture", self.run("export", HOSTILE)),
            ("export with what-ifs (origin what_if)", self.run("export", DATA, "--what-if", "custody=1", "--what-if",
                                                              "interviews.ice_access_prohibited=any_conviction")),
            ("export under another rubric", self.run("--rubric", f"{FIXTURES}/mini-rubric.yaml", "export",
                                                     f"{FIXTURES}/mini-a.yaml")),
        ]

    def check_export_validates(self):
        validator = jsonschema.Draft202012Validator(self.schema("scorecard.schema.json"))
        jsonschema.Draft202012Validator.check_schema(validator.schema)
        for what, text in self.exports():
            errors = sorted(validator.iter_errors(json.loads(text)), key=str)
            self.expect(not errors, f"{what} validates: {errors[0].message if errors else ''}")

    def check_export_paths(self):
        """Published outputs hold no absolute path: a home directory never reaches a public page."""
        inside = os.path.join(os.path.abspath(self.root), DATA, "cities/chicago.yaml")
        doc = json.loads(self.run("export", inside))
        self.expect(doc["jurisdictions"][0]["file"] == f"{DATA}/cities/chicago.yaml",
                    f"an absolute path below the working directory becomes relative: {doc['jurisdictions'][0]['file']}")
        import shutil
        import tempfile
        outside = tempfile.mkdtemp()
        try:
            shutil.copy(os.path.join(self.root, DATA, "cities", "dallas.yaml"), outside)
            page = self.run("export", os.path.join(outside, "dallas.yaml"), "--format", "html").decode("utf-8")
            self.expect(outside not in page, "an absolute path outside it does not reach the page")
            doc = json.loads(self.run("export", os.path.join(outside, "dallas.yaml")))
            self.expect(outside not in json.dumps(doc), "nor the JSON export")
            self.expect(doc["jurisdictions"][0]["file"] == "dallas.yaml", "only its file name does")
        finally:
            shutil.rmtree(outside)

    def check_export_deterministic(self):
        for what, args in [("export", ["export", DATA]), ("csv", ["export", DATA, "--format", "csv"]),
                           ("markdown", ["export", DATA, "--format", "markdown"])]:
            self.expect(self.run(*args) == self.run(*args), f"{what} is byte-identical across runs")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        stamped = subprocess.run([self.binary, "-q", "export", DATA, "--timestamp"], cwd=self.root, env=env,
                                 capture_output=True, check=True).stdout
        self.expect(json.loads(stamped)["generated_at"] == "2023-11-14T22:13:20Z",
                    "--timestamp honours SOURCE_DATE_EPOCH")
        self.expect("generated_at" not in json.loads(self.run("export", DATA)), "no timestamp unless asked")

    def check_export_schema_rejects_broken(self):
        def first_computed(d):
            for j in d["jurisdictions"]:
                for c in j["criteria"].values():
                    if c["computed"] is not None:
                        return c["computed"]
            raise AssertionError("no computed criterion in the bundled export")

        validator = jsonschema.Draft202012Validator(self.schema("scorecard.schema.json"))
        good = json.loads(self.run("export", DATA))
        mutations = {
            "tier 0": lambda d: d["jurisdictions"][0]["overall"].__setitem__("tier", 0),
            "missing summary": lambda d: d.pop("summary"),
            "unknown top-level key": lambda d: d.__setitem__("extra", 1),
            "bad origin": lambda d: d["jurisdictions"][0]["criteria"]["custody"].__setitem__("origin", "guessed"),
            "population as text": lambda d: d["jurisdictions"][0].__setitem__("population", "2,722,586"),
            "source without url key": lambda d: d["jurisdictions"][1]["criteria"]["custody"]["sources"][0].pop("url"),
            "javascript url": lambda d: d["jurisdictions"][1]["criteria"]["custody"]["sources"][0].__setitem__(
                "url", "javascript:alert(1)"),
            "schema_version 5": lambda d: d.__setitem__("schema_version", 5),
            "schema_version 3": lambda d: d.__setitem__("schema_version", 3),
            "schema_version 1": lambda d: d.__setitem__("schema_version", 1),
            "a gate in words": lambda d: d["jurisdictions"][0]["overall"]["gates"].append(
                "tier 1 requires Custody at tier 1 or better (it is 3)"),
            "a gate without its criterion": lambda d: d["jurisdictions"][0]["overall"]["gates"].append(
                {"tier": 1, "required": 1, "actual": 3}),
            "a rule condition in words": lambda d: first_computed(d)["conditions"].append(
                "detainer_hold_prohibited is any_conviction"),
            "the old reasons field": lambda d: first_computed(d).__setitem__("reasons", []),
        }
        self.expect(validator.is_valid(good), "the unmodified export is valid")
        for what, mutate in mutations.items():
            broken = copy.deepcopy(good)
            mutate(broken)
            self.expect(not validator.is_valid(broken), f"an export with {what} is rejected")

    # -- check, diff and explain --------------------------------------------------------
    def check_report_schemas(self):
        """The published schemas of the other JSON reports accept real reports and reject
        results said in words instead of objects."""
        import shutil
        import tempfile
        work = tempfile.mkdtemp()
        try:
            baseline, data = self.changed_copy(work, {"cities/chicago.yaml": ("  custody:\n    since: 2011-09-07\n    rating: 1",
                                                                         "  custody:\n    since: 2011-09-07\n    rating: 3")})
            shutil.copy(os.path.join(self.root, FIXTURES, "broken.yaml"), data)
            reports = {
                "check.schema.json": [
                    ("check with every kind of failure", self.run(
                        "check", data, "--baseline", baseline, "--min-tier", "2", "--require", "custody=1",
                        "--format", "json", rc=3)),
                    ("check that passes", self.run("check", DATA, "--format", "json")),
                ],
                "diff.schema.json": [
                    ("diff of two files", self.run("diff", f"{FIXTURES}/diff/old.yaml", f"{FIXTURES}/diff/new.yaml",
                                                   "--format", "json")),
                    ("diff of an export and a directory", self.run("diff", baseline, DATA, "--format", "json")),
                    ("diff of one directory at two dates", self.run("diff", DATA, "--from", "2014-01-01", "--to",
                                                                    "2015-01-01", "--format", "json")),
                ],
                "explain.schema.json": [
                    ("explain of the bundled data", self.run("explain", DATA, "--format", "json")),
                    ("explain with what-ifs", self.run("explain", DATA, "--what-if", "custody=1", "--what-if",
                                                       "interviews.ice_access_prohibited=none", "--format", "json")),
                    ("explain of answers only", self.run("explain", f"{FIXTURES}/answers-only.yaml", "--format",
                                                         "json")),
                    ("explain as of a day", self.run("explain", DATA, "--as-of", "2014-06-01", "--format", "json")),
                ],
                "history.schema.json": [
                    ("history of the bundled data", self.run("history", DATA, "--format", "json")),
                ],
            }
        finally:
            shutil.rmtree(work)
        for name, cases in reports.items():
            schema = self.schema(name)
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            for what, text in cases:
                errors = sorted(validator.iter_errors(json.loads(text)), key=str)
                self.expect(not errors, f"{what} validates against {name}: {errors[0].message if errors else ''}")
        check = json.loads(reports["check.schema.json"][0][1])
        kinds = {f["kind"] for o in check["outcomes"] for f in o["failures"]}
        # The bundled counties and states are not rated overall: not_rated too.
        self.expect(kinds == {"below_minimum", "below_requirement", "worse_than_baseline", "invalid_file", "not_rated"},
                    f"the check report has every kind of failure: {sorted(kinds)}")
        def failing(d):
            return next(o for o in d["outcomes"] if o["failures"] and o["failures"][0]["kind"] != "invalid_file")
        broken = {
            "check.schema.json": [
                ("a failure in words", check, lambda d: failing(d)["failures"].append(
                    "overall tier 3 is worse than --min-tier 2")),
                ("a failure of no kind", check, lambda d: failing(d)["failures"][0].pop("kind")),
                ("a baseline failure without its baseline tier", check, lambda d: [
                    f.pop("baseline") for o in d["outcomes"] for f in o["failures"]
                    if f["kind"] == "worse_than_baseline"]),
            ],
            "diff.schema.json": [
                ("an answer change in words", json.loads(reports["diff.schema.json"][0][1]),
                 lambda d: d["jurisdictions"][0]["answers"].append("custody.q: none -> any")),
                ("a source change in words", json.loads(reports["diff.schema.json"][0][1]),
                 lambda d: d["jurisdictions"][0]["sources_added"].append("custody: s2 S2")),
            ],
            "explain.schema.json": [
                ("a gate in words", json.loads(reports["explain.schema.json"][0][1]),
                 lambda d: d["jurisdictions"][0]["overall"]["gates"].append("tier 1 requires Custody")),
                ("arithmetic in words", json.loads(reports["explain.schema.json"][0][1]),
                 lambda d: d["jurisdictions"][0]["overall"].__setitem__("arithmetic", "(2×1) / 2 = 1")),
            ],
            "history.schema.json": [
                ("a change in words", json.loads(reports["history.schema.json"][0][1]),
                 lambda d: d["jurisdictions"][0]["events"][0]["changes"].append("custody not rated -> 2")),
                ("a cause of no kind", json.loads(reports["history.schema.json"][0][1]),
                 lambda d: d["jurisdictions"][0]["events"][0]["changes"][0]["causes"][0].__setitem__("via", "law")),
            ],
        }
        for name, cases in broken.items():
            validator = jsonschema.Draft202012Validator(self.schema(name))
            for what, doc, mutate in cases:
                copied = copy.deepcopy(doc)
                mutate(copied)
                self.expect(not validator.is_valid(copied), f"{name} rejects {what}")

    def changed_copy(self, work, edits):
        """An export of the bundled data (the baseline) and a copy of the data in work, with
        each file's text edited once: {file: (old, new)}."""
        import shutil
        baseline = os.path.join(work, "baseline.json")
        self.run("export", DATA, "-o", baseline)
        data = os.path.join(work, "data")
        shutil.copytree(os.path.join(self.root, DATA), data)
        for name, (old, new) in edits.items():
            path = os.path.join(data, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            assert old in text, f"{name} holds {old!r}"
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace(old, new, 1))
        return baseline, data

    # -- JUnit, as Jenkins' xUnit plugin reads it -------------------------------------------
    def check_junit_schema(self):
        """check --format junit validates against the schema Jenkins' xUnit plugin enforces
        (xmllint), in every situation a gate meets: invalid files, every kind of failure,
        improvements, a rename, a removal, and a pass. Each failure line leads with FILE:LINE."""
        import shutil
        import tempfile
        import xml.etree.ElementTree as ET
        xsd = os.path.join(self.root, "tests/export/jenkins-xunit-junit-10.xsd")
        work = tempfile.mkdtemp()
        try:
            baseline, data = self.changed_copy(work, {
                "cities/chicago.yaml": ("  custody:\n    since: 2011-09-07\n    rating: 1", "  custody:\n    since: 2011-09-07\n    rating: 3"),
                "cities/seattle.yaml": ("  interviews:\n    rating: 3\n", "  interviews:\n    rating: 1\n"),
                "cities/dallas.yaml": ("id: dallas", "id: dallas-tx")})
            os.remove(os.path.join(data, "cities/durham.yaml"))
            shutil.copy(os.path.join(self.root, FIXTURES, "broken.yaml"), data)
            cases = [
                ("every kind of failure, an improvement, a rename and a removal",
                 ["check", data, "--baseline", baseline, "--min-tier", "2", "--require", "custody=1"], 3),
                ("a pass", ["check", DATA], 0),
                ("no jurisdiction at all", ["check", os.path.join(data, "broken.yaml")], 3),
            ]
            for what, args, rc in cases:
                report = os.path.join(work, "report.xml")
                self.run(*args, "--format", "junit", "-o", report, rc=rc)
                proc = subprocess.run(["xmllint", "--noout", "--schema", xsd, report], capture_output=True)
                self.expect(proc.returncode == 0, f"{what}: JUnit validates against Jenkins' xUnit schema: "
                                                  f"{proc.stderr.decode()[-400:]}")
                root = ET.parse(report).getroot()
                cases_ = root.findall(".//testcase")
                self.expect(all(c.get("file") is None and c.get("time") is not None for c in cases_),
                            f"{what}: every testcase has a time and no file attribute")
                self.expect(root.get("time") is not None and root.find("testsuite").get("time") is not None,
                            f"{what}: the suites have a time")
                if rc == 3 and len(cases_) > 1:
                    chicago = next(c for c in cases_ if c.get("name") == "chicago").find("failure").text
                    self.expect(re.search(r"data/cities/chicago\.yaml:\d+: Custody is worse than in the baseline: 1 -> 3",
                                          chicago) is not None,
                                f"{what}: Chicago's failure leads with its file and line: {chicago!r}")
                    names = {c.get("name") for c in cases_}
                    self.expect({"durham", "dallas-tx"} <= names, f"{what}: the removed and renamed cases: {names}")
        finally:
            shutil.rmtree(work)

    # -- the editor schema for input files ------------------------------------------------
    def check_jurisdiction_schema_current(self):
        with open(os.path.join(self.root, "docs/schema/jurisdiction.schema.json"), "rb") as f:
            committed = f.read()
        self.expect(self.run("rubric", "schema") == committed,
                    "docs/schema/jurisdiction.schema.json equals `scorecard rubric schema` "
                    "(regenerate: build/scorecard rubric schema > docs/schema/jurisdiction.schema.json)")

    def check_jurisdiction_schema_validates(self):
        schema = self.schema("jurisdiction.schema.json")
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema)
        # cities/, counties/ and states/: every file, one directory deeper than data/jurisdictions.
        files = sorted(os.path.relpath(os.path.join(d, n), os.path.join(self.root, DATA))
                       for d, _, names in os.walk(os.path.join(self.root, DATA)) for n in names if n.endswith(".yaml"))
        self.expect(len(files) >= 25, f"at least 25 bundled files ({len(files)})")
        self.expect(sorted({os.path.dirname(f) for f in files}) == ["cities", "counties", "states"],
                    "the bundled files are in cities/, counties/ and states/")
        for name in files:
            path = os.path.join(self.root, DATA, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            self.expect(text.startswith("# yaml-language-server: $schema=../../../docs/schema/jurisdiction.schema.json\n"),
                        f"{name} starts with the schema modeline")
            errors = list(validator.iter_errors(load_yaml12(text)))
            self.expect(not errors, f"{name} validates: {errors[0].message if errors else ''}")
        for name in ["hostile/hostile.yaml", "answers-only.yaml"]:
            with open(os.path.join(self.root, FIXTURES, name), encoding="utf-8") as f:
                self.expect(validator.is_valid(load_yaml12(f.read())), f"fixture {name} validates")
        with open(os.path.join(self.root, FIXTURES, "broken.yaml"), encoding="utf-8") as f:
            self.expect(not validator.is_valid(load_yaml12(f.read())), "tests/e2e/fixtures/broken.yaml is rejected")
        with open(os.path.join(self.root, DATA, "cities/chicago.yaml"), encoding="utf-8") as f:
            chicago = load_yaml12(f.read())
        for what, mutate in {
            "an unknown criterion": lambda d: d["criteria"].__setitem__("custdy", {"rating": 1}),
            "a tier of 4": lambda d: d["criteria"]["custody"].__setitem__("rating", 4),
            "an answer outside its type": lambda d: d["criteria"]["information_sharing"]["answers"].__setitem__(
                "nonpublic_info_sharing_prohibited", "sometimes"),
            "a missing criterion": lambda d: d["criteria"].pop("contracts"),
            "a criterion with neither rating nor answers": lambda d: d["criteria"].__setitem__(
                "custody", {"note": "x"}),
            "a bad date": lambda d: d.__setitem__("reviewed", "2019-13-45"),
        }.items():
            broken = copy.deepcopy(chicago)
            mutate(broken)
            self.expect(not validator.is_valid(broken), f"chicago.yaml with {what} is rejected")

    # -- CSV and Markdown round trips -----------------------------------------------------
    def reference(self, *paths):
        return json.loads(self.run("export", *paths))

    def check_csv_roundtrip(self):
        paths = [DATA, HOSTILE]
        ref = self.reference(*paths)
        raw = self.run("export", *paths, "--format", "csv")
        self.expect(raw.endswith(b"\r\n") and b"\r\n" in raw, "CSV rows end in CRLF (RFC 4180)")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
        self.expect(len(rows) == len(ref["jurisdictions"]), "one CSV row per jurisdiction")
        criteria = [c["id"] for c in ref["rubric"]["criteria"]]
        for row, j in zip(rows, ref["jurisdictions"]):
            self.expect(unneutralise(row["name"]) == j["name"], f"name of {j['id']} round-trips: {row['name']!r}")
            self.expect(row["population"] == ("" if j["population"] is None else str(j["population"])),
                        f"population of {j['id']}")
            # Not rated: an empty tier and score, and the label "not rated".
            overall = j["overall"]
            self.expect(row["overall_tier"] == cell_text(overall["tier"]), f"overall tier of {j['id']}")
            self.expect(row["overall_label"] == (overall["label"] or "not rated"), f"overall label of {j['id']}")
            self.expect(row["score"] == ("" if overall["score"] is None else f"{overall['score']:.3f}"),
                        f"score of {j['id']}")
            self.expect(row["overall_status"] == overall["status"], f"overall status of {j['id']}")
            for c in criteria:
                self.expect(row[f"{c}_tier"] == cell_text(j["criteria"][c]["tier"]), f"{c} tier of {j['id']}")
            for key, cell in row.items():
                self.expect(not cell or cell[0] not in "=+-@\t\r", f"{j['id']} {key} cannot start a formula: {cell!r}")
        hostile = [r for r in rows if r["id"] == "hostile"][0]
        self.expect(hostile["name"].startswith("'=HYPERLINK"), "a formula-like name gets a leading apostrophe")

    def check_markdown_roundtrip(self):
        paths = [DATA, HOSTILE]
        ref = self.reference(*paths)
        text = self.run("export", *paths, "--format", "markdown").decode("utf-8")
        lines = text.split("\n")
        header = split_row(lines[0])
        criteria = ref["rubric"]["criteria"]
        self.expect(header == ["Jurisdiction", "State", "Population"] + [c["title"] for c in criteria] +
                    ["Rated", "Overall", "Score"], "Markdown header names every column")
        self.expect(re.fullmatch(r"\|(:?-+:?\|)+", lines[1]) is not None, "Markdown delimiter row")
        body = [split_row(line) for line in lines[2:2 + len(ref["jurisdictions"])]]
        for cells, j in zip(body, ref["jurisdictions"]):
            self.expect(len(cells) == len(header), f"row of {j['id']} has {len(header)} cells, not {len(cells)}")
            self.expect(cells[0] == j["name"].replace("\n", " "), f"name of {j['id']} round-trips: {cells[0]!r}")
            tiers = [cell_text(j["criteria"][c["id"]]["tier"], "?") for c in criteria]  # ?: not rated
            self.expect(cells[3:3 + len(criteria)] == tiers, f"criterion tiers of {j['id']}")
            coverage = j["overall"]["coverage"]
            self.expect(cells[-3] == f"{coverage['rated']}/{coverage['criteria']}", f"coverage of {j['id']}")
            if j["overall"]["tier"] is None:
                self.expect(cells[-2] == "not rated" and cells[-1] == "—", f"overall tier of {j['id']}: not rated")
            else:
                self.expect(cells[-2].startswith(str(j["overall"]["tier"]) + " "), f"overall tier of {j['id']}")
        self.expect(lines[2 + len(ref["jurisdictions"])] == "", "a blank line ends the table")
        self.expect("**Tiers:**" in text, "Markdown has a legend")
        self.expect("<script>" not in text, "no raw HTML from data in Markdown")


def cell_text(tier, none=""):
    """A tier as a table cell: its number, or `none` when not rated."""
    return none if tier is None else str(tier)


def unneutralise(cell):
    return cell[1:] if cell[:2] in {"'" + c for c in "=+-@\t\r"} else cell


def split_row(line):
    """Cells of a GFM table row, with backslash escapes undone."""
    assert line.startswith("| ") and line.endswith(" |"), line
    cells, cell, i, inner = [], "", 0, line[2:-2]
    while i < len(inner):
        ch = inner[i]
        if ch == "\\" and i + 1 < len(inner):
            cell += inner[i + 1]
            i += 2
            continue
        if inner.startswith(" | ", i):
            cells.append(cell)
            cell = ""
            i += 3
            continue
        cell += ch
        i += 1
    cells.append(cell)
    return cells


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML as an editor's YAML 1.2 language server reads files: dates stay text, and
    only true/false are booleans (yes/no are text)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_yaml12(text):
    return yaml.load(text, Loader=Yaml12Loader)


def main():
    name, binary, root = sys.argv[1], sys.argv[2], sys.argv[3]
    checks = Checks(binary, root)
    getattr(checks, "check_" + name.replace("-", "_"))()
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed or not checks.passed else 0


if __name__ == "__main__":
    sys.exit(main())
