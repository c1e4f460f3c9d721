#!/usr/bin/env python3
"""explain's worst case: rubrics of many criteria and tiers, a jurisdiction at the worst tier.

Writes, for each size, a rubric of N criteria with T tiers (equal weights, a cut-off per
tier, a gate on the first criterion for the top tier; half the criteria rated from answers
to four questions, half recorded) and a jurisdiction at the worst tier of every criterion,
then times `scorecard explain` on it (the best of --runs) and prints a Markdown table.

    python3 bench/explain_worst.py build/scorecard
    python3 bench/explain_worst.py build/scorecard --sizes 8x3 24x5 --runs 3
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

QUESTIONS = 4


def rubric(n, t):
    lines = [
        f"id: worst-{n}x{t}",
        "version: 0.0.1",
        f"title: {n} criteria, {t} tiers",
        "tiers:",
    ]
    for k in range(1, t + 1):
        lines.append(f"  - {{tier: {k}, id: t{k}, label: Tier {k}}}")
    lines += ["answer_types:", "  yes_no: [yes, no]", "criteria:"]
    for i in range(n):
        lines += [f"  - id: c{i}", f"    title: Criterion {i}", f"    abbrev: C{i}", "    weight: 1"]
        if i % 2 == 0:
            lines.append("    questions:")
            for q in range(QUESTIONS):
                lines.append(f"      - {{id: c{i}_q{q}, type: yes_no, text: \"Question {q}?\"}}")
            lines.append("    rules:")
            # Tier k needs the first (t - k) questions answered yes (as many as there are).
            for k in range(1, t):
                need = min(QUESTIONS, t - k)
                when = ", ".join(f"c{i}_q{q}: \"yes\"" for q in range(need))
                lines.append(f"      - {{tier: {k}, when: {{{when}}}}}")
            lines.append(f"      - {{tier: {t}}}")
        else:
            lines += ["    questions: []", "    rules:", f"      - {{tier: {t}}}"]
    lines += ["overall:", "  method: weighted_mean", "  cutoffs:"]
    for k in range(1, t):
        lines.append(f"    - {{tier: {k}, max_mean: {k + 0.5}}}")
    lines += ["  gates:", "    - {tier: 1, requires: {c0: 1}}"]
    return "\n".join(lines) + "\n"


def jurisdiction(n, t):
    lines = ["id: worst", "name: Worst Case", "kind: city", "state: ZZ", "reviewed: 2026-01-01", "criteria:"]
    for i in range(n):
        if i % 2 == 0:
            answers = ", ".join(f"c{i}_q{q}: \"no\"" for q in range(QUESTIONS))
            lines.append(f"  c{i}: {{answers: {{{answers}}}, sources: [s]}}")
        else:
            lines.append(f"  c{i}: {{rating: {t}, sources: [s]}}")
    lines += ["sources:", "  s: {title: A fictional source, url: \"https://example.org/s\", date: 2026-01-01}"]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scorecard")
    parser.add_argument("--sizes", nargs="*", default=["8x3", "12x3", "16x3", "20x3", "24x5", "32x5", "48x9", "64x10"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    print("| criteria x tiers | seconds (best of %d) | exact | first plan |" % args.runs)
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            n, t = (int(x) for x in size.split("x"))
            r = os.path.join(tmp, f"r{n}x{t}.yaml")
            j = os.path.join(tmp, f"j{n}x{t}.yaml")
            open(r, "w").write(rubric(n, t))
            open(j, "w").write(jurisdiction(n, t))
            best = None
            out = ""
            for _ in range(args.runs):
                start = time.perf_counter()
                try:
                    run = subprocess.run([args.scorecard, "-q", "--rubric", r, "explain", j], capture_output=True,
                                         text=True, timeout=args.timeout)
                except subprocess.TimeoutExpired:
                    best = None
                    out = "TIMEOUT"
                    break
                elapsed = time.perf_counter() - start
                if run.returncode != 0:
                    sys.exit(f"{size}: exit {run.returncode}\n{run.stderr}")
                out = run.stdout
                best = elapsed if best is None else min(best, elapsed)
            exact = "no" if "not exact" in out or "too many criteria" in out else "yes"
            first = next((l.strip() for l in out.splitlines() if "criteri" in l and "tier step" in l), "")
            shown = f"{best:.3f}" if best is not None else f"> {args.timeout:.0f}"
            print(f"| {n} x {t} | {shown} | {exact if best is not None else '?'} | {first} |", flush=True)


if __name__ == "__main__":
    main()
