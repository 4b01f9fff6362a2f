"""The ``RandomState`` (legacy) family: ``fixtures/legacy/`` from real NumPy 2.4.6.

Layout of ``fixtures/legacy/``::

    manifest.json                 every case, call and result (below)
    states/<id>.state.json        state after all calls of case <id>      ("state_after")
    states/init_<name>.json       states that cases start from            ("state_file")
    raw/<id>.npy                  raw MT19937 output words (uint32, 100,000 each)
    experiment.txt                what scripts/experiment.py prints (tests/experiment.rs)

Paths in the manifest are relative to ``fixtures/legacy/``.

manifest.json::

    {"numpy_version": "2.4.6",
     "cases": [
       {"id": "readme_rand_10x10",
        "init": {"seed": 12345}                       # RandomState(12345)
              | {"seed_array": [1, 2, 3]}             # RandomState([1, 2, 3])
              | {"state_file": "states/init_x.json"}, # set_state(state JSON in that file)
        "calls": [
          {"call": "rand(10, 10)", "result": {"kind": "array", "dtype": "float64",
                                              "shape": [10, 10], "data": "0.93... ..."}},
          {"call": "randint(5, 5)", "error": {"type": "ValueError", "message": "low >= high"}}],
        "state_after": "states/readme_rand_10x10.state.json"},
       ...],
     "init_errors": [{"init": {"seed": -1},
                      "error": {"type": "ValueError",
                                "message": "Seed must be between 0 and 2**32 - 1"}}, ...],
     "raw": [{"id": "seed_0", "init": {"seed": 0}, "n": 100000, "file": "raw/seed_0.npy"}, ...]}

* Results use the one encoding of ``fixgen.common`` (kind, dtype, shape, exact tokens).
* The calls of a case run in order on ONE generator built from ``init``.  A call that raises
  leaves the generator untouched (mostly; ``multivariate_normal`` raises after drawing) and the
  next call continues from NumPy's state, which ``state_after`` pins down.
* State JSON files have the format of ``npcall.state_to_json``: ``{"bit_generator": "MT19937",
  "state": {"key": [624 ints], "pos": int}, "has_gauss": 0|1, "gauss": float}`` on one line.
* Raw streams are ``rs._bit_generator.random_raw(n).astype(np.uint32)`` right after building the
  generator from ``init``: the tempered MT19937 outputs, starting with a block regeneration.
* ``init_errors``: building the generator must fail with this exception type and message.
  Integers that do not fit 64 bits are written as strings of decimal digits
  (``{"seed": "18446744073709551616"}``); ``npcall.make_rs`` accepts that form everywhere.
* Call strings use only the grammar documented in ``npcall.py`` (checked while generating).
* Case ids containing ``quirk`` pin down NumPy behaviour that looks like a NumPy bug (documented in
  the comments next to those cases); a port may decide to skip them.
* The cases are this module's own plus, in this order, those of ``legacy_continuous``,
  ``legacy_discrete`` and ``legacy_mvn`` (``FAMILY_CASES`` below; an explicit list).
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from fixgen import legacy_continuous, legacy_discrete, legacy_mvn
from fixgen.common import SCRIPTS_DIR, dumps_line, encode_array, save_npy, write_json, write_text
from npcall import check_call_grammar, eval_call, make_rs, state_to_json

RAW_N = 100_000


# =============================================================================================
# Helpers for building call strings and seeds
# =============================================================================================

def seed_array(n: int, salt: int) -> list[int]:
    """A deterministic seed array of length n with values spread over the whole u32 range."""
    return [(2654435761 * (i + 1) + 40503 * salt + (i * i) * 97) % 2**32 for i in range(n)]


def ilit(v: int) -> str:
    """An integer literal; values near powers of two are written as ``2**k + d`` for readability."""
    for k in range(8, 65):
        for d in (-2, -1, 0, 1, 2):
            if abs(v) == 2**k + d:
                sign = "-" if v < 0 else ""
                tail = "" if d == 0 else (f" + {d}" if d > 0 else f" - {-d}")
                expr = f"2**{k}{tail}"
                if sign and d:  # -(2**k + d) must keep its parentheses
                    return f"-({expr})"
                return sign + expr
    return str(v)


# =============================================================================================
# The cases
# =============================================================================================

CASES: list[tuple[str, dict, list[str]]] = []   # (id, init, calls); init may use a state name
STATE_BUILDERS: dict[str, callable] = {}       # name -> function returning a live RandomState


def case(cid: str, init: dict, *calls: str) -> None:
    assert all(c[0] != cid for c in CASES), f"duplicate case id {cid}"
    CASES.append((cid, init, list(calls)))


def state_init(name: str) -> dict:
    """init dict for a case that starts from the state built by STATE_BUILDERS[name]."""
    assert name in STATE_BUILDERS, name
    return {"state_file": f"states/init_{name}.json"}


# ---------------------------------------------------------------------------------------------
# 1. Seeds: a small battery of every milestone method on 25 integer seeds and 11 seed arrays.
# ---------------------------------------------------------------------------------------------

SEEDS = [0, 1, 2, 3, 5, 7, 10, 42, 100, 123, 1000, 1234, 12345, 54321, 65535, 65536, 99999,
         123456789, 987654321, 2**31 - 1, 2**31, 2**31 + 1, 3141592653, 2**32 - 2, 2**32 - 1]

BATTERY = [
    "random_sample()",
    "rand(5)",
    "randn(5)",
    "randint(0, 100, size=5)",
    "randint(-2**63, 2**63, size=3)",
    "randint(0, 256, size=7, dtype='uint8')",
    "uniform(-1, 1, size=3)",
    "normal(1, 2, size=3)",
    "standard_exponential(3)",
    "choice(10, 3)",
    "permutation(6)",
    "bytes(7)",
    "tomaxint(2)",
]

for _s in SEEDS:
    case(f"seed_{_s}", {"seed": _s}, *BATTERY)

SEED_ARRAYS = {
    "len1": seed_array(1, 1),
    "len2": seed_array(2, 2),
    "len3": seed_array(3, 3),
    "len623": seed_array(623, 623),
    "len624": seed_array(624, 624),
    "len625": seed_array(625, 625),
    "len1000": seed_array(1000, 1000),
    "zero": [0],
    "max": [2**32 - 1],
    "zeros2": [0, 0],
    "small": [1, 2, 3],
}
for _name, _arr in SEED_ARRAYS.items():
    case(f"seed_array_{_name}", {"seed_array": _arr}, *BATTERY)

# The README example.
case("readme_rand_10x10", {"seed": 12345}, "rand(10, 10)")

# ---------------------------------------------------------------------------------------------
# 2. random_sample and its aliases, rand
# ---------------------------------------------------------------------------------------------

case("random_sample_family", {"seed": 2024},
     "random_sample()",
     "random_sample(5)",
     "random_sample(size=(2, 3))",
     "random_sample(size=0)",
     "random_sample(size=())",
     "random_sample(size=(2, 0, 3))",
     "random_sample(None)",
     "random()",
     "random(3)",
     "random(size=(1, 2))",
     "ranf()",
     "ranf(4)",
     "sample()",
     "sample(size=4)",
     "rand()",
     "rand(3)",
     "rand(2, 3)",
     "rand(2, 1, 2)",
     "rand(0)",
     )

case("random_sample_errors", {"seed": 2025},
     "random_sample(-1)",
     "random_sample(size=2.5)",
     "random_sample(size=(2, -1))",
     "rand(-1)",
     "rand(2.5)",
     "random(-3)",
     "ranf(-1)",
     "rand(1)",
     )

# ---------------------------------------------------------------------------------------------
# 3. Normals: randn, standard_normal, normal (and the gauss cache)
# ---------------------------------------------------------------------------------------------

case("normal_family", {"seed": 3001},
     "randn()",
     "randn(5)",
     "randn(2, 3)",
     "standard_normal()",
     "standard_normal(3)",
     "standard_normal(size=(2, 2))",
     "standard_normal(size=())",
     "standard_normal(size=0)",
     "normal()",
     "normal(5, 2)",
     "normal(-3.5, 0.25, size=4)",
     "normal(loc=[1, 2, 3], scale=2, size=(2, 3))",
     "normal([0, 10], [[1], [2], [3]])",
     "normal(0, [1, 2, 3])",
     "normal(size=(3, 1))",
     "normal(0, 1, size=())",
     "normal(0, 0)",
     "normal(0, 0, size=3)",
     "normal(7.5, 0)",
     "normal(nan, 1)",
     "normal(0, nan)",
     "normal(inf, 1)",
     "normal(0, inf, size=2)",
     "normal(1e308, 1e308, size=3)",
     )

case("normal_errors", {"seed": 3002},
     "normal(0, -1)",
     "normal(0, -0.0)",
     "normal(0, [1, -1])",
     "normal(0, -1, size=0)",
     "normal(0, -inf)",
     "normal([0, 1], [1, 2, 3])",
     "normal([0, 1], 1, size=(2, 1))",
     "normal([0, 1], 1, size=())",
     "normal([0, 1], 1, size=3)",
     "normal(0, 1, size=-1)",
     "randn(-1)",
     "randn(2.5)",
     "standard_normal(-2)",
     "standard_normal(size=2.5)",
     "randn(1)",
     )

case("gauss_cache_normal_after_odd", {"seed": 7},
     "standard_normal(3)", "normal(5, 2)")
case("gauss_cache_randn_state", {"seed": 8}, "randn()")
case("gauss_cache_odd_then_randn", {"seed": 9}, "standard_normal(5)", "randn(2)")
case("gauss_cache_survives_other_calls", {"seed": 10},
     "randn()", "rand()", "randint(0, 10)", "bytes(3)", "choice(5, 2)", "permutation(3)",
     "uniform()", "standard_exponential()", "tomaxint()", "randn()")
case("gauss_cache_broadcast", {"seed": 11},
     "randn()", "normal([0, 10], [[1], [2], [3]])", "normal(0, [1, 2, 3])")
case("gauss_cache_scale_zero_and_size_zero", {"seed": 12},
     "randn()", "normal(0, 0)", "standard_normal(size=0)", "normal(0, 0, size=0)", "randn()")
case("gauss_cache_error_keeps_cache", {"seed": 13},
     "randn()", "normal(0, -1)", "normal(0, 1)")
case("gauss_cache_even_sizes", {"seed": 14},
     "standard_normal(4)", "randn(2, 2)", "normal(1, 1, size=6)")

# ---------------------------------------------------------------------------------------------
# 4. uniform
# ---------------------------------------------------------------------------------------------

case("uniform", {"seed": 4001},
     "uniform()",
     "uniform(1, 5)",
     "uniform(5, 1)",
     "uniform(2, 2)",
     "uniform(0, 1, size=5)",
     "uniform(low=-3, high=0, size=(2, 2))",
     "uniform([0, 1], [[2], [3]])",
     "uniform(0, [1, 10, 100], size=(2, 3))",
     "uniform(-1e307, 1e307, size=3)",
     "uniform(0, 1, size=())",
     "uniform(0, 1, size=0)",
     "uniform(high=10)",
     "uniform(-0.0, 0.0)",
     "uniform(1e-300, 2e-300, size=2)",
     )

case("uniform_errors", {"seed": 4002},
     "uniform(0, np.inf)",
     "uniform(0, inf)",
     "uniform(-inf, 0)",
     "uniform(nan, 1)",
     "uniform(0, nan)",
     "uniform(0, [1, inf])",
     "uniform([0, nan], 1)",
     "uniform(-1e308, 1e308)",
     "uniform([0, 1], [1, 2, 3])",
     "uniform(0, [1, 2], size=(2, 1))",
     "uniform(0, 1, size=-1)",
     "uniform(0, inf, size=0)",
     "uniform()",
     )

# ---------------------------------------------------------------------------------------------
# 5. randint: every dtype, several spellings, scalar and array, extreme bounds, errors
# ---------------------------------------------------------------------------------------------

# (dtype name, lowest value, one past the highest value, spellings)
INT_DTYPES = [
    ("bool", 0, 2, ["bool", "'bool'", "np.bool_", "'?'", "np.bool", "'b1'"]),
    ("int8", -2**7, 2**7, ["'int8'", "'i1'", "np.int8", "'b'", "np.byte", "'int8'"]),
    ("uint8", 0, 2**8, ["'uint8'", "'u1'", "np.uint8", "'B'", "np.ubyte", "'uint8'"]),
    ("int16", -2**15, 2**15, ["'int16'", "'i2'", "np.int16", "'h'", "np.short", "'int16'"]),
    ("uint16", 0, 2**16, ["'uint16'", "'u2'", "np.uint16", "'H'", "np.ushort", "'uint16'"]),
    ("int32", -2**31, 2**31, ["'int32'", "'i4'", "np.int32", "'i'", "np.intc", "'int32'"]),
    ("uint32", 0, 2**32, ["'uint32'", "'u4'", "np.uint32", "'I'", "np.uintc", "'uint32'"]),
    ("int64", -2**63, 2**63, ["int", "'int'", "'int64'", "'i8'", "np.int64", "'l'", "'q'",
                              "np.intp", "np.long", "'long'"]),
    ("uint64", 0, 2**64, ["'uint64'", "'u8'", "np.uint64", "'L'", "'Q'", "np.uintp", "np.ulong",
                          "'uint64'"]),
]

for _i, (_name, _lo, _hi, _sp) in enumerate(INT_DTYPES):
    def _d(k, _sp=_sp):
        return _sp[k % len(_sp)]
    lo, hi = ilit(_lo), ilit(_hi)
    small = 2 if _name == "bool" else 10
    mid = 2 if _name == "bool" else _hi // 2 + 3      # a range just above a power of two
    calls = [
        # full range: scalar, then array (8/16-bit/bool values share one word per call)
        f"randint({lo}, {hi}, dtype={_d(0)})",
        f"randint({lo}, {hi}, size=20, dtype={_d(1)})",
        f"randint({lo}, {hi}, size=(3, 4), dtype={_d(2)})",
        # a small range: scalar calls burn a whole word each; arrays use the per-call buffer
        f"randint({small}, dtype={_d(3)})",
        f"randint({small}, dtype={_d(3)})",
        f"randint(0, {small}, size=(3, 7), dtype={_d(4)})",
        # mask with rejections
        f"randint(0, {ilit(mid)}, size=30, dtype={_d(5)})",
        f"randint({lo}, {ilit(_lo + 3)}, size=9, dtype={_d(0)})",
        # range of one value (rng == 0): no draw
        f"randint({lo}, {ilit(_lo + 1)}, dtype={_d(1)})",
        f"randint({ilit(_hi - 1)}, {hi}, size=3, dtype={_d(2)})",
        f"randint({ilit(_hi - 1)}, {hi}, dtype={_d(3)})",
        # scalar size=() gives a 0-d array
        f"randint({lo}, {hi}, size=(), dtype={_d(4)})",
        # zero-size arrays: no draw, no validation
        f"randint(0, {small}, size=0, dtype={_d(5)})",
        f"randint(5, 5, size=(2, 0), dtype={_d(0)})",
        # the default low of 0
        f"randint({hi}, dtype={_d(1)})",
        # errors
        f"randint({ilit(_lo - 1)}, {hi}, dtype={_d(1)})",
        f"randint({lo}, {ilit(_hi + 1)}, dtype={_d(2)})",
        f"randint([{ilit(_lo - 1)}, 0], {hi}, dtype={_d(3)})",
        f"randint(0, [1, {ilit(_hi + 1)}], dtype={_d(4)})",
        f"randint(0, 0, dtype={_d(5)})",
        f"randint(1, 1, dtype={_d(0)})",
        f"randint(1, 0, dtype={_d(1)})",
        # array bounds of this dtype
        f"randint([{lo}, 0], [{hi}, 1], dtype={_d(2)})",
        f"randint(0, [[1], [2]], size=(2, 3), dtype={_d(3)})",
    ]
    # every spelling at least once, as a scalar and in an array call
    calls += [f"randint(0, {small}, dtype={sp})" for sp in _sp]
    calls += [f"randint(0, {small}, size=4, dtype={sp})" for sp in _sp]
    case(f"randint_{_name}", {"seed": 5000 + _i}, *calls)

case("randint_default_dtype", {"seed": 5100},
     "randint(10)",
     "randint(0, 10)",
     "randint(-5, 5, size=10)",
     "randint(low=0, high=10, size=(2, 3))",
     "randint(3, size=4)",
     "randint(0, 10, size=None)",
     "randint(0, 10, size=1)",
     "randint(0, 2**31)",
     "randint(-2**31, 2**31)",
     "randint(-2**63, 2**63)",
     "randint(-2**63, -2**63 + 1)",
     "randint(2**63 - 1, 2**63)",
     "randint(-2**63, 2**63, size=6)",
     "randint(0, 2**62 + 1, size=6)",
     )

# Ranges at the 32-bit boundary (1 word per attempt up to rng == 2**32-1, 2 words above).
case("randint_32bit_boundary", {"seed": 5200},
     "randint(0, 2**32 - 1, size=10, dtype='int64')",
     "randint(0, 2**32, size=10, dtype='int64')",
     "randint(0, 2**32 + 1, size=10, dtype='int64')",
     "randint(0, 2**32 + 2, size=10, dtype='int64')",
     "randint(-2**31, 2**31 + 1, size=10)",
     "randint(-2**31, 2**31, size=10)",
     "randint(-2**31, 2**31 - 1, size=10)",
     "randint(0, 2**32 - 1, size=10, dtype='uint64')",
     "randint(0, 2**32, size=10, dtype='uint64')",
     "randint(0, 2**32 + 1, size=10, dtype='uint64')",
     "randint(2**40, 2**40 + 2**32, size=5, dtype='uint64')",
     "randint(2**40, 2**40 + 2**32 + 1, size=5, dtype='uint64')",
     "randint(0, 2**32, dtype='uint32')",
     "randint(0, 2**32 - 1, size=10, dtype='uint32')",
     "randint(0, 2**31 + 1, size=10, dtype='uint32')",
     "randint(0, 2**63, size=4, dtype='uint64')",
     "randint(2**63, 2**64, size=4, dtype='uint64')",
     "randint(0, 2**64, dtype=np.uint64)",
     "randint(0, 2**64, size=5, dtype=np.uint64)",
     "randint(2**64 - 1, 2**64, dtype='uint64')",
     "randint(0, 2**32 + 1)",
     "randint(0, 2**33)",
     )

case("randint_float_bounds", {"seed": 5300},
     "randint(1.5, 10.7)",
     "randint(1.5, 10.7, size=20)",
     "randint(-1.5, 2, size=10)",
     "randint(10.9)",
     "randint(10.9, size=5)",
     "randint(0.5, 3.5, size=10, dtype='uint8')",
     "randint(-7.9, -0.5, size=5, dtype='int16')",
     "randint(1e10, 1e10 + 5, size=3)",
     "randint(0.0, 2**64 - 4096.0, size=2, dtype='uint64')",
     "randint(-0.9, 0.9)",
     "randint(0.9)",
     "randint(nan)",
     "randint(0, nan)",
     "randint(0, inf)",
     "randint(-inf, 0)",
     )

case("randint_array_bounds", {"seed": 5400},
     "randint([0, 5], [[10], [20]], dtype='uint8')",
     "randint(0, [10, 100, 1000, 10000])",
     "randint([-128, 0, 100], 127, dtype='int8')",
     "randint([0, 0], [2**64, 2**63], dtype='uint64')",
     "randint([-2**63, 0], [2**63, 1])",
     "randint(0, [2**32, 2**33], dtype='int64')",
     "randint(0, [2**32 - 1, 2**32, 2**32 + 1], size=(2, 3), dtype='uint64')",
     "randint([0, 1], 2, dtype=bool)",
     "randint([0, 1], [[1], [2]], size=(4, 2), dtype='bool')",
     "randint([1.5, 2.7], 10)",
     "randint([0.5, 1.9], [3.7, 9.2], size=(3, 2), dtype='int16')",
     "randint(0, [[3], [300]], size=(2, 3), dtype='uint16')",
     "randint([0, 1, 2], 3, size=(2, 3), dtype='int8')",
     # Elements that are no numbers: the narrow dtypes' array comparisons, in order.
     "randint('', [1, 2], dtype='int8')",
     "randint([0, 0], ['a', 'b'], dtype='uint16')",
     "randint(0, [None, 1], dtype=bool)",
     "randint([None], [1, 2], dtype=bool)",
     "randint([-1000], [None], dtype='int32')",
     "randint([-1000], [None], dtype='uint64')",
     "randint(['1', 2], [3, '4'], size=(3, 2), dtype='uint64')",
     "randint(-5, [0, 1, 2], dtype='int32')",
     "randint(0, [2**32, 7], dtype='uint32')",
     "randint([5], [10])",
     "randint([[5]], 10, size=(1, 1))",
     "randint([0, 1], 5, size=(3, 2))",
     "randint([0, 1], 5, size=(2, 2, 2), dtype='uint8')",
     "randint(0, [5, 6, 7, 8, 9, 10, 11, 12, 13, 14], dtype='uint8')",
     "randint([10, 20], size=(3, 2))",
     "randint(low=[0, 1], high=[[10], [20], [30]], size=(3, 2), dtype='u2')",
     "randint([0], 1, size=0)",
     )

case("randint_array_errors", {"seed": 5500},
     "randint([0, 5], [5, 5])",
     "randint([0, 0], [0, 5])",
     "randint([1, 0], [1, 5])",
     "randint([0, 2], [5, 1])",
     "randint([0, 0], [-1, 5], dtype='uint8')",
     "randint([0, 0], [0.5, 3.0])",
     "randint(0, [0.5, 3.0], dtype='uint64')",
     "randint([-1, 0], 5, dtype='uint8')",
     "randint(0, [10, 257], dtype='uint8')",
     "randint(0, [2**64 + 1, 5], dtype='uint64')",
     "randint([-2**63 - 1, 0], 5)",
     "randint(0, [1, 2], size=3)",
     "randint([0, 1], [1, 2, 3])",
     "randint([0, 1], 5, size=(2, 3))",
     "randint([0, 1, 2, 3], 5, size=(2,))",
     "randint([0, 1], [[2], [3]], size=4)",
     "randint(0, [nan, 5])",
     "randint([0, 1], 5)",
     )

case("randint_errors", {"seed": 5600},
     "randint(5, 5)",
     "randint(0)",
     "randint(-1)",
     "randint(10, 5)",
     "randint(-1, 5, dtype='uint8')",
     "randint(0, 257, dtype='uint8')",
     "randint(0, 256, dtype='uint8')",
     "randint(0, 10, dtype='float64')",
     "randint(0, 10, dtype=float)",
     "randint(0, 10, dtype='complex128')",
     "randint(0, 10, dtype=np.float32)",
     "randint(0, 2**63 + 1)",
     "randint(-2**63 - 1, 0)",
     "randint(0, 3, dtype=bool)",
     "randint(-1, 1, dtype=bool)",
     "randint(0, 2**64 + 1, dtype='uint64')",
     "randint(-1, 2**64, dtype='uint64')",
     "randint(0, 2**32 + 1, dtype='uint32')",
     "randint(0, 2**31 + 1, dtype='int32')",
     "randint(0, 10, size=-1)",
     "randint(0, 10, size=2.5)",
     "randint(10, 5, size=0)",
     "randint(-1, 5, size=0, dtype='uint8')",
     "randint(0, 2**63 + 1, size=0)",
     "randint(0, 10, size=0, dtype='float64')",
     "randint(0, 10, size=(3, 0), dtype='uint8')",
     "randint(0, 10, dtype='uint8')",
     )

# --- Quirks of NumPy 2.4.6 (deterministic, but arguably bugs) ---
# (a) With array bounds AND a size smaller than their broadcast shape, randint does NOT raise the
#     "Output size ... is not compatible" error of the other methods: it iterates the broadcast of
#     (low, high, out) in C order and stops after prod(size) elements.
# (b) For the 8/16/32-bit dtypes and bool, float array bounds are compared as floats, then
#     force-cast (truncated); a high in (low, low+1) passes the check and becomes high == low, so
#     rng = -1 wraps to the full range of the type.
case("randint_quirk_size_truncates_broadcast", {"seed": 5700},
     "randint([0, 1], [[2], [3]], size=(2,))",
     "randint([0, 1], [[2], [3]], size=(1,))",
     "randint(0, [[2], [3]], size=(2,))",
     "randint([0, 1], [[2], [3]], size=(2,), dtype='uint8')",
     "randint([0, 10], [[200], [300]], size=(2,), dtype='uint64')",
     "randint([0, 1], 5, size=())",
     )
case("randint_quirk_float_high_small_dtype", {"seed": 5701},
     "randint([0, 0], [0.5, 0.9], dtype='int8')",
     "randint([0, 10], [0.5, 10.2], size=(2, 2), dtype='uint16')",
     )

# ---------------------------------------------------------------------------------------------
# 6. random_integers, tomaxint, bytes
# ---------------------------------------------------------------------------------------------

case("random_integers", {"seed": 6001},
     "random_integers(5)",
     "random_integers(1, 6, size=10)",
     "random_integers(5.7)",
     "random_integers(-3, 3, size=(2, 2))",
     "random_integers(1, 1)",
     "random_integers(1, 1, size=3)",
     "random_integers(-2**63, 2**63 - 2, size=3)",
     "random_integers(0, 2**32 - 1, size=4)",
     "random_integers(high=10, low=5)",
     "random_integers(5, 4)",
     "random_integers(0)",
     "random_integers(1, [5, 6])",
     "random_integers(2**63 - 1)",
     "random_integers(-5)",
     "random_integers(10, size=0)",
     )

case("tomaxint", {"seed": 6002},
     "tomaxint()",
     "tomaxint(5)",
     "tomaxint(size=(2, 2))",
     "tomaxint(size=0)",
     "tomaxint(size=())",
     "tomaxint(None)",
     "tomaxint(-1)",
     "tomaxint(2.5)",
     "tomaxint(1)",
     )

case("bytes", {"seed": 6003},
     "bytes(0)", "bytes(1)", "bytes(3)", "bytes(4)", "bytes(5)", "bytes(17)", "bytes(100)",
     "bytes(0)", "bytes(2)", "bytes(8)")

case("bytes_scalar_per_word", {"seed": 6004},
     "bytes(1)", "bytes(1)", "bytes(1)", "bytes(1)", "bytes(5)")

# ---------------------------------------------------------------------------------------------
# 7. choice
# ---------------------------------------------------------------------------------------------

case("choice_int_a", {"seed": 7001},
     "choice(5)",
     "choice(5, 3)",
     "choice(5, size=(2, 3))",
     "choice(5, size=())",
     "choice(5, size=0)",
     "choice(1, 4)",
     "choice(2**40, 3)",
     "choice(5, replace=False)",
     "choice(10, 5, replace=False)",
     "choice(10, 10, replace=False)",
     "choice(100, 3, replace=False)",
     "choice(5, size=(2, 2), replace=False)",
     "choice(5, 0, replace=False)",
     "choice(5, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
     "choice(5, 8, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
     "choice(5, (2, 2), p=[0, 0, 1, 0, 0])",
     "choice(5, 3, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
     "choice(5, 5, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
     "choice(3, 2, replace=False, p=[0.5, 0.5, 0.0])",
     "choice(4, replace=False, p=[0.25, 0.25, 0.25, 0.25])",
     "choice(0, size=0)",
     "choice(3, p=[0.1, 0.2, 0.7 + 1e-9])",
     )

# More than 64 dimensions: without replacement and without p, NumPy shuffles the whole
# population (permutation(pop_size)) before `idx.shape = shape` raises (session 9).
case("choice_too_many_dims", {"seed": 7003},
     "choice(5, size=(1,)*65, replace=False)", "random_sample()",
     "choice(5, size=(1,)*65)", "random_sample()",
     "choice(5, size=(1,)*65, replace=False, p=[0.2, 0.2, 0.2, 0.2, 0.2])", "random_sample()",
     "choice([1.5, 2.5], size=(1,)*65, replace=False)", "random_sample()",
     )

case("choice_list_a", {"seed": 7002},
     "choice([1, 2, 3])",
     "choice([1, 2, 3], size=5, p=[0.2, 0.3, 0.5])",
     "choice([1.5, 2.5, 3.5], 4)",
     "choice([10, 20, 30, 40], 2, replace=False)",
     "choice([10, 20, 30, 40], replace=False)",
     "choice([10, 20, 30, 40], (2, 2), replace=False, p=[0.4, 0.3, 0.2, 0.1])",
     "choice([1, 2, 3], size=())",
     "choice([-1.5, 0.0, 2.25], p=[0.5, 0.25, 0.25])",
     "choice([True, False], 5)",
     "choice([7], 3)",
     "choice([2**40, -5], 3)",
     "choice([], size=0)",
     "choice([1, 2, 3], size=(2, 0))",
     "choice(a=[5, 6, 7], size=2, replace=True, p=None)",
     )

case("choice_errors", {"seed": 7003},
     "choice(3, p=[0.5, 0.2, 0.2])",
     "choice(3, p=[1.5, -0.5, 0.0])",
     "choice(3, p=[nan, 0.5, 0.5])",
     "choice(3, p=[0.5, 0.5])",
     "choice(2, p=[[0.5, 0.5]])",
     "choice([])",
     "choice([], 3)",
     "choice(0)",
     "choice(-1)",
     "choice(0, 3)",
     "choice(-1, [None, 1])",       # np.prod(size) of Python objects
     "choice(0, ['a', 2, None])",
     "choice(0, [None])",
     "choice(5, ['3', 4])",         # randint's np.prod(size): no multiply loop for strings
     "choice(2**64, 5e-324, None)",  # permutation(2**64) refused before the shape
     "choice(2**63-1, 0, False)",    # arange(2**63 - 1): 2**63 in doubles, empty
     # a population nprand has no values for (Python objects, strings): NumPy's errors
     # about the other arguments first, and the draws before an error after them
     "choice([2**64], p=-1e308)",
     "choice(['a', 'b'], (2, -1))",
     "choice([None, 1], 1.5, replace=False)",
     # np.prod(size, dtype=np.intp) of a float64 array made of ints (both sides of 2**63)
     "choice(256, [-1, 2**63], -2**63)",
     "choice(5, [-1, 2**63], replace=False)",
     "permutation(2**63-1)",
     "choice([[1, 2], [3, 4]])",
     "choice(2.5)",
     "choice(3, 5, replace=False)",
     "choice(3, -1, replace=False)",
     "choice(5, size=-1)",
     "choice(5, 2.5)",
     "choice(5, 4, replace=False, p=[0.5, 0.5, 0, 0, 0])",
     "choice(3, p=[inf, 0.5, 0.5])",
     "choice(3, p=0.5)",
     # size 0 relaxes the checks on `a` but not those on `p`
     "choice(-1, size=0)",
     "choice(3, size=0, p=[0.5, 0.2, 0.2])",
     "choice(5, size=0, p=[0.5, 0.5])",
     "choice(3, 0, replace=False, p=[1, 0, 0])",
     "choice(5)",
     )

# Ints past i128 (nprand eval folds Python ints of any size): where NumPy rejects them, its
# error, whatever the magnitude (nprand refuses the calls where NumPy converts them to floats
# and draws, and leaves the generator where it was).
case("big_int_errors", {"seed": 7004},
     "randint(10**40)", "random_sample()", "randint(-10**40, 0)", "randint(0, [10**40, 5])",
     "randint(5, size=10**40)", "random_sample()", "choice(10**40)", "choice(5, size=(2, 10**40))",
     "permutation(10**40)", "binomial(10**40, 0.5)", "random_sample()", "poisson(10**40)",
     "normal(0, -10**40)", "rand(10**40)", "random_sample(size=10**40)", "random_sample()",
     "random_sample((2, -10**40))", "choice(5, p=[10**40, 0, 0, 0, 0])", "geometric(10**40)",
     "multinomial(10**40, [0.5, 0.5])", "hypergeometric(10**40, 5, 3)", "random_sample()",
     "randint(2**200, dtype=np.uint64)", "standard_gamma(-10**40)", "random_integers(10**40)",
     "tomaxint(10**40)", "bytes(10**40)", "random_sample()",
     "triangular([1, 2**200], 10**40, 65536)", "standard_normal((1, 2), -10**40)",
     "randint(0, 5, None, 2**200)",
     )

# ---------------------------------------------------------------------------------------------
# 8. shuffle and permutation
# ---------------------------------------------------------------------------------------------

case("shuffle", {"seed": 8001},
     "shuffle([1, 2, 3, 4])",
     "shuffle([1.5, 2.5, 3.5, 4.5, 5.5])",
     "shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19])",
     "shuffle([[1, 2], [3, 4], [5, 6]])",
     "shuffle([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]])",
     "shuffle([[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]]])",
     "shuffle([True, False, True])",
     "shuffle([7])",
     "shuffle([])",
     "shuffle([2**63, 1])",
     "shuffle(5)",
     "shuffle([1, 2])",
     )

case("permutation", {"seed": 8002},
     "permutation(10)",
     "permutation([1, 2, 3, 4, 5])",
     "permutation([1.5, 2.5, 3.5])",
     "permutation([[1, 2], [3, 4], [5, 6]])",
     "permutation([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])",
     "permutation(0)",
     "permutation(-3)",
     "permutation(1)",
     "permutation([])",
     "permutation([9])",
     "permutation(True)",
     "permutation(300)",
     "permutation(5.5)",
     "permutation(2)",
     )

# ---------------------------------------------------------------------------------------------
# 9. standard_exponential and exponential
# ---------------------------------------------------------------------------------------------

case("exponential", {"seed": 9001},
     "standard_exponential()",
     "standard_exponential(5)",
     "standard_exponential(size=(2, 3))",
     "standard_exponential(size=())",
     "standard_exponential(size=0)",
     "exponential()",
     "exponential(2.0)",
     "exponential(2.0, 4)",
     "exponential(scale=[1, 2, 3])",
     "exponential([[1], [2]], size=(2, 3))",
     "exponential(0)",
     "exponential(0, size=3)",
     "exponential(nan)",
     "exponential(inf)",
     "exponential(1e-300, size=2)",
     )

case("exponential_errors", {"seed": 9002},
     "exponential(-1)",
     "exponential(-0.0)",
     "exponential([1, -1])",
     "exponential(-1, size=0)",
     "exponential([1, 2], size=3)",
     "exponential([1, 2], size=(2, 1))",
     "standard_exponential(-1)",
     "standard_exponential(2.5)",
     "exponential(1, size=-2)",
     "exponential(-inf)",
     "exponential()",
     )

# ---------------------------------------------------------------------------------------------
# 10. Series that cross the 624-word block boundary
# ---------------------------------------------------------------------------------------------

case("boundary_double", {"seed": 0},
     "random_sample(311)", "random_sample(2)", "random_sample(3)")
case("boundary_double_split", {"seed": 1},
     "random_sample(311)", "randint(0, 2**32, dtype='uint32')", "random_sample()",
     "random_sample()")
case("boundary_uint32", {"seed": 2},
     "randint(0, 10, size=623, dtype='uint32')", "randint(0, 10, size=3, dtype='uint32')",
     "randint(0, 2**32, size=3, dtype='uint32')")
case("boundary_u64_tomaxint", {"seed": 3},
     "tomaxint(311)", "tomaxint(3)")
case("boundary_u64_split", {"seed": 4},
     "randint(0, 2**32, size=623, dtype='uint32')", "tomaxint()", "tomaxint()")
case("boundary_int64_wide", {"seed": 5},
     "randint(0, 2**40, size=300, dtype='int64')", "randint(0, 2**40, size=30, dtype='int64')")
case("boundary_bytes", {"seed": 6},
     "bytes(2491)", "bytes(9)")
case("boundary_uint8", {"seed": 7},
     "randint(0, 256, size=2492, dtype='uint8')", "randint(0, 256, size=8, dtype='uint8')")
case("boundary_normal", {"seed": 8},
     "standard_normal(290)", "standard_normal(51)")
case("boundary_second_block", {"seed": 9},
     "random_sample(624)", "random_sample(3)")
case("boundary_shuffle", {"seed": 10},
     "permutation(700)", "rand(2)")

# ---------------------------------------------------------------------------------------------
# 11. Starting from states dumped by NumPy mid-stream
# ---------------------------------------------------------------------------------------------


def _after_raw(seed: int, n: int) -> np.random.RandomState:
    rs = np.random.RandomState(seed)
    if n:
        rs._bit_generator.random_raw(n)
    return rs


def _pos0() -> np.random.RandomState:
    """pos 0: key already regenerated, next word = its first word (reachable only by set_state)."""
    rs = _after_raw(20, 1)
    st = rs.get_state(legacy=False)
    st["state"]["pos"] = 0
    rs.set_state(st)
    return rs


def _gauss_odd() -> np.random.RandomState:
    rs = np.random.RandomState(21)
    rs.standard_normal(3)
    return rs


def _gauss_pos623() -> np.random.RandomState:
    """has_gauss=1 and pos=623."""
    rs = np.random.RandomState(22)
    rs.randn()
    pos = rs.get_state()[2]
    rs._bit_generator.random_raw(623 - pos)
    assert rs.get_state()[2] == 623 and rs.get_state()[3] == 1
    return rs


def _gauss_pos624() -> np.random.RandomState:
    """has_gauss=1 and pos=624."""
    rs = np.random.RandomState(23)
    rs.randn(3)
    pos = rs.get_state()[2]
    rs._bit_generator.random_raw(624 - pos)
    assert rs.get_state()[2] == 624 and rs.get_state()[3] == 1
    return rs


def _midstream() -> np.random.RandomState:
    rs = np.random.RandomState(24)
    rs.rand(100)
    rs.randn(7)
    rs.randint(0, 256, size=13, dtype=np.uint8)
    return rs


def _seed_array_midstream() -> np.random.RandomState:
    rs = np.random.RandomState(seed_array(700, 7))
    rs.random_sample(1000)
    rs.standard_normal(1)
    return rs


def _all_zero_key() -> np.random.RandomState:
    """A degenerate state that NumPy accepts: MT19937 with an all-zero key outputs 0 forever."""
    rs = np.random.RandomState(0)
    rs.set_state({"bit_generator": "MT19937",
                  "state": {"key": np.zeros(624, dtype=np.uint32), "pos": 624},
                  "has_gauss": 0, "gauss": 0.0})
    return rs


STATE_BUILDERS.update({
    "pos0": _pos0,
    "pos1": lambda: _after_raw(20, 1),
    "pos623": lambda: _after_raw(20, 623),
    "pos624_after_block": lambda: _after_raw(20, 624),
    "pos624_fresh": lambda: np.random.RandomState(20),
    "gauss_odd": _gauss_odd,
    "gauss_pos623": _gauss_pos623,
    "gauss_pos624": _gauss_pos624,
    "midstream": _midstream,
    "seed_array_midstream": _seed_array_midstream,
    "all_zero_key": _all_zero_key,
})

STATE_CALLS = [
    "random_sample(3)",
    "randn(3)",
    "randint(0, 1000, size=5, dtype='uint16')",
    "bytes(5)",
    "normal(2, 3)",
    "tomaxint()",
    "randint(-2**63, 2**63)",
]
for _name in STATE_BUILDERS:
    if _name == "all_zero_key":
        continue
    case(f"state_{_name}", state_init(_name), *STATE_CALLS)

# The gauss cache restored from a state: the first normal is the cached value.
case("state_gauss_odd_normal_first", state_init("gauss_odd"), "normal(5, 2)", "randn(2)")
case("state_gauss_pos623_crossing", state_init("gauss_pos623"),
     "randn()", "random_sample()", "randn(2)")
case("state_pos623_crossing", state_init("pos623"), "randint(0, 2**32, size=3, dtype='uint32')")
case("state_pos623_double", state_init("pos623"), "random_sample()")
case("state_pos0_raw_words", state_init("pos0"), "randint(0, 2**32, size=5, dtype='uint32')")
case("state_all_zero_key", state_init("all_zero_key"),
     "random_sample(3)", "randint(0, 100, size=3)", "bytes(4)", "tomaxint()",
     "randint(0, 2**32, size=2, dtype='uint32')")

# ---------------------------------------------------------------------------------------------
# 12. Init errors and raw streams
# ---------------------------------------------------------------------------------------------

# Integers beyond 64 bits are written as strings of digits (see npcall.make_rs).
INIT_ERRORS = [
    {"seed": -1},
    {"seed": 2**32},
    {"seed": 2**63},
    {"seed": str(2**64)},
    {"seed": 1.5},
    {"seed_array": []},
    {"seed_array": [-1]},
    {"seed_array": [2**32]},
    {"seed_array": [0, 2**32]},
    {"seed_array": [1, -5, 3]},
    {"seed_array": [str(2**64)]},
    {"seed_array": [2**63]},
    {"seed_array": [1.5]},
    {"seed_array": [[1, 2]]},
]

RAW = [
    ("seed_0", {"seed": 0}, RAW_N),
    ("seed_12345", {"seed": 12345}, RAW_N),
    ("seed_array_625", {"seed_array": seed_array(625, 625)}, RAW_N),
]


# =============================================================================================
# Writing
# =============================================================================================

# The modules whose ``cases()`` join this family's, in order (explicit: no glob decides).
FAMILY_CASES = [legacy_continuous, legacy_discrete, legacy_mvn]

for _mod in FAMILY_CASES:
    for _c in _mod.cases():
        case(_c["id"], _c["init"], *_c["calls"])

# npcall's kinds, as written in the manifest (the same names as the Generator family's).
KINDS = {"pyscalar": "py", "npscalar": "np", "array": "array", "bytes": "bytes"}


def generate(out_dir: str) -> dict:
    """Write the family to ``out_dir``; return stats."""
    # States that cases start from.
    for name, build in STATE_BUILDERS.items():
        write_text(os.path.join(out_dir, "states", f"init_{name}.json"),
                   dumps_line(state_to_json(build())) + "\n")

    n_calls = n_errors = 0
    cases_json = []
    for cid, init, calls in CASES:
        rs = make_rs(init, base_dir=out_dir)
        entries = []
        for call in calls:
            check_call_grammar(call)
            res = eval_call(rs, call)
            n_calls += 1
            if "error" in res:
                n_errors += 1
                entries.append({"call": call, "error": res["error"]})
                continue
            result = encode_array(KINDS[res["kind"]], res["array"], res["dtype"])
            assert result["shape"] == res["shape"], (call, result["shape"], res["shape"])
            entries.append({"call": call, "result": result})
        state_name = f"states/{cid}.state.json"
        write_text(os.path.join(out_dir, state_name), dumps_line(state_to_json(rs)) + "\n")
        cases_json.append({"id": cid, "init": init, "calls": entries, "state_after": state_name})

    init_errors = []
    for init in INIT_ERRORS:
        try:
            make_rs(init)
        except Exception as exc:  # NumPy's exception is the expected outcome
            init_errors.append({"init": init,
                                "error": {"type": type(exc).__name__, "message": str(exc)}})
        else:
            raise AssertionError(f"init {init} unexpectedly succeeded")

    raw_json = []
    for rid, init, n in RAW:
        rs = make_rs(init)
        words = rs._bit_generator.random_raw(n).astype(np.uint32)
        fname = f"raw/{rid}.npy"
        save_npy(os.path.join(out_dir, fname), words)
        raw_json.append({"id": rid, "init": init, "n": n, "file": fname})

    # The ported experiment (examples/experiment.rs) must print what the Python original prints.
    out = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "experiment.py")],
                         check=True, capture_output=True, text=True).stdout
    write_text(os.path.join(out_dir, "experiment.txt"), out)

    write_json(os.path.join(out_dir, "manifest.json"),
               {"numpy_version": np.__version__, "cases": cases_json,
                "init_errors": init_errors, "raw": raw_json})
    return {"cases": len(cases_json), "calls": n_calls, "errors": n_errors,
            "init_errors": len(init_errors), "raw": len(raw_json)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("legacy"))
