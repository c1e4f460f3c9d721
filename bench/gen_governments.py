#!/usr/bin/env python3
"""Copy a national corpus (../shared/bench/gen_corpus.py) with governments inside governments.

Usage: gen_governments.py IN_DIR OUT_DIR [SEED]

Every city names a county of its state as the government it lies within and as its jail
authority; every county lies within its state; one state file per state sets a floor
(`binds: custody: at_least`) and every county answers the jail questions, so that the
resolver both links and inherits. The files are otherwise the corpus's own, so that
`scorecard export` of the two directories measures what references cost.
"""
import os
import random
import re
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(out, exist_ok=True)
    names = sorted(n for n in os.listdir(src) if n.endswith(".yaml"))
    texts = {n: open(os.path.join(src, n), encoding="utf-8").read() for n in names}
    state_of = {n: re.search(r"^state: (\w+)$", t, re.M).group(1) for n, t in texts.items()}
    counties = {}
    for n in names:
        if n.startswith("county-"):
            counties.setdefault(state_of[n], []).append(n[:-5])
    for n in names:
        text, state = texts[n], state_of[n]
        if n.startswith("county-"):
            refs = f"within: [state-{state.lower()}]\n"
            hold = rng.choice(["any_conviction", "some_convictions", "none"])
            text = text.replace("  custody:\n", f"  custody:\n    answers: {{detainer_hold_prohibited: {hold}}}\n", 1)
            text = text.replace("  release_notification:\n",
                                "  release_notification:\n    answers: {release_notification_prohibited: none}\n", 1)
        elif counties.get(state):
            county = rng.choice(counties[state])
            refs = f"within: [{county}]\njail_authority: {county}\n"
        else:
            refs = f"within: [state-{state.lower()}]\n"
        text = text.replace("\nreviewed:", "\n" + refs + "reviewed:", 1)
        with open(os.path.join(out, n), "w", encoding="utf-8") as f:
            f.write(text)
    for state in sorted(set(state_of.values())):
        ident = f"state-{state.lower()}"
        lines = [f"id: {ident}", f"name: Synthetic State {state}", f"state: {state}", "kind: state",
                 "sources:", "  law:", f"    title: \"Synthetic state law of {state}\"",
                 f"    url: https://example.org/{ident}/law",
                 "binds:", "  custody:", "    at_least: {detainer_hold_prohibited: some_convictions}",
                 "    sources: [law]", "criteria:"]
        for c in ["custody", "interviews", "rights_trainings", "release_notification", "information_sharing",
                  "status_inquiry", "collaboration", "contracts"]:
            lines += [f"  {c}:", "    rating: 3", "    sources: [law]"]
        with open(os.path.join(out, ident + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
