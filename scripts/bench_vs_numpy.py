#!/usr/bin/env python3
"""Time NumPy and nprand on the same work, in one run, and print a markdown table.

    python3 scripts/bench_vs_numpy.py                      # default sizes, 5 rounds
    python3 scripts/bench_vs_numpy.py -n 10000000 --rounds 7 --only raw random_sample
    python3 scripts/bench_vs_numpy.py --plot ratios.png    # also a bar chart (needs matplotlib)
    python3 scripts/bench_vs_numpy.py --list

nprand runs in the small bench binary ``examples/bench.rs`` (built here with
``cargo build --release --example bench --features parallel`` unless ``--no-build``), started
once as a server: each request is timed inside the process, so process start-up is never
counted, and output buffers are allocated outside the timed region (``_into`` forms).  NumPy
runs in this process.  For every work item and every round the two are timed back to back
(NumPy, then nprand), so machine load hits both alike; the table keeps each side's best
round.  Figures are ns per element of the best run.

The work table ``WORK`` below is the single place to add rows.  A row names NumPy's call and
the bench binary's item; an item the binary does not know (for example a distribution whose
bulk form has not landed yet) is reported as skipped, not as an error.  Rows with a
``baseline`` compare two nprand items instead (rand_mt, memory bandwidth, serial vs parallel).

Measurements on a loaded machine are noisy; say so when quoting them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def _rs():
    return np.random.RandomState(12345)


def _raw(n):
    bg = np.random.MT19937(0)
    bg.state = {"bit_generator": "MT19937", "state": _rs().get_state(legacy=False)["state"]}
    return lambda: bg.random_raw(n)


def _shuffle(n):
    rs, x = _rs(), np.arange(n, dtype=np.int64)
    return lambda: rs.shuffle(x)


def _m(method, *args, **kw):
    """NumPy work: ``RandomState(12345).<method>(*args, size=n, **kw)``."""
    def make(n):
        rs = _rs()
        f = getattr(rs, method)
        return lambda: f(*args, size=n, **kw)
    return make


def _py(work):
    """CPython work: ``random.Random(12345)``, called from Python as a program would."""
    def make(n):
        r = random.Random(12345)
        if work == "random":
            return lambda: [r.random() for _ in range(n)]
        if work == "randrange":
            return lambda: [r.randrange(1000) for _ in range(n)]
        if work == "gauss":
            return lambda: [r.gauss(0.0, 1.0) for _ in range(n)]
        x = list(range(n))
        return lambda: r.shuffle(x)
    return make


def _bg(cls):
    """NumPy work: ``<cls>(12345).random_raw(n)``."""
    def make(n):
        bg = cls(12345)
        return lambda: bg.random_raw(n)
    return make


def _g(method, *args, **kw):
    """NumPy work: ``default_rng(12345).<method>(*args, size=n, **kw)``."""
    def make(n):
        f = getattr(np.random.default_rng(12345), method)
        return lambda: f(*args, size=n, **kw)
    return make


# name: (numpy setup or None, bench item, target, baseline item or None, description)
# Targets: issues #4 and #15 (the #15 rows: per-call loops, 8-bit/bool integers, the
# other bit generators and Generator's bulk draws).
# numpy setup: n -> zero-argument callable doing the work once.
# With a baseline, "ratio" is baseline time / item time (how many times faster the item is);
# without one it is NumPy time / nprand time.
WORK = [
    ("raw", _raw, "raw", ">= 5x", None, "Mt19937 raw u32 words vs MT19937.random_raw(n)"),
    ("raw vs rand_mt", None, "raw", ">= 3x", "raw_rand_mt", "fill_u32 vs rand_mt next_u32 loop"),
    ("raw vs rand_mt bytes", None, "raw", "", "raw_rand_mt_bytes", "fill_u32 vs rand_mt fill_bytes"),
    ("raw / memset", None, "raw", "", "memset_u32", "memset time / raw time (1 = memory-bound)"),
    ("raw portable", _raw, "raw_portable", "", None, "portable kernels only"),
    ("next_u32() loop vs rand_mt", None, "next_u32_fn", ">= 3x", "rand_mt_fn",
     "one call per word in a function taking (&mut rng, &mut [u32]); baseline rand_mt's"),
    ("next_u32() loop vs rand_mt (closure)", None, "next_u32_loop", "", "raw_rand_mt",
     "the same loop in a closure capturing both (the generator's position goes through memory)"),
    ("next_u32() loop / floor", None, "next_u32_fn", "", "next_u32_floor",
     "floor time / per-call time: the same loop over a block never regenerated (the ceiling)"),
    ("next_u32() loop / bulk", None, "next_u32_fn", "", "raw", "fill_u32 time / per-call time"),
    ("random_sample() loop", None, "random_sample_fn", "<= 1.0 ns (Zen 4)", "random_sample_serial",
     "one call per double; ratio = bulk fill_f64 time / per-call time"),
    ("random_sample() loop / floor", None, "random_sample_fn", "", "random_sample_floor",
     "floor time / per-call time: the same loop over a block never regenerated (the ceiling)"),
    ("standard_normal() loop", None, "standard_normal_fn", "<= 7 ns (Zen 4)", "standard_normal",
     "one call per value; ratio = bulk standard_normal_into time / per-call time"),
    ("random_sample", _m("random_sample"), "random_sample", ">= 4x", None,
     "RandomState.random_sample_into (all cores with feature parallel, n >= 2^21)"),
    ("random_sample 1 thread", _m("random_sample"), "random_sample_serial", ">= 4x", None,
     "Mt19937::fill_f64, one thread"),
    ("random_sample / memory", None, "random_sample", "<= 1.5x (ratio >= 0.67)", "memset_f64_best",
     "fastest write of the same bytes (fill, memset, parallel fill and memset) / random_sample_into"),
    ("random_sample 1 thread / memset", None, "random_sample_serial", "", "memset_f64",
     "one-thread fill / one-thread fill_f64"),
    ("random_sample portable", _m("random_sample"), "random_sample_portable", "", None,
     "portable kernels only"),
    ("par random_sample", _m("random_sample"), "par_random_sample", "", None, "par_fill_f64"),
    ("par vs serial random_sample", None, "par_random_sample", ">= 1.7x (10^8, 2 cores)",
     "random_sample_serial", "serial time / parallel time"),
    ("par raw", _raw, "par_raw", "", None, "par_fill_u32"),
    ("par vs serial raw", None, "par_raw", "", "raw", "serial time / parallel time"),
    ("bytes", lambda n: (lambda rs: (lambda: rs.bytes(n)))(_rs()), "bytes", "", None, "bytes(n)"),
    ("standard_normal", _m("standard_normal"), "standard_normal", ">= 2x", None, "legacy polar"),
    ("randint int64", _m("randint", -1000, 1000, dtype=np.int64), "randint_i64", ">= 3x", None,
     "randint(-1000, 1000, int64)"),
    ("randint int8", _m("randint", -100, 100, dtype=np.int8), "randint_i8", ">= 3x", None,
     "randint(-100, 100, int8)"),
    ("randint int64 [0,1000)", _m("randint", 0, 1000, dtype=np.int64), "randint_i64_0_1000", ">= 3x",
     None, "randint(0, 1000, int64)"),
    ("randint uint8 full", _m("randint", 0, 256, dtype=np.uint8), "randint_u8_full", ">= 3x", None,
     "randint(0, 256, uint8)"),
    ("randint bool", _m("randint", 0, 2, dtype=bool), "randint_bool", ">= 3x", None,
     "randint(0, 2, bool)"),
    ("standard_exponential", _m("standard_exponential"), "standard_exponential", ">= 1.5x", None, ""),
    ("weibull(1.5)", _m("weibull", 1.5), "weibull", "-", None, ""),
    ("power(1.5)", _m("power", 1.5), "power", "-", None, ""),
    ("weibull(1.5) array form", _m("weibull", 1.5), "weibull_array", "-", None,
     "weibull_array(1.5, size): the broadcasting form, scalar parameter (allocates, as NumPy)"),
    ("normal(0, 1) array form", _m("normal", 0.0, 1.0), "normal_array", "-", None,
     "normal_array(0, 1, size) (allocates, as NumPy)"),
    ("standard_gamma(2.5)", _m("standard_gamma", 2.5), "standard_gamma_2.5", ">= 1.5x", None, ""),
    ("binomial(20, 0.3)", _m("binomial", 20, 0.3), "binomial_20_0.3", ">= 1.5x", None, ""),
    ("poisson(30)", _m("poisson", 30), "poisson_30", ">= 1.5x", None, ""),
    ("permutation", lambda n: (lambda rs: (lambda: rs.permutation(n)))(_rs()), "permutation",
     ">= 1.3x", None, "permutation(n), allocates"),
    ("shuffle", _shuffle, "shuffle", ">= 1.3x", None, "shuffle of n int64"),
    ("PCG64 raw", lambda n: (lambda bg: (lambda: bg.random_raw(n)))(np.random.PCG64(12345)),
     "pcg64_raw", ">= 3x", None, "PCG64(12345).random_raw(n)"),
    ("Philox raw", _bg(np.random.Philox), "philox_raw", ">= 2x", None, "Philox(12345).random_raw(n)"),
    ("SFC64 raw", _bg(np.random.SFC64), "sfc64_raw", ">= 2x", None, "SFC64(12345).random_raw(n)"),
    ("Generator.random", _g("random"), "gen_random", ">= 3x", None, "default_rng(12345).random(n)"),
    ("Generator.standard_normal", _g("standard_normal"), "gen_standard_normal", ">= 2x", None,
     "ziggurat"),
    ("Generator.standard_exponential", _g("standard_exponential"), "gen_standard_exponential",
     ">= 2.5x", None, "ziggurat"),
    ("Generator.weibull(1.5)", _g("weibull", 1.5), "gen_weibull", "-", None, ""),
    ("Generator.normal(0, 1) array form", _g("normal", 0.0, 1.0), "gen_normal_array", "-", None,
     "normal_array(0, 1, size) (allocates, as NumPy)"),
    ("Generator.integers int64", _g("integers", 0, 1000), "gen_integers_i64", ">= 3x", None,
     "integers(0, 1000, n) (Lemire)"),
    ("Generator.integers uint8 full", _g("integers", 0, 256, dtype=np.uint8), "gen_integers_u8_full",
     ">= 3x", None, "integers(0, 256, n, uint8)"),
    ("Generator.integers bool", _g("integers", 0, 2, dtype=bool), "gen_integers_bool", ">= 3x", None,
     "integers(0, 2, n, bool)"),
    ("CPython random()", _py("random"), "py_random", "", None,
     "vs CPython's random.Random.random() called from Python (list comprehension)"),
    ("CPython randrange(1000)", _py("randrange"), "py_randrange", "", None,
     "vs CPython's randrange(1000) called from Python"),
    ("CPython gauss(0, 1)", _py("gauss"), "py_gauss", "", None,
     "vs CPython's gauss(0.0, 1.0) called from Python"),
    ("CPython shuffle", _py("shuffle"), "py_shuffle", "", None,
     "vs CPython's shuffle of a list of n ints"),
]


class Bench:
    """The nprand bench binary as a request/response server."""

    def __init__(self, path: str):
        self.p = subprocess.Popen([path, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True, bufsize=1)

    def run(self, item: str, n: int, reps: int) -> dict:
        self.p.stdin.write(f"{item} {n} {reps}\n")
        self.p.stdin.flush()
        return json.loads(self.p.stdout.readline())

    def close(self):
        self.p.stdin.write("quit\n")
        self.p.stdin.close()
        self.p.wait()


def time_numpy(make, n: int, reps: int) -> float:
    f = make(n)
    f()  # warm-up
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter_ns()
        f()
        best = min(best, time.perf_counter_ns() - t)
    return best


def build(features: str) -> str:
    env = dict(os.environ)
    target = env.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    cmd = ["cargo", "build", "--release", "--example", "bench"]
    if features:
        cmd += ["--features", features]
    subprocess.run(cmd, cwd=ROOT, check=True, env=env)
    return os.path.join(target, "release", "examples", "bench")


def cpu_model() -> str:
    """The CPU model and its SIMD flags (Linux /proc/cpuinfo; the platform string elsewhere)."""
    try:
        with open("/proc/cpuinfo") as fp:
            text = fp.read()
    except OSError:
        return platform.processor() or platform.machine()
    model = next((l.split(":", 1)[1].strip() for l in text.splitlines()
                  if l.startswith("model name")), platform.machine())
    flags = next((l.split(":", 1)[1].split() for l in text.splitlines()
                  if l.startswith("flags")), [])
    simd = sorted(f for f in set(flags) if f.startswith(("avx", "sse4", "fma", "bmi")))
    return f"CPU {model} ({' '.join(simd) or 'no AVX/SSE4 flags'})"


def fmt(x):
    return "–" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000_000, help="elements per call (default 1e7)")
    ap.add_argument("--par-n", type=int, default=100_000_000,
                    help="elements for the parallel rows and their serial baselines (default 1e8)")
    ap.add_argument("--py-n", type=int, default=1_000_000,
                    help="largest n for the CPython rows (Python loops; default 1e6)")
    ap.add_argument("--rounds", type=int, default=5, help="alternating NumPy/nprand rounds")
    ap.add_argument("--reps", type=int, default=3, help="runs per side per round (best kept)")
    ap.add_argument("--only", nargs="*", help="work names (or prefixes) to run")
    ap.add_argument("--bench-bin", help="use this bench binary instead of building one")
    ap.add_argument("--no-build", action="store_true", help="use target/release/examples/bench")
    ap.add_argument("--features", default="parallel", help="cargo features for the bench binary")
    ap.add_argument("--plot", metavar="FILE.png", help="draw the ratios as a bar chart")
    ap.add_argument("--json", metavar="FILE", help="also write the raw results as JSON")
    ap.add_argument("--list", action="store_true", help="list the work items and exit")
    args = ap.parse_args()

    if args.list:
        for name, npf, item, target, base, desc in WORK:
            print(f"{name:30s} item={item:22s} target={target or '-':12s} {desc}")
        return 0

    if args.bench_bin:
        path = args.bench_bin
    elif args.no_build:
        path = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")),
                            "release", "examples", "bench")
    else:
        path = build(args.features)

    work = [w for w in WORK if not args.only or any(w[0].startswith(o) for o in args.only)]
    info = subprocess.run([path, "info"], capture_output=True, text=True)
    kernel = (json.loads(info.stdout)["mt19937_kernel"] if info.returncode == 0 and info.stdout
              else "unknown (bench binary without `info`)")
    bench = Bench(path)
    best: dict[tuple, float] = {}    # (side, item or name, n) -> best ns
    skipped: dict[str, str] = {}

    def size(name, item, base):
        if "par" in name or item.startswith("par_"):
            return args.par_n
        # CPython's per-call rows run Python loops: a smaller n keeps them to seconds.
        return min(args.n, args.py_n) if item.startswith("py_") else args.n

    try:
        for r in range(args.rounds):
            for name, npf, item, target, base, desc in work:
                n = size(name, item, base)
                if name in skipped:
                    continue
                sides = [("nprand", item)] + ([("nprand", base)] if base else [])
                if npf is not None:
                    key = ("numpy", name, n)
                    best[key] = min(best.get(key, float("inf")), time_numpy(npf, n, args.reps))
                for side, it in sides:
                    res = bench.run(it, n, args.reps)
                    if "error" in res:
                        skipped[name] = f"bench binary: {res['error']} ({it})"
                        break
                    key = (side, it, n)
                    best[key] = min(best.get(key, float("inf")), res["best_ns"])
            print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)
    finally:
        bench.close()

    rows = []
    for name, npf, item, target, base, desc in work:
        n = size(name, item, base)
        if name in skipped:
            rows.append(dict(name=name, n=n, numpy=None, nprand=None, ratio=None, target=target,
                             note="skipped: " + skipped[name]))
            continue
        ours = best[("nprand", item, n)] / n
        if base:
            other = best[("nprand", base, n)] / n
            rows.append(dict(name=name, n=n, numpy=None, nprand=ours, base=other, ratio=other / ours,
                             target=target, note=f"{desc}; baseline {base} {other:.3f} ns/elem"))
        else:
            theirs = best[("numpy", name, n)] / n
            rows.append(dict(name=name, n=n, numpy=theirs, nprand=ours, ratio=theirs / ours,
                             target=target, note=desc))

    load = os.getloadavg()
    print(f"\n{cpu_model()}; nprand kernels (MT19937, PCG64, Philox): {kernel}; Python {platform.python_version()}")
    print(f"numpy {np.__version__}; {os.cpu_count()} CPUs; load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; best of {args.rounds} rounds x {args.reps} "
          f"runs, alternating NumPy/nprand\n")
    print("| work | n | NumPy ns/elem | nprand ns/elem | ratio | target | notes |")
    print("|---|---:|---:|---:|---:|---|---|")
    for r in rows:
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:.2f}x"
        print(f"| {r['name']} | {r['n']:.0e} | {fmt(r['numpy'])} | {fmt(r['nprand'])} | {ratio} | "
              f"{r['target']} | {r['note']} |")

    if args.json:
        with open(args.json, "w") as fp:
            json.dump(rows, fp, indent=1)

    if args.plot:
        try:
            import matplotlib
            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError:
            print(f"\nmatplotlib is not installed: no plot written to {args.plot} "
                  "(pip install matplotlib)", file=sys.stderr)
            return 0
        shown = [r for r in rows if r["ratio"] is not None]
        fig, ax = plt.subplots(figsize=(10, 0.4 * len(shown) + 1.5))
        ax.barh([r["name"] for r in shown], [r["ratio"] for r in shown], color="tab:blue")
        ax.axvline(1.0, color="black", linewidth=0.8)
        ax.invert_yaxis()
        ax.set_xlabel("speed-up (NumPy or baseline time / nprand time)")
        ax.set_title(f"nprand vs NumPy {np.__version__}, n = {args.n:.0e}")
        fig.tight_layout()
        fig.savefig(args.plot, dpi=120)
        print(f"\nplot written to {args.plot}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
