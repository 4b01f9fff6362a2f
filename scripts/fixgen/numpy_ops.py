"""``fixtures/numpy_ops/cases.json``: NumPy's arithmetic on arrays (``nprand::numpy``) and
CPython's ``math.fsum``/``statistics`` (``nprand::numpy::py``).

Cases come in groups (``reduce``, ``quantile``, ``ranges``, ``sort``, ``dot``, ``ufunc``,
``cpython``), each a list of inputs ``{"dtype": D, "shape": [...], "x": INPUT, "calls": [...]}``;
a call is ``{"op": NAME, "args": {...}}`` plus ``"result": {"dtype": D, "shape": [...],
"data": TOKENS}`` or ``"error": {"type": ..., "message": ...}``. ``INPUT`` is either the
float bits as hex tokens (16 digits for float64, 8 for float32) or, for long arrays,
``{"seed": S, "n": N}``: ``RandomState(S).standard_normal(N)``, which the tests rebuild with
nprand. ``dot`` inputs have shape ``[m, k, n]`` and ``{"seed": S}``: ``a`` (``m x k``) then
``b`` (``k x n``) from that generator. Result data: float bits as hex tokens, integers in
decimal. Deterministic: fixed seeds.

Also ``make_classification.txt``: what ``scripts/make_classification.py`` prints
(``tests/make_classification.rs``).

The ``blas_arch`` field is OpenBLAS's kernel family: ``Haswell`` on every CPU (``cpu_pin``),
as the ``dot`` cases need; the ufunc cases are NumPy's AVX2 paths for the same reason.
"""

from __future__ import annotations

import math
import os
import statistics
import sys

import numpy as np

from fixgen.common import NUMPY_VERSION, write_json

LENGTHS = list(range(0, 41)) + [63, 64, 65, 127, 128, 129, 135, 136, 137, 255, 256, 257,
                                 1000, 1025, 2047, 2048, 2049]
LONG = [4096, 8191, 8192, 8193, 10000, 16385, 20000, 100000]
SHAPES = [(3, 4), (4, 3), (10, 20), (200, 3), (3, 200), (300, 1), (1, 300), (9, 129),
          (129, 9), (5, 6, 7), (20, 1, 30), (30, 20, 1), (2, 300, 3), (1000, 2), (2, 1000),
          (0, 3), (3, 0)]


def hexbits(a) -> str:
    a = np.ascontiguousarray(a)
    if a.dtype == np.float32:
        return " ".join("%08x" % v for v in a.view(np.uint32).ravel())
    return " ".join("%016x" % v for v in a.astype(np.float64).view(np.uint64).ravel())


def encode(r):
    r = np.asarray(r)
    if r.dtype.kind == "f":
        return {"dtype": str(r.dtype), "shape": list(r.shape), "data": hexbits(r)}
    return {"dtype": "int64", "shape": list(r.shape),
            "data": " ".join(str(int(v)) for v in r.ravel())}


def wide(rs, n, dtype=np.float64):
    """n values of widely varying magnitude and sign (so summation order shows)."""
    x = rs.standard_normal(n) * 10.0 ** rs.randint(-6, 9, n)
    return x.astype(dtype)


def case(op, x, args=None, call=None):
    """One call on ``x`` and NumPy's result or exception."""
    x_arr = x
    entry = {"op": op, "args": args or {}}
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            entry["result"] = encode(call(x_arr))
    except Exception as e:  # noqa: BLE001 - NumPy's exception is the expected value
        entry["error"] = {"type": type(e).__name__, "message": str(e)}
    return entry


REDUCTIONS = {
    "sum": lambda x, ax: np.sum(x, axis=ax),
    "mean": lambda x, ax: np.mean(x, axis=ax),
    "var": lambda x, ax: np.var(x, axis=ax),
    "var1": lambda x, ax: np.var(x, axis=ax, ddof=1),
    "std": lambda x, ax: np.std(x, axis=ax),
    "std1": lambda x, ax: np.std(x, axis=ax, ddof=1),
    "prod": lambda x, ax: np.prod(x, axis=ax),
    "max": lambda x, ax: np.max(x, axis=ax),
    "min": lambda x, ax: np.min(x, axis=ax),
    "argmax": lambda x, ax: np.argmax(x, axis=ax),
    "argmin": lambda x, ax: np.argmin(x, axis=ax),
    "cumsum": lambda x, ax: np.cumsum(x, axis=ax),
    "cumprod": lambda x, ax: np.cumprod(x, axis=ax),
    "diff": lambda x, ax: np.diff(x, axis=-1 if ax is None else ax),
    "diff2": lambda x, ax: np.diff(x, n=2, axis=-1 if ax is None else ax),
    "median": lambda x, ax: np.median(x, axis=ax),
    "percentile": lambda x, ax: np.percentile(x, 37.5, axis=ax),
    "quantile": lambda x, ax: np.quantile(x, 0.9, axis=ax),
    "sort": lambda x, ax: np.sort(x, axis=-1 if ax is None else ax, kind="stable"),
    "argsort": lambda x, ax: np.argsort(x, axis=-1 if ax is None else ax, kind="stable"),
}
F32_OPS = ("sum", "mean", "var", "std1", "prod", "max", "argmin", "cumsum")


def group(x, calls, spec=None):
    """One input and the calls made on it (the input stored once)."""
    g = {"dtype": str(x.dtype), "shape": list(x.shape),
         "x": hexbits(x) if spec is None else spec, "calls": []}
    for c in calls:
        g["calls"].append({k: c[k] for k in ("op", "args", "result", "error") if k in c})
    return g


def reductions(rs):
    out = []
    for n in LENGTHS:
        x = wide(rs, n)
        out.append(group(x, [case(op, x, {"axis": None}, lambda a, f=f: f(a, None))
                             for op, f in REDUCTIONS.items()]))
        x32 = wide(rs, n, np.float32)
        out.append(group(x32, [case(op, x32, {"axis": None},
                                    lambda a, f=REDUCTIONS[op]: f(a, None)) for op in F32_OPS]))
    for seed, n in enumerate(LONG, start=1000):
        x = np.random.RandomState(seed).standard_normal(n)
        calls = [case(op, x, {"axis": None}, lambda a, f=REDUCTIONS[op]: f(a, None))
                 for op in ("sum", "mean", "var", "std", "median", "percentile")]
        out.append(group(x, calls, {"seed": seed, "n": n}))
    for shape in SHAPES:
        x = wide(rs, int(np.prod(shape))).reshape(shape)
        out.append(group(x, [case(op, x, {"axis": ax}, lambda a, f=f, ax=ax: f(a, ax))
                             for ax in list(range(len(shape))) + [-1, len(shape)]
                             for op, f in REDUCTIONS.items()]))
        x32 = wide(rs, int(np.prod(shape)), np.float32).reshape(shape)
        out.append(group(x32, [case(op, x32, {"axis": ax}, lambda a, f=REDUCTIONS[op], ax=ax: f(a, ax))
                               for ax in range(len(shape)) for op in F32_OPS]))
    # Special values: NaN, infinities, signed zeros, ties.
    specials = [
        [0.0, -0.0], [-0.0, 0.0], [-0.0] * 9, [1.0, np.nan, 2.0], [np.nan, 1.0],
        [np.inf, -np.inf, 1.0], [np.inf, 1.0, 2.0], [3.0, 1.0, 3.0, 1.0], [2.0, np.nan, 2.0, np.nan],
        [1e308, 1e308, -1e308], [5e-324, 5e-324], [1.0, 1.0, np.inf],
    ]
    for s in specials:
        x = np.array(s)
        out.append(group(x, [case(op, x, {"axis": None}, lambda a, f=f: f(a, None))
                             for op, f in REDUCTIONS.items()]))
    return out


def quantiles(rs):
    out = []
    for n in (1, 2, 3, 4, 5, 10, 11, 100, 101, 1000):
        x = wide(rs, n)
        calls = [case("percentile", x, {"axis": None, "q": repr(q)}, lambda a, q=q: np.percentile(a, q))
                 for q in (0.0, 1.0, 2.5, 25.0, 37.5, 50.0, 75.0, 97.5, 99.0, 100.0, 100.0 / 3)]
        calls += [case("quantile", x, {"axis": None, "q": repr(q)}, lambda a, q=q: np.quantile(a, q))
                  for q in (0.0, 0.1, 0.25, 0.5, 0.7, 0.9, 1.0, 1 / 3, 0.123456789)]
        out.append(group(x, calls))
    x = np.array([1.0, 2.0, 3.0])
    calls = [case("percentile", x, {"axis": None, "q": repr(q)}, lambda a, q=q: np.percentile(a, q))
             for q in (-1.0, 100.5, float("nan"), 1e300)]
    calls += [case("quantile", x, {"axis": None, "q": repr(q)}, lambda a, q=q: np.quantile(a, q))
              for q in (-0.1, 1.5, float("nan"))]
    out.append(group(x, calls))
    e = np.array([], dtype=np.float64)
    out.append(group(e, [case("percentile", e, {"axis": None, "q": 50.0},
                              lambda a: np.percentile(a, 50.0))]))
    return out


def ranges(rs):
    out = []
    lin = [(0.0, 1.0, 11, True), (0.0, 1.0, 10, False), (-3.5, 7.25, 50, True), (1.0, 0.0, 7, True),
           (0.0, 1.0, 0, True), (0.0, 1.0, 1, True), (0.0, 1.0, 1, False), (2.0, 3.0, 2, True),
           (0.0, 1e-320, 5, True), (5e-324, 1e-323, 4, True), (1e300, -1e300, 9, True),
           (0.1, 0.7, 1000, True), (0.0, 1.0, -1, True), (np.pi, np.e, 33, False)]
    for start, stop, num, endpoint in lin:
        x = np.array([start, stop])
        out.append(group(x, [
            case("linspace", x, {"num": num, "endpoint": endpoint},
                 lambda a, num=num, ep=endpoint: np.linspace(float(a[0]), float(a[1]), num, endpoint=ep)),
            case("linspace_step", x, {"num": num, "endpoint": endpoint},
                 lambda a, num=num, ep=endpoint: np.array(
                     np.linspace(float(a[0]), float(a[1]), num, endpoint=ep, retstep=True)[1]))]))
    for _ in range(20):
        start, stop = rs.uniform(-10, 10, 2)
        num = int(rs.randint(2, 200))
        x = np.array([start, stop])
        out.append(group(x, [case("linspace", x, {"num": num, "endpoint": True},
                                  lambda a, num=num: np.linspace(float(a[0]), float(a[1]), num))]))
    ar = [(0.0, 1.0, 0.1), (0.0, 1.0, 0.3), (1.0, 0.0, -0.1), (0.5, 10.25, 0.75), (-2.0, 2.0, 1e-3),
          (0.0, 1.0, 0.0), (0.0, float("nan"), 1.0), (0.0, float("inf"), 1.0), (1.0, 0.0, 0.5),
          (0.1, 0.4, 0.1), (1e16, 1e16 + 10.0, 1.0)]
    for start, stop, step in ar:
        x = np.array([start, stop, step])
        out.append(group(x, [case("arange", x, {}, lambda a: np.arange(float(a[0]), float(a[1]), float(a[2])))]))
    return out


def sorts(rs):
    out = []
    for n in (0, 1, 2, 7, 16, 17, 100, 1000):
        x = np.round(wide(rs, n), 1)  # ties
        if n > 4:
            x[rs.randint(0, n, 2)] = np.nan
        idx = rs.randint(-n, n, 10) if n else np.array([], dtype=np.int64)
        out.append(group(x, [
            case("argsort", x, {"axis": None}, lambda a: np.argsort(a, kind="stable")),
            case("sort", x, {"axis": None}, lambda a: np.sort(a, kind="stable")),
            case("take", x, {"indices": [int(i) for i in idx]}, lambda a, idx=idx: np.take(a, idx))]))
    x = np.array([1.0, 2.0, 3.0])
    out.append(group(x, [case("take", x, {"indices": idx}, lambda a, idx=idx: np.take(a, idx))
                         for idx in ([3], [-4], [0, -1])]))
    return out


def dots(rs):
    out = []
    shapes = []
    for m in (1, 2, 3, 4, 5, 7, 8, 9):
        for n in (1, 2, 3, 4, 5, 7, 8, 9):
            shapes.append((m, int(rs.randint(1, 40)), n))
    for _ in range(120):
        shapes.append((int(rs.randint(1, 30)), int(rs.randint(1, 300)), int(rs.randint(1, 30))))
    for k in (1, 2, 3, 4, 5, 15, 16, 17, 31, 32, 33, 100, 255, 256, 257, 1000, 5000):
        shapes.append((1, k, 1))
        shapes.append((4, k, 5))
    seed = 5000
    for m, k, n in shapes:
        seed += 1
        r = np.random.RandomState(seed)
        a = r.standard_normal(m * k).reshape(m, k)
        b = r.standard_normal(k * n).reshape(k, n)
        for form in ("dot", "matmul", "dot_vec_left", "matmul_vec_right", "vdot"):
            if form == "dot":
                res = np.dot(a, b)
            elif form == "matmul":
                res = a @ b
            elif form == "dot_vec_left":
                if m != 1:
                    continue
                res = np.dot(a[0], b)
            elif form == "matmul_vec_right":
                if n != 1:
                    continue
                res = a @ b[:, 0]
            else:
                if m != 1 or n != 1:
                    continue
                res = np.dot(a[0], b[:, 0])
            out.append({"dtype": "float64", "shape": [m, k, n], "x": {"seed": seed},
                        "calls": [{"op": form, "args": {}, "result": encode(res)}]})
    # Operands (2, 3) and (2, 2): not aligned.
    for form, f in (("dot", np.dot), ("matmul", np.matmul)):
        e = {"op": form, "args": {"k2": 2}}
        try:
            f(np.zeros((2, 3)), np.zeros((2, 2)))
        except Exception as ex:  # noqa: BLE001
            e["error"] = {"type": type(ex).__name__, "message": str(ex)}
        out.append({"dtype": "float64", "shape": [2, 3, 2], "x": {"seed": 1}, "calls": [e]})
    return out


UFUNCS = {"exp": np.exp, "log": np.log, "expm1": np.expm1, "log1p": np.log1p,
          "tan": np.tan, "arctan": np.arctan, "tanh": np.tanh}


def ufuncs(rs):
    out = []
    for name, f in UFUNCS.items():
        x = rs.uniform(-20, 20, 2000)
        if name in ("log", "log1p"):
            x = np.abs(x) * 10.0 ** rs.randint(-5, 5, 2000)
        x = np.concatenate([x, [0.0, -0.0, np.inf, -np.inf, np.nan, 1e-300, 710.0, -1.0]])
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out.append({"dtype": "float64", "shape": [len(x)], "x": hexbits(x),
                        "calls": [{"op": "ufunc_" + name, "args": {}, "result": encode(f(x))}]})
    return out


BASELINE = """
import sys, numpy as np, warnings
warnings.simplefilter("ignore")
x = np.frombuffer(bytes.fromhex(sys.stdin.read()), dtype="<f8")
sys.stdout.write(np.tanh(x).astype("<f8").tobytes().hex())
"""


def tanh_baseline(rs):
    """``np.tanh`` with NumPy's SIMD targets disabled (``NPY_DISABLE_CPU_FEATURES``): the
    loop every CPU without FMA SIMD runs, libm's ``tanh``."""
    import subprocess
    x = np.concatenate([rs.uniform(-20, 20, 2000), [0.0, -0.0, np.inf, -np.inf, np.nan, 1e-300]])
    env = dict(os.environ, NPY_DISABLE_CPU_FEATURES="X86_V3 X86_V4 AVX512_ICL AVX512_SPR")
    out = subprocess.run([sys.executable, "-c", BASELINE], input=x.astype("<f8").tobytes().hex(),
                         env=env, check=True, capture_output=True, text=True).stdout
    r = np.frombuffer(bytes.fromhex(out), dtype="<f8")
    return [{"dtype": "float64", "shape": [len(x)], "x": hexbits(x),
             "calls": [{"op": "ufunc_tanh_baseline", "args": {}, "result": encode(r)}]}]


def cpython(rs):
    """CPython's math.fsum and statistics on lists of floats (results as float64 bits)."""
    out = []
    datasets = [wide(rs, n) for n in (1, 2, 3, 4, 5, 8, 10, 17, 100, 1000)]
    datasets += [np.array([1e100, 1.0, -1e100, 1e-100]), np.array([0.1] * 10),
                 np.array([1e308, 1e308]), np.array([-0.0]), np.array([]),
                 np.array([np.inf, 1.0]), np.array([np.inf, -np.inf]), np.array([np.nan, 1.0]),
                 np.array([2.0 ** 1023, 2.0 ** 1023, -2.0 ** 1023]),
                 np.array([5e-324, 5e-324, 1e-310]), np.array([1.0, 2.0 ** -53, 2.0 ** -106])]
    for x in datasets:
        lst = [float(v) for v in x]
        fns = {"fsum": math.fsum, "fmean": statistics.fmean, "py_mean": statistics.mean,
               "quantiles": statistics.quantiles,
               "quantiles10": lambda d: statistics.quantiles(d, n=10),
               "quantiles_incl": lambda d: statistics.quantiles(d, method="inclusive")}
        calls = []
        for name, f in fns.items():
            e = {"op": name, "args": {}}
            try:
                r = f(lst)
                e["result"] = encode(np.array(r, dtype=np.float64))
            except Exception as ex:  # noqa: BLE001
                e["error"] = {"type": type(ex).__name__, "message": str(ex)}
            calls.append(e)
        out.append({"dtype": "float64", "shape": [len(lst)], "x": hexbits(x), "calls": calls})
    return out


def blas_arch() -> str:
    from fixgen.blas import blas_arch as arch
    return arch()


def generate(out_dir: str) -> dict:
    # The ported make_classification example must print what the Python original prints.
    import subprocess
    from fixgen.common import SCRIPTS_DIR, write_text
    text = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "make_classification.py")],
                          check=True, capture_output=True, text=True).stdout
    write_text(os.path.join(out_dir, "make_classification.txt"), text)

    rs = np.random.RandomState(20260616)
    groups = {"reduce": reductions(rs), "quantile": quantiles(rs), "ranges": ranges(rs),
              "sort": sorts(rs), "dot": dots(rs), "ufunc": ufuncs(rs) + tanh_baseline(rs),
              "cpython": cpython(rs)}
    write_json(os.path.join(out_dir, "cases.json"),
               {"numpy_version": NUMPY_VERSION, "python": "%d.%d" % sys.version_info[:2],
                "blas_arch": blas_arch(), "groups": groups})
    return {k: sum(len(g["calls"]) for g in v) for k, v in groups.items()}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("numpy_ops"))
