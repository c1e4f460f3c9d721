#!/usr/bin/env python3
"""Every Markdown output, read by a real GFM renderer (Debian's cmark-gfm, with GitHub's
extensions), renders as intended even from hostile data: no heading, image, link, raw
HTML or list that the data injected; no block (a table, <details>) broken by a value with
newlines; no backslash escape left visible; links to sources with their exact addresses.

Run by CTest as: check_markdown_gfm.py SCORECARD_BINARY REPO_ROOT. Exits 77 (skipped)
when cmark-gfm is not installed (`make test` installs it).
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

EVIL_NAME = ("Evil\n\n# Injected heading\n\n![img](https://evil.example/x.png) <b>raw</b>\n\n"
             "- injected item\n\n</details>\n\n| a | b |\n|---|---|\n` `` tick & &lt;amp&gt; \\ back\\")
EVIL_URL = "https://example.org/a_b*c?d=1&e=<2>"


class Html(html.parser.HTMLParser):
    """The rendered document's elements and text, for assertions."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []    # start tags, in order
        self.ends = []
        self.text = []
        self.hrefs = []
        self.stack = []
        self.heading_text = {}  # tag -> texts of headings

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.stack.append([tag, ""])
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        self.ends.append(tag)
        while self.stack:
            t, text = self.stack.pop()
            if t in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.heading_text.setdefault(t, []).append(text)
            if self.stack:
                self.stack[-1][1] += text
            if t == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        if self.stack:
            self.stack[-1][1] += data


def render(markdown):
    proc = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough",
                           "-e", "tagfilter"], input=markdown, capture_output=True, check=True)
    parser = Html()
    parser.feed(proc.stdout.decode())
    return parser, proc.stdout.decode()


def main():
    binary, root = sys.argv[1], sys.argv[2]
    if shutil.which("cmark-gfm") is None:
        print("cmark-gfm is not installed; skipped")
        return 77
    passed = failed = 0

    def expect(condition, what):
        nonlocal passed, failed
        if condition:
            passed += 1
        else:
            failed += 1
            print(f"FAILED: {what}")

    work = tempfile.mkdtemp()
    try:
        with open(os.path.join(root, "tests/e2e/fixtures/diff/old.yaml"), encoding="utf-8") as f:
            old = yaml.safe_load(f)
        old["name"] = EVIL_NAME
        old["sources"]["ordinance"]["title"] = "Ordinance *one* [x](javascript:alert(1))"
        new = yaml.safe_load(yaml.safe_dump(old))
        new["name"] = EVIL_NAME + " (renamed)"
        new["criteria"]["release_notification"]["note"] = "Changed\n\n## injected note heading"
        new["criteria"]["custody"]["answers"]["detainer_hold_prohibited"] = "any_conviction"
        new["sources"]["evil"] = {"title": "Evil <source> `x`", "url": EVIL_URL}
        new["criteria"]["interviews"]["sources"] = ["ordinance", "evil"]
        # A history: today's custody since 2016, an earlier state whose note tries a heading,
        # a table cell break and a list.
        dated = yaml.safe_load(yaml.safe_dump(new))
        dated["reviewed"] = "2020-01-01"
        dated["criteria"]["custody"]["since"] = "2016-01-01"
        dated["criteria"]["custody"]["history"] = [
            {"since": "2014-01-01", "rating": 2, "sources": ["evil"],
             "note": "Injected | cell\n\n## injected history heading\n\n- injected item"}]
        paths = {}
        for label, doc in (("old", old), ("new", new), ("dated", dated)):
            directory = os.path.join(work, label)
            os.mkdir(directory)
            paths[label] = os.path.join(directory, "evil `x` | y.yaml")
            with open(paths[label], "w", encoding="utf-8") as f:
                yaml.safe_dump(doc, f, allow_unicode=True)

        def run(*args, rc=(0,)):
            proc = subprocess.run([binary, "-q", *args], cwd=root, capture_output=True)
            if proc.returncode not in rc:
                raise AssertionError(f"scorecard {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()}")
            return proc.stdout

        outputs = {
            "compare --format markdown": run("compare", paths["new"], "--format", "markdown"),
            "score --format markdown (cards)": run("score", paths["new"], "--format", "markdown"),
            "export --format markdown": run("export", paths["new"], "--format", "markdown"),
            "explain --format markdown": run("explain", paths["new"], "--format", "markdown"),
            "explain --format markdown with a what-if": run("explain", paths["new"], "--what-if", "custody=2",
                                                            "--format", "markdown"),
            "check --format markdown": run("check", paths["new"], "--min-tier", "1", "--format", "markdown", rc=(1,)),
            "diff --format markdown": run("diff", paths["old"], paths["new"], "--format", "markdown"),
            "history --format markdown": run("history", paths["dated"], "--format", "markdown"),
            "compare --as-of --format markdown": run("compare", paths["dated"], "--as-of", "2015-01-01", "--format",
                                                     "markdown"),
            "compare of the hostile fixture": run("compare", "tests/e2e/fixtures/hostile/hostile.yaml", "--format",
                                                  "markdown"),
            "cards of the hostile fixture": run("score", "tests/e2e/fixtures/hostile/hostile.yaml", "--format",
                                                "markdown"),
        }
        for what, markdown in outputs.items():
            doc, rendered = render(markdown)
            text = "".join(doc.text)
            headings = [t for texts in doc.heading_text.values() for t in texts]
            expect(not any(h.strip().lower().startswith("injected") for h in headings),
                   f"{what}: no injected heading: {headings}")
            expect("img" not in doc.tags, f"{what}: no image")
            expect("b" not in doc.tags and "script" not in doc.tags, f"{what}: no raw HTML from the data")
            expect(not any(h.startswith("javascript") for h in doc.hrefs), f"{what}: no javascript: link")
            expect("<li>injected item" not in rendered, f"{what}: no injected list item")
            expect("\\<" not in text and "\\>" not in text and "\\*" not in text and "\\_" not in text,
                   f"{what}: no backslash escape left visible")
            expect(doc.tags.count("details") == doc.ends.count("details"), f"{what}: every <details> is closed once")
            if "Evil" in text:
                expect("# Injected heading" in text, f"{what}: the name's text is shown, not interpreted")
                expect("&lt;amp&gt;" in text, f"{what}: an entity in the data is shown as written")
            tables = rendered.count("<table>")
            if what.startswith(("compare", "export")):
                expect(tables == 1 and rendered.count("<tr>") == 2, f"{what}: one table of one jurisdiction")
        diff_doc, diff_html = render(outputs["diff --format markdown"])
        expect(EVIL_URL.replace("<", "%3C").replace(">", "%3E") in [h.replace("&amp;", "&") for h in diff_doc.hrefs],
               f"diff: the added source links to its address: {diff_doc.hrefs}")
        details = diff_html[diff_html.find("<details>"):diff_html.find("</details>")]
        expect("source added" in details and "answer" in details and "note changed" in details,
               "diff: the whole list of changes is inside <details>")
        history_doc, history_html = render(outputs["history --format markdown"])
        expect(history_html.count("<table>") == 1 and "Injected | cell" in "".join(history_doc.text),
               "history: one table, the note's pipe kept in its cell")
        expect(EVIL_URL.replace("<", "%3C").replace(">", "%3E") in [h.replace("&amp;", "&") for h in history_doc.hrefs],
               f"history: the cause's source links to its address: {history_doc.hrefs}")
        check_doc, check_html = render(outputs["check --format markdown"])
        expect("evil `x` | y.yaml" in "".join(check_doc.text), "check: the path is shown exactly, as code")
    finally:
        shutil.rmtree(work)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
