"""Fixtures of NumPy's seeding forms (issue #13), from real NumPy 2.4.6 / CPython 3.11.

``numpy-testsets/``: NumPy's own test data, ``numpy/random/tests/data/*-testset-*.csv``,
copied byte for byte from the installed NumPy (BSD-3-Clause, see LICENSE-THIRD-PARTY.md):
for each bit generator, ``Gen(seed)`` with seed ``0xdeadbeaf`` (``-1.csv``) and ``0``
(``-2.csv``), then ``random_raw(1000)``, as ``numpy/random/tests/test_direct.py`` seeds them
(``self.bit_generator(*seed)``: MT19937 too is seeded through ``SeedSequence``).

``cases.json``: the seed argument written as a Python expression (what ``nprand eval --seed``
takes) and what NumPy makes of it:

- ``generator:KIND``: ``KIND(eval(seed)).random_raw(3)`` (``default``: ``default_rng``);
- ``legacy``: ``RandomState(eval(seed)).randint(0, 2**32, size=4, dtype=np.uint32)``;
- ``python``: ``random.Random(eval(seed)).random()``;

each as the values' text, or the exception's type and message; and ``bit_generator_runs``:
calls reaching the bit generator (``bit_generator.random_raw(...)``, ``.state``, ``.seed_seq``, ``.jumped(n).…``,
``.advance(n)``, missing attributes) with each result's ``repr`` or the exception.
``tests/seeding.rs`` runs every case through the library (``Seed`` → ``try_new`` / ``try_seeded`` /
``RandomState::try_new``) and through the binary (``nprand eval --seed ...``).

    python3 scripts/gen_fixtures.py --family seeding [--check]
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys

import numpy as np

from fixgen.common import write_text

KINDS = {"mt19937": np.random.MT19937, "pcg64": np.random.PCG64,
         "pcg64dxsm": np.random.PCG64DXSM, "philox": np.random.Philox,
         "sfc64": np.random.SFC64, "default": np.random.default_rng}

TESTSET_DIR = os.path.join(os.path.dirname(np.__file__), "random", "tests", "data")

GENERATOR_SEEDS = [
    "0", "1", "0xdeadbeaf", "2**32", "2**63", "2**64 + 1", "2**126 + 5", str(2**128 - 1),
    str(2**128), hex(2**160 + 3), str(2**200), "True", "-1", "-2**70", "-" + str(2**200),
    "[0]", "[1, 2]", "[3, 0xdeadbeaf]", "[2**64 + 1, 5]", "[]", "[[]]", "[[1, 2], [3]]",
    "(1, 2)", "[True]", "[-1, 5]", "[2**100, -1]", "[1.5]", "1.5", "'5'", "['0x10']",
    "['12345', 7]", "['abc']", "[None]",
    # Lists of literals beyond 128-bit arithmetic (a secrets.randbits(128) root seed).
    "[3, %d]" % (2**127 + 5), "[%s, 1]" % hex(2**130), "(%d,)" % 2**128, "[-%d, 1]" % 2**128,
    # The same as expressions (nprand eval folds ints of any size).
    "2**127 + 5", "2**128 - 1", "10**40", "-10**40", "[10**40, 1]", "[3, 2**130]", "3**200",
    "243799254704924441050048792905230269161",
]

LEGACY_SEEDS = [
    "0", "12345", "2**32 - 1", "2**32", "-1", "2**100", str(2**200), "True",
    "[]", "[0]", "[2**32 - 1, 0]", "[1, 2, 3]", "(1, 2, 3)", "[True, 2]", "[2**32]", "[-1]",
    "[[1, 2]]", "[[1], [2, 3]]", "[1, [2]]", "[[]]", "[[1.5]]", "1.5", "[1.5]", "[1, 2.0]",
    "[2**63]", "[-1, 2**63]", "[2**64]", "[-2**63 - 1]", "[1.5, 2**64]", "'5'", "''",
    "['5', '67']", "[1, '23']", "[-2**63]", "[%d]" % 2**128, "[3, %d]" % (2**127 + 5),
    "10**40", "-10**40", "[10**40]", "2**128 - 1", "[1.5, 10**40]",
]

PYTHON_SEEDS = ["0xdeadbeaf", "2**64 + 1", "-2**70", "2**32 - 1", str(2**200), "10**40",
                "-10**40", "2**1000 + 1", "[1]", "(1, 2)"]


def bitgen_call_runs(kind: str):
    """Runs of ``bit_generator.*`` calls on ``Generator(KIND(0xdeadbeaf))`` (the bit
    generator's own calls, its ``seed_seq``, calls on a ``jumped()`` copy); a run ends
    with at most one call that raises."""
    ok = ["bit_generator.random_raw()", "bit_generator.random_raw(3)",
          "rng.bit_generator.random_raw((2, 2))", "bit_generator.random_raw(2, output=False)",
          "bit_generator.random_raw(size=0)", "random()", "bit_generator.state"]
    if kind in ("pcg64", "pcg64dxsm", "philox"):
        ok += ["bit_generator.advance(5)", "bit_generator.state", "bit_generator.advance(-1)",
               "bit_generator.advance(2**100 + 3)", "bit_generator.random_raw()",
               "bit_generator.advance(2**128 - 1)", "bit_generator.random_raw()",
               "bit_generator.advance(2**300 + 5)", "bit_generator.advance(-10**40)",
               "bit_generator.random_raw()", "bit_generator.jumped(2**200 + 3).random_raw(2)",
               "bit_generator.jumped(-10**40).random_raw()",
               "integers(0, 5, dtype=np.uint32)", "bit_generator.state"]
    yield ok
    # nprand's MT19937 keeps no SeedSequence (NotImplementedError in nprand eval).
    if kind != "mt19937":
        yield ["bit_generator.seed_seq", "bit_generator.seed_seq.entropy",
               "bit_generator.seed_seq.spawn_key", "bit_generator.seed_seq.pool_size",
               "bit_generator.seed_seq.n_children_spawned",
               "bit_generator.seed_seq.generate_state(3)",
               "bit_generator.seed_seq.generate_state(2, np.uint64)", "random()",
               "bit_generator.seed_seq.generate_state(1, np.int64)"]
    if kind != "sfc64":
        yield ["bit_generator.random_raw()", "bit_generator.jumped().random_raw(3)",
               "bit_generator.jumped(2).state", "bit_generator.jumped(0).random_raw()",
               "bit_generator.jumped(True).jumped().random_raw(2)", "bit_generator.random_raw()",
               "bit_generator.state"]
    bad = ["bit_generator.foo", "bit_generator.random_raw(-1)", "bit_generator.random_raw(1.5)",
           "bit_generator.advance(1.5)", "bit_generator.random_raw(10**40)",
           "bit_generator.random_raw((2, -10**40))"]
    if kind != "mt19937":
        bad.append("bit_generator.seed_seq.generate_state(10**40)")
    if kind == "mt19937":
        bad += ["bit_generator.jumped(-2**100)", "bit_generator.jumped(10**40)",
                "bit_generator.jumped(-2**63 - 1)"]
    # (A bound method's repr names an address: only the classes without it are asked.)
    if kind == "sfc64":
        bad.append("bit_generator.jumped")
    for call in bad:
        yield ["bit_generator.random_raw()", call]


def bitgen_run(kind: str, calls) -> dict:
    """Each call's ``repr`` (``advance`` returns the bit generator, whose repr names an
    address: recorded as ``None``, which nprand prints as nothing), then the exception."""
    rng = np.random.Generator(KINDS[kind](0xdeadbeaf))
    out = []
    for c in calls:
        try:
            r = eval("rng." + c.removeprefix("rng."), {"rng": rng, "np": np})
        except Exception as e:
            return {"results": out, "error": {"type": type(e).__name__, "message": str(e)}}
        out.append(None if r is None or ".advance(" in c else repr(r))
    return {"results": out}


def generator_case(kind: str, seed: str) -> dict:
    try:
        if kind == "default":
            bg = np.random.default_rng(eval(seed)).bit_generator
        else:
            bg = KINDS[kind](eval(seed))
        return {"values": " ".join(str(int(x)) for x in bg.random_raw(3))}
    except Exception as e:
        return {"error": {"type": type(e).__name__, "message": str(e)}}


def legacy_case(seed: str) -> dict:
    try:
        rs = np.random.RandomState(eval(seed))
        return {"values": " ".join(str(int(x)) for x in
                                   rs.randint(0, 2**32, size=4, dtype=np.uint32))}
    except Exception as e:
        return {"error": {"type": type(e).__name__, "message": str(e)}}


def python_case(seed: str) -> dict:
    try:
        return {"values": repr(random.Random(eval(seed)).random())}
    except Exception as e:
        return {"error": {"type": type(e).__name__, "message": str(e)}}


def cases():
    for kind in KINDS:
        for seed in GENERATOR_SEEDS:
            yield {"front": "generator:" + kind, "seed": seed, **generator_case(kind, seed)}
    for seed in LEGACY_SEEDS:
        yield {"front": "legacy", "seed": seed, **legacy_case(seed)}
    for seed in PYTHON_SEEDS:
        yield {"front": "python", "seed": seed, **python_case(seed)}


def bitgen_cases():
    for kind in KINDS:
        if kind == "default":
            continue
        for calls in bitgen_call_runs(kind):
            yield {"front": "generator:" + kind, "seed": "0xdeadbeaf", "calls": calls,
                   **bitgen_run(kind, calls)}


def build() -> tuple[str, int]:
    rows = [json.dumps(c) for c in cases()]
    runs = [json.dumps(c) for c in bitgen_cases()]
    text = ('{"oracle": "NumPy %s, CPython %d.%d", "cases": [\n  %s\n],\n'
            ' "bit_generator_runs": [\n  %s\n]}\n') % (
        np.__version__, sys.version_info[0], sys.version_info[1], ",\n  ".join(rows),
        ",\n  ".join(runs))
    return text, len(rows), len(runs)


def generate(out_dir: str) -> dict:
    text, n, runs = build()
    write_text(os.path.join(out_dir, "cases.json"), text)
    testsets = sorted(f for f in os.listdir(TESTSET_DIR) if "-testset-" in f)
    os.makedirs(os.path.join(out_dir, "numpy-testsets"), exist_ok=True)
    for f in testsets:
        shutil.copyfile(os.path.join(TESTSET_DIR, f), os.path.join(out_dir, "numpy-testsets", f))
    return {"cases": n, "bit_generator_runs": runs, "numpy_testsets": len(testsets)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("seeding"))
