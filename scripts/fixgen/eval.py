"""Fixture of `nprand eval`'s Python-semantics helpers: the errors whose text rests on
`repr(str)` and `int(str)`, from real NumPy 2.4.6 / CPython 3.11.

Each case is a front-end (``legacy`` RandomState, ``generator`` over a bit generator,
``python`` random.Random), a seed and ONE call that raises; the fixture records the
exception's type and message. ``tests/eval_fixtures.rs`` runs every case through the
evaluator's front-end and requires the same error.

    python3 scripts/gen_fixtures.py --family eval [--check]   # fixtures/eval/cases.json
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import warnings

import numpy as np

from fixgen.common import write_text

# A fourth element MEMORY: the call raises MemoryError only once memory runs out, so it
# runs in a child process under an address-space limit (nprand refuses such lists up front).
MEMORY = "memory"
MEMORY_LIMIT = 256 << 20

# (front-end, seed, call[, MEMORY]). The first four are the mismatches of issue #11.
# Python calls that return record the value (json.dumps) instead of an error.
CASES = [
    # legacy uniform broadcasts low with arange = high - low: a size mismatch names
    # arange's shape (the fuzzer's one legacy message mismatch of session 6)
    ("legacy", 0, "uniform([[0], [0], [0], [0], [0]], [1, 1, 1, 1, 1, 1], size=(3,))"),
    ("legacy", 0, "uniform([[0], [0], [0], [0], [0]], [1, 1, 1, 1, 1, 1], size=(5, 7))"),
    ("legacy", 0, "uniform([0, 0, 0, 0, 0], [[1], [1], [1], [1], [1], [1]], size=(2,))"),
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
    # #12 evaluator semantics
    ("python", 0, "choices([1], k=2**63)"),
    ("python", 0, "choices([1], k=2**40)", MEMORY),
    ("python", 0, "choices([1, 2], cum_weights=[1, 2], k=10**12)", MEMORY),
    ("python", 0, "sample([1, 2], counts=[10**9, 10**9], k=10**9)", MEMORY),
    ("python", 0, "getrandbits(10**8)"),
    ("python", 0, "getrandbits(14286)"),
    ("python", 0, "getrandbits(14284)"),
    ("python", 0, "uniform(2**53+1, 3)"),
    ("python", 0, "uniform(3, 2**53+1)"),
    ("python", 0, "uniform(-2**63, 2**64)"),
    ("python", 0, "triangular(2**53+1, 3, 2**60)"),
    ("python", 0, "triangular(0, 2**53+1)"),
    ("python", 0, "triangular(1, 1, 5)"),
    ("python", 0, "uniform(int, 1)"),
    ("python", 0, "uniform(1, float)"),
    ("python", 0, "gauss('a', 1)"),
    ("python", 0, "gauss(1, 'a')"),
    ("python", 0, "normalvariate(None, 1)"),
    ("python", 0, "expovariate('a')"),
    ("python", 0, "paretovariate(0)"),
    ("python", 0, "weibullvariate([1], 2)"),
    ("python", 0, "vonmisesvariate('a', 2.0)"),
    ("python", 0, "vonmisesvariate(1, 'a')"),
    ("python", 0, "gammavariate(-1, 'a')"),
    ("python", 0, "betavariate(2.0, None)"),
    ("python", 0, "randint(1, 'a')"),
    ("python", 0, "choices([1, 2, 3], 'abc')"),
    ("python", 0, "choices([1, 2, 3], cum_weights=3)"),
    ("python", 0, "sample('abc', counts='abc', k=1)"),
    ("legacy", 0, "standard_normal(size=(1,)*65)"),
    ("generator:pcg64", 0, "standard_normal(size=(1,)*65)"),
    ("generator:pcg64", 0, "normal(size=('a',)*65)"),
    ("legacy", 0, "normal(" + "[" * 33 + "1" + "]" * 33 + ")"),
    ("generator:pcg64", 0, "normal(0, " + "[" * 33 + "1" + "]" * 33 + ")"),
    ("legacy", 0, "normal(" + "[" * 65 + "1" + "]" * 65 + ")"),
    ("generator:pcg64", 0, "permutation(" + "[" * 65 + "1" + "]" * 65 + ")"),
    ("legacy", 0, "normal(" + "[" * 40 + "1" + "]" * 40 + ", size=(1,)*33)"),
    ("legacy", 0, "normal(" + "[" * 33 + "1" + "]" * 33 + ", -1)"),
    ("legacy", 0, "randint(" + "[" * 40 + "0" + "]" * 40 + ", 5, size=(1,)*33)"),
    ("generator:pcg64", 0, "integers(0, [[[1]]], size=(1,)*33)"),
    ("generator:pcg64", 0, "multinomial([3], [0.5, 0.5], size=(1,)*33)"),
    # a float32 result's MemoryError names float32 and its bytes (session 11's hostile
    # fuzz; here, not in fixtures/generator, because these sizes need a 64-bit usize)
    ("generator:pcg64", 0, "standard_normal(2**53+1, dtype='float32')"),
    ("generator:pcg64", 0, "random((2**40, 2**20), dtype=np.float32)"),
    ("generator:pcg64", 0, "standard_exponential(2**53+1, dtype='float32', method='inv')"),
    ("generator:pcg64", 0, "permutation([10, 17], axis=None)"),
    ("generator:pcg64", 0, "permutation([1, 2], axis=1.5)"),
    ("generator:pcg64", 0, "permutation([[1, 2]], axis=3)"),
    ("generator:pcg64", 0, "permuted([1, 2], axis=3)"),
    ("generator:pcg64", 0, "shuffle((), axis=5)"),
    ("generator:pcg64", 0, "shuffle(5, axis=1)"),
    ("generator:pcg64", 0, "shuffle('ab')"),
    ("generator:pcg64", 0, "negative_binomial(None, 0.5)"),
    ("generator:pcg64", 0, "choice(False, 0.0)"),
    ("generator:pcg64", 0, "integers(0, 'a')"),
    ("generator:pcg64", 0, "integers(['a'], 5)"),
    ("generator:pcg64", 0, "integers(None)"),
    ("generator:pcg64", 0, "integers(float)"),
    ("legacy", 0, "dirichlet([1, 2], 1.5)"),
    ("legacy", 0, "dirichlet([1, 2, 3], -1.0)"),
    ("generator:pcg64", 0, "permutation(int)"),
    ("generator:pcg64", 0, "permutation('a', axis=None)"),
    ("generator:pcg64", 0, "permutation(1.5, axis=-1)"),
    ("legacy", 0, "multinomial(3, [0.5, 0.5], 1.5)"),
    ("legacy", 0, "multivariate_normal([0], [[1]], 1.5)"),
    # the hostile fuzzers' mismatches of #12 (session 6)
    ("generator:pcg64", 0, 'random(dtype=[])'),
    ("generator:pcg64", 0, 'random(dtype=[1, 2, 3])'),
    ("generator:pcg64", 0, 'random(dtype=())'),
    ("generator:pcg64", 0, 'random(dtype=(1, 2))'),
    ("generator:pcg64", 0, "random(dtype='a')"),
    ("generator:pcg64", 0, 'integers(0, 10, dtype=[[]])'),
    ("generator:pcg64", 0, "integers(0, 10, dtype='a')"),
    ("generator:pcg64", 0, 'exponential(1.0, 2**53 + 1)'),
    ("generator:pcg64", 0, 'bytes(-2**63)'),
    ("generator:pcg64", 0, 'choice(2**63, p=())'),
    ("generator:pcg64", 0, 'choice(2**64, [[[1]]])'),
    ("generator:pcg64", 0, 'choice(2**64, False, shuffle=1)'),
    ("generator:pcg64", 0, 'choice((1, 2), 2**64)'),
    ("generator:pcg64", 0, 'choice(True, int, replace=[1, 2, 3])'),
    ("generator:pcg64", 0, "choice(2**63, [0.5, float('nan')], float('inf'), axis=-0.0)"),
    ("generator:pcg64", 0, "choice(False, '')"),
    ("generator:pcg64", 0, "choice((1, 2), 'a', None)"),
    ("generator:pcg64", 0, "choice([[]], 2**53 + 1, [[1], [2]], 'a')"),
    ("generator:pcg64", 0, 'choice(0, [[1, 2], [3]])'),
    ("generator:pcg64", 0, 'choice(2**63, 3, replace=False)'),
    ("generator:pcg64", 0, 'choice([[1], [2]], 2**53 - 1, [1, 2])'),
    ("generator:pcg64", 0, 'integers(None, [[1, 2], [3]])'),
    ("generator:pcg64", 0, "integers(5e-324, 0, '')"),
    ("generator:pcg64", 0, "integers(float('nan'), 'a')"),
    ("generator:pcg64", 0, "integers([1, 2], 'a')"),
    ("generator:pcg64", 0, "integers([0.5, float('nan')], 'a', 5e-324)"),
    ("generator:pcg64", 0, 'noncentral_chisquare(-2**63, None, 0.0)'),
    ("generator:pcg64", 0, "negative_binomial('', 'a', [[1, 2], [3]])"),
    ("generator:pcg64", 0, 'standard_gamma((), True, None, [[1, 2], [3]])'),
    ("generator:pcg64", 0, 'standard_exponential(out=())'),
    ("generator:pcg64", 0, 'permuted([1, 2], out=())'),
    ("generator:pcg64", 0, "permuted('')"),
    ("generator:pcg64", 0, 'permuted(2**64)'),
    ("generator:pcg64", 0, "permutation('', axis=2**64)"),
    ("generator:pcg64", 0, 'permutation([1, 2], axis=2**31)'),
    ("generator:pcg64", 0, 'permutation(2**53 - 1)'),
    ("generator:pcg64", 0, 'dirichlet([0.5, 1], 0.0)'),
    ("generator:pcg64", 0, 'dirichlet((1, 2), int)'),
    ("generator:pcg64", 0, "dirichlet('')"),
    ("generator:pcg64", 0, 'dirichlet([[1, 2], [3]])'),
    ("generator:pcg64", 0, 'multinomial(3, [0.5, 0.5], size=0.0)'),
    ("generator:pcg64", 0, 'multivariate_hypergeometric([1, 2], 2, size=True)'),
    ("generator:pcg64", 0, 'multivariate_hypergeometric([1, 2], 2, size=0.5)'),
    ("generator:pcg64", 0, 'multivariate_hypergeometric([1, 2], 2, size=int)'),
    ("legacy", 0, 'beta(-2**63, None)'),
    ("legacy", 0, 'randint(0, 10, dtype=[1, 2])'),
    ("legacy", 0, 'randint(0, 10, dtype=[])'),
    ("legacy", 0, "randint(0, 10, size='')"),
    ("legacy", 0, 'rand(2**50)'),
    ("legacy", 0, 'permutation(2**53 + 1)'),
    ("legacy", 0, 'choice(2**53 - 1, (), False)'),
    ("legacy", 0, 'choice(2**63, replace=None)'),
    ("legacy", 0, "multinomial(3, 'a')"),
    ("legacy", 0, 'multinomial(0, float)'),
    ("legacy", 0, 'dirichlet([[1, 2], [3]])'),
    ("legacy", 0, 'dirichlet([1, 2], 2**53 + 1)'),
    ("legacy", 0, "choice(False, '')"),
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
            value = eval("obj." + call, {"obj": obj, "np": np, "int": int, "float": float})
            if front == "python":
                # Printing is part of the call (an int of more than 4300 digits raises).
                return {"value": json.dumps(value)}
    except Exception as e:  # noqa: BLE001 - the exception is the datum
        return {"type": type(e).__name__, "message": str(e)}
    raise SystemExit("%s %s: did not raise" % (front, call))


def run_limited(front: str, seed: int, call: str) -> dict:
    """``run`` in a child process whose address space is limited to MEMORY_LIMIT."""
    assert front == "python", "MEMORY cases are CPython calls"
    code = (
        "import json, random, resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (%d, %d))\n"
        "obj = random.Random(%d)\n"
        "try:\n"
        "    eval(%r, {'obj': obj})\n"
        "    out = None\n"
        "except Exception as e:\n"
        "    out = {'type': type(e).__name__, 'message': str(e)}\n"
        "print(json.dumps(out))\n"
    ) % (MEMORY_LIMIT, MEMORY_LIMIT, seed, "obj." + call)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    out = json.loads(res.stdout)
    if out is None:
        raise SystemExit("%s %s: did not raise under the memory limit" % (front, call))
    return out


def build() -> str:
    rows = []
    for front, seed, call, *flags in CASES:
        out = run_limited(front, seed, call) if MEMORY in flags else run(front, seed, call)
        row = {"front": front, "seed": seed, "call": call}
        if "value" in out:
            row["value"] = out["value"]
        else:
            row["error"] = out
        rows.append(json.dumps(row))
    return '{"oracle": "NumPy %s, CPython %d.%d", "cases": [\n  %s\n]}\n' % (
        np.__version__, sys.version_info[0], sys.version_info[1], ",\n  ".join(rows))


def generate(out_dir: str) -> dict:
    write_text(os.path.join(out_dir, "cases.json"), build())
    return {"cases": len(CASES)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("eval"))
