#!/usr/bin/env python3
"""``fixtures/python/manifest.json``: CPython's ``random.Random`` results for nprand's tests.

Written by ``scripts/gen_fixtures.py`` (family ``python``) under CPython 3.11 (the reference).
Cases that need Python 3.12 (``binomialvariate`` and the 3.12 error texts) are computed by a real
CPython 3.12, run as a worker (``$PYTHON312``, else ``python3.12`` on PATH, else pyenv's 3.12.1).
Standard library only; deterministic (a second run leaves the file byte-identical).

Layout::

    {"python": "3.11", "cases": [
      {"version": "3.11" | "3.12", "seed": <--seed text>,
       "calls": [{"call": "random()", "result": {"json": "0.84...", "repr"?: "..."}},
                 {"call": "randrange(0)", "error": {"type": "ValueError", "message": "..."}}],
       "state_sha256": ..., "pos": ..., "gauss_next": <json>, "state"?: <full state JSON>}, ...],
     "lgamma": [[repr(x), repr(math.lgamma(x)) or "ValueError: ..."], ...],
     "float_repr": [[IEEE bits of x in decimal, repr(x)], ...]}

The call entries are those of the NumPy families (``fixgen.common``); a CPython result is a
Python object, so its exact tokens are ``json.dumps(value)`` (bytes as a hex string) and
``repr(value)`` (left out when equal to the json text). ``state_sha256`` is the SHA-256 of the
state JSON (``py_state.state_to_json``) after the calls; a few cases carry the full ``state``.
``lgamma`` pins CPython's own ``m_lgamma`` (3.12's binomialvariate uses it); ``float_repr``
floats whose shortest digits need round-half-even. tests/python_fixtures.rs replays it all.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import shutil
import struct
import subprocess
import sys

from fixgen.common import SCRIPTS_DIR, write_json

import py_state  # noqa: E402  (scripts/; fixgen.common puts it on sys.path)

SEEDS = [
    0, 1, 42, -5, 2**32, 2**32 - 1, 2**64 + 1, 2**100, -2**70, 12345678901234567890, True,
    "hello", "", "héllo ✓", b"bytes", bytearray(b"\x00\xff"), b"",
    1.5, -2.0, 0.1, 1e300, float("inf"),
]


def L(n, start=0):
    return "[" + ", ".join(str(i) for i in range(start, start + n)) + "]"


CORE = (
    ["random()", "random()"]
    + [f"getrandbits({k})" for k in (0, 1, 31, 32, 33, 40, 63, 64, 65, 96, 100, 128, 129, 1000)]
    + [f"randbytes({n})" for n in (0, 1, 2, 3, 4, 5, 7, 9, 16)]
    + ["random()", "getrandbits(k=3)", "getrandbits(True)"]
)

INTS = [
    "randrange(10)", "randrange(8)", "randrange(1)", "randrange(2)", "randrange(2**31)", "randrange(2**32)",
    "randrange(2**32 + 1)", "randrange(-5, 5)", "randrange(0, 100, 7)", "randrange(100, 0, -7)",
    "randrange(10, -10, -3)", "randrange(-10, -1, 2)", "randrange(-2**70, 2**70)", "randrange(0, 2**100, 3)",
    "randrange(2**64)", "randrange(2**64 + 1)", "randrange(170141183460469231731687303715884105727)", "randrange(-2**126, 2**126, 2**60 + 1)",
    "randrange(5, 6)", "randrange(5, 7, 5)", "randrange(2**100, -2**100, -(2**99))",
    "randint(1, 6)", "randint(-2**65, 2**65)", "randint(5, 5)", "randint(0, 2**32)", "randint(-3, -1)",
    "randrange(10.0)", "randrange(0, 10, 2.0)", "randint(1, 6.0)", "randrange(True)", "randrange(5, None)",
    "randrange(start=3, stop=9)", "randrange(3, step=1)", "randint(a=0, b=2**40)", "randrange(10, None, 1)",
    "randrange(-1e18, 1e18)",
]

# Ints past i128 (nprand eval folds Python ints of any size) and the ssize_t edges of k.
HUGE_INTS = [
    "randrange(10**40)", "randrange(-10**40, 10**40)", "randrange(0, 10**40, 10**20)",
    "randrange(10**40, 0, -(10**30 + 7))", "randint(-10**50, 10**50)", "randrange(2**1000)",
    "randrange(2**128)", "randrange(-2**127 - 1, -2**127 + 5)", "getrandbits(200)",
    "choice([10**40, 2**200, -10**40])", "uniform(0, 10**40)", "uniform(-10**40, 2**200)",
    "gauss(10**40, 1)", "choices([1, 2], k=-2**63)", "shuffle([10**40, 1, 2**200])",
    "randrange(0, 10**4000, 3)", "choices([1, 2], k=-2**63-1)", "choices([1, 2], k=-10**40)",
    "choices([1, 2], [1, 2], k=-10**40)", "uniform(0, 10**400)", "randrange(10**40, 10**40)",
]

SEQ = [
    "choice([1, 2, 3])", "choice('abc')", "choice((1, 2.5, 'x', None, True))", "choice([5])",
    "choice([[1, 2], (3, 4)])", f"shuffle({L(20)})", "shuffle([])", "shuffle([1])", "shuffle(['a', 'b', 'c'])",
    f"sample({L(10)}, 3)", f"sample({L(30)}, 3)", f"sample({L(21)}, 5)", f"sample({L(22)}, 5)",
    f"sample({L(100)}, 10)", f"sample({L(85)}, 10)", f"sample({L(86)}, 10)", "sample('abcdef', 6)",
    f"sample({L(5)}, 0)", f"sample({L(5)}, 5)", "sample(['red', 'blue'], counts=[4, 2], k=5)",
    "sample(['a', 'b', 'c'], counts=[1, 0, 2], k=3)", "sample([1, 2, 3], k=2, counts=[2**62, 1, 2**62 - 5])", "sample([1, 2, 3], k=2, counts=[10**20, 1, 10**20])",
    "sample(('x', 'y'), counts=(3, True), k=4)", f"sample({L(40)}, k=True)", f"sample({L(300)}, 40)",
    f"sample({L(200)}, 40)",
    "choices(['a', 'b', 'c'], k=5)", "choices([1, 2, 3], [1, 2, 3], k=6)", "choices([1, 2, 3], [0.1, 0.2, 0.7], k=5)",
    "choices([1, 2, 3], cum_weights=[1, 1, 5], k=4)", "choices('xyz', [1, 2.5, 3], k=4)",
    "choices([1, 2], [2**70, 1], k=3)", "choices([1], k=3)", "choices([1, 2, 3], k=0)", "choices([1, 2, 3], k=-1)",
    "choices([1, 2, 3], [1, -1, 3], k=5)", "choices([1, 2, 3])", "choices([1, 2, 3], None, cum_weights=[0.5, 0.5, 1.0], k=3)",
    "choices([1, 2, 3], [0, 0, 1e-300], k=2)", "choices((1, 2), weights=(True, False), k=2)",
]

REAL = [
    "uniform(0, 1)", "uniform(2.5, -1)", "uniform(1, 1)", "uniform(-1e300, 1e300)", "uniform(a=-3, b=0.5)",
    "triangular()", "triangular(0, 10)", "triangular(0, 10, 2)", "triangular(0, 10, 10)", "triangular(3, 3)",
    "triangular(3, 3, 3)", "triangular(3.0, 3.0, 1.0)", "triangular(10, 0, 8)", "triangular(0, 1, -1)",
    "triangular(0, 1, 2)", "triangular(mode=0.25)", "triangular(True, True, 0)",
    "normalvariate()", "normalvariate(5, 2)", "gauss()", "gauss()", "gauss(100, 0.5)", "gauss()",
    "normalvariate(0, 1)", "gauss(mu=1, sigma=2)", "gauss(1e300, 1e300)", "lognormvariate(0, 1)",
    "lognormvariate(1, 0.25)", "lognormvariate(0, -1)", "lognormvariate(700, 1)", "lognormvariate(-800, 1)",
    "expovariate(1.5)", "expovariate(-2)", "expovariate(1e-300)", "expovariate(lambd=3)",
    "vonmisesvariate(0, 0)", "vonmisesvariate(1, 1e-7)", "vonmisesvariate(-1, 4)", "vonmisesvariate(3, 0.5)",
    "vonmisesvariate(10, 50)", "vonmisesvariate(-10, 2)", "vonmisesvariate(0, 1e6)", "vonmisesvariate(1e300, 1)",
    "gammavariate(0.5, 1)", "gammavariate(0.01, 2)", "gammavariate(1, 3)", "gammavariate(1.0, 1.0)",
    "gammavariate(2.5, 0.5)", "gammavariate(100, 1)", "gammavariate(1e-300, 1)", "gammavariate(0.999, 1)",
    "gammavariate(1.001, 1)", "gammavariate(1e10, 1)", "gammavariate(3, 1e300)",
    "betavariate(2, 3)", "betavariate(0.5, 0.5)", "betavariate(1e-300, 1)", "betavariate(1, 1)",
    "betavariate(100, 0.01)", "paretovariate(3)", "paretovariate(0.5)", "paretovariate(1e-3)",
    "paretovariate(-2)", "weibullvariate(1, 2)", "weibullvariate(2, 0.5)", "weibullvariate(1, 0.01)",
    "weibullvariate(-1, -2)", "weibullvariate(0, 1)",
]

ERRORS = [
    "choice([])", "choice('')", "random()", "sample([1, 2], 3)", "sample([1, 2], -1)", "choices([], k=1)",
    "random()", "choices([], k=0)", "choices([1], [0])", "choices([1, 2], [1])",
    "choices([1], cum_weights=[1], weights=[1])", "choices([1], 3)", "choices([1, 2], [float('inf'), 1])",
    "choices([1, 2], [float('nan'), 1])", "choices([1, 2], [-1, -1])", "choices([1, 2], k=1.5)",
    "randrange(0)", "randrange(-3)", "randrange(10, 5)", "randrange(10, 5, 2)", "randrange(10, 20, 0)",
    "randrange(10, None, 2)", "randrange(1.5)", "randrange(0, 1.5)", "randrange(0, 10, 1.5)", "randint(1.5, 3)",
    "randint(1, 3.5)", "randint(5, 4)", "randrange(float('inf'))", "randrange(float('nan'))", "randrange('a')",
    "randrange('5')", "randrange(None)", "getrandbits(-1)", "getrandbits(2**31)", "getrandbits(1.0)",
    "getrandbits()", "getrandbits(1, 2)", "randbytes(-1)", "randbytes(2.0)", "randbytes(2**28)",
    "gammavariate(0, 1)", "gammavariate(1, -1)", "gammavariate(-1, 0)", "expovariate(0)", "expovariate()",
    "paretovariate(0)", "weibullvariate(1, 0)", "uniform(1)", "uniform()", "uniform(1, 2, 3)",
    "uniform(1, 2, c=3)", "uniform(1, a=2)", "random(1)", "random(x=1)", "foo()", "binomialvariate(10, 0.5)",
    "sample([1, 2], counts=[1], k=1)", "sample([1, 2], counts=[1.0, 1], k=1)", "sample([1, 2], counts=[0, 0], k=1)",
    "sample([1, 2], counts=[-1, 1], k=1)", "sample([1, 2], 1.0)", "sample([1, 2], 3.0)", "sample([1], 1, [1])",
    "sample([1], 1, [1], counts=[1])", "sample(5, 1)", "sample([1, 2])", "shuffle((1, 2, 3))", "shuffle('ab')",
    "shuffle((1,))", "choice(5)", "choice(None)", "choices(5)", "lognormvariate(1000, 1)", "gauss(1, 2, 3)",
    "triangular(1, 2, 3, 4)", "vonmisesvariate()", "randrange()", "randrange(1, 2, 3, 4)", "getstate(1)",
    "choices([1, 2], [1, 2], [3])", "randint(1)", "random()",
    # mu that is no number: `mu + acos(f)` or `mu - acos(f)` by the last draw; with this
    # kappa acos(f) is 0.0 on both branches.
    "vonmisesvariate(None, 2**53-1)", "vonmisesvariate(None, 2**53-1)", "vonmisesvariate(None, 2**53-1)",
    "vonmisesvariate(None, 2**53-1)", "vonmisesvariate('a', 3)", "vonmisesvariate('a', 3)",
]

GAUSS_STATE = [
    "gauss()", "seed(7)", "gauss()", "gauss()", "gauss()", "seed('x')", "normalvariate()", "gauss(3, 0)",
    "seed(2**80)", "random()", "gauss()", "seed(-2.5)", "gauss()", "seed(True)",
    "gauss()", "seed([1])", "seed(1, version=1)", "seed('a', version=1)", "gauss()",
]

# 3.12-only behaviour (computed by a real CPython 3.12 worker).
V312 = [
    "binomialvariate()", "binomialvariate(1, 0.3)", "binomialvariate(10, 0.5)", "binomialvariate(100, 0.3)",
    "binomialvariate(100, 0.05)", "binomialvariate(1000, 0.5)", "binomialvariate(1000, 0.9)",
    "binomialvariate(50, 0.95)", "binomialvariate(0, 0.5)", "binomialvariate(10, 0)", "binomialvariate(10, 1)",
    "binomialvariate(10, 0.0)", "binomialvariate(10, 1.0)", "binomialvariate(5, 1.5)", "binomialvariate(-1, 0.5)",
    "binomialvariate(5, -0.1)", "binomialvariate(10**6, 0.3)", "binomialvariate(10**9, 1e-9)",
    "binomialvariate(20, 0.5)", "binomialvariate(21, 0.5)", "binomialvariate(19, 0.5)", "binomialvariate(1, 0.5)",
    "binomialvariate(n=7, p=0.25)", "binomialvariate(10**12, 0.5)", "binomialvariate(2**40, 1e-16)",
    "binomialvariate(100, 1e-300)", "binomialvariate(30, 0.7)", "binomialvariate(0, 0)",
    "randrange(5, 5)", "randrange(10, 5, 2)", "randrange(1.5)", "randrange(10.0)", "randint(5, 4)",
    "randrange(0)", "randrange(10, None, 2)", "expovariate()", "expovariate(2)", "random()",
]


def fuzz_cases(n_cases: int, calls_per_case: int, rng: random.Random, hostile: float = 0.0):
    """Random cases: random seeds and calls with random parameters (every method); a share
    ``hostile`` of the calls takes edge values of every kind (``hostile_call``)."""
    from_seed = [
        lambda: rng.randrange(-2**40, 2**40),
        lambda: rng.getrandbits(rng.randrange(1, 200)) * rng.choice([1, -1]),
        lambda: rng.randrange(0, 1000),
        lambda: "".join(rng.choice("abcxyz é✓") for _ in range(rng.randrange(0, 12))),
        lambda: bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 10))),
        lambda: rng.uniform(-1e6, 1e6),
    ]
    out = []
    for _ in range(n_cases):
        seed = rng.choice(from_seed)()
        # No draw for the hostile coin when hostile == 0: the fixture cases stay as they were.
        calls = [hostile_call(rng) if hostile and rng.random() < hostile else random_call(rng)
                 for _ in range(calls_per_case)]
        out.append((seed, calls))
    return out


def rf(rng: random.Random, lo=-10.0, hi=10.0) -> str:
    x = rng.choice([rng.uniform(lo, hi), float(rng.randrange(int(lo), int(hi) + 1)), rng.uniform(0, 1)])
    return repr(x)


def rpos(rng: random.Random) -> str:
    return repr(rng.choice([rng.uniform(0.01, 5.0), rng.uniform(5, 200), rng.uniform(1e-4, 1), 1.0, float(rng.randrange(1, 10))]))


def rint(rng: random.Random) -> int:
    return rng.choice([rng.randrange(-10, 11), rng.randrange(-2**40, 2**40), rng.getrandbits(rng.randrange(1, 126)) * rng.choice([1, -1])])


def rpop(rng: random.Random) -> list:
    n = rng.choice([rng.randrange(0, 6), rng.randrange(0, 30), rng.randrange(0, 120)])
    return list(range(n))


def random_call(rng: random.Random) -> str:
    m = rng.randrange(27)
    if m == 0:
        return "random()"
    if m == 1:
        return f"getrandbits({rng.choice([rng.randrange(0, 70), rng.randrange(0, 300)])})"
    if m == 2:
        return f"randbytes({rng.randrange(0, 20)})"
    if m == 3:
        return f"randrange({rng.choice([rng.randrange(1, 100), 2**rng.randrange(0, 120), rng.getrandbits(rng.randrange(1, 126))])})"
    if m == 4:
        a, b = rint(rng), rint(rng)
        step = rng.choice([1, rng.randrange(1, 10), -rng.randrange(1, 10), rint(rng) or 1])
        return f"randrange({a}, {b}, {step})"
    if m == 5:
        a = rint(rng)
        return f"randint({a}, {a + rng.choice([0, rng.randrange(0, 50), abs(rint(rng))])})"
    if m == 6:
        return f"choice({rpop(rng)!r})"
    if m == 7:
        return f"shuffle({rpop(rng)!r})"
    if m == 8:
        pop = rpop(rng)
        k = rng.randrange(0, len(pop) + 2)
        return f"sample({pop!r}, {k})"
    if m == 9:
        pop = rpop(rng)[:rng.randrange(1, 8)] or [0]
        counts = [rng.randrange(0, 5) for _ in pop]
        return f"sample({pop!r}, counts={counts!r}, k={rng.randrange(0, sum(counts) + 2)})"
    if m == 10:
        pop = rpop(rng)
        return f"choices({pop!r}, k={rng.randrange(0, 8)})"
    if m == 11:
        pop = rpop(rng)[:10] or [0]
        w = [rng.choice([rng.randrange(0, 5), rng.uniform(0, 3)]) for _ in pop]
        if rng.random() < 0.5:
            return f"choices({pop!r}, {w!r}, k={rng.randrange(0, 8)})"
        cw, acc = [], 0
        for x in w:
            acc += x
            cw.append(acc)
        return f"choices({pop!r}, cum_weights={cw!r}, k={rng.randrange(0, 8)})"
    if m == 12:
        return f"uniform({rf(rng)}, {rf(rng)})"
    if m == 13:
        lo, hi = rf(rng), rf(rng)
        return rng.choice([f"triangular({lo}, {hi})", f"triangular({lo}, {hi}, {rf(rng)})", "triangular()"])
    if m == 14:
        return f"normalvariate({rf(rng)}, {rpos(rng)})"
    if m == 15:
        return rng.choice(["gauss()", f"gauss({rf(rng)}, {rpos(rng)})"])
    if m == 16:
        return f"lognormvariate({rf(rng, -3, 3)}, {rpos(rng)})"
    if m == 17:
        return f"expovariate({rf(rng)})"
    if m == 18:
        return f"vonmisesvariate({rf(rng)}, {rng.choice([rpos(rng), repr(rng.uniform(0, 1e-5))])})"
    if m == 19:
        return f"gammavariate({rpos(rng)}, {rpos(rng)})"
    if m == 20:
        return f"betavariate({rpos(rng)}, {rpos(rng)})"
    if m == 21:
        return f"paretovariate({rpos(rng)})"
    if m == 22:
        return f"weibullvariate({rpos(rng)}, {rpos(rng)})"
    if m == 23:
        return rng.choice(["gauss()", "gauss()", "normalvariate()"])
    if m == 24:
        return f"gammavariate({repr(rng.uniform(0.01, 1.0))}, 1.0)"
    if m == 25:
        return f"gammavariate({repr(rng.uniform(1.0, 3.0))}, 1.0)"
    return f"choice({''.join(rng.choice('abc') for _ in range(rng.randrange(1, 5)))!r})"


# Edge values of every kind (issue #12). No value makes CPython hang or allocate without
# bound: NaN/inf never reach gammavariate/betavariate/vonmisesvariate's loops, and list
# lengths (k) are either small or beyond a C ssize_t.
HOSTILE = ["0", "-1", "1", "0.0", "-0.0", "1e-300", "5e-324", "float('nan')", "float('inf')",
           "-float('inf')", "2**53-1", "2**53+1", "-2**53-1", "2**63", "2**64", "-2**63", "2**100+1",
           "True", "False", "'a'", "''", "None", "[]", "[1]", "[[1, 2]]", "()", "(1, 2)",
           "int", "float", "0.5", "3", "1e308", "-1e308", "2.2250738585072014e-308", "-0.5",
           "0.9999999999999999", "1.0000000000000002", "-2**31-1", "10**20",
           "1e20", "2**126", "-2**126", "10**38", "[1, 2, 3]", "'abc'", "(1,)",
           "2**127", "-2**127-1", "2**128", "10**40", "-10**40", "2**1000+1", "-2**1000",
           "2**1024", "10**400"]
LOOPS = {"gammavariate", "betavariate", "vonmisesvariate"}
# Magnitudes that keep those loops of CPython's turning for a long time.
BIG = {"1e308", "-1e308", "2**100+1", "2**64", "2**63", "1e20", "10**20", "2**126", "-2**126", "10**38",
       "2**127", "-2**127-1", "2**128", "10**40", "-10**40", "2**1000+1", "-2**1000", "2**1024", "10**400"}
FLOAT_METHODS = {"uniform": 2, "triangular": 3, "normalvariate": 2, "gauss": 2, "lognormvariate": 2,
                 "expovariate": 1, "vonmisesvariate": 2, "gammavariate": 2, "betavariate": 2,
                 "paretovariate": 1, "weibullvariate": 2}


def hostile_call(rng: random.Random) -> str:
    """A call of any method with edge values, wrong types and bad keywords."""
    def val(method=None):
        v = rng.choice(HOSTILE)
        if method in LOOPS and ("nan" in v or "inf" in v or v in BIG):
            v = "2.0"
        return v
    m = rng.random()
    if m < 0.5:
        name = rng.choice(sorted(FLOAT_METHODS))
        args = [val(name) for _ in range(rng.randrange(0, FLOAT_METHODS[name] + 2))]
        if name in LOOPS and len(args) >= 1 and name != "vonmisesvariate":
            # alpha in (0, tiny] loops for a long time in CPython too.
            args[0] = rng.choice(["0.5", "2.0", "3", "True", "'a'", "None", "-1", "0"])
        if name == "vonmisesvariate" and len(args) >= 2 and args[1] in ("1e-300", "5e-324", "2.2250738585072014e-308"):
            args[1] = "1e-7"
        call = f"{name}({', '.join(args)}"
        if rng.random() < 0.1:
            call += (", " if args else "") + rng.choice(["mu=1", "zz=2", "a=1", "sigma=0.5", "beta=2"])
        return call + ")"
    if m < 0.6:
        k = rng.choice(["0", "-1", "1", "64", "20000", "14300", "14299", "100000", "2**31", "2**31-1",
                        "1.0", "None", "True", "'a'"])
        return f"getrandbits({k})"
    if m < 0.65:
        n = rng.choice(["0", "-1", "3", "2**31", "2**20+1", "1.0", "None", "True", "'a'"])
        return f"randbytes({n})"
    if m < 0.8:
        name = rng.choice(["randrange", "randint"])
        args = [rng.choice(HOSTILE) for _ in range(rng.randrange(0, 4))]
        return f"{name}({', '.join(args)})"
    pop = rng.choice(["[1]", "[1, 2, 3]", "[]", "'abc'", "(1, 2)", "None", "3", "[[1], [2]]"])
    k = rng.choice(["0", "1", "2", "-1", "2**63", "2**64", "1.5", "None", "True", "'a'", "[1]",
                    "10**40", "-10**40"])
    which = rng.randrange(5)
    if which == 0:
        return f"choices({pop}, k={k})"
    if which == 1:
        w = rng.choice(["[1]", "[1, 2, 3]", "[0, 0, 0]", "[float('nan'), 1, 1]", "[float('inf'), 1, 1]", "[-1, 1, 1]", "None", "3", "'abc'"])
        return f"choices({pop}, {rng.choice(['cum_weights=', ''])}{w}, k={k})"
    if which == 2:
        return f"sample({pop}, {k})"
    if which == 3:
        c = rng.choice(["[1]", "[10**9, 10**9]", "[2, 2, 2]", "[0, 0, 0]", "[1.5, 1, 1]", "[-1, 2, 2]", "None", "[2**63, 1, 1]"])
        return f"sample({pop}, counts={c}, k={k})"
    return f"{rng.choice(['choice', 'shuffle'])}({pop})"


def random_binomial_call(rng: random.Random) -> str:
    n = rng.choice([rng.randrange(0, 30), rng.randrange(0, 1000), rng.randrange(0, 10**7)])
    p = rng.choice([rng.random(), rng.uniform(0, 0.05), rng.uniform(0.95, 1), 0.5])
    return f"binomialvariate({n}, {p!r})"


def run_case(seed, calls) -> dict:
    r = random.Random(seed)
    entries = []
    for c in calls:
        out = py_state.outcome(r, c)
        entries.append({"call": c, "error": out["error"]} if "error" in out
                       else {"call": c, "result": out})
    st = py_state.state_to_json(r)
    return {
        "seed": py_state.seed_text(seed),
        "calls": entries,
        "state_sha256": hashlib.sha256(st.encode()).hexdigest(),
        "pos": r.getstate()[1][-1],
        "gauss_next": json.dumps(r.getstate()[2]),
    }


def find_python312() -> str:
    for cand in (os.environ.get("PYTHON312"), os.path.expanduser("~/.pyenv/versions/3.12.1/bin/python3.12"),
                 shutil.which("python3.12")):
        if cand and os.path.exists(cand):
            ok = subprocess.run([cand, "-c", "import sys; assert sys.version_info[:2] == (3, 12)"],
                                capture_output=True).returncode == 0
            if ok:
                return cand
    sys.exit("fixgen/python.py: a CPython 3.12 is needed for the 3.12 cases (set $PYTHON312)")


def run_in_312(jobs) -> list:
    """Run [(seed_text, calls)] in a CPython 3.12 worker; return the case dicts."""
    py = find_python312()
    payload = json.dumps(jobs)
    code = "import sys; sys.path.insert(0, %r); from fixgen import python; python.worker()" % SCRIPTS_DIR
    res = subprocess.run([py, "-c", code], input=payload, capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def worker() -> None:
    jobs = json.loads(sys.stdin.read())
    out = []
    for seed_txt, calls in jobs:
        case = run_case(py_state.seed_from_text(seed_txt), calls)
        case["version"] = "%d.%d" % sys.version_info[:2]
        case["python"] = sys.version.split()[0]
        out.append(case)
    print(json.dumps(out))


def outcome(entry: dict) -> dict:
    """A call entry as ``py_state.outcome`` returns it (``{"json", "repr"?}`` or ``{"error"}``)."""
    return entry["result"] if "result" in entry else {"error": entry["error"]}


def generate(out_dir: str) -> dict:
    assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
    cases = []
    for seed in SEEDS:
        for group in (CORE, INTS, SEQ, REAL, ERRORS, GAUSS_STATE, HUGE_INTS):
            case = run_case(seed, group)
            case["version"] = "3.11"
            cases.append(case)
    # Full state for a few cases (the rest carry its SHA-256).
    for seed in (0, "hello", 2**100):
        case = run_case(seed, ["random()", "gauss()"])
        case["version"] = "3.11"
        r = random.Random(seed)
        r.random(), r.gauss()
        case["state"] = py_state.state_to_json(r)
        cases.append(case)
    rng = random.Random(20240611)
    for seed, calls in fuzz_cases(250, 10, rng):
        case = run_case(seed, calls)
        case["version"] = "3.11"
        cases.append(case)
    jobs = [(py_state.seed_text(s), V312) for s in (0, 1, 42, -5, 2**64 + 1, "hello", b"bytes", 1.5)]
    jobs += [(str(rng.randrange(2**32)), [random_binomial_call(rng) for _ in range(10)]) for _ in range(60)]
    cases.extend(run_in_312(jobs))
    # math.lgamma (CPython's own m_lgamma, used by 3.12's binomialvariate).
    xs = [0.5, 1.5, 2.5, 3.0, 4.0, 7.0, 10.5, 100.0, 1e-10, 1e-25, 171.5, 1e6, 1e300, -0.5, -1.5, -2.5, -1e-10,
          -100.25, 0.0, -1.0, -2.0, 1.0, 2.0]
    xs += [rng.uniform(0, 30) for _ in range(150)] + [float(rng.randrange(3, 10**7)) for _ in range(100)]
    xs += [rng.uniform(-30, 0) for _ in range(50)]
    lgamma = []
    for x in xs:
        try:
            lgamma.append([repr(x), repr(math.lgamma(x))])
        except ValueError as e:
            lgamma.append([repr(x), "ValueError: " + str(e)])

    # repr(float) where the shortest digits end in a tie (e.g. 11669462770443.3125 -> ...312).
    reprs = []
    for _ in range(1000):
        k = rng.randrange(1, 12)
        x = rng.randrange(10**11, 10**16) + rng.randrange(0, 2**k) / 2**k
        reprs.append([str(struct.unpack("<Q", struct.pack("<d", x))[0]), repr(x)])
    write_json(os.path.join(out_dir, "manifest.json"),
               {"python": "%d.%d" % sys.version_info[:2], "cases": cases,
                "lgamma": lgamma, "float_repr": reprs})
    return {"cases": len(cases), "calls": sum(len(c["calls"]) for c in cases)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("python"))
