#!/usr/bin/env python3
"""Time NumPy and the nprand Python package on the same calls, in one process and one
run, and print a markdown table (ns per element, best round; ratio = NumPy / nprand).

    python python/bench.py                  # n = 10**6, 7 rounds
    python python/bench.py -n 100000 --rounds 5

The rows are those of scripts/bench_vs_numpy.py that a Python user calls (the
bit-generator rows and the nprand-only baselines have no Python method). For every row
and every round the two are timed back to back (NumPy, then nprand), so machine load
hits both alike. Build the package with ``maturin develop --release`` first. Each call
allocates its result array on both sides, as NumPy's methods do.
"""

import argparse
import time

import numpy as np

import nprand


def legacy(method, *args, **kw):
    return (lambda mod, n: getattr(mod.RandomState(12345), method),
            lambda f, n: f(*args, size=n, **kw))


def gen(method, *args, **kw):
    return (lambda mod, n: getattr(mod.default_rng(12345), method),
            lambda f, n: f(*args, size=n, **kw))


def special(method, arg):
    return (lambda mod, n: getattr(mod.RandomState(12345), method), arg)


ROWS = [
    ("random_sample", *legacy("random_sample")),
    ("standard_normal", *legacy("standard_normal")),
    ("randint int64", *legacy("randint", -1000, 1000, dtype=np.int64)),
    ("randint int8", *legacy("randint", -100, 100, dtype=np.int8)),
    ("randint int64 [0,1000)", *legacy("randint", 0, 1000, dtype=np.int64)),
    ("randint uint8 full", *legacy("randint", 0, 256, dtype=np.uint8)),
    ("randint bool", *legacy("randint", 0, 2, dtype=bool)),
    ("standard_exponential", *legacy("standard_exponential")),
    ("standard_gamma(2.5)", *legacy("standard_gamma", 2.5)),
    ("binomial(20, 0.3)", *legacy("binomial", 20, 0.3)),
    ("poisson(30)", *legacy("poisson", 30)),
    ("normal(1, 2)", *legacy("normal", 1.0, 2.0)),
    ("uniform(-1, 1)", *legacy("uniform", -1.0, 1.0)),
    ("bytes", *special("bytes", lambda f, n: f(n))),
    ("permutation", *special("permutation", lambda f, n: f(n))),
    ("shuffle", lambda mod, n: (mod.RandomState(12345).shuffle, np.arange(n, dtype=np.int64)),
     lambda fx, n: fx[0](fx[1])),
    ("choice(1000, n)", *legacy("choice", 1000)),
    ("Generator.random", *gen("random")),
    ("Generator.standard_normal", *gen("standard_normal")),
    ("Generator.standard_exponential", *gen("standard_exponential")),
    ("Generator.integers int64", *gen("integers", 0, 1000)),
    ("Generator.normal(1, 2)", *gen("normal", 1.0, 2.0)),
    ("Generator.exponential(2)", *gen("exponential", 2.0)),
    ("Generator.gamma(2.5)", *gen("gamma", 2.5)),
    ("Generator.poisson(30)", *gen("poisson", 30)),
    ("Generator.binomial(20, 0.3)", *gen("binomial", 20, 0.3)),
]


def best(fn, reps):
    t0 = time.perf_counter_ns()
    for _ in range(reps):
        fn()
    return (time.perf_counter_ns() - t0) / reps


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10**6)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args()
    print(f"n = {a.n}, best of {a.rounds} rounds x {a.reps} calls; ns per element\n")
    print("| work | NumPy | nprand (Python) | ratio |")
    print("|---|---:|---:|---:|")
    for name, setup, call in ROWS:
        f_np, f_nr = setup(np.random, a.n), setup(nprand, a.n)
        t_np, t_nr = [], []
        for _ in range(a.rounds):
            t_np.append(best(lambda: call(f_np, a.n), a.reps))
            t_nr.append(best(lambda: call(f_nr, a.n), a.reps))
        np_ns, nr_ns = min(t_np) / a.n, min(t_nr) / a.n
        print(f"| {name} | {np_ns:.2f} | {nr_ns:.2f} | {np_ns / nr_ns:.2f}x |", flush=True)
    # Per-call overhead: one scalar draw.
    rs_np, rs_nr = np.random.RandomState(1), nprand.RandomState(1)
    t_np = min(best(rs_np.random_sample, 10000) for _ in range(a.rounds))
    t_nr = min(best(rs_nr.random_sample, 10000) for _ in range(a.rounds))
    print(f"| random_sample() scalar, ns per call | {t_np:.0f} | {t_nr:.0f} | {t_np / t_nr:.2f}x |")


if __name__ == "__main__":
    main()
