#!/usr/bin/env python3
"""Checks that `scorecard compare data/jurisdictions --format json --as-of 2019-12-19` reproduces CPD's
published 12-city table: 96 criterion tiers and 12 overall tiers.

The table is written out here on its own (from shared/domain.md, section 3.1), not read
from the rubric's calibration, so that a mistake in either one is caught.
Usage: check_cpd_table.py SCORECARD_BINARY REPO_ROOT
"""
import json
import subprocess
import sys

CRITERIA = ["custody", "interviews", "rights_trainings", "release_notification",
            "information_sharing", "status_inquiry", "collaboration", "contracts"]
# city: (criterion tiers in the order above, published overall tier)
CPD = {
    "chicago":       ([1, 1, 3, 1, 2, 1, 3, 1], 1),
    "dallas":        ([3, 3, 3, 3, 3, 3, 3, 1], 3),
    "durham":        ([3, 3, 3, 3, 3, 3, 3, 1], 3),
    "louisville":    ([1, 3, 3, 3, 3, 1, 1, 1], 3),
    "madison":       ([1, 3, 3, 3, 3, 1, 2, 1], 3),
    "minneapolis":   ([1, 3, 3, 3, 3, 1, 1, 1], 3),
    "new-york-city": ([1, 3, 3, 2, 3, 2, 2, 1], 3),
    "san-diego":     ([1, 3, 3, 3, 1, 1, 1, 1], 3),
    "san-francisco": ([1, 3, 3, 1, 1, 1, 2, 1], 2),
    "seattle":       ([1, 3, 3, 3, 3, 1, 1, 1], 3),
    "st-louis":      ([3, 3, 3, 3, 3, 3, 3, 1], 3),
    "washington-dc": ([1, 1, 3, 1, 2, 1, 1, 2], 1),
}


def main():
    binary, root = sys.argv[1], sys.argv[2]
    # CPD's table is of 2019-12-19: Chicago and Louisville changed later.
    out = subprocess.run([binary, "-q", "compare", "data/jurisdictions", "--format", "json", "--as-of", "2019-12-19"],
                         cwd=root, check=True, capture_output=True, text=True).stdout
    doc = json.loads(out)
    got = {j["id"]: j for j in doc["jurisdictions"]}
    problems = []
    if doc["options"]["as_of"] != "2019-12-19":
        problems.append(f"options.as_of is {doc['options']['as_of']!r}, not 2019-12-19")
    # CPD's 12 cities among the counties, states and other cities the data holds.
    if not set(CPD) <= set(got):
        problems.append(f"CPD's cities missing: {sorted(set(CPD) - set(got))}")
    checked = 0
    for city, (tiers, overall) in CPD.items():
        if city not in got:
            continue
        for criterion, tier in zip(CRITERIA, tiers):
            checked += 1
            actual = got[city]["criteria"][criterion]["tier"]
            if actual != tier:
                problems.append(f"{city} {criterion}: expected {tier}, got {actual}")
        checked += 1
        if got[city]["overall"]["tier"] != overall:
            problems.append(f"{city} overall: expected {overall}, got {got[city]['overall']['tier']}")
    for p in problems:
        print(p)
    print(f"{checked - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
