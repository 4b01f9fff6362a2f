"""``fixtures/mvn/generator.json``: ``Generator.multivariate_normal``, all three methods (and a
random cross-check).

Usage (the fixture itself is written by ``scripts/gen_fixtures.py``, family ``mvn``)::

    cd scripts && python3 -m fixgen.mvn_generator --crosscheck 3000 --out /tmp/mvn_cross.json
    NPRAND_MVN_FIXTURE=/tmp/mvn_cross.json cargo test --release \\
        --test generator_multivariate -- --ignored --nocapture

Layout of ``fixtures/mvn/generator.json``::

    {"numpy_version": "2.4.6",
     "cases": [
       {"id": "spd_svd_pcg64", "gen": "pcg64", "seed": "12345",   # as in cases.json
        "calls": [
          {"call": "multivariate_normal([0.5], [[2.0]], size=2, method='svd')",
           "typed": {"mean": "0.5", "cov": "2.0", "n": 1, "rows": 2,
                     "check_valid": "warn", "tol": "1e-08", "method": "svd"},
           "result": {"kind": "array", "dtype": "float64", "shape": [2, 1], "data": "1.2 0.3"},
           "warning": null},
          {"call": "...", "error": {"type": "LinAlgError", "message": "..."}}],
        "state": "<json of rng.bit_generator.state after the calls>"}, ...]}

``result`` is the one result encoding of ``fixgen.common``; ``mean``, ``cov`` and ``tol`` are
space-separated Python ``repr``s of float64 values (``nan``, ``inf`` included); ``cov`` is
row-major. ``typed`` (present when the call can be
expressed with ``Generator::multivariate_normal_str``) lets the Rust test run the typed API
as well as the evaluator. ``warning`` is the text of NumPy's RuntimeWarning, or null.

How to compare (tests/generator_multivariate.rs)
------------------------------------------------
* values: within ``tests/common``'s ``mvn_close`` (1e-10 relative, plus an allowance for the
  square roots of rounding-noise eigenvalues of a (near-)singular covariance, which differ
  with the CPU's OpenBLAS kernel); dtype and shape exactly;
* errors (type and message), warnings, and the bit generator state after the calls: exactly.
  The normals are drawn before the factorisation, so LinAlgError and check_valid/PSD errors
  advance the generator; the state pins that down.

Cases steer clear of covariances whose zero eigenvalues come out of LAPACK as rounding noise
(NumPy's own output then carries that noise, ~1e-8 relative); the cross-check reports those
separately (category ``noisy``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import warnings

import numpy as np

from fixgen import generator_call as gx
from fixgen.common import NUMPY_VERSION, encode, pin_mismatch, write_json

METHODS = ["svd", "eigh", "cholesky"]


# =============================================================================================
# Literals and one call
# =============================================================================================

def flit(x: float) -> str:
    """A float literal that both Python (with ``np`` in scope) and nprand's parser read back
    exactly."""
    x = float(x)
    if x != x:
        return "np.nan"
    if x in (float("inf"), float("-inf")):
        return "np.inf" if x > 0 else "-np.inf"
    r = repr(x)
    return r[:-2] if r.endswith(".0") and abs(x) < 1e15 else r


def lit(v) -> str:
    if isinstance(v, (list, tuple)):
        inner = ", ".join(lit(x) for x in v)
        return "(%s,)" % inner if isinstance(v, tuple) and len(v) == 1 else (
            "(%s)" % inner if isinstance(v, tuple) else "[%s]" % inner)
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return repr(v)
    if isinstance(v, int):
        return str(v)
    return flit(v)


def toks(flat) -> str:
    return " ".join(repr(float(x)) for x in flat)


def mvn(mean, cov, size="absent", check_valid="absent", tol="absent", method="absent",
        typed=True) -> dict:
    """A call description: its string and (if ``typed``) the typed-API arguments."""
    parts = [lit(mean), lit(cov)]
    kw = []
    for name, v in (("size", size), ("check_valid", check_valid), ("tol", tol),
                    ("method", method)):
        if not (isinstance(v, str) and v == "absent"):
            kw.append("%s=%s" % (name, lit(v)))
    call = "multivariate_normal(%s)" % ", ".join(parts + kw)
    d = {"call": call}
    if typed:
        n = len(mean)
        if size == "absent" or size is None:
            rows = 1
        elif isinstance(size, int):
            rows = size
        else:
            rows = int(np.prod(size)) if len(size) else 1
        d["typed"] = {
            "mean": toks(mean), "cov": toks(np.asarray(cov, dtype=float).ravel()), "n": n,
            "rows": rows,
            "check_valid": "warn" if check_valid == "absent" else check_valid,
            "tol": repr(1e-8 if tol == "absent" else float(tol)),
            "method": "svd" if method == "absent" else method}
    return d


def raw(call: str) -> dict:
    """A call given only as a string (arguments the typed API cannot express)."""
    return {"call": call}


def run_call(rng, desc: dict) -> dict:
    out = dict(desc)
    env = {"np": np, "numpy": np, "rng": rng}
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            v = eval("rng." + desc["call"], env)
    except Exception as e:  # noqa: BLE001 - NumPy's exception is the expected outcome
        out["error"] = {"type": type(e).__name__, "message": str(e)}
        return out
    assert isinstance(v, np.ndarray), desc["call"]
    out["result"] = encode(v)
    msgs = [str(x.message) for x in w if issubclass(x.category, RuntimeWarning)
            and "positive-semidefinite" in str(x.message)]
    out["warning"] = msgs[0] if msgs else None
    return out


def run_case(cid: str, gen: str, seed: int, calls: list) -> dict:
    rng = gx.make(gen, seed)
    res = [run_call(rng, c) for c in calls]
    return {"id": cid, "gen": gen, "seed": str(seed), "calls": res,
            "state": gx.state_json(rng.bit_generator.state)}


# =============================================================================================
# Matrices
# =============================================================================================

def spd(rs: np.random.RandomState, n: int, digits: int = 3) -> list:
    """A random symmetric positive-definite matrix (eigenvalues >= ~0.5), rounded so that its
    literal stays short; rounding keeps it symmetric and positive definite."""
    b = rs.standard_normal((n, n))
    c = np.round(b @ b.T / n + 0.5 * np.eye(n), digits)
    return c.tolist()


def rand_vec(rs, n, digits=2) -> list:
    return np.round(rs.uniform(-5, 5, n), digits).tolist()


# =============================================================================================
# The fixture cases
# =============================================================================================

def mvn_cases() -> list:
    rs = np.random.RandomState(20251129)
    out = []
    gens = gx.ALL_GENS  # mt19937 pcg64 pcg64dxsm philox sfc64 default
    # 1. Random SPD covariances of every order 1..25, each method; the orders are spread over
    #    the bit generators (order n on generator n % 6), sizes None / int / tuple.
    mats = {n: (rand_vec(rs, n), spd(rs, n)) for n in range(1, 26)}
    for method in METHODS:
        for k, gen in enumerate(gens):
            calls = []
            for n in range(1, 26):
                if n % len(gens) != k:
                    continue
                mean, cov = mats[n]
                size = [None, 2, (2, 1), 3][n % 4]
                calls.append(mvn(mean, cov, size=size, method=method))
            out.append(run_case("spd_%s_%s" % (method, gen), gen, 12345 + k, calls))
    # 2. Exact ties and singular covariances (zeros that are exactly zero in LAPACK).
    special = [
        ([0, 0], [[1, 0], [0, 1]]),
        ([1, 2, 3], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
        ([0] * 5, np.eye(5).tolist()),
        ([0, 0, 0], [[3, 0, 0], [0, 3, 0], [0, 0, 3]]),
        ([0, 0, 0], [[2, 0, 0], [0, 1, 0], [0, 0, 2]]),            # diag with ties
        ([0, 0, 0, 0], [[1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 2, 0], [0, 0, 0, 1]]),
        ([0, 10], [[1, 0], [0, 4]]),                                 # sorts swap components
        ([0, 0, 0], [[1, 0, 0], [0, 9, 0], [0, 0, 4]]),
        ([0, 0], [[2, 1], [1, 2]]),                                  # 2x2 block (dlaev2)
        ([0, 0, 0], [[2, 1, 0], [1, 2, 0], [0, 0, 3]]),              # eigenvalues 1, 3, 3
        ([0, 0], [[1, 1], [1, 1]]),                                  # singular PSD
        ([0, 0, 0], [[0, 0, 0], [0, 3, 0], [0, 0, 1]]),
        ([0, 0], [[1, 2], [2, 4]]),
        ([5], [[0]]),
        ([0, 0], [[1, 0.999999], [0.999999, 1]]),
        ([0, 0], [[1e300, 1e299], [1e299, 1e300]]),                  # scaled in LAPACK
        ([0, 0], [[1e-300, 0], [0, 2e-300]]),
        ([0, 0, 0], [[1e-160, 2e-161, 0], [2e-161, 3e-160, 1e-161], [0, 1e-161, 1e-160]]),
        ([0, 0, 0], [[4e200, 1e200, 0], [1e200, 5e200, 1e199], [0, 1e199, 3e200]]),
    ]
    for method in METHODS:
        calls = [mvn(m, c, size=2, method=method) for m, c in special]
        out.append(run_case("special_%s" % method, "pcg64", 7, calls))
    # 3. Not PSD, non-symmetric, NaN/inf, check_valid and tol.
    bad = [
        ([0, 0], [[1, 2], [2, 1]]),
        ([1], [[-2]]),
        ([0, 0], [[1, 2], [3, 4]]),                                  # non-symmetric
        ([0, 0], [[2, 0.5], [-0.3, 1]]),
        ([0, 0, 0], [[2, 5, -1], [0.3, 1.5, 7], [-0.4, 0.2, 1]]),
        ([0, 0], [[1, 1.0001], [1.0001, 1]]),
    ]
    for method in METHODS:
        calls = []
        for m, c in bad:
            for cv in ("warn", "raise", "ignore"):
                calls.append(mvn(m, c, size=3, check_valid=cv, method=method))
        calls.append(mvn([0, 0], [[1, 1.0001], [1.0001, 1]], size=2, tol=1e-3, method=method))
        calls.append(mvn([0, 0], [[1, 0], [0, -1e-9]], size=2, tol=1e-8, method=method))
        calls.append(mvn([0, 0], [[1, 0], [0, -1e-7]], size=2, method=method))
        calls.append(mvn([0, 0], [[1, 0], [0, 1]], size=2, check_valid="Warn", method=method))
        calls.append(raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], size=2, "
                         "check_valid=None, method='%s')" % method))
        calls.append(raw("multivariate_normal([0, 0], [[1, 2], [2, 1]], size=2, "
                         "tol=None, method='%s')" % method))
        calls.append(raw("multivariate_normal([0, 0], [[1, 2], [2, 1]], size=2, "
                         "tol=None, check_valid='ignore', method='%s')" % method))
        for c in ([[np.nan, 0], [0, 1]], [[1, np.nan], [np.nan, 1]], [[1, 0], [np.nan, 1]],
                  [[1, np.nan], [0, 1]], [[np.inf, 0], [0, 1]], [[np.nan]],
                  [[1, 0, 0], [np.nan, 1, 0], [0, 0, 1]]):
            calls.append(mvn([0] * len(c), c, size=2, check_valid="ignore", method=method))
        calls.append(mvn([0, 0], [[1, 0], [0, 1]], size=2, method=method))
        out.append(run_case("invalid_%s" % method, "philox", 99, calls))
    # 4. Sizes and argument errors (the evaluator's NumPy argument handling).
    calls = [
        mvn([0, 0], [[1, 0.5], [0.5, 2]]),
        mvn([0, 0], [[1, 0.5], [0.5, 2]], size=()),
        mvn([0, 0], [[1, 0.5], [0.5, 2]], size=0, method="eigh"),
        mvn([0, 0], [[1, 0.5], [0.5, 2]], size=(2, 0), method="cholesky"),
        mvn([0, 0], [[1, 0.5], [0.5, 2]], size=[2, 3], method="eigh"),
        mvn([0, 0], [[1, 0.5], [0.5, 2]], size=(1, 2, 2), method="cholesky"),
        mvn([True, False], [[True, False], [False, True]], size=2, method="eigh"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], method='SVD')"),
        raw("multivariate_normal([[0, 0]], [[1, 0], [0, 1]], method='bad')"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], method=None)"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], method=1)"),
        raw("multivariate_normal([[0, 0]], [[1, 0], [0, 1]], method='eigh')"),
        raw("multivariate_normal(0, [[1]], method='cholesky')"),
        raw("multivariate_normal([0, 0], [1, 1], method='eigh')"),
        raw("multivariate_normal([0, 0], [[1, 0, 0], [0, 1, 0]], method='cholesky')"),
        raw("multivariate_normal([0], [[1, 0], [0, 1]], method='eigh')"),
        raw("multivariate_normal([], [[]], size=2, method='cholesky')"),
        raw("multivariate_normal([0, [1]], [[1, 0], [0, 1]])"),
        raw("multivariate_normal([0, 0], [[1, 0], [0]])"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], size=2.0)"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], size=-1, method='eigh')"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], size=(2, -1))"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], size='ab')"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], size=True, method='eigh')"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], size=(2, 1.5))"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], 2, 'warn', 1e-8, 'svd')"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], 2, 'ignore', 1e-8, method='eigh')"),
        raw("multivariate_normal([0, 0], [[1, 0], [0, 1]], sise=2)"),
        raw("multivariate_normal([0, 0])"),
        raw("multivariate_normal([0, 0], [['1', '0.5'], ['0.5', '2']], size=2, method='eigh')"),
        raw("multivariate_normal([0, 0], [['1', 'x'], ['0.5', '2']], size=2)"),
        raw("multivariate_normal([0, 0], [[1, None], [0, 1]], size=2, method='cholesky')"),
        mvn([0] * 30, np.eye(30).tolist(), size=2, method="cholesky"),
        mvn([0, 0], [[1, 0.5], [0.5, 2]], size=3, method="svd"),
    ]
    for gen in ("mt19937", "sfc64", "default"):
        out.append(run_case("args_%s" % gen, gen, 2024, calls))
    # 5. Cholesky without a size limit: an SPD covariance of order 40.
    n = 40
    b = rs.standard_normal((n, n))
    c40 = np.round(b @ b.T / n + np.eye(n), 2).tolist()
    out.append(run_case("cholesky_order_40", "pcg64dxsm", 5,
                        [mvn(rand_vec(rs, n), c40, size=2, method="cholesky")]))
    return out


# =============================================================================================
# The random cross-check
# =============================================================================================

def random_case(R: random.Random, rs: np.random.RandomState, idx: int) -> tuple[str, dict]:
    """(category, call) for one random call."""
    n = R.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 25])
    cat = R.choice(["spd", "spd", "spd", "ties", "singular_exact", "noisy", "not_psd",
                    "nonsym", "scaled", "intmat"])
    if cat == "spd":
        cov = rs.standard_normal((n, n))
        cov = cov @ cov.T / n + R.choice([1e-3, 0.1, 1.0]) * np.eye(n)
        cov = (cov + cov.T) / 2
    elif cat == "ties":
        vals = [R.choice([0.5, 1.0, 2.0, 4.0]) for _ in range(n)]
        cov = np.diag(vals)
        if R.random() < 0.5 and n >= 2:  # a rotation-free permutation of a diagonal
            p = rs.permutation(n)
            cov = cov[p][:, p]
    elif cat == "singular_exact":
        k = R.randint(0, n - 1) if n > 1 else 0
        vals = [R.choice([1.0, 2.0, 3.0]) for _ in range(n - k)] + [0.0] * k
        R.shuffle(vals)
        cov = np.diag(vals)
    elif cat == "noisy":
        k = max(1, n - R.randint(1, max(1, n - 1))) if n > 1 else 1
        b = rs.standard_normal((n, k))
        cov = b @ b.T
    elif cat == "not_psd":
        cov = rs.standard_normal((n, n))
        cov = (cov + cov.T) / 2
    elif cat == "nonsym":
        cov = rs.standard_normal((n, n))
        cov = cov @ cov.T / n + np.eye(n) + 0.1 * rs.standard_normal((n, n))
    elif cat == "scaled":
        cov = rs.standard_normal((n, n))
        cov = cov @ cov.T / n + 0.1 * np.eye(n)
        cov = (cov + cov.T) / 2 * R.choice([1e-300, 1e-200, 1e-160, 1e150, 1e200, 1e300])
    else:  # small integer matrices: exact arithmetic, exact ties
        b = rs.randint(-2, 3, (n, n)).astype(float)
        cov = b @ b.T
    mean = np.round(rs.uniform(-10, 10, n), 3).tolist()
    method = R.choice(METHODS)
    size = R.choice([None, None, 1, 2, 3, 5, (2, 2), (), 0, (1, 3)])
    cv = R.choice(["warn", "warn", "raise", "ignore"])
    tol = R.choice(["absent", "absent", 1e-6, 1e-12, 0.0])
    return cat, mvn(mean, cov.tolist(), size=size, check_valid=cv, tol=tol, method=method)


def crosscheck(n_calls: int, seed: int, per_case: int) -> dict:
    R = random.Random(seed)
    rs = np.random.RandomState(seed % 2**32)
    cases = []
    for i in range(0, n_calls, per_case):
        gen = R.choice(gx.ALL_GENS)
        gseed = R.choice([0, 1, 42, 12345, R.randrange(2**32), R.randrange(2**128)])
        calls = []
        for j in range(min(per_case, n_calls - i)):
            cat, c = random_case(R, rs, i + j)
            c["category"] = cat
            calls.append(c)
        case = run_case("cross_%d" % i, gen, gseed, calls)
        cases.append(case)
    return {"numpy_version": np.__version__, "cases": cases}


# =============================================================================================
# Main
# =============================================================================================

def generate(out_dir: str) -> dict:
    cases = mvn_cases()
    write_json(os.path.join(out_dir, "generator.json"),
               {"numpy_version": NUMPY_VERSION, "cases": cases})
    return {"cases": len(cases), "calls": sum(len(c["calls"]) for c in cases)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--crosscheck", type=int, metavar="N", required=True,
                    help="N random calls (not committed)")
    ap.add_argument("--per-case", type=int, default=10, help="calls per generator (crosscheck)")
    ap.add_argument("--seed", type=int, default=20251129)
    ap.add_argument("--out", default="/tmp/mvn_crosscheck.json")
    args = ap.parse_args(argv)
    why = pin_mismatch()
    if why:
        print(why, file=sys.stderr)
        return 2
    doc = crosscheck(args.crosscheck, args.seed, args.per_case)
    with open(args.out, "w") as f:
        json.dump(doc, f)
    print("wrote %s: %d calls" % (args.out, args.crosscheck))
    return 0


if __name__ == "__main__":
    sys.exit(main())
