#!/usr/bin/env python3
"""Generate the fixtures of nprand's `Generator` (NumPy's modern API) from real NumPy
(pinned: numpy==2.4.6).

Usage::

    python3 scripts/gen_generator_fixtures.py            # rewrite fixtures/generator/
    python3 scripts/gen_generator_fixtures.py --check    # regenerate in memory, compare, exit 1 on drift

Deterministic: fixed seeds, fixed call lists, one JSON writer; a second run is byte-identical.

Layout: ``fixtures/generator/cases.json``::

    {"numpy_version": "2.4.6",
     "cases": [
       {"id": "core_pcg64_12345",
        "gen": "pcg64",            # mt19937 | pcg64 | pcg64dxsm | philox | sfc64 | default
        "seed": "12345",           # Generator(Gen(seed)) (default: np.random.default_rng(seed))
        "calls": [
          {"call": "random(3)", "result": R},
          {"call": "uniform(1, 0)", "error": {"type": "ValueError", "message": "high - low < 0"}}],
        "state": "<json.dumps(rng.bit_generator.state) with arrays as lists>"},
       ...]}

A result ``R`` is ``{"kind": K, "dtype": D, "shape": [...], ...}`` with K one of ``py``
(a Python float/int/bool), ``np`` (a NumPy scalar), ``array``, ``bytes``; D NumPy's dtype name
(``float64``, ``float32``, ``int8`` ... ``bool``; ``bytes`` for bytes). The values are either
``"data"``: one string of space-separated tokens (floats as Python ``repr`` of the value as a
float64, ints in decimal, bools 0/1, bytes as one hex token), or, for more than
``INLINE_MAX`` elements, ``"sha256"``: the SHA-256 of the C-order little-endian bytes in the
result's dtype (bool: one byte 0/1), with ``"head"``: the first 4 tokens.

The calls of a case run in order on one generator; a call that raises does not stop the case.
The same call language is what ``nprand eval --generator ...`` evaluates; the helpers here
(``run_call``, ``encode``) are shared with ``scripts/crosscheck_generator.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys

import numpy as np
from numpy.random import MT19937, PCG64, PCG64DXSM, SFC64, Generator, Philox

NUMPY_VERSION = "2.4.6"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "..", "fixtures", "generator")
INLINE_MAX = 64

GENS = {"mt19937": MT19937, "pcg64": PCG64, "pcg64dxsm": PCG64DXSM, "philox": Philox,
        "sfc64": SFC64}
ALL_GENS = ["mt19937", "pcg64", "pcg64dxsm", "philox", "sfc64", "default"]


# =============================================================================================
# Shared with crosscheck_generator.py
# =============================================================================================

def make(gen: str, seed: int) -> Generator:
    if gen == "default":
        return np.random.default_rng(seed)
    return Generator(GENS[gen](seed))


def state_json(state) -> str:
    def conv(v):
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, np.ndarray):
            return v.tolist()
        if isinstance(v, np.integer):
            return int(v)
        return v
    return json.dumps(conv(state))


def _tok(x, dtype: str) -> str:
    if dtype in ("float64", "float32"):
        return repr(float(x))
    if dtype == "bool":
        return "1" if bool(x) else "0"
    return str(int(x))


def _values(flat, dtype: str) -> dict:
    n = len(flat)
    if n <= INLINE_MAX:
        return {"data": " ".join(_tok(x, dtype) for x in flat)}
    arr = np.asarray(flat, dtype=np.dtype(dtype).newbyteorder("<"))
    return {"sha256": hashlib.sha256(arr.tobytes()).hexdigest(),
            "head": " ".join(_tok(x, dtype) for x in flat[:4])}


def encode(v) -> dict:
    """A NumPy result as the fixture's result object."""
    if isinstance(v, bytes):
        return {"kind": "bytes", "dtype": "bytes", "shape": [len(v)], "data": v.hex()}
    if isinstance(v, np.generic):  # first: np.float64 subclasses float
        dt = v.dtype.name
        return {"kind": "np", "dtype": dt, "shape": [], "data": _tok(v, dt)}
    if isinstance(v, bool):
        return {"kind": "py", "dtype": "bool", "shape": [], "data": _tok(v, "bool")}
    if isinstance(v, int):
        return {"kind": "py", "dtype": "int64", "shape": [], "data": str(v)}
    if isinstance(v, float):
        return {"kind": "py", "dtype": "float64", "shape": [], "data": repr(v)}
    if isinstance(v, np.ndarray):
        dt = v.dtype.name
        out = {"kind": "array", "dtype": dt, "shape": list(v.shape)}
        out.update(_values(v.ravel().tolist(), dt))
        return out
    if v is None:
        return {"kind": "none", "dtype": "NoneType", "shape": []}
    raise TypeError("unexpected result type %r" % type(v))


def run_call(rng: Generator, call: str) -> dict:
    """Evaluate `rng.<call>` and return {"result": ...} or {"error": ...}."""
    import warnings
    env = {"np": np, "numpy": np, "rng": rng}
    shuffled = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if call.startswith("shuffle(") and call.endswith(")"):
                # shuffle returns None; nprand eval prints the shuffled argument instead.
                shuffled = eval(call[len("shuffle("):-1], env)
                v = rng.shuffle(shuffled)
            else:
                v = eval("rng." + call, env)
    except Exception as e:  # noqa: BLE001 - every NumPy error is data here
        return {"error": {"type": type(e).__name__, "message": str(e)}}
    if shuffled is not None:
        v = np.asarray(shuffled)
    return {"result": encode(v)}


def run_case(case_id: str, gen: str, seed: int, calls: list) -> dict:
    rng = make(gen, seed)
    out = []
    for c in calls:
        r = run_call(rng, c)
        out.append(dict(call=c, **r))
    return {"id": case_id, "gen": gen, "seed": str(seed), "calls": out,
            "state": state_json(rng.bit_generator.state)}


# =============================================================================================
# The cases
# =============================================================================================

INT_DTYPES = ["np.int8", "np.uint8", "np.int16", "np.uint16", "np.int32", "np.uint32",
              "np.int64", "np.uint64", "np.bool_"]
BOUNDS = {"np.int8": (-128, 128), "np.uint8": (0, 256), "np.int16": (-2**15, 2**15),
          "np.uint16": (0, 2**16), "np.int32": (-2**31, 2**31), "np.uint32": (0, 2**32),
          "np.int64": (-2**63, 2**63), "np.uint64": (0, 2**64), "np.bool_": (0, 2)}


def core_calls() -> list:
    """Group 1, run on every bit generator: uniform floats, ziggurat, integers, bytes."""
    c = [
        "random()", "random(5)", "random((2, 3))", "random(dtype=np.float32)",
        "random(7, dtype=np.float32)", "random(size=())", "random(0)",
        "standard_normal()", "standard_normal(9)", "standard_normal(dtype=np.float32)",
        "standard_normal(9, dtype=np.float32)", "standard_normal(100000)",
        "standard_normal(100000, dtype=np.float32)",
        "standard_exponential()", "standard_exponential(9)",
        "standard_exponential(100000)", "standard_exponential(100000, dtype=np.float32)",
        "standard_exponential(5, dtype=np.float32)", "standard_exponential(4, method='inv')",
        "standard_exponential(4, dtype=np.float32, method='inv')",
        "normal()", "normal(10, 2)", "normal(1, 3, size=4)", "normal([0, 10], [[1], [2]])",
        "normal(0, [1, 2, 3], size=(2, 3))", "normal(0, 0, size=2)",
        "exponential()", "exponential(2.5, size=3)", "exponential([1, 10, 100])",
        "uniform()", "uniform(-1, 2, size=3)", "uniform([0, 1], [[2], [3]])", "uniform(5, 5, size=2)",
        "bytes(7)", "bytes(0)", "bytes(12)", "bytes(1)",
        "integers(10)", "integers(0, 10, size=5)", "integers(-5, 5, size=4, endpoint=True)",
        "integers(5, dtype=int)", "integers(2, dtype=bool)", "integers(0, 2**40, size=3)",
        "integers(-2**63, 2**63 - 1, size=3, endpoint=True)", "integers(0, 2**32, size=3, dtype=np.int64)",
        "integers(0, 2**32 - 1, size=3, endpoint=True)",
        "integers(0, 2**63 + 1, size=6, dtype=np.uint64)", "integers(2**31 + 1, size=8, dtype=np.uint32)",
        "integers(129, size=40, dtype=np.uint8)", "integers(32769, size=20, dtype=np.uint16)",
        "integers(5, 5, endpoint=True, size=3)", "integers(7, 8, size=3, dtype=np.uint8)",
    ]
    for dt in INT_DTYPES:
        lo, hi = BOUNDS[dt]
        c.append("integers(%d, %d, size=9, dtype=%s)" % (lo, hi, dt))
        c.append("integers(%d, %d, size=5, dtype=%s, endpoint=True)" % (lo, hi - 1, dt))
        c.append("integers(%d, %d, dtype=%s)" % (lo, hi, dt))
        c.append("integers(%d, %d, size=7, dtype=%s)" % (lo, lo + (hi - lo) // 3 + 1, dt))
        c.append("integers(%d, %d, size=3, dtype=%s)" % (lo, lo + 1, dt))
    c.append("random(3)")
    return c


def int_edge_calls() -> list:
    c = []
    for dt in INT_DTYPES:
        lo, hi = BOUNDS[dt]
        c += ["integers(%d, %d, dtype=%s)" % (lo - 1, hi, dt),
              "integers(%d, %d, dtype=%s)" % (lo, hi + 1, dt),
              "integers(%d, %d, dtype=%s, endpoint=True)" % (lo, hi, dt),
              "integers([%d, %d], [%d, %d], dtype=%s)" % (lo, lo, hi, lo + 1, dt),
              "integers(%d, [%d, %d, %d], size=(2, 3), dtype=%s)" % (lo, lo + 1, hi, lo + 2, dt),
              "integers([%d], %d, size=5, dtype=%s, endpoint=True)" % (lo, hi - 1, dt),
              "integers([%d], [%d], dtype=%s)" % (lo - 1, hi, dt),
              "integers([%d], [%d], dtype=%s)" % (lo, hi + 1, dt)]
    c += [
        "integers(0)", "integers(-1)", "integers(-1, endpoint=True)", "integers(0, endpoint=True)",
        "integers(5, 5)", "integers(5, 4, endpoint=True)", "integers(1.5, 10.7, size=3)",
        "integers(float('nan'))", "integers(10, 5, size=0)", "integers(5, size=(2, 0))",
        "integers(5, dtype=np.float64)", "integers(5, dtype='>i4')", "integers(5, dtype='i4')",
        "integers(5, dtype='u1')", "integers(5, dtype='<u2')", "integers(5, dtype=np.intc)",
        "integers([0, 0], [0, 2])", "integers([0, 1], [0, 2], dtype=np.uint8)",
        "integers([1.5, 2.5], [3.7, 9.2])", "integers([0], [2**64], dtype=np.uint64)",
        "integers([0], [2**64 - 1], dtype=np.uint64, endpoint=True)",
        "integers([-3, 0, 3], 10, size=(4, 3), dtype=np.int16)",
        "integers([0, 1], [[2], [3]], dtype=np.bool_)", "integers([[0], [1]], 2, dtype=bool)",
        "integers([0, 1, 2], [3, 4])", "integers([0, 1], 5, size=(3,))",
        "integers(0, [2**40, 2**20, 2**33], dtype=np.uint64)",
        "integers(-2**63, [2**63 - 1, 0], dtype=np.int64, endpoint=True)",
        "bytes(-1)", "bytes(-5)", "bytes(-9)", "bytes(2.5)",
        "random(dtype=np.int64)", "random(-1)", "random(2.5)", "standard_normal(dtype='f2')",
        "normal(0, -1)", "normal(0, [1, -1])", "normal([0, 1], [1, 2, 3])",
        "normal(0, 1, size=(3,), )", "normal(0, [1, 2], size=3)", "normal(0, float('nan'))",
        "normal('a')", "exponential(-0.0)", "exponential(float('nan'), size=2)",
        "uniform(1, 0)", "uniform(0, float('inf'))", "uniform([0], [float('inf')])",
        "uniform([1], [0])", "uniform([0, 1], [1, 2, 3])",
    ]
    return c


def dist_calls() -> list:
    """Groups 2 and 3: every distribution, scalar/array/broadcast forms, every branch."""
    return [
        # gamma family
        "standard_gamma(0.5)", "standard_gamma(1.0, size=3)", "standard_gamma(3.5, size=5)",
        "standard_gamma(0)", "standard_gamma([0.1, 1, 10, 1e5])", "standard_gamma(2000, size=40)",
        "standard_gamma(0.01, size=60)", "standard_gamma(float('nan'))",
        "standard_gamma(2.5, dtype=np.float32)", "standard_gamma(0.5, size=20, dtype=np.float32)",
        "standard_gamma([0.3, 1, 4], dtype=np.float32)", "standard_gamma(1, size=4, dtype=np.float32)",
        "standard_gamma(1e-50, dtype=np.float32)", "standard_gamma(-1, dtype=np.float32)",
        "standard_gamma(-1)", "standard_gamma([1, -1])",
        "gamma(2, 3)", "gamma([0.5, 2], 2, size=(3, 2))", "gamma(2, -1)", "gamma(0, 2, size=2)",
        "beta(0.5, 0.5, size=10)", "beta(2, 3, size=5)", "beta(0.5, 3)", "beta(1e-200, 1e-200, size=10)",
        "beta(1e-300, 0.5, size=5)", "beta(0.5, 1e-300, size=3)", "beta(0.01, 0.01, size=30)", "beta(0, 1)", "beta([1, 2], [0.5])",
        "chisquare(3, size=4)", "chisquare([0.5, 30])", "chisquare(0)",
        "f(3, 7, size=4)", "f([1, 2], 5)", "f(0, 1)", "f(1, -2)",
        "noncentral_chisquare(3, 2, size=4)", "noncentral_chisquare(0.5, 2, size=6)",
        "noncentral_chisquare(3, 0, size=2)", "noncentral_chisquare(3, float('nan'))",
        "noncentral_chisquare([0.5, 1, 5], [0, 1, 50])", "noncentral_chisquare(0, 1)",
        "noncentral_chisquare(1, -1)",
        "noncentral_f(3, 7, 1.5, size=3)", "noncentral_f(0.5, 2, [0, 3])", "noncentral_f(1, 1, -1)",
        "standard_t(5, size=4)", "standard_t([0.5, 100])", "standard_t(0)",
        "standard_cauchy()", "standard_cauchy(5)",
        # other continuous
        "vonmises(0.5, 4, size=5)", "vonmises(0, 0, size=3)", "vonmises(1, 1e-9, size=2)",
        "vonmises(1, 1e-6, size=3)", "vonmises(-2, 1e7, size=5)", "vonmises(3, 1e-5, size=2)",
        "vonmises(2.9, [0.5, 100, 1e6, 2e6])", "vonmises(0, float('nan'))", "vonmises(0, -1)",
        "pareto(3, size=4)", "pareto([0.5, 10])", "pareto(0)",
        "weibull(1.5, size=4)", "weibull(0, size=2)", "weibull([0.5, 3])", "weibull(-1)",
        "power(2, size=4)", "power([0.5, 5])", "power(0)",
        "laplace(1, 2, size=4)", "laplace([0, 10], 0)", "laplace(0, -1)",
        "gumbel(1, 2, size=4)", "gumbel([0, 1], [[1], [2]])", "gumbel(0, -1)",
        "logistic(1, 2, size=4)", "logistic([0, 1], 3)", "logistic(0, -1)",
        "lognormal(0, 1, size=4)", "lognormal([0, 1], 0.5)", "lognormal(0, -1)",
        "rayleigh(2, size=4)", "rayleigh([1, 3])", "rayleigh(-1)",
        "wald(1, 2, size=4)", "wald([0.5, 3], [1, 10])", "wald(0, 1)", "wald(1, 0)",
        "triangular(0, 1, 3, size=4)", "triangular([0, 1], 2, [3, 4])", "triangular(0, 0, 1, size=3)",
        "triangular(0, 1, 1, size=3)", "triangular(1, 0, 2)", "triangular(0, 3, 2)", "triangular(1, 1, 1)",
        "triangular([1], [0], [2])", "triangular([0, 0], [1, 1], [0, 2])",
        # discrete
        "binomial(10, 0.3, size=5)", "binomial(10, 0.7, size=5)", "binomial(1000, 0.4, size=20)",
        "binomial(1000, 0.6, size=20)", "binomial(100000, 0.5, size=40)", "binomial(0, 0.5, size=2)",
        "binomial(10, 0, size=2)", "binomial(10, 1, size=2)", "binomial(10.5, 0.5)",
        "binomial([10, 100, 1000], [[0.1], [0.9]])", "binomial(2**40, 0.3, size=3)",
        "binomial(70, 0.45, size=30)", "binomial(-1, 0.5)", "binomial(5, 1.5)", "binomial(5, float('nan'))",
        "binomial([5, -1], 0.5)", "binomial(5, [0.5, 2])", "binomial('5', 0.5)", "binomial(2**63, 0.5)",
        "poisson()", "poisson(3.5, size=5)", "poisson(100, size=10)", "poisson(0, size=2)",
        "poisson([0.5, 10, 1e6])", "poisson(1e12, size=3)", "poisson(-1)", "poisson(1e19)",
        "poisson([1e19])", "poisson([float('nan')])", "poisson(float('nan'))",
        "negative_binomial(5, 0.5, size=5)", "negative_binomial(0.5, 0.9, size=5)",
        "negative_binomial([1, 100], [0.1, 0.99])", "negative_binomial(5, 1, size=2)",
        "negative_binomial(float('nan'), 0.5)", "negative_binomial(1e300, 0.001)",
        "negative_binomial(5, 0)", "negative_binomial(0, 0.5)", "negative_binomial([5, 6], [0.5, 0.5, 0.5])",
        "negative_binomial([5, float('nan')], 0.5)",
        "geometric(0.2, size=5)", "geometric(0.5, size=5)", "geometric(1, size=2)", "geometric(1e-10, size=3)",
        "geometric([0.1, 0.9])", "geometric(0)", "geometric(1.5)",
        "zipf(2, size=5)", "zipf(1.5, size=10)", "zipf(1e4, size=2)", "zipf([1.1, 3])", "zipf(1)",
        "logseries(0.9, size=10)", "logseries(0, size=2)", "logseries([0.1, 0.999999])",
        "logseries(1)", "logseries(-0.1)",
        "hypergeometric(100, 200, 50, size=5)", "hypergeometric(5, 10, 3, size=5)",
        "hypergeometric(200, 100, 50, size=5)", "hypergeometric(100, 200, 250, size=5)",
        "hypergeometric(10, 10, 15, size=5)", "hypergeometric(5, 5, 0)", "hypergeometric(0, 5, 3)",
        "hypergeometric(10**6, 10**6, 10**5, size=3)", "hypergeometric(5.5, 5, 3)",
        "hypergeometric([10, 100], [20, 5], [5, 50])", "hypergeometric(5, 5, 11)",
        "hypergeometric(-1, 5, 3)", "hypergeometric(10**9, 5, 3)", "hypergeometric(5, 5, -1)",
        "hypergeometric([5, 5], 5, [11, 3])", "hypergeometric(5, [10**9], 3)",
        # multivariate
        "multinomial(20, [0.2, 0.3, 0.5])", "multinomial(20, [0.2, 0.3, 0.5], size=3)",
        "multinomial(1000, [0.1, 0.2, 0.7], size=(2, 2))", "multinomial(5, [0.5, 0.6])",
        "multinomial(0, [0.5, 0.5])", "multinomial([10, 20], [0.5, 0.5])",
        "multinomial(10, [[0.1, 0.9], [0.5, 0.5]])", "multinomial([[5], [50]], [[0.1, 0.9], [0.5, 0.5]])",
        "multinomial(5.5, [0.5, 0.5])", "multinomial(-1, [0.5])", "multinomial(5, [])",
        "multinomial(5, 0.5)", "multinomial(5, [0.5, 1.5])", "multinomial(5, [0.7, 0.7, 0.1])",
        "multinomial([1, 2], [0.5, 0.5], size=3)",
        "dirichlet([1, 2, 3])", "dirichlet([0.5, 0.5], size=3)", "dirichlet([0.01, 0.05, 0.02], size=4)",
        "dirichlet([0.01, 0, 0.02], size=2)", "dirichlet([0, 0])", "dirichlet([10, 1e-3])",
        "dirichlet([-1, 2])", "dirichlet(5)", "dirichlet([[1, 2]])", "dirichlet([1, 2], size=(2, 2))",
        "multivariate_hypergeometric([10, 5, 3], 6)", "multivariate_hypergeometric([10, 5, 3], 12, size=3)",
        "multivariate_hypergeometric([10, 5, 3], 6, size=2, method='count')",
        "multivariate_hypergeometric([10, 5, 3], 12, size=2, method='count')",
        "multivariate_hypergeometric([100, 200, 300], 250, size=2)",
        "multivariate_hypergeometric([1, 2], 4)", "multivariate_hypergeometric([1, 2], -1)",
        "multivariate_hypergeometric([1, -2], 1)", "multivariate_hypergeometric([1, 2], 1, method='x')",
        "multivariate_hypergeometric([1, 2], 1.5)", "multivariate_hypergeometric([], 0)",
        "multivariate_hypergeometric([10**9, 1], 5)",
        # sequences
        "choice(5)", "choice(5, size=3)", "choice(5, size=())", "choice([1.5, 2.5, 3.5])",
        "choice([1, 2, 3], size=(2, 2))", "choice([[1, 2], [3, 4], [5, 6]])",
        "choice([[1, 2], [3, 4], [5, 6]], size=2)", "choice(10, size=3, replace=False)",
        "choice(10, size=10, replace=False)", "choice(10, size=4, replace=False, shuffle=False)",
        "choice(20000, size=500, replace=False)", "choice(20000, size=50, replace=False)",
        "choice(20000, size=300, replace=False, shuffle=False)", "choice(3, p=[0.1, 0.2, 0.7])",
        "choice(4, size=6, p=[0.1, 0.2, 0.3, 0.4])", "choice(5, size=3, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
        "choice(5, size=5, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
        "choice([True, False], size=4)", "choice(0)", "choice(0, size=0)", "choice([])",
        "choice(-1)", "choice(5.5)", "choice(3, size=5, replace=False)", "choice(3, p=[0.5, 0.5])",
        "choice(3, p=[0.5, 0.6, 0.1])", "choice(3, p=[-0.5, 1, 0.5])", "choice(3, p=[float('nan'), 0.5, 0.5])",
        "choice(3, p=0.5)", "choice(3, p=[[0.5, 0.5, 0]])", "choice(3, size=3, replace=False, p=[0.5, 0.5, 0])",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=1)", "choice([[1, 2, 3], [4, 5, 6]], axis=-1)",
        "choice([[1, 2, 3], [4, 5, 6]], size=(), axis=1)", "choice([[1.5, 2.5], [3.5, 4.5]], size=(2, 3), axis=1)",
        "choice([[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 0], [1, 2]]], size=3, axis=2)",
        "choice([[1, 2, 3], [4, 5, 6]], size=3, replace=False, p=[0.2, 0.3, 0.5], axis=1)",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, replace=False, axis=-1, shuffle=False)",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=2)", "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=-3)",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=1.5)", "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=None)",
        "choice([[1, 2, 3], [4, 5, 6]], size=2, axis=True)", "choice([[1, 2, 3], [4, 5, 6]], size=2, p=[0.5, 0.5], axis=1)",
        "choice([[], []], size=0, axis=1)", "choice([[], []], size=1, axis=1)", "choice(5, size=3, axis=4)",
        "shuffle([1, 2, 3, 4, 5])", "permutation(10)", "permutation([1.5, 2.5, 3.5])",
        "permutation([[1, 2], [3, 4], [5, 6]])", "permutation([[1, 2, 3], [4, 5, 6]], axis=1)",
        "permutation(0)", "permutation(-3)", "permutation(5.5)",
        "permuted([1, 2, 3, 4, 5, 6])", "permuted([[1, 2, 3], [4, 5, 6]])",
        "permuted([[1, 2, 3], [4, 5, 6]], axis=1)", "permuted([[1, 2, 3], [4, 5, 6]], axis=0)",
        "permuted([[1, 2, 3], [4, 5, 6]], axis=-1)", "permuted([[1, 2], [3, 4]], axis=2)",
        "random(3)",
    ]


SEEDS = [0, 12345, 2**100 + 7]


def cases() -> list:
    out = []
    for gen in ALL_GENS:
        for seed in SEEDS:
            out.append(run_case("core_%s_%s" % (gen, seed), gen, seed, core_calls()))
    for gen in ALL_GENS:
        out.append(run_case("int_edges_%s" % gen, gen, 7, int_edge_calls()))
    for gen in ALL_GENS:
        for seed in (1, 987654321):
            out.append(run_case("dists_%s_%s" % (gen, seed), gen, seed, dist_calls()))
    return out


def render() -> str:
    doc = {"numpy_version": NUMPY_VERSION, "inline_max": INLINE_MAX, "cases": cases()}
    return json.dumps(doc, indent=0, sort_keys=False) + "\n"


def main(argv=None) -> int:
    return fixture_main(argv, __doc__, os.path.join(OUT_DIR, "cases.json"), render)


def numpy_mismatch() -> bool:
    """True, after saying so on stderr, when the running NumPy is not the pinned one."""
    if np.__version__ == NUMPY_VERSION:
        return False
    print("numpy %s is required (found %s)" % (NUMPY_VERSION, np.__version__), file=sys.stderr)
    return True


def fixture_main(argv, doc: str, path: str, render) -> int:
    """The ``main`` of a one-file fixture script: ``--check`` or write ``render()`` to ``path``."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if numpy_mismatch():
        return 2
    return write_or_check(os.path.normpath(path), render(), args.check)


def write_or_check(path: str, text: str, check: bool) -> int:
    """Write ``text`` to ``path``, or with ``check`` only compare (exit status 1 if stale)."""
    if check:
        same = os.path.exists(path) and open(path).read() == text
        print("%s is %s" % (os.path.relpath(path), "up to date" if same else "STALE"))
        return 0 if same else 1
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    print("wrote %s (%d bytes)" % (os.path.relpath(path), len(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
