#!/usr/bin/env python3
"""Cross-check nprand's `Generator` against NumPy 2.4.6 on thousands of random calls.

Usage::

    cargo build --release                               # target/release/nprand
    python3 scripts/crosscheck_generator.py            # 5 bit generators + default_rng
    python3 scripts/crosscheck_generator.py --cases 200 --calls 40 --seed 7
    python3 scripts/crosscheck_generator.py --fresh --call "integers([0], 5)" --gen mt19937

``--heavy`` draws mostly large sizes (500, 2000, (40, 50)) so that the rare branches
(ziggurat tails, BTPE's step 5.2, HRUA's slow acceptance) occur. Random cases (method, parameters drawn from edge values and random scalars/arrays, sizes,
dtypes, valid and invalid arguments) run on NumPy and through `nprand eval --batch` (one
process, one JSON line per case; `--bin` names the binary). Every result (Python type, dtype,
shape, values bit for bit), every error (type and message) and the bit generator state after
each case must agree. ``--fresh`` runs each call on a fresh generator (to locate a difference
without the cascade of a diverged stream).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys

import cpu_pin  # noqa: F401  (NumPy as on an AVX2 CPU: before numpy)
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fixgen import generator_call as fx  # noqa: E402
from fixgen.common import pin_mismatch  # noqa: E402

# Both sides are encoded here (NumPy's result and the object nprand --batch describes):
# a SHA-256 above 64 elements, NaN as "nan" (JSON does not keep NaN payloads).
WIRE = {"inline_max": 64, "nan_bits": False}

DEFAULT_BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(HERE, "..", "target")),
                           "release", "nprand")

# ---------------------------------------------------------------------------------------------
# Random calls
# ---------------------------------------------------------------------------------------------

R = random.Random()


def num(vals):
    return R.choice(vals)


def fmt(x) -> str:
    if isinstance(x, float):
        if x != x:
            return "float('nan')"
        if x in (float("inf"), float("-inf")):
            return "float('%s')" % ("inf" if x > 0 else "-inf")
        return repr(x)
    if isinstance(x, list):
        return "[" + ", ".join(fmt(v) for v in x) + "]"
    return repr(x)


def param(vals, arr_p=0.25):
    """A scalar from `vals`, or (sometimes) a 1-d/2-d array of them."""
    r = R.random()
    if r < arr_p:
        return [num(vals) for _ in range(R.randint(1, 4))]
    if r < arr_p * 1.2:
        n = R.randint(1, 3)
        return [[num(vals)] for _ in range(n)]
    return num(vals)


HEAVY = False


def size():
    if HEAVY and R.random() < 0.7:
        return R.choice([500, 2000, (40, 50)])
    r = R.random()
    if r < 0.35:
        return None
    if r < 0.75:
        return R.randint(0, 12)
    if r < 0.9:
        return (R.randint(1, 4), R.randint(1, 4))
    return num([(), (0,), (2, 0), -1, 200])


def call(name, args, kwargs=None):
    parts = [fmt(a) for a in args]
    for k, v in (kwargs or {}).items():
        parts.append("%s=%s" % (k, v if isinstance(v, str) and v.startswith(("np.", "'")) else fmt(v)))
    return "%s(%s)" % (name, ", ".join(parts))


def with_size(name, args, extra=None):
    kw = dict(extra or {})
    s = size()
    if s is not None:
        kw["size"] = s if not isinstance(s, tuple) else list(s)
    return call(name, args, kw)


POS = [0.5, 1.0, 2.0, 3.5, 10.0, 0.01, 1e-3, 100.0, 1e4, 7.0, 30.0]
ANY = POS + [0.0, -1.0, -0.0, float("nan"), 1e300, -5.5]
PROB = [0.0, 0.1, 0.3, 0.333, 0.5, 0.7, 0.9, 0.999, 1.0, 1e-9, 0.25]
INT_DT = ["np.int8", "np.uint8", "np.int16", "np.uint16", "np.int32", "np.uint32", "np.int64",
          "np.uint64", "np.bool_", "int", "bool", "'i4'", "'u8'"]


def gen_call(only=None) -> str:
    m = R.choice(only) if only else R.choice([
        "random", "standard_normal", "standard_exponential", "normal", "exponential", "uniform",
        "integers", "integers", "integers", "bytes", "standard_gamma", "gamma", "beta",
        "chisquare", "f", "noncentral_chisquare", "noncentral_f", "standard_t", "standard_cauchy",
        "vonmises", "pareto", "weibull", "power", "laplace", "gumbel", "logistic", "lognormal",
        "rayleigh", "wald", "triangular", "binomial", "binomial", "poisson", "negative_binomial",
        "geometric", "zipf", "logseries", "hypergeometric", "hypergeometric", "multinomial",
        "dirichlet", "multivariate_hypergeometric", "choice", "choice", "permutation", "permuted",
        "shuffle"])
    if m in ("random", "standard_normal", "standard_exponential"):
        kw = {}
        if R.random() < 0.4:
            kw["dtype"] = R.choice(["np.float32", "np.float64"])
        if m == "standard_exponential" and R.random() < 0.3:
            kw["method"] = "'inv'"
        s = size()
        if s is not None:
            kw["size"] = list(s) if isinstance(s, tuple) else s
        return call(m, [], kw)
    if m == "standard_gamma":
        kw = {"dtype": "np.float32"} if R.random() < 0.3 else {}
        return with_size(m, [param(ANY)], kw)
    one = {"exponential": ANY, "chisquare": ANY, "standard_t": ANY, "pareto": ANY,
           "weibull": ANY, "power": ANY, "rayleigh": ANY, "poisson": [0.0, 0.5, 3.0, 9.99, 10.0,
           100.0, 1e6, 1e12, -1.0, 1e19, float("nan")], "geometric": PROB + [1.5, -0.1],
           "zipf": [1.0, 1.01, 1.5, 2.0, 3.0, 50.0, 1024.0, 1025.0, 0.5],
           "logseries": PROB + [-0.1]}
    if m in one:
        return with_size(m, [param(one[m])])
    two = {"normal": (ANY, ANY), "gamma": (ANY, ANY), "beta": (POS + [1e-200, 0.0, 0.05], POS + [1e-200, 0.05]),
           "f": (POS, POS + [0.0]), "noncentral_chisquare": (POS, POS + [0.0, float("nan")]),
           "vonmises": (ANY, [0.0, 1e-9, 1e-6, 0.5, 4.0, 1e5, 2e6, 1e7, float("nan"), -1.0]),
           "laplace": (ANY, ANY), "gumbel": (ANY, ANY), "logistic": (ANY, ANY),
           "lognormal": (ANY, ANY), "wald": (POS + [0.0], POS),
           "negative_binomial": (POS + [0.0, float("nan")], PROB),
           "uniform": (ANY, ANY)}
    if m in two:
        a, b = two[m]
        return with_size(m, [param(a), param(b)])
    if m == "noncentral_f":
        return with_size(m, [param(POS), param(POS), param(POS + [0.0])])
    if m == "standard_cauchy":
        return with_size(m, [])
    if m == "triangular":
        l = num([0.0, 1.0, -2.0])
        return with_size(m, [param([l]), param([l, l + 0.5, l + 1.0]), param([l + 1.0, l + 3.0, l])])
    if m == "binomial":
        n = param([0, 1, 5, 10, 50, 100, 1000, 10**5, 10**9, -1, 2**40])
        return with_size(m, [n, param(PROB)])
    if m == "hypergeometric":
        g = param([0, 1, 5, 10, 50, 100, 1000, 10**6, 10**9, -1])
        b = param([0, 1, 5, 20, 100, 500, 10**6])
        s = param([0, 1, 3, 9, 10, 11, 20, 100, 600, 10**5])
        return with_size(m, [g, b, s])
    if m == "integers":
        dt = R.choice(INT_DT)
        lo = R.choice([0, 1, -5, -128, -2**31, -2**63, 100, 2**40])
        hi = lo + R.choice([1, 2, 3, 7, 10, 100, 129, 256, 2**16, 2**31 + 1, 2**32, 2**32 + 1, 2**40, 2**63])
        hi = R.choice([hi, hi, -1, 0, 256, 2**64, 2**63])
        args = [lo, hi] if R.random() < 0.8 else [hi]
        if R.random() < 0.2:
            args = [[lo, lo + 1], hi]
        if R.random() < 0.1:
            args = [lo, [hi, hi + 1, lo + 2]]
        kw = {"dtype": dt}
        if R.random() < 0.4:
            kw["endpoint"] = R.random() < 0.5
        s = size()
        if s is not None:
            kw["size"] = list(s) if isinstance(s, tuple) else s
        return call(m, args, kw)
    if m == "bytes":
        return call(m, [R.randint(-6, 40)])
    if m == "multinomial":
        k = R.randint(1, 5)
        p = [R.random() for _ in range(k)]
        t = sum(p)
        p = [x / t for x in p]
        n = num([0, 1, 10, 100, 10**4, -1, [5, 50]])
        return with_size(m, [n, p])
    if m == "dirichlet":
        k = R.randint(1, 5)
        alpha = [num([0.01, 0.05, 0.5, 1.0, 3.0, 0.0, 1e-3]) for _ in range(k)]
        return with_size(m, [alpha])
    if m == "multivariate_hypergeometric":
        k = R.randint(1, 5)
        colors = [R.randint(0, 30) for _ in range(k)]
        ns = R.randint(0, sum(colors) + 1)
        kw = {"method": "'count'"} if R.random() < 0.4 else {}
        return with_size(m, [colors, ns], kw)
    if m == "choice":
        a = num([1, 5, 100, 20000, [1.5, 2.5, 3.5], [[1, 2], [3, 4], [5, 6]],
                 [[1, 2, 3, 4], [5, 6, 7, 8]], [[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 0], [1, 2]]]])
        kw = {}
        pop = a if isinstance(a, int) else len(a)
        if isinstance(a, list) and isinstance(a[0], list) and R.random() < 0.6:
            shape = (len(a), len(a[0])) + ((len(a[0][0]),) if isinstance(a[0][0], list) else ())
            ax = R.choice([0, 1, -1, len(shape) - 1, -len(shape), len(shape), True, None])
            kw["axis"] = ax
            if isinstance(ax, int) and -len(shape) <= ax < len(shape):
                pop = shape[ax]
        if R.random() < 0.4:
            kw["replace"] = False
        if R.random() < 0.3 and pop <= 100:
            p = [R.random() for _ in range(pop)]
            t = sum(p)
            kw["p"] = [x / t for x in p]
        if R.random() < 0.2:
            kw["shuffle"] = False
        s = R.choice([None, R.randint(0, min(pop, 20)), (2, 2), 600])
        if s is not None:
            kw["size"] = list(s) if isinstance(s, tuple) else s
        return call(m, [a], kw)
    if m == "permutation":
        return call(m, [num([0, 1, 7, 30, [1.5, 2.5, 3.5], [[1, 2], [3, 4], [5, 6]]])])
    if m == "permuted":
        x = num([[1, 2, 3, 4], [[1, 2, 3], [4, 5, 6]]])
        kw = {}
        if R.random() < 0.6:
            kw["axis"] = R.choice([0, 1, -1]) if isinstance(x[0], list) else 0
        return call(m, [x], kw)
    return call("shuffle", [[R.randint(0, 9) for _ in range(R.randint(0, 12))]])


# Edge values of every kind (issue #12): numbers at the limits, wrong types, empty and nested
# lists, shapes that do not broadcast (no `out=`: NumPy casts any object to an ndarray unchecked
# there and may crash; nprand refuses out=). Sizes stay small (an unallocatable size is NumPy's
# MemoryError against nprand's documented element cap: out of scope here).
HOSTILE = ["0", "-1", "1", "0.5", "0.0", "-0.0", "5e-324", "float('nan')", "float('inf')", "-float('inf')",
           "2**53-1", "2**53+1", "2**63", "2**64", "-2**63", "True", "False", "'a'", "''", "None", "[]",
           "[[]]", "[1, 2]", "[1, 2, 3]", "[[1], [2]]", "[[1, 2], [3]]", "()", "(1, 2)", "int", "float",
           "[0.5, float('nan')]", "[[[1]]]", "['a', 'b']", "[None, 1]", "['3', 4]", "[1, '']",
           # The limits of doubles and of the narrower integer dtypes (in lists with a 0: a
           # 2**31 in a size's place would have NumPy allocate 16 GB), probabilities one ulp
           # either side of 1, and int lists that NumPy makes uint64 or object arrays.
           "1e308", "-1e308", "2.2250738585072014e-308", "-0.5", "0.9999999999999999",
           "1.0000000000000002", "[2**31, 0]", "[0, 2**32]", "[-2**31-1]", "255", "256", "-129", "65536",
           "10**20", "1e20", "[2**63]", "[2**64]", "[-1, 2**63]", "[True, 2]", "[1.5, True]",
           "[[1, 2], [3, 4]]", "[[0.5]]", "2**100", "-2**100"]
# Ints past i128 (nprand eval folds ints of any size), drawn for one value in 200 only: a
# call with one that NumPy would draw with is a documented refusal, which ends the
# Generator fuzzer's case (NumPy's generator moved, nprand's did not).
HOSTILE_BIG = ["10**40", "-10**40", "[1, 2**200]", "2**1024"]


def hostile_value(rng=None) -> str:
    """One of `HOSTILE`, or now and then one of `HOSTILE_BIG`."""
    rng = rng or R
    return rng.choice(HOSTILE_BIG) if rng.random() < 1 / 200 else rng.choice(HOSTILE)
HOSTILE_SIZE = ["0", "-1", "()", "(0,)", "(2, 0)", "(1,)*65", "'a'", "1.5", "None", "[2, 2]", "(2, -1)",
                "True", "(3,)", "[2, 3]", "2**63", "(1,)*33", "(1,)*64", "(1,)*63"]
HOSTILE_KW = ["size", "dtype", "axis", "endpoint", "method", "foo", "p", "replace", "shuffle"]
HOSTILE_DTYPE = ["'f8'", "np.float16", "'i8'", "np.int8", "np.uint64", "bool", "int", "float", "'x'",
                 "None", "np.complex128", "'float32'", "object"]
# Arrays of strings or Python objects: fine as bounds, sizes and parameters (NumPy's errors
# for them are checked), but `nprand eval` refuses them as a population (NotImplementedError:
# its values are numbers), so `hostile_args` keeps them out of that place.
STR_OBJ = {"['a', 'b']", "[None, 1]", "['3', 4]", "[1, '']", "[2**64]", "[1, 2**200]"}
POPULATION = {"choice", "permutation", "shuffle", "permuted"}


def hostile_args(m: str, args: list) -> list:
    """`args` for method `m`, with a string or object array in the population's place
    replaced (see `STR_OBJ`)."""
    if m in POPULATION and args and args[0] in STR_OBJ:
        return ["[1, 2]"] + args[1:]
    return args


# Methods that NumPy runs for a long time (or allocates for) with some values, and those
# values (zipf(1e20) never returns in NumPy; nprand says so instead): `tame` replaces them.
SLOW = {"zipf", "logseries", "hypergeometric", "multivariate_hypergeometric", "vonmises",
        "negative_binomial", "poisson", "binomial"}
SLOW_VALUES = {"2**53+1", "2**63", "2**64", "2**53-1", "float('inf')", "5e-324", "1e308", "1e20",
               "10**20", "[2**31, 0]", "[0, 2**32]", "65536", "1.0000000000000002", "[2**63]", "[2**64]",
               "[-1, 2**63]", "2**100", "10**40", "-10**40", "[1, 2**200]", "2**1024"}


def tame(m: str, args: list) -> list:
    """`args` of method `m` with the values NumPy would run on for hours replaced by 3."""
    return [a if m not in SLOW or a not in SLOW_VALUES else "3" for a in args]


def hostile_call() -> str:
    m = gen_call().split("(")[0]
    nargs = R.randint(0, 4)
    args = tame(m, hostile_args(m, [hostile_value() for _ in range(nargs)]))
    kw = []
    for _ in range(R.choice([0, 0, 1, 1, 2])):
        k = R.choice(HOSTILE_KW)
        v = {"size": lambda: R.choice(HOSTILE_SIZE), "dtype": lambda: R.choice(HOSTILE_DTYPE)}.get(
            k, hostile_value)()
        if k == "size" and m in ("choice", "permutation", "shuffle", "permuted") and "65" in v:
            v = "(1,)*33"
        kw.append("%s=%s" % (k, v))
    return "%s(%s)" % (m, ", ".join(args + kw))


# ---------------------------------------------------------------------------------------------
# Running and comparing
# ---------------------------------------------------------------------------------------------

def numpy_case(gen, seed, calls):
    rng = fx.make(gen, seed)
    results = [fx.run_call(rng, c, **WIRE) for c in calls]
    return results, fx.state_json(rng.bit_generator.state)


def decode(r):
    """An `nprand eval --batch` result as the fixture encoding (`fx.encode` of the object it
    stands for: kind, dtype, shape, values)."""
    if "error" in r:
        return r
    kind = r["kind"]
    if kind == "none":
        return {"result": fx.encode(None, **WIRE)}
    j = json.loads(r["json"])
    if kind == "bytes":
        v = bytes.fromhex(j["data"])
    elif kind == "py":
        v = {"bool": bool, "int64": int, "float64": float}[j["dtype"]](j["data"][0])
    elif kind == "np":
        v = np.dtype(j["dtype"]).type(j["data"][0])
    else:
        v = np.array(j["data"], dtype=j["dtype"]).reshape(j["shape"])
    return {"result": fx.encode(v, **WIRE)}


def norm(r):
    # nprand's parser words its SyntaxErrors itself (with the column): the type must agree.
    if "error" in r and r["error"]["type"] == "SyntaxError":
        return {"error": {"type": "SyntaxError"}}
    return r


# nprand's documented refusals where NumPy returns a value: NumPy reads memory it never
# wrote (integers with empty bounds broadcast to a non-empty size; the README names it). The rest
# of such a case is not compared (its state has diverged by design).
REFUSALS = ("reads uninitialised memory in NumPy",
            # an int past 2**127 where NumPy would convert it to a float and draw, or past
            # the largest double anywhere (NumPy returns a value or raises)
            "nprand eval passes ints beyond 2**127")


def refused(a, b) -> bool:
    """Whether nprand's answer `b` is a documented refusal where NumPy's `a` returned a
    value (for the big-int refusal: whatever NumPy did)."""
    if "error" not in b or b["error"]["type"] != "NotImplementedError":
        return False
    m = b["error"]["message"]
    return any(r in m for r in REFUSALS) and ("error" not in a or REFUSALS[1] in m)


def mismatch_class(a, b) -> str:
    """value | error-vs-value | value-vs-error | error-type | error-message."""
    if "error" in a and "error" in b:
        return "error-type" if a["error"]["type"] != b["error"]["type"] else "error-message"
    if "error" in a:
        return "numpy-error-nprand-value"
    if "error" in b:
        return "numpy-value-nprand-error"
    return "value"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=DEFAULT_BIN)
    ap.add_argument("--cases", type=int, default=100, help="cases per bit generator")
    ap.add_argument("--calls", type=int, default=30, help="calls per case")
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--gen", action="append", help="bit generator(s) (default: all six)")
    ap.add_argument("--call", action="append", help="explicit call(s) instead of random ones")
    ap.add_argument("--fresh", action="store_true", help="one fresh generator per call")
    ap.add_argument("--show", type=int, default=20, help="mismatches to print")
    ap.add_argument("--heavy", action="store_true", help="mostly large sizes (rare branches)")
    ap.add_argument("--method", action="append", help="draw random calls of these methods only")
    ap.add_argument("--hostile", type=float, default=0.0,
                    help="share of calls with edge values, wrong types and bad keywords (0..1)")
    args = ap.parse_args()
    why = pin_mismatch()
    if why:
        print(why, file=sys.stderr)
        return 2
    global HEAVY
    HEAVY = args.heavy
    R.seed(args.seed)
    gens = args.gen or fx.ALL_GENS
    cases = []
    for gen in gens:
        for i in range(args.cases if not args.call else 1):
            seed = R.choice([0, 1, 42, 12345, R.randrange(2**32), R.randrange(2**128)])
            calls = args.call or [hostile_call() if R.random() < args.hostile else gen_call(args.method)
                                  for _ in range(args.calls)]
            if args.fresh:
                cases += [(gen, seed, [c]) for c in calls]
            else:
                cases.append((gen, seed, calls))
    req = "".join(json.dumps({"generator": g, "seed": str(s), "calls": c}) + "\n" for g, s, c in cases)
    proc = subprocess.run([args.bin, "eval", "--batch"], input=req, capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 2
    outs = [json.loads(line) for line in proc.stdout.splitlines()]
    for (gen, seed, _), out in zip(cases, outs):
        if "results" not in out:
            print("nprand could not start %s seed=%s: %s" % (gen, seed, out), file=sys.stderr)
            return 2
        out["results"] = [decode(r) for r in out["results"]]
    stats = collections.defaultdict(lambda: [0, 0, 0])  # calls, mismatches, errors compared
    per_method = collections.Counter()
    per_class = collections.Counter()  # first mismatch of each case (later ones may cascade)
    shown = 0
    bad_states = 0
    n_refused = 0  # cases ended by a documented refusal
    for (gen, seed, calls), out in zip(cases, outs):
        np_results, np_state = numpy_case(gen, seed, calls)
        diverged = False
        for c, a, b in zip(calls, np_results, out["results"]):
            if not diverged and refused(a, b):
                n_refused += 1
                break
            st = stats[gen]
            st[0] += 1
            if "error" in a:
                st[2] += 1
            if norm(a) != norm(b):
                st[1] += 1
                per_method[c.split("(")[0]] += 1
                if not diverged:
                    per_class[mismatch_class(a, b)] += 1
                if shown < args.show and not diverged:
                    print("MISMATCH %s seed=%s: %s\n  numpy: %s\n  rust:  %s" % (gen, seed, c, json.dumps(a)[:400], json.dumps(b)[:400]))
                    shown += 1
                diverged = True
        else:
            if np_state != out["state"]:
                bad_states += 1
    total = sum(s[0] for s in stats.values())
    bad = sum(s[1] for s in stats.values())
    for gen, (n, m, e) in sorted(stats.items()):
        print("%-10s %6d calls (%5d NumPy errors), %d mismatches" % (gen, n, e, m))
    print("total: %d calls in %d cases, %d mismatches, %d final states differ" % (total, len(cases), bad, bad_states))
    if n_refused:
        print("cases ended at a documented refusal (not compared further):", n_refused)
    if per_method:
        print("mismatches by method:", dict(per_method))
        print("first mismatch per case by class:", dict(per_class))
    return 0 if bad == 0 and bad_states == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
