"""``fixtures/api/cases.json``: the library's NumPy-shaped calls (issue 13), one NumPy line
each, on ``RandomState(SEED)`` and ``default_rng(SEED)``: array-valued parameters
(broadcasting), ``choice``/``permutation`` of arrays (floats and ints, ``p``,
``replace=False``, ``size`` tuples), shuffles of rows, ``multinomial``/``dirichlet``/
``multivariate_hypergeometric`` with ``size`` tuples, and the int64 defaults of
``randint``/``integers``.

Each case is ``{"layer", "call", "result"}``: ``call`` is the Python call on the generator
(``tests/api_fixtures.rs`` maps each to its Rust line), ``result`` the value in the encoding
of ``fixgen.common.encode_array`` (floats by ``repr``, which round-trips exactly). A call
that mutates (``shuffle``) records the array afterwards. Needs numpy==2.4.6.
"""

from __future__ import annotations

import os
import sys

import numpy as np

from fixgen.common import NUMPY_VERSION, encode_array, write_json

SEED = 12345

# Calls valid on both layers, evaluated on a fresh generator each.
BOTH = [
    "poisson([1, 10, 100])",
    "normal([0., 10.], [[1.], [2.], [3.]])",
    "binomial(10, [[0.1], [0.9]], size=(2, 3))",
    "exponential([1., 2.], size=(4, 2))",
    "uniform(0., [1., 2., 3.])",
    "gamma([[0.5], [2.5]], [1., 3.])",
    "hypergeometric([10, 20], 5, 3)",
    "standard_normal(size=(2, 2))",
    "choice([1.5, 2.5, 3.5, 4.5], size=(2, 3))",
    "choice([10, 20, 30], size=5, p=[0.5, 0.25, 0.25])",
    "choice([1.5, 2.5, 3.5, 4.5, 5.5], size=3, replace=False)",
    "choice([1.5, 2.5, 3.5, 4.5, 5.5], size=(2, 1), replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])",
    "choice([1.5, 2.5, 3.5])",
    "choice(10, size=(2, 2))",
    "choice(10, size=4, replace=False, p=[0.04, 0.04, 0.04, 0.04, 0.04, 0.16, 0.16, 0.16, 0.16, 0.16])",
    "permutation([1.5, 2.5, 3.5, 4.5, 5.5])",
    "permutation([3, 1, 4, 1, 5, 9])",
    "permutation(np.arange(12).reshape(4, 3))",
    "shuffle(np.arange(12).reshape(4, 3))",
    "shuffle(np.arange(80).reshape(40, 2))",
    "shuffle([2.5, 3.5, 4.5, 5.5])",
    "multinomial(20, [0.2, 0.3, 0.5], size=(2, 3))",
    "multinomial(20, [0.2, 0.3, 0.5])",
    "dirichlet([1., 2., 3.], size=(2, 2))",
    "dirichlet([0.05, 0.02], size=2)",
]
LEGACY = BOTH + [
    "randint(0, 10, size=(2, 3))",
    "randint(0, 10)",
    "random_sample(size=(2, 2))",
    "randint([0, 5], 10, size=(3, 2))",
    "randint([[0], [5]], [10, 200, 3000])",
    "randint(0, [10, 2**40])",
    "randint(2.5, 10, size=3)",
]
GENERATOR = BOTH + [
    "integers(0, 10, size=(2, 3))",
    "integers(0, 10)",
    "integers(0, 10, size=3, endpoint=True)",
    "random(size=(2, 2))",
    "choice([1.5, 2.5, 3.5, 4.5, 5.5], size=3, replace=False, shuffle=False)",
    "choice(20000, size=600, replace=False)",
    "multivariate_hypergeometric([7, 9, 4], 12, size=(2, 2))",
    "multivariate_hypergeometric([7, 9, 4], 12, size=3, method='count')",
    "integers([0, 5], [[10], [20]])",
    "integers([0, 5], 10, size=(3, 2), endpoint=True)",
    "integers(-3, [2**62, 5])",
    "integers(2.5, 10, size=3)",
    "multinomial([10, 20], [[0.2, 0.8], [0.5, 0.5]])",
    "multinomial(20, [[0.2, 0.8], [0.5, 0.5]], size=(3, 2))",
    "multinomial([[5], [50]], [0.1, 0.2, 0.7])",
    "choice(np.arange(12.).reshape(4, 3), 2)",
    "choice(np.arange(12.).reshape(3, 4), size=(2, 2), replace=False, axis=1)",
    "choice(np.arange(24.).reshape(2, 3, 4), p=[0.2, 0.3, 0.5], axis=1)",
]


def run(gen, call: str):
    if call.startswith("shuffle("):
        x = eval(call[len("shuffle("):-1], {"np": np})
        x = np.array(x) if isinstance(x, list) else x
        gen.shuffle(x)
        return x
    return eval("gen." + call, {"gen": gen, "np": np})


def encode_value(v) -> dict:
    a = np.asarray(v)
    dtype = "float64" if a.dtype.kind == "f" else "int64"
    return encode_array("array", a.astype(dtype), dtype)


def generate(out_dir: str) -> dict:
    cases = []
    for layer, calls, make in (
        ("legacy", LEGACY, lambda: np.random.RandomState(SEED)),
        ("generator", GENERATOR, lambda: np.random.default_rng(SEED)),
    ):
        for call in calls:
            cases.append({"layer": layer, "call": call, "result": encode_value(run(make(), call))})
    write_json(os.path.join(out_dir, "cases.json"),
               {"numpy_version": NUMPY_VERSION, "seed": SEED, "cases": cases})
    return {"cases": len(cases)}


if __name__ == "__main__":
    from fixgen.common import family_main
    sys.exit(family_main("api"))
