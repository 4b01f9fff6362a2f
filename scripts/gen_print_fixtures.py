#!/usr/bin/env python3
"""Fixture of NumPy's array printing (`nprand eval --format numpy` / `--format repr`), from
real NumPy 2.4.6 with its default print options: for many calls, ``str(x)`` (what
``print(x)`` shows) and ``repr(x)``.

Calls are drawn from templates by a seeded ``random.Random``: shapes of 1 to 4 dimensions
with sizes around the summarisation threshold (1000/1001) and small ones, empty arrays,
values that force scientific notation (huge, tiny, wide ratios), negatives, nan and
inf, integers of every dtype, bools, float32. Each case is evaluated on a fresh generator
(``legacy``: ``RandomState(seed)``; ``generator:pcg64``: ``Generator(PCG64(seed))``).
``tests/print_fixtures.rs`` compares nprand's text exactly.

    python3 scripts/gen_print_fixtures.py          # write fixtures/print/cases.json
    python3 scripts/gen_print_fixtures.py --check  # exit 1 if it is not up to date
"""

from __future__ import annotations

import json
import os
import random
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixgen.common import file_main  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "print", "cases.json")

FIXED_SHAPES = [(1,), (5,), (1000,), (1001,), (7, 143), (10, 100), (2, 3, 4, 5), (1, 1, 1001),
                (3, 1, 7, 48), (0,), (2, 0), (6, 7), (7, 6), (1, 7, 7), (8, 8, 8, 2), (2, 500),
                (2, 501), (1001, 1), (4, 4, 4), (3, 3, 3, 3)]

LEGACY = [
    "rand({dims})", "randn({dims})", "standard_cauchy(size={size})",
    "lognormal(0, 20, size={size})", "normal(0, 1e10, size={size})",
    "uniform(-1e-6, 1e-6, size={size})", "exponential(1e-5, size={size})",
    "standard_t(0.5, size={size})", "lognormal(0, 1000, size={size})",
    "normal(1e8, 1, size={size})", "uniform(-1, 1, size={size})",
    "normal(float('nan'), 1, size={size})", "uniform(0, 1000, size={size})",
    "randint(-1000, 1000, size={size})", "randint(0, 10, size={size}, dtype='int8')",
    "randint(-2**63, 2**63 - 1, size={size}, dtype='int64')",
    "randint(0, 2**64 - 1, size={size}, dtype='uint64')",
    "randint(0, 65535, size={size}, dtype='uint16')", "randint(0, 2, size={size}, dtype='bool')",
    "binomial(10, 0.5, size={size})", "poisson(1e6, size={size})",
]
GENERATOR = [
    "random({size}, dtype=np.float32)", "standard_normal({size}, dtype=np.float32)",
    "standard_exponential({size}, dtype=np.float32)", "random({size})",
    "integers(-5, 5, size={size}, dtype=np.int32)", "integers(0, 2, size={size}, dtype=bool)",
    "standard_cauchy({size})", "lognormal(0, 30, size={size})",
    "uniform(-1e-5, 1e-5, size={size})",
]


def shape_text(shape) -> str:
    return "(%s)" % "".join("%d, " % d for d in shape) if len(shape) == 1 else repr(tuple(shape))


def calls():
    rnd = random.Random(20261205)
    out = []
    for i in range(160):
        if i < len(FIXED_SHAPES) * 2:
            shape = FIXED_SHAPES[i % len(FIXED_SHAPES)]
        else:
            ndim = rnd.randint(1, 4)
            target = rnd.choice([6, 7, 30, 999, 1000, 1001, 1002, 5000])
            shape = []
            left = target
            for k in range(ndim - 1):
                d = rnd.randint(1, max(1, int(round(left ** (1 / (ndim - k))))) * 2)
                shape.append(d)
                left = max(1, left // d)
            shape.append(left)
        front = rnd.choice(["legacy", "legacy", "generator:pcg64"])
        template = rnd.choice(LEGACY if front == "legacy" else GENERATOR)
        if "{dims}" in template and 0 in shape:
            template = "rand(size={size})".replace("rand", "random_sample")
        call = template.format(dims=", ".join(map(str, shape)), size=shape_text(shape))
        out.append((front, rnd.randint(0, 2**32 - 1), call))
    return out


def run(front: str, seed: int, call: str):
    if front == "legacy":
        obj = np.random.RandomState(seed)
    else:
        obj = np.random.Generator(np.random.PCG64(seed))
    x = eval("obj." + call, {"obj": obj, "np": np})
    return str(x), repr(x)


def build() -> str:
    rows = []
    for front, seed, call in calls():
        s, r = run(front, seed, call)
        rows.append(json.dumps({"front": front, "seed": seed, "call": call, "str": s, "repr": r}))
    return '{"oracle": "NumPy %s, default print options", "cases": [\n  %s\n]}\n' % (
        np.__version__, ",\n  ".join(rows))


def main() -> int:
    with np.errstate(all="ignore"):
        return file_main(OUT, build)


if __name__ == "__main__":
    sys.exit(main())
