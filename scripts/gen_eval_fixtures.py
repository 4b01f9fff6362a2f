#!/usr/bin/env python3
"""Fixture of `nprand eval`'s Python-semantics helpers: the errors whose text rests on
`repr(str)` and `int(str)`, from real NumPy 2.4.6 / CPython 3.11.

Each case is a front-end (``legacy`` RandomState, ``generator`` over a bit generator,
``python`` random.Random), a seed and ONE call that raises; the fixture records the
exception's type and message. ``tests/eval_fixtures.rs`` runs every case through the
evaluator's front-end and requires the same error.

    python3 scripts/gen_eval_fixtures.py          # write fixtures/eval/cases.json
    python3 scripts/gen_eval_fixtures.py --check  # exit 1 if it is not up to date
"""

from __future__ import annotations

import json
import os
import random
import sys
import warnings

import numpy as np

NUMPY_VERSION = "2.4.6"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "eval", "cases.json")

# (front-end, seed, call). The first four are the mismatches of issue #11.
CASES = [
    ("generator:pcg64", 0, "binomial(['1__0'], 0.5)"),
    ("generator:pcg64", 0, "binomial('1__0', 0.5)"),
    ("generator:pcg64", 0, "multinomial('1__0', [0.5, 0.5])"),
    ("legacy", 0, "multinomial('1__0', [0.5, 0.5])"),
    ("generator:pcg64", 0, "integers(0, 10, dtype='a\\tb')"),
    # int(str) beside them
    ("legacy", 0, "binomial(['1__0'], 0.5)"),
    ("legacy", 0, "binomial('1__0', 0.5)"),
    ("legacy", 0, "multinomial('10', [0.5, 0.5])"),
    ("legacy", 0, "multinomial(None, [0.5, 0.5])"),
    ("legacy", 0, "multinomial([1], [0.5, 0.5])"),
    ("generator:pcg64", 0, "binomial(['_10'], 0.5)"),
    ("generator:pcg64", 0, "binomial(['10_'], 0.5)"),
    ("generator:pcg64", 0, "binomial('10', 0.5)"),
    ("generator:pcg64", 0, "poisson(['1__0'])"),
    ("python", 0, "randrange('1__0')"),
    ("python", 0, "randrange('1_2')"),
    ("python", 0, "randrange(' 12 ')"),
    ("python", 0, "randrange('+-1')"),
    # repr(str): quotes and escapes
    ("generator:pcg64", 0, "integers(0, 10, dtype=\"it's\")"),
    ("generator:pcg64", 0, "integers(0, 10, dtype='say \"hi\"')"),
    ("generator:pcg64", 0, "integers(0, 10, dtype='\\'\"')"),
    ("generator:pcg64", 0, "random(dtype='a\\x85\\xa0\\xadb')"),
    ("generator:pcg64", 0, "random(dtype='\\u2028\\ufeff\\u00e9\\\\')"),
    ("legacy", 0, "randint(0, 10, dtype='a\\tb')"),
    ("legacy", 0, "randint(0, 10, dtype=\"it's\")"),
    ("legacy", 0, "normal('a\\nb')"),
    ("generator:pcg64", 0, "normal(['a\\rb'])"),
]


def make(front: str, seed: int):
    if front == "legacy":
        return np.random.RandomState(seed)
    if front == "python":
        return random.Random(seed)
    kind = front.split(":", 1)[1]
    return np.random.Generator({"pcg64": np.random.PCG64, "mt19937": np.random.MT19937}[kind](seed))


def run(front: str, seed: int, call: str) -> dict:
    obj = make(front, seed)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            eval("obj." + call, {"obj": obj, "np": np})
    except Exception as e:  # noqa: BLE001 - the exception is the datum
        return {"type": type(e).__name__, "message": str(e)}
    raise SystemExit("%s %s: did not raise" % (front, call))


def build() -> str:
    rows = []
    for front, seed, call in CASES:
        rows.append(json.dumps({"front": front, "seed": seed, "call": call,
                                "error": run(front, seed, call)}))
    return '{"oracle": "NumPy %s, CPython %d.%d", "cases": [\n  %s\n]}\n' % (
        np.__version__, sys.version_info[0], sys.version_info[1], ",\n  ".join(rows))


def main() -> int:
    if np.__version__ != NUMPY_VERSION or sys.version_info[:2] != (3, 11):
        print("NumPy %s and CPython 3.11 required" % NUMPY_VERSION, file=sys.stderr)
        return 2
    text = build()
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as fp:
            if fp.read() != text:
                print("%s is not up to date: run %s" % (OUT, sys.argv[0]), file=sys.stderr)
                return 1
        print("up to date: %d cases" % len(CASES))
        return 0
    with open(OUT, "w", encoding="utf-8") as fp:
        fp.write(text)
    print("wrote %s (%d cases)" % (OUT, len(CASES)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
