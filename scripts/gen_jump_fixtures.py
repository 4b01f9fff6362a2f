#!/usr/bin/env python3
"""Write fixtures/jump/<id>.json for every case of scripts/cases_jump.py (needs numpy==2.4.6).

Usage::

    python3 scripts/gen_jump_fixtures.py           # rewrite fixtures/jump/
    python3 scripts/gen_jump_fixtures.py --check   # regenerate in memory and compare

Each file is one JSON object on one line::

    {"case": {<the case dict>}, "expected": {"key": [...], "pos": p}, "numpy_version": "2.4.6"}

``expected`` is ``cases_jump.expected(case)``; a reader rebuilds the start state from ``init``,
``pre_draws`` raw draws and the optional ``set_pos``.  Output is deterministic (fixed cases, sorted keys,
no timestamps).  tests/mt19937_perf.rs reads these files.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402

from cases_jump import NUMPY_VERSION, advance_cases, expected, jump_cases  # noqa: E402

OUT = os.path.join(HERE, "..", "fixtures", "jump")


def render(case: dict) -> str:
    obj = {"case": case, "expected": expected(case),
           "numpy_version": NUMPY_VERSION}
    return json.dumps(obj, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with fixtures/jump, write nothing")
    args = ap.parse_args()
    if np.__version__ != NUMPY_VERSION:
        print(f"numpy {np.__version__} found, {NUMPY_VERSION} required", file=sys.stderr)
        return 2
    cases = jump_cases() + advance_cases()
    files = {f"{c['id']}.json": render(c) for c in cases}
    if args.check:
        bad = []
        for name, text in files.items():
            path = os.path.join(OUT, name)
            if not os.path.exists(path) or open(path).read() != text:
                bad.append(name)
        extra = sorted(set(os.listdir(OUT)) - set(files)) if os.path.isdir(OUT) else []
        for name in bad + extra:
            print("differs:", name)
        return 1 if bad or extra else 0
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".json"):
            os.remove(os.path.join(OUT, name))
    for name, text in sorted(files.items()):
        with open(os.path.join(OUT, name), "w") as fp:
            fp.write(text)
    print(f"wrote {len(files)} files to fixtures/jump/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
