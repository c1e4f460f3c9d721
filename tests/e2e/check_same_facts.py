#!/usr/bin/env python3
"""Every format of explain, check and diff shows the same facts.

The JSON of each report carries the facts as typed fields. From those fields alone this
test writes the sentences the human formats must contain (a small, independent
reimplementation of how the tool says each fact) and checks that the text, the Markdown
and, for check, the JUnit XML each contain every one of them. A fact that one format
drops, or says differently, fails the test.

Usage: check_same_facts.py SCORECARD_BINARY REPO_ROOT
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN, ROOT = sys.argv[1], sys.argv[2]
DATA = os.path.join(ROOT, "data", "jurisdictions")
FIXTURES = os.path.join(ROOT, "tests", "e2e", "fixtures")
passed = 0
failed = 0


def run(*args, ok=(0,)):
    p = subprocess.run([BIN, "--color", "never", *args], capture_output=True, cwd=ROOT)
    if p.returncode not in ok:
        raise SystemExit(f"scorecard {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
    return p.stdout.decode("utf-8")


def unmarkdown(text):
    """Markdown as a reader sees it: escapes removed, arrows as the text writes them."""
    return re.sub(r"\\(.)", r"\1", text).replace(" → ", " -> ").replace("**", "")


def expect(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAILED:", what)


def contains_all(name, sentences, outputs):
    for fmt, text in outputs.items():
        missing = [s for s in sentences if s not in text]
        expect(not missing, f"{name}: {fmt} lacks {missing[:3]}{' ...' if len(missing) > 3 else ''}")


RUBRIC = json.loads(run("export", DATA))["rubric"]
TITLES = {c["id"]: c["title"] for c in RUBRIC["criteria"]}
LABELS = {t["tier"]: t["label"] for t in RUBRIC["tiers"]}


def use_rubric(pre, files):
    """The titles and labels of the rubric in use, from an export."""
    global TITLES, LABELS
    rubric = json.loads(run(*pre, "export", *files))["rubric"]
    TITLES = {c["id"]: c["title"] for c in rubric["criteria"]}
    LABELS = {t["tier"]: t["label"] for t in rubric["tiers"]}



def tier(t):
    return "not rated" if t is None else str(t)


def answer(a):
    return "(none)" if a is None else a


# -- explain -------------------------------------------------------------------------------
def explain_facts(e):
    """The sentences a reader must find for one jurisdiction, from its JSON."""
    facts = [e["name"]]
    o = e["overall"]
    facts.append("not rated" if o["tier"] is None else f"{o['tier']} {LABELS[o['tier']]}")
    if o["status"] == "not_rated":
        facts.append(o["reason"])
    elif o["terms"]:
        terms = " + ".join(f"{t['weight']:g}×{t['tier']}" for t in o["terms"])
        facts.append(f"({terms}) / {o['weights']:g} = {o['weighted_sum']:g}/{o['weights']:g} = {o['mean']:.3f}")
    for g in o["gates"]:
        facts.append(f"tier {g['tier']} requires {TITLES[g['criterion']]} at tier {g['required']} or better "
                     f"(it is {'missing' if g['actual'] is None else g['actual']})")
    c = e["coverage"]
    unanswered = c["unanswered"]
    what_if = f", {c['what_if']} set by a what-if" if c["what_if"] else ""
    facts.append(f"{c['rated']} of {c['criteria']} criteri{'on' if c['criteria'] == 1 else 'a'} rated ({c['recorded']} recorded, {c['computed']} "
                 f"computed from answers{what_if}); {c['answered']} of {c['questions']} deciding questions answered, "
                 f"{c['unclear']} unclear" + (f", {unanswered} unanswered" if unanswered else ""))
    for crit in e["criteria"]:
        title = TITLES[crit["id"]]
        facts.append(title)
        comp = crit["computed"]
        if crit["status"] == "not_rated":
            facts.append(crit["reason"])
        if comp and comp["tier"] is None:
            possible = [str(t) for t in comp["possible"]]
            facts.append(("tier " if len(possible) == 1 else "tiers ") +
                         (possible[0] if len(possible) == 1 else ", ".join(possible[:-1]) + " or " + possible[-1]) +
                         " possible")
            if crit["origin"] in ("recorded", "what_if"):
                facts.append("its answers decide no tier")
        elif comp:
            facts.append(f"rule {comp['rule']}")
            facts.extend(f"{h['question']} is {h['answer']}" for h in comp["conditions"])
            if crit["origin"] == "recorded" or (crit["origin"] == "what_if" and comp["tier"] != crit["tier"]):
                facts.append("its answers give the same tier" if comp["tier"] == crit["tier"] else
                             f"its answers would give tier {comp['tier']}")
        if crit["origin"] == "what_if":
            facts.append("(hypothetical)")
        if crit["next"]:
            n = crit["next"]
            changes = "; ".join(f"{x['question']}: {answer(x['from'])} -> {x['to']}" for x in n["changes"])
            facts.append(f"to reach tier {n['tier']}: {changes} (rule {n['rule']})")
        if crit["sources"]:
            facts.append(", ".join(crit["sources"]))
    for plan in e["what_it_takes"]:
        facts.append(f"To reach {plan['target']} {LABELS[plan['target']]}")
        if not plan["reachable"]:
            facts.append("not reachable by improving the rated criteria" if plan["exhaustive"] else
                         "no way found: the rubric is too large to search")
            continue
        first = plan["alternatives"][0]
        ways = len(plan["alternatives"]) + plan["more"]
        facts.append(f"{first['criteria']} criteri{'on' if first['criteria'] == 1 else 'a'}, {first['steps']:,} tier "
                     f"step{'' if first['steps'] == 1 else 's'}; "
                     + ("found without an exact search" if not plan["exhaustive"] else "the only way this small" if ways == 1
                        else ("at least " if plan["more_is_lower_bound"] else "") + f"{ways:,} equally small ways"))
        for alt in plan["alternatives"]:
            raise_ = ", ".join(f"{TITLES[x['criterion']]} {x['from']} -> {x['to']}" for x in alt["changes"])
            facts.append(f"raise {raise_} (weighted mean {alt['mean']:.3f})")
            for x in alt["changes"]:
                if x["answers"]:
                    changes = "; ".join(f"{y['question']}: {answer(y['from'])} -> {y['to']}"
                                        for y in x["answers"]["changes"])
                    facts.append(f"{TITLES[x['criterion']]} answers: {changes} (rule {x['answers']['rule']})")
        if plan["more"]:
            facts.append(("at least " if plan["more_is_lower_bound"] else "") + f"{plan['more']:,} more as small")
        if not plan["exhaustive"]:
            facts.append("not exact: the rubric is too large to search")
    if not e["what_it_takes"]:
        if o["tier"] is not None:
            facts.append("Already at the top tier.")
        else:
            first = e["rate_first"]
            names = [TITLES[c] for c in first["criteria"]]
            listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            if first["at_least"] < len(names):
                listed = f"at least {first['at_least']} of {listed}"
            facts.append(f"Not rated overall ({o['reason']}). Rate {listed} first: the criteria above say what each lacks")
    return facts


def what_if_facts(doc):
    facts = []
    for c in doc["what_if_changes"]:
        parts = ", ".join(f"{t['subject']} {tier(t['from'])} -> {tier(t['to'])}" for t in c["tiers"])
        facts.append(f"{c['name']}: {parts}")
    if doc["what_if"] and not doc["what_if_changes"]:
        facts.append("no tier changes")
    return facts


def check_explain(args, name, rubric=None):
    pre = ["--rubric", rubric] if rubric else []
    use_rubric(pre, [a for a in args if not a.startswith("-") and "=" not in a])
    doc = json.loads(run(*pre, "explain", *args, "--format", "json"))
    expect(len(doc["jurisdictions"]) > 0, f"{name}: explains something")
    outputs = {"text": run(*pre, "explain", *args),
               "markdown": unmarkdown(run(*pre, "explain", *args, "--format", "markdown"))}
    outputs["markdown"] = outputs["markdown"].replace("No tier changes.", "no tier changes")
    for e in doc["jurisdictions"]:
        contains_all(f"{name}: {e['id']}", explain_facts(e), outputs)
    contains_all(f"{name}: what if", what_if_facts(doc), outputs)


check_explain([DATA], "explain of the bundled data")
check_explain([os.path.join(FIXTURES, "answers-only.yaml")], "explain of answers only")
check_explain([DATA, "--what-if", "custody=1", "--what-if", "status_inquiry=room"], "explain with what-ifs")
check_explain([os.path.join(FIXTURES, "many-criteria.yaml")], "explain of fourteen criteria (searched exactly)",
              os.path.join(FIXTURES, "many-criteria-rubric.yaml"))
check_explain([os.path.join(FIXTURES, "wide-worst.yaml")], "explain past 100,000 equally small ways",
              os.path.join(FIXTURES, "wide-rubric.yaml"))
check_explain([os.path.join(FIXTURES, "huge-worst.yaml")], "explain of a rubric too large to search exactly",
              os.path.join(FIXTURES, "huge-rubric.yaml"))
check_explain([os.path.join(FIXTURES, "optional-empty.yaml")], "explain of a jurisdiction not rated overall",
              os.path.join(FIXTURES, "optional-rubric.yaml"))
use_rubric([], [DATA])


# -- check ---------------------------------------------------------------------------------
def failure_text(f):
    kind = f["kind"]
    if kind == "below_minimum":
        return f"overall tier {tier(f['tier'])} is worse than --min-tier {tier(f['required'])}"
    if kind == "below_requirement":
        return f"{TITLES[f['subject']]} tier {tier(f['tier'])} is worse than required ({f['subject']}={f['required']})"
    if kind == "removed":
        return (f"removed since the baseline, where its overall tier was {tier(f['baseline'])}; --allow-removed "
                f"accepts that")
    if kind == "worse_than_baseline":
        what = "overall tier" if f["subject"] == "overall" else TITLES[f["subject"]]
        return f"{what} is worse than in the baseline: {tier(f['baseline'])} -> {tier(f['tier'])}"
    assert kind == "invalid_file", kind
    errors = f["errors"]
    text = f"invalid file: {len(errors)} error{'' if len(errors) == 1 else 's'}"
    if errors:
        first = errors[0]
        text += (f"; the first at line {first['line']}: {first['message']}" if first["line"] > 0
                 else f"; the first: {first['message']}")
    return text


def improvement_text(t):
    what = "overall tier" if t["subject"] == "overall" else TITLES[t["subject"]]
    return f"{what} is better than in the baseline: {tier(t['from'])} -> {tier(t['to'])}"


work = tempfile.mkdtemp()
try:
    # CPD's 12 cities, all rated: the bundled counties and states are mostly not rated.
    cpd = os.path.join(work, "cpd")
    os.mkdir(cpd)
    for city in ["chicago", "dallas", "durham", "louisville", "madison", "minneapolis", "new-york-city", "san-diego",
                 "san-francisco", "seattle", "st-louis", "washington-dc"]:
        shutil.copy(os.path.join(DATA, "cities", city + ".yaml"), cpd)
    baseline = os.path.join(work, "baseline.json")
    run("export", cpd, "-o", baseline)
    data = os.path.join(work, "data")
    shutil.copytree(cpd, data)
    chicago = os.path.join(data, "chicago.yaml")
    text = open(chicago, encoding="utf-8").read()
    text = text.replace("  custody:\n    rating: 1", "  custody:\n    rating: 3", 1)
    open(chicago, "w", encoding="utf-8").write(text)
    dallas = os.path.join(data, "dallas.yaml")
    text = open(dallas, encoding="utf-8").read()
    text = text.replace("  custody:\n    rating: 3", "  custody:\n    rating: 1", 1)
    open(dallas, "w", encoding="utf-8").write(text)
    shutil.copy(os.path.join(FIXTURES, "broken.yaml"), os.path.join(data, "broken.yaml"))
    # Seattle's id changes (a likely rename: same name and state); St. Louis is deleted.
    os.remove(os.path.join(data, "st-louis.yaml"))
    seattle = os.path.join(data, "seattle.yaml")
    text = open(seattle, encoding="utf-8").read()
    assert "\nid: seattle\n" in text
    open(seattle, "w", encoding="utf-8").write(text.replace("\nid: seattle\n", "\nid: seattle-wa\n", 1))
    args = [data, "--baseline", baseline, "--min-tier", "progress", "--require", "custody=2"]
    doc = json.loads(run("check", *args, "--format", "json", ok=(3,)))
    expect(doc["passed"] is False, "check: the JSON says it failed")
    expect(doc["counts"]["invalid_files"] == 1, "check: one invalid file")
    outputs = {
        "text": run("check", *args, ok=(3,)),
        "markdown": unmarkdown(run("check", *args, "--format", "markdown", ok=(3,))),
        "junit": html.unescape(run("check", *args, "--format", "junit", ok=(3,))),
    }
    facts = []
    for o in doc["outcomes"]:
        if o["passed"]:
            continue
        facts.append(o["file"])
        facts.extend(failure_text(f) for f in o["failures"])
    contains_all("check: failures", facts, outputs)
    improvements = [improvement_text(t) for o in doc["outcomes"] for t in o["improvements"]]
    expect("Custody is better than in the baseline: 3 -> 1" in improvements, "check: Dallas improves in custody")
    contains_all("check: improvements", improvements, outputs)
    expect(doc["added"] == [] and doc["removed"] == ["st-louis"], "check: only the deleted id is removed")
    expect(doc["renamed"] == [{"from": "seattle", "to": "seattle-wa"}], "check: the likely rename is said as such")
    renamed = [f"since the baseline: {r['from']} -> {r['to']} (same name and state; compared with {r['from']}'s "
               f"baseline tiers)" for r in doc["renamed"]]
    contains_all("check: renamed", renamed, outputs)
    contains_all("check: removed", ["removed since the baseline: st-louis\n"],
                 {k: v for k, v in outputs.items() if k != "markdown"})
    contains_all("check: removed", ["Removed: st-louis\n"], {"markdown": outputs["markdown"]})
    kinds = {f["kind"] for o in doc["outcomes"] for f in o["failures"]}
    expect("removed" in kinds, "check: a deleted jurisdiction fails by default")
    c = doc["counts"]
    expect(f"{c['jurisdictions']} jurisdictions checked, {c['passed']} passed, {c['failed']} failed; "
           f"{c['invalid_files']} file invalid" in outputs["text"], "check: the text's totals are the JSON's")
    expect(f"| {c['jurisdictions']} | {c['passed']} | {c['failed']} | {c['invalid_files']} |" in outputs["markdown"],
           "check: the Markdown's totals are the JSON's")
    expect(f'failures="{c["failed"]}" errors="{c["invalid_files"]}"' in outputs["junit"],
           "check: the JUnit totals are the JSON's")

    # -- diff --------------------------------------------------------------------------------
    os.remove(os.path.join(data, "broken.yaml"))
    for before, after, name in [(baseline, data, "diff of an export and a directory"),
                                (os.path.join(FIXTURES, "diff", "old.yaml"), os.path.join(FIXTURES, "diff", "new.yaml"),
                                 "diff of two files")]:
        doc = json.loads(run("diff", before, after, "--format", "json"))
        outputs = {"text": run("diff", before, after),
                   "markdown": unmarkdown(run("diff", before, after, "--format", "markdown"))}
        facts = [f"{doc['changed']} changed, {doc['added']} added, {doc['removed']} removed, {doc['unchanged']} unchanged"]
        for j in doc["jurisdictions"]:
            if j["status"] == "unchanged":
                continue
            facts.append(f"{j['name']} ({j['id']})")
            for t in j["tiers"]:
                facts.append(f"{t['subject']} {tier(t['from'])} -> {tier(t['to'])}")
            for a in j["answers"]:
                facts.append(f"{a['criterion']}.{a['question']}: {answer(a['from'])} -> {answer(a['to'])}")
            facts.extend(j["notes"])
            for s in j["sources_added"] + j["sources_removed"]:
                facts.append(f"{s['criterion']}: {s['id']} {s['title']}" + (f" <{s['url']}>" if s["url"] else ""))
            if j["name_before"]:
                facts.append(f"{j['name_before']} -> {j['name']}")
        expect(len(facts) > 2, f"{name}: something changed")
        # The Markdown table puts a tier change in cells: | subject | from | to |.
        md = outputs["markdown"]
        for j in doc["jurisdictions"]:
            for t in j["tiers"]:
                expect(f"| {t['subject']} | {tier(t['from'])} | {tier(t['to'])} |" in md,
                       f"{name}: markdown shows {j['id']} {t['subject']}")
        outputs["markdown"] = re.sub(r"\| (\S+) \| (\d+|none) \| (\d+|none) \|", r"\1 \2 -> \3", md)
        # Markdown links a source to its address: [Title](<url>) reads as "Title <url>".
        outputs["markdown"] = re.sub(r"\[([^\]]*)\]\(<([^>]*)>\)", r"\1 <\2>", outputs["markdown"])
        contains_all(name, facts, outputs)
finally:
    shutil.rmtree(work)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
