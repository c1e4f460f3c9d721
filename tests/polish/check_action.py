#!/usr/bin/env python3
"""Runs the composite action (action.yml) as GitHub's runner would, step by step.

Each step's ${{ }} expressions (inputs, github.action_path, runner.temp, steps.ID.outputs)
are evaluated the runner's way, inputs take their defaults unless given, and each script
runs under `bash --noprofile --norc -eo pipefail` with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
GITHUB_ACTION_PATH, RUNNER_TEMP and GITHUB_ACTIONS=true. The binary under test is on PATH
at the action's version, so the action uses it (as it uses an installed package): the
install and build branches do not run here (docs/ci.md says how they were tried). Usage: check_action.py SCORECARD_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
action = yaml.safe_load(open(os.path.join(source, "action.yml"), encoding="utf-8"))
failures = []
passed = 0


def check(name, ok, detail=""):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(name)
        print(f"FAILED: {name}\n{detail}")


def run_action(inputs, workdir):
    """Runs every step; returns (exit code of the step that failed or 0, stdout, summary, outputs)."""
    unknown = set(inputs) - set(action["inputs"])
    assert not unknown, f"not inputs of the action: {unknown}"
    values = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    values.update(inputs)
    temp = tempfile.mkdtemp(dir=workdir)
    summary = os.path.join(temp, "step-summary.md")
    open(summary, "w").close()
    outputs = {}
    context = {"github.action_path": source, "runner.temp": temp}

    def expand(text):
        def value(match):
            expr = match.group(1).strip()
            if expr.startswith("inputs."):
                return values[expr[len("inputs."):]]
            m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
            if m:
                return outputs.get(m.group(1), {}).get(m.group(2), "")
            if expr in context:
                return context[expr]
            raise AssertionError(f"expression the test runner does not know: {expr}")
        return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))

    bindir = os.path.join(temp, "bin")
    os.mkdir(bindir)
    os.symlink(binary, os.path.join(bindir, "scorecard"))
    base_env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "COLUMNS")}
    base_env.update(PATH=bindir + os.pathsep + os.environ["PATH"], GITHUB_ACTIONS="true",
                    GITHUB_STEP_SUMMARY=summary, GITHUB_ACTION_PATH=source, RUNNER_TEMP=temp,
                    GITHUB_WORKSPACE=workdir)
    stdout = ""
    for step in action["runs"]["steps"]:
        assert "if" not in step, "the test runner does not evaluate if:"
        output_file = os.path.join(temp, "output")
        open(output_file, "w").close()
        env = dict(base_env, GITHUB_OUTPUT=output_file)
        env.update({k: expand(v) for k, v in step.get("env", {}).items()})
        script = os.path.join(temp, "step.sh")
        with open(script, "w") as f:
            f.write(expand(step["run"]))
        assert step["shell"] == "bash"
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=workdir, env=env,
                              capture_output=True, text=True, timeout=120)
        stdout += done.stdout + done.stderr
        if "id" in step:
            outputs[step["id"]] = dict(line.split("=", 1) for line in open(output_file).read().splitlines() if "=" in line)
        if done.returncode != 0:
            return done.returncode, stdout, open(summary).read(), outputs
    return 0, stdout, open(summary).read(), outputs


work = tempfile.mkdtemp()
try:
    # A data repository: CPD's 12 cities (every criterion rated) in a folder whose name has a
    # space, a workflow file that a folder search must leave alone, and a published baseline.
    data = os.path.join(work, "jurisdiction data")
    os.makedirs(os.path.join(work, ".github", "workflows"))
    open(os.path.join(work, ".github", "workflows", "scorecard.yml"), "w").write("on: push\njobs: {}\n")
    os.mkdir(data)
    for name in ["chicago", "dallas", "durham", "louisville", "madison", "minneapolis", "new-york-city",
                 "san-diego", "san-francisco", "seattle", "st-louis", "washington-dc"]:
        shutil.copy(os.path.join(source, "data", "jurisdictions", "cities", name + ".yaml"), data)
    subprocess.run([binary, "-q", "export", data, "-o", os.path.join(work, "published.json")], check=True)

    rc, out, summary, outputs = run_action({"path": "jurisdiction data", "min-tier": "3"}, work)
    check("the action passes when every city meets --min-tier 3", rc == 0, out)
    check("it uses the scorecard on PATH at the action's version, installing and building nothing",
          "Using " in out and "Installing" not in out and outputs.get("build", {}).get("scorecard", "").endswith("/bin/scorecard"), out)
    check("it writes the step summary", "scorecard check passed" in summary, summary)

    rc, out, summary, _ = run_action({"path": "jurisdiction data", "min-tier": "1", "junit": "report.xml",
                                      "markdown": "summary.md"}, work)
    check("the action fails (exit 1) when cities are below --min-tier 1", rc == 1, out)
    check("and annotates each failure for the pull request", "::error file=" in out, out)
    check("and says so in the step summary", "scorecard check failed" in summary, summary)
    check("and writes the JUnit and Markdown files asked for",
          os.path.exists(os.path.join(work, "report.xml")) and os.path.exists(os.path.join(work, "summary.md")))

    rc, out, _, _ = run_action({"path": "jurisdiction data", "baseline": "published.json"}, work)
    check("the action passes against the baseline of the same data", rc == 0, out)
    chicago = os.path.join(data, "chicago.yaml")
    text = open(chicago, encoding="utf-8").read()
    worse = text.replace("  custody:\n    since: 2011-09-07\n    rating: 1\n", "  custody:\n    since: 2011-09-07\n    rating: 3\n")
    assert worse != text
    open(chicago, "w", encoding="utf-8").write(worse)
    rc, out, summary, _ = run_action({"path": "jurisdiction data", "baseline": "published.json"}, work)
    check("and fails when a city got worse than the baseline", rc == 1 and "worse than in the baseline" in out, out)
    rc, out, _, _ = run_action({"path": "jurisdiction data", "require": "custody=3\ninterviews=3",
                                "args": "--not-rated warn\n--as-of 2019-12-19"}, work)
    check("require lines and further args reach check", rc == 0 and "--require custody=3 --require interviews=3" in out
          and "--not-rated warn --as-of 2019-12-19" in out, out)
    open(chicago, "w", encoding="utf-8").write(text)

    broken = os.path.join(work, "broken")
    os.mkdir(broken)
    shutil.copy(os.path.join(source, "tests", "e2e", "fixtures", "broken.yaml"), broken)
    rc, out, _, _ = run_action({"path": "jurisdiction data\nbroken"}, work)
    check("an invalid file fails the action with exit 3 and its FILE:LINE:COL",
          rc == 3 and re.search(r"broken/broken\.yaml:\d+:\d+: error: ", out) is not None, out)
    rc, out, _, _ = run_action({"path": "jurisdiction data", "strict": "yes"}, work)
    check("strict takes only true or false", rc == 2 and "strict must be true or false" in out, out)
    rc, out, _, _ = run_action({"path": "jurisdiction data", "min-tier": "$(touch pwned) top"}, work)
    check("an input is an argument, never shell code", rc == 2 and not os.path.exists(os.path.join(work, "pwned")), out)
finally:
    shutil.rmtree(work)

print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
