#!/usr/bin/env python3
"""Cross-check nprand (Rust) against NumPy's legacy RandomState, call by call, bit for bit.

Modes
-----
Explicit calls::

    python3 scripts/crosscheck.py [--bin PATH] [--seed N | --seed-array INTS | --state FILE] CALL...
    python3 scripts/crosscheck.py --seed 12345 "rand(10, 10)" "randn(3)" "randint(0, 5, size=4)"

  runs the calls in NumPy (through ``npcall``) and in ``nprand eval``, then prints ``match`` or the
  first mismatch (call, element index, NumPy value vs nprand value).  The default init is seed 0.

Random cases::

    python3 scripts/crosscheck.py --random 500 [--rng-seed S] [--methods m1,m2 | --all] [-j JOBS]

  generates random cases (init = an int seed, a seed array of random length 1..1200, or a state
  dumped from NumPy after random draws; then 1-6 random calls with random valid parameters, edge
  values, random sizes and dtypes, and sometimes invalid parameters) and checks them all.  The
  default method set is the current milestone (``METHODS``); the next milestone's distributions
  (``NEXT_METHODS``: beta, binomial, gamma, ...) run only when ``--methods`` names them or with
  ``--all``.  ``--list-methods`` shows both tables.

Fixture cases::

    python3 scripts/crosscheck.py --fixtures

  runs every case of ``fixtures/legacy/manifest.json`` (and its init errors) through the nprand CLI.

Self-test (no Rust needed)::

    python3 scripts/crosscheck.py --self-test

  checks ``npcall``/``np_state`` and runs this script's own pipeline against an nprand emulator
  built on NumPy (``--emulate-nprand``), including injected faults that must be detected.

How nprand is run
-----------------
By default every run goes through ONE ``<bin> eval --batch`` process (one JSON line per run:
``{"seed": ..., "calls": [...]}``, ``seed_array`` or ``state`` instead of ``seed``); each answer is
read as the CLI's output for that run would be.  With ``--per-process`` (and in ``--self-test``)
each run is its own
``<bin> eval --format json <init> --save-state <file> CALL...`` where ``<init>`` is
``--seed=N``, ``--seed-array=A,B,C`` (comma-separated, one argument) or ``--state=FILE``.  The
binary is ``--bin``, else ``target/release/nprand`` if it exists, else ``cargo run --release
--quiet --``.  (``--via-state`` hands every init to nprand as a state file dumped by NumPy, for
when nprand's seeding is not the thing being tested.)

Expected nprand output: one JSON line per call on stdout,
``{"dtype": "float64", "shape": [2, 3], "data": [flat C-order values]}`` (floats in shortest
round-trip form, non-finite as NaN/Infinity/-Infinity; ``bytes(n)`` gives ``{"dtype": "bytes",
"shape": [n], "data": "<hex>"}``).  When a call fails nprand prints the results of the earlier
calls, then ONE line ``error: <Type>: <message>`` on stderr, and exits non-zero.

Comparison rules
----------------
dtype strings equal; shapes equal; floats bitwise equal (``struct.pack('<d')``; any NaN equals any
NaN since JSON loses NaN payloads); integers exact; bools equal (``true``/``false`` or 0/1).
When NumPy raises, nprand must fail at the same call and its ``error:`` line must contain
``<Type>: <message>`` exactly as NumPy says it.  After the calls, nprand's ``--save-state`` file
must equal NumPy's state (key, pos, has_gauss, gauss bitwise).

Because nprand stops at the first failing call, a call list is cut into *segments* that each end
with a failing call; every further segment runs in a new nprand process started (``--state``)
from NumPy's state at that point.  So an invalid call in the middle does not hide later calls.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import math
import os
import random
import shlex
import struct
import subprocess
import sys
import tempfile
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cpu_pin  # noqa: E402,F401  (NumPy as on an AVX2 CPU: before numpy)
import numpy as np  # noqa: E402

import npcall  # noqa: E402
from npcall import (REPO_DIR, CallError, dumps_json, eval_call, make_rs,  # noqa: E402
                    result_to_nprand_json, state_to_json)

DEFAULT_BIN = os.path.join(REPO_DIR, "target", "release", "nprand")
CARGO_RUN = ["cargo", "run", "--release", "--quiet", "--"]


# =============================================================================================
# Literal formatting (values -> call-string syntax understood by npcall and nprand)
# =============================================================================================

def lit(v) -> str:
    """Python-syntax literal for a value: floats via repr (exact), nan/inf by name, nested lists."""
    if isinstance(v, bool) or v is None:
        return repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return repr(v)
    if isinstance(v, tuple):
        if len(v) == 1:
            return f"({lit(v[0])},)"
        return "(" + ", ".join(lit(x) for x in v) + ")"
    if isinstance(v, list):
        return "[" + ", ".join(lit(x) for x in v) + "]"
    raise TypeError(f"no literal for {v!r}")


def call_str(method: str, args=(), kwargs=None) -> str:
    """``method(arg, ..., key=value, ...)``; args/kwargs values are already literal strings."""
    parts = list(args) + [f"{k}={v}" for k, v in (kwargs or {}).items()]
    return f"{method}({', '.join(parts)})"


# =============================================================================================
# Random parameter generation
# =============================================================================================
#
# A *method generator* is ``gen(r: random.Random, bad: bool) -> str`` returning one call string.
# ``bad`` asks for an invalid call (a parameter out of range, a bad size, an unsupported dtype...);
# a generator may ignore it when the method has nothing invalid to offer.  Add a method by adding
# an entry to METHODS / NEXT_METHODS.

def maybe(r: random.Random, p: float) -> bool:
    return r.random() < p


def r_shape(r: random.Random, max_dims: int = 3, max_dim: int = 5) -> tuple:
    ndim = r.randint(1, max_dims)
    return tuple(r.randint(0 if maybe(r, 0.1) else 1, max_dim) for _ in range(ndim))


def r_size(r: random.Random, bad: bool = False):
    """A random ``size`` value (None, int, tuple, ()) as a Python value, or a bad one."""
    if bad:
        return r.choice([-1, (2, -1), 2.5, (-3,)])
    x = r.random()
    if x < 0.35:
        return None
    if x < 0.65:
        return r.choice([0, 1, 2, 3, r.randint(0, 40)])
    if x < 0.95:
        return r_shape(r)
    return ()


def size_kw(r: random.Random, size, kwargs: dict, args: list | None = None) -> None:
    """Add ``size`` to a call: omitted when None (usually), else as keyword or positional."""
    if size is None:
        if maybe(r, 0.1):
            kwargs["size"] = "None"
        return
    if args is not None and maybe(r, 0.3):
        args.append(lit(size))
    else:
        kwargs["size"] = lit(size)


def sub_shape(r: random.Random, shape: tuple) -> tuple:
    """A shape that broadcasts to ``shape``: trailing dims, some replaced by 1."""
    k = r.randint(0, len(shape))
    tail = shape[len(shape) - k:] if k else ()
    return tuple(d if maybe(r, 0.7) else 1 for d in tail)


def fill(r: random.Random, shape: tuple, make) -> list | float:
    """A nested list of ``shape`` with elements from ``make()``."""
    if not shape:
        return make()
    return [fill(r, shape[1:], make) for _ in range(shape[0])]


# --- parameter kinds: .valid(r) -> value, .invalid(r) -> value or None -----------------------

class Kind:
    """A parameter domain: valid values (with edge values) and, if any, invalid ones."""

    def __init__(self, valid, invalid=None, integer=False):
        self._valid, self._invalid, self.integer = valid, invalid, integer

    def valid(self, r):
        return self._valid(r)

    def invalid(self, r):
        return None if self._invalid is None else self._invalid(r)


def _real(r):
    return r.choice([
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -3.5,
        r.uniform(-10, 10), r.uniform(-10, 10), r.uniform(-1e6, 1e6),
        r.choice([-1, 1]) * 10 ** r.uniform(-300, 300),
        float(r.randint(-100, 100)),
        r.choice([float("nan"), 1e308, -1e308, 5e-324]) if maybe(r, 0.3) else r.uniform(-5, 5),
    ])


def _pos(r):
    return r.choice([1.0, 0.5, 2.0, 3.0, 10.0, 1e-3, r.uniform(0.01, 1), r.uniform(1, 10),
                     r.uniform(10, 1000), 10 ** r.uniform(-3, 3), float(r.randint(1, 20))])


def _nonneg(r):
    return 0.0 if maybe(r, 0.1) else _pos(r)


def _neg(r):
    return r.choice([-1.0, -0.0, -1e-300, -r.uniform(0.001, 100), -float("inf")])


def _prob(r):
    return r.choice([0.0, 1.0, 0.5, r.random(), r.random(), r.uniform(0, 0.1), r.uniform(0.9, 1)])


REAL = Kind(_real)
FINITE = Kind(lambda r: r.choice([0.0, 1.0, -1.0, r.uniform(-100, 100), r.uniform(-1e6, 1e6)]),
              lambda r: r.choice([float("inf"), -float("inf"), float("nan")]))
POS = Kind(_pos, lambda r: r.choice([0.0, -0.0, -1.0, -r.uniform(0.1, 10)]))
NONNEG = Kind(_nonneg, _neg)
PROB = Kind(_prob, lambda r: r.choice([-0.1, 1.1, float("nan"), -1e-9, 2.0]))
PROB_GT0 = Kind(lambda r: r.choice([1.0, 0.5, r.uniform(0.01, 1), r.uniform(0.3, 1)]),
                lambda r: r.choice([0.0, -0.5, 1.5, float("nan")]))
PROB_LT1 = Kind(lambda r: r.choice([0.0, 0.5, r.uniform(0, 0.99), r.uniform(0.001, 0.3)]),
                lambda r: r.choice([1.0, -0.5, 1.5, float("nan")]))
COUNT = Kind(lambda r: r.choice([0, 1, 2, 10, r.randint(0, 100), r.randint(0, 10**6)]),
             lambda r: r.choice([-1, -100]), integer=True)
LAM = Kind(lambda r: r.choice([0.0, 1.0, r.uniform(0, 10), r.uniform(10, 1000), r.uniform(0, 1e5)]),
           lambda r: r.choice([-1.0, float("nan"), 1e20, float("inf")]))
ZIPF_A = Kind(lambda r: r.choice([2.0, 1.5, r.uniform(1.1, 5), r.uniform(5, 50)]),
              lambda r: r.choice([1.0, 0.5, float("nan"), -2.0]))
KAPPA = Kind(lambda r: r.choice([0.0, 1e-9, 1e-6, 1.0, r.uniform(0, 10), 1e7, _pos(r)]), _neg)


def dist(*params, size=True):
    """Generator for a distribution method with parameters ``(name, Kind, default-or-REQUIRED)``.

    Parameters are scalars or (30%) nested lists broadcasting to a common shape; ``size`` is
    random (and compatible with array parameters).  ``bad`` makes one parameter invalid, or the
    size negative, or the array shapes incompatible.
    """
    def gen(r: random.Random, bad: bool, method: str) -> str:
        use_arrays = params and maybe(r, 0.3)
        out_shape = r_shape(r) if use_arrays else None
        size_v = None
        if size:
            size_v = (out_shape if maybe(r, 0.5) else None) if use_arrays else r_size(r)
        # which parameter (if any) is spoiled
        spoil = None
        mode = None
        if bad:
            candidates = [i for i, (_n, k, _d) in enumerate(params) if k.invalid(r) is not None]
            mode = r.choice((["param"] * 3 if candidates else []) + (["size"] if size else [])
                            + (["shape"] if use_arrays else []) or ["none"])
            if mode == "param":
                spoil = r.choice(candidates)
            elif mode == "size":
                size_v = r_size(r, bad=True)
        values = []
        for i, (_name, kind, _default) in enumerate(params):
            def make(kind=kind):
                return kind.valid(r)
            if use_arrays and maybe(r, 0.6):
                shp = sub_shape(r, out_shape)
                if mode == "shape" and shp and maybe(r, 0.8):
                    shp = shp[:-1] + (shp[-1] + 1,)
                v = fill(r, shp, make)
                if i == spoil:
                    # spoil one element (or the scalar)
                    if isinstance(v, list) and shp and all(shp):
                        flat = v
                        while isinstance(flat[0], list):
                            flat = flat[r.randrange(len(flat))]
                        flat[r.randrange(len(flat))] = kind.invalid(r)
                    else:
                        v = kind.invalid(r)
            else:
                v = kind.invalid(r) if i == spoil else kind.valid(r)
            if kind.integer and not isinstance(v, list) and isinstance(v, float) and v.is_integer():
                v = int(v)
            values.append(v)
        # drop trailing parameters that have defaults (sometimes)
        n = len(params)
        while n and params[n - 1][2] is not REQUIRED and spoil != n - 1 and maybe(r, 0.25):
            n -= 1
        args, kwargs = [], {}
        as_kw = maybe(r, 0.25)
        for i in range(n):
            name = params[i][0]
            if as_kw:
                kwargs[name] = lit(values[i])
            else:
                args.append(lit(values[i]))
        if size:
            size_kw(r, size_v, kwargs)
        return call_str(method, args, kwargs)
    return gen


class _Required:
    def __repr__(self):
        return "REQUIRED"


REQUIRED = _Required()


def size_only(r: random.Random, bad: bool, method: str) -> str:
    """Methods whose only parameter is ``size`` (standard_normal, random_sample, tomaxint...)."""
    size_v = r_size(r, bad)
    args, kwargs = [], {}
    size_kw(r, size_v, kwargs, args)
    return call_str(method, args, kwargs)


def dims_only(r: random.Random, bad: bool, method: str) -> str:
    """rand(d0, d1, ...) / randn(d0, d1, ...)."""
    dims = [r.randint(0, 6) for _ in range(r.choice([0, 1, 1, 2, 2, 3]))]
    if bad:
        dims = dims or [3]
        dims[r.randrange(len(dims))] = r.choice([-1, -5, 2.5])
    return call_str(method, [lit(d) for d in dims])


# --- randint -------------------------------------------------------------------------------------

INT_DTYPES = {
    "bool": (0, 2, ["bool", "'bool'", "np.bool_", "'?'"]),
    "int8": (-2**7, 2**7, ["'int8'", "'i1'", "np.int8", "'b'"]),
    "uint8": (0, 2**8, ["'uint8'", "'u1'", "np.uint8", "'B'"]),
    "int16": (-2**15, 2**15, ["'int16'", "'i2'", "np.int16", "'h'"]),
    "uint16": (0, 2**16, ["'uint16'", "'u2'", "np.uint16", "'H'"]),
    "int32": (-2**31, 2**31, ["'int32'", "'i4'", "np.int32", "np.intc"]),
    "uint32": (0, 2**32, ["'uint32'", "'u4'", "np.uint32", "'I'"]),
    "int64": (-2**63, 2**63, ["int", "'int'", "'int64'", "'i8'", "np.int64", "'l'", "'q'"]),
    "uint64": (0, 2**64, ["'uint64'", "'u8'", "np.uint64", "'L'", "'Q'"]),
}


def r_int_in(r: random.Random, lo: int, hi: int) -> int:
    """A random int in [lo, hi) with log-uniform magnitude (so small and huge values both occur)."""
    span = hi - lo
    w = r.randint(1, span.bit_length())
    return lo + r.getrandbits(w) % span


def randint_gen(r: random.Random, bad: bool, method: str = "randint") -> str:
    name = r.choice(list(INT_DTYPES))
    lo, hi, spellings = INT_DTYPES[name]
    dtype = None if (name == "int64" and maybe(r, 0.4)) else r.choice(spellings)
    strategy = r.choice(["full", "sub", "sub", "sub", "one", "high_only", "near32", "float",
                         "array"])
    size_v = r_size(r)
    low_v = high_v = None  # None high -> randint(low)
    if strategy == "full":
        low_v, high_v = lo, hi
    elif strategy == "one":
        low_v = r_int_in(r, lo, hi)
        high_v = low_v + 1
    elif strategy == "high_only":
        low_v = r_int_in(r, 1, hi)
    elif strategy == "near32" and hi - lo > 2**33:
        low_v = r_int_in(r, lo, hi - 2**33)
        high_v = low_v + 2**32 + r.choice([-1, 0, 1, 2])
    elif strategy == "float" and hi - lo <= 2**40:
        a = r.uniform(lo, hi - 1)
        b = r.uniform(a + 1, hi)
        low_v, high_v = a, b
    elif strategy == "array":
        shape = r_shape(r, 2, 4)
        ls, hs = sub_shape(r, shape), sub_shape(r, shape)
        lows = fill(r, ls, lambda: r_int_in(r, lo, hi - 1))
        # highs must exceed every low: use a high >= max(low)+1 via an offset above the max low
        flat_lows = np.ravel(np.array(lows, dtype=object)).tolist() if ls else [lows]
        base = max(flat_lows) + 1 if flat_lows else lo + 1
        highs = fill(r, hs, lambda: r_int_in(r, base, hi + 1) if base < hi + 1 else hi)
        low_v, high_v = lows, highs
        size_v = shape if maybe(r, 0.5) else None
    else:  # "sub" (and fall-backs)
        a, b = r_int_in(r, lo, hi), r_int_in(r, lo, hi)
        low_v, high_v = min(a, b), max(a, b) + 1
    if bad:
        spoil = r.choice(["low", "high", "order", "dtype", "size"])
        if spoil == "low":
            low_v, high_v = lo - r.choice([1, 2, 1000]), hi
        elif spoil == "high":
            low_v, high_v = lo, hi + r.choice([1, 2, 1000])
        elif spoil == "order":
            x = r_int_in(r, lo, hi)
            low_v, high_v = x, x - r.choice([0, 0, 1, 5])
            if high_v < lo:
                high_v = x
        elif spoil == "dtype":
            dtype = r.choice(["'float64'", "float", "'complex64'", "np.float32", "'U3'"])
        else:
            size_v = r_size(r, bad=True)
    args, kwargs = [lit(low_v)], {}
    if high_v is not None:
        if maybe(r, 0.2):
            kwargs["high"] = lit(high_v)
        else:
            args.append(lit(high_v))
    size_kw(r, size_v, kwargs)
    if dtype is not None:
        kwargs["dtype"] = dtype
    return call_str(method, args, kwargs)


def random_integers_gen(r: random.Random, bad: bool, method: str) -> str:
    size_v = r_size(r)
    if maybe(r, 0.3):
        args = [lit(r_int_in(r, 1, 2**62) if maybe(r, 0.3) else r.randint(1, 100))]
    else:
        a, b = r_int_in(r, -2**62, 2**62), r_int_in(r, -2**62, 2**62)
        if maybe(r, 0.5):
            a, b = r.randint(-50, 50), r.randint(-50, 50)
        args = [lit(min(a, b)), lit(max(a, b))]
    if bad:
        args = r.choice([[lit(5), lit(4)], [lit(0)], [lit(-3)], [lit(1), lit([5, 6])]])
    kwargs = {}
    size_kw(r, size_v, kwargs)
    return call_str(method, args, kwargs)


def bytes_gen(r: random.Random, bad: bool, method: str) -> str:
    n = r.choice([0, 1, 2, 3, 4, 5, 7, 8, 16, 17, r.randint(0, 64), r.randint(0, 3000)])
    if bad:
        n = r.choice([-9, -100])
    return call_str(method, [lit(n)])


def choice_gen(r: random.Random, bad: bool, method: str) -> str:
    if maybe(r, 0.5):
        pop = r.choice([1, 2, 3, 5, 10, r.randint(1, 50), r.randint(1, 2000)])
        a = pop
    else:
        pop = r.randint(1, 10)
        a = [r.randint(-100, 100) for _ in range(pop)] if maybe(r, 0.5) else \
            [round(r.uniform(-10, 10), 3) for _ in range(pop)]
    replace = r.choice([None, True, False])
    size_v = r_size(r)
    p = None
    if maybe(r, 0.4):
        w = [0.0 if maybe(r, 0.2) else r.random() for _ in range(pop)]
        if sum(w) == 0:
            w[0] = 1.0
        s = sum(w)
        p = [x / s for x in w]
    n_draw = 1 if size_v is None else int(np.prod(size_v))
    if replace is False:
        limit = pop if p is None else sum(1 for x in p if x > 0)
        if n_draw > limit:
            size_v = None if limit < 1 else r.randint(0, limit)
    if bad:
        spoil = r.choice(["a", "p_sum", "p_neg", "p_len", "p_nan", "too_many", "size"])
        if spoil == "a":
            a = r.choice([0, -1, [], [[1, 2], [3, 4]], 2.5])
        elif spoil == "p_sum":
            p = [1.0 / pop] * pop
            p[0] += 0.01
        elif spoil == "p_neg" and pop > 1:
            p = [1.0 / pop] * pop
            p[0], p[1] = p[0] + 0.5, p[1] - 0.5
        elif spoil == "p_len":
            p = [1.0 / (pop + 1)] * (pop + 1)
        elif spoil == "p_nan":
            p = [1.0 / pop] * pop
            p[0] = float("nan")
        elif spoil == "too_many":
            replace, size_v = False, pop + r.randint(1, 3)
        else:
            size_v = r_size(r, bad=True)
    args, kwargs = [lit(a)], {}
    size_kw(r, size_v, kwargs, args if replace is None and p is None else None)
    if replace is not None:
        kwargs["replace"] = lit(replace)
    if p is not None:
        kwargs["p"] = lit(p)
    return call_str(method, args, kwargs)


def _r_seq(r: random.Random):
    n = r.choice([0, 1, 2, 3, 5, 10, r.randint(0, 60)])
    if maybe(r, 0.25):  # 2-d
        cols = r.randint(1, 3)
        return [[r.randint(-9, 9) for _ in range(cols)] for _ in range(max(n // 3, 1))]
    if maybe(r, 0.4):
        return [round(r.uniform(-5, 5), 2) for _ in range(n)]
    return list(range(n)) if maybe(r, 0.5) else [r.randint(-1000, 1000) for _ in range(n)]


def shuffle_gen(r: random.Random, bad: bool, method: str) -> str:
    x = r.choice([5, 2.5]) if bad else _r_seq(r)
    return call_str(method, [lit(x)])


def permutation_gen(r: random.Random, bad: bool, method: str) -> str:
    if bad:
        x = r.choice([5.5, 0.5])
    elif maybe(r, 0.5):
        x = r.choice([-3, 0, 1, 2, 7, r.randint(0, 100), r.randint(0, 1500)])
    else:
        x = _r_seq(r)
    return call_str(method, [lit(x)])


# --- custom generators of the next milestone ------------------------------------------------

def hypergeometric_gen(r: random.Random, bad: bool, method: str) -> str:
    ngood, nbad = r.choice([0, 1, 5, 20, r.randint(0, 100), r.randint(0, 10**6)]), \
        r.choice([0, 1, 5, 20, r.randint(0, 100), r.randint(0, 10**6)])
    total = ngood + nbad
    nsample = r.randint(1, max(total, 1)) if total else 1
    if maybe(r, 0.5):
        nsample = min(nsample, r.randint(1, 12))
    if total == 0:
        ngood = 1
    if bad:
        ngood, nbad, nsample = r.choice([(5, 5, 11), (-1, 5, 3), (5, -1, 3), (5, 5, 0)])
    kwargs = {}
    size_kw(r, r_size(r), kwargs)
    return call_str(method, [lit(ngood), lit(nbad), lit(nsample)], kwargs)


def triangular_gen(r: random.Random, bad: bool, method: str) -> str:
    a, b = sorted([r.uniform(-10, 10), r.uniform(-10, 10)])
    if a == b:
        b = a + 1
    m = r.choice([a, b, r.uniform(a, b)])
    if bad:
        a, m, b = r.choice([(1.0, 0.0, 2.0), (0.0, 3.0, 2.0), (1.0, 1.0, 1.0)])
    kwargs = {}
    size_kw(r, r_size(r), kwargs)
    return call_str(method, [lit(a), lit(m), lit(b)], kwargs)


def multinomial_gen(r: random.Random, bad: bool, method: str) -> str:
    d = r.randint(1, 6)
    w = [r.random() for _ in range(d)]
    pv = [x / sum(w) for x in w]
    n = r.choice([0, 1, 10, r.randint(0, 1000), r.randint(0, 10**6)])
    if bad:
        n, pv = r.choice([(-1, pv), (10, [0.7, 0.7, 0.1]), (10, [-0.1, 1.1])])
    kwargs = {}
    size_kw(r, r_size(r), kwargs)
    return call_str(method, [lit(n), lit(pv)], kwargs)


def dirichlet_gen(r: random.Random, bad: bool, method: str) -> str:
    alpha = [_pos(r) for _ in range(r.randint(1, 5))]
    if bad:
        alpha[0] = r.choice([0.0, -1.0])
    kwargs = {}
    size_kw(r, r_size(r), kwargs)
    return call_str(method, [lit(alpha)], kwargs)


def multivariate_normal_gen(r: random.Random, bad: bool, method: str) -> str:
    # Diagonal covariances only: general ones depend on LAPACK's SVD (see numpy-notes.md §2.9).
    k = r.randint(1, 3)
    mean = [r.uniform(-5, 5) for _ in range(k)]
    cov = [[(r.uniform(0.1, 5) if i == j else 0.0) for j in range(k)] for i in range(k)]
    if bad:
        mean = mean + [0.0]
    kwargs = {}
    size_kw(r, r_size(r), kwargs)
    return call_str(method, [lit(mean), lit(cov)], kwargs)


# =============================================================================================
# The method tables
# =============================================================================================

#: The current milestone: method name -> generator(r, bad, method) -> call string.
METHODS = {
    "random_sample": size_only,
    "random": size_only,
    "ranf": size_only,
    "sample": size_only,
    "rand": dims_only,
    "randn": dims_only,
    "standard_normal": size_only,
    "normal": dist(("loc", REAL, 0.0), ("scale", NONNEG, 1.0)),
    "uniform": dist(("low", FINITE, 0.0), ("high", FINITE, 1.0)),
    "randint": randint_gen,
    "random_integers": random_integers_gen,
    "tomaxint": size_only,
    "bytes": bytes_gen,
    "choice": choice_gen,
    "shuffle": shuffle_gen,
    "permutation": permutation_gen,
    "standard_exponential": size_only,
    "exponential": dist(("scale", NONNEG, 1.0)),
}

#: The next milestone: the other RandomState distributions.  Disabled unless named in
#: ``--methods`` or enabled with ``--all``.
NEXT_METHODS = {
    "beta": dist(("a", POS, REQUIRED), ("b", POS, REQUIRED)),
    "binomial": dist(("n", COUNT, REQUIRED), ("p", PROB, REQUIRED)),
    "chisquare": dist(("df", POS, REQUIRED)),
    "dirichlet": dirichlet_gen,
    "f": dist(("dfnum", POS, REQUIRED), ("dfden", POS, REQUIRED)),
    "gamma": dist(("shape", NONNEG, REQUIRED), ("scale", NONNEG, 1.0)),
    "geometric": dist(("p", PROB_GT0, REQUIRED)),
    "gumbel": dist(("loc", REAL, 0.0), ("scale", NONNEG, 1.0)),
    "hypergeometric": hypergeometric_gen,
    "laplace": dist(("loc", REAL, 0.0), ("scale", NONNEG, 1.0)),
    "logistic": dist(("loc", REAL, 0.0), ("scale", NONNEG, 1.0)),
    "lognormal": dist(("mean", FINITE, 0.0), ("sigma", NONNEG, 1.0)),
    "logseries": dist(("p", PROB_LT1, REQUIRED)),
    "multinomial": multinomial_gen,
    "multivariate_normal": multivariate_normal_gen,
    "negative_binomial": dist(("n", POS, REQUIRED), ("p", PROB_GT0, REQUIRED)),
    "noncentral_chisquare": dist(("df", POS, REQUIRED), ("nonc", NONNEG, REQUIRED)),
    "noncentral_f": dist(("dfnum", POS, REQUIRED), ("dfden", POS, REQUIRED),
                         ("nonc", NONNEG, REQUIRED)),
    "pareto": dist(("a", POS, REQUIRED)),
    "poisson": dist(("lam", LAM, 1.0)),
    "power": dist(("a", POS, REQUIRED)),
    "rayleigh": dist(("scale", NONNEG, 1.0)),
    "standard_cauchy": size_only,
    "standard_gamma": dist(("shape", NONNEG, REQUIRED)),
    "standard_t": dist(("df", POS, REQUIRED)),
    "triangular": triangular_gen,
    "vonmises": dist(("mu", FINITE, REQUIRED), ("kappa", KAPPA, REQUIRED)),
    "wald": dist(("mean", POS, REQUIRED), ("scale", POS, REQUIRED)),
    "weibull": dist(("a", NONNEG, REQUIRED)),
    "zipf": dist(("a", ZIPF_A, REQUIRED)),   # a >= 1025 loops forever in NumPy: never generated
}

EDGE_SEEDS = [0, 1, 2, 42, 12345, 2**31 - 1, 2**31, 2**32 - 2, 2**32 - 1]


def random_init(r: random.Random) -> dict:
    """A random init: int seed, seed array (length 1..1200) or a state dumped mid-stream."""
    x = r.random()
    if x < 0.45:
        return {"seed": r.choice(EDGE_SEEDS) if maybe(r, 0.3) else r.getrandbits(32)}
    if x < 0.75:
        n = r.choice([1, 2, 3, 623, 624, 625]) if maybe(r, 0.2) else r.randint(1, 1200)
        return {"seed_array": [r.getrandbits(32) if maybe(r, 0.9) else r.choice([0, 2**32 - 1])
                               for _ in range(n)]}
    rs = np.random.RandomState(r.getrandbits(32))
    words = r.choice([0, 1, 622, 623, 624, 625, r.randint(0, 2000)])
    if words:
        rs._bit_generator.random_raw(words)
    if maybe(r, 0.5):
        rs.standard_normal(r.choice([1, 3, r.randint(1, 50)]))  # often leaves has_gauss=1
    return {"state": state_to_json(rs)}


def random_case(r: random.Random, methods: dict, bad_rate: float) -> tuple[dict, list[str]]:
    init = random_init(r)
    names = sorted(methods)
    calls = []
    for _ in range(r.randint(1, 6)):
        m = r.choice(names)
        calls.append(methods[m](r, maybe(r, bad_rate), m))
    return init, calls


# =============================================================================================
# Running NumPy and nprand, comparing
# =============================================================================================

def float_bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def fmt_float(x: float) -> str:
    return f"{x!r} (0x{float_bits(x):016x})"


def compare_result(expected: dict, got) -> str | None:
    """None if nprand's JSON object ``got`` matches NumPy's normalised result, else a message."""
    if not isinstance(got, dict):
        return f"nprand printed {got!r}, not a JSON object"
    if got.get("dtype") != expected["dtype"]:
        return f"dtype: numpy {expected['dtype']} vs nprand {got.get('dtype')}"
    if list(got.get("shape", [None])) != list(expected["shape"]):
        return f"shape: numpy {expected['shape']} vs nprand {got.get('shape')}"
    data = got.get("data")
    if expected["kind"] == "bytes":
        want = expected["array"].tobytes().hex()
        if not isinstance(data, str) or data.lower() != want:
            return f"bytes: numpy {want} vs nprand {data!r}"
        return None
    arr = expected["array"]
    flat = arr.ravel(order="C").tolist()
    if not isinstance(data, list):
        data = [data]   # tolerate a bare scalar for shape []
    if len(data) != len(flat):
        return f"length: numpy {len(flat)} values vs nprand {len(data)}"
    is_float = arr.dtype.kind == "f"
    is_bool = arr.dtype.kind == "b"
    for i, (a, b) in enumerate(zip(flat, data)):
        where = f"element {i}"
        if arr.ndim > 1:
            where += f" (index {tuple(int(k) for k in np.unravel_index(i, arr.shape))})"
        if is_float:
            if not isinstance(b, (int, float)) or isinstance(b, bool):
                return f"{where}: numpy {fmt_float(a)} vs nprand {b!r}"
            b = float(b)
            if math.isnan(a) and math.isnan(b):
                continue
            if float_bits(a) != float_bits(b):
                return f"{where}: numpy {fmt_float(a)} vs nprand {fmt_float(b)}"
        elif is_bool:
            if b not in (True, False, 0, 1) or isinstance(b, float) or bool(b) != a:
                return f"{where}: numpy {a!r} vs nprand {b!r}"
        else:
            if isinstance(b, bool) or not isinstance(b, int) or a != b:
                return f"{where}: numpy {a!r} vs nprand {b!r}"
    return None


def compare_state(expected: dict, got: dict) -> str | None:
    """None if nprand's saved state equals NumPy's state JSON, else a message."""
    try:
        key, pos = got["state"]["key"], got["state"]["pos"]
        has_gauss, gauss = got["has_gauss"], got["gauss"]
    except (KeyError, TypeError) as exc:
        return f"state file lacks {exc}"
    ek = expected["state"]["key"]
    if len(key) != len(ek):
        return f"state key length: numpy {len(ek)} vs nprand {len(key)}"
    for i, (a, b) in enumerate(zip(ek, key)):
        if a != b:
            return f"state key[{i}]: numpy {a} vs nprand {b}"
    if pos != expected["state"]["pos"]:
        return f"state pos: numpy {expected['state']['pos']} vs nprand {pos}"
    if int(has_gauss) != expected["has_gauss"]:
        return f"state has_gauss: numpy {expected['has_gauss']} vs nprand {has_gauss}"
    if float_bits(float(gauss)) != float_bits(expected["gauss"]):
        return f"state gauss: numpy {fmt_float(expected['gauss'])} vs nprand {gauss!r}"
    if got.get("bit_generator", "MT19937") != "MT19937":
        return f"state bit_generator: {got.get('bit_generator')!r}"
    return None


class Runner:
    """Runs nprand: command prefix, init arguments, temp files."""

    def __init__(self, bin_path: str | None, via_state: bool, tmpdir: str, batch: bool = False):
        self.batch = batch
        if bin_path:
            self.prefix = shlex.split(bin_path) if " " in bin_path else [bin_path]
        elif os.path.exists(DEFAULT_BIN):
            self.prefix = [DEFAULT_BIN]
        else:
            self.prefix = list(CARGO_RUN)
        self.via_state = via_state
        self.tmpdir = tmpdir
        self._counter = 0

    def describe(self) -> str:
        return " ".join(shlex.quote(p) for p in self.prefix)

    def new_path(self, stem: str) -> str:
        self._counter += 1
        return os.path.join(self.tmpdir, f"{stem}_{self._counter}.json")

    def init_args(self, init: dict) -> list[str]:
        """nprand arguments for an init dict (writing a state file when needed)."""
        if self.via_state and ("seed" in init or "seed_array" in init):
            init = {"state": state_to_json(make_rs(init))}
        if "seed" in init:
            return [f"--seed={init['seed']}"]
        if "seed_array" in init:
            return ["--seed-array=" + ",".join(str(v) for v in init["seed_array"])]
        if "state_file" in init:
            return [f"--state={os.path.abspath(init['state_file'])}"]
        path = self.new_path("init")
        with open(path, "w", encoding="utf-8") as fp:
            fp.write(dumps_json(init["state"]))
        return [f"--state={path}"]

    def run(self, init_args: list[str], calls: list[str], save_state: str | None) -> dict:
        cmd = self.prefix + ["eval", "--format", "json"] + init_args
        if save_state:
            cmd += ["--save-state", save_state]
        cmd += calls
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_DIR, timeout=600)
        except FileNotFoundError as exc:
            return {"returncode": None, "stdout": "", "stderr": f"cannot run nprand: {exc}",
                    "cmd": cmd}
        except subprocess.TimeoutExpired:
            return {"returncode": None, "stdout": "", "stderr": "nprand timed out (600 s)",
                    "cmd": cmd}
        return {"returncode": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr,
                "cmd": cmd}


    def batch_request(self, init_args: list[str], calls: list[str]) -> dict:
        """The ``nprand eval --batch`` line for a run given by CLI init arguments."""
        req = {"calls": calls}
        for arg in init_args:
            key, _, value = arg.partition("=")
            if key == "--seed":
                req["seed"] = value
            elif key == "--seed-array":
                req["seed_array"] = value
            elif key == "--state":
                with open(value, "r", encoding="utf-8") as fp:
                    req["state"] = fp.read()
        return req

    def run_batch(self, runs: list[tuple[list[str], list[str], str | None]]) -> list[dict]:
        """Every (init args, calls, save-state path) run through ONE ``nprand eval --batch``
        process; each answer is turned into what :meth:`run` returns for the same run (the
        results up to the first error on stdout, that error on stderr, the state file)."""
        reqs = [self.batch_request(args, calls) for args, calls, _ in runs]
        cmd = self.prefix + ["eval", "--batch"]
        payload = "".join(json.dumps(r) + "\n" for r in reqs)
        try:
            proc = subprocess.run(cmd, input=payload, capture_output=True, text=True,
                                  cwd=REPO_DIR, timeout=3600)
        except (FileNotFoundError, subprocess.TimeoutExpired) as exc:
            return [{"returncode": None, "stdout": "", "stderr": f"cannot run nprand: {exc}",
                     "cmd": cmd}] * len(runs)
        answers = proc.stdout.splitlines()
        outs = []
        for i, ((_args, calls, save_state), req) in enumerate(zip(runs, reqs)):
            out = {"returncode": 0, "stdout": "", "stderr": "", "cmd": cmd + [json.dumps(req)]}
            if i >= len(answers):
                out.update(returncode=None, stderr=f"nprand --batch gave no answer: {proc.stderr}")
                outs.append(out)
                continue
            ans = json.loads(answers[i])
            if "error" in ans:
                err = ans["error"]
                out.update(returncode=2 if err["type"] == "UsageError" else 1,
                           stderr=f"error: {err['type']}: {err['message']}\n")
                outs.append(out)
                continue
            lines = []
            for r in ans["results"]:
                if "error" in r:
                    out.update(returncode=1,
                               stderr=f"error: {r['error']['type']}: {r['error']['message']}\n")
                    break
                lines.append(r["json"])
            out["stdout"] = "".join(ln + "\n" for ln in lines)
            if save_state and out["returncode"] == 0:
                with open(save_state, "w", encoding="utf-8") as fp:
                    fp.write(ans["state"] + "\n")
            outs.append(out)
        return outs


def numpy_segments(init: dict, calls: list[str]):
    """Evaluate ``calls`` in NumPy and cut them into segments ending with a failing call.

    Returns (init_error, segments) where each segment is
    ``{"init": init-or-state, "calls": [...], "results": [...], "state_after": state-or-None}``.
    """
    try:
        rs = make_rs(init)
    except CallError:
        raise
    except Exception as exc:
        return {"type": type(exc).__name__, "message": str(exc)}, []
    segments = []
    seg = {"init": init, "calls": [], "results": [], "state_after": None}
    for c in calls:
        res = eval_call(rs, c)
        seg["calls"].append(c)
        seg["results"].append(res)
        if "error" in res:
            segments.append(seg)
            seg = {"init": {"state": state_to_json(rs)}, "calls": [], "results": [],
                   "state_after": None}
    if seg["calls"] or not segments:
        seg["state_after"] = state_to_json(rs)
        segments.append(seg)
    return None, segments


def check_segment(seg: dict, out: dict, state_path: str | None) -> list[dict]:
    """Compare one nprand run with NumPy's segment; one verdict per call (+ state)."""
    verdicts = []
    lines = out["stdout"].splitlines()
    err_lines = [ln for ln in out["stderr"].splitlines() if ln.startswith("error:")]
    failed_before = False
    for i, (c, expected) in enumerate(zip(seg["calls"], seg["results"])):
        v = {"call": c, "index": i, "ok": False, "detail": None}
        if "error" in expected:
            want = f"{expected['error']['type']}: {expected['error']['message']}"
            if out["returncode"] in (0, None):
                v["detail"] = (f"numpy raised {want!r} but nprand "
                               + ("exited 0" if out["returncode"] == 0 else out["stderr"].strip()))
            elif len(lines) != i:
                v["detail"] = f"numpy raised {want!r}; nprand printed {len(lines)} results " \
                              f"before failing instead of {i}"
            elif not err_lines:
                v["detail"] = f"numpy raised {want!r}; nprand's stderr has no 'error:' line: " \
                              f"{out['stderr'].strip()[-300:]!r}"
            elif want not in err_lines[0]:
                v["detail"] = f"numpy raised {want!r}; nprand said {err_lines[0]!r}"
            else:
                v["ok"] = True
        elif i >= len(lines):
            if failed_before:
                v["detail"] = "not run (nprand stopped earlier)"
            else:
                msg = err_lines[0] if err_lines else out["stderr"].strip()[-300:]
                v["detail"] = f"nprand printed no result (exit {out['returncode']}): {msg}"
            failed_before = True
        else:
            try:
                got = json.loads(lines[i])
            except ValueError:
                v["detail"] = f"nprand printed invalid JSON: {lines[i][:200]!r}"
            else:
                v["detail"] = compare_result(expected, got)
                v["ok"] = v["detail"] is None
        verdicts.append(v)
    all_ok_calls = all("error" not in e for e in seg["results"])
    if all_ok_calls and len(lines) > len(seg["calls"]):
        verdicts.append({"call": "(output)", "index": len(seg["calls"]), "ok": False,
                         "detail": f"nprand printed {len(lines)} lines for {len(seg['calls'])} "
                                   "calls"})
    if all_ok_calls and out["returncode"] not in (0,) and all(v["ok"] for v in verdicts):
        verdicts.append({"call": "(exit)", "index": len(seg["calls"]), "ok": False,
                         "detail": f"nprand exited {out['returncode']}: "
                                   f"{out['stderr'].strip()[-300:]}"})
    if seg["state_after"] is not None and state_path is not None and out["returncode"] == 0:
        sv = {"call": "(state after calls)", "index": len(seg["calls"]), "ok": False,
              "detail": None, "state": True}
        try:
            with open(state_path, "r", encoding="utf-8") as fp:
                got_state = json.load(fp)
        except (OSError, ValueError) as exc:
            sv["detail"] = f"cannot read nprand's --save-state file: {exc}"
        else:
            sv["detail"] = compare_state(seg["state_after"], got_state)
            sv["ok"] = sv["detail"] is None
        verdicts.append(sv)
    return verdicts


def check_cases(runner: Runner, cases: list[tuple[dict, list[str]]], jobs: int,
                check_state: bool = True) -> list[dict]:
    """Check many (init, calls) cases; returns one report dict per case."""
    prepared = []
    for n, (init, calls) in enumerate(cases):
        init_error, segments = numpy_segments(init, calls)
        prepared.append({"n": n, "init": init, "calls": calls, "init_error": init_error,
                         "segments": segments})

    tasks = []  # (case, segment index, init args, state path)
    for case in prepared:
        if case["init_error"] is not None:
            tasks.append((case, -1, runner.init_args(case["init"]) if "state" not in case["init"]
                          else [], None))
            continue
        for si, seg in enumerate(case["segments"]):
            state_path = runner.new_path("saved") if check_state and seg["state_after"] else None
            tasks.append((case, si, runner.init_args(seg["init"]), state_path))

    def work(task):
        case, si, init_args, state_path = task
        calls = [] if si < 0 else case["segments"][si]["calls"]
        return runner.run(init_args, calls, state_path)

    if runner.batch:
        outputs = runner.run_batch([(init_args, [] if si < 0 else case["segments"][si]["calls"], path)
                                    for case, si, init_args, path in tasks])
    else:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
            outputs = list(pool.map(work, tasks))

    for case in prepared:
        case["verdicts"] = []
    for (case, si, _args, state_path), out in zip(tasks, outputs):
        if si < 0:
            want = f"{case['init_error']['type']}: {case['init_error']['message']}"
            err_lines = [ln for ln in out["stderr"].splitlines() if ln.startswith("error:")]
            ok = out["returncode"] not in (0, None) and err_lines and want in err_lines[0]
            case["verdicts"].append({
                "call": "(init)", "index": 0, "ok": bool(ok), "init": True,
                "detail": None if ok else f"numpy raised {want!r} building the generator; "
                                          f"nprand: exit {out['returncode']}, "
                                          f"{out['stderr'].strip()[-300:]!r}"})
            case.setdefault("cmds", []).append(out["cmd"])
            continue
        seg = case["segments"][si]
        offset = sum(len(s["calls"]) for s in case["segments"][:si])
        for v in check_segment(seg, out, state_path):
            v["index"] += offset
            case["verdicts"].append(v)
        case.setdefault("cmds", []).append(out["cmd"])
    return prepared


def reproduce_cmd(case: dict, keep_dir: str) -> str:
    """A crosscheck command line that reruns one case."""
    init = case["init"]
    if "seed" in init:
        opt = [f"--seed={init['seed']}"]
    elif "seed_array" in init:
        opt = ["--seed-array=" + ",".join(map(str, init["seed_array"]))]
    elif "state_file" in init:
        opt = [f"--state={init['state_file']}"]
    else:
        path = os.path.join(keep_dir, f"case_{case['n']}.state.json")
        with open(path, "w", encoding="utf-8") as fp:
            fp.write(dumps_json(init["state"]))
        opt = [f"--state={path}"]
    return " ".join(["python3 scripts/crosscheck.py"] + [shlex.quote(o) for o in opt]
                    + [shlex.quote(c) for c in case["calls"]])


def summarise(reports: list[dict], max_details: int, keep_dir: str | None,
              out=sys.stdout) -> int:
    """Print the summary and failure details; return the number of failed checks."""
    n_calls = sum(len(c["calls"]) for c in reports if c["init_error"] is None)
    call_v = [v for c in reports for v in c["verdicts"]
              if not v.get("state") and not v.get("init")]
    state_v = [v for c in reports for v in c["verdicts"] if v.get("state")]
    init_v = [v for c in reports for v in c["verdicts"] if v.get("init")]
    i_failed = sum(not v["ok"] for v in init_v)
    matched = sum(v["ok"] for v in call_v)
    failed = sum(not v["ok"] for v in call_v)
    s_failed = sum(not v["ok"] for v in state_v)
    bad_cases = [c for c in reports if any(not v["ok"] for v in c["verdicts"])]
    extra = f"; end states: {len(state_v) - s_failed}/{len(state_v)} matched"
    if init_v:
        extra += f"; init errors: {len(init_v) - i_failed}/{len(init_v)} matched"
    print(f"{len(reports)} cases, {n_calls} calls: {matched} matched, {failed} failed{extra}",
          file=out)
    for case in bad_cases[:max_details]:
        first = next(v for v in case["verdicts"] if not v["ok"])
        init_desc = json.dumps(case["init"])
        if len(init_desc) > 120:
            init_desc = init_desc[:117] + "..."
        print(f"\nFAIL case {case['n']}  init {init_desc}", file=out)
        for i, c in enumerate(case["calls"]):
            mark = "->" if i == first["index"] and not first.get("state") else "  "
            print(f"  {mark} [{i}] {c}", file=out)
        print(f"  first mismatch at {first['call']}: {first['detail']}", file=out)
        more = sum(not v["ok"] for v in case["verdicts"]) - 1
        if more:
            print(f"  (+ {more} more failed checks in this case)", file=out)
        if keep_dir:
            print(f"  reproduce: {reproduce_cmd(case, keep_dir)}", file=out)
    if len(bad_cases) > max_details:
        print(f"\n... and {len(bad_cases) - max_details} more failing cases", file=out)
    return failed + s_failed + i_failed


# =============================================================================================
# nprand emulator (for --self-test): the nprand eval CLI implemented with NumPy
# =============================================================================================

def emulate_nprand(argv: list[str]) -> int:
    """``crosscheck.py --emulate-nprand eval --format json ...``: behave like nprand.

    The environment variable NPRAND_FAKE_FAULT injects one fault, to test that crosscheck
    notices: ``float`` (flip the last bit of the first float of each result), ``int`` (add 1 to
    the first integer), ``error`` (wrong error text), ``errtype`` (wrong exception type),
    ``state`` (wrong pos in the saved state), ``shape`` (wrong shape), ``stop`` (exit 0 after
    the first call).
    """
    p = argparse.ArgumentParser(prog="nprand-emulator")
    p.add_argument("cmd", choices=["eval"])
    p.add_argument("--format", default="json")
    p.add_argument("--seed", type=int)
    p.add_argument("--seed-array")
    p.add_argument("--state")
    p.add_argument("--save-state")
    p.add_argument("calls", nargs="*")
    a = p.parse_intermixed_args(argv)
    fault = os.environ.get("NPRAND_FAKE_FAULT", "")
    try:
        if a.state:
            init = {"state_file": os.path.abspath(a.state)}
        elif a.seed_array is not None:
            init = {"seed_array": [int(x) for x in a.seed_array.split(",") if x.strip()]}
        else:
            init = {"seed": a.seed if a.seed is not None else 0}
        rs = make_rs(init)
    except Exception as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for i, c in enumerate(a.calls):
        res = eval_call(rs, c)
        if "error" in res:
            sys.stdout.flush()
            typ, msg = res["error"]["type"], res["error"]["message"]
            if fault == "error":
                msg = msg[:-1] if len(msg) > 1 else "?"
            if fault == "errtype":
                typ = "RuntimeError"
            print(f"error: {typ}: {msg}", file=sys.stderr)
            return 1
        obj = result_to_nprand_json(res)
        if fault == "float" and res["dtype"] == "float64" and obj["data"]:
            x = obj["data"][0]
            if not math.isnan(x):
                obj["data"][0] = struct.unpack("<d", struct.pack("<Q", float_bits(x) ^ 1))[0]
        if fault == "int" and res["dtype"].startswith(("int", "uint")) and obj["data"]:
            obj["data"][0] += 1 if obj["data"][0] < np.iinfo(res["dtype"]).max else -1
        if fault == "shape":
            obj["shape"] = obj["shape"] + [1]
        print(json.dumps(obj))
        if fault == "stop":
            return 0
    if a.save_state:
        st = state_to_json(rs)
        if fault == "state":
            st["state"]["pos"] = (st["state"]["pos"] + 1) % 625
        with open(a.save_state, "w", encoding="utf-8") as fp:
            fp.write(dumps_json(st))
    return 0


# =============================================================================================
# Self-test
# =============================================================================================

def self_test(jobs: int) -> int:
    """Check npcall, np_state, the comparison logic and the whole pipeline (no Rust needed)."""
    import np_state

    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)
            print(f"  FAIL: {what}")

    print("npcall: result normalisation")
    rs = make_rs({"seed": 12345})
    r = eval_call(rs, "rand()")
    check(r["kind"] == "pyscalar" and r["dtype"] == "float64" and r["shape"] == []
          and float(r["array"]) == 0.9296160928171479, f"rand() with seed 12345: {r}")
    checks = {
        "randint(0, 10, dtype='uint8')": ("npscalar", "uint8", []),
        "randint(0, 10)": ("pyscalar", "int64", []),
        "randint(0, 2, dtype=bool)": ("pyscalar", "bool", []),
        "randint(0, 2, dtype='bool')": ("npscalar", "bool", []),
        "bytes(5)": ("bytes", "bytes", [5]),
        "shuffle([1, 2, 3])": ("array", "int64", [3]),
        "shuffle([[1.5, 2], [3, 4]])": ("array", "float64", [2, 2]),
        "random_sample(size=())": ("array", "float64", []),
        "np.random.rand(2, 3)": ("array", "float64", [2, 3]),
        "ranf(2)": ("array", "float64", [2]),
        "sample()": ("pyscalar", "float64", []),
        "random_integers(5)": ("npscalar", "int64", []),
        "choice([1.5, 2.5])": ("npscalar", "float64", []),
        "tomaxint()": ("pyscalar", "int64", []),
    }
    for c, want in checks.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            r = eval_call(rs, c)
        check("error" not in r and (r["kind"], r["dtype"], r["shape"]) == want,
              f"{c}: {r.get('error') or (r['kind'], r['dtype'], r['shape'])} != {want}")
        check(not caught, f"{c}: a warning escaped: {[str(w.message) for w in caught]}")
        if "error" not in r:
            check(list(r["array"].shape) == r["shape"], f"{c}: array shape != shape")
    r = eval_call(rs, "normal(0, -1)")
    check(r == {"error": {"type": "ValueError", "message": "scale < 0"}}, f"normal(0, -1): {r}")
    r = eval_call(rs, "uniform(0, np.inf)")
    check(r.get("error", {}).get("type") == "OverflowError", f"uniform(0, inf): {r}")
    for bad in ["rand", "1 + 2", "seed(5)", "get_state()", "nosuchmethod(1)", "rand(*[2])",
                "rand(undefined_name)"]:
        try:
            eval_call(rs, bad)
        except CallError:
            pass
        else:
            check(False, f"{bad!r} should raise CallError")
    for good in ["randint(0, 2**64 - 1, size=(2, 3), dtype=np.uint64)", "normal(-inf, nan)",
                 "choice([1, 2], p=[0.5, 0.5])", "normal(float('nan'))"]:
        try:
            npcall.check_call_grammar(good)
        except CallError as exc:
            check(False, f"grammar rejects {good!r}: {exc}")
    for bad in ["rand(list(range(3)))", "rand(x)", "np.random.rand(3)", "rand(**{})",
                "random_sample(np.int64(3))",
                "rand(3 / 2)"]:
        try:
            npcall.check_call_grammar(bad)
        except CallError:
            pass
        else:
            check(False, f"grammar accepts {bad!r}")

    print("npcall/np_state: state round trip")
    rs = make_rs({"seed_array": [1, 2, 3]})
    rs.standard_normal(3)   # leaves a cached gaussian
    st = state_to_json(rs)
    check(st["has_gauss"] == 1 and len(st["state"]["key"]) == 624, "state has gauss and 624 words")
    text = dumps_json(st)
    check(text.endswith("\n") and "\n" not in text[:-1], "state JSON is one line + newline")
    check(json.loads(text) == st, "state JSON round trip")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "s.json")
        np_state.save_state(rs, path)
        rs2 = np_state.load_state(path)
        check(state_to_json(rs2) == st, "save_state/load_state round trip")
        a, b = rs.standard_normal(5), rs2.standard_normal(5)
        check(a.tobytes() == b.tobytes(), "loaded state continues the same stream")
        rs3 = make_rs({"state": json.loads(text)})
        check(state_to_json(rs3) == st, "make_rs({'state': ...})")
        rel = make_rs({"state_file": "s.json"}, base_dir=tmp)
        check(state_to_json(rel)["state"]["pos"] == st["state"]["pos"], "state_file relative")
        status = np_state.main(["dump", "--seed", "5", "--calls", "rand(3)", "--out", path,
                                "--quiet"])
        ref = np.random.RandomState(5)
        ref.rand(3)
        check(status == 0 and state_to_json(np_state.load_state(path)) == state_to_json(ref),
              "np_state dump")
    try:
        make_rs({"seed": -1})
        check(False, "seed -1 must raise")
    except ValueError as exc:
        check(str(exc) == "Seed must be between 0 and 2**32 - 1", f"seed -1 message: {exc}")

    print("compare_result")
    e = npcall.normalise_result(np.array([1.0, float("nan"), -0.0]))
    check(compare_result(e, {"dtype": "float64", "shape": [3], "data": [1.0, float("nan"), -0.0]})
          is None, "NaN == NaN, -0.0 == -0.0")
    check(compare_result(e, {"dtype": "float64", "shape": [3], "data": [1.0, float("nan"), 0.0]})
          is not None, "-0.0 != 0.0")
    check(compare_result(e, {"dtype": "float64", "shape": [3],
                             "data": [1.0000000000000002, float("nan"), -0.0]}) is not None,
          "1 ulp off is a mismatch")
    check(compare_result(e, {"dtype": "float32", "shape": [3], "data": [1.0, 0.0, -0.0]})
          is not None, "dtype mismatch")
    e = npcall.normalise_result(np.array([2**64 - 1, 0], dtype=np.uint64))
    check(compare_result(e, {"dtype": "uint64", "shape": [2], "data": [2**64 - 1, 0]}) is None,
          "uint64 max")
    check(compare_result(e, {"dtype": "uint64", "shape": [2], "data": [2**64 - 2, 0]})
          is not None, "uint64 off by one")
    check(compare_result(e, {"dtype": "uint64", "shape": [2], "data": [1.8446744073709552e19, 0]})
          is not None, "a float is not an integer")
    e = npcall.normalise_result(np.array([True, False]))
    check(compare_result(e, {"dtype": "bool", "shape": [2], "data": [True, False]}) is None
          and compare_result(e, {"dtype": "bool", "shape": [2], "data": [1, 0]}) is None
          and compare_result(e, {"dtype": "bool", "shape": [2], "data": [0, 0]}) is not None,
          "bool comparisons")
    e = npcall.normalise_result(b"\x00\xffa")
    check(compare_result(e, {"dtype": "bytes", "shape": [3], "data": "00ff61"}) is None,
          "bytes hex")
    check(json.loads('{"d": [NaN, Infinity, -Infinity]}')["d"][1] == float("inf"),
          "json reads non-finite floats")

    # ---- The whole pipeline against the emulator ------------------------------------------
    with tempfile.TemporaryDirectory() as tmp:
        shim = os.path.join(tmp, "nprand-emulator")
        with open(shim, "w", encoding="utf-8") as fp:
            fp.write("#!/bin/sh\nexec " + shlex.quote(sys.executable) + " "
                     + shlex.quote(os.path.abspath(__file__)) + ' --emulate-nprand "$@"\n')
        os.chmod(shim, 0o755)
        r = random.Random(1)
        all_methods = {**METHODS, **NEXT_METHODS}
        cases = [random_case(r, METHODS, 0.1) for _ in range(20)]
        cases += [random_case(r, all_methods, 0.1) for _ in range(10)]
        # fixed cases: an error in the middle, an init error, a state init
        cases.append(({"seed": 3}, ["randn()", "normal(0, -1)", "randn()", "bytes(3)"]))
        cases.append(({"seed": -1}, ["rand()"]))
        cases.append(({"seed": 2**32}, []))
        cases.append(({"state": state_to_json(rs)}, ["randn(3)", "randint(0, 5, size=3)"]))
        print(f"pipeline: {len(cases)} random and fixed cases against the NumPy emulator")
        runner = Runner(shim, via_state=False, tmpdir=tmp)
        reports = check_cases(runner, cases, jobs)
        failed = summarise(reports, 5, None)
        check(failed == 0, "emulator run must match completely")
        mid = reports[-4]
        check(len(mid["verdicts"]) == 4 + 1 and all(v["ok"] for v in mid["verdicts"]),
              "an error in the middle: later calls are still checked (segments)")
        check(reports[-3]["verdicts"][0].get("init"), "init errors are checked")

        runner_vs = Runner(shim, via_state=True, tmpdir=tmp)
        check(summarise(check_cases(runner_vs, cases[:5], jobs), 5, None) == 0, "--via-state")

        for fault in ["float", "int", "error", "errtype", "state", "shape", "stop"]:
            os.environ["NPRAND_FAKE_FAULT"] = fault
            try:
                fcases = [({"seed": 1}, ["rand(3)", "randint(0, 100, size=4)", "randn()",
                                         "normal(0, -1)"]),
                          ({"seed": 2}, ["randint(0, 10, size=3)", "uniform(0, 1, size=2)"])]
                rep = check_cases(runner, fcases, jobs)
                with open(os.devnull, "w") as devnull:
                    nfail = summarise(rep, 5, None, out=devnull)
                check(nfail > 0, f"injected fault {fault!r} was not detected")
                print(f"  injected fault {fault!r}: detected ({nfail} failed checks)")
            finally:
                del os.environ["NPRAND_FAKE_FAULT"]

    print("self-test " + ("PASSED" if not failures else f"FAILED ({len(failures)} problems)"))
    return 1 if failures else 0


# =============================================================================================
# Command line
# =============================================================================================

def fixture_cases() -> list[tuple[dict, list[str]]]:
    """The cases (and checkable init errors) of fixtures/legacy/manifest.json."""
    with open(os.path.join(npcall.FIXTURES_DIR, "manifest.json"), encoding="utf-8") as fp:
        manifest = json.load(fp)
    cases = []
    for c in manifest["cases"]:
        init = dict(c["init"])
        if "state_file" in init:
            init = {"state_file": os.path.join(npcall.FIXTURES_DIR, init["state_file"])}
        cases.append((init, [e["call"] for e in c["calls"]]))
    for e in manifest["init_errors"]:
        # only inits that can be spelled on nprand's command line (integers, flat lists)
        init = {k: (npcall._big_int(v) if k == "seed" else [npcall._big_int(x) for x in v])
                for k, v in e["init"].items()}
        ok = ("seed" in init and isinstance(init["seed"], int)) or \
            ("seed_array" in init and all(isinstance(v, int) for v in init["seed_array"]))
        if ok:
            cases.append((init, []))
    return cases


def hostile_check(n: int, rng_seed: int, binary: str, show: int) -> int:
    """``--hostile N``: N calls of every RandomState method with edge values, wrong types and bad
    keywords (``crosscheck_generator.HOSTILE``), each on a fresh ``RandomState(0)``; NumPy's
    outcome (error type and message, or that it returned) against ``nprand eval --batch``'s."""
    import collections
    import warnings

    import numpy as np
    import crosscheck_generator as cg

    methods = sorted((set(METHODS) | set(NEXT_METHODS) | {"standard_normal", "random_sample",
                     "permutation", "shuffle", "choice", "bytes", "tomaxint", "multinomial",
                     "dirichlet", "multivariate_normal"})
                     - {"ranf", "sample"})  # module-level aliases only (nprand takes them too)
    r = random.Random(rng_seed)
    calls = []
    for _ in range(n):
        m = r.choice(methods)
        args = cg.tame(m, cg.hostile_args(m, [cg.hostile_value(r) for _ in range(r.randint(0, 4))]))
        kw = []
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            k = r.choice(cg.HOSTILE_KW)
            v = (r.choice(cg.HOSTILE_SIZE) if k == "size" else r.choice(cg.HOSTILE_DTYPE) if k == "dtype"
                 else cg.hostile_value(r))
            kw.append("%s=%s" % (k, v))
        calls.append("%s(%s)" % (m, ", ".join(args + kw)))
    req = "".join(json.dumps({"seed": "0", "calls": [c]}) + "\n" for c in calls)
    proc = subprocess.run([binary, "eval", "--batch"], input=req, capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 2
    outs = [json.loads(line)["results"][0] for line in proc.stdout.splitlines()]
    classes = collections.Counter()
    classes_refused = 0  # nprand's documented refusals (crosscheck_generator.REFUSALS)
    for c, out in zip(calls, outs):
        rs = np.random.RandomState(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                eval("rs." + c, {"rs": rs, "np": np})
            want = None
        except Exception as e:  # noqa: BLE001 - the exception is the datum
            want = (type(e).__name__, str(e))
        got = (out["error"]["type"], out["error"]["message"]) if "error" in out else None
        if want == got or (want and got and want[0] == got[0] == "SyntaxError"):
            continue
        numpy = {} if want is None else {"error": {"type": want[0], "message": want[1]}}
        if "error" in out and cg.refused(numpy, out):
            classes_refused += 1
            continue
        cls = ("numpy-value-nprand-error" if want is None else "numpy-error-nprand-value" if got is None
               else "error-type" if want[0] != got[0] else "error-message")
        classes[cls] += 1
        if show > 0:
            show -= 1
            print("MISMATCH %s\n  numpy: %s\n  nprand: %s" % (c, want, got))
    print("hostile: %d calls, %d mismatches: %s" % (n, sum(classes.values()), dict(classes)))
    if classes_refused:
        print("documented refusals:", classes_refused)
    return 1 if classes else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--emulate-nprand"]:
        return emulate_nprand(argv[1:])

    p = argparse.ArgumentParser(description="Cross-check nprand against NumPy's RandomState.",
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog=__doc__.split("Modes\n-----\n")[1])
    p.add_argument("calls", nargs="*", metavar="CALL", help='e.g. "rand(10, 10)"')
    p.add_argument("--bin", help="nprand binary (default: target/release/nprand, else cargo run)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--seed", type=int, help="RandomState(seed) (default 0)")
    g.add_argument("--seed-array", metavar="INTS", help="RandomState([..]): e.g. 1,2,3")
    g.add_argument("--state", metavar="FILE", help="a state JSON file (np_state.py / nprand)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--random", type=int, metavar="N", help="check N random cases")
    mode.add_argument("--fixtures", action="store_true", help="check fixtures/legacy/manifest.json")
    mode.add_argument("--self-test", action="store_true", help="test this tooling (no Rust)")
    mode.add_argument("--list-methods", action="store_true", help="print the method tables")
    mode.add_argument("--hostile", type=int, metavar="N",
                      help="N fresh calls with edge values and wrong types (outcomes compared)")
    p.add_argument("--rng-seed", type=int, default=0, help="seed of the case generator")
    p.add_argument("--methods", help="comma-separated methods for --random (any table)")
    p.add_argument("--all", action="store_true", help="--random uses the next milestone too")
    p.add_argument("--bad-rate", type=float, default=0.08,
                   help="probability that a random call has invalid parameters (default 0.08)")
    p.add_argument("--via-state", action="store_true",
                   help="hand every init to nprand as a NumPy-dumped state file")
    p.add_argument("--no-state-check", action="store_true", help="skip --save-state comparison")
    p.add_argument("--per-process", action="store_true",
                   help="one 'nprand eval' process per run instead of one 'nprand eval --batch'")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                   help="parallel nprand processes")
    p.add_argument("--max-details", type=int, default=10, help="failing cases to describe")
    p.add_argument("--show-cases", action="store_true", help="print the generated cases")
    a = p.parse_args(argv)

    if a.list_methods:
        print("current milestone (default):", ", ".join(METHODS))
        print("next milestone (--methods or --all):", ", ".join(NEXT_METHODS))
        return 0
    if a.self_test:
        return self_test(a.jobs)
    if a.hostile is not None:
        return hostile_check(a.hostile, a.rng_seed, a.bin or "target/release/nprand", a.max_details)

    if a.random is not None:
        table = dict(METHODS)
        if a.all:
            table.update(NEXT_METHODS)
        if a.methods:
            everything = {**METHODS, **NEXT_METHODS}
            names = [m.strip() for m in a.methods.split(",") if m.strip()]
            unknown = [m for m in names if m not in everything]
            if unknown:
                p.error(f"unknown methods {unknown}; see --list-methods")
            table = {m: everything[m] for m in names}
        r = random.Random(a.rng_seed)
        cases = [random_case(r, table, a.bad_rate) for _ in range(a.random)]
    elif a.fixtures:
        cases = fixture_cases()
    else:
        if not a.calls:
            p.error("give CALLs, or --random N, --fixtures, --self-test")
        if a.seed_array is not None:
            init = {"seed_array": [int(v) for v in a.seed_array.replace(",", " ").split()]}
        elif a.state:
            init = {"state_file": os.path.abspath(a.state)}
        else:
            init = {"seed": a.seed if a.seed is not None else 0}
        cases = [(init, a.calls)]

    if a.show_cases:
        for n, (init, calls) in enumerate(cases):
            short = json.dumps(init)
            print(f"case {n}: {short[:100]}{'...' if len(short) > 100 else ''}")
            for c in calls:
                print(f"    {c}")

    keep_dir = tempfile.mkdtemp(prefix="crosscheck-")
    with tempfile.TemporaryDirectory() as tmp:
        runner = Runner(a.bin, a.via_state, tmp, batch=not a.per_process)
        jobs = a.jobs if runner.prefix != CARGO_RUN else 1
        try:
            reports = check_cases(runner, cases, jobs, check_state=not a.no_state_check)
        except CallError as exc:
            print(f"bad call: {exc}", file=sys.stderr)
            return 2
        print(f"nprand: {runner.describe()}")
        nfail = summarise(reports, a.max_details, keep_dir)
    if a.random is None and not a.fixtures and nfail == 0:
        print("match")
    if not os.listdir(keep_dir):
        os.rmdir(keep_dir)  # nothing to keep (reproduce files are written for failures only)
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
